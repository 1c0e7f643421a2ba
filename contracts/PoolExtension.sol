// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {PoolChanges} from "./pool/PoolChanges.sol";
import {PoolPledges} from "./pool/PoolPledges.sol";

/// @title PoolExtension
/// @notice Serves `IPoolChanges` and `IPoolPledges` for every pool: `Pool` forwards the calls it does not know here
/// with DELEGATECALL, so the code runs on the pool's own storage. It exists because one contract holding all of a
/// pool's rules would pass the 24 KiB code size limit (EIP-170).
/// @dev Inherits `PoolBudget` (and `PoolGiving`) so that its storage layout is the pool's; its own state is
/// namespaced. Called directly, it is locked like the `Pool` implementation: it holds nothing and takes nothing.
contract PoolExtension is PoolChanges, PoolPledges {
    constructor() {
        _lockForGood();
    }
}
