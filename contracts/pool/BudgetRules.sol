// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {BitMaps} from "@openzeppelin/contracts/utils/structs/BitMaps.sol";

import {IPoolBudget, IPoolGiving, Parameter} from "../interfaces/IPool.sol";
import {Claim, ClaimStatus} from "../types/Claim.sol";
import {Line} from "../types/Line.sol";
import {PoolArgs} from "../types/PoolArgs.sol";
import {Rules} from "../types/Rules.sol";
import {Seat, SeatStatus} from "../types/Seat.sol";
import {GivingRules} from "./GivingRules.sol";
import {PoolState, PoolStorage} from "./PoolStorage.sol";

/// @title BudgetRules
/// @notice The rules budget lines, claims and changes share, over the pool's one root (`PoolState`): who may act
/// for the pool, the objection bar and tally, lines' periods and the setters and checks of lines and rules. Internal
/// only: `PoolBudget` (claims, in `Pool`) and `PoolChanges` (in `PoolExtension`) each build on it without carrying
/// the other's code.
abstract contract BudgetRules is GivingRules {
    using BitMaps for BitMaps.BitMap;

    uint256 internal constant MIN_DURATION = 1 hours;
    uint256 internal constant MAX_DURATION = 3650 days; // 10 years
    uint256 internal constant MAX_LINES = 256;
    uint256 internal constant MAX_NAME_LENGTH = 64; // bytes
    /// @dev The "month" standing orders, pledges and `carried` count in.
    uint256 internal constant MONTH = 30 days;

    /// @dev Only the maintainer, while the seat is filled and no recall runs.
    modifier onlyActiveMaintainer() {
        _checkActiveMaintainer();
        _;
    }

    // ---------------------------------------------------------------- internal

    function _checkActiveMaintainer() internal view {
        PoolState storage $ = PoolStorage.load();
        if (msg.sender != $.office.maintainer) revert IPoolBudget.PoolNotMaintainer(msg.sender);
        SeatStatus status = $.seat.status;
        if (status != SeatStatus.Filled) revert IPoolBudget.PoolSeatStatus(status);
    }

    /// @dev A claim whose payout slot was cleared was paid; a stored-pending claim is void once a recall voided
    /// it or the pool wound down.
    function _statusOf(Claim memory c, Seat memory s) internal pure returns (ClaimStatus) {
        if (c.status != ClaimStatus.Pending) return c.status;
        if (c.payee == address(0)) return ClaimStatus.Paid;
        if (c.number < s.voidBelow || s.status == SeatStatus.WoundDown) return ClaimStatus.Void;
        return ClaimStatus.Pending;
    }

    /// @dev Records `msg.sender`'s objection to a ballot (at `index` of their bitmap, which the caller checked is
    /// clear) with their matured weight; returns that weight and what is still needed to reject (0: rejected).
    function _tally(BitMaps.BitMap storage objected, uint256 index, uint128 toReject)
        internal
        returns (uint256 weight, uint128)
    {
        weight = _weightOf(_args(), msg.sender);
        if (weight == 0) revert IPoolBudget.PoolNoWeight(msg.sender);
        objected.set(index);
        return (weight, weight >= toReject ? 0 : toReject - uint128(weight));
    }

    /// @dev The objection weight that rejects a claim or a change filed now: `quorumBps` of the total matured
    /// weight, rounded up, and at least 1 (with no matured weight yet, any objector rejects). Fixing the bar at
    /// filing keeps each objection O(1) and shows donors the bar from the start.
    function _rejectionBar(PoolArgs memory a, uint16 quorumBps) internal view returns (uint128) {
        uint256 bar = Math.mulDiv(_totalWeight(a), quorumBps, BPS, Math.Rounding.Ceil);
        return bar == 0 ? 1 : uint128(bar); // total weight < 2^97
    }

    /// @dev One word per (line, length, index): line < 2^8, length and index < 2^32.
    function _asideKey(uint256 line, uint256 period, uint256 index) internal pure returns (uint256) {
        return line << 64 | period << 32 | index;
    }

    function _periodIndex(PoolArgs memory a, uint256 period) internal view returns (uint32) {
        // Periods last at least an hour, so uint32 indexes last 490,000 years.
        return uint32((block.timestamp - a.genesis) / period);
    }

    // ---------------------------------------------------------------- internal: setup and seat

    function _setLine(PoolArgs memory a, uint256 line, string memory name, uint256 cap, uint64 period) internal {
        PoolState storage $ = PoolStorage.load();
        Line storage l = $.lines[line];
        if (line == $.office.lineCount) $.office.lineCount = uint16(line + 1); // <= MAX_LINES
        uint32 index = _periodIndex(a, period);
        uint256 spent;
        uint256 oldPeriod = l.period;
        if (oldPeriod != 0) {
            // What the live period holds now: nothing once it has ended.
            uint32 oldIndex = _periodIndex(a, oldPeriod);
            spent = l.periodIndex == oldIndex ? l.spent : 0;
            if (oldPeriod != period) {
                // Spending is kept per (length, index): the live period is set aside (always written, so no
                // older figure of that period survives), and the period of the new length running now is
                // taken up again. What was spent under the old length is carried too (the larger of the two
                // counts), so a change frees no cap; nothing is lost either, so every release finds its amount.
                $.asideSpent[_asideKey(line, oldPeriod, oldIndex)] = spent;
                uint256 kept = $.asideSpent[_asideKey(line, period, index)];
                if (kept > spent) spent = kept;
            }
        }
        l.name = name;
        l.cap = uint96(cap);
        l.period = uint32(period);
        l.periodIndex = index;
        l.spent = uint96(spent); // carried or kept spending, each < 2^96
        emit IPoolBudget.BudgetLineSet(line, name, cap, period);
    }

    function _setRules(Rules memory r) internal {
        PoolStorage.load().rules = r;
        emit IPoolBudget.RulesSet(r);
    }

    function _checkLine(string memory name, uint256 cap, uint256 period, bool isNew) internal pure {
        uint256 length = bytes(name).length;
        if (length == 0 || length > MAX_NAME_LENGTH) {
            revert IPoolGiving.PoolInvalidParameter(Parameter.LineName, length);
        }
        if (cap > MAX_AMOUNT || (isNew && cap == 0)) revert IPoolGiving.PoolInvalidParameter(Parameter.LineCap, cap);
        if (period < MIN_DURATION || period > MAX_DURATION) {
            revert IPoolGiving.PoolInvalidParameter(Parameter.LinePeriod, period);
        }
    }

    function _checkRules(Rules memory r, uint256 epochLength) internal pure {
        _checkDuration(Parameter.ClaimDelay, r.claimDelay);
        _checkDuration(Parameter.RuleChangeDelay, r.ruleChangeDelay);
        _checkDuration(Parameter.InactivityPeriod, r.inactivityPeriod);
        _checkDuration(Parameter.VacancyPeriod, r.vacancyPeriod);
        // The election an open seat starts votes within 1.5 epochs, so a vacancy of two epochs always lets it
        // vote before anyone may wind the pool down.
        if (r.vacancyPeriod < 2 * epochLength) {
            revert IPoolGiving.PoolInvalidParameter(Parameter.VacancyPeriod, r.vacancyPeriod);
        }
        _checkBps(Parameter.ObjectionQuorumBps, r.objectionQuorumBps, 1);
        _checkBps(Parameter.ElectionQuorumBps, r.electionQuorumBps, 1);
        _checkBps(Parameter.RecallThresholdBps, r.recallThresholdBps, 1);
    }

    function _checkDuration(Parameter parameter, uint256 value) internal pure {
        if (value < MIN_DURATION || value > MAX_DURATION) revert IPoolGiving.PoolInvalidParameter(parameter, value);
    }

    function _checkBps(Parameter parameter, uint256 value, uint256 min) internal pure {
        if (value < min || value > BPS) revert IPoolGiving.PoolInvalidParameter(parameter, value);
    }

    /// @dev Money the open lines budget per `month` seconds (a view: bounded by MAX_LINES, never in a transaction).
    function _budgetPer(uint256 month) internal view returns (uint256 total) {
        PoolState storage $ = PoolStorage.load();
        uint256 count = $.office.lineCount;
        for (uint256 i; i < count; ++i) {
            Line storage l = $.lines[i];
            total += uint256(l.cap) * month / l.period;
        }
    }

    /// @dev Locks a contract that only serves clones (the `Pool` implementation, `PoolExtension`): it can never
    /// be initialized (lastActive is set) and refuses gifts (giving is frozen).
    function _lockForGood() internal {
        PoolStorage.load().seat =
            Seat({paid: 0, lastActive: 1, openedAt: 0, claimCount: 0, voidBelow: 0, status: SeatStatus.WoundDown});
        _freezeGiving();
    }

    /// @dev Records a maintainer action (it keeps the seat from counting as abandoned).
    function _touchMaintainer() internal {
        PoolStorage.load().seat.lastActive = uint40(block.timestamp);
    }

    /// @dev Voids every claim and change still pending, whoever filed it (a recall succeeded, or the recalled
    /// maintainer stepped down): nothing filed before the recall is paid or applied without a fresh challenge
    /// window under the next maintainer. The caller stores `s`.
    function _voidPending(Seat memory s) internal {
        PoolState storage $ = PoolStorage.load();
        s.voidBelow = s.claimCount;
        uint32 proposals = $.office.proposalCount;
        $.office.proposalsVoidBelow = proposals;
        emit IPoolBudget.PendingVoided(s.claimCount, proposals);
    }
}
