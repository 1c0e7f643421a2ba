// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC777Recipient, IERC777Sender} from "./HookToken.sol";

/// @title ReentrantAttacker
/// @notice A contract account that re-enters a target with a prepared call whenever control reaches it in
/// the middle of someone else's operation: when it receives ETH, or when a `HookToken` calls one of its
/// hooks. It exists to check that no pool operation can be re-entered (a payment or reclaim paying twice,
/// a gift credited twice, a vote cast twice). Through `execute` it also acts as a donor, payee, voter or
/// candidate, so the same account can both take part and attack.
/// @dev A failed reentry does not revert the outer call: the attempt is recorded (`lastReentrySucceeded`,
/// `lastReentryReturnData`) so the test can check it failed for the right reason. If the outer call itself
/// reverts, the record is rolled back with it. Anyone may call it: keep it out of invariant targets unless
/// it is meant to be fuzzed.
contract ReentrantAttacker is IERC777Sender, IERC777Recipient {
    /// @notice What handed control to the attacker.
    enum Trigger {
        None,
        Ether,
        TokensToSend,
        TokensReceived
    }

    /// @notice The attacker will re-enter `target` with `data` and `value`, at most `maxReentries` times.
    event Armed(address indexed target, bytes data, uint256 value, uint256 maxReentries);
    /// @notice The attacker stopped re-entering.
    event Disarmed();
    /// @notice A reentry was attempted; `returnData` is its return or revert data.
    event ReentryAttempted(Trigger trigger, bool success, bytes returnData);

    address private _target;
    bytes private _data;
    uint256 private _value;
    uint256 private _maxReentries;
    uint256 private _reentries;
    uint256 private _successfulReentries;
    bool private _lastSuccess;
    Trigger private _lastTrigger;
    bytes private _lastReturnData;

    /// @notice Re-enter `target` with `data` and `value` (from this contract's balance) once, on the next
    /// ETH receipt or token hook. Resets the counters.
    function arm(address target, bytes calldata data, uint256 value) external {
        _arm(target, data, value, 1);
    }

    /// @notice As `arm`, re-entering up to `maxReentries` times (each reentry can trigger the next).
    /// @dev Not an `arm` overload: overloads are awkward to call from ethers.
    function armTimes(address target, bytes calldata data, uint256 value, uint256 maxReentries) external {
        _arm(target, data, value, maxReentries);
    }

    /// @notice Stops re-entering; the record of past attempts stays readable.
    function disarm() external {
        _maxReentries = 0;
        emit Disarmed();
    }

    /// @notice Calls `target` with `data` and `value` as this contract (to give, vote, nominate, approve a
    /// token, register hooks...). Reverts with the target's revert data if the call reverts.
    function execute(address target, bytes calldata data, uint256 value) external payable returns (bytes memory) {
        (bool success, bytes memory result) = target.call{value: value}(data);
        if (!success) {
            // Bubble the target's revert data unchanged so tests can expect the pool's own error.
            assembly ("memory-safe") {
                revert(add(result, 0x20), mload(result))
            }
        }
        return result;
    }

    receive() external payable {
        _reenter(Trigger.Ether);
    }

    /// @inheritdoc IERC777Sender
    function tokensToSend(address, address, address, uint256, bytes calldata, bytes calldata) external override {
        _reenter(Trigger.TokensToSend);
    }

    /// @inheritdoc IERC777Recipient
    function tokensReceived(address, address, address, uint256, bytes calldata, bytes calldata) external override {
        _reenter(Trigger.TokensReceived);
    }

    /// @notice Whether the attacker will re-enter on the next trigger.
    function armed() external view returns (bool) {
        return _reentries < _maxReentries;
    }

    /// @notice Reentries attempted since the last `arm`, and how many of them succeeded.
    function reentries() external view returns (uint256 attempted, uint256 succeeded) {
        return (_reentries, _successfulReentries);
    }

    /// @notice Whether the last reentry succeeded (false if none was attempted).
    function lastReentrySucceeded() external view returns (bool) {
        return _lastSuccess;
    }

    /// @notice What triggered the last reentry.
    function lastTrigger() external view returns (Trigger) {
        return _lastTrigger;
    }

    /// @notice Return data of the last reentry, or its revert data if it failed (e.g. the selector of
    /// `ReentrancyGuardReentrantCall()`).
    function lastReentryReturnData() external view returns (bytes memory) {
        return _lastReturnData;
    }

    function _arm(address target, bytes calldata data, uint256 value, uint256 maxReentries) private {
        _target = target;
        _data = data;
        _value = value;
        _maxReentries = maxReentries;
        _reentries = 0;
        _successfulReentries = 0;
        _lastSuccess = false;
        _lastTrigger = Trigger.None;
        delete _lastReturnData;
        emit Armed(target, data, value, maxReentries);
    }

    function _reenter(Trigger trigger) private {
        if (_reentries >= _maxReentries) return;
        ++_reentries; // before the call, so a nested trigger sees the updated count
        (bool success, bytes memory result) = _target.call{value: _value}(_data);
        if (success) ++_successfulReentries;
        _lastSuccess = success;
        _lastTrigger = trigger;
        _lastReturnData = result;
        emit ReentryAttempted(trigger, success, result);
    }
}
