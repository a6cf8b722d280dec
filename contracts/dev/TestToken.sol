// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title TestToken
/// @notice A plain ERC-20 with free minting, for local chains, demos and tests only.
/// @dev Never deploy this where its tokens could be mistaken for something of value.
contract TestToken is ERC20 {
    uint8 private immutable _decimals;

    /// @notice Most `faucet()` hands out per call: 1,000 whole tokens.
    uint256 public immutable faucetAmount;

    constructor(string memory name_, string memory symbol_, uint8 decimals_) ERC20(name_, symbol_) {
        _decimals = decimals_;
        faucetAmount = 1_000 * 10 ** decimals_;
    }

    /// @inheritdoc ERC20
    function decimals() public view override returns (uint8) {
        return _decimals;
    }

    /// @notice Mints `amount` to `to`. Anyone may call it: this is a test token.
    /// @param to Who receives the tokens.
    /// @param amount How many, in the token's smallest unit.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice Mints `faucetAmount` to the caller, for the app's faucet button.
    function faucet() external {
        _mint(msg.sender, faucetAmount);
    }
}
