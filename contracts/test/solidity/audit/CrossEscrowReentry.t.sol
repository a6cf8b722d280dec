// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {ISwapEscrow} from "../../../src/interfaces/ISwapEscrow.sol";
import {IDealEscrow} from "../../../src/interfaces/IDealEscrow.sol";
import {IEscrowVault} from "../../../src/interfaces/IEscrowVault.sol";
import {HostileParty} from "../../mocks/HostileParty.sol";
import {AuditBase} from "./AuditBase.sol";

/// @notice Re-entry by a party of the trade, with its own identity, from inside the escrow's
/// token transfers (ERC-777-style hooks). Each escrow's guard covers only itself, so a party
/// may use the OTHER escrow mid-transfer: that must be harmless because neither escrow pays
/// the other or counts on the other's balance. The escrow paying must refuse it.
contract CrossEscrowReentryTest is AuditBase {
    HostileParty internal party;

    function setUp() public override {
        super.setUp();
        party = _hostile();
    }

    /// @dev The buyer's receive hook, run while DealEscrow pays it, fills an offer on
    /// SwapEscrow with the tokens just received.
    function test_BuyerHookFillsAnOfferOnTheOtherEscrowDuringRelease() public {
        uint256 offerId = _offer(alice, ETH, 1 ether, address(hook), 50 ether);
        uint256 dealId = _takenDeal(alice, address(party), address(hook), 100 ether);
        party.setModes(HostileParty.Mode.Accept, HostileParty.Mode.Call, HostileParty.Mode.Accept);
        party.configure(0, 0, address(swap), abi.encodeCall(ISwapEscrow.fillOffer, (offerId, 1 ether)));
        uint256 partyTokens = hook.balanceOf(address(party));
        uint256 partyEth = address(party).balance;

        vm.prank(alice);
        deals.release(dealId);

        assertTrue(party.lastCallSucceeded(), "the other escrow let the buyer in");
        assertTrue(swap.getOffer(offerId).status == ISwapEscrow.OfferStatus.Filled, "offer filled");
        assertTrue(deals.getDeal(dealId).status == IDealEscrow.DealStatus.Released, "deal released");
        assertEq(hook.balanceOf(address(party)) - partyTokens, 50 ether, "buyer got 100, paid 50");
        assertEq(address(party).balance - partyEth, 1 ether, "buyer got the offer's ETH");
        assertEq(hook.balanceOf(address(deals)), 0, "deal escrow emptied");
        assertEq(hook.balanceOf(address(swap)) + address(swap).balance, 0, "swap escrow emptied");
        assertEq(deals.withdrawable(address(hook), address(party)), 0, "nothing credited");
    }

    /// @dev The maker's send hook, run inside SwapEscrow's intake between its two balance
    /// reads, withdraws a credit from DealEscrow: SwapEscrow's own balance still grows by
    /// exactly the amount, so the intake is accepted and counted right.
    function test_MakerHookWithdrawsFromTheOtherEscrowDuringIntake() public {
        party.setModes(HostileParty.Mode.Accept, HostileParty.Mode.Refuse, HostileParty.Mode.Accept);
        uint256 dealId = _takenDeal(alice, address(party), address(hook), 100 ether);
        vm.prank(alice);
        deals.release(dealId);
        assertEq(deals.withdrawable(address(hook), address(party)), 100 ether, "credit set up");

        party.setModes(HostileParty.Mode.Accept, HostileParty.Mode.Accept, HostileParty.Mode.Call);
        party.configure(0, 0, address(deals), abi.encodeCall(IEscrowVault.withdraw, (address(hook))));
        uint256 before = hook.balanceOf(address(party));
        uint256 offerId = _offer(address(party), address(hook), 10 ether, ETH, 1 ether);

        assertTrue(party.lastCallSucceeded(), "the other escrow let the maker withdraw");
        assertEq(swap.getOffer(offerId).sellRemaining, 10 ether, "offer holds the amount");
        assertEq(hook.balanceOf(address(swap)), 10 ether, "swap escrow holds exactly the amount");
        assertEq(hook.balanceOf(address(deals)), 0, "deal escrow paid the credit");
        assertEq(hook.balanceOf(address(party)) + 10 ether - before, 100 ether, "maker: +100 credit, -10 locked");
    }

    /// @dev A party allowed to cancel another deal tries it from inside a payout of the same
    /// escrow: the guard refuses, the payout itself goes through, the other deal is untouched.
    function test_PartyHookCannotReenterTheEscrowPayingIt() public {
        uint256 bought = _takenDeal(alice, address(party), address(hook), 100 ether);
        vm.prank(address(party));
        uint256 sold = deals.openDeal(address(hook), 5 ether, address(0), arbiter, 0, WINDOW, bytes32(0));
        party.setModes(HostileParty.Mode.Accept, HostileParty.Mode.Call, HostileParty.Mode.Accept);
        party.configure(0, 0, address(deals), abi.encodeCall(IDealEscrow.cancelDeal, (sold)));

        vm.prank(alice);
        deals.release(bought);

        assertTrue(!party.lastCallSucceeded(), "re-entry refused");
        assertEq(
            keccak256(party.lastCallReturnData()),
            keccak256(abi.encodeWithSelector(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector)),
            "refused by the guard"
        );
        assertTrue(deals.getDeal(sold).status == IDealEscrow.DealStatus.Listed, "other deal untouched");
        assertEq(deals.withdrawable(address(hook), address(party)), 0, "payout made directly");
        assertEq(hook.balanceOf(address(deals)), 5 ether, "escrow holds only the listed deal");

        // outside a payout the same call works
        vm.prank(address(party));
        deals.cancelDeal(sold);
        assertEq(hook.balanceOf(address(deals)), 0, "refunded");
    }
}
