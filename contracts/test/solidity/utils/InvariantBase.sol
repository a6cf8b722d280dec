// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {TestBase} from "./TestBase.sol";

/// @title InvariantBase
/// @notice The part of forge-std's StdInvariant that Peerlock uses: the invariant fuzzer
/// (Foundry's, inside Hardhat's EDR) calls `targetContracts()` and `targetSelectors()` on the
/// test contract to learn which functions of which contracts to call at random.
abstract contract InvariantBase is TestBase {
    /// @dev Same layout as forge-std's, which is what the fuzzer decodes.
    struct FuzzSelector {
        address addr;
        bytes4[] selectors;
    }

    address[] private _targetedContracts;
    FuzzSelector[] private _targetedSelectors;

    /// @dev Only targeted contracts are called; without any, the fuzzer would call every
    /// contract deployed in setUp, escrow and tokens included, with random senders.
    function targetContract(address target) internal {
        _targetedContracts.push(target);
    }

    /// @dev Restricts the calls on `selector.addr` to these functions.
    function targetSelector(FuzzSelector memory selector) internal {
        _targetedSelectors.push(selector);
    }

    function targetContracts() public view returns (address[] memory) {
        return _targetedContracts;
    }

    function targetSelectors() public view returns (FuzzSelector[] memory) {
        return _targetedSelectors;
    }
}
