// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title FalseReturningToken
/// @notice A token that reports failure by returning `false` instead of reverting (as ZRX, BAT and other
/// early ERC-20s do), with a switch that makes every transfer fail that way. It exists to check that the
/// pool never treats an unchecked `false` as a payment: a gift must not be credited and a claim must not
/// be marked paid when nothing moved.
/// @dev Written by hand on purpose: OpenZeppelin's ERC20 reverts on failure.
contract FalseReturningToken {
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    /// @notice The "every transfer returns false" switch was flipped.
    event FailAllSet(bool failAll);

    string private _name;
    string private _symbol;
    uint8 private immutable _decimals;
    uint256 private _totalSupply;
    bool private _failAll;
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

    function failAll() external view returns (bool) {
        return _failAll;
    }

    /// @notice Mints `amount` to `to`; anyone may call (test token).
    function mint(address to, uint256 amount) external {
        _totalSupply += amount;
        _balances[to] += amount;
        emit Transfer(address(0), to, amount);
    }

    /// @notice When on, every `transfer` and `transferFrom` moves nothing and returns false; anyone may call.
    function setFailAll(bool failAll_) external {
        _failAll = failAll_;
        emit FailAllSet(failAll_);
    }

    /// @notice Moves `amount` to `to`; returns false (moving nothing) if the balance is short or failAll is on.
    function transfer(address to, uint256 amount) external returns (bool) {
        return _transfer(msg.sender, to, amount);
    }

    /// @notice As `transfer`, with the caller's allowance; returns false (moving nothing) if it is short.
    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        uint256 allowed = _allowances[from][msg.sender];
        if (_failAll || allowed < amount || _balances[from] < amount) return false;
        if (allowed != type(uint256).max) _allowances[from][msg.sender] = allowed - amount;
        return _transfer(from, to, amount);
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        _allowances[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    function _transfer(address from, address to, uint256 amount) private returns (bool) {
        uint256 balance = _balances[from];
        if (_failAll || balance < amount) return false;
        _balances[from] = balance - amount;
        _balances[to] += amount;
        emit Transfer(from, to, amount);
        return true;
    }
}
