// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {SignedSwap} from "../../../src/SignedSwap.sol";
import {ISignedSwap} from "../../../src/interfaces/ISignedSwap.sol";
import {InvariantBase} from "../utils/InvariantBase.sol";
import {SignedSwapHandler} from "./SignedSwapHandler.sol";

/// @notice Properties of SignedSwap that hold after any sequence of signed orders, fills
/// (whole and partial), cancels and word invalidations by two makers and two takers.
contract SignedSwapInvariantTest is InvariantBase {
    SignedSwapHandler internal handler;
    SignedSwap internal signed;

    function setUp() public {
        handler = new SignedSwapHandler();
        signed = handler.signed();
        bytes4[] memory selectors = new bytes4[](6);
        selectors[0] = SignedSwapHandler.signOrder.selector;
        selectors[1] = SignedSwapHandler.signOrder.selector;
        selectors[2] = SignedSwapHandler.fill.selector;
        selectors[3] = SignedSwapHandler.fill.selector;
        selectors[4] = SignedSwapHandler.cancel.selector;
        selectors[5] = SignedSwapHandler.invalidate.selector;
        targetContract(address(handler));
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
    }

    /// @dev No fill ever went through on a used nonce, and no nonce was used up twice.
    function invariant_NonceNeverFilledTwice() public view {
        assertEq(handler.ghostFillsOnUsedNonce(), 0, "a fill went through on a used nonce");
        uint256 count = handler.orderCount();
        for (uint256 i; i < count; ++i) {
            ISignedSwap.Order memory o = handler.order(i);
            assertLe(handler.ghostNonceUses(o.maker, o.nonce), 1, "a nonce was used up twice");
            if (handler.ghostNonceUses(o.maker, o.nonce) == 1) {
                assertTrue(signed.isNonceUsed(o.maker, o.nonce), "a completed order left its nonce unused");
            }
        }
    }

    /// @dev No order ever delivered more than its sell amount; filledAmount is what was
    /// delivered (0 for orders without partial fills); the maker got at least the price.
    function invariant_FilledNeverExceedsOrder() public view {
        uint256 count = handler.orderCount();
        for (uint256 i; i < count; ++i) {
            ISignedSwap.Order memory o = handler.order(i);
            bytes32 orderHash = signed.hashOrder(o);
            uint256 filled = handler.ghostFilled(orderHash);
            assertLe(filled, o.sellAmount, "an order delivered more than its sell amount");
            assertEq(signed.filledAmount(orderHash), o.partialFills ? filled : 0, "filledAmount is what was delivered");
            // amounts are at most 1e24, so the products fit
            assertGe(handler.ghostPaid(orderHash) * o.sellAmount, filled * o.buyAmount, "maker paid below the price");
        }
    }

    /// @dev SignedSwap never holds tokens: both legs go straight between the parties.
    function invariant_HoldsNothing() public view {
        assertEq(handler.tokenA().balanceOf(address(signed)), 0, "SignedSwap holds token A");
        assertEq(handler.tokenB().balanceOf(address(signed)), 0, "SignedSwap holds token B");
    }
}
