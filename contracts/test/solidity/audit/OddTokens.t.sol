// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IEscrowVault} from "../../../src/interfaces/IEscrowVault.sol";
import {ISwapEscrow} from "../../../src/interfaces/ISwapEscrow.sol";
import {DoubleEntryToken, LegacyEntry} from "../../mocks/DoubleEntryToken.sol";
import {PhantomToken} from "../../mocks/PhantomToken.sol";
import {ZeroSpyToken} from "../../mocks/ZeroSpyToken.sol";
import {AuditBase} from "./AuditBase.sol";

/// @notice Token addresses that are not tokens, tokens that say yes and move nothing, tokens
/// that dislike zero transfers, and one balance behind two token addresses.
contract OddTokensTest is AuditBase {
    /// @dev Precompiles up to Prague's BLS ones (0x11) and the P-256 one (0x100) of RIP-7212.
    function _precompiles() internal pure returns (address[] memory list) {
        list = new address[](18);
        for (uint256 i; i < 17; ++i) {
            list[i] = address(uint160(i + 1));
        }
        list[17] = address(0x100);
    }

    /// @dev A precompile has no code but answers calls (0x04 echoes its input): refused
    /// before any call, as the sell token, the deal token and the price token.
    function test_RevertWhen_TokenIsAPrecompile() public {
        address[] memory precompiles = _precompiles();
        for (uint256 i; i < precompiles.length; ++i) {
            address token = precompiles[i];
            _assertIntakeRefused(token);
            // an offer may name any price token; a fill in it is refused
            vm.prank(alice);
            uint256 offerId = swap.createOffer{value: 1 ether}(ETH, 1 ether, token, 1 ether, address(0), 0, false);
            vm.prank(bob);
            vm.expectRevert(_unsupported(token));
            swap.fillOffer(offerId, 1 ether);
        }
        assertEq(address(swap).balance, precompiles.length * 1 ether, "only the ETH of the unfillable offers");
    }

    /// @dev A contract that returns true for everything and moves nothing is refused wherever
    /// it would count as money received: intake, and the price of a fill.
    function test_RevertWhen_TokenSucceedsWithoutMovingAnything() public {
        address phantom = address(new PhantomToken());
        _assertIntakeRefused(phantom);

        uint256 offerId = _offer(alice, ETH, 1 ether, phantom, 1 ether);
        uint256 takerBefore = bob.balance;
        vm.prank(bob);
        vm.expectRevert(_unsupported(phantom));
        swap.fillOffer(offerId, 1 ether);
        assertEq(bob.balance, takerBefore, "taker got nothing for a phantom price");
        assertEq(address(swap).balance, 1 ether, "offer still holds its ETH");
    }

    /// @dev Zero payouts are skipped: a fee or a share that rounds to 0 sends nothing, so a
    /// token that reverts on zero transfers never sees one.
    function test_NeverSendsAZeroTransfer() public {
        ZeroSpyToken spy = new ZeroSpyToken();
        spy.mint(alice, 1_000 ether);
        vm.prank(alice);
        spy.approve(address(deals), type(uint256).max);
        // 99 units at 1 %: the fee rounds to 0
        uint16[2] memory shares = [uint16(0), 10_000];
        for (uint256 i; i < shares.length; ++i) {
            vm.prank(alice);
            uint256 id = deals.openDeal(address(spy), 99, address(0), arbiter, 100, WINDOW, bytes32(0));
            vm.startPrank(bob);
            deals.takeDeal(id);
            deals.markPaid(id);
            deals.dispute(id);
            vm.stopPrank();
            vm.prank(arbiter);
            deals.resolve(id, shares[i]);
        }
        assertEq(spy.balanceOf(bob), 99, "all to the buyer once");
        assertEq(spy.balanceOf(address(deals)), 0, "nothing left behind");
        assertEq(spy.zeroTransfers(), 0, "no zero transfer");
    }

    /// @dev One balance behind two addresses: the escrow pays each obligation exactly from
    /// whichever address it was recorded under and never derives payouts from its balance,
    /// so selling one entry for the other stays exact and solvent.
    function test_DoubleEntryTokenSettlesExactlyThroughBothEntries() public {
        DoubleEntryToken twin = new DoubleEntryToken();
        address legacy = twin.legacy();
        address[2] memory people = [alice, bob];
        for (uint256 i; i < people.length; ++i) {
            twin.mint(people[i], 1_000 ether);
            vm.startPrank(people[i]);
            twin.approve(address(swap), type(uint256).max);
            LegacyEntry(legacy).approve(address(swap), type(uint256).max);
            vm.stopPrank();
        }
        // the same token on both legs, under two addresses: SameToken compares addresses
        uint256 twinForTwin = _offer(alice, address(twin), 100 ether, legacy, 50 ether);
        uint256 legacyForEth = _offer(alice, legacy, 70 ether, ETH, 1 ether);
        assertEq(twin.balanceOf(address(swap)), 170 ether, "both offers locked");

        vm.prank(bob);
        swap.fillOffer(twinForTwin, 100 ether);
        assertEq(twin.balanceOf(alice), 1_000 ether - 170 ether + 50 ether, "maker paid 50 via legacy");
        assertEq(twin.balanceOf(bob), 1_000 ether + 100 ether - 50 ether, "taker: +100 main, -50 legacy");
        assertEq(twin.balanceOf(address(swap)), 70 ether, "escrow holds the open offer only");

        vm.prank(alice);
        swap.cancelOffer(legacyForEth);
        assertEq(twin.balanceOf(address(swap)), 0, "refunded through legacy, escrow empty");
        assertEq(twin.balanceOf(alice), 1_000 ether - 100 ether + 50 ether, "maker whole");
        assertTrue(swap.getOffer(twinForTwin).status == ISwapEscrow.OfferStatus.Filled, "filled");
    }

    // ---------------------------------------------------------------- helpers

    /// @dev Neither escrow takes `token` in: not as an offer's sell token, not as a deal's.
    function _assertIntakeRefused(address token) internal {
        vm.prank(alice);
        vm.expectRevert(_unsupported(token));
        swap.createOffer(token, 1 ether, ETH, 1 ether, address(0), 0, false);
        vm.prank(alice);
        vm.expectRevert(_unsupported(token));
        deals.openDeal(token, 1 ether, address(0), arbiter, 0, WINDOW, bytes32(0));
    }

    function _unsupported(address token) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(IEscrowVault.UnsupportedToken.selector, token);
    }
}
