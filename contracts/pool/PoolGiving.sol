// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

import {IPoolGiving} from "../interfaces/IPool.sol";
import {Contribution} from "../types/Contribution.sol";
import {GivingTotals, FROZEN_EPOCH} from "../types/GivingTotals.sol";
import {PoolArgs} from "../types/PoolArgs.sol";
import {Weighting} from "../types/Weighting.sol";
import {GivingRules} from "./GivingRules.sol";
import {PoolState, PoolStorage} from "./PoolStorage.sol";

/// @title PoolGiving
/// @notice Giving to a pool: ETH or the pool's token, once (`give`, a permit, a plain ETH transfer) or swept in
/// as stray funds; and the views of weight.
abstract contract PoolGiving is GivingRules, IPoolGiving {
    using SafeERC20 for IERC20;

    // ---------------------------------------------------------------- views

    /// @inheritdoc IPoolGiving
    function contributionOf(address who) external view returns (uint256 given, uint256 matured) {
        PoolArgs memory a = _args();
        PoolState storage $ = PoolStorage.load();
        Contribution memory c = $.contributions[who].unpack();
        // After a wind-down nothing is matured for any ballot, as `weightOf` says.
        return (c.given, _isFrozen() ? 0 : _maturedBasis(c, _basisOf(a, who, c), _epochOf(a)));
    }

    /// @inheritdoc IPoolGiving
    function weightOf(address who) public view returns (uint256) {
        return _isFrozen() ? 0 : _weightOf(_args(), who);
    }

    /// @inheritdoc IPoolGiving
    function totalWeight() public view returns (uint256) {
        return _totalWeight(_args());
    }

    /// @inheritdoc IPoolGiving
    function totalGiven() public view returns (uint256) {
        return PoolStorage.load().totals.unpack().given;
    }

    /// @inheritdoc IPoolGiving
    function balance() public view returns (uint256) {
        return totalGiven() - _outflows();
    }

    /// @inheritdoc IPoolGiving
    function epoch() external view returns (uint256) {
        return _epochOf(_args());
    }

    /// @inheritdoc IPoolGiving
    function asset() external view returns (address) {
        return _args().asset;
    }

    /// @inheritdoc IPoolGiving
    function epochLength() external view returns (uint256) {
        return _args().epochLength;
    }

    /// @inheritdoc IPoolGiving
    function genesis() external view returns (uint256) {
        return _args().genesis;
    }

    /// @inheritdoc IPoolGiving
    function weighting() external view returns (Weighting) {
        return _args().weighting;
    }

    /// @inheritdoc IPoolGiving
    function inKindWeightBps() external view returns (uint256) {
        return _args().inKindWeightBps;
    }

    // ---------------------------------------------------------------- transactions

    /// @notice Gives the ETH sent: the pool's address is a donation address for ETH pools.
    // solhint-disable-next-line no-complex-fallback, -- a plain transfer is a gift: the checks and credit are needed
    receive() external payable {
        PoolArgs memory a = _args();
        if (a.asset != address(0)) revert PoolEthNotAccepted(msg.value);
        if (msg.value == 0) revert PoolZeroAmount();
        _give(a, msg.sender, msg.value);
    }

    /// @inheritdoc IPoolGiving
    function give(uint256 amount) external payable {
        PoolArgs memory a = _args();
        if (amount == 0) revert PoolZeroAmount();
        if (a.asset == address(0)) {
            if (msg.value != amount) revert PoolWrongValue(msg.value, amount);
        } else {
            if (msg.value != 0) revert PoolEthNotAccepted(msg.value);
            amount = _pull(a.asset, msg.sender, amount);
        }
        _give(a, msg.sender, amount);
    }

    /// @inheritdoc IPoolGiving
    function giveWithPermit(uint256 amount, uint256 deadline, uint8 v, bytes32 r, bytes32 s) external {
        PoolArgs memory a = _args();
        if (a.asset == address(0)) revert PoolNotTokenPool();
        if (amount == 0) revert PoolZeroAmount();
        // A permit can be front-run (its signature is public once in the mempool): then it reverts here,
        // but the allowance it set is there, and the gift goes on.
        // solhint-disable-next-line no-empty-blocks, -- success needs nothing more; the catch checks the allowance
        try IERC20Permit(a.asset).permit(msg.sender, address(this), amount, deadline, v, r, s) {}
        catch {
            uint256 allowance = IERC20(a.asset).allowance(msg.sender, address(this));
            if (allowance < amount) revert PoolPermitFailed(allowance, amount);
        }
        _give(a, msg.sender, _pull(a.asset, msg.sender, amount));
    }

    /// @inheritdoc IPoolGiving
    function sweep() external nonReentrant returns (uint256 amount) {
        PoolArgs memory a = _args();
        PoolState storage $ = PoolStorage.load();
        GivingTotals memory t = $.totals.unpack();
        if (t.epoch == FROZEN_EPOCH) revert PoolIsWoundDown();
        uint256 held = _held(a.asset);
        uint256 ledger = balance();
        if (held <= ledger) revert PoolNothingToSweep();
        amount = held - ledger;
        uint256 given = t.given + amount;
        if (given > MAX_AMOUNT) revert PoolAmountOverflow(given, MAX_AMOUNT);
        // The matured and pending parts of weight are unchanged: Linear weight subtracts `swept` again.
        t.given = uint96(given);
        $.totals = t.pack();
        $.swept += uint96(amount);
        emit Swept(msg.sender, amount);
    }

    // ---------------------------------------------------------------- internal

    function _give(PoolArgs memory a, address donor, uint256 amount) private {
        _credit(a, donor, amount, 0);
        emit Given(donor, amount);
    }

    /// @dev Pulls `amount` and returns what actually arrived (fee-on-transfer tokens deliver less). Guarded,
    /// so a token hook cannot re-enter and be counted twice in the balance difference.
    function _pull(address token, address from, uint256 amount) private nonReentrant returns (uint256 arrived) {
        uint256 before = IERC20(token).balanceOf(address(this));
        IERC20(token).safeTransferFrom(from, address(this), amount);
        arrived = IERC20(token).balanceOf(address(this)) - before;
        if (arrived == 0) revert PoolZeroAmount();
    }
}
