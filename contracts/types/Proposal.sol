// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Rules} from "./Rules.sol";

/// @notice What a proposal changes.
enum ProposalKind {
    None,
    BudgetLine,
    Rules
}

/// @notice Where a proposal stands; `Pending` until it is applied, rejected or withdrawn.
enum ProposalStatus {
    None,
    Pending,
    Applied,
    Rejected,
    Cancelled
}

/// @notice A proposed change to a budget line or to the rules, recorded as what it changes: `changes` marks the
/// fields whose proposed value differed from the one in force when the change was proposed (what donors were
/// shown), and applying it writes those fields only. Two changes applied in either order therefore never undo
/// each other's fields; a field two changes both set takes the value of the one applied last, and each of
/// those values had its notice. Fields outside `changes` are stored as zero (an empty name).
/// @custom:member kind What it changes.
/// @custom:member status Where it stands.
/// @custom:member effectiveAt When it may be applied (end of the notice period).
/// @custom:member line For a BudgetLine change: the line (== lineCount adds a new one).
/// @custom:member changes The fields it changes: for a BudgetLine change bit 0 the name, bit 1 the cap, bit 2 the
/// period (all three for a new line); for a Rules change bit `i` the `i`-th field of `Rules` (bit 0 claimDelay
/// … bit 6 recallThresholdBps). Never 0: a change that changes nothing is refused.
/// @custom:member toReject Matured weight still needed to reject the change (set like a claim's).
/// @custom:member cap For a BudgetLine change: the new cap (0 closes the line), if `changes` has bit 1.
/// @custom:member period For a BudgetLine change: the new period, if `changes` has bit 2.
/// @custom:member rules For a Rules change: the new values of the fields `changes` marks (others 0).
/// @custom:member name For a BudgetLine change: the line's new name, if `changes` has bit 0.
struct Proposal {
    ProposalKind kind;
    ProposalStatus status;
    uint40 effectiveAt;
    uint16 line;
    uint8 changes;
    uint128 toReject;
    uint96 cap;
    uint32 period;
    Rules rules;
    string name;
}
