// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {PackedTotals} from "../types/GivingTotals.sol";
import {PoolStorage} from "../pool/PoolStorage.sol";

/// @title LayoutFaceSound
/// @notice A face of the pool's storage built as `Pool` and `PoolExtension` are: no state variable of its own, and
/// the one ERC-7201 root. The storage-layout test pairs it with `LayoutFaceStray` to show the check failing.
contract LayoutFaceSound {
    /// @notice The totals word of the root, as stored.
    function totalsWord() external view returns (uint256) {
        return PackedTotals.unwrap(PoolStorage.load().totals);
    }
}

/// @title LayoutFaceStray
/// @notice The mistake the storage-layout check exists for: a face that declares a state variable of its own. Run
/// by DELEGATECALL on a pool, `stray` would sit on slot 0 of the pool's storage, which the other face does not know.
contract LayoutFaceStray {
    /// @dev The stray variable the check must name.
    uint256 internal stray;

    /// @notice The totals word of the root, as stored.
    function totalsWord() external view returns (uint256) {
        return PackedTotals.unwrap(PoolStorage.load().totals);
    }

    /// @notice Writes the stray variable.
    function setStray(uint256 value) external {
        stray = value;
    }
}
