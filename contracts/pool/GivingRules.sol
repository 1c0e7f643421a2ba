// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {LowLevelCall} from "@openzeppelin/contracts/utils/LowLevelCall.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {IPoolGiving} from "../interfaces/IPool.sol";
import {Contribution} from "../types/Contribution.sol";
import {GivingTotals, FROZEN_EPOCH} from "../types/GivingTotals.sol";
import {PoolArgs, PoolArgsCodec} from "../types/PoolArgs.sol";
import {Weighting} from "../types/Weighting.sol";
import {PoolState, PoolStorage} from "./PoolStorage.sol";

/// @title GivingRules
/// @notice The rules of giving and epoch-matured weight, over the pool's one root (`PoolState`): a gift counts
/// towards weight from the next epoch boundary on, so no gift made during a ballot's epoch can swing it and a flash
/// loan can never vote. Everything is O(1): a gift writes the donor's slot and the pool's totals slot, and both
/// roll forward lazily when epochs pass. Internal only: `PoolGiving` is the face, and the extension's concerns
/// (which credit in-kind weight and read ballots' weight) use these rules without carrying `IPoolGiving`'s code.
abstract contract GivingRules is ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @dev Amounts are accounted in 96 bits (like Compound's votes): 7.9e28 base units per pool.
    uint256 internal constant MAX_AMOUNT = type(uint96).max;
    uint256 internal constant BPS = 10_000;

    // ---------------------------------------------------------------- internal: weight

    /// @dev Size of a pool's code: OpenZeppelin's EIP-1167 clone (45 bytes), then its args (one word).
    uint256 private constant CLONE_SIZE = 77;
    /// @dev The args of code that is no clone (the `Pool` implementation, `PoolExtension` called directly): no asset
    /// (ETH), genesis 0 and the longest epoch, so that they read as a wound-down pool in epoch 0. Bytes of their own
    /// code read as args would be nonsense: a weighting past the enum, a genesis in the future, a zero epoch length
    /// (panics in every view and gift).
    uint256 private constant NO_CLONE_ARGS = uint256(type(uint32).max) << 24;

    /// @dev The clone's immutable args: the 32 bytes after its 45 bytes of EIP-1167 code, read straight into the
    /// scratch space (no copy of the code into memory). Every entry point that moves money is closed on code that is
    /// no clone (see `Pool`'s constructor), which reads `NO_CLONE_ARGS`.
    function _args() internal view returns (PoolArgs memory) {
        uint256 word = NO_CLONE_ARGS;
        // solhint-disable-next-line no-inline-assembly, -- EXTCODECOPY of one word into the scratch space
        assembly ("memory-safe") {
            if eq(extcodesize(address()), CLONE_SIZE) {
                extcodecopy(address(), 0, 45, 32)
                word := mload(0)
            }
        }
        return PoolArgsCodec.decode(word);
    }

    function _epochOf(PoolArgs memory a) internal view returns (uint32) {
        // Epochs last at least an hour (factory-checked), so uint32 epochs last 490,000 years.
        return uint32((block.timestamp - a.genesis) / a.epochLength);
    }

    /// @dev When epoch `e` starts.
    function _epochStart(PoolArgs memory a, uint256 e) internal pure returns (uint256) {
        return uint256(a.genesis) + e * a.epochLength;
    }

    /// @dev Matured weight of `who` for a ballot. It does not read the totals slot: every ballot is closed
    /// after wind-down by its own state (claims void, elections closed, petitions need a filled seat).
    function _weightOf(PoolArgs memory a, address who) internal view returns (uint256) {
        Contribution memory c = PoolStorage.load().contributions[who].unpack();
        uint256 matured = _maturedBasis(c, _basisOf(a, who, c), _epochOf(a));
        return a.weighting == Weighting.Linear ? matured : Math.sqrt(matured);
    }

    function _totalWeight(PoolArgs memory a) internal view returns (uint256) {
        PoolState storage $ = PoolStorage.load();
        GivingTotals memory t = $.totals.unpack();
        if (t.epoch == FROZEN_EPOCH) return 0;
        bool pendingMatured = t.epoch < _epochOf(a);
        if (a.weighting == Weighting.Linear) {
            // Every contributor's basis is matured but for what was credited in the current epoch.
            uint256 inKind = a.inKindWeightBps == 0 ? 0 : $.inKindBasisTotal;
            return t.given - $.swept + inKind - (pendingMatured ? 0 : t.pending);
        }
        return $.rootMatured + (pendingMatured ? t.pending : 0);
    }

    function _basisOf(PoolArgs memory a, address who, Contribution memory c) internal view returns (uint256) {
        return a.inKindWeightBps == 0 ? c.given : c.given + PoolStorage.load().inKindBasis[who];
    }

    function _maturedBasis(Contribution memory c, uint256 basis, uint32 e) internal pure returns (uint256) {
        return c.epoch == e ? basis - c.pending : basis;
    }

    // ---------------------------------------------------------------- internal: crediting

    /// @dev Credits `money` given and `inKindBasis` earned to `who`, both maturing at the next epoch boundary.
    /// Linear: the totals' pending part grows by the basis added. Quadratic: by sqrt(after) - sqrt(before), so
    /// that the root sum telescopes to exactly the sum of every contributor's floor(sqrt(matured)).
    function _credit(PoolArgs memory a, address who, uint256 money, uint256 inKindBasis) internal {
        PoolState storage $ = PoolStorage.load();
        GivingTotals memory t = $.totals.unpack();
        if (t.epoch == FROZEN_EPOCH) revert IPoolGiving.PoolIsWoundDown();
        uint32 e = _epochOf(a);
        if (t.epoch < e) {
            if (a.weighting == Weighting.Quadratic && t.pending != 0) $.rootMatured += t.pending;
            t.pending = 0;
            t.epoch = e;
        }
        Contribution memory c = $.contributions[who].unpack();
        if (c.epoch < e) {
            c.pending = 0;
            c.epoch = e;
        }
        uint256 added = money + inKindBasis;
        uint256 growth = added;
        if (a.weighting == Weighting.Quadratic) {
            uint256 before = c.given + (a.inKindWeightBps == 0 ? 0 : $.inKindBasis[who] - inKindBasis);
            growth = Math.sqrt(before + added) - Math.sqrt(before);
        }
        uint256 given = t.given + money;
        if (given > MAX_AMOUNT) revert IPoolGiving.PoolAmountOverflow(given, MAX_AMOUNT);
        // c.given <= t.given, so both fit in 96 bits once the total does. Pending parts are bounded by the basis,
        // money (< 2^96) plus the in-kind basis (< 2^96, see `_creditInKind`): below 2^97, so no cast truncates.
        t.given = uint96(given);
        t.pending = uint128(t.pending + growth);
        c.given += uint96(money);
        c.pending = uint128(c.pending + added);
        $.totals = t.pack();
        $.contributions[who] = c.pack();
    }

    /// @dev Records `delivered` more in-kind value for `who` and credits the weight basis it earns. The pool's
    /// in-kind basis is bounded like its money (below 2^96, else `PoolAmountOverflow`), so any weight basis is
    /// below 2^97 and every field that holds weight (pending parts, tallies, bars) is at least 97 bits wide.
    function _creditInKind(PoolArgs memory a, address who, uint256 deliveredBefore, uint256 delivered) internal {
        if (a.inKindWeightBps == 0) return;
        uint256 basisBefore = deliveredBefore * a.inKindWeightBps / BPS;
        uint256 basisAfter = (deliveredBefore + delivered) * a.inKindWeightBps / BPS;
        uint256 added = basisAfter - basisBefore;
        if (added == 0) return;
        PoolState storage $ = PoolStorage.load();
        uint256 total = $.inKindBasisTotal + added;
        if (total > MAX_AMOUNT) revert IPoolGiving.PoolAmountOverflow(total, MAX_AMOUNT);
        $.inKindBasis[who] = basisAfter;
        $.inKindBasisTotal = uint96(total);
        _credit(a, who, 0, added);
    }

    /// @dev Stops gifts and weight for good: ballots are over once the pool winds down.
    function _freezeGiving() internal {
        PoolState storage $ = PoolStorage.load();
        GivingTotals memory t = $.totals.unpack();
        t.epoch = FROZEN_EPOCH;
        $.totals = t.pack();
    }

    /// @dev Winds giving down: first takes in what the pool holds above its ledger (stray funds), as `sweep`
    /// would, so contributors reclaim it pro rata instead of leaving it locked once `sweep` is closed; then
    /// stops gifts and weight for good. Returns the ledger after the intake: what is left to reclaim.
    function _sweepAndFreeze(PoolArgs memory a) internal returns (uint256 ledger) {
        PoolState storage $ = PoolStorage.load();
        GivingTotals memory t = $.totals.unpack();
        ledger = t.given - _outflows();
        uint256 held = _held(a.asset);
        if (held > ledger) {
            // Never past the 96-bit ledger: a wind-down must not be blockable by a huge stray transfer.
            uint256 amount = Math.min(held - ledger, MAX_AMOUNT - t.given);
            t.given += uint96(amount);
            $.swept += uint96(amount);
            ledger += amount;
            emit IPoolGiving.Swept(msg.sender, amount);
        }
        t.epoch = FROZEN_EPOCH;
        $.totals = t.pack();
    }

    function _isFrozen() internal view returns (bool) {
        return PoolStorage.load().totals.unpack().epoch == FROZEN_EPOCH;
    }

    /// @dev Paid plus reclaimed: what has left the ledger.
    function _outflows() internal view returns (uint256) {
        PoolState storage $ = PoolStorage.load();
        return uint256($.seat.paid) + $.reclaimed;
    }

    // ---------------------------------------------------------------- internal: asset

    function _held(address token) internal view returns (uint256) {
        return token == address(0) ? address(this).balance : IERC20(token).balanceOf(address(this));
    }

    /// @dev Pays `amount` to `to`; returns false instead of reverting when the payee or the token refuses,
    /// so that one bad payee fails only its own payout. Return data is never copied (no gas griefing).
    function _push(address token, address to, uint256 amount) internal returns (bool) {
        if (token == address(0)) {
            return LowLevelCall.callNoReturn(to, amount, "");
        }
        return IERC20(token).trySafeTransfer(to, amount);
    }
}
