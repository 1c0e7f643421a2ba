// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {PoolChanges} from "./pool/PoolChanges.sol";
import {PoolPledges} from "./pool/PoolPledges.sol";
import {PoolViews} from "./pool/PoolViews.sol";

/// @title PoolExtension
/// @notice Serves `IPoolChanges`, `IPoolPledges` and `IPoolViews` for every pool: `Pool` forwards the calls it does
/// not know here with DELEGATECALL, so the code runs on the pool's own storage. It exists because one contract
/// holding all of a pool's rules would pass the 24 KiB code size limit (EIP-170).
/// @dev Declares no state: like `Pool`, it reaches the pool's state only through the one ERC-7201 root
/// (`PoolState`), so the layouts agree whatever either inherits (`test/storage-layout.test.ts` checks the compiler's
/// output). It builds on the shared rules (`BudgetRules`, `GivingRules`, `SuccessionRules`), not on `Pool`'s faces,
/// so it carries none of their code. Called directly, it is locked like the `Pool` implementation: it holds nothing
/// and takes nothing.
contract PoolExtension is PoolChanges, PoolPledges, PoolViews {
    constructor() {
        _lockForGood();
    }
}
