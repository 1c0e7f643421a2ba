// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title NoReturnToken
/// @notice A USDT-style token: `transfer`, `transferFrom` and `approve` return nothing (they revert on
/// failure). Calling them through the standard `IERC20` interface reverts when decoding the missing
/// return value, so this exists to check that the pool moves tokens with OpenZeppelin's `SafeERC20`.
/// @dev Written by hand on purpose: OpenZeppelin's ERC20 returns `bool`. Like USDT, an allowance of
/// `type(uint256).max` is never decreased. `strictApprove` reproduces USDT's other quirk: changing an
/// allowance from non-zero to non-zero reverts (callers must reset it to 0 first, or use `forceApprove`).
contract NoReturnToken {
    /// @notice Thrown when `from` holds less than `needed`.
    error NoReturnTokenInsufficientBalance(address from, uint256 balance, uint256 needed);
    /// @notice Thrown when `spender` may move less than `needed` of `owner`'s tokens.
    error NoReturnTokenInsufficientAllowance(address owner, address spender, uint256 allowance, uint256 needed);
    /// @notice Thrown in strict mode when an allowance is changed from non-zero to non-zero.
    error NoReturnTokenApproveFromNonZero(address owner, address spender, uint256 allowance);
    /// @notice Thrown when tokens are sent to address(0).
    error NoReturnTokenZeroAddress();

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    /// @notice USDT's approve quirk was switched on or off.
    event StrictApproveSet(bool strict);

    string private _name;
    string private _symbol;
    uint8 private immutable _decimals;
    uint256 private _totalSupply;
    bool private _strictApprove;
    mapping(address account => uint256) private _balances;
    mapping(address owner => mapping(address spender => uint256)) private _allowances;

    constructor(string memory name_, string memory symbol_, uint8 decimals_) {
        _name = name_;
        _symbol = symbol_;
        _decimals = decimals_;
    }

    function name() external view returns (string memory) {
        return _name;
    }

    function symbol() external view returns (string memory) {
        return _symbol;
    }

    function decimals() external view returns (uint8) {
        return _decimals;
    }

    function totalSupply() external view returns (uint256) {
        return _totalSupply;
    }

    function balanceOf(address account) external view returns (uint256) {
        return _balances[account];
    }

    function allowance(address owner, address spender) external view returns (uint256) {
        return _allowances[owner][spender];
    }

    function strictApprove() external view returns (bool) {
        return _strictApprove;
    }

    /// @notice Mints `amount` to `to`; anyone may call (test token).
    function mint(address to, uint256 amount) external {
        if (to == address(0)) revert NoReturnTokenZeroAddress();
        _totalSupply += amount;
        _balances[to] += amount;
        emit Transfer(address(0), to, amount);
    }

    /// @notice Switches USDT's "approve from non-zero reverts" quirk on or off; anyone may call (test token).
    function setStrictApprove(bool strict) external {
        _strictApprove = strict;
        emit StrictApproveSet(strict);
    }

    /// @notice Moves `amount` to `to`. Returns nothing.
    function transfer(address to, uint256 amount) external {
        _transfer(msg.sender, to, amount);
    }

    /// @notice Moves `amount` from `from` to `to` with the caller's allowance. Returns nothing.
    function transferFrom(address from, address to, uint256 amount) external {
        uint256 allowed = _allowances[from][msg.sender];
        if (allowed != type(uint256).max) {
            if (allowed < amount) revert NoReturnTokenInsufficientAllowance(from, msg.sender, allowed, amount);
            _allowances[from][msg.sender] = allowed - amount;
        }
        _transfer(from, to, amount);
    }

    /// @notice Lets `spender` move `amount` of the caller's tokens. Returns nothing.
    function approve(address spender, uint256 amount) external {
        uint256 current = _allowances[msg.sender][spender];
        if (_strictApprove && amount != 0 && current != 0) {
            revert NoReturnTokenApproveFromNonZero(msg.sender, spender, current);
        }
        _allowances[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
    }

    function _transfer(address from, address to, uint256 amount) private {
        if (to == address(0)) revert NoReturnTokenZeroAddress();
        uint256 balance = _balances[from];
        if (balance < amount) revert NoReturnTokenInsufficientBalance(from, balance, amount);
        _balances[from] = balance - amount;
        _balances[to] += amount;
        emit Transfer(from, to, amount);
    }
}
