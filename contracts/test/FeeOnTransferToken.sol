// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MockERC20} from "./MockERC20.sol";

/// @title FeeOnTransferToken
/// @notice A token that keeps a fee on every transfer (like STA, PAXG or USDT with its fee switched on), so
/// the recipient gets less than `amount`. It exists to check that the pool credits what actually arrived
/// (balance difference), never the `amount` it asked for.
/// @dev The fee goes to `feeSink`, or is burned when the sink is address(0). Mints and burns pay no fee.
contract FeeOnTransferToken is MockERC20 {
    /// @notice Thrown when a fee above 100% is set.
    error FeeOnTransferTokenFeeTooHigh(uint256 feeBps);

    /// @notice The fee changed.
    event FeeSet(uint256 feeBps);

    uint256 private constant BPS = 10_000;

    address private immutable _feeSink;
    uint256 private _feeBps;

    /// @param feeBps_ Fee in basis points of each transferred amount (100 = 1%).
    /// @param feeSink_ Receives the fees; address(0) burns them.
    constructor(string memory name_, string memory symbol_, uint8 decimals_, uint256 feeBps_, address feeSink_)
        MockERC20(name_, symbol_, decimals_)
    {
        _feeSink = feeSink_;
        _setFee(feeBps_);
    }

    /// @notice Changes the fee; anyone may call (test token), e.g. to switch it on after a pool was created.
    function setFee(uint256 feeBps_) external {
        _setFee(feeBps_);
    }

    function feeBps() external view returns (uint256) {
        return _feeBps;
    }

    function feeSink() external view returns (address) {
        return _feeSink;
    }

    /// @notice The fee a transfer of `amount` pays now.
    function feeOn(uint256 amount) public view returns (uint256) {
        return amount * _feeBps / BPS;
    }

    function _setFee(uint256 feeBps_) private {
        if (feeBps_ > BPS) revert FeeOnTransferTokenFeeTooHigh(feeBps_);
        _feeBps = feeBps_;
        emit FeeSet(feeBps_);
    }

    function _update(address from, address to, uint256 value) internal override {
        if (from == address(0) || to == address(0)) {
            super._update(from, to, value);
            return;
        }
        uint256 fee = feeOn(value);
        if (fee != 0) super._update(from, _feeSink, fee);
        super._update(from, to, value - fee);
    }
}
