// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {ISignedSwap} from "../../src/interfaces/ISignedSwap.sol";

/// @title SignedSwapReference
/// @notice docs/spec.md's `fillOrder` written the plain way, with no assembly: OpenZeppelin's
/// EIP712, ECDSA, SignatureChecker, SafeERC20 and Math, Solidity's own ABI decoding and
/// mappings. The differential fuzz test (SignedSwap.diff.t.sol) runs its code at
/// SignedSwap's address, over SignedSwap's storage, and requires the same outcome as
/// SignedSwap's assembly fill path for every order it tries.
/// @dev The storage layout matches SignedSwap's (EIP712's two fallback strings, then the
/// nonce bitmap, then the filled amounts), and so does the order of the checks, so that
/// the same input must hit the same error.
contract SignedSwapReference is EIP712 {
    using SafeERC20 for IERC20;

    /// @notice keccak256 of the Order type string.
    bytes32 public constant ORDER_TYPEHASH = keccak256( // solhint-disable-line gas-small-strings
        "Order(address maker,address taker,address sellToken,uint256 sellAmount,address buyToken,uint256 buyAmount,uint64 expiry,uint256 nonce,bool partialFills)"
    );

    mapping(address maker => mapping(uint256 wordPos => uint256 word)) private _nonceBitmap;
    mapping(bytes32 orderHash => uint256 amount) private _filled;

    constructor() EIP712("Peerlock", "1") {}

    /// @notice Fills `order` for `sellAmount`, as ISignedSwap.fillOrder.
    /// @param order The order as the maker signed it.
    /// @param signature The maker's signature.
    /// @param sellAmount How much of the sell token to buy.
    /// @return buyAmountPaid What the caller paid the maker.
    function fillOrder(ISignedSwap.Order calldata order, bytes calldata signature, uint256 sellAmount)
        external
        returns (uint256 buyAmountPaid)
    {
        // copying validates every field, as the ABI decoder would for a memory argument
        ISignedSwap.Order memory o = order;
        bytes32 orderHash = _hashTypedDataV4(keccak256(abi.encode(ORDER_TYPEHASH, o)));

        if (o.sellAmount == 0 || o.buyAmount == 0) revert ISignedSwap.ZeroAmount();
        if (o.sellToken == o.buyToken) revert ISignedSwap.SameToken();
        if (o.expiry != 0 && block.timestamp >= o.expiry) revert ISignedSwap.OrderExpired();
        if (o.taker != address(0) && msg.sender != o.taker) revert ISignedSwap.NotTaker();
        if (msg.sender == o.maker) revert ISignedSwap.InvalidTaker();
        (address signer, ECDSA.RecoverError error,) = ECDSA.tryRecoverCalldata(orderHash, signature);
        bool signed = error == ECDSA.RecoverError.NoError && signer == o.maker;
        if (!signed && !SignatureChecker.isValidERC1271SignatureNowCalldata(o.maker, orderHash, signature)) {
            revert ISignedSwap.InvalidSignature();
        }

        uint256 wordPos = o.nonce >> 8;
        uint256 bit = 1 << (o.nonce & 0xff);
        if (_nonceBitmap[o.maker][wordPos] & bit != 0) revert ISignedSwap.NonceUsed();
        if (!o.partialFills) {
            if (sellAmount == 0 || sellAmount > o.sellAmount) revert ISignedSwap.InvalidFillAmount();
            if (sellAmount != o.sellAmount) revert ISignedSwap.PartialFillNotAllowed();
            _nonceBitmap[o.maker][wordPos] |= bit;
            buyAmountPaid = o.buyAmount;
        } else {
            uint256 filled = _filled[orderHash];
            if (sellAmount == 0 || sellAmount > o.sellAmount - filled) revert ISignedSwap.InvalidFillAmount();
            buyAmountPaid = Math.mulDiv(sellAmount, o.buyAmount, o.sellAmount, Math.Rounding.Ceil);
            _filled[orderHash] = filled + sellAmount;
            if (filled + sellAmount == o.sellAmount) _nonceBitmap[o.maker][wordPos] |= bit;
        }

        emit ISignedSwap.OrderFilled(orderHash, o.maker, msg.sender, o.nonce, sellAmount, buyAmountPaid);
        IERC20(o.sellToken).safeTransferFrom(o.maker, msg.sender, sellAmount);
        IERC20(o.buyToken).safeTransferFrom(msg.sender, o.maker, buyAmountPaid);
    }

    /// @notice `maker`'s nonce word `wordPos`, as ISignedSwap.nonceBitmap.
    /// @param maker The maker.
    /// @param wordPos Which word.
    /// @return word The 256 bits.
    function nonceBitmap(address maker, uint256 wordPos) external view returns (uint256) {
        return _nonceBitmap[maker][wordPos];
    }

    /// @notice The sell amount filled of an order, as ISignedSwap.filledAmount.
    /// @param orderHash The order's digest.
    /// @return amount The sell amount filled.
    function filledAmount(bytes32 orderHash) external view returns (uint256) {
        return _filled[orderHash];
    }
}
