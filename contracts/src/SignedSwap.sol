// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
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
    /// @notice Thrown when a token's `transferFrom` returns something other than nothing
    /// or `true` (or the token has no code). OpenZeppelin SafeERC20's error, same selector:
    /// fillOrder applies SafeERC20's rules in assembly, so it declares the error itself.
    /// @param token The token that refused.
    error SafeERC20FailedOperation(address token);

    /// @inheritdoc ISignedSwap
    bytes32 public constant ORDER_TYPEHASH = keccak256( // solhint-disable-line gas-small-strings
        "Order(address maker,address taker,address sellToken,uint256 sellAmount,address buyToken,uint256 buyAmount,uint64 expiry,uint256 nonce,bool partialFills)"
    );

    /// @dev The largest `s` of a signature accepted: secp256k1n / 2 (EIP-2), as in
    /// OpenZeppelin's ECDSA.
    uint256 private constant MAX_S = 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0;

    /// @dev `Order` is nine static 32-byte words in calldata.
    uint256 private constant ORDER_SIZE = 9 * 32;

    /// @dev Where each `Order` field sits in fillOrder's calldata. The order is its first
    /// argument, and a static struct is encoded in place: its nine words always start right
    /// after the 4-byte selector. Constant offsets save the pointer arithmetic of each field
    /// read (6 gas a read, about 20 reads a fill).
    uint256 private constant MAKER_AT = 0x04;
    uint256 private constant TAKER_AT = 0x24;
    uint256 private constant SELL_TOKEN_AT = 0x44;
    uint256 private constant SELL_AMOUNT_AT = 0x64;
    uint256 private constant BUY_TOKEN_AT = 0x84;
    uint256 private constant BUY_AMOUNT_AT = 0xa4;
    uint256 private constant EXPIRY_AT = 0xc4;
    uint256 private constant NONCE_AT = 0xe4;
    uint256 private constant PARTIAL_FILLS_AT = 0x104;

    /// @dev IERC20.transferFrom's selector, left-aligned as calldata starts with it.
    uint256 private constant TRANSFER_FROM = 0x23b872dd << 224;

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

    /// @dev EIP712's cached domain separator and what it was built for, kept again here
    /// because EIP712 keeps its own copies private: reading them in assembly skips
    /// `_domainSeparatorV4`'s call and Solidity's short-circuit jumps (~60 gas a fill).
    bytes32 private immutable _cachedSeparator;
    address private immutable _cachedSelf;
    uint256 private immutable _cachedChainId;

    constructor() EIP712("Peerlock", "1") {
        _cachedSeparator = _domainSeparatorV4();
        _cachedSelf = address(this);
        _cachedChainId = block.chainid;
    }

    // solhint-disable function-max-lines
    /// @inheritdoc ISignedSwap
    function fillOrder(Order calldata order, bytes calldata signature, uint256 sellAmount)
        external
        returns (uint256 buyAmountPaid)
    {
        // The fill path is inline assembly, each block saying what it saves (the totals are in
        // contracts/gas-report.md), in one long body on purpose: a private function call costs
        // ~40 gas. test/solidity/SignedSwapReference.sol is the same function in plain
        // OpenZeppelin-style Solidity, and test/solidity/SignedSwap.diff.t.sol holds the two
        // to the same return values, balances, storage, events and revert data. The order's
        // fields are read from calldata at fixed offsets (see MAKER_AT).

        // as EIP712 does: the cached separator holds until a chain fork or a delegatecall.
        // Compared in assembly, it skips _domainSeparatorV4's call and Solidity's
        // short-circuit jumps (~70 gas).
        bytes32 separator = _cachedSeparator;
        address cachedSelf = _cachedSelf;
        uint256 cachedChainId = _cachedChainId;
        bool stale;
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            stale := iszero(and(eq(address(), cachedSelf), eq(chainid(), cachedChainId)))
        }
        if (stale) separator = _domainSeparatorV4();
        bytes32 typeHash = ORDER_TYPEHASH;
        bytes32 orderHash;
        address maker;
        bool signed;
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            // Like Solidity's decoder, refuse (with no reason) a field with bits set above its
            // type's width: maker, taker, sellToken, buyToken are addresses, expiry a uint64,
            // partialFills a bool. Then a bare calldataload is each field, where Solidity would
            // clean and re-validate the field on every access (~100 gas).
            let addresses := or(or(calldataload(MAKER_AT), calldataload(TAKER_AT)), or(calldataload(SELL_TOKEN_AT), calldataload(BUY_TOKEN_AT)))
            if or(shr(160, addresses), or(shr(64, calldataload(EXPIRY_AT)), shr(1, calldataload(PARTIAL_FILLS_AT)))) {
                revert(0x00, 0x00)
            }

            // The digest. The struct hash is keccak256(ORDER_TYPEHASH ‖ the nine fields), and
            // the fields are already ABI-encoded, word by word, in calldata: one calldatacopy
            // right after the type hash lays out exactly the bytes to hash (abi.encode would
            // copy and validate field by field). It is laid out from address 0, over the
            // scratch words, the free memory pointer and the zero word, which are restored
            // below: memory grows by 4 words less than past the free pointer.
            let fmp := mload(0x40)
            mstore(0x00, typeHash)
            calldatacopy(0x20, order, ORDER_SIZE)
            let structHash := keccak256(0x00, add(0x20, ORDER_SIZE))
            // as MessageHashUtils.toTypedDataHash lays it out
            mstore(0x00, hex"1901")
            mstore(0x02, separator)
            mstore(0x22, structHash)
            orderHash := keccak256(0x00, 0x42)

            // checks: the order and the caller, in check()'s order
            maker := calldataload(MAKER_AT)
            if or(iszero(calldataload(SELL_AMOUNT_AT)), iszero(calldataload(BUY_AMOUNT_AT))) {
                mstore(0x00, 0x1f2a2005) // ZeroAmount()
                revert(0x1c, 0x04)
            }
            if eq(calldataload(SELL_TOKEN_AT), calldataload(BUY_TOKEN_AT)) {
                mstore(0x00, 0x201b580a) // SameToken()
                revert(0x1c, 0x04)
            }
            let expiry := calldataload(EXPIRY_AT)
            if iszero(or(iszero(expiry), lt(timestamp(), expiry))) {
                mstore(0x00, 0xc56873ba) // OrderExpired()
                revert(0x1c, 0x04)
            }
            let taker := calldataload(TAKER_AT)
            if iszero(or(iszero(taker), eq(caller(), taker))) {
                mstore(0x00, 0x5211a079) // NotTaker()
                revert(0x1c, 0x04)
            }
            if eq(caller(), maker) {
                mstore(0x00, 0x1f7e75fc) // InvalidTaker()
                revert(0x1c, 0x04)
            }

            // The signature, first as OpenZeppelin's ECDSA.tryRecoverCalldata checks it: 65
            // bytes, low s (secp256k1n / 2, EIP-2: (r, n - s) would be a second signature),
            // then the ecrecover precompile, called straight from scratch space (Solidity's
            // ecrecover builds its input in fresh memory and checks the call, ~250 gas more).
            // The precompile returns no data for a signature it cannot recover, so "returned
            // a word equal to maker" also refuses recovering address 0 for maker 0.
            if eq(signature.length, 65) {
                let s := calldataload(add(signature.offset, 0x20))
                if iszero(gt(s, MAX_S)) {
                    mstore(0x00, orderHash)
                    mstore(0x20, byte(0, calldataload(add(signature.offset, 0x40))))
                    mstore(0x40, calldataload(signature.offset))
                    mstore(0x60, s)
                    pop(staticcall(gas(), 0x01, 0x00, 0x80, 0x00, 0x20))
                    signed := and(eq(returndatasize(), 0x20), eq(mload(0x00), maker))
                }
            }
            mstore(0x40, fmp)
            mstore(0x60, 0)
        }
        // else the maker's EIP-1271 approval: an account without code answers with no data,
        // which fails, as does a wallet that reverts or answers anything but the magic value
        if (!signed) {
            if (!SignatureChecker.isValidERC1271SignatureNowCalldata(maker, orderHash, signature)) {
                revert InvalidSignature();
            }
        }

        // effects: the nonce word is read once and written at most once, before any token moves
        uint256 nonceSlot;
        uint256 usedWord;
        bool partialFills;
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            // _nonceBitmap[maker][nonce >> 8]'s slot, hashed in scratch space as Solidity does
            let nonce := calldataload(NONCE_AT)
            mstore(0x00, maker)
            mstore(0x20, _nonceBitmap.slot)
            mstore(0x20, keccak256(0x00, 0x40))
            mstore(0x00, shr(8, nonce))
            nonceSlot := keccak256(0x00, 0x40)
            let word := sload(nonceSlot)
            let bit := shl(and(nonce, 0xff), 1)
            if and(word, bit) {
                mstore(0x00, 0x1f6d5aef) // NonceUsed()
                revert(0x1c, 0x04)
            }
            usedWord := or(word, bit)
            partialFills := calldataload(PARTIAL_FILLS_AT)
            if iszero(partialFills) {
                // all or nothing: the one fill costs exactly buyAmount and uses the nonce
                let orderSell := calldataload(SELL_AMOUNT_AT)
                if iszero(eq(sellAmount, orderSell)) {
                    if or(iszero(sellAmount), gt(sellAmount, orderSell)) {
                        mstore(0x00, 0x94697444) // InvalidFillAmount()
                        revert(0x1c, 0x04)
                    }
                    mstore(0x00, 0x8ef0017c) // PartialFillNotAllowed()
                    revert(0x1c, 0x04)
                }
                sstore(nonceSlot, usedWord)
                buyAmountPaid := calldataload(BUY_AMOUNT_AT)
            }
        }
        if (partialFills) {
            bool finished;
            (buyAmountPaid, finished) = _recordPartialFill(orderHash, sellAmount);
            // solhint-disable-next-line no-inline-assembly
            if (finished) assembly ("memory-safe") { sstore(nonceSlot, usedWord) }
        }

        // interactions: the event, then the maker's leg to the taker and the taker's leg to
        // the maker, each with SafeERC20's transferFrom rules: the call must succeed and
        // return nothing (from a token with code) or a word equal to 1; a revert is bubbled
        // up, any other answer is SafeERC20FailedOperation(token). The calls are laid out in
        // scratch space exactly as SafeERC20 lays them out, so even a short reply is read the
        // same, without its per-call function and free-pointer bookkeeping (~200 gas).
        bytes32 filledTopic = OrderFilled.selector;
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            mstore(0x00, calldataload(NONCE_AT))
            mstore(0x20, sellAmount)
            mstore(0x40, buyAmountPaid)
            log4(0x00, 0x60, filledTopic, orderHash, maker, caller())

            let token := calldataload(SELL_TOKEN_AT)
            mstore(0x00, TRANSFER_FROM)
            mstore(0x04, maker)
            mstore(0x24, caller())
            mstore(0x44, sellAmount)
            let success := call(gas(), token, 0, 0x00, 0x64, 0x00, 0x20)
            if iszero(and(success, eq(mload(0x00), 1))) {
                if iszero(success) {
                    returndatacopy(0x00, 0x00, returndatasize())
                    revert(0x00, returndatasize())
                }
                if iszero(and(iszero(returndatasize()), gt(extcodesize(token), 0))) {
                    mstore(0x00, 0x5274afe7) // SafeERC20FailedOperation(token)
                    mstore(0x20, token)
                    revert(0x1c, 0x24)
                }
            }

            token := calldataload(BUY_TOKEN_AT)
            mstore(0x00, TRANSFER_FROM)
            mstore(0x04, caller())
            mstore(0x24, maker)
            mstore(0x44, buyAmountPaid)
            success := call(gas(), token, 0, 0x00, 0x64, 0x00, 0x20)
            if iszero(and(success, eq(mload(0x00), 1))) {
                if iszero(success) {
                    returndatacopy(0x00, 0x00, returndatasize())
                    revert(0x00, returndatasize())
                }
                if iszero(and(iszero(returndatasize()), gt(extcodesize(token), 0))) {
                    mstore(0x00, 0x5274afe7) // SafeERC20FailedOperation(token)
                    mstore(0x20, token)
                    revert(0x1c, 0x24)
                }
            }

            // return buyAmountPaid from here: the scratch words used need no restoring, and
            // Solidity's epilogue (stack clean-up, return encoding) is skipped (~70 gas)
            mstore(0x00, buyAmountPaid)
            return(0x00, 0x20)
        }
    }
    // solhint-enable function-max-lines

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
        bytes32 orderHash = _hashOrder(order);
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
        orderHash = _hashOrder(order);
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

    /// @dev Checks a fill of the order (one with partial fills) against what is left and
    /// records it. Returns what the taker pays the maker, and whether nothing is left (then
    /// fillOrder uses the nonce, in the word it has already read).
    function _recordPartialFill(bytes32 orderHash, uint256 sellAmount)
        private
        returns (uint256 buyAmountPaid, bool finished)
    {
        uint256 orderSell;
        uint256 orderBuy;
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            orderSell := calldataload(SELL_AMOUNT_AT)
            orderBuy := calldataload(BUY_AMOUNT_AT)
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
        buyAmountPaid = Math.mulDiv(sellAmount, orderBuy, orderSell, Math.Rounding.Ceil);
        unchecked {
            // sellAmount <= remaining == orderSell - filled
            filled += sellAmount;
        }
        _filled[orderHash] = filled;
        finished = filled == orderSell;
    }

    /// @dev `order`'s EIP-712 digest, in plain Solidity (fillOrder computes the same in
    /// assembly). Encoding a calldata struct validates it, as fillOrder does.
    function _hashOrder(Order calldata order) private view returns (bytes32) {
        return _hashTypedDataV4(keccak256(abi.encode(ORDER_TYPEHASH, order)));
    }

    /// @dev fillOrder's signature rule in plain Solidity: a 65-byte low-s ECDSA signature by
    /// `maker`, or else the approval of `maker`'s EIP-1271 `isValidSignature`.
    function _isValidSignature(address maker, bytes32 orderHash, bytes calldata signature)
        private
        view
        returns (bool)
    {
        (address signer, ECDSA.RecoverError error,) = ECDSA.tryRecoverCalldata(orderHash, signature);
        if (error == ECDSA.RecoverError.NoError && signer == maker) return true;
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
