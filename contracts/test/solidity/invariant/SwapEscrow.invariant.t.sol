// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {SwapEscrow} from "../../../src/SwapEscrow.sol";
import {ISwapEscrow} from "../../../src/interfaces/ISwapEscrow.sol";
import {HandlerBase} from "./HandlerBase.sol";
import {EscrowInvariantBase} from "./EscrowInvariantBase.sol";
import {SwapEscrowHandler} from "./SwapEscrowHandler.sol";

/// @notice Properties of SwapEscrow that hold after any sequence of creates, fills, cancels
/// and withdrawals by a few actors, with ETH, a plain token and a receiver-blocking token,
/// while time passes. The fuzzer calls only the handler (see `SwapEscrowHandler`).
contract SwapEscrowInvariantTest is EscrowInvariantBase {
    SwapEscrowHandler internal handler;
    SwapEscrow internal escrow;

    function setUp() public {
        handler = new SwapEscrowHandler();
        escrow = handler.escrow();

        // a selector listed twice is called twice as often: mostly trade, sometimes disturb
        bytes4[] memory selectors = new bytes4[](12);
        selectors[0] = SwapEscrowHandler.createOffer.selector;
        selectors[1] = SwapEscrowHandler.createOffer.selector;
        selectors[2] = SwapEscrowHandler.createOffer.selector;
        selectors[3] = SwapEscrowHandler.fillOffer.selector;
        selectors[4] = SwapEscrowHandler.fillOffer.selector;
        selectors[5] = SwapEscrowHandler.fillOffer.selector;
        selectors[6] = SwapEscrowHandler.cancelOffer.selector;
        selectors[7] = HandlerBase.withdraw.selector;
        selectors[8] = HandlerBase.withdraw.selector;
        selectors[9] = SwapEscrowHandler.poke.selector;
        selectors[10] = HandlerBase.setHostility.selector;
        selectors[11] = HandlerBase.warp.selector;
        _targetHandler(handler, selectors);
    }

    /// @dev For every token, ETH included, the escrow holds exactly what Open offers still
    /// sell plus every credit: nothing is missing and nothing is stuck.
    function invariant_Solvent() public view {
        address[] memory tokens = handler.tokens();
        uint256[] memory locked = new uint256[](tokens.length);
        uint256 count = escrow.offerCount();
        for (uint256 offerId = 1; offerId <= count; ++offerId) {
            ISwapEscrow.Offer memory offer = escrow.getOffer(offerId);
            if (offer.status == ISwapEscrow.OfferStatus.Open) {
                locked[_indexOf(tokens, offer.sellToken)] += offer.sellRemaining;
            }
        }
        _assertHoldsLockedPlusCredits(handler, locked, "escrow balance == open offers + credits");
    }

    /// @dev A Filled or Cancelled offer keeps its exact stored state forever (the handler
    /// hashed it when it finished, and keeps trying to fill and cancel it).
    function invariant_FinishedTradeNeverChanges() public view {
        uint256 count = escrow.offerCount();
        for (uint256 offerId = 1; offerId <= count; ++offerId) {
            ISwapEscrow.Offer memory offer = escrow.getOffer(offerId);
            bytes32 snapshot = handler.finishedSnapshot(offerId);
            if (offer.status == ISwapEscrow.OfferStatus.Open) {
                assertTrue(snapshot == bytes32(0), "a finished offer is Open again");
            } else {
                assertTrue(snapshot != bytes32(0), "an offer finished without a fill or cancel");
                assertEq(keccak256(abi.encode(offer)), snapshot, "a finished offer changed");
            }
        }
    }

    /// @dev Ids are 1..offerCount with no gaps and nothing beyond.
    function invariant_IdsCountUpFromOne() public view {
        uint256 count = escrow.offerCount();
        assertEq(count, handler.ghostOfferCount(), "offerCount is the number of offers created");
        assertTrue(escrow.getOffer(0).status == ISwapEscrow.OfferStatus.None, "id 0 is never used");
        for (uint256 offerId = 1; offerId <= count; ++offerId) {
            assertTrue(escrow.getOffer(offerId).maker != address(0), "every id up to offerCount exists");
        }
        assertTrue(escrow.getOffer(count + 1).status == ISwapEscrow.OfferStatus.None, "no id past offerCount");
    }

    /// @dev Every offer matches the handler's model, and across all its fills the maker was
    /// paid at least the price and at most one unit per fill above it.
    function invariant_OffersMatchModel() public view {
        _assertHandlerSawNoViolation(handler);

        uint256 count = escrow.offerCount();
        for (uint256 offerId = 1; offerId <= count; ++offerId) {
            ISwapEscrow.Offer memory offer = escrow.getOffer(offerId);
            uint256 filled = handler.ghostFilled(offerId);
            assertTrue(offer.status == handler.ghostStatus(offerId), "status matches the model");
            assertEq(offer.sellRemaining, handler.ghostRemaining(offerId), "sellRemaining matches the model");
            assertEq(offer.sellAmount, filled + offer.sellRemaining, "sellAmount == filled + remaining");
            uint256 exactNumerator = filled * offer.buyAmount; // both below 2^128
            uint256 paid = handler.ghostPaid(offerId);
            assertGe(paid, ceilDiv(exactNumerator, offer.sellAmount), "maker paid at least the price");
            assertLe(paid, exactNumerator / offer.sellAmount + handler.ghostFills(offerId), "maker overpaid");
        }
    }
}
