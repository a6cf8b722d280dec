// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title ZeroSpyToken
/// @notice Test-only ERC-20 (18 decimals) that counts transfers of 0. Some tokens revert on
/// them; Peerlock must never send one, so a test asserts the count stays 0.
contract ZeroSpyToken is ERC20 {
    /// @notice How many `transfer` / `transferFrom` calls moved 0.
    uint256 public zeroTransfers;

    constructor() ERC20("Zero Spy", "ZSPY") {}

    /// @notice Mints `amount` to `to`; free for anyone.
    /// @param to Who receives the tokens.
    /// @param amount How many, in the smallest unit.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @dev Counts account-to-account moves of 0 (mints and burns are not transfers).
    function _update(address from, address to, uint256 value) internal override {
        if (value == 0 && from != address(0) && to != address(0)) zeroTransfers += 1;
        super._update(from, to, value);
    }
}
