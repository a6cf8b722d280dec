// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {SwapEscrow} from "../../../src/SwapEscrow.sol";
import {DealEscrow} from "../../../src/DealEscrow.sol";
import {HookToken} from "../../mocks/HookToken.sol";
import {HostileParty} from "../../mocks/HostileParty.sol";
import {Assets} from "../utils/Assets.sol";

/// @notice Both escrows, a hook token and helpers to put hostile contract parties into trades,
/// for the audit's payout-griefing, re-entry and odd-token tests.
abstract contract AuditBase is Assets {
    uint32 internal constant WINDOW = 1 hours;
    /// @dev EscrowVault.ETH_PAYOUT_GAS: what an ETH recipient is given.
    uint256 internal constant ETH_PAYOUT_GAS = 100_000;

    SwapEscrow internal swap;
    DealEscrow internal deals;
    HookToken internal hook;
    address internal alice;
    address internal bob;
    address internal arbiter;

    function setUp() public virtual {
        swap = new SwapEscrow();
        deals = new DealEscrow();
        hook = new HookToken();
        alice = makeAddr("alice");
        bob = makeAddr("bob");
        arbiter = makeAddr("arbiter");
        _befriend(alice);
        _befriend(bob);
    }

    /// @dev A contract party that approves both escrows for the hook token and has its hooks on.
    function _hostile() internal returns (HostileParty party) {
        party = new HostileParty();
        _befriend(address(party));
        vm.prank(address(party));
        hook.registerHooks(true);
    }

    /// @dev Funds `account` with ETH and hook tokens and approves both escrows.
    function _befriend(address account) internal {
        vm.deal(account, 1_000 ether);
        hook.mint(account, 1_000_000 ether);
        vm.startPrank(account);
        hook.approve(address(swap), type(uint256).max);
        hook.approve(address(deals), type(uint256).max);
        vm.stopPrank();
    }

    /// @dev A deal of `amount` of `token` from `seller` that `buyer` has taken.
    function _takenDeal(address seller, address buyer, address token, uint256 amount) internal returns (uint256 id) {
        vm.prank(seller);
        id = deals.openDeal{value: token == ETH ? amount : 0}(token, amount, buyer, arbiter, 100, WINDOW, bytes32(0));
        vm.prank(buyer);
        deals.takeDeal(id);
    }

    /// @dev `_takenDeal` walked on to Disputed.
    function _disputedDeal(address seller, address buyer, address token, uint256 amount) internal returns (uint256 id) {
        id = _takenDeal(seller, buyer, token, amount);
        vm.prank(buyer);
        deals.markPaid(id);
        vm.prank(buyer);
        deals.dispute(id);
    }

    /// @dev A public all-or-nothing offer from `maker`.
    function _offer(address maker, address sellToken, uint256 sellAmount, address buyToken, uint256 buyAmount)
        internal
        returns (uint256 id)
    {
        vm.prank(maker);
        id = swap.createOffer{value: sellToken == ETH ? sellAmount : 0}(
            sellToken, sellAmount, buyToken, buyAmount, address(0), 0, false
        );
    }
}
