// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice How a contributor's matured amount turns into voting weight; fixed when a pool is created.
/// @custom:member Linear weight equals the matured amount.
/// @custom:member Quadratic weight is the floor of the square root of the matured amount.
enum Weighting {
    Linear,
    Quadratic
}
