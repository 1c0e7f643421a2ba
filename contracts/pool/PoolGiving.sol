// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {LowLevelCall} from "@openzeppelin/contracts/utils/LowLevelCall.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {IPoolGiving} from "../interfaces/IPool.sol";
import {Contribution, PackedContribution} from "../types/Contribution.sol";
import {GivingTotals, PackedTotals, FROZEN_EPOCH} from "../types/GivingTotals.sol";
import {PoolArgs, PoolArgsCodec} from "../types/PoolArgs.sol";
import {Weighting} from "../types/Weighting.sol";

/// @title PoolGiving
/// @notice Giving and epoch-matured weight. A gift counts towards weight from the next epoch boundary on, so
/// no gift made during a ballot's epoch can swing it and a flash loan can never vote. Everything is O(1): a
/// gift writes the donor's slot and the pool's totals slot, and both roll forward lazily when epochs pass.
abstract contract PoolGiving is IPoolGiving, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @dev Amounts are accounted in 96 bits (like Compound's votes): 7.9e28 base units per pool.
    uint256 internal constant MAX_AMOUNT = type(uint96).max;
    uint256 internal constant BPS = 10_000;

    PackedTotals private _totals;
    /// @dev Quadratic only: sum of floor(sqrt(matured basis)) as of epoch `_totals.epoch`.
    uint256 private _rootMatured;
    /// @dev Stray funds swept into the ledger: counted in `_totals.given` (so the 96-bit cap covers them without
    /// a second read on every gift) but given by no contributor, so they are nobody's weight or reclaim share.
    uint96 private _swept;
    /// @dev Sum over contributors of their in-kind weight basis (floor(delivered * inKindWeightBps / BPS)).
    uint96 private _inKindBasisTotal;
    mapping(address contributor => PackedContribution) private _contributions;
    /// @dev Weight basis each contributor earned from in-kind deliveries.
    mapping(address contributor => uint256) private _inKindBasis;

    // ---------------------------------------------------------------- views

    /// @inheritdoc IPoolGiving
    function contributionOf(address who) external view returns (uint256 given, uint256 matured) {
        PoolArgs memory a = _args();
        Contribution memory c = _contributions[who].unpack();
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
        return _totals.unpack().given;
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
        GivingTotals memory t = _totals.unpack();
        if (t.epoch == FROZEN_EPOCH) revert PoolIsWoundDown();
        uint256 held = _held(a.asset);
        uint256 ledger = balance();
        if (held <= ledger) revert PoolNothingToSweep();
        amount = held - ledger;
        uint256 given = t.given + amount;
        if (given > MAX_AMOUNT) revert PoolAmountOverflow(given, MAX_AMOUNT);
        // The matured and pending parts of weight are unchanged: Linear weight subtracts `_swept` again.
        t.given = uint96(given);
        _totals = t.pack();
        _swept += uint96(amount);
        emit Swept(msg.sender, amount);
    }

    // ---------------------------------------------------------------- internal: weight

    /// @dev The clone's immutable args. On the implementation itself they are meaningless, but every
    /// entry point that moves money is closed there (see `Pool`'s constructor).
    function _args() internal view returns (PoolArgs memory) {
        return PoolArgsCodec.decode(Clones.fetchCloneArgs(address(this)));
    }

    function _epochOf(PoolArgs memory a) internal view returns (uint32) {
        // Epochs last at least an hour (factory-checked), so uint32 epochs last 490,000 years.
        return uint32((block.timestamp - a.genesis) / a.epochLength);
    }

    /// @dev When epoch `e` starts.
    function _epochStart(PoolArgs memory a, uint256 e) internal pure returns (uint256) {
        return uint256(a.genesis) + e * a.epochLength;
    }

    /// @dev Matured weight of `who` for a ballot. It does not read the totals slot: every ballot is closed
    /// after wind-down by its own state (claims void, elections closed, petitions need a filled seat).
    function _weightOf(PoolArgs memory a, address who) internal view returns (uint256) {
        Contribution memory c = _contributions[who].unpack();
        uint256 matured = _maturedBasis(c, _basisOf(a, who, c), _epochOf(a));
        return a.weighting == Weighting.Linear ? matured : Math.sqrt(matured);
    }

    function _totalWeight(PoolArgs memory a) internal view returns (uint256) {
        GivingTotals memory t = _totals.unpack();
        if (t.epoch == FROZEN_EPOCH) return 0;
        bool pendingMatured = t.epoch < _epochOf(a);
        if (a.weighting == Weighting.Linear) {
            // Every contributor's basis is matured but for what was credited in the current epoch.
            uint256 inKind = a.inKindWeightBps == 0 ? 0 : _inKindBasisTotal;
            return t.given - _swept + inKind - (pendingMatured ? 0 : t.pending);
        }
        return _rootMatured + (pendingMatured ? t.pending : 0);
    }

    function _basisOf(PoolArgs memory a, address who, Contribution memory c) private view returns (uint256) {
        return a.inKindWeightBps == 0 ? c.given : c.given + _inKindBasis[who];
    }

    function _maturedBasis(Contribution memory c, uint256 basis, uint32 e) private pure returns (uint256) {
        return c.epoch == e ? basis - c.pending : basis;
    }

    // ---------------------------------------------------------------- internal: crediting

    function _give(PoolArgs memory a, address donor, uint256 amount) private {
        _credit(a, donor, amount, 0);
        emit Given(donor, amount);
    }

    /// @dev Credits `money` given and `inKindBasis` earned to `who`, both maturing at the next epoch boundary.
    /// Linear: the totals' pending part grows by the basis added. Quadratic: by sqrt(after) - sqrt(before), so
    /// that the root sum telescopes to exactly the sum of every contributor's floor(sqrt(matured)).
    function _credit(PoolArgs memory a, address who, uint256 money, uint256 inKindBasis) internal {
        GivingTotals memory t = _totals.unpack();
        if (t.epoch == FROZEN_EPOCH) revert PoolIsWoundDown();
        uint32 e = _epochOf(a);
        if (t.epoch < e) {
            if (a.weighting == Weighting.Quadratic && t.pending != 0) _rootMatured += t.pending;
            t.pending = 0;
            t.epoch = e;
        }
        Contribution memory c = _contributions[who].unpack();
        if (c.epoch < e) {
            c.pending = 0;
            c.epoch = e;
        }
        uint256 added = money + inKindBasis;
        uint256 growth = added;
        if (a.weighting == Weighting.Quadratic) {
            uint256 before = c.given + (a.inKindWeightBps == 0 ? 0 : _inKindBasis[who] - inKindBasis);
            growth = Math.sqrt(before + added) - Math.sqrt(before);
        }
        uint256 given = t.given + money;
        if (given > MAX_AMOUNT) revert PoolAmountOverflow(given, MAX_AMOUNT);
        // c.given <= t.given, so both fit in 96 bits once the total does. Pending parts are bounded by the basis,
        // money (< 2^96) plus the in-kind basis (< 2^96, see `_creditInKind`): below 2^97, so no cast truncates.
        t.given = uint96(given);
        t.pending = uint128(t.pending + growth);
        c.given += uint96(money);
        c.pending = uint128(c.pending + added);
        _totals = t.pack();
        _contributions[who] = c.pack();
    }

    /// @dev Records `delivered` more in-kind value for `who` and credits the weight basis it earns. The pool's
    /// in-kind basis is bounded like its money (below 2^96, else `PoolAmountOverflow`), so any weight basis is
    /// below 2^97 and every field that holds weight (pending parts, tallies, bars) is at least 97 bits wide.
    function _creditInKind(PoolArgs memory a, address who, uint256 deliveredBefore, uint256 delivered) internal {
        if (a.inKindWeightBps == 0) return;
        uint256 basisBefore = deliveredBefore * a.inKindWeightBps / BPS;
        uint256 basisAfter = (deliveredBefore + delivered) * a.inKindWeightBps / BPS;
        uint256 added = basisAfter - basisBefore;
        if (added == 0) return;
        uint256 total = _inKindBasisTotal + added;
        if (total > MAX_AMOUNT) revert PoolAmountOverflow(total, MAX_AMOUNT);
        _inKindBasis[who] = basisAfter;
        _inKindBasisTotal = uint96(total);
        _credit(a, who, 0, added);
    }

    /// @dev Stops gifts and weight for good: ballots are over once the pool winds down.
    function _freezeGiving() internal {
        GivingTotals memory t = _totals.unpack();
        t.epoch = FROZEN_EPOCH;
        _totals = t.pack();
    }

    /// @dev Winds giving down: first takes in what the pool holds above its ledger (stray funds), as `sweep`
    /// would, so contributors reclaim it pro rata instead of leaving it locked once `sweep` is closed; then
    /// stops gifts and weight for good. Returns the ledger after the intake: what is left to reclaim.
    function _sweepAndFreeze(PoolArgs memory a) internal returns (uint256 ledger) {
        GivingTotals memory t = _totals.unpack();
        ledger = t.given - _outflows();
        uint256 held = _held(a.asset);
        if (held > ledger) {
            // Never past the 96-bit ledger: a wind-down must not be blockable by a huge stray transfer.
            uint256 amount = Math.min(held - ledger, MAX_AMOUNT - t.given);
            t.given += uint96(amount);
            _swept += uint96(amount);
            ledger += amount;
            emit Swept(msg.sender, amount);
        }
        t.epoch = FROZEN_EPOCH;
        _totals = t.pack();
    }

    function _isFrozen() internal view returns (bool) {
        return _totals.unpack().epoch == FROZEN_EPOCH;
    }

    /// @dev `who`'s money given, and all contributors' (the denominator of a reclaim: swept funds excluded).
    function _givenBy(address who) internal view returns (uint256 given, uint256 total) {
        return (_contributions[who].unpack().given, _totals.unpack().given - _swept);
    }

    /// @dev Forgets `who`'s contribution once reclaimed (weights are gone after wind-down anyway).
    function _clearContribution(address who) internal {
        _contributions[who] = PackedContribution.wrap(0);
    }

    function _votedElection(address who) internal view returns (uint32) {
        return _contributions[who].unpack().votedElection;
    }

    function _setVotedElection(address who, uint32 electionId) internal {
        Contribution memory c = _contributions[who].unpack();
        c.votedElection = electionId;
        _contributions[who] = c.pack();
    }

    /// @dev Paid plus reclaimed: what has left the ledger.
    function _outflows() internal view virtual returns (uint256);

    // ---------------------------------------------------------------- internal: asset

    function _held(address token) internal view returns (uint256) {
        return token == address(0) ? address(this).balance : IERC20(token).balanceOf(address(this));
    }

    /// @dev Pulls `amount` and returns what actually arrived (fee-on-transfer tokens deliver less). Guarded,
    /// so a token hook cannot re-enter and be counted twice in the balance difference.
    function _pull(address token, address from, uint256 amount) private nonReentrant returns (uint256 arrived) {
        uint256 before = IERC20(token).balanceOf(address(this));
        IERC20(token).safeTransferFrom(from, address(this), amount);
        arrived = IERC20(token).balanceOf(address(this)) - before;
        if (arrived == 0) revert PoolZeroAmount();
    }

    /// @dev Pays `amount` to `to`; returns false instead of reverting when the payee or the token refuses,
    /// so that one bad payee fails only its own payout. Return data is never copied (no gas griefing).
    function _push(address token, address to, uint256 amount) internal returns (bool) {
        if (token == address(0)) {
            return LowLevelCall.callNoReturn(to, amount, "");
        }
        return IERC20(token).trySafeTransfer(to, amount);
    }
}
