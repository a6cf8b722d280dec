// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title BlockingToken
/// @notice Test-only ERC-20 (18 decimals) with a receiver blocklist, like USDC's blacklist:
/// a transfer to a blocked account reverts. Peerlock must credit such a recipient instead of
/// letting it block a trade.
/// @dev Minting to a blocked account still works so tests can set balances freely.
contract BlockingToken is ERC20 {
    /// @notice Whether transfers to an account revert.
    mapping(address account => bool) public blocked;

    /// @notice Thrown by a transfer to a blocked account.
    error RecipientBlocked(address account);

    constructor() ERC20("Blocking Token", "BLOCK") {}

    /// @notice Mints `amount` to `to`; free for anyone.
    /// @param to Who receives the tokens.
    /// @param amount How many, in the smallest unit.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice Blocks or unblocks transfers to `account`; anyone may call it in tests.
    /// @param account The receiver.
    /// @param isBlocked Whether transfers to it revert.
    function setBlocked(address account, bool isBlocked) external {
        blocked[account] = isBlocked;
    }

    /// @dev Refuses any transfer (not mint) to a blocked account.
    function _update(address from, address to, uint256 value) internal override {
        if (from != address(0) && blocked[to]) revert RecipientBlocked(to);
        super._update(from, to, value);
    }
}
