// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Vm, VM_ADDRESS} from "./Vm.sol";

/// @title TestBase
/// @notice The handful of forge-std helpers Peerlock's tests need, written out because
/// forge-std is not installed. Failed assertions revert with a message naming what broke.
abstract contract TestBase {
    Vm internal constant vm = Vm(VM_ADDRESS);

    /// @dev Maps `x` into [min, max]. Values already inside are kept, so the fuzzer's own
    /// edge cases (0, 1, max) survive; others wrap around the range.
    function bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        require(min <= max, "bound: min > max");
        if (x >= min && x <= max) return x;
        uint256 size = max - min + 1; // cannot overflow: the full range returned above
        return min + x % size;
    }

    /// @dev A labelled address with no code, derived from `name` so it is stable across runs.
    function makeAddr(string memory name) internal returns (address account) {
        account = address(uint160(uint256(keccak256(bytes(name)))));
        vm.label(account, name);
    }

    /// @dev ceil(a / b) without the `a + b - 1` overflow.
    function ceilDiv(uint256 a, uint256 b) internal pure returns (uint256) {
        return a / b + (a % b == 0 ? 0 : 1);
    }

    function assertTrue(bool condition, string memory what) internal pure {
        if (!condition) revert(string.concat("assertion failed: ", what));
    }

    function assertEq(uint256 actual, uint256 expected, string memory what) internal pure {
        if (actual != expected) {
            revert(string.concat(what, ": got ", vm.toString(actual), ", expected ", vm.toString(expected)));
        }
    }

    function assertEq(address actual, address expected, string memory what) internal pure {
        assertTrue(actual == expected, what);
    }

    function assertEq(bytes32 actual, bytes32 expected, string memory what) internal pure {
        assertTrue(actual == expected, what);
    }

    function assertLe(uint256 actual, uint256 limit, string memory what) internal pure {
        if (actual > limit) {
            revert(string.concat(what, ": ", vm.toString(actual), " > ", vm.toString(limit)));
        }
    }

    function assertGe(uint256 actual, uint256 limit, string memory what) internal pure {
        if (actual < limit) {
            revert(string.concat(what, ": ", vm.toString(actual), " < ", vm.toString(limit)));
        }
    }
}
