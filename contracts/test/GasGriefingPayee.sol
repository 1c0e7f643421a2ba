// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title GasGriefingPayee
/// @notice A contract account that, on receiving ETH, burns all the gas it was given or answers with a huge
/// return (or revert) payload. It exists to check that paying it cannot make a pool operation run out of
/// gas: the pool must cap the gas it forwards or tolerate the failure, and must not copy unbounded return
/// data into memory (a plain `(bool ok, ) = payee.call{value: v}("")` copies all of it).
/// Through `execute` it can also give, vote and reclaim.
contract GasGriefingPayee {
    /// @notice How the payee behaves when ETH arrives.
    enum Mode {
        Off, // accepts ETH quietly
        BurnGas, // consumes all the gas forwarded and reverts
        ReturnBomb, // accepts ETH, returning `bombSize` bytes
        RevertBomb // reverts with `bombSize` bytes
    }

    /// @notice The behaviour changed.
    event ModeSet(Mode mode, uint256 bombSize);

    Mode private _mode;
    uint256 private _bombSize;

    /// @param bombSize_ Bytes returned in the bomb modes (1_000_000 bytes cost about 2M gas of memory, paid
    /// once by the payee and again by a caller that copies them).
    constructor(Mode mode_, uint256 bombSize_) {
        _setMode(mode_, bombSize_);
    }

    /// @notice Changes the behaviour; anyone may call (test contract).
    function setMode(Mode mode_, uint256 bombSize_) external {
        _setMode(mode_, bombSize_);
    }

    function mode() external view returns (Mode mode_, uint256 bombSize_) {
        return (_mode, _bombSize);
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
        Mode m = _mode;
        uint256 size = _bombSize;
        // Assembly because Solidity can neither return nor revert with raw memory of arbitrary size.
        if (m == Mode.BurnGas) {
            assembly {
                invalid() // INVALID consumes all the gas left in this frame
            }
        } else if (m == Mode.ReturnBomb) {
            assembly {
                return(0, size)
            }
        } else if (m == Mode.RevertBomb) {
            assembly {
                revert(0, size)
            }
        }
    }

    function _setMode(Mode mode_, uint256 bombSize_) private {
        _mode = mode_;
        _bombSize = bombSize_;
        emit ModeSet(mode_, bombSize_);
    }
}
