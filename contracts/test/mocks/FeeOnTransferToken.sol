// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title FeeOnTransferToken
/// @notice Test-only ERC-20 (18 decimals) that burns `feeBps` of every transfer, so the
/// receiver gets less than was sent. Peerlock must refuse it (`UnsupportedToken`).
/// @dev Minting and burning are fee-free; only account-to-account transfers pay.
contract FeeOnTransferToken is ERC20 {
    /// @notice The share of every transfer that is burnt, in basis points.
    uint256 public immutable feeBps;

    /// @notice Thrown by the constructor when the fee is above 100 %.
    error FeeAbove100Percent();

    /// @param feeBps_ The fee in basis points (at most 10000).
    constructor(uint256 feeBps_) ERC20("Fee Token", "FEE") {
        if (feeBps_ > 10_000) revert FeeAbove100Percent();
        feeBps = feeBps_;
    }

    /// @notice Mints `amount` to `to`; free for anyone.
    /// @param to Who receives the tokens.
    /// @param amount How many, in the smallest unit.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @dev Burns the fee from the sender, then moves the rest.
    function _update(address from, address to, uint256 value) internal override {
        if (from == address(0) || to == address(0)) {
            super._update(from, to, value);
            return;
        }
        uint256 fee = value * feeBps / 10_000;
        super._update(from, address(0), fee);
        super._update(from, to, value - fee);
    }
}
