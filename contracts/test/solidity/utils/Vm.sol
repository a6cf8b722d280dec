// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Vm
/// @notice The few Foundry cheatcodes Peerlock's Solidity tests use. forge-std is not a
/// dependency, so we declare only what we call; Hardhat's EDR serves them at `VM_ADDRESS`.
/// @dev Signatures must match Foundry's exactly: EDR dispatches on the selector.
interface Vm {
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

    /// @notice Formats a number for messages.
    function toString(uint256 value) external pure returns (string memory);
}

/// @dev keccak256("hevm cheat code") truncated to 20 bytes, where Foundry and EDR listen.
address constant VM_ADDRESS = 0x7109709ECfa91a80626fF3989D68f67F5b1DD12D;
