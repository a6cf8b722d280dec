// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

/// @title OwnedSmartWallet
/// @notice Test-only EIP-1271 smart-contract wallet: a signature is valid when its single owner
/// signed the hash. Lets off-chain checks (SIWE sign-in, deal-room session keys) be tested
/// against a contract account instead of an EOA, and lets that account trade through `execute`.
/// @dev Never deploy outside tests.
contract OwnedSmartWallet {
    /// @notice The EOA whose signatures this wallet accepts.
    address public immutable owner;

    /// @notice Thrown when anyone but the owner calls `execute`.
    error NotOwner();

    constructor(address owner_) {
        owner = owner_;
    }

    /// @notice EIP-1271: returns the magic value when `owner` signed `hash`.
    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4) {
        (address signer, ECDSA.RecoverError err, ) = ECDSA.tryRecover(hash, signature);
        return err == ECDSA.RecoverError.NoError && signer == owner ? this.isValidSignature.selector : bytes4(0xffffffff);
    }

    /// @notice Calls `target` with `value` wei and `data`, as this wallet; reverts bubble up.
    function execute(address target, uint256 value, bytes calldata data) external payable returns (bytes memory) {
        if (msg.sender != owner) revert NotOwner();
        (bool ok, bytes memory result) = target.call{value: value}(data);
        if (!ok) {
            assembly {
                revert(add(result, 32), mload(result))
            }
        }
        return result;
    }

    receive() external payable {}
}
