// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice One contributor's record: one storage slot, so a repeat gift writes exactly one slot for the donor.
/// @dev Layout (low to high bits): given(96) | pending(97) | epoch(32) | votedElection(31).
/// A contributor's weight basis is `given` plus the weighted value of their in-kind deliveries; the part of
/// that basis credited during `epoch` is `pending` and matures at the next epoch boundary. Money is below 2^96
/// and so is the pool's in-kind basis (`recordDelivery` refuses more with `PoolAmountOverflow`), so a basis,
/// and `pending`, is below 2^97. Election ids fit 31 bits: an election is closed at the earliest in the
/// epoch after its voting epoch (or by the wind-down, which ends them), so a new one is called at most once
/// every two epochs, and 2^31 elections take 245,000 years of one-hour epochs.
/// @custom:member given Money given, ever (the share a reclaim pays out is proportional to it).
/// @custom:member pending Weight basis credited during `epoch`, not yet matured.
/// @custom:member epoch Epoch of the last credit.
/// @custom:member votedElection Id of the last election this contributor voted in (one vote per election).
struct Contribution {
    uint96 given;
    uint128 pending;
    uint32 epoch;
    uint32 votedElection;
}

/// @notice A `Contribution` as stored: one word, written with a single SSTORE on every gift.
type PackedContribution is uint256;

using ContributionCodec for PackedContribution global;
using ContributionCodec for Contribution global;

/// @title ContributionCodec
/// @notice Packs and unpacks `Contribution` (layout above) so the hot path never writes a field at a time.
library ContributionCodec {
    uint256 private constant PENDING_MASK = (1 << 97) - 1;

    function pack(Contribution memory c) internal pure returns (PackedContribution) {
        return PackedContribution.wrap(
            uint256(c.given) | uint256(c.pending) << 96 | uint256(c.epoch) << 193 | uint256(c.votedElection) << 225
        );
    }

    function unpack(PackedContribution packed) internal pure returns (Contribution memory c) {
        uint256 word = PackedContribution.unwrap(packed);
        c.given = uint96(word);
        c.pending = uint128((word >> 96) & PENDING_MASK);
        c.epoch = uint32(word >> 193);
        c.votedElection = uint32(word >> 225);
    }
}
