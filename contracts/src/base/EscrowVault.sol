// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IEscrowVault} from "../interfaces/IEscrowVault.sol";

/// @title EscrowVault
/// @notice The one place where Peerlock moves money: intake with exact-amount checks,
/// payouts that a recipient cannot block, and the credit ledger behind them.
/// @dev `address(0)` is native ETH. Every external entry point of a child contract that
/// moves money must be `nonReentrant`.
abstract contract EscrowVault is IEscrowVault, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @dev Native ETH in every `token` argument.
    address internal constant ETH = address(0);

    /// @dev Trades hold at most 2^128 - 1 of a token, so two amounts fit in one slot and
    /// `amount * amount` cannot overflow 256 bits.
    uint256 internal constant MAX_AMOUNT = type(uint128).max;

    /// @dev Gas forwarded with an ETH payout. Enough for a smart-contract wallet's receive
    /// (a Safe proxy needs ~15k), small enough that a recipient burning it all still leaves
    /// the caller gas to credit it (the credit costs ~25k). Such a recipient is credited and
    /// withdraws with all the gas it wants.
    uint256 internal constant ETH_PAYOUT_GAS = 100_000;

    /// @dev Gas forwarded when `_payThrough` retries a failed ERC-20 payment from this
    /// contract, to learn whether the recipient accepts it. A plain transfer with a receive
    /// hook needs far less; capping it keeps a recipient whose hook burns all gas creditable
    /// (it burns 63/64 of the gas once, in the direct transfer, and at most this much again).
    /// Starving the retry cannot fake a refusal: the 1/64 left could not pay for the credit.
    uint256 internal constant TOKEN_RETRY_GAS = 100_000;

    /// @dev token => account => amount whose payout failed.
    mapping(address token => mapping(address account => uint256 amount)) private _credits;

    /// @inheritdoc IEscrowVault
    function withdrawable(address token, address account) external view returns (uint256) {
        return _credits[token][account];
    }

    /// @inheritdoc IEscrowVault
    function withdraw(address token) external nonReentrant {
        // checks
        uint256 amount = _credits[token][msg.sender];
        if (amount == 0) revert NothingToWithdraw();
        // effects
        delete _credits[token][msg.sender];
        emit Withdrawn(msg.sender, token, amount);
        // interactions: a failing transfer reverts, so the credit survives for a later try
        if (token == ETH) {
            Address.sendValue(payable(msg.sender), amount);
        } else {
            IERC20(token).safeTransfer(msg.sender, amount);
        }
    }

    /// @dev Reverts unless `amount` is usable as a trade amount.
    function _checkAmount(uint256 amount) internal pure {
        if (amount == 0) revert ZeroAmount();
        if (amount > MAX_AMOUNT) revert AmountTooLarge();
    }

    /// @dev Reverts unless `msg.value` is exactly what is due: `amount` for ETH, 0 otherwise.
    function _checkValue(address token, uint256 amount) internal view {
        if (msg.value != (token == ETH ? amount : 0)) revert InvalidValue();
    }

    /// @dev Takes `amount` of `token` from `from` into this contract. ETH has arrived as
    /// `msg.value` already (see `_checkValue`).
    function _takeIn(address token, address from, uint256 amount) internal {
        _checkValue(token, amount);
        if (token != ETH) _pullExact(IERC20(token), from, amount);
    }

    /// @dev Pays `amount` of `token` from `payer` to `recipient` on this contract's behalf.
    /// ERC-20s go straight from payer to recipient (one transfer instead of two). SPEC credits
    /// a payout that the *recipient* blocks; a payer that refuses to pay fails its own call.
    /// When the direct transfer fails, the amount is taken in from the payer (a payer that
    /// cannot pay reverts here) and this contract tries to pay the recipient itself:
    /// - the recipient refuses that too: it blocks its own payout, so it is credited;
    /// - the recipient accepts it: the direct transfer failed on the payer's side (for example
    ///   an ERC-777-style send hook refusing this recipient), so the call reverts
    ///   `PaymentRefused` and nothing moves, instead of pushing the recipient onto a credit.
    function _payThrough(address token, address payer, address recipient, uint256 amount) internal {
        if (token == ETH) {
            _payOut(ETH, recipient, amount);
            return;
        }
        IERC20 erc20 = IERC20(token);
        // a token without code would "succeed" doing nothing; checked once, as code cannot
        // disappear within the transaction
        if (token.code.length == 0) revert UnsupportedToken(token);
        uint256 before = erc20.balanceOf(recipient);
        if (erc20.trySafeTransferFrom(payer, recipient, amount)) {
            _requireGrowth(erc20, before, erc20.balanceOf(recipient), amount);
            return;
        }
        _pullExact(erc20, payer, amount);
        if (_tryTransfer(token, recipient, amount, TOKEN_RETRY_GAS)) revert PaymentRefused(token, payer);
        _credit(recipient, token, amount);
    }

    /// @dev Sends `amount` of `token` held by this contract to `to`. A payout that fails is
    /// credited to `to`, so no recipient can block the trade it belongs to.
    function _payOut(address token, address to, uint256 amount) internal {
        if (amount == 0) return;
        bool paid;
        if (token == ETH) {
            // no return data is copied: `(paid,) = to.call(...)` would copy all the recipient
            // returns, letting it charge the caller for a return-data bomb beyond its 100k
            // solhint-disable-next-line no-inline-assembly
            assembly ("memory-safe") {
                // slither-disable-next-line arbitrary-send-eth
                paid := call(ETH_PAYOUT_GAS, to, amount, 0, 0, 0, 0)
            }
        } else {
            paid = IERC20(token).trySafeTransfer(to, amount);
        }
        if (!paid) _credit(to, token, amount);
    }

    /// @dev `token.transfer(to, amount)` from this contract with at most `gasCap` gas; true if
    /// it succeeded and returned true or nothing (tokens like USDT return nothing). At most 32
    /// bytes of return data are read, so a token cannot charge the caller for a return-data bomb.
    function _tryTransfer(address token, address to, uint256 amount, uint256 gasCap) private returns (bool ok) {
        bytes memory data = abi.encodeCall(IERC20.transfer, (to, amount));
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            mstore(0x00, 0)
            ok := call(gasCap, token, 0, add(data, 0x20), mload(data), 0x00, 0x20)
            // `token` has code (checked by the caller): no return data means success
            ok := and(ok, or(iszero(returndatasize()), and(gt(returndatasize(), 31), eq(mload(0x00), 1))))
        }
    }

    /// @dev Pulls exactly `amount` from `from`; refuses tokens without code and tokens that
    /// deliver anything but the amount sent (fee-on-transfer, deflationary, rebasing down).
    function _pullExact(IERC20 token, address from, uint256 amount) private {
        if (address(token).code.length == 0) revert UnsupportedToken(address(token));
        uint256 before = token.balanceOf(address(this));
        token.safeTransferFrom(from, address(this), amount);
        _requireGrowth(token, before, token.balanceOf(address(this)), amount);
    }

    /// @dev A balance must grow by exactly the amount sent; written without subtraction so a
    /// shrinking balance is refused as unsupported rather than panicking.
    function _requireGrowth(IERC20 token, uint256 before, uint256 current, uint256 amount) private pure {
        if (current < before || current - before != amount) revert UnsupportedToken(address(token));
    }

    function _credit(address account, address token, uint256 amount) private {
        _credits[token][account] += amount;
        emit Credited(account, token, amount);
    }
}
