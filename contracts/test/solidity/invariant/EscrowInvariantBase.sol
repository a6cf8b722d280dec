// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IEscrowVault} from "../../../src/interfaces/IEscrowVault.sol";
import {Assets} from "../utils/Assets.sol";
import {InvariantBase} from "../utils/InvariantBase.sol";
import {HandlerBase} from "./HandlerBase.sol";

/// @notice What both escrows' invariant tests check the same way: the handler's own
/// expectations, and that the escrow holds exactly what its trades lock plus every credit.
abstract contract EscrowInvariantBase is InvariantBase, Assets {
    /// @dev The fuzzer calls only `handler`, and only these functions (a selector listed
    /// twice is called twice as often).
    function _targetHandler(HandlerBase handler, bytes4[] memory selectors) internal {
        targetContract(address(handler));
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
    }

    /// @dev A handler cannot revert on a broken expectation (the revert would be dropped), so
    /// it logs the first one; this makes it fail the invariant.
    function _assertHandlerSawNoViolation(HandlerBase handler) internal view {
        string memory violation = handler.violation();
        assertTrue(bytes(violation).length == 0, violation);
    }

    /// @dev For every token of the handler, ETH included, the escrow's balance is exactly
    /// `locked[t]` (what its open trades hold of `tokens()[t]`) plus every actor's credit:
    /// nothing is missing and nothing is stuck. Only the actors ever trade or arbitrate, so
    /// their credits are all the credits.
    function _assertHoldsLockedPlusCredits(HandlerBase handler, uint256[] memory locked, string memory what)
        internal
        view
    {
        IEscrowVault escrow = handler.vault();
        address[] memory tokens = handler.tokens();
        address[] memory actors = handler.actors();
        for (uint256 t; t < tokens.length; ++t) {
            uint256 expected = locked[t];
            for (uint256 a; a < actors.length; ++a) {
                expected += escrow.withdrawable(tokens[t], actors[a]);
            }
            assertEq(_balance(tokens[t], address(escrow)), expected, what);
        }
    }

    /// @dev Where `token` stands in `tokens`; a trade in any other token is a test bug.
    function _indexOf(address[] memory tokens, address token) internal pure returns (uint256) {
        for (uint256 i; i < tokens.length; ++i) {
            if (tokens[i] == token) return i;
        }
        revert("unknown token");
    }
}
