// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {SwapEscrow} from "../../../src/SwapEscrow.sol";
import {ISwapEscrow} from "../../../src/interfaces/ISwapEscrow.sol";
import {HandlerBase} from "./HandlerBase.sol";

/// @notice Drives SwapEscrow through random create / fill / cancel / withdraw sequences in
/// `HandlerBase`'s world of actors, tokens and time, so that payouts both succeed and get
/// credited. It keeps its own model of every offer (ghost state) for the invariant test to
/// compare against.
/// @dev Each action bounds its inputs so that it does not revert for a reason we already know
/// (funds, allowances, status, caller); a call the escrow refuses anyway is a finding.
contract SwapEscrowHandler is HandlerBase {
    /// @dev The same contract as `vault`, typed for the offer functions.
    SwapEscrow public immutable escrow;

    // ---- ghost state: the handler's model of each offer
    uint256 public ghostOfferCount;
    mapping(uint256 offerId => uint256) public ghostRemaining;
    mapping(uint256 offerId => ISwapEscrow.OfferStatus) public ghostStatus;
    mapping(uint256 offerId => uint256) public ghostFilled;
    mapping(uint256 offerId => uint256) public ghostPaid;
    mapping(uint256 offerId => uint256) public ghostFills;
    /// @dev keccak256 of the stored offer, taken when it reached Filled or Cancelled.
    mapping(uint256 offerId => bytes32) public finishedSnapshot;

    /// @dev Three people: a maker, a taker and someone an offer is not private to.
    constructor() HandlerBase(new SwapEscrow(), 3) {
        escrow = SwapEscrow(address(vault));
    }

    // ------------------------------------------------------------------ actions

    /// @dev An offer about to be created (a struct keeps the stack small).
    struct NewOffer {
        address maker;
        address sellToken;
        uint256 sellAmount;
        address buyToken;
        uint256 buyAmount;
        address taker;
        uint64 expiry;
        bool partialFills;
    }

    /// @param tokenSeed Picks the sell token (low byte) and the buy token (next byte).
    /// @param termsSeed Picks the taker (low byte) and the expiry (the rest).
    function createOffer(
        uint256 makerSeed,
        uint256 tokenSeed,
        uint256 sellAmountSeed,
        uint256 buyAmountSeed,
        uint256 termsSeed,
        bool partialFills
    ) external atCurrentTime {
        NewOffer memory o;
        o.maker = _actor(makerSeed);
        o.sellToken = _token(tokenSeed);
        o.buyToken = _token(tokenSeed >> 8);
        if (o.buyToken == o.sellToken) o.buyToken = _token(tokenSeed + 1);
        o.sellAmount = _amount(sellAmountSeed);
        o.buyAmount = _amount(buyAmountSeed);
        // one offer in three is private to another actor
        if (termsSeed % 3 == 0) o.taker = _otherActor(termsSeed >> 2, o.maker);
        // one in three never expires; the others within two days, some within seconds
        uint256 expirySeed = termsSeed >> 8;
        if (expirySeed % 3 != 0) o.expiry = uint64(currentTime + _duration(expirySeed >> 2));
        o.partialFills = partialFills;

        _fund(o.sellToken, o.maker, o.sellAmount);
        vm.prank(o.maker);
        uint256 offerId = escrow.createOffer{value: o.sellToken == ETH ? o.sellAmount : 0}(
            o.sellToken, o.sellAmount, o.buyToken, o.buyAmount, o.taker, o.expiry, o.partialFills
        );

        _expect(offerId == ghostOfferCount + 1, "offer ids count up by one");
        ghostOfferCount = offerId;
        ghostRemaining[offerId] = o.sellAmount;
        ghostStatus[offerId] = ISwapEscrow.OfferStatus.Open;
        ++calls["createOffer"];
    }

    function fillOffer(uint256 offerSeed, uint256 takerSeed, uint256 amountSeed) external atCurrentTime {
        (uint256 offerId, ISwapEscrow.Offer memory offer) = _findOffer(offerSeed, Want.Fillable);
        if (offerId == 0) return;

        address taker = offer.taker != address(0) ? offer.taker : _otherActor(takerSeed, offer.maker);
        uint256 amount = offer.partialFills ? _fillAmount(amountSeed, offer.sellRemaining) : offer.sellRemaining;
        uint256 quote = escrow.quoteFill(offerId, amount);
        _fund(offer.buyToken, taker, quote);
        uint256 makerBefore = _holdings(offer.buyToken, offer.maker);
        uint256 takerBefore = _holdings(offer.sellToken, taker);

        vm.prank(taker);
        uint256 paid = escrow.fillOffer{value: offer.buyToken == ETH ? quote : 0}(offerId, amount);

        _expect(paid == quote, "fill charges the quote");
        _expect(_holdings(offer.buyToken, offer.maker) - makerBefore == paid, "maker paid or credited the price");
        _expect(_holdings(offer.sellToken, taker) - takerBefore == amount, "taker paid or credited its fill");
        ghostRemaining[offerId] -= amount;
        ghostFilled[offerId] += amount;
        ghostPaid[offerId] += paid;
        ++ghostFills[offerId];
        if (ghostRemaining[offerId] == 0) _finish(offerId, ISwapEscrow.OfferStatus.Filled);
        ++calls["fillOffer"];
    }

    function cancelOffer(uint256 offerSeed) external atCurrentTime {
        (uint256 offerId, ISwapEscrow.Offer memory offer) = _findOffer(offerSeed, Want.Open);
        if (offerId == 0) return;

        uint256 makerBefore = _holdings(offer.sellToken, offer.maker);
        vm.prank(offer.maker);
        escrow.cancelOffer(offerId);

        _expect(_holdings(offer.sellToken, offer.maker) - makerBefore == offer.sellRemaining, "cancel refunds the rest");
        _finish(offerId, ISwapEscrow.OfferStatus.Cancelled);
        ++calls["cancelOffer"];
    }

    /// @dev Tries to fill or cancel a finished offer as anyone; the escrow must refuse.
    function poke(uint256 offerSeed, uint256 actorSeed, uint256 amountSeed, bool tryCancel) external atCurrentTime {
        (uint256 offerId, ISwapEscrow.Offer memory offer) = _findOffer(offerSeed, Want.Finished);
        if (offerId == 0) return;

        address caller = actorSeed % 2 == 0 ? offer.maker : _otherActor(actorSeed >> 1, offer.maker);
        bool succeeded;
        if (tryCancel) {
            vm.prank(caller);
            try escrow.cancelOffer(offerId) {
                succeeded = true;
            } catch {}
        } else {
            // fund the caller so that only the offer's status can stop the fill
            uint256 amount = bound(amountSeed, 1, offer.sellAmount);
            uint256 quote = escrow.quoteFill(offerId, amount);
            _fund(offer.buyToken, caller, quote);
            vm.prank(caller);
            try escrow.fillOffer{value: offer.buyToken == ETH ? quote : 0}(offerId, amount) {
                succeeded = true;
            } catch {}
        }
        _expect(!succeeded, "a finished offer accepted a call");
        ++calls["poke"];
    }

    // ------------------------------------------------------------------ helpers

    enum Want {
        Fillable, // Open and not expired
        Open, // Open, expired or not
        Finished // Filled or Cancelled
    }

    /// @dev The first offer from a random id on (wrapping around) that is in the wanted
    /// state, so that actions rarely find nothing to do; (0, zero offer) if none is.
    function _findOffer(uint256 seed, Want want) internal view returns (uint256, ISwapEscrow.Offer memory offer) {
        uint256 count = ghostOfferCount;
        for (uint256 i; i < count; ++i) {
            uint256 offerId = 1 + (seed + i) % count;
            offer = escrow.getOffer(offerId);
            bool open = offer.status == ISwapEscrow.OfferStatus.Open;
            bool expired = offer.expiry != 0 && currentTime >= offer.expiry;
            if (want == Want.Fillable ? open && !expired : want == Want.Open ? open : !open) return (offerId, offer);
        }
        return (0, offer);
    }

    /// @dev Mostly minutes to hours, sometimes a second or two days: expiries and time steps.
    function _duration(uint256 seed) internal pure returns (uint256) {
        uint256 mode = seed % 4;
        seed >>= 2;
        if (mode == 0) return bound(seed, 1, 60);
        if (mode == 3) return bound(seed, 1 days, 2 days);
        return bound(seed, 1 minutes, 12 hours);
    }

    /// @dev Time steps span the same range as expiries, so offers expire within a run.
    function _timeStep(uint256 seed) internal pure override returns (uint256) {
        return _duration(seed);
    }

    function _finish(uint256 offerId, ISwapEscrow.OfferStatus status) internal {
        ISwapEscrow.Offer memory offer = escrow.getOffer(offerId);
        _expect(offer.status == status, "offer reached the expected final status");
        _expect(finishedSnapshot[offerId] == bytes32(0), "an offer finished twice");
        ghostStatus[offerId] = status;
        finishedSnapshot[offerId] = keccak256(abi.encode(offer));
    }

    /// @dev Small amounts make rounding matter; large ones reach the 2^128 - 1 limit.
    function _amount(uint256 seed) internal pure returns (uint256) {
        uint256 mode = seed % 3;
        seed >>= 2;
        if (mode == 0) return bound(seed, 1, 100);
        if (mode == 1) return bound(seed, 1, 1e24);
        return bound(seed, 1, type(uint128).max);
    }

    /// @dev Biased to 1 (worst rounding) and to the whole remainder (finishes the offer).
    function _fillAmount(uint256 seed, uint256 remaining) internal pure returns (uint256) {
        uint256 mode = seed % 4;
        seed >>= 2;
        if (mode == 0) return 1;
        if (mode == 1) return remaining;
        return bound(seed, 1, remaining);
    }
}
