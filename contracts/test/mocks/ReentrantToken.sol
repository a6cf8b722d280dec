// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title ReentrantToken
/// @notice Test-only ERC-20 (18 decimals) that, once armed, calls back into a target from
/// inside every `transfer` and `transferFrom`, after the balances have moved. The callback's
/// revert is caught and recorded, so tests can assert that a re-entry was tried and refused
/// while the outer call still completes.
/// @dev Anyone may mint, arm and disarm: never deploy outside tests.
contract ReentrantToken is ERC20 {
    /// @notice The contract called back from inside a transfer; zero when disarmed.
    address public reentryTarget;
    /// @notice The calldata of the callback.
    bytes public reentryData;
    /// @notice How many callbacks were made since deployment.
    uint256 public reentryAttempts;
    /// @notice Whether the latest callback succeeded (a success means the target let it in).
    bool public lastReentrySucceeded;
    /// @notice What the latest callback returned, or its revert data.
    bytes public lastReentryReturnData;

    /// @dev Set while a callback runs, so a transfer made by the callback itself does not
    /// call back again (which would recurse until out of gas).
    bool private _inCallback;

    constructor() ERC20("Reentrant Token", "REENT") {}

    /// @notice Mints `amount` to `to`; free for anyone.
    /// @param to Who receives the tokens.
    /// @param amount How many, in the smallest unit.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice From now on every transfer calls `target` with `data`.
    /// @param target The contract to re-enter (usually the escrow).
    /// @param data The call to make, e.g. `abi.encodeCall(ISwapEscrow.cancelOffer, (1))`.
    function arm(address target, bytes calldata data) external {
        reentryTarget = target;
        reentryData = data;
    }

    /// @notice Stops the callbacks; transfers behave like a plain ERC-20 again.
    function disarm() external {
        delete reentryTarget;
        delete reentryData;
    }

    /// @inheritdoc ERC20
    function transfer(address to, uint256 value) public override returns (bool) {
        bool ok = super.transfer(to, value);
        _callBack();
        return ok;
    }

    /// @inheritdoc ERC20
    function transferFrom(address from, address to, uint256 value) public override returns (bool) {
        bool ok = super.transferFrom(from, to, value);
        _callBack();
        return ok;
    }

    /// @dev Calls the armed target and records the outcome; never reverts itself.
    function _callBack() private {
        address target = reentryTarget;
        if (target == address(0) || _inCallback) return;
        _inCallback = true;
        reentryAttempts += 1;
        // slither-disable-next-line low-level-calls
        (bool success, bytes memory returnData) = target.call(reentryData);
        lastReentrySucceeded = success;
        lastReentryReturnData = returnData;
        _inCallback = false;
    }
}
