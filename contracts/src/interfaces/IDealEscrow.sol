// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IEscrowVault} from "./IEscrowVault.sol";

/// @title IDealEscrow
/// @notice Tokens for something paid outside the chain. The seller locks tokens, the buyer
/// pays off chain and says so, the seller releases; an arbiter both accepted up front can
/// split the escrow when they disagree.
/// @dev Without the arbiter either side can always end a deal: the seller by releasing,
/// the buyer by cancelling. The arbiter is only needed for a split.
interface IDealEscrow is IEscrowVault {
    enum DealStatus {
        None,
        Listed,
        Taken,
        Paid,
        Disputed,
        Released,
        Refunded,
        Resolved
    }

    /// @notice A deal as callers see it.
    struct Deal {
        address seller;
        address buyer; // zero while listed to anyone
        address token;
        address arbiter;
        uint256 amount;
        uint16 arbiterFeeBps; // at most 1000, paid only when the arbiter resolves
        uint32 paymentWindow; // seconds the buyer has to pay once the deal is taken
        uint64 paymentDeadline; // set by takeDeal
        DealStatus status;
        bytes32 termsHash; // keccak256 of the off-chain terms text
    }

    /// @notice A seller locked `amount` of `token` for an off-chain payment.
    /// @param dealId The new deal's id.
    /// @param seller Who locked the tokens.
    /// @param buyer The only account that may take the deal, or `address(0)` for anyone.
    /// @param token The token sold (`address(0)` for ETH).
    /// @param amount How much is sold.
    /// @param arbiter Who may split the escrow in a dispute.
    /// @param arbiterFeeBps The arbiter's cut when it resolves, in bps.
    /// @param paymentWindow Seconds the buyer has to pay once it takes the deal.
    /// @param termsHash keccak256 of the off-chain terms text.
    event DealOpened(
        uint256 indexed dealId,
        address indexed seller,
        address indexed buyer,
        address token,
        uint256 amount,
        address arbiter,
        uint16 arbiterFeeBps,
        uint32 paymentWindow,
        bytes32 termsHash
    );

    /// @notice A buyer took the deal; its payment window started.
    /// @param dealId The deal taken.
    /// @param buyer Who took it.
    /// @param paymentDeadline The last second at which the buyer may mark the deal paid.
    event DealTaken(uint256 indexed dealId, address indexed buyer, uint64 paymentDeadline);

    /// @notice The buyer said it has paid.
    /// @param dealId The deal paid for.
    event DealPaid(uint256 indexed dealId);

    /// @notice The seller released the escrow to the buyer.
    /// @param dealId The deal released.
    event DealReleased(uint256 indexed dealId);

    /// @notice The escrow went back to the seller.
    /// @param dealId The deal refunded.
    /// @param by Who cancelled: the seller or the buyer.
    event DealRefunded(uint256 indexed dealId, address indexed by);

    /// @notice Seller or buyer asked the arbiter to decide.
    /// @param dealId The deal in dispute.
    /// @param by Who opened the dispute.
    event DealDisputed(uint256 indexed dealId, address indexed by);

    /// @notice The arbiter split a disputed deal.
    /// @param dealId The deal resolved.
    /// @param buyerShareBps The buyer's share of what was left after the fee, in bps.
    /// @param toBuyer What the buyer received.
    /// @param toSeller What the seller received.
    /// @param fee What the arbiter received.
    event DealResolved(uint256 indexed dealId, uint16 buyerShareBps, uint256 toBuyer, uint256 toSeller, uint256 fee);

    /// @notice Thrown by `openDeal` when the arbiter is zero, the seller or the named buyer.
    error InvalidArbiter();
    /// @notice Thrown by `openDeal` when the seller names itself as buyer.
    error InvalidBuyer();
    /// @notice Thrown by `openDeal` when the arbiter fee is above 1000 bps (10 %).
    error FeeTooHigh();
    /// @notice Thrown by `openDeal` when the payment window is under 5 minutes or over 30 days.
    error InvalidWindow();
    /// @notice Thrown when the caller may not make this call on this deal.
    error NotAllowed();
    /// @notice Thrown when the deal is not in a status this call starts from.
    error InvalidStatus();
    /// @notice Thrown by `markPaid` after the payment deadline.
    error PaymentWindowOver();
    /// @notice Thrown when the seller cancels a taken deal before its payment deadline.
    error PaymentWindowOpen();
    /// @notice Thrown by `resolve` when the buyer's share is above 10000 bps.
    error InvalidShare();

    /// @notice Locks `amount` of `token` for a buyer who pays off chain.
    /// @param token The ERC-20 sold, or `address(0)` for ETH sent as `msg.value`.
    /// @param amount How much is sold; taken in now.
    /// @param buyer The only account that may take the deal, or `address(0)` for anyone.
    /// @param arbiter Who may split the escrow in a dispute; not the seller or the buyer.
    /// @param arbiterFeeBps The arbiter's cut when it resolves, at most 1000 (10 %).
    /// @param paymentWindow Seconds the buyer has to pay once it takes the deal (5 min to 30 days).
    /// @param termsHash keccak256 of the off-chain terms text.
    /// @return dealId The new deal's id.
    function openDeal(
        address token,
        uint256 amount,
        address buyer,
        address arbiter,
        uint16 arbiterFeeBps,
        uint32 paymentWindow,
        bytes32 termsHash
    ) external payable returns (uint256 dealId);

    /// @notice Takes a listed deal as its buyer and starts the payment window.
    /// @dev The named buyer, or anyone but the seller and arbiter when none is named.
    /// @param dealId The deal to take.
    function takeDeal(uint256 dealId) external;

    /// @notice The buyer says it has paid; only until the payment deadline.
    /// @param dealId The deal paid for.
    function markPaid(uint256 dealId) external;

    /// @notice The seller hands the escrow to the buyer (Taken, Paid or Disputed).
    /// @param dealId The deal to release.
    function release(uint256 dealId) external;

    /// @notice Returns the escrow to the seller.
    /// @dev The seller may cancel a Listed deal, or a Taken one after its payment deadline;
    /// the buyer may cancel while Taken, Paid or Disputed.
    /// @param dealId The deal to cancel.
    function cancelDeal(uint256 dealId) external;

    /// @notice Seller or buyer asks the arbiter to decide a Paid deal.
    /// @param dealId The deal in dispute.
    function dispute(uint256 dealId) external;

    /// @notice The arbiter splits a disputed deal.
    /// @dev The fee `amount * arbiterFeeBps / 10000` goes to the arbiter; of the rest,
    /// `rest * buyerShareBps / 10000` to the buyer and the remainder to the seller (both rounded down).
    /// @param dealId The deal to resolve.
    /// @param buyerShareBps The buyer's share of what is left after the fee, in bps.
    function resolve(uint256 dealId, uint16 buyerShareBps) external;

    /// @notice Reads a deal; an unknown id returns the zero deal (status None).
    /// @param dealId The deal to read.
    /// @return deal The deal.
    function getDeal(uint256 dealId) external view returns (Deal memory deal);

    /// @notice The id of the newest deal; ids start at 1.
    /// @return count The number of deals ever opened.
    function dealCount() external view returns (uint256 count);
}
