// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Pledge, PledgeStatus} from "../types/Recurring.sol";

/// @title IPoolPledges
/// @notice Pledges of shares of capital goods (compute, hosting, space) whose delivered value is shown beside
/// money, and how the budget is carried. Served by the pool's extension: call these on the pool's address.
interface IPoolPledges {
    /// @notice Thrown when a pledge id does not exist.
    error PoolUnknownPledge(uint256 pledgeId);
    /// @notice Thrown when a pledge is not in the status the action needs.
    error PoolPledgeStatus(uint256 pledgeId, PledgeStatus status);
    /// @notice Thrown when someone other than the pledger withdraws a pledge.
    error PoolNotPledger(uint256 pledgeId, address caller);
    /// @notice Thrown when recording more deliveries than the pledge offered.
    error PoolTooManyDeliveries(uint256 pledgeId, uint256 delivered, uint256 periods);

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
    /// standing, in-kind value pledged by accepted pledges, and in-kind value delivered ever. After a wind-down
    /// the first three read 0 (no line pays, no standing order can be collected, no pledge delivered).
    function carried()
        external
        view
        returns (uint256 budgetPerMonth, uint256 recurringPerMonth, uint256 pledgedPerMonth, uint256 delivered);
}
