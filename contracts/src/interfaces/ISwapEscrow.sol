// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IEscrowVault} from "./IEscrowVault.sol";

/// @title ISwapEscrow
/// @notice Token-for-token offers. A maker locks what it sells; a taker pays the asked price
/// and receives it in the same transaction.
interface ISwapEscrow is IEscrowVault {
    enum OfferStatus {
        None,
        Open,
        Filled,
        Cancelled
    }

    /// @notice An offer as callers see it.
    /// @dev The price is `buyAmount` per `sellAmount`; `taker == address(0)` lets anyone fill.
    struct Offer {
        address maker;
        address taker;
        address sellToken;
        address buyToken;
        uint256 sellAmount;
        uint256 buyAmount;
        uint256 sellRemaining;
        uint64 expiry;
        bool partialFills;
        OfferStatus status;
    }

    /// @notice A maker locked `sellAmount` of `sellToken` for `buyAmount` of `buyToken`.
    /// @param offerId The new offer's id.
    /// @param maker Who created the offer and receives the payments.
    /// @param taker The only account allowed to fill, or `address(0)` for anyone.
    /// @param sellToken What the maker sells (`address(0)` for ETH).
    /// @param sellAmount How much the maker sells.
    /// @param buyToken What the maker wants (`address(0)` for ETH).
    /// @param buyAmount How much the maker wants for the whole `sellAmount`.
    /// @param expiry Unix seconds from which the offer can no longer be filled; 0 for never.
    /// @param partialFills Whether takers may fill part of the offer.
    event OfferCreated(
        uint256 indexed offerId,
        address indexed maker,
        address indexed taker,
        address sellToken,
        uint256 sellAmount,
        address buyToken,
        uint256 buyAmount,
        uint64 expiry,
        bool partialFills
    );

    /// @notice A taker bought `sellAmount` of an offer for `buyAmount`.
    /// @param offerId The offer filled.
    /// @param taker Who filled it.
    /// @param sellAmount How much of the sell token the taker received.
    /// @param buyAmount How much of the buy token the taker paid the maker.
    /// @param sellRemaining What is left of the offer; 0 means it is Filled.
    event OfferFilled(
        uint256 indexed offerId, address indexed taker, uint256 sellAmount, uint256 buyAmount, uint256 sellRemaining
    );

    /// @notice The maker cancelled an offer and got back what remained.
    /// @param offerId The offer cancelled.
    /// @param refunded How much of the sell token went back to the maker.
    event OfferCancelled(uint256 indexed offerId, uint256 refunded);

    /// @notice Thrown by `createOffer` when the sell and buy tokens are the same.
    error SameToken();
    /// @notice Thrown by `createOffer` when `expiry` is set and not in the future.
    error InvalidExpiry();
    /// @notice Thrown when the maker names itself as taker, or tries to fill its own offer.
    error InvalidTaker();
    /// @notice Thrown when the offer is not Open (unknown, filled or cancelled).
    error OfferNotOpen();
    /// @notice Thrown by `fillOffer` at or after the offer's expiry.
    error OfferExpired();
    /// @notice Thrown by `fillOffer` when the offer is private to another taker.
    error NotTaker();
    /// @notice Thrown by `cancelOffer` when the caller is not the maker.
    error NotMaker();
    /// @notice Thrown when a fill amount is zero or above what remains.
    error InvalidFillAmount();
    /// @notice Thrown when an all-or-nothing offer is filled for less than what remains.
    error PartialFillNotAllowed();

    /// @notice Locks `sellAmount` of `sellToken` and offers it for `buyAmount` of `buyToken`.
    /// @param sellToken What the maker sells (`address(0)` for ETH, sent as `msg.value`).
    /// @param sellAmount How much the maker sells; taken in now.
    /// @param buyToken What the maker wants (`address(0)` for ETH).
    /// @param buyAmount How much the maker wants for the whole `sellAmount`.
    /// @param taker The only account allowed to fill, or `address(0)` for anyone.
    /// @param expiry Unix seconds from which the offer can no longer be filled; 0 for never.
    /// @param partialFills Whether takers may fill part of the offer.
    /// @return offerId The new offer's id.
    function createOffer(
        address sellToken,
        uint256 sellAmount,
        address buyToken,
        uint256 buyAmount,
        address taker,
        uint64 expiry,
        bool partialFills
    ) external payable returns (uint256 offerId);

    /// @notice Buys `sellAmount` of the offer's sell token at the offer's price.
    /// @dev Charges `ceil(sellAmount * buyAmount / offerSellAmount)` of the buy token, which
    /// goes to the maker; ETH must be sent as the exact `msg.value`. A price payment the maker
    /// blocks is credited to the maker and the fill completes; one that fails on the taker's
    /// side (the maker accepts the token from the escrow, but not from the taker) reverts
    /// `PaymentRefused(buyToken, taker)`, so a taker cannot push the maker onto a credit.
    /// @param offerId The offer to fill.
    /// @param sellAmount How much of the sell token to buy.
    /// @return buyAmountPaid What the taker paid the maker.
    function fillOffer(uint256 offerId, uint256 sellAmount) external payable returns (uint256 buyAmountPaid);

    /// @notice Ends an open offer and returns what remains of it to the maker.
    /// @dev Works before and after expiry.
    /// @param offerId The offer to cancel.
    function cancelOffer(uint256 offerId) external;

    /// @notice What `fillOffer(offerId, sellAmount)` would charge, rounded up like the fill.
    /// @param offerId The offer (any status; 0 for an unknown offer).
    /// @param sellAmount How much of the sell token would be bought.
    /// @return buyAmount The buy-token amount the fill would charge.
    function quoteFill(uint256 offerId, uint256 sellAmount) external view returns (uint256 buyAmount);

    /// @notice Reads an offer; an unknown id returns the zero offer (status None).
    /// @param offerId The offer to read.
    /// @return offer The offer.
    function getOffer(uint256 offerId) external view returns (Offer memory offer);

    /// @notice The id of the newest offer; ids start at 1.
    /// @return count The number of offers ever created.
    function offerCount() external view returns (uint256 count);
}
