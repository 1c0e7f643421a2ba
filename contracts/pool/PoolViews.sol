// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {IPoolBudget, IPoolViews} from "../interfaces/IPool.sol";
import {Claim, ClaimStatus} from "../types/Claim.sol";
import {Election, Petition} from "../types/Election.sol";
import {Line} from "../types/Line.sol";
import {PoolArgs} from "../types/PoolArgs.sol";
import {SeatStatus} from "../types/Seat.sol";
import {PoolState, PoolStorage} from "./PoolStorage.sol";
import {SuccessionRules} from "./SuccessionRules.sol";

/// @title PoolViews
/// @notice A claim, a budget line, the election and the recall petition as they stand now: what clients read and no
/// transaction of the pool needs. Served by `PoolExtension` through the pool's fallback, on the pool's one root
/// (`PoolState`), so that `Pool` stays under the 24 KiB code size limit.
abstract contract PoolViews is SuccessionRules, IPoolViews {
    /// @inheritdoc IPoolViews
    function claim(uint256 claimId) external view returns (Claim memory c, ClaimStatus status) {
        PoolState storage $ = PoolStorage.load();
        c = $.claims[claimId];
        status = _statusOf(c, $.seat);
    }

    /// @inheritdoc IPoolViews
    function budgetLine(uint256 line)
        external
        view
        returns (string memory name, uint256 cap, uint64 period, uint256 spent, uint256 left, uint256 nextReset)
    {
        PoolState storage $ = PoolStorage.load();
        if (line >= $.office.lineCount) revert IPoolBudget.PoolUnknownLine(line, $.office.lineCount);
        PoolArgs memory a = _args();
        Line storage l = $.lines[line];
        uint32 index = _periodIndex(a, l.period);
        name = l.name;
        cap = l.cap;
        period = l.period;
        spent = l.periodIndex == index ? l.spent : 0;
        // A wound-down pool pays no claim: nothing is left to claim on any line.
        left = cap > spent && $.seat.status != SeatStatus.WoundDown ? cap - spent : 0;
        nextReset = uint256(a.genesis) + (uint256(index) + 1) * l.period;
    }

    /// @inheritdoc IPoolViews
    function election()
        external
        view
        returns (
            uint256 id,
            uint8 phase,
            uint64 votingStartsAt,
            uint64 votingEndsAt,
            address leader,
            uint256 leaderVotes
        )
    {
        PoolArgs memory a = _args();
        Election memory el = PoolStorage.load().election;
        if (el.id != 0) {
            votingStartsAt = uint64(_epochStart(a, el.votingEpoch));
            votingEndsAt = uint64(_epochStart(a, uint256(el.votingEpoch) + 1));
        }
        return (el.id, uint8(_phase(a, el)), votingStartsAt, votingEndsAt, el.leader, el.leaderVotes);
    }

    /// @inheritdoc IPoolViews
    function petition() external view returns (uint256 id, uint256 weight, uint256 threshold, uint256 expiresAt) {
        PoolArgs memory a = _args();
        PoolState storage $ = PoolStorage.load();
        Petition memory p = $.petition;
        // A wound-down pool has no seat to recall: no weight can reach the threshold any more.
        threshold = _isFrozen()
            ? type(uint256).max
            : Math.mulDiv(_totalWeight(a), $.rules.recallThresholdBps, BPS, Math.Rounding.Ceil);
        if (p.id == 0) return (0, 0, threshold, 0);
        return (p.id, p.weight, threshold, _epochStart(a, uint256(p.startEpoch) + PETITION_EPOCHS));
    }
}
