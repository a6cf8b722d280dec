// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title FalseReturnToken
/// @notice Test-only ERC-20 (18 decimals) whose `transfer` and `transferFrom` to a
/// "failing" account return false and move nothing (no revert), like some old tokens.
/// Peerlock must treat `false` as a failed payout and credit the recipient.
contract FalseReturnToken is ERC20 {
    /// @notice Whether transfers to an account return false.
    mapping(address account => bool) public failing;

    constructor() ERC20("False Token", "FALSE") {}

    /// @notice Mints `amount` to `to`; free for anyone.
    /// @param to Who receives the tokens.
    /// @param amount How many, in the smallest unit.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice Makes transfers to `account` return false (or work again).
    /// @param account The receiver.
    /// @param isFailing Whether transfers to it return false.
    function setFailing(address account, bool isFailing) external {
        failing[account] = isFailing;
    }

    /// @inheritdoc ERC20
    function transfer(address to, uint256 value) public override returns (bool) {
        if (failing[to]) return false;
        return super.transfer(to, value);
    }

    /// @inheritdoc ERC20
    /// @dev A failing transfer spends no allowance either.
    function transferFrom(address from, address to, uint256 value) public override returns (bool) {
        if (failing[to]) return false;
        return super.transferFrom(from, to, value);
    }
}
