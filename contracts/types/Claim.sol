// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice Where a claim stands. `Paid` and `Void` are never stored: a paid claim has its payout slot cleared,
/// and `Void` is computed for a pending claim that a recall or a wind-down has voided.
enum ClaimStatus {
    None,
    Pending,
    Paid,
    Rejected,
    Cancelled,
    Void
}

/// @notice An expense claim, stored under its id, which is its receipt hash: two slots, one for the payout and
/// one for its state. Keying the claim by its receipt stores the hash without a slot of its own and lets a
/// receipt back one claim only. Paying clears the payout slot (its storage refund pays part of the payout);
/// `ClaimFiled` keeps the payee and the amount.
/// @custom:member payee Who is paid (address(0) once paid).
/// @custom:member amount What is paid, in the pool's asset; reserved against the line's period at filing.
/// @custom:member number The claim's place in filing order (0 for the pool's first claim): a recall voids the
/// pending claims numbered below the claim count, and objections are recorded by number.
/// @custom:member payableAt End of the challenge window: anyone may pay the claim from then on.
/// @custom:member periodIndex The line's period the amount was reserved in.
/// @custom:member period The line's period length then: a later change of length re-indexes the line, and an
/// index is only comparable under the same length.
/// @custom:member line The budget line (a pool has at most 256).
/// @custom:member status Stored status (never `Paid` or `Void`).
/// @custom:member toReject Matured weight still needed to reject the claim. Set at filing to objectionQuorumBps
/// of the total matured weight then (at least 1), so everyone sees the bar from the start; each objection
/// lowers it by the objector's weight.
struct Claim {
    address payee;
    uint96 amount;
    uint32 number;
    uint40 payableAt;
    uint32 periodIndex;
    uint32 period;
    uint8 line;
    ClaimStatus status;
    uint104 toReject;
}
