// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {HostileParty} from "../../mocks/HostileParty.sol";
import {AuditBase} from "./AuditBase.sol";

/// @notice A recipient must not be able to block a payout, nor make the caller pay much more
/// than the gas the escrow chose to give it; and no caller may pick a gas limit that turns a
/// recipient able to receive into a credit.
contract PayoutGriefingTest is AuditBase {
    /// @dev Bytes a recipient can just afford to return within ETH_PAYOUT_GAS.
    uint256 internal constant BIG_BOMB = 200_000;
    /// @dev Most a hostile ETH recipient may cost the caller beyond a refusing one: the gas
    /// forwarded, the 2,300 stipend a value transfer adds, and a little slack.
    uint256 internal constant HOSTILE_PAYOUT_GAS = ETH_PAYOUT_GAS + 3_000;

    HostileParty internal party;

    function setUp() public override {
        super.setUp();
        party = _hostile();
    }

    // ---------------------------------------------------------------- return-data bombs

    /// @dev Gas of `release` to `party` (as buyer) behaving as `mode`.
    function _releaseCost(HostileParty.Mode mode, uint256 bombSize) internal returns (uint256 cost) {
        uint256 id = _takenDeal(alice, address(party), ETH, 1 ether);
        party.setModes(mode, HostileParty.Mode.Accept, HostileParty.Mode.Accept);
        party.configure(bombSize, 0, address(0), "");
        vm.prank(alice);
        uint256 before = gasleft();
        deals.release(id);
        cost = before - gasleft();
    }

    function test_ReturnDataBombCostsTheCallerNoMoreThanTheStipend() public {
        _releaseCost(HostileParty.Mode.Refuse, 0); // opens the credit slot for the rest
        uint256 refused = _releaseCost(HostileParty.Mode.Refuse, 0);
        uint256[3] memory sizes = [uint256(64_000), BIG_BOMB, 1_000_000];
        for (uint256 i; i < sizes.length; ++i) {
            uint256 bombed = _releaseCost(HostileParty.Mode.ReturnBomb, sizes[i]);
            assertLe(bombed, refused + HOSTILE_PAYOUT_GAS, "release to a return-data bomb");
        }
        assertEq(deals.withdrawable(ETH, address(party)), 5 ether, "every bombed payout was credited");
    }

    function test_ReturnDataBombAsMakerCostsTheTakerNoMoreThanTheStipend() public {
        party.setModes(HostileParty.Mode.Refuse, HostileParty.Mode.Accept, HostileParty.Mode.Accept);
        uint256[2] memory ids = [_offer(address(party), address(hook), 1 ether, ETH, 2 ether), 0];
        ids[1] = _offer(address(party), address(hook), 1 ether, ETH, 2 ether);
        uint256 third = _offer(address(party), address(hook), 1 ether, ETH, 2 ether);

        vm.prank(bob);
        swap.fillOffer{value: 2 ether}(ids[0], 1 ether); // opens the credit slot
        vm.prank(bob);
        uint256 before = gasleft();
        swap.fillOffer{value: 2 ether}(ids[1], 1 ether);
        uint256 refused = before - gasleft();

        party.setModes(HostileParty.Mode.ReturnBomb, HostileParty.Mode.Accept, HostileParty.Mode.Accept);
        party.configure(BIG_BOMB, 0, address(0), "");
        vm.prank(bob);
        before = gasleft();
        swap.fillOffer{value: 2 ether}(third, 1 ether);
        assertLe(before - gasleft(), refused + HOSTILE_PAYOUT_GAS, "fill paying a return-data bomb");
        assertEq(swap.withdrawable(ETH, address(party)), 6 ether, "the bombing maker was credited");
    }

    /// @dev Memory the escrow grows for one bomb would make the next one dearer still.
    function test_TwoReturnDataBombsInOneResolveCostAtMostTwoStipends() public {
        HostileParty seller = _hostile();
        HostileParty.Mode refuse = HostileParty.Mode.Refuse;
        HostileParty.Mode accept = HostileParty.Mode.Accept;
        party.setModes(refuse, accept, accept);
        seller.setModes(refuse, accept, accept);
        uint256 first = _disputedDeal(address(seller), address(party), ETH, 1 ether);
        uint256 second = _disputedDeal(address(seller), address(party), ETH, 1 ether);
        uint256 third = _disputedDeal(address(seller), address(party), ETH, 1 ether);

        vm.startPrank(arbiter);
        deals.resolve(first, 5_000); // opens both credit slots
        uint256 before = gasleft();
        deals.resolve(second, 5_000);
        uint256 refused = before - gasleft();

        party.setModes(HostileParty.Mode.ReturnBomb, accept, accept);
        seller.setModes(HostileParty.Mode.ReturnBomb, accept, accept);
        party.configure(BIG_BOMB, 0, address(0), "");
        seller.configure(BIG_BOMB, 0, address(0), "");
        before = gasleft();
        deals.resolve(third, 5_000);
        assertLe(before - gasleft(), refused + 2 * HOSTILE_PAYOUT_GAS, "resolve paying two return-data bombs");
        vm.stopPrank();
    }

    // ---------------------------------------------------------------- the caller's gas limit

    /// @dev A recipient whose receive needs most of the 100k (three fresh slots, ~70-90k) is
    /// paid directly at every gas limit that lets `release` succeed: starving the call makes
    /// the whole transaction fail, never a credit. The sweep runs from far too little gas to 300
    /// successes, in steps of a prime so that no alignment with the escrow's costs is assumed.
    function test_NoGasLimitTurnsAPayableEthRecipientIntoACredit() public {
        party.setModes(HostileParty.Mode.Hungry, HostileParty.Mode.Accept, HostileParty.Mode.Accept);
        party.configure(0, 3, address(0), "");
        uint256 id = _takenDeal(alice, address(party), ETH, 1 ether);
        uint256 successes;
        for (uint256 gasLimit = 20_000; successes < 300; gasLimit += 61) {
            vm.prank(alice);
            try deals.release{gas: gasLimit}(id) {
                successes += 1;
                assertEq(deals.withdrawable(ETH, address(party)), 0, "a payable recipient was credited");
                id = _takenDeal(alice, address(party), ETH, 1 ether);
            } catch {}
        }
    }

    /// @dev The same for a maker paid in ETH through a fill.
    function test_NoGasLimitTurnsAPayableEthMakerIntoACredit() public {
        party.setModes(HostileParty.Mode.Hungry, HostileParty.Mode.Accept, HostileParty.Mode.Accept);
        party.configure(0, 3, address(0), "");
        uint256 id = _offer(address(party), address(hook), 1 ether, ETH, 2 ether);
        uint256 successes;
        for (uint256 gasLimit = 20_000; successes < 300; gasLimit += 61) {
            vm.prank(bob);
            try swap.fillOffer{value: 2 ether, gas: gasLimit}(id, 1 ether) {
                successes += 1;
                assertEq(swap.withdrawable(ETH, address(party)), 0, "a payable maker was credited");
                id = _offer(address(party), address(hook), 1 ether, ETH, 2 ether);
            } catch {}
        }
    }

    // ---------------------------------------------------------------- token hooks burning gas

    /// @dev ERC-20 payouts forward all gas (tokens need it); a hook burning it all leaves the
    /// escrow 1/64, which is enough to credit the burner when the caller sends a few million.
    function test_BuyerHookBurningAllGasIsCreditedOnRelease() public {
        uint256 id = _takenDeal(alice, address(party), address(hook), 100 ether);
        party.setModes(HostileParty.Mode.Accept, HostileParty.Mode.BurnGas, HostileParty.Mode.Accept);
        vm.prank(alice);
        deals.release{gas: 3_000_000}(id);
        assertEq(deals.withdrawable(address(hook), address(party)), 100 ether, "burner credited");

        party.setModes(HostileParty.Mode.Accept, HostileParty.Mode.Accept, HostileParty.Mode.Accept);
        uint256 before = hook.balanceOf(address(party));
        vm.prank(address(party));
        deals.withdraw(address(hook));
        assertEq(hook.balanceOf(address(party)) - before, 100 ether, "former burner withdrew");
    }

    function test_BuyerHookBurningAllGasCannotBlockResolve() public {
        uint256 id = _disputedDeal(alice, address(party), address(hook), 100 ether);
        party.setModes(HostileParty.Mode.Accept, HostileParty.Mode.BurnGas, HostileParty.Mode.Accept);
        uint256 sellerBefore = hook.balanceOf(alice);
        vm.prank(arbiter);
        deals.resolve{gas: 6_000_000}(id, 2_500);
        // fee 1 %, then 25 % of the rest to the buyer
        assertEq(deals.withdrawable(address(hook), address(party)), 24.75 ether, "burning buyer credited");
        assertEq(hook.balanceOf(alice) - sellerBefore, 74.25 ether, "seller paid directly");
        assertEq(hook.balanceOf(arbiter), 1 ether, "arbiter paid directly");
    }

    function test_MakerHookBurningAllGasCannotBlockAFill() public {
        uint256 id = _offer(address(party), ETH, 1 ether, address(hook), 300 ether);
        party.setModes(HostileParty.Mode.Accept, HostileParty.Mode.BurnGas, HostileParty.Mode.Accept);
        uint256 takerBefore = bob.balance;
        vm.prank(bob);
        swap.fillOffer{gas: 10_000_000}(id, 1 ether);
        assertEq(swap.withdrawable(address(hook), address(party)), 300 ether, "price pulled in, maker credited");
        assertEq(hook.balanceOf(address(swap)), 300 ether, "escrow holds the credited price");
        assertEq(bob.balance - takerBefore, 1 ether, "taker served");
    }
}
