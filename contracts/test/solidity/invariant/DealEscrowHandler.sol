// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {DealEscrow} from "../../../src/DealEscrow.sol";
import {IDealEscrow} from "../../../src/interfaces/IDealEscrow.sol";
import {TestToken} from "../../../dev/TestToken.sol";
import {BlockingToken} from "../../mocks/BlockingToken.sol";
import {EthRefuser} from "../../mocks/EthRefuser.sol";
import {TestBase} from "../utils/TestBase.sol";

/// @notice Drives DealEscrow through random open / take / markPaid / release / cancel /
/// dispute / resolve / withdraw sequences among a few actors while time passes, with ETH, a
/// plain token and a receiver-blocking token, so that payouts both succeed and get credited.
/// It keeps its own model of every deal (ghost state) for the invariant test to compare
/// against, and records the first per-call expectation it saw broken.
/// @dev Each action picks a deal and a caller for which the call is allowed by the SPEC
/// table, so runs do real work; a call the escrow refuses anyway is a finding.
contract DealEscrowHandler is TestBase {
    address internal constant ETH = address(0);
    uint256 internal constant BPS = 10_000;

    DealEscrow public immutable escrow;
    TestToken public immutable plainToken;
    BlockingToken public immutable blockingToken;
    EthRefuser public immutable refuser;

    address[] internal _actors;
    address[] internal _tokens;

    /// @dev The handler's clock; every action warps to it, so time only moves through `warp`.
    uint256 public currentTime;

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

    /// @dev The first expectation a handler call saw broken; empty while all is well.
    string public violation;
    /// @dev Successful calls per action, to show that runs do real work.
    mapping(string action => uint256) public calls;

    constructor() {
        escrow = new DealEscrow();
        plainToken = new TestToken("Plain", "PLN", 18);
        blockingToken = new BlockingToken();
        refuser = new EthRefuser();

        _actors.push(makeAddr("alice"));
        _actors.push(makeAddr("bob"));
        _actors.push(makeAddr("carol"));
        _actors.push(makeAddr("dave"));
        _actors.push(address(refuser)); // refuses ETH: its ETH payouts are credited
        _tokens.push(ETH);
        _tokens.push(address(plainToken));
        _tokens.push(address(blockingToken));

        for (uint256 i; i < _actors.length; ++i) {
            vm.startPrank(_actors[i]);
            plainToken.approve(address(escrow), type(uint256).max);
            blockingToken.approve(address(escrow), type(uint256).max);
            vm.stopPrank();
        }
        currentTime = 1_700_000_000;
        vm.warp(currentTime);
    }

    modifier atCurrentTime() {
        vm.warp(currentTime);
        _;
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
        if (partiesSeed % 3 == 0) d.buyer = _otherActor(partiesSeed >> 2, d.seller, address(0));
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

    /// @dev Withdraws the first credit found from a random (actor, token) pair on that can be
    /// paid right now.
    function withdraw(uint256 seed) external atCurrentTime {
        uint256 pairs = _actors.length * _tokens.length;
        address account;
        address token;
        uint256 credit;
        for (uint256 i; i < pairs && credit == 0; ++i) {
            uint256 pair = (seed + i) % pairs;
            account = _actors[pair / _tokens.length];
            token = _tokens[pair % _tokens.length];
            if (_canReceive(token, account)) credit = escrow.withdrawable(token, account);
        }
        if (credit == 0) return;

        uint256 before = _balance(token, account);
        vm.prank(account);
        escrow.withdraw(token);

        _expect(_balance(token, account) - before == credit, "withdraw pays the whole credit");
        _expect(escrow.withdrawable(token, account) == 0, "withdraw clears the credit");
        ++calls["withdraw"];
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

    /// @dev Blocks or unblocks an actor on the blocking token, and sets how the ETH refuser
    /// treats payouts (0: accepts, 1: refuses, 2: burns all the gas a payout forwards).
    function setHostility(uint256 actorSeed, bool isBlocked, uint8 refuserMode) external {
        blockingToken.setBlocked(_actor(actorSeed), isBlocked);
        refuserMode %= 3;
        refuser.setAccepting(refuserMode == 0);
        refuser.setBurnGas(refuserMode == 2);
        ++calls["setHostility"];
    }

    function warp(uint256 secondsSeed) external {
        uint256 mode = secondsSeed % 4;
        secondsSeed >>= 2;
        // seconds (deadline edges), minutes to hours (within windows), or days (past them)
        if (mode == 0) currentTime += bound(secondsSeed, 1, 60);
        else if (mode == 3) currentTime += bound(secondsSeed, 1 days, 31 days);
        else currentTime += bound(secondsSeed, 1 minutes, 6 hours);
        vm.warp(currentTime);
        ++calls["warp"];
    }

    // ------------------------------------------------------------------ views for the invariants

    function actors() external view returns (address[] memory) {
        return _actors;
    }

    function tokens() external view returns (address[] memory) {
        return _tokens;
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

    function _expect(bool condition, string memory what) internal {
        if (!condition && bytes(violation).length == 0) violation = what;
    }

    function _actor(uint256 seed) internal view returns (address) {
        return _actors[seed % _actors.length];
    }

    /// @dev An actor that is neither `a` nor `b` (there are more than two actors).
    function _otherActor(uint256 seed, address a, address b) internal view returns (address account) {
        for (uint256 i;; ++i) {
            account = _actor(seed + i);
            if (account != a && account != b) return account;
        }
    }

    function _token(uint256 seed) internal view returns (address) {
        return _tokens[seed % _tokens.length];
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

    function _fund(address token, address account, uint256 amount) internal {
        if (token == ETH) vm.deal(account, account.balance + amount);
        else TestToken(token).mint(account, amount); // both test tokens share `mint(address,uint256)`
    }

    /// @dev Whether a withdraw of `token` to `account` can succeed right now.
    function _canReceive(address token, address account) internal view returns (bool) {
        if (token == address(blockingToken)) return !blockingToken.blocked(account);
        if (token == ETH && account == address(refuser)) return refuser.accepting() && !refuser.burnGas();
        return true;
    }

    function _balance(address token, address account) internal view returns (uint256) {
        return token == ETH ? account.balance : TestToken(token).balanceOf(account);
    }

    /// @dev What an account owns of a token: its balance plus its credit in the escrow.
    function _holdings(address token, address account) internal view returns (uint256) {
        return _balance(token, account) + escrow.withdrawable(token, account);
    }
}
