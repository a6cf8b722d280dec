// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {DealEscrow} from "../../../src/DealEscrow.sol";
import {IDealEscrow} from "../../../src/interfaces/IDealEscrow.sol";
import {HandlerBase} from "./HandlerBase.sol";

/// @notice Drives DealEscrow through random open / take / markPaid / release / cancel /
/// dispute / resolve / withdraw sequences in `HandlerBase`'s world of actors, tokens and time,
/// so that payouts both succeed and get credited. It keeps its own model of every deal (ghost
/// state) for the invariant test to compare against.
/// @dev Each action picks a deal and a caller for which the call is allowed by the SPEC
/// table, so runs do real work; a call the escrow refuses anyway is a finding.
contract DealEscrowHandler is HandlerBase {
    uint256 internal constant BPS = 10_000;

    /// @dev The same contract as `vault`, typed for the deal functions.
    DealEscrow public immutable escrow;

    // ---- ghost state: the handler's model of each deal
    uint256 public ghostDealCount;
    mapping(uint256 dealId => IDealEscrow.DealStatus) public ghostStatus;
    mapping(uint256 dealId => address) public ghostBuyer;
    mapping(uint256 dealId => uint64) public ghostDeadline;
    /// @dev keccak256 of what never changes after openDeal: seller, token, arbiter, amount,
    /// fee, window and terms.
    mapping(uint256 dealId => bytes32) public ghostTerms;
    /// @dev keccak256 of the stored deal, taken when it reached Released, Refunded or Resolved.
    mapping(uint256 dealId => bytes32) public finishedSnapshot;

    /// @dev Four people, so that a deal's seller, buyer and arbiter are three different ones
    /// and a fourth can still try what a stranger to the deal may not.
    constructor() HandlerBase(new DealEscrow(), 4) {
        escrow = DealEscrow(address(vault));
    }

    // ------------------------------------------------------------------ actions

    /// @dev A deal about to be opened (a struct keeps the stack small).
    struct NewDeal {
        address seller;
        address token;
        uint256 amount;
        address buyer;
        address arbiter;
        uint16 feeBps;
        uint32 window;
        bytes32 termsHash;
    }

    /// @param partiesSeed Picks whether a buyer is named, who, and the arbiter.
    /// @param termsSeed Picks the fee, the payment window and the terms hash.
    function openDeal(uint256 sellerSeed, uint256 tokenSeed, uint256 amountSeed, uint256 partiesSeed, uint256 termsSeed)
        external
        atCurrentTime
    {
        NewDeal memory d;
        d.seller = _actor(sellerSeed);
        d.token = _token(tokenSeed);
        d.amount = _amount(amountSeed);
        // one deal in three is listed to a named buyer
        if (partiesSeed % 3 == 0) d.buyer = _otherActor(partiesSeed >> 2, d.seller);
        d.arbiter = _otherActor(partiesSeed >> 128, d.seller, d.buyer);
        d.feeBps = uint16(termsSeed % 4 == 0 ? 1_000 : bound(termsSeed >> 2, 0, 1_000));
        // mostly short windows, so that deadlines pass within a run
        uint256 windowSeed = termsSeed >> 32;
        d.window = uint32(
            windowSeed % 4 == 0 ? bound(windowSeed >> 2, 5 minutes, 30 days) : bound(windowSeed >> 2, 5 minutes, 6 hours)
        );
        if (termsSeed >> 64 != 0) d.termsHash = keccak256(abi.encode(termsSeed >> 64));

        _fund(d.token, d.seller, d.amount);
        vm.prank(d.seller);
        uint256 dealId = escrow.openDeal{value: d.token == ETH ? d.amount : 0}(
            d.token, d.amount, d.buyer, d.arbiter, d.feeBps, d.window, d.termsHash
        );

        _expect(dealId == ghostDealCount + 1, "deal ids count up by one");
        ghostDealCount = dealId;
        ghostStatus[dealId] = IDealEscrow.DealStatus.Listed;
        ghostBuyer[dealId] = d.buyer;
        ghostTerms[dealId] = keccak256(
            abi.encode(d.seller, d.token, d.arbiter, d.amount, d.feeBps, d.window, d.termsHash)
        );
        ++calls["openDeal"];
    }

    function takeDeal(uint256 dealSeed, uint256 takerSeed) external atCurrentTime {
        (uint256 dealId, IDealEscrow.Deal memory deal) = _findDeal(dealSeed, Want.Listed);
        if (dealId == 0) return;
        address taker = deal.buyer != address(0) ? deal.buyer : _otherActor(takerSeed, deal.seller, deal.arbiter);

        vm.prank(taker);
        escrow.takeDeal(dealId);

        uint64 deadline = uint64(currentTime) + deal.paymentWindow;
        _expect(escrow.getDeal(dealId).paymentDeadline == deadline, "deadline is now + window");
        _move(dealId, IDealEscrow.DealStatus.Taken);
        ghostBuyer[dealId] = taker;
        ghostDeadline[dealId] = deadline;
        ++calls["takeDeal"];
    }

    function markPaid(uint256 dealSeed) external atCurrentTime {
        (uint256 dealId, IDealEscrow.Deal memory deal) = _findDeal(dealSeed, Want.Payable);
        if (dealId == 0) return;

        vm.prank(deal.buyer);
        escrow.markPaid(dealId);

        _move(dealId, IDealEscrow.DealStatus.Paid);
        ++calls["markPaid"];
    }

    function release(uint256 dealSeed) external atCurrentTime {
        (uint256 dealId, IDealEscrow.Deal memory deal) = _findDeal(dealSeed, Want.Underway);
        if (dealId == 0) return;
        uint256 buyerBefore = _holdings(deal.token, deal.buyer);

        vm.prank(deal.seller);
        escrow.release(dealId);

        _expect(_holdings(deal.token, deal.buyer) - buyerBefore == deal.amount, "release pays the buyer the amount");
        _move(dealId, IDealEscrow.DealStatus.Released);
        ++calls["release"];
    }

    /// @dev The seller cancels a Listed deal or a Taken one past its deadline; the buyer
    /// cancels anything underway. `bySeller` chooses when both may.
    function cancelDeal(uint256 dealSeed, bool bySeller) external atCurrentTime {
        (uint256 dealId, IDealEscrow.Deal memory deal) = _findDeal(dealSeed, Want.Open);
        if (dealId == 0) return;
        bool sellerMay = deal.status == IDealEscrow.DealStatus.Listed
            || (deal.status == IDealEscrow.DealStatus.Taken && currentTime > deal.paymentDeadline);
        bool buyerMay = deal.status != IDealEscrow.DealStatus.Listed;
        address canceller = sellerMay && (bySeller || !buyerMay) ? deal.seller : deal.buyer;
        uint256 sellerBefore = _holdings(deal.token, deal.seller);

        vm.prank(canceller);
        escrow.cancelDeal(dealId);

        _expect(_holdings(deal.token, deal.seller) - sellerBefore == deal.amount, "cancel refunds the seller");
        _move(dealId, IDealEscrow.DealStatus.Refunded);
        ++calls["cancelDeal"];
    }

    function dispute(uint256 dealSeed, bool bySeller) external atCurrentTime {
        (uint256 dealId, IDealEscrow.Deal memory deal) = _findDeal(dealSeed, Want.Paid);
        if (dealId == 0) return;

        vm.prank(bySeller ? deal.seller : deal.buyer);
        escrow.dispute(dealId);

        _move(dealId, IDealEscrow.DealStatus.Disputed);
        ++calls["dispute"];
    }

    function resolve(uint256 dealSeed, uint256 shareSeed) external atCurrentTime {
        (uint256 dealId, IDealEscrow.Deal memory deal) = _findDeal(dealSeed, Want.Disputed);
        if (dealId == 0) return;
        // all to the buyer, all to the seller, or anything between
        uint256 mode = shareSeed % 4;
        uint16 share = uint16(mode == 0 ? 0 : mode == 1 ? BPS : bound(shareSeed >> 2, 0, BPS));
        // the SPEC's split, each part rounded down
        uint256 fee = deal.amount * deal.arbiterFeeBps / BPS;
        uint256 toBuyer = (deal.amount - fee) * share / BPS;
        uint256 toSeller = deal.amount - fee - toBuyer;
        address[3] memory parties = [deal.arbiter, deal.buyer, deal.seller];
        uint256[3] memory expected = [fee, toBuyer, toSeller];
        uint256[3] memory before;
        for (uint256 i; i < 3; ++i) {
            before[i] = _holdings(deal.token, parties[i]);
        }

        vm.prank(deal.arbiter);
        escrow.resolve(dealId, share);

        for (uint256 i; i < 3; ++i) {
            _expect(_holdings(deal.token, parties[i]) - before[i] == expected[i], "resolve pays fee/buyer/seller");
        }
        _move(dealId, IDealEscrow.DealStatus.Resolved);
        ++calls["resolve"];
    }

    /// @dev Tries any transition on a finished deal as any party; the escrow must refuse.
    function poke(uint256 dealSeed, uint256 callerSeed, uint8 action) external atCurrentTime {
        (uint256 dealId, IDealEscrow.Deal memory deal) = _findDeal(dealSeed, Want.Finished);
        if (dealId == 0) return;
        address[4] memory callers = [deal.seller, deal.buyer, deal.arbiter, _actor(callerSeed >> 2)];
        address caller = callers[callerSeed % 4];
        action %= 6;

        bytes memory data;
        if (action == 0) data = abi.encodeCall(escrow.takeDeal, (dealId));
        else if (action == 1) data = abi.encodeCall(escrow.markPaid, (dealId));
        else if (action == 2) data = abi.encodeCall(escrow.release, (dealId));
        else if (action == 3) data = abi.encodeCall(escrow.cancelDeal, (dealId));
        else if (action == 4) data = abi.encodeCall(escrow.dispute, (dealId));
        else data = abi.encodeCall(escrow.resolve, (dealId, uint16(callerSeed % (BPS + 1))));
        vm.prank(caller);
        (bool succeeded,) = address(escrow).call(data);

        _expect(!succeeded, "a finished deal accepted a call");
        ++calls["poke"];
    }

    // ------------------------------------------------------------------ helpers

    enum Want {
        Listed,
        Payable, // Taken, deadline not passed
        Underway, // Taken, Paid or Disputed: the seller may release
        Open, // Listed, Taken, Paid or Disputed: someone may cancel
        Paid,
        Disputed,
        Finished // Released, Refunded or Resolved
    }

    /// @dev The first deal from a random id on (wrapping around) that is in the wanted
    /// state, so that actions rarely find nothing to do; (0, zero deal) if none is.
    function _findDeal(uint256 seed, Want want) internal view returns (uint256, IDealEscrow.Deal memory deal) {
        uint256 count = ghostDealCount;
        for (uint256 i; i < count; ++i) {
            uint256 dealId = 1 + (seed + i) % count;
            deal = escrow.getDeal(dealId);
            if (_is(deal, want)) return (dealId, deal);
        }
        return (0, deal);
    }

    function _is(IDealEscrow.Deal memory deal, Want want) internal view returns (bool) {
        IDealEscrow.DealStatus s = deal.status;
        bool underway =
            s == IDealEscrow.DealStatus.Taken || s == IDealEscrow.DealStatus.Paid || s == IDealEscrow.DealStatus.Disputed;
        if (want == Want.Listed) return s == IDealEscrow.DealStatus.Listed;
        if (want == Want.Payable) return s == IDealEscrow.DealStatus.Taken && currentTime <= deal.paymentDeadline;
        if (want == Want.Underway) return underway;
        if (want == Want.Open) return underway || s == IDealEscrow.DealStatus.Listed;
        if (want == Want.Paid) return s == IDealEscrow.DealStatus.Paid;
        if (want == Want.Disputed) return s == IDealEscrow.DealStatus.Disputed;
        return s >= IDealEscrow.DealStatus.Released;
    }

    /// @dev Seconds (deadline edges), minutes to hours (within windows), or days (past them).
    function _timeStep(uint256 seed) internal pure override returns (uint256) {
        uint256 mode = seed % 4;
        seed >>= 2;
        if (mode == 0) return bound(seed, 1, 60);
        if (mode == 3) return bound(seed, 1 days, 31 days);
        return bound(seed, 1 minutes, 6 hours);
    }

    /// @dev Records a transition, and snapshots the deal when it is final.
    function _move(uint256 dealId, IDealEscrow.DealStatus status) internal {
        IDealEscrow.Deal memory deal = escrow.getDeal(dealId);
        _expect(deal.status == status, "deal reached the expected status");
        ghostStatus[dealId] = status;
        if (status >= IDealEscrow.DealStatus.Released) {
            _expect(finishedSnapshot[dealId] == bytes32(0), "a deal finished twice");
            finishedSnapshot[dealId] = keccak256(abi.encode(deal));
        }
    }

    /// @dev Small amounts make rounding matter; large ones reach the 2^128 - 1 limit; and
    /// amounts around 2^96 cross the escrow's packed/unpacked storage boundary.
    function _amount(uint256 seed) internal pure returns (uint256) {
        uint256 mode = seed % 4;
        seed >>= 2;
        if (mode == 0) return bound(seed, 1, 100);
        if (mode == 1) return bound(seed, 1, 1e24);
        if (mode == 2) return bound(seed, type(uint96).max - 2, uint256(type(uint96).max) + 2);
        return bound(seed, 1, type(uint128).max);
    }
}
