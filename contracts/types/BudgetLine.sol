// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice A budget line as given at creation or in a proposed change.
/// @custom:member name What the line pays for ("hosting", "CI minutes").
/// @custom:member cap The most the line may pay out per period, in the pool's asset. 0 closes the line.
/// @custom:member period Seconds per period; the line's spending resets at each period boundary.
struct BudgetLine {
    string name;
    uint256 cap;
    uint64 period;
}
