// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC5267} from "@openzeppelin/contracts/interfaces/IERC5267.sol";

/// @title ISignedSwap
/// @notice Gasless offers: a maker signs an EIP-712 order off chain; a taker submits it and
/// both ERC-20 legs move in the fill, straight between the two parties. No escrow, no owner.
/// @dev EIP-712 domain: name "Peerlock", version "1", the chain id and this contract
/// (read it with `eip712Domain()`, EIP-5267).
interface ISignedSwap is IERC5267 {
    /// @notice What a maker signs. The price is `buyAmount` per `sellAmount`.
    /// @dev EIP-712 type string, exactly:
    /// Order(address maker,address taker,address sellToken,uint256 sellAmount,address buyToken,uint256 buyAmount,uint64 expiry,uint256 nonce,bool partialFills)
    struct Order {
        address maker;
        address taker; // 0: anyone may fill
        address sellToken;
        uint256 sellAmount;
        address buyToken;
        uint256 buyAmount;
        uint64 expiry; // unix seconds; 0 = never
        uint256 nonce;
        bool partialFills;
    }

    /// @notice A taker bought `sellAmount` of a signed order for `buyAmount`.
    /// @param orderHash The order's EIP-712 digest (`hashOrder`).
    /// @param maker Who signed the order and was paid.
    /// @param taker Who filled it.
    /// @param nonce The order's nonce.
    /// @param sellAmount How much of the sell token went from the maker to the taker.
    /// @param buyAmount How much of the buy token went from the taker to the maker.
    event OrderFilled(
        bytes32 indexed orderHash,
        address indexed maker,
        address indexed taker,
        uint256 nonce,
        uint256 sellAmount,
        uint256 buyAmount
    );

    /// @notice `maker` cancelled `nonce`: no order signed with it can be filled any more.
    /// @param maker Who cancelled.
    /// @param nonce The nonce newly marked used.
    event NonceCancelled(address indexed maker, uint256 nonce);

    /// @notice `maker` marked every nonce in `mask` of its word `wordPos` used.
    /// @param maker Who invalidated.
    /// @param wordPos Which word: nonces `wordPos * 256` to `wordPos * 256 + 255`.
    /// @param mask Bit `i` set cancels nonce `wordPos * 256 + i`.
    event NoncesInvalidated(address indexed maker, uint256 wordPos, uint256 mask);

    /// @notice Thrown when the order's `sellAmount` or `buyAmount` is 0.
    error ZeroAmount();
    /// @notice Thrown when the order sells and buys the same token.
    error SameToken();
    /// @notice Thrown at or after the order's expiry (`expiry != 0 && block.timestamp >= expiry`).
    error OrderExpired();
    /// @notice Thrown when the order names a taker and the caller is not it.
    error NotTaker();
    /// @notice Thrown when the maker tries to fill its own order.
    error InvalidTaker();
    /// @notice Thrown when the order's nonce is used: filled, or cancelled by the maker.
    error NonceUsed();
    /// @notice Thrown when the signature is not the maker's: not a 65-byte low-s ECDSA
    /// signature by the maker, and not approved by the maker's EIP-1271 `isValidSignature`.
    error InvalidSignature();
    /// @notice Thrown when the fill amount is 0, or more than what is left of the order.
    error InvalidFillAmount();
    /// @notice Thrown when an order without partial fills is filled for less than all of it.
    error PartialFillNotAllowed();
    /// @notice Never thrown; `check` reports it when the maker holds less sell token than the fill.
    error MakerBalanceLow();
    /// @notice Never thrown; `check` reports it when the maker approved this contract for
    /// less sell token than the fill.
    error MakerAllowanceLow();
    /// @notice Never thrown; `check` reports it when the taker holds less buy token than the fill costs.
    error TakerBalanceLow();
    /// @notice Never thrown; `check` reports it when the taker approved this contract for
    /// less buy token than the fill costs.
    error TakerAllowanceLow();

    /// @notice Buys `sellAmount` of a signed order: the maker's sell token goes to the caller,
    /// the caller pays the maker `ceil(sellAmount * order.buyAmount / order.sellAmount)` of
    /// the buy token. Both legs use `transferFrom`, so both parties must have approved this
    /// contract.
    /// @dev An order without partial fills uses its nonce on its one fill. An order with
    /// partial fills adds to `filledAmount(hashOrder(order))` and uses its nonce when nothing
    /// is left. Each party receives what the token delivers (no balance-delta check).
    /// @param order The order as the maker signed it.
    /// @param signature The maker's 65-byte ECDSA signature (low s), or whatever the maker's
    /// EIP-1271 wallet accepts.
    /// @param sellAmount How much of the sell token to buy.
    /// @return buyAmountPaid What the caller paid the maker.
    function fillOrder(Order calldata order, bytes calldata signature, uint256 sellAmount)
        external
        returns (uint256 buyAmountPaid);

    /// @notice Marks the caller's `nonces` used, so orders signed with them can no longer be
    /// filled. Nonces already used are skipped without reverting.
    /// @dev Emits one `NonceCancelled` per nonce newly marked.
    /// @param nonces The nonces to cancel.
    function cancel(uint256[] calldata nonces) external;

    /// @notice Marks every nonce in `mask` of the caller's word `wordPos` used, in one write.
    /// @param wordPos Which word: nonces `wordPos * 256` to `wordPos * 256 + 255`.
    /// @param mask Bit `i` set cancels nonce `wordPos * 256 + i`.
    function invalidateNonces(uint256 wordPos, uint256 mask) external;

    /// @notice Every reason a fill of `sellAmount` by `taker` would fail now; empty means it
    /// would succeed. Never reverts.
    /// @dev Returns selectors of this interface's errors, including the four balance and
    /// allowance ones. Taker checks are skipped when `taker == address(0)`.
    /// @param order The order as the maker signed it.
    /// @param signature The maker's signature.
    /// @param taker Who would fill, or `address(0)` to check the order alone.
    /// @param sellAmount How much of the sell token would be bought.
    /// @return errors The selectors of the errors a fill would hit, in no promised order.
    function check(Order calldata order, bytes calldata signature, address taker, uint256 sellAmount)
        external
        view
        returns (bytes4[] memory errors);

    /// @notice The EIP-712 digest of `order` on this chain and contract: what the maker signs.
    /// @param order The order.
    /// @return orderHash The digest, also the key of `filledAmount`.
    function hashOrder(Order calldata order) external view returns (bytes32 orderHash);

    /// @notice How much of an order's sell amount has been filled so far.
    /// @dev Stays 0 for orders without partial fills (their nonce says whether they filled).
    /// @param orderHash The order's digest (`hashOrder`).
    /// @return amount The sell amount filled.
    function filledAmount(bytes32 orderHash) external view returns (uint256 amount);

    /// @notice Whether `maker`'s `nonce` is used (filled or cancelled).
    /// @param maker The maker.
    /// @param nonce The nonce.
    /// @return used True when no order with this nonce can be filled.
    function isNonceUsed(address maker, uint256 nonce) external view returns (bool used);

    /// @notice One word of `maker`'s nonce bitmap: bit `nonce % 256` of word `nonce / 256`
    /// is set when that nonce is used.
    /// @param maker The maker.
    /// @param wordPos Which word.
    /// @return word The 256 bits.
    function nonceBitmap(address maker, uint256 wordPos) external view returns (uint256 word);

    /// @notice keccak256 of the Order type string above.
    /// @return typeHash The EIP-712 type hash of `Order`.
    function ORDER_TYPEHASH() external view returns (bytes32 typeHash);
}
