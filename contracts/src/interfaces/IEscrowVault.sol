// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IEscrowVault
/// @notice What both Peerlock escrows share: how money comes in, and the credit ledger that
/// keeps a payout from ever being blocked by the account receiving it.
/// @dev Native ETH is written as `address(0)` wherever a token is expected.
interface IEscrowVault {
    /// @notice A payout to `account` failed and was credited to it instead.
    /// @param account Who can withdraw the credit.
    /// @param token The token credited (`address(0)` for ETH).
    /// @param amount How much was added to the credit.
    event Credited(address indexed account, address indexed token, uint256 amount);

    /// @notice `account` withdrew its whole credit of `token`.
    /// @param account Who withdrew.
    /// @param token The token withdrawn (`address(0)` for ETH).
    /// @param amount How much was paid out.
    event Withdrawn(address indexed account, address indexed token, uint256 amount);

    /// @notice Thrown when an amount is zero.
    error ZeroAmount();

    /// @notice Thrown when an amount is above 2^128 - 1, the most a trade can hold.
    error AmountTooLarge();

    /// @notice Thrown when `msg.value` is not the ETH amount due, or is not zero for an ERC-20.
    error InvalidValue();

    /// @notice Thrown when `token` has no code, or did not deliver exactly the amount sent
    /// (fee-on-transfer and deflationary tokens).
    error UnsupportedToken(address token);

    /// @notice Thrown when a payment from `payer` failed although its recipient accepts the
    /// token: the refusal is on the payer's side (for example its ERC-777-style send hook
    /// refuses that recipient), so the payer's call fails instead of the recipient being
    /// credited. A payout that the recipient itself blocks is credited, never this.
    /// @param token The ERC-20 being paid.
    /// @param payer The account whose payment was refused.
    error PaymentRefused(address token, address payer);

    /// @notice Thrown by `withdraw` when the caller has no credit of that token.
    error NothingToWithdraw();

    /// @notice The credit `account` can withdraw for `token`.
    /// @param token The ERC-20, or `address(0)` for ETH.
    /// @param account The account whose payout failed earlier.
    /// @return amount The amount `withdraw(token)` would pay `account`.
    function withdrawable(address token, address account) external view returns (uint256 amount);

    /// @notice Pays the caller's whole credit of `token`.
    /// @dev Reverts `NothingToWithdraw()` when there is none. Unlike trade payouts this one
    /// reverts if the transfer fails, so the credit is kept for a later try.
    /// @param token The ERC-20, or `address(0)` for ETH.
    function withdraw(address token) external;
}
