// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title SendVetoToken
/// @notice Test-only ERC-20 (18 decimals) where a holder can refuse to send to chosen
/// recipients, like an ERC-777 `tokensToSend` hook that reverts for one recipient only. The
/// refusal is on the sender's side: the vetoed recipient accepts the token from anyone else.
/// Counterpart of BlockingToken, whose refusal is on the recipient's side.
/// @dev Minting ignores vetoes so tests can set balances freely.
contract SendVetoToken is ERC20 {
    /// @notice Whether `sender` refuses transfers to `recipient`.
    mapping(address sender => mapping(address recipient => bool)) public vetoed;

    /// @notice Thrown by a transfer its sender vetoed.
    error SendVetoed(address sender, address recipient);

    constructor() ERC20("Send Veto Token", "VETO") {}

    /// @notice Mints `amount` to `to`; free for anyone.
    /// @param to Who receives the tokens.
    /// @param amount How many, in the smallest unit.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice The caller refuses (or again allows) sending to `recipient`.
    /// @param recipient The recipient.
    /// @param isVetoed Whether the caller's transfers to it revert.
    function setVeto(address recipient, bool isVetoed) external {
        vetoed[msg.sender][recipient] = isVetoed;
    }

    /// @dev Refuses a transfer (not a mint) its sender vetoed.
    function _update(address from, address to, uint256 value) internal override {
        if (from != address(0) && vetoed[from][to]) revert SendVetoed(from, to);
        super._update(from, to, value);
    }
}
