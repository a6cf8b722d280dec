// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {EscrowVault} from "./base/EscrowVault.sol";
import {ISwapEscrow} from "./interfaces/ISwapEscrow.sol";

/// @title SwapEscrow
/// @notice Token-for-token offers that settle atomically. No owner, no admin, no fees.
contract SwapEscrow is ISwapEscrow, EscrowVault {
    /// @dev Storage form of an offer, packed into six slots. A public offer never writes or
    /// reads the taker slot: `isPrivate` in slot 0 says whether it is set.
    struct StoredOffer {
        // slot 0: everything a fill checks first
        address maker;
        uint64 expiry;
        bool partialFills;
        bool isPrivate;
        OfferStatus status;
        // slot 1
        address taker;
        // slot 2
        address sellToken;
        // slot 3
        address buyToken;
        // slot 4: the price, fixed at creation
        uint128 sellAmount;
        uint128 buyAmount;
        // slot 5
        uint128 sellRemaining;
    }

    uint256 private _offerCount;
    mapping(uint256 offerId => StoredOffer offer) private _offers;

    /// @inheritdoc ISwapEscrow
    function createOffer(
        address sellToken,
        uint256 sellAmount,
        address buyToken,
        uint256 buyAmount,
        address taker,
        uint64 expiry,
        bool partialFills
    ) external payable nonReentrant returns (uint256 offerId) {
        // checks
        _checkAmount(sellAmount);
        _checkAmount(buyAmount);
        if (sellToken == buyToken) revert SameToken();
        if (expiry != 0 && expiry <= block.timestamp) revert InvalidExpiry();
        if (taker == msg.sender) revert InvalidTaker();

        // effects
        offerId = ++_offerCount;
        StoredOffer storage offer = _offers[offerId];
        offer.maker = msg.sender;
        offer.expiry = expiry;
        offer.partialFills = partialFills;
        offer.status = OfferStatus.Open;
        if (taker != address(0)) {
            offer.isPrivate = true;
            offer.taker = taker;
        }
        if (sellToken != ETH) offer.sellToken = sellToken;
        if (buyToken != ETH) offer.buyToken = buyToken;
        // both amounts were checked against MAX_AMOUNT above
        offer.sellAmount = uint128(sellAmount);
        offer.buyAmount = uint128(buyAmount);
        offer.sellRemaining = uint128(sellAmount);
        emit OfferCreated(
            offerId, msg.sender, taker, sellToken, sellAmount, buyToken, buyAmount, expiry, partialFills
        );

        // interactions
        _takeIn(sellToken, msg.sender, sellAmount);
    }

    /// @inheritdoc ISwapEscrow
    function fillOffer(uint256 offerId, uint256 sellAmount)
        external
        payable
        nonReentrant
        returns (uint256 buyAmountPaid)
    {
        StoredOffer storage offer = _offers[offerId];

        // checks
        if (offer.status != OfferStatus.Open) revert OfferNotOpen();
        uint64 expiry = offer.expiry;
        if (expiry != 0 && block.timestamp >= expiry) revert OfferExpired();
        address maker = offer.maker;
        if (offer.isPrivate) {
            // the maker can never be the named taker (createOffer refuses it)
            if (msg.sender != offer.taker) revert NotTaker();
        } else if (msg.sender == maker) {
            revert InvalidTaker();
        }
        uint256 remaining = offer.sellRemaining;
        if (sellAmount == 0 || sellAmount > remaining) revert InvalidFillAmount();
        if (!offer.partialFills && sellAmount != remaining) revert PartialFillNotAllowed();
        address buyToken = offer.buyToken;
        buyAmountPaid = _quote(offer.sellAmount, offer.buyAmount, sellAmount);
        _checkValue(buyToken, buyAmountPaid);

        // effects
        unchecked {
            // sellAmount <= remaining was checked above
            remaining -= sellAmount;
        }
        offer.sellRemaining = uint128(remaining);
        if (remaining == 0) offer.status = OfferStatus.Filled;
        emit OfferFilled(offerId, msg.sender, sellAmount, buyAmountPaid, remaining);

        // interactions: the taker pays the maker, then receives what it bought
        _payThrough(buyToken, msg.sender, maker, buyAmountPaid);
        _payOut(offer.sellToken, msg.sender, sellAmount);
    }

    /// @inheritdoc ISwapEscrow
    function cancelOffer(uint256 offerId) external nonReentrant {
        StoredOffer storage offer = _offers[offerId];

        // checks
        if (offer.status != OfferStatus.Open) revert OfferNotOpen();
        address maker = offer.maker;
        if (msg.sender != maker) revert NotMaker();

        // effects: sellRemaining is kept as the record of what was refunded
        offer.status = OfferStatus.Cancelled;
        uint256 refund = offer.sellRemaining;
        emit OfferCancelled(offerId, refund);

        // interactions
        _payOut(offer.sellToken, maker, refund);
    }

    /// @inheritdoc ISwapEscrow
    function quoteFill(uint256 offerId, uint256 sellAmount) external view returns (uint256) {
        StoredOffer storage offer = _offers[offerId];
        if (offer.status == OfferStatus.None) return 0;
        return _quote(offer.sellAmount, offer.buyAmount, sellAmount);
    }

    /// @inheritdoc ISwapEscrow
    function getOffer(uint256 offerId) external view returns (Offer memory) {
        StoredOffer storage offer = _offers[offerId];
        return Offer({
            maker: offer.maker,
            taker: offer.taker,
            sellToken: offer.sellToken,
            buyToken: offer.buyToken,
            sellAmount: offer.sellAmount,
            buyAmount: offer.buyAmount,
            sellRemaining: offer.sellRemaining,
            expiry: offer.expiry,
            partialFills: offer.partialFills,
            status: offer.status
        });
    }

    /// @inheritdoc ISwapEscrow
    function offerCount() external view returns (uint256) {
        return _offerCount;
    }

    /// @dev ceil(fillAmount * buyAmount / sellAmount), rounded in the maker's favour.
    /// Offer amounts are below 2^128, so the product cannot overflow for any fill that
    /// `fillOffer` accepts; `Math.mulDiv` keeps `quoteFill` exact for any input.
    function _quote(uint256 sellAmount, uint256 buyAmount, uint256 fillAmount) private pure returns (uint256) {
        return Math.mulDiv(fillAmount, buyAmount, sellAmount, Math.Rounding.Ceil);
    }
}
