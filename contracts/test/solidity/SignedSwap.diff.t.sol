// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {SignedSwap} from "../../src/SignedSwap.sol";
import {ISignedSwap} from "../../src/interfaces/ISignedSwap.sol";
import {TestToken} from "../../dev/TestToken.sol";
import {Eip1271Wallet} from "../mocks/Eip1271Wallet.sol";
import {FalseReturnToken} from "../mocks/FalseReturnToken.sol";
import {NoReturnToken} from "../mocks/NoReturnToken.sol";
import {ReentrantToken} from "../mocks/ReentrantToken.sol";
import {ScriptedReturnToken} from "../mocks/ScriptedReturnToken.sol";
import {SignedSwapReference} from "./SignedSwapReference.sol";
import {TestBase} from "./utils/TestBase.sol";

/// @notice Differential fuzz test of SignedSwap's assembly fill path: every fuzzed fill runs
/// twice from the same state at the same address, once with SignedSwap's code and once with
/// SignedSwapReference's (plain OpenZeppelin-style Solidity, etched in its place), and the
/// two must agree on everything: success, return data or revert data (so the same error
/// selector and arguments), every log (SignedSwap's and the tokens'), both parties'
/// balances of both tokens, filledAmount, the nonce word, and what a re-entering token saw.
/// @dev The orders range over EOA, EIP-1271 (each wallet answer) and zero makers; open,
/// named and wrong takers and the maker itself as caller; good, no-return, false-return,
/// scripted-reply (every shape of answer), re-entrant and code-less tokens, and the same
/// token on both legs; expiry none, future, now and past; with and without partial fills;
/// fresh, used, partly filled and neighbouring nonces; valid, high-s, wrong-length, bad-v
/// and foreign signatures; calldata with bits above a field's type; a chain fork before or
/// after signing; and fill amounts of all, part, zero and one more than the order.
contract SignedSwapDiffTest is TestBase {
    uint256 internal constant MAKER_KEY = 0xA11CE;
    uint256 internal constant OTHER_KEY = 0xB0B;
    uint256 internal constant SECP256K1_N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;
    bytes32 internal constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    /// @dev What every party holds of every token: amounts past it make a leg fail.
    uint256 internal constant HOLDING = 1 << 160;
    uint256 internal constant NOW = 1_800_000_000;
    uint256 internal constant TOKEN_KINDS = 7;

    /// @dev The seed bits of each part of a case (see _case). GOOD is a fill that succeeds:
    /// an EOA maker, an open order, tokens A and B, a future expiry, a valid signature.
    uint256 internal constant SIGNATURE_BITS = (0x1f << 0) | (0x7 << 20) | (0x3 << 33);
    uint256 internal constant TOKEN_BITS = (0x3f << 9) | (0x3f << 27);
    uint256 internal constant ORDER_BITS = (0xf << 5) | (0x1f << 15) | (0xf << 23);
    uint256 internal constant GOOD = (1 << 12) | (1 << 15);

    SignedSwap internal swap;
    bytes internal referenceCode;
    bytes32 internal swapCodeHash;
    Eip1271Wallet internal wallet;
    ReentrantToken internal reentrant;
    ScriptedReturnToken internal scripted;
    FalseReturnToken internal falseRet;
    address internal signerEoa;
    address internal taker;
    address internal stranger;
    /// @dev TestToken, TestToken, NoReturnToken, FalseReturnToken, ScriptedReturnToken,
    /// ReentrantToken, and an address without code.
    address[TOKEN_KINDS] internal tokens;

    /// @dev One fuzzed fill, decoded from the fuzzer's words.
    struct Case {
        ISignedSwap.Order order;
        address caller;
        uint256 fillAmount;
        bytes signature;
        bytes data;
        bytes32 digest;
    }

    /// @dev Everything one run of the fill left behind.
    struct Outcome {
        bool ok;
        bytes returned;
        bytes32 logs;
        uint256[4] balances;
        uint256 filled;
        uint256 nonceWord;
        bytes32 reentry;
    }

    function setUp() public {
        vm.warp(NOW);
        swap = new SignedSwap();
        swapCodeHash = address(swap).codehash;
        referenceCode = address(new SignedSwapReference()).code;
        signerEoa = vm.addr(MAKER_KEY);
        taker = makeAddr("taker");
        stranger = makeAddr("stranger");
        wallet = new Eip1271Wallet(signerEoa);
        reentrant = new ReentrantToken();
        scripted = new ScriptedReturnToken();
        falseRet = new FalseReturnToken();
        tokens = [
            address(new TestToken("Token A", "A", 18)),
            address(new TestToken("Token B", "B", 6)),
            address(new NoReturnToken()),
            address(falseRet),
            address(scripted),
            address(reentrant),
            makeAddr("no code")
        ];
        address[4] memory parties = [signerEoa, address(wallet), taker, stranger];
        for (uint256 p; p < parties.length; ++p) {
            for (uint256 t; t < TOKEN_KINDS - 1; ++t) {
                // every token here has mint(address,uint256); NoReturnToken's approve returns nothing
                _mustCall(tokens[t], abi.encodeWithSignature("mint(address,uint256)", parties[p], HOLDING));
                if (tokens[t] == address(scripted)) continue; // it has no allowances
                vm.prank(parties[p]);
                _mustCall(tokens[t], abi.encodeWithSignature("approve(address,uint256)", address(swap), type(uint256).max));
            }
        }
    }

    /// @dev Any fuzzed fill must come out of both implementations the same.
    function testFuzz_FillMatchesReference(uint256 seed, uint256 sellAmount, uint256 buyAmount, uint256 nonce, uint256 fillSeed)
        public
    {
        _compare(_case(seed, _amount(sellAmount), _amount(buyAmount), nonce, fillSeed));
    }

    /// @dev Good orders and signatures, any tokens on either leg answering anything: the
    /// SafeERC20 rules (and what happens to balances, logs and state on a refusal).
    function testFuzz_TokenLegsMatchReference(uint256 seed, uint256 sellAmount, uint256 buyAmount, uint256 nonce, uint256 fillSeed)
        public
    {
        _compare(_case(_focus(seed, TOKEN_BITS), _amount(sellAmount), _amount(buyAmount), nonce, fillSeed & ~uint256(3)));
    }

    /// @dev Good orders and tokens, any maker, wallet answer, signature and chain fork.
    function testFuzz_SignaturesMatchReference(uint256 seed, uint256 sellAmount, uint256 buyAmount, uint256 nonce, uint256 fillSeed)
        public
    {
        _compare(_case(_focus(seed, SIGNATURE_BITS), _amount(sellAmount), _amount(buyAmount), nonce, fillSeed & ~uint256(3)));
    }

    /// @dev Good signatures and tokens, any taker, caller, expiry, partial fills, nonce
    /// state, malformed calldata and fill amount.
    function testFuzz_ChecksMatchReference(uint256 seed, uint256 sellAmount, uint256 buyAmount, uint256 nonce, uint256 fillSeed)
        public
    {
        _compare(_case(_focus(seed, ORDER_BITS), _amount(sellAmount), _amount(buyAmount), nonce, fillSeed));
    }

    /// @dev A fill that must succeed, whole or in part, at any amounts up to 2^128.
    function testFuzz_GoodFillMatchesReference(uint256 sellAmount, uint256 buyAmount, uint256 nonce, uint256 fillSeed, bool partialFills)
        public
    {
        uint256 seed = GOOD | (uint256(partialFills ? 1 : 0) << 17);
        // the whole order, or (with partial fills) a part of it
        fillSeed = partialFills ? fillSeed & ~uint256(3) | 1 : fillSeed & ~uint256(3);
        sellAmount = bound(sellAmount, 1, type(uint128).max);
        buyAmount = bound(buyAmount, 1, type(uint128).max);
        assertTrue(_compare(_case(seed, sellAmount, buyAmount, nonce, fillSeed)), "a good fill succeeds");
    }

    /// @dev Runs the case with SignedSwap's code, then from the same state with the
    /// reference's code at the same address, and requires the same outcome. Returns whether
    /// the fill succeeded.
    function _compare(Case memory c) internal returns (bool) {
        uint256 before = vm.snapshotState();
        Outcome memory optimized = _run(c);
        vm.revertToState(before);
        vm.etch(address(swap), referenceCode);
        Outcome memory plain = _run(c);
        vm.revertToState(before);

        assertTrue(address(swap).codehash == swapCodeHash, "the snapshot restored SignedSwap's code");
        assertTrue(optimized.ok == plain.ok, "both succeed or both revert");
        assertEq(keccak256(optimized.returned), keccak256(plain.returned), "same return or revert data");
        assertEq(optimized.logs, plain.logs, "same logs, in the same order");
        for (uint256 i; i < 4; ++i) {
            assertEq(optimized.balances[i], plain.balances[i], "same balances");
        }
        assertEq(optimized.filled, plain.filled, "same filledAmount");
        assertEq(optimized.nonceWord, plain.nonceWord, "same nonce word");
        assertEq(optimized.reentry, plain.reentry, "a re-entering token saw the same");
        if (optimized.ok && c.fillAmount <= type(uint128).max && c.order.buyAmount <= type(uint128).max) {
            // and a success is the right one: the spec's price
            uint256 price = c.order.partialFills
                ? ceilDiv(c.fillAmount * c.order.buyAmount, c.order.sellAmount)
                : c.order.buyAmount;
            assertEq(abi.decode(optimized.returned, (uint256)), price, "pays ceil(fill * price)");
        }
        return optimized.ok;
    }

    /// @dev GOOD, with the bits in `mask` taken from the fuzzer.
    function _focus(uint256 seed, uint256 mask) internal pure returns (uint256) {
        return (GOOD & ~mask) | (seed & mask);
    }

    // ---------------------------------------------------------------- the case

    /// @dev Decodes the fuzzer's words (amounts already chosen) into an order, a caller, a signature and calldata,
    /// and sets up the state before the fill (through SignedSwap's own code).
    function _case(uint256 seed, uint256 sellAmount, uint256 buyAmount, uint256 nonce, uint256 fillSeed)
        internal
        returns (Case memory c)
    {
        uint256 makerKind = seed & 3;
        address maker = makerKind < 2 ? signerEoa : makerKind == 2 ? address(wallet) : address(0);
        wallet.setMode(Eip1271Wallet.Mode(((seed >> 2) & 7) % 5));
        uint256 takerKind = (seed >> 5) & 3;
        c.caller = ((seed >> 7) & 3) == 3 ? maker : taker;
        c.order = ISignedSwap.Order({
            maker: maker,
            taker: takerKind < 2 ? address(0) : takerKind == 2 ? c.caller : stranger,
            sellToken: tokens[((seed >> 9) & 7) % TOKEN_KINDS],
            sellAmount: sellAmount,
            buyToken: ((seed >> 12) & 7) == 7 ? tokens[((seed >> 9) & 7) % TOKEN_KINDS] : tokens[((seed >> 12) & 7) % TOKEN_KINDS],
            buyAmount: buyAmount,
            expiry: _expiry((seed >> 15) & 3),
            nonce: nonce,
            partialFills: ((seed >> 17) & 1) == 1
        });
        scripted.setReply(ScriptedReturnToken.Reply(((seed >> 27) & 15) % 9));
        falseRet.setFailing(taker, ((seed >> 31) & 1) == 1);

        uint256 fork = (seed >> 33) & 3;
        if (fork == 2) vm.chainId(block.chainid + 1);
        c.digest = _digest(c.order);
        c.signature = _signature(c.digest, (seed >> 20) & 7);
        if (fork == 3) vm.chainId(block.chainid + 1);

        uint256 filledBefore = _preState(c, (seed >> 18) & 3);
        c.fillAmount = _fillAmount(c.order.sellAmount - filledBefore, fillSeed);
        c.data = _dirty(abi.encodeCall(ISignedSwap.fillOrder, (c.order, c.signature, c.fillAmount)), (seed >> 23) & 15);
        if (((seed >> 32) & 1) == 1) reentrant.arm(address(swap), c.data);
    }

    /// @dev Mostly up to 2^128, sometimes 0, sometimes more than anyone holds.
    function _amount(uint256 x) internal pure returns (uint256) {
        uint256 kind = x % 16;
        if (kind == 0) return 0;
        if (kind == 1) return bound(x >> 8, HOLDING + 1, type(uint200).max);
        return bound(x >> 8, 1, type(uint128).max);
    }

    function _expiry(uint256 kind) internal pure returns (uint64) {
        if (kind == 0) return 0;
        if (kind == 1) return uint64(NOW + 1);
        return kind == 2 ? uint64(NOW) : uint64(NOW - 1);
    }

    /// @dev The order's EIP-712 digest, computed here from the spec (not from either contract).
    function _digest(ISignedSwap.Order memory order) internal view returns (bytes32) {
        bytes32 domain = keccak256(
            abi.encode(DOMAIN_TYPEHASH, keccak256("Peerlock"), keccak256("1"), block.chainid, address(swap))
        );
        return keccak256(abi.encodePacked(hex"1901", domain, keccak256(abi.encode(swap.ORDER_TYPEHASH(), order))));
    }

    /// @dev 0-3: the maker key's signature; 4: its high-s twin; 5: one byte short;
    /// 6: v out of range; 7: another key's signature.
    function _signature(bytes32 digest, uint256 kind) internal pure returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(kind == 7 ? OTHER_KEY : MAKER_KEY, digest);
        if (kind == 4) return abi.encodePacked(r, bytes32(SECP256K1_N - uint256(s)), v == 27 ? uint8(28) : uint8(27));
        if (kind == 5) return abi.encodePacked(r, s);
        if (kind == 6) return abi.encodePacked(r, s, v + 2);
        return abi.encodePacked(r, s, v);
    }

    /// @dev 0: fresh; 1: the nonce cancelled; 2: a first fill of part of the order already
    /// made; 3: every other nonce of the word used. Returns what is already filled.
    function _preState(Case memory c, uint256 kind) internal returns (uint256 filledBefore) {
        address maker = c.order.maker;
        uint256 nonce = c.order.nonce;
        if (kind == 1) {
            vm.prank(maker);
            swap.invalidateNonces(nonce >> 8, 1 << (nonce & 0xff));
        } else if (kind == 3) {
            vm.prank(maker);
            swap.invalidateNonces(nonce >> 8, ~(1 << (nonce & 0xff)));
        } else if (kind == 2 && c.order.sellAmount > 1) {
            (uint8 v, bytes32 r, bytes32 s) = vm.sign(MAKER_KEY, c.digest);
            vm.prank(stranger);
            // a first fill that may itself fail (a bad token, say): then nothing is filled
            (bool ok,) = address(swap).call(
                abi.encodeCall(ISignedSwap.fillOrder, (c.order, abi.encodePacked(r, s, v), c.order.sellAmount / 2))
            );
            if (ok && c.order.partialFills) filledBefore = c.order.sellAmount / 2;
        }
    }

    /// @dev 0: all that is left; 1: part of it; 2: zero; 3: one more than is left.
    function _fillAmount(uint256 left, uint256 fillSeed) internal pure returns (uint256) {
        uint256 kind = fillSeed & 3;
        if (kind == 0) return left;
        if (kind == 1) return left == 0 ? 0 : bound(fillSeed >> 2, 1, left);
        if (kind == 2) return 0;
        return left + 1;
    }

    /// @dev 0-9: clean; 10-15: a bit above the type set in maker, taker, sellToken,
    /// buyToken, expiry or partialFills, which the ABI decoder refuses.
    function _dirty(bytes memory data, uint256 kind) internal pure returns (bytes memory) {
        if (kind < 10) return data;
        uint256[6] memory words = [uint256(0), 1, 2, 4, 6, 8];
        uint256[6] memory bits = [uint256(160), 160, 160, 160, 64, 1];
        uint256 at = 4 + 32 * words[kind - 10];
        uint256 word;
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            word := mload(add(add(data, 0x20), at))
        }
        word |= 1 << bits[kind - 10];
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            mstore(add(add(data, 0x20), at), word)
        }
        return data;
    }

    // ---------------------------------------------------------------- one run

    /// @dev Sends the fill with whatever code is at SignedSwap's address, and reads back
    /// everything it could have changed.
    function _run(Case memory c) internal returns (Outcome memory out) {
        vm.recordLogs();
        vm.prank(c.caller);
        (out.ok, out.returned) = address(swap).call(c.data);
        out.logs = keccak256(abi.encode(vm.getRecordedLogs()));
        address maker = c.order.maker;
        out.balances = [
            _balanceOf(c.order.sellToken, maker),
            _balanceOf(c.order.sellToken, c.caller),
            _balanceOf(c.order.buyToken, maker),
            _balanceOf(c.order.buyToken, c.caller)
        ];
        out.filled = swap.filledAmount(c.digest);
        out.nonceWord = swap.nonceBitmap(maker, c.order.nonce >> 8);
        out.reentry = keccak256(abi.encode(reentrant.reentryAttempts(), reentrant.lastReentrySucceeded(), reentrant.lastReentryReturnData()));
    }

    /// @dev A balance, or 0 for an address without code.
    function _balanceOf(address token, address account) internal view returns (uint256) {
        if (token.code.length == 0) return 0;
        return TestToken(token).balanceOf(account);
    }

    function _mustCall(address target, bytes memory data) internal {
        (bool ok,) = target.call(data);
        assertTrue(ok, "setup call failed");
    }
}
