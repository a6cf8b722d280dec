// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

/// @title Eip1271Wallet
/// @notice Test-only smart-contract wallet that makes signed orders as a maker. Its
/// `isValidSignature` can check its owner's ECDSA signature (as a real wallet does), say yes
/// or no to anything, revert, or answer with less than a word.
/// @dev Anyone may configure it and move its tokens: never deploy outside tests.
contract Eip1271Wallet is IERC1271 {
    enum Mode {
        Owner, // the magic value iff `owner` signed the hash (65-byte ECDSA)
        Yes, // the magic value for anything
        No, // a wrong value (0xffffffff) for anything
        Revert, // revert with no data
        Short // return 4 bytes only (the magic value, but not ABI-encoded as a word)
    }

    /// @notice Whose ECDSA signature counts in Owner mode.
    address public immutable owner;
    /// @notice How `isValidSignature` answers.
    Mode public mode;

    constructor(address owner_) {
        owner = owner_;
    }

    /// @notice Sets how `isValidSignature` answers.
    /// @param newMode The answer from now on.
    function setMode(Mode newMode) external {
        mode = newMode;
    }

    /// @notice Approves `spender` for `amount` of `token` from this wallet.
    /// @param token The token.
    /// @param spender Who may spend (SignedSwap).
    /// @param amount How much.
    function approve(IERC20 token, address spender, uint256 amount) external {
        token.approve(spender, amount);
    }

    /// @inheritdoc IERC1271
    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4) {
        Mode current = mode;
        if (current == Mode.Revert) revert();
        if (current == Mode.No) return 0xffffffff;
        if (current == Mode.Short) {
            // solhint-disable-next-line no-inline-assembly
            assembly ("memory-safe") {
                mstore(0x00, shl(224, 0x1626ba7e))
                return(0x00, 0x04)
            }
        }
        if (current == Mode.Yes) return IERC1271.isValidSignature.selector;
        (address signer, ECDSA.RecoverError err,) = ECDSA.tryRecoverCalldata(hash, signature);
        return err == ECDSA.RecoverError.NoError && signer == owner ? IERC1271.isValidSignature.selector : bytes4(0);
    }
}
