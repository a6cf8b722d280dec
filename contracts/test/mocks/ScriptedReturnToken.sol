// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title ScriptedReturnToken
/// @notice Test-only token whose `transferFrom` moves balances (no allowances) and then
/// answers with whatever bytes it is told to: a word of 1, nothing, false, 2, one byte,
/// 31 zero bytes, two words, or a revert with or without data. SafeERC20's rules accept
/// only the first two; the differential test holds SignedSwap's assembly to the same verdict.
contract ScriptedReturnToken {
    /// @notice What `transferFrom` answers.
    enum Reply {
        True,
        Nothing,
        False,
        Two,
        OneByte,
        ShortZeros,
        TwoWords,
        RevertWithData,
        RevertEmpty
    }

    /// @notice The answer `transferFrom` gives.
    Reply public reply;

    /// @notice Balances, moved by `transferFrom` before it answers.
    mapping(address account => uint256) public balanceOf;

    /// @notice Emitted when tokens move.
    /// @param from Who paid.
    /// @param to Who received.
    /// @param value How much.
    event Transfer(address indexed from, address indexed to, uint256 value);

    /// @notice The revert with data.
    /// @param from Who would have paid.
    /// @param value How much.
    error Refused(address from, uint256 value);

    /// @notice Mints `amount` to `to`; free for anyone.
    /// @param to Who receives.
    /// @param amount How much.
    function mint(address to, uint256 amount) external {
        balanceOf[to] += amount;
    }

    /// @notice Sets what `transferFrom` answers.
    /// @param newReply The answer.
    function setReply(Reply newReply) external {
        reply = newReply;
    }

    /// @notice Moves `value` from `from` to `to` (reverting on a short balance), then
    /// answers as scripted.
    /// @param from Who pays.
    /// @param to Who receives.
    /// @param value How much.
    function transferFrom(address from, address to, uint256 value) external {
        Reply current = reply;
        if (current == Reply.RevertWithData) revert Refused(from, value);
        // solhint-disable-next-line reason-string, gas-custom-errors
        if (current == Reply.RevertEmpty) revert();
        balanceOf[from] -= value;
        balanceOf[to] += value;
        emit Transfer(from, to, value);
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            switch current
            case 0 {
                mstore(0x00, 1)
                return(0x00, 0x20)
            }
            case 1 { return(0x00, 0x00) }
            case 2 {
                mstore(0x00, 0)
                return(0x00, 0x20)
            }
            case 3 {
                mstore(0x00, 2)
                return(0x00, 0x20)
            }
            case 4 {
                mstore(0x00, shl(248, 1))
                return(0x00, 0x01)
            }
            case 5 {
                mstore(0x00, 0)
                return(0x00, 0x1f)
            }
            default {
                mstore(0x00, 1)
                mstore(0x20, 0xdead)
                return(0x00, 0x40)
            }
        }
    }
}
