// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IPoolGiving, Parameter} from "../interfaces/IPool.sol";
import {IPoolPledges} from "../interfaces/IPoolPledges.sol";
import {Pledge, PledgeStatus} from "../types/Recurring.sol";
import {BudgetRules} from "./BudgetRules.sol";
import {PoolState, PoolStorage} from "./PoolStorage.sol";

/// @title PoolPledges
/// @notice Peers pledge shares of capital goods they already own (a build machine's idle cores, a hosting
/// account, a desk); the maintainer accepts a pledge and records each delivered period. Delivered value is
/// shown beside money and counts towards weight at the pool's `inKindWeightBps`, matured like money.
/// @dev Served by `PoolExtension` through the pool's fallback, on the pool's one root (`PoolState`).
abstract contract PoolPledges is BudgetRules, IPoolPledges {
    uint256 internal constant MAX_DESCRIPTION_LENGTH = 280; // bytes

    // ---------------------------------------------------------------- views

    /// @inheritdoc IPoolPledges
    function pledgeAt(uint256 pledgeId) external view returns (Pledge memory) {
        return PoolStorage.load().pledges[pledgeId];
    }

    /// @inheritdoc IPoolPledges
    function pledgeCount() external view returns (uint256) {
        return PoolStorage.load().pledgeCount;
    }

    /// @inheritdoc IPoolPledges
    function deliveredOf(address who) external view returns (uint256) {
        return PoolStorage.load().delivered[who];
    }

    /// @inheritdoc IPoolPledges
    function carried()
        external
        view
        returns (uint256 budgetPerMonth, uint256 recurringPerMonth, uint256 pledgedPerMonth, uint256 delivered)
    {
        PoolState storage $ = PoolStorage.load();
        // After a wind-down no line pays, no standing order can be collected and no pledge delivered: only what
        // was delivered is still true.
        if (_isFrozen()) return (0, 0, 0, $.deliveredTotal);
        return (_budgetPer(MONTH), $.recurringPerMonth, $.pledgedPerMonth, $.deliveredTotal);
    }

    // ---------------------------------------------------------------- transactions: pledges

    /// @inheritdoc IPoolPledges
    function pledge(string calldata description, uint256 valuePerPeriod, uint64 period, uint16 periods)
        external
        returns (uint256 pledgeId)
    {
        if (_isFrozen()) revert IPoolGiving.PoolIsWoundDown();
        uint256 length = bytes(description).length;
        if (length == 0 || length > MAX_DESCRIPTION_LENGTH) {
            revert IPoolGiving.PoolInvalidParameter(Parameter.PledgeDescription, length);
        }
        if (valuePerPeriod == 0 || periods == 0) revert IPoolGiving.PoolZeroAmount();
        // Checked in two steps so that a huge value reverts with the error, not with an overflow panic.
        if (valuePerPeriod > MAX_AMOUNT || valuePerPeriod * periods > MAX_AMOUNT) {
            revert IPoolGiving.PoolAmountOverflow(
                valuePerPeriod > MAX_AMOUNT ? valuePerPeriod : valuePerPeriod * periods, MAX_AMOUNT
            );
        }
        _checkDuration(Parameter.PledgePeriod, period);
        PoolState storage $ = PoolStorage.load();
        pledgeId = $.pledgeCount++;
        $.pledges[pledgeId] = Pledge({
            pledger: msg.sender,
            valuePerPeriod: uint96(valuePerPeriod),
            period: uint32(period),
            periods: periods,
            delivered: 0,
            status: PledgeStatus.Offered,
            description: description
        });
        emit Pledged(pledgeId, msg.sender, valuePerPeriod, period, periods, description);
    }

    /// @inheritdoc IPoolPledges
    function acceptPledge(uint256 pledgeId) external onlyActiveMaintainer {
        Pledge storage p = _pledgeIn(pledgeId, PledgeStatus.Offered);
        p.status = PledgeStatus.Accepted;
        PoolStorage.load().pledgedPerMonth += _perMonth(p);
        _touchMaintainer();
        emit PledgeAccepted(pledgeId);
    }

    /// @inheritdoc IPoolPledges
    function declinePledge(uint256 pledgeId) external onlyActiveMaintainer {
        _pledgeIn(pledgeId, PledgeStatus.Offered).status = PledgeStatus.Declined;
        _touchMaintainer();
        emit PledgeDeclined(pledgeId);
    }

    /// @inheritdoc IPoolPledges
    function recordDelivery(uint256 pledgeId, uint16 periods) external onlyActiveMaintainer {
        if (periods == 0) revert IPoolGiving.PoolZeroAmount();
        Pledge storage p = _pledgeIn(pledgeId, PledgeStatus.Accepted);
        uint256 delivered = uint256(p.delivered) + periods;
        if (delivered > p.periods) revert PoolTooManyDeliveries(pledgeId, delivered, p.periods);
        PoolState storage $ = PoolStorage.load();
        p.delivered = uint16(delivered);
        if (delivered == p.periods) {
            p.status = PledgeStatus.Completed;
            $.pledgedPerMonth -= _perMonth(p);
        }
        address pledger = p.pledger;
        uint256 value = uint256(p.valuePerPeriod) * periods; // <= MAX_AMOUNT, checked when pledged
        uint256 before = $.delivered[pledger];
        $.delivered[pledger] = before + value;
        $.deliveredTotal += value;
        _creditInKind(_args(), pledger, before, value);
        _touchMaintainer();
        emit DeliveryRecorded(pledgeId, pledger, periods, value);
    }

    /// @inheritdoc IPoolPledges
    function withdrawPledge(uint256 pledgeId) external {
        Pledge storage p = PoolStorage.load().pledges[pledgeId];
        if (p.pledger != msg.sender) {
            if (p.status == PledgeStatus.None) revert PoolUnknownPledge(pledgeId);
            revert PoolNotPledger(pledgeId, msg.sender);
        }
        PledgeStatus status = p.status;
        if (status != PledgeStatus.Offered && status != PledgeStatus.Accepted) {
            revert PoolPledgeStatus(pledgeId, status);
        }
        if (status == PledgeStatus.Accepted) PoolStorage.load().pledgedPerMonth -= _perMonth(p);
        p.status = PledgeStatus.Withdrawn;
        emit PledgeWithdrawn(pledgeId);
    }

    // ---------------------------------------------------------------- internal

    function _pledgeIn(uint256 pledgeId, PledgeStatus status) private view returns (Pledge storage p) {
        p = PoolStorage.load().pledges[pledgeId];
        if (p.status != status) {
            if (p.status == PledgeStatus.None) revert PoolUnknownPledge(pledgeId);
            revert PoolPledgeStatus(pledgeId, p.status);
        }
    }

    function _perMonth(Pledge storage p) private view returns (uint256) {
        return uint256(p.valuePerPeriod) * MONTH / p.period;
    }
}
