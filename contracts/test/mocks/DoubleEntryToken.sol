// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title DoubleEntryToken
/// @notice Test-only ERC-20 (18 decimals) with a second address, `legacy`, that reads and
/// moves the same balances (like TUSD's old and new contracts). An escrow sees two "tokens"
/// backed by one balance.
contract DoubleEntryToken is ERC20 {
    /// @notice The second entry point.
    address public immutable legacy;

    /// @notice Thrown when a `legacy*` function is called by anything but the legacy entry.
    error NotLegacy();

    constructor() ERC20("Double Entry", "TWIN") {
        legacy = address(new LegacyEntry());
    }

    modifier onlyLegacy() {
        if (msg.sender != legacy) revert NotLegacy();
        _;
    }

    /// @notice Mints `amount` to `to`; free for anyone.
    /// @param to Who receives the tokens.
    /// @param amount How many, in the smallest unit.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice `transfer` made through the legacy entry on behalf of `sender`.
    function legacyTransfer(address sender, address to, uint256 value) external onlyLegacy returns (bool) {
        _transfer(sender, to, value);
        return true;
    }

    /// @notice `transferFrom` made through the legacy entry by `spender`.
    function legacyTransferFrom(address spender, address from, address to, uint256 value)
        external
        onlyLegacy
        returns (bool)
    {
        _spendAllowance(from, spender, value);
        _transfer(from, to, value);
        return true;
    }

    /// @notice `approve` made through the legacy entry by `owner`.
    function legacyApprove(address owner, address spender, uint256 value) external onlyLegacy returns (bool) {
        _approve(owner, spender, value);
        return true;
    }
}

/// @title LegacyEntry
/// @notice The second address of a DoubleEntryToken: every call goes to the main contract.
contract LegacyEntry {
    DoubleEntryToken public immutable main;

    constructor() {
        main = DoubleEntryToken(msg.sender);
    }

    function balanceOf(address account) external view returns (uint256) {
        return main.balanceOf(account);
    }

    function allowance(address owner, address spender) external view returns (uint256) {
        return main.allowance(owner, spender);
    }

    function transfer(address to, uint256 value) external returns (bool) {
        return main.legacyTransfer(msg.sender, to, value);
    }

    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        return main.legacyTransferFrom(msg.sender, from, to, value);
    }

    function approve(address spender, uint256 value) external returns (bool) {
        return main.legacyApprove(msg.sender, spender, value);
    }
}
