// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {DealEscrow} from "../../../src/DealEscrow.sol";
import {IDealEscrow} from "../../../src/interfaces/IDealEscrow.sol";
import {HandlerBase} from "./HandlerBase.sol";
import {EscrowInvariantBase} from "./EscrowInvariantBase.sol";
import {DealEscrowHandler} from "./DealEscrowHandler.sol";

/// @notice Properties of DealEscrow that hold after any sequence of opens, takes, payments,
/// releases, cancels, disputes, resolutions and withdrawals by a few actors, with ETH, a plain
/// token and a receiver-blocking token, while time passes. The fuzzer calls only the handler
/// (see `DealEscrowHandler`).
contract DealEscrowInvariantTest is EscrowInvariantBase {
    DealEscrowHandler internal handler;
    DealEscrow internal escrow;

    function setUp() public {
        handler = new DealEscrowHandler();
        escrow = handler.escrow();

        // a selector listed twice is called twice as often: weighted so that deals often get
        // as far as Paid, Disputed and Resolved before someone releases or cancels them
        bytes4[] memory selectors = new bytes4[](18);
        selectors[0] = DealEscrowHandler.openDeal.selector;
        selectors[1] = DealEscrowHandler.openDeal.selector;
        selectors[2] = DealEscrowHandler.takeDeal.selector;
        selectors[3] = DealEscrowHandler.takeDeal.selector;
        selectors[4] = DealEscrowHandler.markPaid.selector;
        selectors[5] = DealEscrowHandler.markPaid.selector;
        selectors[6] = DealEscrowHandler.markPaid.selector;
        selectors[7] = DealEscrowHandler.release.selector;
        selectors[8] = DealEscrowHandler.cancelDeal.selector;
        selectors[9] = DealEscrowHandler.dispute.selector;
        selectors[10] = DealEscrowHandler.dispute.selector;
        selectors[11] = DealEscrowHandler.resolve.selector;
        selectors[12] = DealEscrowHandler.resolve.selector;
        selectors[13] = HandlerBase.withdraw.selector;
        selectors[14] = HandlerBase.withdraw.selector;
        selectors[15] = DealEscrowHandler.poke.selector;
        selectors[16] = HandlerBase.setHostility.selector;
        selectors[17] = HandlerBase.warp.selector;
        _targetHandler(handler, selectors);
    }

    /// @dev For every token, ETH included, the escrow holds exactly the amounts of the deals
    /// still open (Listed, Taken, Paid, Disputed) plus every credit.
    function invariant_Solvent() public view {
        address[] memory tokens = handler.tokens();
        uint256[] memory locked = new uint256[](tokens.length);
        uint256 count = escrow.dealCount();
        for (uint256 dealId = 1; dealId <= count; ++dealId) {
            IDealEscrow.Deal memory deal = escrow.getDeal(dealId);
            if (deal.status < IDealEscrow.DealStatus.Released) {
                locked[_indexOf(tokens, deal.token)] += deal.amount;
            }
        }
        _assertHoldsLockedPlusCredits(handler, locked, "escrow balance == open deals + credits");
    }

    /// @dev A Released, Refunded or Resolved deal keeps its exact stored state forever (the
    /// handler hashed it when it finished, and keeps trying every transition on it).
    function invariant_FinishedTradeNeverChanges() public view {
        uint256 count = escrow.dealCount();
        for (uint256 dealId = 1; dealId <= count; ++dealId) {
            IDealEscrow.Deal memory deal = escrow.getDeal(dealId);
            bytes32 snapshot = handler.finishedSnapshot(dealId);
            if (deal.status < IDealEscrow.DealStatus.Released) {
                assertTrue(snapshot == bytes32(0), "a finished deal is open again");
            } else {
                assertTrue(snapshot != bytes32(0), "a deal finished without release, cancel or resolve");
                assertEq(keccak256(abi.encode(deal)), snapshot, "a finished deal changed");
            }
        }
    }

    /// @dev Ids are 1..dealCount with no gaps and nothing beyond.
    function invariant_IdsCountUpFromOne() public view {
        uint256 count = escrow.dealCount();
        assertEq(count, handler.ghostDealCount(), "dealCount is the number of deals opened");
        assertTrue(escrow.getDeal(0).status == IDealEscrow.DealStatus.None, "id 0 is never used");
        for (uint256 dealId = 1; dealId <= count; ++dealId) {
            assertTrue(escrow.getDeal(dealId).seller != address(0), "every id up to dealCount exists");
        }
        assertTrue(escrow.getDeal(count + 1).status == IDealEscrow.DealStatus.None, "no id past dealCount");
    }

    /// @dev Every deal matches the handler's model: status, buyer and deadline move only as
    /// the SPEC table says, and what was agreed at openDeal never changes.
    function invariant_DealsMatchModel() public view {
        _assertHandlerSawNoViolation(handler);

        uint256 count = escrow.dealCount();
        for (uint256 dealId = 1; dealId <= count; ++dealId) {
            IDealEscrow.Deal memory deal = escrow.getDeal(dealId);
            assertTrue(deal.status == handler.ghostStatus(dealId), "status matches the model");
            assertEq(deal.buyer, handler.ghostBuyer(dealId), "buyer matches the model");
            assertEq(deal.paymentDeadline, handler.ghostDeadline(dealId), "deadline matches the model");
            bytes32 terms = keccak256(
                abi.encode(
                    deal.seller,
                    deal.token,
                    deal.arbiter,
                    deal.amount,
                    deal.arbiterFeeBps,
                    deal.paymentWindow,
                    deal.termsHash
                )
            );
            assertEq(terms, handler.ghostTerms(dealId), "the agreed terms never change");
        }
    }
}
