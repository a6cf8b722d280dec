// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {DealEscrow} from "../../src/DealEscrow.sol";
import {IDealEscrow} from "../../src/interfaces/IDealEscrow.sol";
import {IEscrowVault} from "../../src/interfaces/IEscrowVault.sol";
import {TestToken} from "../../dev/TestToken.sol";
import {Assets} from "./utils/Assets.sol";

/// @notice Fuzz tests for DealEscrow's money: the arbiter's split adds up to the escrow for
/// any amount, fee and share; release and refunds move the whole amount; intake is exact.
contract DealEscrowFuzzTest is Assets {
    uint256 internal constant MAX_AMOUNT = type(uint128).max;
    uint256 internal constant BPS = 10_000;
    uint32 internal constant WINDOW = 1 hours;

    DealEscrow internal escrow;
    TestToken internal token;
    address internal seller;
    address internal buyer;
    address internal arbiter;

    function setUp() public {
        escrow = new DealEscrow();
        token = new TestToken("Token", "TKN", 18);
        seller = makeAddr("seller");
        buyer = makeAddr("buyer");
        arbiter = makeAddr("arbiter");
        vm.prank(seller);
        token.approve(address(escrow), type(uint256).max);
    }

    // ---------------------------------------------------------------- resolve

    /// @dev fee, then the buyer's share of the rest, each rounded down; the seller gets the
    /// remainder, so the three always add up to the whole escrow and nothing stays behind.
    function testFuzz_ResolveSplitsTheWholeAmount(uint256 amount, uint16 feeBps, uint16 shareBps, bool isEth) public {
        amount = _amount(amount);
        feeBps = uint16(bound(feeBps, 0, 1_000));
        shareBps = uint16(bound(shareBps, 0, BPS));
        address asset = isEth ? ETH : address(token);
        uint256 dealId = _openTaken(asset, amount, feeBps);
        vm.prank(buyer);
        escrow.markPaid(dealId);
        vm.prank(buyer);
        escrow.dispute(dealId);

        uint256 fee = amount * feeBps / BPS;
        uint256 toBuyer = (amount - fee) * shareBps / BPS;
        uint256 toSeller = amount - fee - toBuyer;
        // rounded down: each part is the largest integer not above its exact share
        assertLe(fee * BPS, amount * feeBps, "fee not rounded up");
        assertTrue(amount * feeBps < (fee + 1) * BPS, "fee rounded down by less than one unit");
        assertLe(toBuyer * BPS, (amount - fee) * shareBps, "buyer share not rounded up");
        assertTrue((amount - fee) * shareBps < (toBuyer + 1) * BPS, "buyer share rounded down by less than one unit");

        uint256[3] memory before = [_balance(asset, arbiter), _balance(asset, buyer), _balance(asset, seller)];
        vm.expectEmit(true, false, false, true, address(escrow));
        emit IDealEscrow.DealResolved(dealId, shareBps, toBuyer, toSeller, fee);
        vm.prank(arbiter);
        escrow.resolve(dealId, shareBps);

        assertEq(_balance(asset, arbiter) - before[0], fee, "arbiter received the fee");
        assertEq(_balance(asset, buyer) - before[1], toBuyer, "buyer received its share");
        assertEq(_balance(asset, seller) - before[2], toSeller, "seller received the remainder");
        assertEq(fee + toBuyer + toSeller, amount, "the split adds up to the amount");
        assertEq(_balance(asset, address(escrow)), 0, "escrow keeps nothing");
        assertTrue(escrow.getDeal(dealId).status == IDealEscrow.DealStatus.Resolved, "deal is Resolved");
    }

    function testFuzz_RevertWhen_ShareIsAbove10000Bps(uint16 shareBps) public {
        shareBps = uint16(bound(shareBps, BPS + 1, type(uint16).max));
        uint256 dealId = _openTaken(address(token), 1 ether, 100);
        vm.prank(buyer);
        escrow.markPaid(dealId);
        vm.prank(seller);
        escrow.dispute(dealId);
        vm.prank(arbiter);
        vm.expectRevert(IDealEscrow.InvalidShare.selector);
        escrow.resolve(dealId, shareBps);
    }

    // ---------------------------------------------------------------- release and refund

    function testFuzz_ReleasePaysTheBuyerTheWholeAmount(uint256 amount, bool isEth, bool paidFirst) public {
        amount = _amount(amount);
        address asset = isEth ? ETH : address(token);
        uint256 dealId = _openTaken(asset, amount, 1_000);
        if (paidFirst) {
            vm.prank(buyer);
            escrow.markPaid(dealId);
        }
        uint256 before = _balance(asset, buyer);
        vm.prank(seller);
        escrow.release(dealId);
        assertEq(_balance(asset, buyer) - before, amount, "buyer received the amount");
        assertEq(_balance(asset, address(escrow)), 0, "escrow keeps nothing");
    }

    /// @dev Whoever ends the deal and whenever, the refund is the whole amount to the seller.
    function testFuzz_CancelRefundsTheSellerTheWholeAmount(uint256 amount, bool isEth, uint8 path, uint32 lateBy)
        public
    {
        amount = _amount(amount);
        address asset = isEth ? ETH : address(token);
        uint256 dealId;
        address canceller;
        path %= 3;
        if (path == 0) {
            // seller withdraws a listing nobody took
            dealId = _open(asset, amount, address(0), 0, WINDOW);
            canceller = seller;
        } else if (path == 1) {
            // seller reclaims after the buyer let the payment window pass
            dealId = _openTaken(asset, amount, 0);
            vm.warp(escrow.getDeal(dealId).paymentDeadline + bound(lateBy, 1, 365 days));
            canceller = seller;
        } else {
            // buyer walks away
            dealId = _openTaken(asset, amount, 0);
            canceller = buyer;
        }
        uint256 before = _balance(asset, seller);
        vm.prank(canceller);
        escrow.cancelDeal(dealId);
        assertEq(_balance(asset, seller) - before, amount, "seller got the amount back");
        assertEq(_balance(asset, address(escrow)), 0, "escrow keeps nothing");
        assertTrue(escrow.getDeal(dealId).status == IDealEscrow.DealStatus.Refunded, "deal is Refunded");
    }

    /// @dev The payment deadline is inclusive for the buyer and exclusive for the seller.
    function testFuzz_PaymentDeadlineSplitsTimeExactly(uint32 window, uint32 elapsed) public {
        window = uint32(bound(window, 5 minutes, 30 days));
        elapsed = uint32(bound(elapsed, 0, 2 * uint256(window)));
        uint256 dealId = _open(address(token), 1 ether, buyer, 0, window);
        vm.prank(buyer);
        escrow.takeDeal(dealId);
        uint256 deadline = escrow.getDeal(dealId).paymentDeadline;
        assertEq(deadline, block.timestamp + window, "deadline is now + window");
        vm.warp(block.timestamp + elapsed);

        if (block.timestamp <= deadline) {
            vm.prank(seller);
            vm.expectRevert(IDealEscrow.PaymentWindowOpen.selector);
            escrow.cancelDeal(dealId);
            vm.prank(buyer);
            escrow.markPaid(dealId);
        } else {
            vm.prank(buyer);
            vm.expectRevert(IDealEscrow.PaymentWindowOver.selector);
            escrow.markPaid(dealId);
            vm.prank(seller);
            escrow.cancelDeal(dealId);
        }
    }

    /// @dev The escrow packs amounts below 2^96 next to the token and keeps larger ones in a
    /// slot of their own; either way the deal must read back and pay out the exact amount.
    function testFuzz_AmountSurvivesStorage(uint256 amount, bool isEth) public {
        amount = _amount(amount);
        address asset = isEth ? ETH : address(token);
        uint256 dealId = _openTaken(asset, amount, 0);
        assertEq(escrow.getDeal(dealId).amount, amount, "stored amount reads back exactly");
        uint256 before = _balance(asset, buyer);
        vm.prank(seller);
        escrow.release(dealId);
        assertEq(_balance(asset, buyer) - before, amount, "payout is the stored amount");
    }

    function test_AmountsAroundThePackingBoundary() public {
        uint256 edge = type(uint96).max;
        uint256[5] memory amounts = [edge - 1, edge, edge + 1, edge + 2, MAX_AMOUNT];
        for (uint256 i; i < amounts.length; ++i) {
            uint256 dealId = _open(address(token), amounts[i], address(0), 0, WINDOW);
            assertEq(escrow.getDeal(dealId).amount, amounts[i], "stored amount reads back exactly");
        }
    }

    // ---------------------------------------------------------------- exact intake

    function testFuzz_RevertWhen_OpenValueIsNotTheEthAmount(uint256 amount, uint256 value) public {
        amount = bound(amount, 1, MAX_AMOUNT);
        value = bound(value, 0, type(uint136).max);
        vm.assume(value != amount);
        vm.deal(seller, value);
        vm.prank(seller);
        vm.expectRevert(IEscrowVault.InvalidValue.selector);
        escrow.openDeal{value: value}(ETH, amount, address(0), arbiter, 0, WINDOW, bytes32(0));
    }

    function testFuzz_RevertWhen_OpenSendsValueWithAToken(uint256 amount, uint256 value) public {
        amount = bound(amount, 1, MAX_AMOUNT);
        value = bound(value, 1, type(uint136).max);
        token.mint(seller, amount);
        vm.deal(seller, value);
        vm.prank(seller);
        vm.expectRevert(IEscrowVault.InvalidValue.selector);
        escrow.openDeal{value: value}(address(token), amount, address(0), arbiter, 0, WINDOW, bytes32(0));
    }

    function testFuzz_RevertWhen_AmountIsAbove128Bits(uint256 amount) public {
        amount = bound(amount, MAX_AMOUNT + 1, type(uint256).max);
        vm.prank(seller);
        vm.expectRevert(IEscrowVault.AmountTooLarge.selector);
        escrow.openDeal(address(token), amount, address(0), arbiter, 0, WINDOW, bytes32(0));
    }

    // ---------------------------------------------------------------- helpers

    /// @dev Any amount up to 2^128 - 1, one time in four within a few units of 2^96, where
    /// the escrow switches from the packed to the separate amount slot.
    function _amount(uint256 seed) internal pure returns (uint256) {
        if (seed % 4 == 0) return bound(seed >> 2, uint256(type(uint96).max) - 3, uint256(type(uint96).max) + 3);
        return bound(seed, 1, MAX_AMOUNT);
    }

    function _open(address asset, uint256 amount, address namedBuyer, uint16 feeBps, uint32 window)
        internal
        returns (uint256 dealId)
    {
        _fund(asset, seller, amount);
        vm.prank(seller);
        dealId = escrow.openDeal{value: asset == ETH ? amount : 0}(
            asset, amount, namedBuyer, arbiter, feeBps, window, keccak256("terms")
        );
    }

    /// @dev Opens to anyone and lets `buyer` take it, so the taker path is the one exercised.
    function _openTaken(address asset, uint256 amount, uint16 feeBps) internal returns (uint256 dealId) {
        dealId = _open(asset, amount, address(0), feeBps, WINDOW);
        vm.prank(buyer);
        escrow.takeDeal(dealId);
    }
}
