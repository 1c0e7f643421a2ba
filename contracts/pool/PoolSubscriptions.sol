// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

import {Parameter} from "../interfaces/IPool.sol";
import {IPoolSubscriptions} from "../interfaces/IPoolSubscriptions.sol";
import {PoolArgs} from "../types/PoolArgs.sol";
import {Subscription} from "../types/Recurring.sol";
import {PoolBudget} from "./PoolBudget.sol";
import {PoolState, PoolStorage} from "./PoolStorage.sol";

/// @title PoolSubscriptions
/// @notice Many peers carry a project's fixed costs with small standing orders in the pool's token, backed by
/// their allowance: anyone may collect a due period, and a collected gift counts exactly like any other.
/// @dev Standing orders live in the pool's one root (`PoolState`), like everything else.
abstract contract PoolSubscriptions is PoolBudget, IPoolSubscriptions {
    using SafeERC20 for IERC20;

    /// @inheritdoc IPoolSubscriptions
    uint256 public constant MAX_CATCH_UP = 3;

    // ---------------------------------------------------------------- views

    /// @inheritdoc IPoolSubscriptions
    function subscriptionOf(address donor)
        external
        view
        returns (uint256 amountPerPeriod, uint256 period, uint256 nextDue)
    {
        Subscription memory sub = PoolStorage.load().subscriptions[donor];
        return (sub.amount, sub.period, sub.nextDue);
    }

    // ---------------------------------------------------------------- transactions: standing orders

    /// @inheritdoc IPoolSubscriptions
    function subscribe(uint256 amountPerPeriod, uint64 period) external nonReentrant {
        if (_args().asset == address(0)) revert PoolNotTokenPool();
        if (_isFrozen()) revert PoolIsWoundDown();
        if (amountPerPeriod == 0) revert PoolZeroAmount();
        if (amountPerPeriod > MAX_AMOUNT) revert PoolAmountOverflow(amountPerPeriod, MAX_AMOUNT);
        _checkDuration(Parameter.SubscriptionPeriod, period);
        PoolState storage $ = PoolStorage.load();
        // A replaced order keeps its due date: changing the amount mid-period does not charge that period twice.
        uint40 nextDue = $.subscriptions[msg.sender].amount == 0
            ? uint40(block.timestamp)
            : $.subscriptions[msg.sender].nextDue;
        _endSubscription($, msg.sender);
        $.subscriptions[msg.sender] =
            Subscription({amount: uint96(amountPerPeriod), period: uint32(period), nextDue: nextDue});
        $.recurringPerMonth += amountPerPeriod * MONTH / period;
        emit Subscribed(msg.sender, amountPerPeriod, period);
    }

    /// @inheritdoc IPoolSubscriptions
    function unsubscribe() external nonReentrant {
        PoolState storage $ = PoolStorage.load();
        if ($.subscriptions[msg.sender].amount == 0) revert PoolNoSubscription(msg.sender);
        _endSubscription($, msg.sender);
        emit Unsubscribed(msg.sender);
    }

    /// @inheritdoc IPoolSubscriptions
    function collect(address donor) external nonReentrant returns (uint256 arrived) {
        PoolState storage $ = PoolStorage.load();
        Subscription memory sub = $.subscriptions[donor];
        if (sub.amount == 0) revert PoolNoSubscription(donor);
        if (block.timestamp < sub.nextDue) revert PoolNotDue(donor, sub.nextDue);
        if (_isFrozen()) revert PoolIsWoundDown();
        PoolArgs memory a = _args();
        uint256 due = (block.timestamp - sub.nextDue) / sub.period + 1;
        uint256 periods = due < MAX_CATCH_UP ? due : MAX_CATCH_UP;
        uint256 amount = uint256(sub.amount) * periods;
        uint256 total = totalGiven() + amount;
        if (total > MAX_AMOUNT) revert PoolAmountOverflow(total, MAX_AMOUNT);
        // Effects first: every due period is settled (the forgiven ones too), so the next one is in the future.
        // A failed pull reverts them with it, and the periods stay due.
        $.subscriptions[donor].nextDue = uint40(uint256(sub.nextDue) + due * sub.period);
        IERC20 token = IERC20(a.asset);
        uint256 before = token.balanceOf(address(this));
        if (!token.trySafeTransferFrom(donor, address(this), amount)) revert PoolCollectFailed(donor, amount);
        arrived = token.balanceOf(address(this)) - before;
        // A token that kept the whole transfer as a fee: nothing to credit, like `give`.
        if (arrived == 0) revert PoolZeroAmount();
        _credit(a, donor, arrived, 0);
        emit Given(donor, arrived);
        emit Collected(donor, arrived, periods);
    }

    // ---------------------------------------------------------------- internal

    function _endSubscription(PoolState storage $, address donor) private {
        Subscription memory sub = $.subscriptions[donor];
        if (sub.amount == 0) return;
        $.recurringPerMonth -= uint256(sub.amount) * MONTH / sub.period;
        delete $.subscriptions[donor];
    }
}
