// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IEscrowVault} from "../../../src/interfaces/IEscrowVault.sol";
import {TestToken} from "../../../dev/TestToken.sol";
import {BlockingToken} from "../../mocks/BlockingToken.sol";
import {EthRefuser} from "../../mocks/EthRefuser.sol";
import {Assets} from "../utils/Assets.sol";

/// @notice The world both invariant handlers drive their escrow in: a few people and an ETH
/// refuser as actors, ETH plus a plain and a receiver-blocking token, a clock that moves only
/// when the fuzzer says so, and what the escrows share (withdrawing credits, hostile payees).
/// Each handler adds its escrow's trade actions and its ghost model of the trades.
/// @dev The fuzzer runs with failOnRevert off, so a handler call that reverts is silently
/// dropped: a handler therefore records a broken expectation in `violation` instead of
/// reverting, and the invariant test reports it.
abstract contract HandlerBase is Assets {
    /// @notice The escrow under test, as the credit ledger both escrows share.
    IEscrowVault public immutable vault;
    TestToken public immutable plainToken;
    BlockingToken public immutable blockingToken;
    EthRefuser public immutable refuser;

    address[] internal _actors;
    address[] internal _tokens;

    /// @dev The handler's clock; every action warps to it, so time only moves through `warp`.
    uint256 public currentTime;

    /// @dev The first expectation a handler call saw broken; empty while all is well.
    string public violation;
    /// @dev Successful calls per action, to show that runs do real work.
    mapping(string action => uint256) public calls;

    /// @param escrow_ The escrow, deployed by the handler before anything else so that its
    /// address does not depend on what the base deploys.
    /// @param people How many of alice, bob, carol and dave trade, besides the ETH refuser.
    constructor(IEscrowVault escrow_, uint256 people) {
        vault = escrow_;
        plainToken = new TestToken("Plain", "PLN", 18);
        blockingToken = new BlockingToken();
        refuser = new EthRefuser();

        string[4] memory names = ["alice", "bob", "carol", "dave"];
        for (uint256 i; i < people; ++i) {
            _actors.push(makeAddr(names[i]));
        }
        _actors.push(address(refuser)); // refuses ETH: its ETH payouts are credited
        _tokens.push(ETH);
        _tokens.push(address(plainToken));
        _tokens.push(address(blockingToken));

        // once and for all, so that no action fails for want of an allowance
        for (uint256 i; i < _actors.length; ++i) {
            vm.startPrank(_actors[i]);
            plainToken.approve(address(escrow_), type(uint256).max);
            blockingToken.approve(address(escrow_), type(uint256).max);
            vm.stopPrank();
        }
        currentTime = 1_700_000_000;
        vm.warp(currentTime);
    }

    modifier atCurrentTime() {
        vm.warp(currentTime);
        _;
    }

    // ------------------------------------------------------------------ shared actions

    /// @dev Withdraws the first credit found from a random (actor, token) pair on, after lifting
    /// whatever blocked its owner.
    function withdraw(uint256 seed) external atCurrentTime {
        uint256 pairs = _actors.length * _tokens.length;
        address account;
        address token;
        uint256 credit;
        for (uint256 i; i < pairs && credit == 0; ++i) {
            uint256 pair = (seed + i) % pairs;
            account = _actors[pair / _tokens.length];
            token = _tokens[pair % _tokens.length];
            credit = vault.withdrawable(token, account);
        }
        if (credit == 0) return;
        // A blocked party gets unblocked some day and comes for its credit: without this, a
        // credit made while blocked would rarely meet a run where its owner can receive again.
        _letReceive(token, account);

        uint256 before = _balance(token, account);
        vm.prank(account);
        vault.withdraw(token);

        _expect(_balance(token, account) - before == credit, "withdraw pays the whole credit");
        _expect(vault.withdrawable(token, account) == 0, "withdraw clears the credit");
        ++calls["withdraw"];
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

    /// @dev Moves the clock forward by `_timeStep`, which each escrow tunes to its deadlines.
    function warp(uint256 secondsSeed) external {
        currentTime += _timeStep(secondsSeed);
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

    /// @dev How far one `warp` moves the clock.
    function _timeStep(uint256 seed) internal view virtual returns (uint256);

    function _expect(bool condition, string memory what) internal {
        if (!condition && bytes(violation).length == 0) violation = what;
    }

    function _actor(uint256 seed) internal view returns (address) {
        return _actors[seed % _actors.length];
    }

    /// @dev An actor that is not `not`.
    function _otherActor(uint256 seed, address not) internal view returns (address) {
        return _otherActor(seed, not, not);
    }

    /// @dev An actor that is neither `a` nor `b`: the first from `_actor(seed)` on (there are
    /// more than two actors).
    function _otherActor(uint256 seed, address a, address b) internal view returns (address account) {
        for (uint256 i;; ++i) {
            account = _actor(seed + i);
            if (account != a && account != b) return account;
        }
    }

    function _token(uint256 seed) internal view returns (address) {
        return _tokens[seed % _tokens.length];
    }

    /// @dev Lifts whatever stops `account` from receiving `token` (see `setHostility`).
    function _letReceive(address token, address account) internal {
        if (token == address(blockingToken)) blockingToken.setBlocked(account, false);
        if (token == ETH && account == address(refuser)) {
            refuser.setAccepting(true);
            refuser.setBurnGas(false);
        }
    }

    /// @dev What an account owns of a token: its balance plus its credit in the escrow, so a
    /// payout counts the same whether it was paid or credited.
    function _holdings(address token, address account) internal view returns (uint256) {
        return _balance(token, account) + vault.withdrawable(token, account);
    }
}
