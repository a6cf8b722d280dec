// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Vm
/// @notice The few Foundry cheatcodes Peerlock's Solidity tests use. forge-std is not a
/// dependency, so we declare only what we call; Hardhat's EDR serves them at `VM_ADDRESS`.
/// @dev Signatures must match Foundry's exactly: EDR dispatches on the selector.
interface Vm {
    /// @notice A recorded log.
    struct Log {
        bytes32[] topics;
        bytes data;
        address emitter;
    }

    /// @notice Sets `msg.sender` for the next call only.
    function prank(address msgSender) external;

    /// @notice Sets `msg.sender` for every call until `stopPrank`.
    function startPrank(address msgSender) external;

    /// @notice Ends a `startPrank`.
    function stopPrank() external;

    /// @notice Sets `block.timestamp`.
    function warp(uint256 newTimestamp) external;

    /// @notice Sets an account's ETH balance.
    function deal(address account, uint256 newBalance) external;

    /// @notice Discards the current fuzz input when `condition` is false.
    function assume(bool condition) external pure;

    /// @notice The next call must revert with exactly this custom error (no arguments).
    function expectRevert(bytes4 revertData) external;

    /// @notice The next call must revert with exactly this revert data.
    function expectRevert(bytes calldata revertData) external;

    /// @notice The next event emitted by `emitter` must match the one emitted right after
    /// this call, on the topics and data selected.
    function expectEmit(bool checkTopic1, bool checkTopic2, bool checkTopic3, bool checkData, address emitter)
        external;

    /// @notice Signs `digest` with the private key `privateKey` (secp256k1, low s).
    function sign(uint256 privateKey, bytes32 digest) external pure returns (uint8 v, bytes32 r, bytes32 s);

    /// @notice The address of the private key `privateKey`.
    function addr(uint256 privateKey) external pure returns (address keyAddr);

    /// @notice Names an address in traces.
    function label(address account, string calldata newLabel) external;

    /// @notice Sets `block.chainid`.
    function chainId(uint256 newChainId) external;

    /// @notice Replaces the code at `target`.
    function etch(address target, bytes calldata newRuntimeBytecode) external;

    /// @notice Snapshots the whole state (storage, balances, code); returns its id.
    function snapshotState() external returns (uint256 snapshotId);

    /// @notice Returns the whole state to snapshot `snapshotId` (which stays usable).
    function revertToState(uint256 snapshotId) external returns (bool success);

    /// @notice Starts recording every log emitted.
    function recordLogs() external;

    /// @notice The logs recorded since `recordLogs` or the last call to this; clears them.
    function getRecordedLogs() external returns (Log[] memory logs);

    /// @notice Formats a number for messages.
    function toString(uint256 value) external pure returns (string memory);
}

/// @dev keccak256("hevm cheat code") truncated to 20 bytes, where Foundry and EDR listen.
address constant VM_ADDRESS = 0x7109709ECfa91a80626fF3989D68f67F5b1DD12D;
