// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice One contributor's record: one storage slot, so a repeat gift writes exactly one slot for the donor.
/// @dev Layout (low to high bits): given(96) | pending(96) | epoch(32) | votedElection(32).
/// A contributor's weight basis is `given` plus the weighted value of their in-kind deliveries; the part of
/// that basis credited during `epoch` is `pending` and matures at the next epoch boundary.
/// @custom:member given Money given, ever (the share a reclaim pays out is proportional to it).
/// @custom:member pending Weight basis credited during `epoch`, not yet matured.
/// @custom:member epoch Epoch of the last credit.
/// @custom:member votedElection Id of the last election this contributor voted in (one vote per election).
struct Contribution {
    uint96 given;
    uint96 pending;
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
    function pack(Contribution memory c) internal pure returns (PackedContribution) {
        return PackedContribution.wrap(
            uint256(c.given) | uint256(c.pending) << 96 | uint256(c.epoch) << 192 | uint256(c.votedElection) << 224
        );
    }

    function unpack(PackedContribution packed) internal pure returns (Contribution memory c) {
        uint256 word = PackedContribution.unwrap(packed);
        c.given = uint96(word);
        c.pending = uint96(word >> 96);
        c.epoch = uint32(word >> 192);
        c.votedElection = uint32(word >> 224);
    }
}
