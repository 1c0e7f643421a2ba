// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";

/// @title MockERC20
/// @notice A well-behaved EIP-2612 token with open minting, for tests, the bench and the local demo: the
/// baseline the odd tokens (fee-on-transfer, no-return, false-returning, blocklist, hooks) are compared with.
/// @dev `decimals` is set at deployment so tests can mimic USDC (6) as well as DAI (18).
contract MockERC20 is ERC20, ERC20Permit {
    uint8 private immutable _decimals;

    constructor(string memory name_, string memory symbol_, uint8 decimals_) ERC20(name_, symbol_) ERC20Permit(name_) {
        _decimals = decimals_;
    }

    function decimals() public view override returns (uint8) {
        return _decimals;
    }

    /// @notice Mints `amount` to `to`; anyone may call (test token).
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice Burns `amount` from `from` without an allowance; anyone may call (test token).
    function burn(address from, uint256 amount) external {
        _burn(from, amount);
    }
}
