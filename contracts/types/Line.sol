// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice A budget line in storage: its name, then one packed slot that claims update.
/// @custom:member name What the line pays for.
/// @custom:member cap Most the line pays per period; 0 means the line is closed.
/// @custom:member period Seconds per period, counted from the pool's creation.
/// @custom:member periodIndex The period `spent` belongs to; spending resets lazily when a later period starts.
/// @custom:member spent Reserved or paid in period `periodIndex`.
struct Line {
    string name;
    uint96 cap;
    uint32 period;
    uint32 periodIndex;
    uint96 spent;
}
