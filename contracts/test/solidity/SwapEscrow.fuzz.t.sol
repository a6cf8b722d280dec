// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {SwapEscrow} from "../../src/SwapEscrow.sol";
import {ISwapEscrow} from "../../src/interfaces/ISwapEscrow.sol";
import {IEscrowVault} from "../../src/interfaces/IEscrowVault.sol";
import {TestToken} from "../../dev/TestToken.sol";
import {Assets} from "./utils/Assets.sol";

/// @notice Fuzz tests for SwapEscrow's money maths: any amount up to 2^128 - 1, any sequence
/// of partial fills, both token and ETH legs, and exact `msg.value` intake.
contract SwapEscrowFuzzTest is Assets {
    uint256 internal constant MAX_AMOUNT = type(uint128).max;
    /// @dev Enough fills to pile up rounding, few enough to keep 512 runs fast.
    uint256 internal constant MAX_FILLS = 12;

    SwapEscrow internal escrow;
    TestToken internal tokenA;
    TestToken internal tokenB;
    address internal maker;
    address internal taker;

    function setUp() public {
        escrow = new SwapEscrow();
        tokenA = new TestToken("Token A", "A", 18);
        tokenB = new TestToken("Token B", "B", 6);
        maker = makeAddr("maker");
        taker = makeAddr("taker");
        address[2] memory actors = [maker, taker];
        for (uint256 i; i < actors.length; ++i) {
            vm.startPrank(actors[i]);
            tokenA.approve(address(escrow), type(uint256).max);
            tokenB.approve(address(escrow), type(uint256).max);
            vm.stopPrank();
        }
    }

    // ---------------------------------------------------------------- full fills

    function testFuzz_FullFillPaysExactlyThePrice(uint256 sellAmount, uint256 buyAmount, uint8 legs) public {
        sellAmount = bound(sellAmount, 1, MAX_AMOUNT);
        buyAmount = bound(buyAmount, 1, MAX_AMOUNT);
        (address sellToken, address buyToken) = _legs(legs);
        uint256 offerId = _create(sellToken, sellAmount, buyToken, buyAmount, false);
        assertEq(_balance(sellToken, address(escrow)), sellAmount, "escrow holds the sell amount");

        uint256 makerBefore = _balance(buyToken, maker);
        uint256 takerBefore = _balance(sellToken, taker);
        uint256 paid = _fill(offerId, sellAmount);

        assertEq(paid, buyAmount, "a full fill costs exactly buyAmount");
        assertEq(_balance(buyToken, maker) - makerBefore, buyAmount, "maker received buyAmount");
        assertEq(_balance(sellToken, taker) - takerBefore, sellAmount, "taker received sellAmount");
        assertEq(_balance(sellToken, address(escrow)), 0, "escrow keeps no sell token");
        assertEq(_balance(buyToken, address(escrow)), 0, "escrow keeps no buy token");
        ISwapEscrow.Offer memory offer = escrow.getOffer(offerId);
        assertEq(offer.sellRemaining, 0, "nothing remains");
        assertTrue(offer.status == ISwapEscrow.OfferStatus.Filled, "offer is Filled");
    }

    // ---------------------------------------------------------------- partial fills

    /// @dev The running totals of a partial-fill sequence (a struct keeps the stack small).
    struct FillRun {
        uint256 offerId;
        address sellToken;
        address buyToken;
        uint256 sellAmount;
        uint256 buyAmount;
        uint256 remaining;
        uint256 filled;
        uint256 totalPaid;
        uint256 fills;
    }

    /// @dev Any sequence of partial fills: each one is charged ceil(fill * price), so the
    /// maker never gets less than the price and at most one unit per fill more.
    function testFuzz_PartialFillsNeverUnderpayMaker(uint256 sellAmount, uint256 buyAmount, uint256 seed, uint8 legs)
        public
    {
        FillRun memory run;
        run.sellAmount = bound(sellAmount, 1, MAX_AMOUNT);
        run.buyAmount = bound(buyAmount, 1, MAX_AMOUNT);
        (run.sellToken, run.buyToken) = _legs(legs);
        run.offerId = _create(run.sellToken, run.sellAmount, run.buyToken, run.buyAmount, true);
        run.remaining = run.sellAmount;

        while (run.remaining > 0 && run.fills < MAX_FILLS) {
            uint256 fillAmount = _pickFill(uint256(keccak256(abi.encode(seed, run.fills))), run.remaining);
            uint256 paid = _fillAndCheck(run, fillAmount);
            // exact per-fill price: paid == ceil(fill * buy / sell), computed here independently
            assertEq(paid, ceilDiv(fillAmount * run.buyAmount, run.sellAmount), "fill charges ceil(fill * price)");
            run.remaining -= fillAmount;
            run.filled += fillAmount;
            run.totalPaid += paid;
            ++run.fills;
        }

        // price floor: totalPaid * sellAmount >= filled * buyAmount, i.e. totalPaid >= ceil(...)
        uint256 exactNumerator = run.filled * run.buyAmount;
        assertGe(run.totalPaid, ceilDiv(exactNumerator, run.sellAmount), "maker paid at least the price");
        // rounding bound: each fill adds less than one unit above the exact price
        assertLe(run.totalPaid, exactNumerator / run.sellAmount + run.fills, "maker paid at most price + fills");
        if (run.remaining == 0) assertGe(run.totalPaid, run.buyAmount, "a fully filled offer earns buyAmount");

        ISwapEscrow.Offer memory offer = escrow.getOffer(run.offerId);
        assertEq(offer.sellRemaining, run.remaining, "sellRemaining is sellAmount - filled");
        assertEq(_balance(run.sellToken, address(escrow)), run.remaining, "escrow holds exactly the remainder");
        if (run.remaining == 0) {
            assertTrue(offer.status == ISwapEscrow.OfferStatus.Filled, "empty offer is Filled");
            vm.prank(taker);
            vm.expectRevert(ISwapEscrow.OfferNotOpen.selector);
            escrow.fillOffer(run.offerId, 1);
        } else {
            assertTrue(offer.status == ISwapEscrow.OfferStatus.Open, "offer with a remainder stays Open");
            // the taker can never take more than what remains
            vm.prank(taker);
            vm.expectRevert(ISwapEscrow.InvalidFillAmount.selector);
            escrow.fillOffer(run.offerId, run.remaining + 1);
        }
    }

    /// @dev quoteFill is the same ceil the fill charges, for any fill size up to the offer.
    function testFuzz_QuoteFillRoundsUp(uint256 sellAmount, uint256 buyAmount, uint256 fillAmount) public {
        sellAmount = bound(sellAmount, 1, MAX_AMOUNT);
        buyAmount = bound(buyAmount, 1, MAX_AMOUNT);
        fillAmount = bound(fillAmount, 0, sellAmount);
        uint256 offerId = _create(address(tokenA), sellAmount, address(tokenB), buyAmount, true);
        uint256 quote = escrow.quoteFill(offerId, fillAmount);
        assertEq(quote, ceilDiv(fillAmount * buyAmount, sellAmount), "quote is ceil(fill * price)");
        assertEq(escrow.quoteFill(offerId + 1, fillAmount), 0, "an unknown offer quotes 0");
    }

    // ---------------------------------------------------------------- exact intake

    function testFuzz_RevertWhen_CreateValueIsNotTheEthAmount(uint256 amount, uint256 value) public {
        amount = bound(amount, 1, MAX_AMOUNT);
        value = bound(value, 0, type(uint136).max);
        vm.assume(value != amount);
        vm.deal(maker, value);
        vm.prank(maker);
        vm.expectRevert(IEscrowVault.InvalidValue.selector);
        escrow.createOffer{value: value}(ETH, amount, address(tokenA), 1, address(0), 0, true);
    }

    function testFuzz_RevertWhen_CreateSendsValueWithAToken(uint256 amount, uint256 value) public {
        amount = bound(amount, 1, MAX_AMOUNT);
        value = bound(value, 1, type(uint136).max);
        tokenA.mint(maker, amount);
        vm.deal(maker, value);
        vm.prank(maker);
        vm.expectRevert(IEscrowVault.InvalidValue.selector);
        escrow.createOffer{value: value}(address(tokenA), amount, ETH, 1, address(0), 0, true);
    }

    function testFuzz_RevertWhen_FillValueIsNotTheQuote(
        uint256 sellAmount,
        uint256 buyAmount,
        uint256 fillAmount,
        uint256 value
    ) public {
        sellAmount = bound(sellAmount, 1, MAX_AMOUNT);
        buyAmount = bound(buyAmount, 1, MAX_AMOUNT);
        fillAmount = bound(fillAmount, 1, sellAmount);
        uint256 offerId = _create(address(tokenA), sellAmount, ETH, buyAmount, true);
        uint256 quote = escrow.quoteFill(offerId, fillAmount);
        value = bound(value, 0, type(uint136).max);
        vm.assume(value != quote);
        vm.deal(taker, value);
        vm.prank(taker);
        vm.expectRevert(IEscrowVault.InvalidValue.selector);
        escrow.fillOffer{value: value}(offerId, fillAmount);
    }

    function testFuzz_RevertWhen_FillSendsValueForATokenPrice(uint256 sellAmount, uint256 value) public {
        sellAmount = bound(sellAmount, 1, MAX_AMOUNT);
        value = bound(value, 1, type(uint136).max);
        uint256 offerId = _create(ETH, sellAmount, address(tokenA), 1, false);
        tokenA.mint(taker, 1);
        vm.deal(taker, value);
        vm.prank(taker);
        vm.expectRevert(IEscrowVault.InvalidValue.selector);
        escrow.fillOffer{value: value}(offerId, sellAmount);
    }

    function testFuzz_RevertWhen_AmountIsAbove128Bits(uint256 amount, bool onSellSide) public {
        amount = bound(amount, MAX_AMOUNT + 1, type(uint256).max);
        vm.prank(maker);
        vm.expectRevert(IEscrowVault.AmountTooLarge.selector);
        if (onSellSide) escrow.createOffer(address(tokenA), amount, address(tokenB), 1, address(0), 0, true);
        else escrow.createOffer(address(tokenA), 1, address(tokenB), amount, address(0), 0, true);
    }

    // ---------------------------------------------------------------- helpers

    /// @dev 0: token for token, 1: ETH for a token, 2: a token for ETH.
    function _legs(uint8 legs) internal view returns (address sellToken, address buyToken) {
        uint256 kind = legs % 3;
        if (kind == 0) return (address(tokenA), address(tokenB));
        if (kind == 1) return (ETH, address(tokenA));
        return (address(tokenA), ETH);
    }

    /// @dev Mixes the worst rounding case (1 unit), the last fill, and random sizes.
    function _pickFill(uint256 random, uint256 remaining) internal pure returns (uint256) {
        uint256 mode = random % 8;
        random >>= 8;
        if (mode < 2) return 1;
        if (mode == 2) return remaining;
        if (mode < 6) return bound(random, 1, remaining);
        return bound(random, 1, remaining / 16 + 1); // never above remaining: x / 16 + 1 <= x for x >= 1
    }

    /// @dev Fills and checks every balance the fill moves, the event, and the stored remainder.
    function _fillAndCheck(FillRun memory run, uint256 fillAmount) internal returns (uint256 paid) {
        (address sellToken, address buyToken) = (run.sellToken, run.buyToken);
        uint256 quote = escrow.quoteFill(run.offerId, fillAmount);
        uint256 makerBefore = _balance(buyToken, maker);
        uint256 takerBefore = _balance(sellToken, taker);
        _fund(buyToken, taker, quote);
        uint256 takerBuyBefore = _balance(buyToken, taker);
        uint256 remainingAfter = run.remaining - fillAmount;

        vm.expectEmit(true, true, false, true, address(escrow));
        emit ISwapEscrow.OfferFilled(run.offerId, taker, fillAmount, quote, remainingAfter);
        vm.prank(taker);
        paid = escrow.fillOffer{value: buyToken == ETH ? quote : 0}(run.offerId, fillAmount);

        assertEq(paid, quote, "fillOffer charges what quoteFill said");
        assertEq(_balance(buyToken, maker) - makerBefore, paid, "maker received what the taker paid");
        assertEq(takerBuyBefore - _balance(buyToken, taker), paid, "taker spent what it paid");
        assertEq(_balance(sellToken, taker) - takerBefore, fillAmount, "taker received exactly its fill");
        assertEq(escrow.getOffer(run.offerId).sellRemaining, remainingAfter, "sellRemaining drops by the fill");
        assertEq(_balance(buyToken, address(escrow)), 0, "escrow keeps none of the price");
    }

    function _create(address sellToken, uint256 sellAmount, address buyToken, uint256 buyAmount, bool partialFills)
        internal
        returns (uint256 offerId)
    {
        _fund(sellToken, maker, sellAmount);
        vm.prank(maker);
        offerId = escrow.createOffer{value: sellToken == ETH ? sellAmount : 0}(
            sellToken, sellAmount, buyToken, buyAmount, address(0), 0, partialFills
        );
    }

    function _fill(uint256 offerId, uint256 fillAmount) internal returns (uint256) {
        ISwapEscrow.Offer memory offer = escrow.getOffer(offerId);
        uint256 quote = escrow.quoteFill(offerId, fillAmount);
        _fund(offer.buyToken, taker, quote);
        vm.prank(taker);
        return escrow.fillOffer{value: offer.buyToken == ETH ? quote : 0}(offerId, fillAmount);
    }
}
