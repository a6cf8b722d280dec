// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {ISignedSwap} from "./interfaces/ISignedSwap.sol";

/// @title SignedSwap
/// @notice Fills EIP-712 orders signed off chain: the maker's tokens go straight to the
/// taker and the taker's straight to the maker. No owner, no admin, no fees, no escrow.
/// @dev State is written before any token moves, so a re-entering token finds the nonce
/// used (or the fill recorded) and no re-entry guard is needed.
contract SignedSwap is ISignedSwap, EIP712 {
    using SafeERC20 for IERC20;

    /// @inheritdoc ISignedSwap
    bytes32 public constant ORDER_TYPEHASH = keccak256( // solhint-disable-line gas-small-strings
        "Order(address maker,address taker,address sellToken,uint256 sellAmount,address buyToken,uint256 buyAmount,uint64 expiry,uint256 nonce,bool partialFills)"
    );

    /// @dev The largest `s` of a signature accepted: secp256k1n / 2 (EIP-2), as in
    /// OpenZeppelin's ECDSA.
    uint256 private constant MAX_S = 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0;

    /// @dev `Order` is nine static 32-byte words in calldata.
    uint256 private constant ORDER_SIZE = 9 * 32;

    /// @dev The most selectors `check` can report: the nine fill errors and the four
    /// balance/allowance ones.
    uint256 private constant MAX_CHECK_ERRORS = 13;

    /// @dev Gas `check` lets a token's `balanceOf`/`allowance` burn. Real tokens need under
    /// 30k even behind a proxy; the cap keeps a token that burns everything from starving
    /// the reads after it (each call would otherwise keep only 1/64 of what is left).
    uint256 private constant TOKEN_READ_GAS = 100_000;

    /// @dev maker => word position => 256 nonce bits (bit `nonce % 256` of word `nonce / 256`).
    mapping(address maker => mapping(uint256 wordPos => uint256 word)) private _nonceBitmap;

    /// @dev order digest => sell amount filled; written only for orders with partial fills.
    mapping(bytes32 orderHash => uint256 amount) private _filled;

    constructor() EIP712("Peerlock", "1") {}

    /// @inheritdoc ISignedSwap
    function fillOrder(Order calldata order, bytes calldata signature, uint256 sellAmount)
        external
        returns (uint256 buyAmountPaid)
    {
        (Order memory o, bytes32 orderHash) = _loadOrder(order);
        address maker = o.maker;

        // checks: the order, the caller, the signature (nonce and amount in `_recordFill`)
        if (o.sellAmount == 0 || o.buyAmount == 0) revert ZeroAmount();
        if (o.sellToken == o.buyToken) revert SameToken();
        if (o.expiry != 0 && block.timestamp >= o.expiry) revert OrderExpired();
        if (o.taker != address(0) && msg.sender != o.taker) revert NotTaker();
        if (msg.sender == maker) revert InvalidTaker();
        if (!_isValidSignature(maker, orderHash, signature)) revert InvalidSignature();

        // effects
        buyAmountPaid = _recordFill(o, orderHash, sellAmount);
        emit OrderFilled(orderHash, maker, msg.sender, o.nonce, sellAmount, buyAmountPaid);

        // interactions: the maker's leg to the taker, then the taker's leg to the maker
        IERC20(o.sellToken).safeTransferFrom(maker, msg.sender, sellAmount);
        IERC20(o.buyToken).safeTransferFrom(msg.sender, maker, buyAmountPaid);
    }

    /// @inheritdoc ISignedSwap
    function cancel(uint256[] calldata nonces) external {
        mapping(uint256 => uint256) storage bitmap = _nonceBitmap[msg.sender];
        for (uint256 i; i < nonces.length; ++i) {
            uint256 nonce = nonces[i];
            (uint256 wordPos, uint256 bit) = _noncePosition(nonce);
            uint256 word = bitmap[wordPos];
            // already used (filled, or cancelled earlier in this list or before): skipped
            if (word & bit != 0) continue;
            bitmap[wordPos] = word | bit;
            emit NonceCancelled(msg.sender, nonce);
        }
    }

    /// @inheritdoc ISignedSwap
    function invalidateNonces(uint256 wordPos, uint256 mask) external {
        _nonceBitmap[msg.sender][wordPos] |= mask;
        emit NoncesInvalidated(msg.sender, wordPos, mask);
    }

    /// @inheritdoc ISignedSwap
    function check(Order calldata order, bytes calldata signature, address taker, uint256 sellAmount)
        external
        view
        returns (bytes4[] memory errors)
    {
        errors = new bytes4[](MAX_CHECK_ERRORS);
        uint256 count;
        address maker = order.maker;
        uint256 orderSell = order.sellAmount;
        uint256 orderBuy = order.buyAmount;
        uint64 expiry = order.expiry;

        // the order and the caller, in fillOrder's order
        if (orderSell == 0 || orderBuy == 0) count = _report(errors, count, ZeroAmount.selector);
        if (order.sellToken == order.buyToken) count = _report(errors, count, SameToken.selector);
        if (expiry != 0 && block.timestamp >= expiry) count = _report(errors, count, OrderExpired.selector);
        if (taker != address(0)) {
            if (order.taker != address(0) && taker != order.taker) count = _report(errors, count, NotTaker.selector);
            if (taker == maker) count = _report(errors, count, InvalidTaker.selector);
        }
        (, bytes32 orderHash) = _loadOrder(order);
        if (!_isValidSignature(maker, orderHash, signature)) count = _report(errors, count, InvalidSignature.selector);
        if (isNonceUsed(maker, order.nonce)) count = _report(errors, count, NonceUsed.selector);

        // the amount: an order without partial fills is always whole (filledAmount stays 0)
        uint256 remaining = orderSell - _filled[orderHash];
        if (sellAmount == 0 || sellAmount > remaining) {
            count = _report(errors, count, InvalidFillAmount.selector);
        } else if (!order.partialFills && sellAmount != orderSell) {
            count = _report(errors, count, PartialFillNotAllowed.selector);
        }

        // the money: each party must hold and have approved its leg
        if (_tokenRead(order.sellToken, IERC20.balanceOf.selector, maker, address(0)) < sellAmount) {
            count = _report(errors, count, MakerBalanceLow.selector);
        }
        if (_tokenRead(order.sellToken, IERC20.allowance.selector, maker, address(this)) < sellAmount) {
            count = _report(errors, count, MakerAllowanceLow.selector);
        }
        // the price is only defined for an amount up to the order (and a non-zero order)
        if (taker != address(0) && sellAmount <= orderSell && orderSell != 0) {
            uint256 price = Math.mulDiv(sellAmount, orderBuy, orderSell, Math.Rounding.Ceil);
            if (_tokenRead(order.buyToken, IERC20.balanceOf.selector, taker, address(0)) < price) {
                count = _report(errors, count, TakerBalanceLow.selector);
            }
            if (_tokenRead(order.buyToken, IERC20.allowance.selector, taker, address(this)) < price) {
                count = _report(errors, count, TakerAllowanceLow.selector);
            }
        }

        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            // shrink the array to what was found (count <= MAX_CHECK_ERRORS)
            mstore(errors, count)
        }
    }

    /// @inheritdoc ISignedSwap
    function hashOrder(Order calldata order) external view returns (bytes32 orderHash) {
        (, orderHash) = _loadOrder(order);
    }

    /// @inheritdoc ISignedSwap
    function filledAmount(bytes32 orderHash) external view returns (uint256) {
        return _filled[orderHash];
    }

    /// @inheritdoc ISignedSwap
    function isNonceUsed(address maker, uint256 nonce) public view returns (bool) {
        (uint256 wordPos, uint256 bit) = _noncePosition(nonce);
        return _nonceBitmap[maker][wordPos] & bit != 0;
    }

    /// @inheritdoc ISignedSwap
    function nonceBitmap(address maker, uint256 wordPos) external view returns (uint256) {
        return _nonceBitmap[maker][wordPos];
    }

    /// @dev Checks the nonce and the fill amount, then records the fill: the nonce word is
    /// read once and written at most once. Returns what the taker pays the maker.
    function _recordFill(Order memory order, bytes32 orderHash, uint256 sellAmount)
        private
        returns (uint256 buyAmountPaid)
    {
        mapping(uint256 => uint256) storage bitmap = _nonceBitmap[order.maker];
        (uint256 wordPos, uint256 bit) = _noncePosition(order.nonce);
        uint256 word = bitmap[wordPos];
        if (word & bit != 0) revert NonceUsed();

        uint256 orderSell = order.sellAmount;
        if (!order.partialFills) {
            // all or nothing: the one fill costs exactly buyAmount and uses the nonce
            if (sellAmount != orderSell) {
                if (sellAmount == 0 || sellAmount > orderSell) revert InvalidFillAmount();
                revert PartialFillNotAllowed();
            }
            bitmap[wordPos] = word | bit;
            return order.buyAmount;
        }

        uint256 filled = _filled[orderHash];
        uint256 remaining;
        unchecked {
            // filled < orderSell while the nonce is unused: the fill that reaches orderSell
            // also marks the nonce
            remaining = orderSell - filled;
        }
        if (sellAmount == 0 || sellAmount > remaining) revert InvalidFillAmount();
        // ceil, in the maker's favour; sellAmount <= orderSell keeps the result <= buyAmount
        buyAmountPaid = Math.mulDiv(sellAmount, order.buyAmount, orderSell, Math.Rounding.Ceil);
        unchecked {
            // sellAmount <= remaining == orderSell - filled
            filled += sellAmount;
        }
        _filled[orderHash] = filled;
        if (filled == orderSell) bitmap[wordPos] = word | bit;
    }

    /// @dev `order` in memory and its EIP-712 digest, from one copy of its calldata.
    /// The struct hash is keccak256(ORDER_TYPEHASH ‖ the nine fields), and the nine fields
    /// are already ABI-encoded, word by word, in calldata: one `calldatacopy` right after the
    /// type hash lays out exactly the bytes to hash, and the same words are the memory
    /// struct. Solidity's own `Order memory o = order` (or reading calldata fields one by one)
    /// validates every field in generated helpers and costs about 800 gas more per fill.
    /// Like Solidity's decoder, it refuses a field with bits set above its type's width, so
    /// the words hashed are exactly the fields used.
    function _loadOrder(Order calldata order) private view returns (Order memory o, bytes32 orderHash) {
        bytes32 typeHash = ORDER_TYPEHASH;
        bytes32 structHash;
        bool dirty;
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            // [ptr] type hash, [ptr + 0x20 ...] the order; allocated, as `o` points into it
            let ptr := mload(0x40)
            mstore(0x40, add(ptr, add(ORDER_SIZE, 0x20)))
            mstore(ptr, typeHash)
            o := add(ptr, 0x20)
            calldatacopy(o, order, ORDER_SIZE)
            structHash := keccak256(ptr, add(ORDER_SIZE, 0x20))
            // maker, taker, sellToken, buyToken are addresses; expiry a uint64; partialFills a bool
            dirty := or(
                or(or(shr(160, mload(o)), shr(160, mload(add(o, 0x20)))), or(shr(160, mload(add(o, 0x40))), shr(160, mload(add(o, 0x80))))),
                or(shr(64, mload(add(o, 0xc0))), shr(1, mload(add(o, 0x100))))
            )
        }
        // the same refusal as Solidity's ABI decoder for a malformed argument: no reason
        // solhint-disable-next-line reason-string, gas-custom-errors
        if (dirty) revert();
        // the domain separator is cached by EIP712 and rebuilt only after a chain fork
        orderHash = _hashTypedDataV4(structHash);
    }

    /// @dev A 65-byte low-s ECDSA signature by `maker`, or else the approval of `maker`'s
    /// EIP-1271 `isValidSignature`. ECDSA is tried first so an EOA maker costs no code
    /// lookup; an account without code answers the EIP-1271 call with no data, which fails,
    /// and so does a wallet that reverts or returns anything but the magic value. The
    /// `ecrecover` is called directly (the checks of OpenZeppelin's `ECDSA.tryRecover`,
    /// without its error plumbing, which cost about 150 gas per fill).
    function _isValidSignature(address maker, bytes32 orderHash, bytes calldata signature)
        private
        view
        returns (bool)
    {
        if (signature.length == 65) {
            bytes32 r;
            bytes32 s;
            uint8 v;
            // solhint-disable-next-line no-inline-assembly
            assembly ("memory-safe") {
                r := calldataload(signature.offset)
                s := calldataload(add(signature.offset, 0x20))
                v := byte(0, calldataload(add(signature.offset, 0x40)))
            }
            // low s only: (r, n - s) is the same signature, and would be a second one
            if (uint256(s) <= MAX_S) {
                address signer = ecrecover(orderHash, v, r, s);
                // ecrecover returns 0 for an invalid signature, which must not pass as maker 0
                if (signer == maker && signer != address(0)) return true;
            }
        }
        return SignatureChecker.isValidERC1271SignatureNowCalldata(maker, orderHash, signature);
    }

    /// @dev Writes `selector` into `check`'s result at `count`; returns the new count.
    function _report(bytes4[] memory errors, uint256 count, bytes4 selector) private pure returns (uint256) {
        errors[count] = selector;
        return count + 1;
    }

    /// @dev The word holding `nonce` and its bit in that word.
    function _noncePosition(uint256 nonce) private pure returns (uint256 wordPos, uint256 bit) {
        wordPos = nonce >> 8;
        bit = 1 << (nonce & 0xff);
    }

    /// @dev `token.balanceOf(a)` (when `b == 0`) or `token.allowance(a, b)`, or 0 when the call
    /// reverts, returns less than a word, or the token has no code; never reverts. Only
    /// one word of return data is copied, so a token cannot make `check` pay for a huge reply.
    function _tokenRead(address token, bytes4 selector, address a, address b) private view returns (uint256 value) {
        uint256 size = b == address(0) ? 0x24 : 0x44;
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            mstore(ptr, selector)
            mstore(add(ptr, 0x04), a)
            mstore(add(ptr, 0x24), b)
            let ok := staticcall(TOKEN_READ_GAS, token, ptr, size, 0x00, 0x20)
            if and(ok, gt(returndatasize(), 0x1f)) { value := mload(0x00) }
        }
    }
}
