// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {SwapEscrow} from "../../../src/SwapEscrow.sol";
import {ISwapEscrow} from "../../../src/interfaces/ISwapEscrow.sol";
import {TestToken} from "../../../dev/TestToken.sol";
import {BlockingToken} from "../../mocks/BlockingToken.sol";
import {EthRefuser} from "../../mocks/EthRefuser.sol";
import {TestBase} from "../utils/TestBase.sol";

/// @notice Drives SwapEscrow through random create / fill / cancel / withdraw sequences among
/// a few actors, with ETH, a plain token and a receiver-blocking token, so that payouts both
/// succeed and get credited. It keeps its own model of every offer (ghost state) for the
/// invariant test to compare against, and records the first per-call expectation it saw broken.
/// @dev Each action bounds its inputs so that it does not revert for a reason we already know
/// (funds, allowances, status, caller); a call the escrow refuses anyway is a finding.
contract SwapEscrowHandler is TestBase {
    address internal constant ETH = address(0);

    SwapEscrow public immutable escrow;
    TestToken public immutable plainToken;
    BlockingToken public immutable blockingToken;
    EthRefuser public immutable refuser;

    address[] internal _actors;
    address[] internal _tokens;

    /// @dev The handler's clock; every action warps to it, so time only moves through `warp`.
    uint256 public currentTime;

    // ---- ghost state: the handler's model of each offer
    uint256 public ghostOfferCount;
    mapping(uint256 offerId => uint256) public ghostRemaining;
    mapping(uint256 offerId => ISwapEscrow.OfferStatus) public ghostStatus;
    mapping(uint256 offerId => uint256) public ghostFilled;
    mapping(uint256 offerId => uint256) public ghostPaid;
    mapping(uint256 offerId => uint256) public ghostFills;
    /// @dev keccak256 of the stored offer, taken when it reached Filled or Cancelled.
    mapping(uint256 offerId => bytes32) public finishedSnapshot;

    /// @dev The first expectation a handler call saw broken; empty while all is well.
    string public violation;
    /// @dev Successful calls per action, to show that runs do real work.
    mapping(string action => uint256) public calls;

    constructor() {
        escrow = new SwapEscrow();
        plainToken = new TestToken("Plain", "PLN", 18);
        blockingToken = new BlockingToken();
        refuser = new EthRefuser();

        _actors.push(makeAddr("alice"));
        _actors.push(makeAddr("bob"));
        _actors.push(makeAddr("carol"));
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
        currentTime += _duration(secondsSeed);
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

    function _finish(uint256 offerId, ISwapEscrow.OfferStatus status) internal {
        ISwapEscrow.Offer memory offer = escrow.getOffer(offerId);
        _expect(offer.status == status, "offer reached the expected final status");
        _expect(finishedSnapshot[offerId] == bytes32(0), "an offer finished twice");
        ghostStatus[offerId] = status;
        finishedSnapshot[offerId] = keccak256(abi.encode(offer));
    }

    function _expect(bool condition, string memory what) internal {
        if (!condition && bytes(violation).length == 0) violation = what;
    }

    function _actor(uint256 seed) internal view returns (address) {
        return _actors[seed % _actors.length];
    }

    function _otherActor(uint256 seed, address not) internal view returns (address account) {
        account = _actor(seed);
        if (account == not) account = _actor(seed + 1);
    }

    function _token(uint256 seed) internal view returns (address) {
        return _tokens[seed % _tokens.length];
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
