// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title EthRefuser
/// @notice Test-only contract account that trades through `execute` and is hostile to ETH
/// payouts: its `receive` reverts unless accepting, or burns every unit of gas it is given.
/// Peerlock must credit it rather than fail the trade, and let it withdraw later.
/// @dev Anyone may drive it: never deploy outside tests. Starts refusing ETH.
contract EthRefuser {
    /// @notice Whether `receive` accepts ETH (when not burning gas).
    bool public accepting;
    /// @notice Whether `receive` burns all the gas it is given, whatever `accepting` says.
    bool public burnGas;

    /// @notice Thrown by `receive` while not accepting.
    error EthRefused();

    /// @notice Calls `target` with `value` wei and `data`, as this account.
    /// @dev A revert in the call is bubbled up unchanged, so tests see the target's custom error.
    /// @param target The contract to call (usually an escrow or a token).
    /// @param value Wei to send along, taken from `msg.value` or this contract's balance.
    /// @param data The calldata.
    /// @return result What the call returned.
    function execute(address target, uint256 value, bytes calldata data)
        external
        payable
        returns (bytes memory result)
    {
        bool success;
        // slither-disable-next-line arbitrary-send-eth,low-level-calls
        (success, result) = target.call{value: value}(data);
        if (!success) {
            assembly ("memory-safe") {
                revert(add(result, 0x20), mload(result))
            }
        }
    }

    /// @notice Makes `receive` accept or refuse ETH.
    /// @param isAccepting Whether to accept.
    function setAccepting(bool isAccepting) external {
        accepting = isAccepting;
    }

    /// @notice Makes `receive` burn all its gas (or stop doing so).
    /// @param isBurning Whether to burn.
    function setBurnGas(bool isBurning) external {
        burnGas = isBurning;
    }

    /// @dev Burns all gas, or refuses, or accepts, in that order of precedence.
    receive() external payable {
        if (burnGas) {
            // spin until the forwarded gas runs out
            uint256 spins;
            while (true) {
                spins++;
            }
        }
        if (!accepting) revert EthRefused();
    }
}
