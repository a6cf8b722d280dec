// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title PhantomToken
/// @notice Test-only contract that answers every call with the word 1: `transferFrom` and
/// `transfer` "succeed" (return true) and move nothing, `balanceOf` is 1 for everyone. Like a
/// contract with a permissive fallback used as a token address. Peerlock must not count
/// such a "payment" as received.
contract PhantomToken {
    fallback() external payable {
        assembly ("memory-safe") {
            mstore(0, 1)
            return(0, 32)
        }
    }
}
