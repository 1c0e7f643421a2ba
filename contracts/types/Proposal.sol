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

/// @notice A proposed change to a budget line or to the rules.
/// @custom:member kind What it changes.
/// @custom:member status Where it stands.
/// @custom:member effectiveAt When it may be applied (end of the notice period).
/// @custom:member line For a BudgetLine change: the line (== lineCount adds a new one).
/// @custom:member toReject Matured weight still needed to reject the change (set like a claim's).
/// @custom:member cap For a BudgetLine change: the new cap (0 closes the line).
/// @custom:member period For a BudgetLine change: the new period.
/// @custom:member rules For a Rules change: the new rules.
/// @custom:member name For a BudgetLine change: the line's name.
struct Proposal {
    ProposalKind kind;
    ProposalStatus status;
    uint40 effectiveAt;
    uint16 line;
    uint128 toReject;
    uint96 cap;
    uint32 period;
    Rules rules;
    string name;
}
