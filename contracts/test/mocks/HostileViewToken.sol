// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title HostileViewToken
/// @notice Test-only ERC-20 (18 decimals) whose `balanceOf` and `allowance` can revert, burn
/// all the gas they are given, or answer with less than a word. SignedSwap's `check` must
/// still return (reporting the balance or allowance as low) instead of reverting.
/// @dev Anyone may configure it: never deploy outside tests.
contract HostileViewToken is ERC20 {
    enum Mode {
        Honest,
        Revert,
        BurnGas,
        Short
    }

    /// @notice How `balanceOf` and `allowance` answer.
    Mode public mode;

    constructor() ERC20("Hostile View Token", "HVT") {}

    /// @notice Mints `amount` to `to`; free for anyone.
    /// @param to Who receives the tokens.
    /// @param amount How many, in the smallest unit.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice Sets how the views answer.
    /// @param newMode The answer from now on.
    function setMode(Mode newMode) external {
        mode = newMode;
    }

    /// @inheritdoc ERC20
    function balanceOf(address account) public view override returns (uint256) {
        _misbehave();
        return super.balanceOf(account);
    }

    /// @inheritdoc ERC20
    function allowance(address owner, address spender) public view override returns (uint256) {
        _misbehave();
        return super.allowance(owner, spender);
    }

    function _misbehave() private view {
        Mode current = mode;
        if (current == Mode.Revert) revert("no views today");
        if (current == Mode.BurnGas) {
            // solhint-disable-next-line no-empty-blocks
            while (gasleft() > 0) {}
        }
        if (current == Mode.Short) {
            // solhint-disable-next-line no-inline-assembly
            assembly ("memory-safe") {
                mstore(0x00, not(0))
                return(0x00, 0x10)
            }
        }
    }
}
