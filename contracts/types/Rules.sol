// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice The pool parameters a maintainer may change (after notice, unless objected to). One slot.
/// @custom:member claimDelay Challenge window of a claim, in seconds.
/// @custom:member ruleChangeDelay Notice before a proposed change can take effect, in seconds.
/// @custom:member inactivityPeriod Seconds without a maintainer action after which the seat is abandoned.
/// @custom:member vacancyPeriod Seconds an open seat may stay open before the pool may be wound down; at least
/// two epochs, so that the election an open seat starts always votes first.
/// @custom:member objectionQuorumBps Share of matured weight whose objections reject a claim or a change.
/// @custom:member electionQuorumBps Share of matured weight an election's winner needs.
/// @custom:member recallThresholdBps Share of matured weight whose petition opens a recall election.
struct Rules {
    uint32 claimDelay;
    uint32 ruleChangeDelay;
    uint32 inactivityPeriod;
    uint32 vacancyPeriod;
    uint16 objectionQuorumBps;
    uint16 electionQuorumBps;
    uint16 recallThresholdBps;
}
