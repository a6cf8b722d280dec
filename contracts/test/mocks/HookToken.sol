// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title ITokenHooks
/// @notice What a HookToken holder implements to be called on every transfer it is part of.
interface ITokenHooks {
    /// @notice Called on the sender before its balance moves (ERC-777's tokensToSend).
    function onTokenSend(address to, uint256 amount) external;

    /// @notice Called on the recipient after its balance moved (ERC-777's tokensReceived).
    function onTokenReceived(address from, uint256 amount) external;
}

/// @title HookToken
/// @notice Test-only ERC-777-style ERC-20 (18 decimals): accounts that registered get a call
/// before they send and after they receive, with all the gas there is, and a revert in the
/// hook reverts the transfer. Lets a party of a trade run its own code inside the escrow's
/// token transfers: re-enter, burn gas, or move the tokens on.
/// @dev Anyone may mint; an account registers itself. Never deploy outside tests.
contract HookToken is ERC20 {
    /// @notice Whether an account's hooks are called.
    mapping(address account => bool) public hooked;

    constructor() ERC20("Hook Token", "HOOK") {}

    /// @notice Mints `amount` to `to`; free for anyone.
    /// @param to Who receives the tokens.
    /// @param amount How many, in the smallest unit.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice Turns the caller's hooks on or off.
    /// @param isHooked Whether to call the caller's hooks.
    function registerHooks(bool isHooked) external {
        hooked[msg.sender] = isHooked;
    }

    /// @dev Sender hook, move, recipient hook; mints and burns call no hooks.
    function _update(address from, address to, uint256 value) internal override {
        bool isTransfer = from != address(0) && to != address(0);
        if (isTransfer && hooked[from]) ITokenHooks(from).onTokenSend(to, value);
        super._update(from, to, value);
        if (isTransfer && hooked[to]) ITokenHooks(to).onTokenReceived(from, value);
    }
}
