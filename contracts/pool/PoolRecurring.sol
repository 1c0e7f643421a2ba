// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

import {IPoolRecurring} from "../interfaces/IPoolRecurring.sol";
import {Parameter} from "../interfaces/IPool.sol";
import {PoolArgs} from "../types/PoolArgs.sol";
import {Pledge, PledgeStatus, Subscription} from "../types/Recurring.sol";
import {PoolBudget} from "./PoolBudget.sol";

/// @title PoolRecurring
/// @notice Many peers carry a project's fixed costs: with small standing orders in the pool's token, and with
/// shares of capital goods they already own, pledged, accepted and recorded as delivered by the maintainer.
/// Delivered value is shown beside money and counts towards weight at the pool's `inKindWeightBps`.
/// @dev Served by `PoolExtension` through the pool's fallback. Its state lives in an ERC-7201 namespace, so
/// it can never overlap the sequential storage of the modules `Pool` composes after `PoolBudget`.
abstract contract PoolRecurring is PoolBudget, IPoolRecurring {
    using SafeERC20 for IERC20;

    /// @dev Periods a single collection may pull: a donor back after a long absence pays at most this many.
    uint256 public constant MAX_CATCH_UP = 3;
    /// @dev The "month" the `carried` view reports in.
    uint256 internal constant MONTH = 30 days;
    uint256 internal constant MAX_DESCRIPTION_LENGTH = 280; // bytes

    /// @custom:storage-location erc7201:potluck.storage.Recurring
    struct RecurringStorage {
        mapping(address donor => Subscription) subscriptions;
        mapping(uint256 pledgeId => Pledge) pledges;
        mapping(address pledger => uint256) delivered;
        uint256 pledgeCount;
        uint256 recurringPerMonth;
        uint256 pledgedPerMonth;
        uint256 deliveredTotal;
    }

    // keccak256(abi.encode(uint256(keccak256("potluck.storage.Recurring")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant RECURRING_STORAGE = 0x0591781c94e7e045ddaf954cead3f8aeb8013da383a0395a5d6caf9222547600;

    // ---------------------------------------------------------------- views

    /// @inheritdoc IPoolRecurring
    function subscriptionOf(address donor)
        external
        view
        returns (uint256 amountPerPeriod, uint256 period, uint256 nextDue)
    {
        Subscription memory sub = _recurring().subscriptions[donor];
        return (sub.amount, sub.period, sub.nextDue);
    }

    /// @inheritdoc IPoolRecurring
    function pledgeAt(uint256 pledgeId) external view returns (Pledge memory) {
        return _recurring().pledges[pledgeId];
    }

    /// @inheritdoc IPoolRecurring
    function pledgeCount() external view returns (uint256) {
        return _recurring().pledgeCount;
    }

    /// @inheritdoc IPoolRecurring
    function deliveredOf(address who) external view returns (uint256) {
        return _recurring().delivered[who];
    }

    /// @inheritdoc IPoolRecurring
    function carried()
        external
        view
        returns (uint256 budgetPerMonth, uint256 recurringPerMonth, uint256 pledgedPerMonth, uint256 delivered)
    {
        RecurringStorage storage $ = _recurring();
        return (_budgetPer(MONTH), $.recurringPerMonth, $.pledgedPerMonth, $.deliveredTotal);
    }

    // ---------------------------------------------------------------- transactions: standing orders

    /// @inheritdoc IPoolRecurring
    function subscribe(uint256 amountPerPeriod, uint64 period) external {
        if (_args().asset == address(0)) revert PoolNotTokenPool();
        if (_isFrozen()) revert PoolIsWoundDown();
        if (amountPerPeriod == 0) revert PoolZeroAmount();
        if (amountPerPeriod > MAX_AMOUNT) revert PoolAmountOverflow(amountPerPeriod, MAX_AMOUNT);
        _checkDuration(Parameter.LinePeriod, period);
        RecurringStorage storage $ = _recurring();
        _endSubscription($, msg.sender);
        $.subscriptions[msg.sender] =
            Subscription({amount: uint96(amountPerPeriod), period: uint32(period), nextDue: uint40(block.timestamp)});
        $.recurringPerMonth += amountPerPeriod * MONTH / period;
        emit Subscribed(msg.sender, amountPerPeriod, period);
    }

    /// @inheritdoc IPoolRecurring
    function unsubscribe() external {
        RecurringStorage storage $ = _recurring();
        if ($.subscriptions[msg.sender].amount == 0) revert PoolNoSubscription(msg.sender);
        _endSubscription($, msg.sender);
        emit Unsubscribed(msg.sender);
    }

    /// @inheritdoc IPoolRecurring
    function collect(address donor) external nonReentrant returns (uint256 amount) {
        bool ok;
        (ok, amount) = _collect(donor, true);
    }

    /// @inheritdoc IPoolRecurring
    function collectMany(address[] calldata donors) external nonReentrant returns (uint256 collected) {
        for (uint256 i; i < donors.length; ++i) {
            // Bounded by the caller's list, not by the pool's state.
            (bool ok,) = _collect(donors[i], false);
            if (ok) ++collected;
            else emit CollectSkipped(donors[i]);
        }
    }

    // ---------------------------------------------------------------- transactions: pledges

    /// @inheritdoc IPoolRecurring
    function pledge(string calldata description, uint256 valuePerPeriod, uint64 period, uint16 periods)
        external
        returns (uint256 pledgeId)
    {
        if (_isFrozen()) revert PoolIsWoundDown();
        uint256 length = bytes(description).length;
        if (length == 0 || length > MAX_DESCRIPTION_LENGTH) revert PoolInvalidParameter(Parameter.LineName, length);
        if (valuePerPeriod == 0) revert PoolZeroAmount();
        if (valuePerPeriod * periods > MAX_AMOUNT) revert PoolAmountOverflow(valuePerPeriod * periods, MAX_AMOUNT);
        if (periods == 0) revert PoolZeroAmount();
        _checkDuration(Parameter.LinePeriod, period);
        RecurringStorage storage $ = _recurring();
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

    /// @inheritdoc IPoolRecurring
    function acceptPledge(uint256 pledgeId) external onlyActiveMaintainer {
        Pledge storage p = _pledgeIn(pledgeId, PledgeStatus.Offered);
        p.status = PledgeStatus.Accepted;
        _recurring().pledgedPerMonth += _perMonth(p);
        emit PledgeAccepted(pledgeId);
    }

    /// @inheritdoc IPoolRecurring
    function declinePledge(uint256 pledgeId) external onlyActiveMaintainer {
        _pledgeIn(pledgeId, PledgeStatus.Offered).status = PledgeStatus.Declined;
        emit PledgeDeclined(pledgeId);
    }

    /// @inheritdoc IPoolRecurring
    function recordDelivery(uint256 pledgeId, uint16 periods) external onlyActiveMaintainer {
        if (periods == 0) revert PoolZeroAmount();
        Pledge storage p = _pledgeIn(pledgeId, PledgeStatus.Accepted);
        uint256 delivered = uint256(p.delivered) + periods;
        if (delivered > p.periods) revert PoolTooManyDeliveries(pledgeId, delivered, p.periods);
        RecurringStorage storage $ = _recurring();
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

    /// @inheritdoc IPoolRecurring
    function withdrawPledge(uint256 pledgeId) external {
        Pledge storage p = _recurring().pledges[pledgeId];
        if (p.pledger != msg.sender) {
            if (p.status == PledgeStatus.None) revert PoolUnknownPledge(pledgeId);
            revert PoolNotPledger(pledgeId, msg.sender);
        }
        PledgeStatus status = p.status;
        if (status != PledgeStatus.Offered && status != PledgeStatus.Accepted) revert PoolPledgeStatus(pledgeId, status);
        if (status == PledgeStatus.Accepted) _recurring().pledgedPerMonth -= _perMonth(p);
        p.status = PledgeStatus.Withdrawn;
        emit PledgeWithdrawn(pledgeId);
    }

    // ---------------------------------------------------------------- internal

    /// @dev Pulls `donor`'s due periods and credits what arrived. With `strict`, every failure reverts with its
    /// reason; without, it returns false and changes nothing (for `collectMany`).
    function _collect(address donor, bool strict) private returns (bool ok, uint256 arrived) {
        RecurringStorage storage $ = _recurring();
        Subscription memory sub = $.subscriptions[donor];
        if (sub.amount == 0) {
            if (strict) revert PoolNoSubscription(donor);
            return (false, 0);
        }
        if (block.timestamp < sub.nextDue) {
            if (strict) revert PoolNotDue(donor, sub.nextDue);
            return (false, 0);
        }
        PoolArgs memory a = _args();
        if (_isFrozen()) {
            if (strict) revert PoolIsWoundDown();
            return (false, 0);
        }
        uint256 due = (block.timestamp - sub.nextDue) / sub.period + 1;
        uint256 periods = due < MAX_CATCH_UP ? due : MAX_CATCH_UP;
        uint256 amount = uint256(sub.amount) * periods;
        IERC20 token = IERC20(a.asset);
        uint256 before = token.balanceOf(address(this));
        if (!token.trySafeTransferFrom(donor, address(this), amount)) {
            if (strict) revert PoolCollectFailed(donor, amount);
            return (false, 0);
        }
        arrived = token.balanceOf(address(this)) - before;
        // Every due period is settled, the forgiven ones too, so the next one is in the future.
        $.subscriptions[donor].nextDue = uint40(uint256(sub.nextDue) + due * sub.period);
        _credit(a, donor, arrived, 0);
        emit Given(donor, arrived);
        emit Collected(donor, arrived, periods);
        return (true, arrived);
    }

    function _endSubscription(RecurringStorage storage $, address donor) private {
        Subscription memory sub = $.subscriptions[donor];
        if (sub.amount == 0) return;
        $.recurringPerMonth -= uint256(sub.amount) * MONTH / sub.period;
        delete $.subscriptions[donor];
    }

    function _pledgeIn(uint256 pledgeId, PledgeStatus status) private view returns (Pledge storage p) {
        p = _recurring().pledges[pledgeId];
        if (p.status != status) {
            if (p.status == PledgeStatus.None) revert PoolUnknownPledge(pledgeId);
            revert PoolPledgeStatus(pledgeId, p.status);
        }
    }

    function _perMonth(Pledge storage p) private view returns (uint256) {
        return uint256(p.valuePerPeriod) * MONTH / p.period;
    }

    function _recurring() private pure returns (RecurringStorage storage $) {
        // The one line of assembly ERC-7201 needs: pointing a storage struct at its namespace.
        assembly {
            $.slot := RECURRING_STORAGE
        }
    }
}
