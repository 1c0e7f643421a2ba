// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Weighting} from "./Weighting.sol";

/// @notice Everything a pool is created with. The first block of fields is DESIGN.md's public `Config`.
/// @custom:member asset The one asset the pool holds: address(0) for ETH, else an ERC-20.
/// @custom:member maintainer Who may file claims and propose changes; never address(0) at creation.
/// @custom:member metadataURI Name, description and links (emitted, not stored: the factory's event carries it).
/// @custom:member epochLength Seconds per epoch; a gift counts towards weight from the next epoch boundary on.
/// @custom:member claimDelay Challenge window of a claim, in seconds.
/// @custom:member ruleChangeDelay Notice, in seconds, before a proposed change can take effect.
/// @custom:member inactivityPeriod Seconds without a maintainer action after which the seat counts as abandoned.
/// @custom:member vacancyPeriod Seconds an open seat may stay open before anyone may wind the pool down; at
/// least two epochs.
/// @custom:member objectionQuorumBps Share of matured weight whose objections reject a claim or a change.
/// @custom:member electionQuorumBps Share of matured weight the winner of an election needs.
/// @custom:member recallThresholdBps Share of matured weight whose petition opens a recall election.
/// @custom:member inKindWeightBps Weight per unit of delivered in-kind value, in basis points of money's weight.
/// @custom:member weighting Linear or Quadratic weight.
struct Config {
    address asset;
    address maintainer;
    string metadataURI;
    uint64 epochLength;
    uint64 claimDelay;
    uint64 ruleChangeDelay;
    uint64 inactivityPeriod;
    uint64 vacancyPeriod;
    uint16 objectionQuorumBps;
    uint16 electionQuorumBps;
    uint16 recallThresholdBps;
    uint16 inKindWeightBps;
    Weighting weighting;
}
