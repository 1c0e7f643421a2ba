// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice A donor's standing order (ERC-20 pools), backed by their allowance. One slot.
/// @custom:member amount Given per period.
/// @custom:member period Seconds per period.
/// @custom:member nextDue When the next period's gift may be collected.
struct Subscription {
    uint96 amount;
    uint32 period;
    uint40 nextDue;
}

/// @notice Where a pledge stands.
enum PledgeStatus {
    None,
    Offered,
    Accepted,
    Declined,
    Withdrawn,
    Completed
}

/// @notice A pledge of a share of a capital good (compute, hosting, space), valued in the pool's asset.
/// @custom:member pledger Who offers it.
/// @custom:member valuePerPeriod Value of one period's delivery.
/// @custom:member period Seconds per period.
/// @custom:member periods Periods offered.
/// @custom:member delivered Periods delivered so far (recorded by the maintainer).
/// @custom:member status Where it stands.
/// @custom:member description What is offered.
struct Pledge {
    address pledger;
    uint96 valuePerPeriod;
    uint32 period;
    uint16 periods;
    uint16 delivered;
    PledgeStatus status;
    string description;
}
