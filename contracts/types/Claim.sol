// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice Where a claim stands. `Void` is never stored: it is computed for a pending claim that a recall or
/// a wind-down has voided.
enum ClaimStatus {
    None,
    Pending,
    Paid,
    Rejected,
    Cancelled,
    Void
}

/// @notice An expense claim: two slots (the receipt hash is a third, kept apart). A paid claim is deleted:
/// its storage refund pays part of the payout, and `ClaimFiled`/`ClaimPaid` keep the record.
/// @custom:member payee Who is paid.
/// @custom:member amount What is paid, in the pool's asset; reserved against the line's period at filing.
/// @custom:member payableAt End of the challenge window: anyone may pay the claim from then on.
/// @custom:member periodIndex The line's period the amount was reserved in.
/// @custom:member period The line's period length then: a later change of length re-indexes the line, and an
/// index is only comparable under the same length.
/// @custom:member line The budget line.
/// @custom:member status Stored status (never `Void`).
/// @custom:member toReject Matured weight still needed to reject the claim. Set at filing to objectionQuorumBps
/// of the total matured weight then (at least 1), so everyone sees the bar from the start; each objection
/// lowers it by the objector's weight.
struct Claim {
    address payee;
    uint96 amount;
    uint40 payableAt;
    uint32 periodIndex;
    uint32 period;
    uint16 line;
    ClaimStatus status;
    uint128 toReject;
}
