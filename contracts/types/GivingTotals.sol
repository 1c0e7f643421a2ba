// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice The pool's giving totals: one storage slot, the only pool-wide slot a gift writes.
/// @dev Layout (low to high bits): given(96) | epoch(32) | pending(128).
/// Linear pools derive matured weight as given + in-kind basis - pending (pending only while `epoch` is
/// current). Quadratic pools keep the matured sum of square roots in a separate slot that is rolled forward
/// once per epoch, by the first credit of that epoch.
/// @custom:member given Money given, ever: by contributors, plus stray funds swept in (kept apart in `_swept`).
/// @custom:member epoch Epoch `pending` belongs to; `FROZEN_EPOCH` once the pool is wound down.
/// @custom:member pending Weight credited during `epoch` (Linear: basis; Quadratic: growth of the root sum).
struct GivingTotals {
    uint96 given;
    uint32 epoch;
    uint128 pending;
}

/// @dev `GivingTotals.epoch` of a wound-down pool: no real epoch reaches it (epochs last at least an hour).
uint32 constant FROZEN_EPOCH = type(uint32).max;

/// @notice `GivingTotals` as stored: one word, written with a single SSTORE on every gift.
type PackedTotals is uint256;

using GivingTotalsCodec for PackedTotals global;
using GivingTotalsCodec for GivingTotals global;

/// @title GivingTotalsCodec
/// @notice Packs and unpacks `GivingTotals` (layout above) so the hot path never writes a field at a time.
library GivingTotalsCodec {
    function pack(GivingTotals memory t) internal pure returns (PackedTotals) {
        return PackedTotals.wrap(uint256(t.given) | uint256(t.epoch) << 96 | uint256(t.pending) << 128);
    }

    function unpack(PackedTotals packed) internal pure returns (GivingTotals memory t) {
        uint256 word = PackedTotals.unwrap(packed);
        t.given = uint96(word);
        t.epoch = uint32(word >> 96);
        t.pending = uint128(word >> 128);
    }
}
