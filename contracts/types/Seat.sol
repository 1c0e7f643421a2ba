// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice Who holds the maintainer's seat, as far as the rules care.
/// @custom:member Filled A maintainer holds the seat.
/// @custom:member Recall A recall election runs: the incumbent keeps the seat but can neither file nor be paid.
/// @custom:member Open Nobody holds the seat.
/// @custom:member WoundDown The pool has wound down: contributors reclaim what is left.
enum SeatStatus {
    Filled,
    Recall,
    Open,
    WoundDown
}

/// @notice Pool state that every maintainer action and every payout touches: one slot.
/// @custom:member paid Paid out to claims, ever (ledger input).
/// @custom:member lastActive Time of the maintainer's last action (claim, proposal, heartbeat).
/// @custom:member openedAt When the seat last became open (meaningful while `status == Open`).
/// @custom:member claimCount Claims filed, ever; the next claim's number.
/// @custom:member voidBelow Pending claims with a smaller number were voided (by a recall).
/// @custom:member status The seat's status.
struct Seat {
    uint96 paid;
    uint40 lastActive;
    uint40 openedAt;
    uint32 claimCount;
    uint32 voidBelow;
    SeatStatus status;
}

/// @notice Who may act for the pool, and the counters read with it: one slot (read by every maintainer action).
/// @custom:member maintainer The maintainer, or address(0) while the seat is open.
/// @custom:member lineCount Budget lines, ever (closed ones included).
/// @custom:member proposalCount Proposals made, ever; the next proposal's id.
/// @custom:member proposalsVoidBelow Pending proposals with a smaller id were voided (by a recall).
struct Office {
    address maintainer;
    uint16 lineCount;
    uint32 proposalCount;
    uint32 proposalsVoidBelow;
}
