// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title RevertingPayee
/// @notice A contract account that refuses ETH while its switch is on. It exists to check that a payee or
/// contributor who cannot receive does not lock the pool: its claim stays pending (`PoolPaymentFailed`) or
/// its share stays reclaimable (`PoolReclaimFailed`), and it can be paid once it accepts ETH again.
/// Through `execute` it can also give, vote and reclaim.
contract RevertingPayee {
    /// @notice Thrown when ETH arrives while rejecting.
    error RevertingPayeeRejected(uint256 value);

    /// @notice The switch was flipped.
    event RejectingSet(bool rejecting);

    bool private _rejecting;

    constructor(bool rejecting_) {
        _rejecting = rejecting_;
    }

    /// @notice Turns rejecting ETH on or off; anyone may call (test contract).
    function setRejecting(bool rejecting_) external {
        _rejecting = rejecting_;
        emit RejectingSet(rejecting_);
    }

    function rejecting() external view returns (bool) {
        return _rejecting;
    }

    /// @notice Calls `target` with `data` and `value` as this contract. Reverts with the target's revert
    /// data if the call reverts.
    function execute(address target, bytes calldata data, uint256 value) external payable returns (bytes memory) {
        (bool success, bytes memory result) = target.call{value: value}(data);
        if (!success) {
            // Bubble the target's revert data unchanged so tests can expect the pool's own error.
            assembly ("memory-safe") {
                revert(add(result, 0x20), mload(result))
            }
        }
        return result;
    }

    receive() external payable {
        if (_rejecting) revert RevertingPayeeRejected(msg.value);
    }
}
