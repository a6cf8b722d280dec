// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ITokenHooks} from "./HookToken.sol";

/// @title HostileParty
/// @notice Test-only contract account that a test drives with `vm.prank` as a maker, taker,
/// seller, buyer or arbiter, and that misbehaves when paid: in its ETH `receive` and in its
/// HookToken hooks it can accept, refuse, burn all gas, answer with a huge revert (a
/// return-data bomb), need a lot of gas to accept, or call another contract.
/// @dev Anyone may configure it: never deploy outside tests.
contract HostileParty is ITokenHooks {
    enum Mode {
        Accept, // do nothing
        Refuse, // revert with no data
        BurnGas, // spin until the gas runs out
        ReturnBomb, // revert with `bombSize` bytes of data
        Hungry, // write `hungerSlots` fresh storage slots, then accept
        Call // call `callTarget` with `callData`, record the outcome, accept
    }

    /// @notice What `receive` does.
    Mode public ethMode;
    /// @notice What `onTokenReceived` does.
    Mode public receiveMode;
    /// @notice What `onTokenSend` does.
    Mode public sendMode;

    /// @notice Bytes of revert data in ReturnBomb mode.
    uint256 public bombSize;
    /// @notice Fresh slots written in Hungry mode (about 22,100 gas each).
    uint256 public hungerSlots;
    /// @notice The contract called in Call mode, and the calldata.
    address public callTarget;
    bytes public callData;
    /// @notice Calls made in Call mode, and whether the latest one succeeded.
    uint256 public calls;
    bool public lastCallSucceeded;
    bytes public lastCallReturnData;

    uint256 private _nextSlot;
    mapping(uint256 slot => uint256 value) private _sink;

    /// @notice Sets what the three entry points do.
    function setModes(Mode ethMode_, Mode receiveMode_, Mode sendMode_) external {
        ethMode = ethMode_;
        receiveMode = receiveMode_;
        sendMode = sendMode_;
    }

    /// @notice Sets the parameters of the ReturnBomb, Hungry and Call modes.
    function configure(uint256 bombSize_, uint256 hungerSlots_, address callTarget_, bytes calldata callData_)
        external
    {
        bombSize = bombSize_;
        hungerSlots = hungerSlots_;
        callTarget = callTarget_;
        callData = callData_;
    }

    receive() external payable {
        _act(ethMode);
    }

    /// @inheritdoc ITokenHooks
    function onTokenSend(address, uint256) external {
        _act(sendMode);
    }

    /// @inheritdoc ITokenHooks
    function onTokenReceived(address, uint256) external {
        _act(receiveMode);
    }

    function _act(Mode mode) private {
        if (mode == Mode.Accept) return;
        if (mode == Mode.Refuse) revert();
        if (mode == Mode.BurnGas) {
            uint256 spins;
            while (true) {
                spins++;
            }
        }
        if (mode == Mode.ReturnBomb) {
            uint256 size = bombSize;
            assembly ("memory-safe") {
                revert(0, size)
            }
        }
        if (mode == Mode.Hungry) {
            uint256 first = _nextSlot;
            uint256 end = first + hungerSlots;
            for (uint256 slot = first; slot < end; ++slot) {
                _sink[slot] = slot + 1;
            }
            _nextSlot = end;
            return;
        }
        // Call: the outcome is recorded, never bubbled, so the payment itself goes through
        calls += 1;
        // slither-disable-next-line low-level-calls
        (bool success, bytes memory returnData) = callTarget.call(callData);
        lastCallSucceeded = success;
        lastCallReturnData = returnData;
    }
}
