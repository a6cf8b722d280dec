// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {SignedSwap} from "../../../src/SignedSwap.sol";
import {ISignedSwap} from "../../../src/interfaces/ISignedSwap.sol";
import {TestToken} from "../../../dev/TestToken.sol";
import {TestBase} from "../utils/TestBase.sol";

/// @notice Drives SignedSwap for the invariant fuzzer: two makers sign orders (few nonces,
/// so orders share them), takers fill them whole or in parts, makers cancel nonces one by
/// one or by word. A ghost model records every fill the contract let through.
/// @dev The fuzzer runs with failOnRevert off, so reverts (refused fills) are dropped.
contract SignedSwapHandler is TestBase {
    SignedSwap public immutable signed;
    TestToken public immutable tokenA;
    TestToken public immutable tokenB;

    uint256[2] internal _makerKeys = [uint256(0xA11CE), uint256(0xB0B)];
    address[2] public makers;
    address[2] public takers;

    /// @dev Orders signed so far and their signatures.
    ISignedSwap.Order[] internal _orders;
    bytes[] internal _signatures;

    /// @notice Sell amount delivered per order digest, and buy amount paid for it.
    mapping(bytes32 orderHash => uint256) public ghostFilled;
    mapping(bytes32 orderHash => uint256) public ghostPaid;
    /// @notice Fills that went through although the nonce was already used before them.
    uint256 public ghostFillsOnUsedNonce;
    /// @notice Fills that completed an order (and so used its nonce), per maker and nonce.
    mapping(address maker => mapping(uint256 nonce => uint256)) public ghostNonceUses;
    /// @notice Successful fills, to show the runs do real work.
    uint256 public fills;

    constructor() {
        signed = new SignedSwap();
        tokenA = new TestToken("Token A", "A", 18);
        tokenB = new TestToken("Token B", "B", 6);
        for (uint256 i; i < 2; ++i) {
            makers[i] = vm.addr(_makerKeys[i]);
            takers[i] = makeAddr(i == 0 ? "taker0" : "taker1");
        }
        address[4] memory everyone = [makers[0], makers[1], takers[0], takers[1]];
        for (uint256 i; i < everyone.length; ++i) {
            tokenA.mint(everyone[i], type(uint128).max);
            tokenB.mint(everyone[i], type(uint128).max);
            vm.startPrank(everyone[i]);
            tokenA.approve(address(signed), type(uint256).max);
            tokenB.approve(address(signed), type(uint256).max);
            vm.stopPrank();
        }
    }

    function orderCount() external view returns (uint256) {
        return _orders.length;
    }

    function order(uint256 index) external view returns (ISignedSwap.Order memory) {
        return _orders[index];
    }

    /// @notice A maker signs an order; nonces 0..9 only, so orders collide on them.
    function signOrder(uint256 makerSeed, uint256 sellAmount, uint256 buyAmount, uint256 nonce, bool partialFills, bool aToB)
        external
    {
        uint256 who = makerSeed % 2;
        ISignedSwap.Order memory o = ISignedSwap.Order({
            maker: makers[who],
            taker: address(0),
            sellToken: aToB ? address(tokenA) : address(tokenB),
            sellAmount: bound(sellAmount, 1, 1e24),
            buyToken: aToB ? address(tokenB) : address(tokenA),
            buyAmount: bound(buyAmount, 1, 1e24),
            expiry: 0,
            nonce: nonce % 10,
            partialFills: partialFills
        });
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(_makerKeys[who], signed.hashOrder(o));
        _orders.push(o);
        _signatures.push(abi.encodePacked(r, s, v));
    }

    /// @notice A taker fills part or all of a signed order.
    function fill(uint256 orderSeed, uint256 takerSeed, uint256 amount) external {
        if (_orders.length == 0) return;
        uint256 index = orderSeed % _orders.length;
        ISignedSwap.Order memory o = _orders[index];
        bytes32 orderHash = signed.hashOrder(o);
        // whole orders are filled whole; partial ones for up to what the model says is left
        // (a used nonce, or a used-up order, is still tried: it must be refused)
        uint256 left = o.sellAmount - ghostFilled[orderHash];
        amount = o.partialFills ? bound(amount, 1, left == 0 ? 1 : left) : o.sellAmount;
        bool usedBefore = signed.isNonceUsed(o.maker, o.nonce);

        vm.prank(takers[takerSeed % 2]);
        uint256 paid = signed.fillOrder(o, _signatures[index], amount);

        ++fills;
        if (usedBefore) ++ghostFillsOnUsedNonce;
        ghostFilled[orderHash] += amount;
        ghostPaid[orderHash] += paid;
        if (!o.partialFills || ghostFilled[orderHash] == o.sellAmount) ++ghostNonceUses[o.maker][o.nonce];
    }

    /// @notice A maker cancels one nonce.
    function cancel(uint256 makerSeed, uint256 nonce) external {
        uint256[] memory nonces = new uint256[](1);
        nonces[0] = nonce % 10;
        vm.prank(makers[makerSeed % 2]);
        signed.cancel(nonces);
    }

    /// @notice A maker invalidates some of its first word's nonces at once.
    function invalidate(uint256 makerSeed, uint256 mask) external {
        vm.prank(makers[makerSeed % 2]);
        signed.invalidateNonces(0, mask & 0x3ff);
    }
}
