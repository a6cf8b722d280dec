// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {SignedSwap} from "../../src/SignedSwap.sol";
import {ISignedSwap} from "../../src/interfaces/ISignedSwap.sol";
import {TestToken} from "../../dev/TestToken.sol";
import {TestBase} from "./utils/TestBase.sol";

/// @notice Fuzz tests for SignedSwap's money maths and nonces: any amounts up to 2^128 - 1,
/// any sequence of partial fills, any nonce.
contract SignedSwapFuzzTest is TestBase {
    uint256 internal constant MAX_AMOUNT = type(uint128).max;
    /// @dev Enough fills to pile up rounding, few enough to keep 512 runs fast.
    uint256 internal constant MAX_FILLS = 12;
    uint256 internal constant MAKER_KEY = 0xA11CE;

    SignedSwap internal signed;
    TestToken internal tokenA;
    TestToken internal tokenB;
    address internal maker;
    address internal taker;

    function setUp() public {
        signed = new SignedSwap();
        tokenA = new TestToken("Token A", "A", 18);
        tokenB = new TestToken("Token B", "B", 6);
        maker = vm.addr(MAKER_KEY);
        vm.label(maker, "maker");
        taker = makeAddr("taker");
        address[2] memory actors = [maker, taker];
        for (uint256 i; i < actors.length; ++i) {
            vm.startPrank(actors[i]);
            tokenA.approve(address(signed), type(uint256).max);
            tokenB.approve(address(signed), type(uint256).max);
            vm.stopPrank();
        }
    }

    function testFuzz_FullFillPaysExactlyThePriceAndUsesTheNonce(uint256 sellAmount, uint256 buyAmount, uint256 nonce)
        public
    {
        sellAmount = bound(sellAmount, 1, MAX_AMOUNT);
        buyAmount = bound(buyAmount, 1, MAX_AMOUNT);
        ISignedSwap.Order memory order = _order(sellAmount, buyAmount, nonce, false);
        bytes memory signature = _sign(order);
        tokenA.mint(maker, sellAmount);
        tokenB.mint(taker, buyAmount);

        vm.prank(taker);
        uint256 paid = signed.fillOrder(order, signature, sellAmount);

        assertEq(paid, buyAmount, "a full fill costs exactly buyAmount");
        assertEq(tokenA.balanceOf(taker), sellAmount, "taker received sellAmount");
        assertEq(tokenB.balanceOf(maker), buyAmount, "maker received buyAmount");
        assertEq(tokenA.balanceOf(address(signed)), 0, "SignedSwap holds nothing");
        assertTrue(signed.isNonceUsed(maker, nonce), "the nonce is used");
        assertEq(signed.nonceBitmap(maker, nonce >> 8), 1 << (nonce & 0xff), "exactly the nonce's bit is set");
        assertEq(signed.filledAmount(signed.hashOrder(order)), 0, "filledAmount stays 0 without partial fills");

        tokenA.mint(maker, sellAmount);
        tokenB.mint(taker, buyAmount);
        vm.prank(taker);
        vm.expectRevert(ISignedSwap.NonceUsed.selector);
        signed.fillOrder(order, signature, sellAmount);
    }

    /// @dev The running totals of a partial-fill sequence (a struct keeps the stack small).
    struct FillRun {
        ISignedSwap.Order order;
        bytes signature;
        bytes32 orderHash;
        uint256 remaining;
        uint256 filled;
        uint256 totalPaid;
        uint256 fills;
    }

    /// @dev Any sequence of partial fills: each one is charged ceil(fill * price), so the
    /// maker never gets less than the price, and the taker never gets more than the order.
    function testFuzz_PartialFillsNeverUnderpayMakerNorOverdeliver(
        uint256 sellAmount,
        uint256 buyAmount,
        uint256 nonce,
        uint256 seed
    ) public {
        FillRun memory run;
        sellAmount = bound(sellAmount, 1, MAX_AMOUNT);
        buyAmount = bound(buyAmount, 1, MAX_AMOUNT);
        run.order = _order(sellAmount, buyAmount, nonce, true);
        run.signature = _sign(run.order);
        run.orderHash = signed.hashOrder(run.order);
        run.remaining = sellAmount;
        tokenA.mint(maker, sellAmount);
        // the taker holds enough for every rounding unit it could pay
        tokenB.mint(taker, buyAmount + MAX_FILLS);

        while (run.remaining > 0 && run.fills < MAX_FILLS) {
            uint256 fillAmount = _pickFill(uint256(keccak256(abi.encode(seed, run.fills))), run.remaining);
            vm.prank(taker);
            uint256 paid = signed.fillOrder(run.order, run.signature, fillAmount);
            // exact per-fill price: paid == ceil(fill * buy / sell), computed here independently
            assertEq(paid, ceilDiv(fillAmount * buyAmount, sellAmount), "fill charges ceil(fill * price)");
            run.remaining -= fillAmount;
            run.filled += fillAmount;
            run.totalPaid += paid;
            ++run.fills;
            assertEq(signed.filledAmount(run.orderHash), run.filled, "filledAmount adds up the fills");
        }

        uint256 exactNumerator = run.filled * buyAmount;
        assertGe(run.totalPaid, ceilDiv(exactNumerator, sellAmount), "maker paid at least the price");
        assertLe(run.totalPaid, exactNumerator / sellAmount + run.fills, "maker paid at most price + fills");
        assertEq(tokenB.balanceOf(maker), run.totalPaid, "maker received every payment");
        assertEq(tokenA.balanceOf(taker), run.filled, "taker received exactly what it filled");
        assertLe(run.filled, sellAmount, "never more than the order");
        assertEq(signed.isNonceUsed(maker, nonce) ? 1 : 0, run.remaining == 0 ? 1 : 0, "nonce used iff nothing is left");

        // one unit more than what is left is always refused
        vm.prank(taker);
        vm.expectRevert(run.remaining == 0 ? ISignedSwap.NonceUsed.selector : ISignedSwap.InvalidFillAmount.selector);
        signed.fillOrder(run.order, run.signature, run.remaining + 1);
    }

    /// @dev cancel and invalidateNonces touch exactly the bits asked for, in the caller's word only.
    function testFuzz_CancelAndInvalidateSetOnlyTheirBits(uint256 nonce, uint256 wordPos, uint256 mask) public {
        vm.assume(wordPos != nonce >> 8);
        uint256[] memory nonces = new uint256[](1);
        nonces[0] = nonce;
        vm.prank(maker);
        signed.cancel(nonces);
        vm.prank(maker);
        signed.invalidateNonces(wordPos, mask);
        assertEq(signed.nonceBitmap(maker, nonce >> 8), 1 << (nonce & 0xff), "cancel sets one bit");
        assertEq(signed.nonceBitmap(maker, wordPos), mask, "invalidate sets the mask");
        assertEq(signed.nonceBitmap(taker, wordPos), 0, "other accounts are untouched");

        ISignedSwap.Order memory order = _order(1, 1, nonce, false);
        bytes memory signature = _sign(order);
        vm.prank(taker);
        vm.expectRevert(ISignedSwap.NonceUsed.selector);
        signed.fillOrder(order, signature, 1);
    }

    /// @dev check agrees with fillOrder: empty exactly when the fill goes through.
    function testFuzz_CheckIsEmptyIffTheFillSucceeds(uint256 sellAmount, uint256 buyAmount, uint256 fillAmount, bool partialFills)
        public
    {
        sellAmount = bound(sellAmount, 1, MAX_AMOUNT);
        buyAmount = bound(buyAmount, 1, MAX_AMOUNT);
        fillAmount = bound(fillAmount, 0, sellAmount + 1);
        ISignedSwap.Order memory order = _order(sellAmount, buyAmount, 1, partialFills);
        bytes memory signature = _sign(order);
        tokenA.mint(maker, sellAmount);
        tokenB.mint(taker, buyAmount);
        bytes4[] memory errors = signed.check(order, signature, taker, fillAmount);
        vm.prank(taker);
        (bool ok,) = address(signed).call(abi.encodeCall(ISignedSwap.fillOrder, (order, signature, fillAmount)));
        assertTrue(ok == (errors.length == 0), "check is empty iff the fill succeeds");
    }

    // ---------------------------------------------------------------- helpers

    function _order(uint256 sellAmount, uint256 buyAmount, uint256 nonce, bool partialFills)
        internal
        view
        returns (ISignedSwap.Order memory)
    {
        return ISignedSwap.Order({
            maker: maker,
            taker: address(0),
            sellToken: address(tokenA),
            sellAmount: sellAmount,
            buyToken: address(tokenB),
            buyAmount: buyAmount,
            expiry: 0,
            nonce: nonce,
            partialFills: partialFills
        });
    }

    function _sign(ISignedSwap.Order memory order) internal view returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(MAKER_KEY, signed.hashOrder(order));
        return abi.encodePacked(r, s, v);
    }

    /// @dev Small, mid-size and all-of-the-rest fills, so rounding piles up and orders finish.
    function _pickFill(uint256 random, uint256 remaining) internal pure returns (uint256) {
        uint256 kind = random % 4;
        if (kind == 0) return 1;
        if (kind == 1) return remaining;
        return bound(random >> 8, 1, remaining);
    }
}
