// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {EscrowVault} from "./base/EscrowVault.sol";
import {IDealEscrow} from "./interfaces/IDealEscrow.sol";

/// @title DealEscrow
/// @notice Escrow for tokens sold against an off-chain payment, with an arbiter chosen up
/// front for disputes. No owner, no admin, no fees but the arbiter's, paid only on a split.
contract DealEscrow is IDealEscrow, EscrowVault {
    /// @notice Basis points in 100 %.
    uint256 public constant BPS = 10_000;
    /// @notice The highest arbiter fee: 10 % of the escrow.
    uint16 public constant MAX_ARBITER_FEE_BPS = 1_000;
    /// @notice The shortest payment window; shorter cannot fit a real bank transfer.
    uint32 public constant MIN_PAYMENT_WINDOW = 5 minutes;
    /// @notice The longest payment window; longer would lock the seller's funds for too long.
    uint32 public constant MAX_PAYMENT_WINDOW = 30 days;

    /// @dev Amounts up to this (2^96 - 1, about 7.9e28: 79 billion tokens of 18 decimals)
    /// are stored next to the token; larger ones, up to MAX_AMOUNT, in a slot of their own.
    uint256 private constant MAX_PACKED_AMOUNT = type(uint96).max;

    /// @dev Storage form of a deal. A deal listed to anyone skips the buyer slot until it is
    /// taken, and slot 5 is written only for huge amounts, so opening a deal writes four new
    /// slots and a payout reads three: status and seller, buyer, token and amount.
    struct StoredDeal {
        // slot 0: what every transition checks
        address seller;
        uint64 paymentDeadline;
        uint16 arbiterFeeBps;
        DealStatus status;
        // slot 1
        address buyer;
        // slot 2: what a payout needs
        address token;
        uint96 packedAmount; // the amount, or 0 when it is above MAX_PACKED_AMOUNT
        // slot 3: what takeDeal needs besides slots 0 and 1
        address arbiter;
        uint32 paymentWindow;
        // slot 4
        bytes32 termsHash;
        // slot 5: the amount when it is above MAX_PACKED_AMOUNT (amounts are never 0)
        uint128 largeAmount;
    }

    uint256 private _dealCount;
    mapping(uint256 dealId => StoredDeal deal) private _deals;

    /// @inheritdoc IDealEscrow
    function openDeal(
        address token,
        uint256 amount,
        address buyer,
        address arbiter,
        uint16 arbiterFeeBps,
        uint32 paymentWindow,
        bytes32 termsHash
    ) external payable nonReentrant returns (uint256 dealId) {
        // checks
        _checkAmount(amount);
        if (buyer == msg.sender) revert InvalidBuyer();
        if (arbiter == address(0) || arbiter == msg.sender || arbiter == buyer) revert InvalidArbiter();
        if (arbiterFeeBps > MAX_ARBITER_FEE_BPS) revert FeeTooHigh();
        if (paymentWindow < MIN_PAYMENT_WINDOW || paymentWindow > MAX_PAYMENT_WINDOW) revert InvalidWindow();

        // effects
        dealId = ++_dealCount;
        StoredDeal storage deal = _deals[dealId];
        deal.seller = msg.sender;
        deal.arbiterFeeBps = arbiterFeeBps;
        deal.status = DealStatus.Listed;
        if (buyer != address(0)) deal.buyer = buyer;
        deal.token = token;
        if (amount <= MAX_PACKED_AMOUNT) {
            deal.packedAmount = uint96(amount);
        } else {
            // checked against MAX_AMOUNT above
            deal.largeAmount = uint128(amount);
        }
        deal.arbiter = arbiter;
        deal.paymentWindow = paymentWindow;
        if (termsHash != bytes32(0)) deal.termsHash = termsHash;
        emit DealOpened(dealId, msg.sender, buyer, token, amount, arbiter, arbiterFeeBps, paymentWindow, termsHash);

        // interactions
        _takeIn(token, msg.sender, amount);
    }

    /// @inheritdoc IDealEscrow
    function takeDeal(uint256 dealId) external nonReentrant {
        StoredDeal storage deal = _deals[dealId];

        // checks
        if (deal.status != DealStatus.Listed) revert InvalidStatus();
        bool listedToAnyone = deal.buyer == address(0);
        if (listedToAnyone) {
            if (msg.sender == deal.seller || msg.sender == deal.arbiter) revert NotAllowed();
        } else if (msg.sender != deal.buyer) {
            revert NotAllowed();
        }

        // effects
        if (listedToAnyone) deal.buyer = msg.sender;
        uint64 deadline = uint64(block.timestamp) + deal.paymentWindow;
        deal.paymentDeadline = deadline;
        deal.status = DealStatus.Taken;
        emit DealTaken(dealId, msg.sender, deadline);
    }

    /// @inheritdoc IDealEscrow
    function markPaid(uint256 dealId) external nonReentrant {
        StoredDeal storage deal = _deals[dealId];

        // checks
        if (deal.status != DealStatus.Taken) revert InvalidStatus();
        if (msg.sender != deal.buyer) revert NotAllowed();
        if (block.timestamp > deal.paymentDeadline) revert PaymentWindowOver();

        // effects
        deal.status = DealStatus.Paid;
        emit DealPaid(dealId);
    }

    /// @inheritdoc IDealEscrow
    function release(uint256 dealId) external nonReentrant {
        StoredDeal storage deal = _deals[dealId];
        DealStatus status = deal.status;
        address seller = deal.seller;

        // checks
        if (status != DealStatus.Taken && status != DealStatus.Paid && status != DealStatus.Disputed) {
            revert InvalidStatus();
        }
        if (msg.sender != seller) revert NotAllowed();

        // effects
        deal.status = DealStatus.Released;
        emit DealReleased(dealId);

        // interactions
        _payOut(deal.token, deal.buyer, _amountOf(deal));
    }

    /// @inheritdoc IDealEscrow
    function cancelDeal(uint256 dealId) external nonReentrant {
        StoredDeal storage deal = _deals[dealId];
        DealStatus status = deal.status;
        address seller = deal.seller;

        // checks: the seller may back out before anyone took the deal or once the buyer
        // let the payment window pass; the buyer may always walk away
        if (msg.sender == seller) {
            if (status == DealStatus.Taken) {
                if (block.timestamp <= deal.paymentDeadline) revert PaymentWindowOpen();
            } else if (status != DealStatus.Listed) {
                revert InvalidStatus();
            }
        } else if (msg.sender == deal.buyer) {
            if (status != DealStatus.Taken && status != DealStatus.Paid && status != DealStatus.Disputed) {
                revert InvalidStatus();
            }
        } else {
            revert NotAllowed();
        }

        // effects
        deal.status = DealStatus.Refunded;
        emit DealRefunded(dealId, msg.sender);

        // interactions
        _payOut(deal.token, seller, _amountOf(deal));
    }

    /// @inheritdoc IDealEscrow
    function dispute(uint256 dealId) external nonReentrant {
        StoredDeal storage deal = _deals[dealId];

        // checks
        if (deal.status != DealStatus.Paid) revert InvalidStatus();
        if (msg.sender != deal.seller && msg.sender != deal.buyer) revert NotAllowed();

        // effects
        deal.status = DealStatus.Disputed;
        emit DealDisputed(dealId, msg.sender);
    }

    /// @inheritdoc IDealEscrow
    function resolve(uint256 dealId, uint16 buyerShareBps) external nonReentrant {
        StoredDeal storage deal = _deals[dealId];

        // checks
        if (deal.status != DealStatus.Disputed) revert InvalidStatus();
        address arbiter = deal.arbiter;
        if (msg.sender != arbiter) revert NotAllowed();
        if (buyerShareBps > BPS) revert InvalidShare();

        // effects
        deal.status = DealStatus.Resolved;
        uint256 amount = _amountOf(deal);
        uint256 fee = amount * deal.arbiterFeeBps / BPS;
        uint256 rest = amount - fee;
        uint256 toBuyer = rest * buyerShareBps / BPS;
        uint256 toSeller = rest - toBuyer;
        emit DealResolved(dealId, buyerShareBps, toBuyer, toSeller, fee);

        // interactions
        address token = deal.token;
        _payOut(token, arbiter, fee);
        _payOut(token, deal.buyer, toBuyer);
        _payOut(token, deal.seller, toSeller);
    }

    /// @inheritdoc IDealEscrow
    function getDeal(uint256 dealId) external view returns (Deal memory) {
        StoredDeal storage deal = _deals[dealId];
        return Deal({
            seller: deal.seller,
            buyer: deal.buyer,
            token: deal.token,
            arbiter: deal.arbiter,
            amount: _amountOf(deal),
            arbiterFeeBps: deal.arbiterFeeBps,
            paymentWindow: deal.paymentWindow,
            paymentDeadline: deal.paymentDeadline,
            status: deal.status,
            termsHash: deal.termsHash
        });
    }

    /// @inheritdoc IDealEscrow
    function dealCount() external view returns (uint256) {
        return _dealCount;
    }

    /// @dev The deal's amount, wherever `openDeal` stored it; 0 for an unknown deal.
    function _amountOf(StoredDeal storage deal) private view returns (uint256 amount) {
        amount = deal.packedAmount;
        if (amount == 0) amount = deal.largeAmount;
    }
}
