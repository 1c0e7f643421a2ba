// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Pledge, PledgeStatus} from "../types/Recurring.sol";

/// @title IPoolRecurring
/// @notice Covering fixed costs together: standing orders in the pool's token, and pledges of shares of
/// capital goods (compute, hosting, space) whose delivered value is shown beside money. Served by the pool's
/// extension: call these on the pool's address.
interface IPoolRecurring {
    /// @notice Thrown when `donor` has no standing order.
    error PoolNoSubscription(address donor);
    /// @notice Thrown when a standing order is collected before its next period is due.
    error PoolNotDue(address donor, uint256 nextDue);
    /// @notice Thrown when the pull of a standing order failed (allowance revoked, balance too low).
    error PoolCollectFailed(address donor, uint256 amount);
    /// @notice Thrown when a pledge id does not exist.
    error PoolUnknownPledge(uint256 pledgeId);
    /// @notice Thrown when a pledge is not in the status the action needs.
    error PoolPledgeStatus(uint256 pledgeId, PledgeStatus status);
    /// @notice Thrown when someone other than the pledger withdraws a pledge.
    error PoolNotPledger(uint256 pledgeId, address caller);
    /// @notice Thrown when recording more deliveries than the pledge offered.
    error PoolTooManyDeliveries(uint256 pledgeId, uint256 delivered, uint256 periods);

    /// @notice `donor` set up a standing order of `amountPerPeriod` every `period` seconds.
    event Subscribed(address indexed donor, uint256 amountPerPeriod, uint256 period);
    /// @notice `donor` ended their standing order.
    event Unsubscribed(address indexed donor);
    /// @notice `amount` was collected from `donor`'s standing order for `periods` periods.
    event Collected(address indexed donor, uint256 amount, uint256 periods);
    /// @notice `collectMany` skipped `donor`, whose collection failed or was not due.
    event CollectSkipped(address indexed donor);
    /// @notice `pledger` offered a share of a capital good.
    event Pledged(
        uint256 indexed pledgeId,
        address indexed pledger,
        uint256 valuePerPeriod,
        uint256 period,
        uint256 periods,
        string description
    );
    /// @notice The maintainer accepted a pledge.
    event PledgeAccepted(uint256 indexed pledgeId);
    /// @notice The maintainer declined a pledge.
    event PledgeDeclined(uint256 indexed pledgeId);
    /// @notice The pledger withdrew a pledge.
    event PledgeWithdrawn(uint256 indexed pledgeId);
    /// @notice The maintainer recorded `periods` delivered periods worth `value`.
    event DeliveryRecorded(uint256 indexed pledgeId, address indexed pledger, uint256 periods, uint256 value);

    /// @notice Sets up (or replaces) the caller's standing order (ERC-20 pools), backed by their allowance.
    /// The first period is due at once.
    function subscribe(uint256 amountPerPeriod, uint64 period) external;

    /// @notice Ends the caller's standing order.
    function unsubscribe() external;

    /// @notice Collects `donor`'s due periods (anyone may call): at most `MAX_CATCH_UP` periods are pulled at
    /// once; older missed periods are forgiven. Credited exactly like a gift.
    /// @return amount What arrived.
    function collect(address donor) external returns (uint256 amount);

    /// @notice Collects each donor that is due, skipping failures (for keepers). Bounded by the list given.
    /// @return collected How many collections succeeded.
    function collectMany(address[] calldata donors) external returns (uint256 collected);

    /// @notice A donor's standing order (zeros if none).
    function subscriptionOf(address donor)
        external
        view
        returns (uint256 amountPerPeriod, uint256 period, uint256 nextDue);

    /// @notice Offers `periods` periods of a capital good worth `valuePerPeriod` (in the pool's asset) each.
    /// @return pledgeId The pledge's id.
    function pledge(string calldata description, uint256 valuePerPeriod, uint64 period, uint16 periods)
        external
        returns (uint256 pledgeId);

    /// @notice Accepts an offered pledge (maintainer only).
    function acceptPledge(uint256 pledgeId) external;

    /// @notice Declines an offered pledge (maintainer only).
    function declinePledge(uint256 pledgeId) external;

    /// @notice Records `periods` delivered periods of an accepted pledge (maintainer only); their value counts
    /// towards the pledger's weight at `inKindWeightBps`, matured like money.
    function recordDelivery(uint256 pledgeId, uint16 periods) external;

    /// @notice Withdraws an offered or accepted pledge (pledger only).
    function withdrawPledge(uint256 pledgeId) external;

    /// @notice A pledge by id.
    function pledgeAt(uint256 pledgeId) external view returns (Pledge memory);

    /// @notice Pledges made, ever.
    function pledgeCount() external view returns (uint256);

    /// @notice In-kind value `who` has delivered, ever.
    function deliveredOf(address who) external view returns (uint256);

    /// @notice How the budget is carried, per 30 days: money budgeted by the open lines, recurring gifts
    /// standing, in-kind value pledged by accepted pledges, and in-kind value delivered ever.
    function carried()
        external
        view
        returns (uint256 budgetPerMonth, uint256 recurringPerMonth, uint256 pledgedPerMonth, uint256 delivered);
}
