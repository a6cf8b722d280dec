// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {EscrowVault} from "./base/EscrowVault.sol";
import {ISwapEscrow} from "./interfaces/ISwapEscrow.sol";

/// @title SwapEscrow
/// @notice Token-for-token offers that settle atomically. No owner, no admin, no fees.
contract SwapEscrow is ISwapEscrow, EscrowVault {
    /// @dev Storage form of an offer, packed into six slots. A public offer never writes or
    /// reads the taker slot: `isPrivate` in slot 0 says whether it is set. A full fill, the
    /// common case, reads neither the taker slot nor the price slot and writes only slot 5.
    struct StoredOffer {
        // slot 0: everything a fill checks first
        address maker;
        uint64 expiry;
        bool partialFills;
        bool isPrivate;
        // None, Open or Cancelled. Filled is never stored: an Open offer with nothing
        // remaining is Filled (see `_status`), so filling the rest leaves slot 0 alone.
        OfferStatus status;
        // slot 1
        address taker;
        // slot 2
        address sellToken;
        // slot 3
        address buyToken;
        // slot 4: the price, fixed at creation; read by partial fills and quotes
        uint128 sellAmount;
        uint128 buyAmount;
        // slot 5: what is left, and what buying all of it costs:
        // buyRemaining == ceil(sellRemaining * buyAmount / sellAmount), kept by every fill
        uint128 sellRemaining;
        uint128 buyRemaining;
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
        // nothing filled yet: all of it costs exactly buyAmount
        offer.sellRemaining = uint128(sellAmount);
        offer.buyRemaining = uint128(buyAmount);
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
        // read slot 0 and slot 5 once each, before any branch
        OfferStatus status = offer.status;
        uint64 expiry = offer.expiry;
        address maker = offer.maker;
        bool isPrivate = offer.isPrivate;
        uint256 remaining = offer.sellRemaining;
        uint256 buyRemaining = offer.buyRemaining;

        // checks
        if (status != OfferStatus.Open || remaining == 0) revert OfferNotOpen();
        if (expiry != 0 && block.timestamp >= expiry) revert OfferExpired();
        if (isPrivate) {
            // the maker can never be the named taker (createOffer refuses it)
            if (msg.sender != offer.taker) revert NotTaker();
        } else if (msg.sender == maker) {
            revert InvalidTaker();
        }
        if (sellAmount == 0 || sellAmount > remaining) revert InvalidFillAmount();
        uint256 sellLeft; // sellRemaining after this fill
        uint256 buyLeft; // buyRemaining after this fill
        if (sellAmount == remaining) {
            // taking all that is left costs what slot 5 says; the price slot stays unread
            buyAmountPaid = buyRemaining;
        } else {
            if (!offer.partialFills) revert PartialFillNotAllowed();
            uint256 offerSell = offer.sellAmount;
            uint256 offerBuy = offer.buyAmount;
            buyAmountPaid = _fillPrice(offerSell, offerBuy, sellAmount);
            unchecked {
                // sellAmount < remaining was checked above
                sellLeft = remaining - sellAmount;
            }
            buyLeft = _fillPrice(offerSell, offerBuy, sellLeft);
        }
        address buyToken = offer.buyToken;
        _checkValue(buyToken, buyAmountPaid);

        // effects: a full fill zeroes slot 5, which is what makes the offer Filled
        offer.sellRemaining = uint128(sellLeft);
        offer.buyRemaining = uint128(buyLeft);
        emit OfferFilled(offerId, msg.sender, sellAmount, buyAmountPaid, sellLeft);

        // interactions: the taker pays the maker, then receives what it bought
        _payThrough(buyToken, msg.sender, maker, buyAmountPaid);
        _payOut(offer.sellToken, msg.sender, sellAmount);
    }

    /// @inheritdoc ISwapEscrow
    function cancelOffer(uint256 offerId) external nonReentrant {
        StoredOffer storage offer = _offers[offerId];
        uint256 refund = offer.sellRemaining;

        // checks: nothing remaining means Filled (see `_status`)
        if (offer.status != OfferStatus.Open || refund == 0) revert OfferNotOpen();
        address maker = offer.maker;
        if (msg.sender != maker) revert NotMaker();

        // effects: sellRemaining is kept as the record of what was refunded
        offer.status = OfferStatus.Cancelled;
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
            status: _status(offer)
        });
    }

    /// @inheritdoc ISwapEscrow
    function offerCount() external view returns (uint256) {
        return _offerCount;
    }

    /// @dev The stored status, except that an Open offer with nothing remaining is Filled:
    /// `fillOffer` never writes Filled, it only zeroes slot 5.
    function _status(StoredOffer storage offer) private view returns (OfferStatus) {
        OfferStatus stored = offer.status;
        if (stored == OfferStatus.Open && offer.sellRemaining == 0) return OfferStatus.Filled;
        return stored;
    }

    /// @dev ceil(fillAmount * buyAmount / sellAmount), rounded in the maker's favour, exact
    /// for any input (`quoteFill` accepts any fill amount, even ones `fillOffer` refuses).
    function _quote(uint256 sellAmount, uint256 buyAmount, uint256 fillAmount) private pure returns (uint256) {
        return Math.mulDiv(fillAmount, buyAmount, sellAmount, Math.Rounding.Ceil);
    }

    /// @dev `_quote` for a fill `fillOffer` accepts, without mulDiv's 512-bit path: offer and
    /// fill amounts are below 2^128, so the product fits in 256 bits and ceilDiv is exact.
    function _fillPrice(uint256 sellAmount, uint256 buyAmount, uint256 fillAmount) private pure returns (uint256) {
        return Math.ceilDiv(fillAmount * buyAmount, sellAmount);
    }
}
