// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MockERC20} from "./MockERC20.sol";

/// @notice ERC-777's sender hook, called on the holder before its tokens move.
interface IERC777Sender {
    function tokensToSend(
        address operator,
        address from,
        address to,
        uint256 amount,
        bytes calldata userData,
        bytes calldata operatorData
    ) external;
}

/// @notice ERC-777's recipient hook, called on the recipient after tokens arrived.
interface IERC777Recipient {
    function tokensReceived(
        address operator,
        address from,
        address to,
        uint256 amount,
        bytes calldata userData,
        bytes calldata operatorData
    ) external;
}

/// @title HookToken
/// @notice An ERC-20 with ERC-777-style hooks (like imBTC, the token of the 2020 Uniswap v1 and Lendf.Me
/// drains): every transfer calls `tokensToSend` on the sender before the balances change and
/// `tokensReceived` on the recipient after, when they are contracts that registered for hooks. It exists
/// so an attacker contract can re-enter the pool from inside the pool's own `transferFrom` or `transfer`,
/// e.g. a second `give` while the first one's balance difference is still being measured.
/// @dev ERC-777 registers hooks in the ERC-1820 registry; here an account registers itself with
/// `registerHooks`. A hook that reverts makes the transfer revert, as in ERC-777. Mints and burns call
/// the hook of their non-zero side.
contract HookToken is MockERC20 {
    /// @notice `account` registered for hooks (or unregistered).
    event HooksRegistered(address indexed account, bool registered);

    mapping(address account => bool) private _hooked;

    constructor(string memory name_, string memory symbol_, uint8 decimals_) MockERC20(name_, symbol_, decimals_) {}

    /// @notice Makes transfers from and to the caller call its hooks (if it is a contract).
    function registerHooks(bool registered) external {
        _hooked[msg.sender] = registered;
        emit HooksRegistered(msg.sender, registered);
    }

    function hasHooks(address account) public view returns (bool) {
        return _hooked[account] && account.code.length != 0;
    }

    function _update(address from, address to, uint256 value) internal override {
        if (from != address(0) && hasHooks(from)) {
            IERC777Sender(from).tokensToSend(msg.sender, from, to, value, "", "");
        }
        super._update(from, to, value);
        if (to != address(0) && hasHooks(to)) {
            IERC777Recipient(to).tokensReceived(msg.sender, from, to, value, "", "");
        }
    }
}
