// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title IPoolSubscriptions
/// @notice Standing orders in the pool's token: many small recurring gifts carry a project's fixed costs.
interface IPoolSubscriptions {
    /// @notice Thrown when `donor` has no standing order.
    error PoolNoSubscription(address donor);
    /// @notice Thrown when a standing order is collected before its next period is due.
    error PoolNotDue(address donor, uint256 nextDue);
    /// @notice Thrown when the pull of a standing order failed (allowance revoked, balance too low).
    error PoolCollectFailed(address donor, uint256 amount);

    /// @notice `donor` set up a standing order of `amountPerPeriod` every `period` seconds.
    event Subscribed(address indexed donor, uint256 amountPerPeriod, uint256 period);
    /// @notice `donor` ended their standing order.
    event Unsubscribed(address indexed donor);
    /// @notice `amount` was collected from `donor`'s standing order for `periods` periods.
    event Collected(address indexed donor, uint256 amount, uint256 periods);

    /// @notice Periods a single collection may pull: a donor back after a long absence pays at most this many,
    /// and older missed periods are forgiven.
    function MAX_CATCH_UP() external view returns (uint256);

    /// @notice Sets up (or replaces) the caller's standing order (ERC-20 pools), backed by their allowance.
    /// The first period is due at once.
    function subscribe(uint256 amountPerPeriod, uint64 period) external;

    /// @notice Ends the caller's standing order.
    function unsubscribe() external;

    /// @notice Collects `donor`'s due periods (anyone may call): at most `MAX_CATCH_UP` periods are pulled at
    /// once; older missed periods are forgiven. Credited exactly like a gift.
    /// @return amount What arrived.
    function collect(address donor) external returns (uint256 amount);

    /// @notice A donor's standing order (zeros if none).
    function subscriptionOf(address donor)
        external
        view
        returns (uint256 amountPerPeriod, uint256 period, uint256 nextDue);
}
