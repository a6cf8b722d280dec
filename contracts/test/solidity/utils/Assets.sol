// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {TestToken} from "../../../dev/TestToken.sol";
import {TestBase} from "./TestBase.sol";

/// @title Assets
/// @notice ETH written as the token at `address(0)`, as both escrows write it, so that a test
/// funds an account and reads what it holds with one call whatever a trade's token is.
abstract contract Assets is TestBase {
    address internal constant ETH = address(0);

    /// @dev Adds to what `account` has rather than setting it, so funding never hides a payout
    /// received earlier. Every mintable test token shares TestToken's `mint(address,uint256)`.
    function _fund(address token, address account, uint256 amount) internal {
        if (token == ETH) vm.deal(account, account.balance + amount);
        else TestToken(token).mint(account, amount);
    }

    /// @dev What `account` holds of `token` outside any escrow (credits not included).
    function _balance(address token, address account) internal view returns (uint256) {
        return token == ETH ? account.balance : IERC20(token).balanceOf(account);
    }
}
