// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {BitMaps} from "@openzeppelin/contracts/utils/structs/BitMaps.sol";

import {IPoolBudget, Parameter} from "../interfaces/IPool.sol";
import {Claim, ClaimStatus} from "../types/Claim.sol";
import {Line} from "../types/Line.sol";
import {PoolArgs} from "../types/PoolArgs.sol";
import {Proposal} from "../types/Proposal.sol";
import {Rules} from "../types/Rules.sol";
import {Office, Seat, SeatStatus} from "../types/Seat.sol";
import {PoolGiving} from "./PoolGiving.sol";

/// @title PoolBudget
/// @notice Budget lines, expense claims and rule changes. A maintainer is paid only by rules donors could read
/// before giving: a claim reserves budget, waits out a challenge window in which matured weight can reject
/// it, and is then paid by anyone. A change to lines or rules takes effect only after notice, unless
/// objected to the same way.
abstract contract PoolBudget is PoolGiving, IPoolBudget {
    using BitMaps for BitMaps.BitMap;

    uint256 internal constant MIN_DURATION = 1 hours;
    uint256 internal constant MAX_DURATION = 3650 days; // 10 years
    uint256 internal constant MAX_LINES = 256;
    uint256 internal constant MAX_NAME_LENGTH = 64; // bytes

    Seat private _seat;
    /// @dev Internal: `PoolChanges` keeps the proposal counters here, beside the maintainer.
    Office internal _office;
    Rules private _rules;
    /// @dev Left at wind-down (the reclaim numerator) and reclaimed since: with `_seat.paid`, the outflows.
    uint96 private _left;
    uint96 private _reclaimed;
    mapping(uint256 line => Line) private _lines;
    /// @dev Keyed by id, which is the receipt hash.
    mapping(uint256 claimId => Claim) private _claims;
    mapping(uint256 proposalId => Proposal) internal _proposals;
    /// @dev One bitmap per contributor, indexed by claim number: a repeat objector writes a warm word.
    mapping(address contributor => BitMaps.BitMap) private _claimObjections;
    mapping(address contributor => BitMaps.BitMap) internal _changeObjections;
    /// @dev Spending of a line's period kept aside when the line changed to another period length during it,
    /// keyed by (line, length, index) (`_asideKey`): a claim reserved there is released there, and the line
    /// finds it again if it comes back to that length within the period. The line's live period is in `Line`.
    mapping(uint256 key => uint256 spent) private _asideSpent;

    /// @dev Only the maintainer, while the seat is filled and no recall runs.
    modifier onlyActiveMaintainer() {
        _checkActiveMaintainer();
        _;
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IPoolBudget
    function claim(uint256 claimId) external view returns (Claim memory c, ClaimStatus status) {
        c = _claims[claimId];
        status = _statusOf(c, _seat);
    }

    /// @inheritdoc IPoolBudget
    function receiptOf(uint256 claimId) external view returns (bytes32) {
        return _claims[claimId].status == ClaimStatus.None ? bytes32(0) : bytes32(claimId);
    }

    /// @inheritdoc IPoolBudget
    function claimCount() external view returns (uint256) {
        return _seat.claimCount;
    }

    /// @inheritdoc IPoolBudget
    function budgetLine(uint256 line)
        external
        view
        returns (string memory name, uint256 cap, uint64 period, uint256 spent, uint256 left, uint256 nextReset)
    {
        if (line >= _office.lineCount) revert PoolUnknownLine(line, _office.lineCount);
        PoolArgs memory a = _args();
        Line storage l = _lines[line];
        uint32 index = _periodIndex(a, l.period);
        name = l.name;
        cap = l.cap;
        period = l.period;
        spent = l.periodIndex == index ? l.spent : 0;
        // A wound-down pool pays no claim: nothing is left to claim on any line.
        left = cap > spent && _seat.status != SeatStatus.WoundDown ? cap - spent : 0;
        nextReset = uint256(a.genesis) + (uint256(index) + 1) * l.period;
    }

    /// @inheritdoc IPoolBudget
    function lineCount() external view returns (uint256) {
        return _office.lineCount;
    }

    /// @inheritdoc IPoolBudget
    function rules() external view returns (Rules memory) {
        return _rules;
    }

    /// @inheritdoc IPoolBudget
    function hasObjected(uint256 claimId, address contributor) external view returns (bool) {
        Claim storage c = _claims[claimId];
        return c.status != ClaimStatus.None && _claimObjections[contributor].get(c.number);
    }

    // ---------------------------------------------------------------- transactions: claims

    /// @inheritdoc IPoolBudget
    function fileClaim(uint256 line, uint256 amount, address payee, bytes32 receiptHash, string calldata receiptURI)
        external
        returns (uint256 claimId)
    {
        if (amount == 0) revert PoolZeroAmount();
        // Paid to itself, an ETH pool would credit the payout to itself as a gift nobody can reclaim.
        if (payee == address(0) || payee == address(this)) revert PoolInvalidPayee(payee);
        if (receiptHash == 0) revert PoolInvalidReceipt(receiptHash);
        uint32 number = _nextClaimNumber();
        claimId = uint256(receiptHash);
        // The slot is written below anyway, so this read costs no extra cold access.
        if (_claims[claimId].status != ClaimStatus.None) revert PoolReceiptAlreadyFiled(receiptHash);
        Rules memory r = _rules;
        (uint32 index, uint32 period) = _reserve(line, amount);
        _claims[claimId] = Claim({
            payee: payee,
            amount: uint96(amount),
            number: number,
            payableAt: uint40(block.timestamp + r.claimDelay),
            periodIndex: index,
            period: period,
            line: uint8(line), // < MAX_LINES
            status: ClaimStatus.Pending,
            toReject: uint104(_rejectionBar(r.objectionQuorumBps)) // total weight < 2^97
        });
        emit ClaimFiled(claimId, line, payee, amount, receiptHash, receiptURI);
    }

    /// @inheritdoc IPoolBudget
    function object(uint256 claimId) external {
        // Reads only the claim's state slot: a paid claim still reads Pending there, but its window has closed.
        Claim storage c = _claims[claimId];
        ClaimStatus status = c.status;
        if (status != ClaimStatus.Pending) _revertNotPending(claimId, status);
        if (block.timestamp >= c.payableAt) revert PoolChallengeWindowClosed(claimId, c.payableAt);
        // Within its window a claim cannot have been paid, so a stored-pending claim is void exactly when the
        // seat says so; a void claim stays void (its weight would count against a record nobody can act on).
        Seat memory s = _seat;
        uint32 number = c.number;
        if (number < s.voidBelow || s.status == SeatStatus.WoundDown) revert PoolClaimVoid(claimId);
        (uint256 weight, uint128 toReject) = _tally(_claimObjections[msg.sender], number, claimId, c.toReject);
        c.toReject = uint104(toReject); // <= the bar set at filing
        emit ClaimObjected(claimId, msg.sender, weight, toReject);
        if (toReject == 0) {
            c.status = ClaimStatus.Rejected;
            _release(c);
            emit ClaimRejected(claimId);
        }
    }

    /// @inheritdoc IPoolBudget
    function payClaim(uint256 claimId) external nonReentrant {
        Claim storage c = _claims[claimId];
        Claim memory m = c;
        Seat memory s = _seat;
        ClaimStatus status = _statusOf(m, s);
        if (status != ClaimStatus.Pending) _revertNotPending(claimId, status);
        if (s.status == SeatStatus.Recall) revert PoolPaymentsFrozen();
        if (block.timestamp < m.payableAt) revert PoolChallengeWindowOpen(claimId, m.payableAt);
        // Only the ledger pays: stray funds must be swept in first, so `paid` never passes `totalGiven`.
        // (No reclaim precedes a payment: claims are void once the pool winds down.)
        uint256 ledger = totalGiven() - s.paid;
        if (m.amount > ledger) revert PoolLedgerShort(claimId, ledger, m.amount);
        // Effects before the transfer; a failed transfer reverts them all and the claim stays pending.
        // Clearing the payout slot marks the claim paid, and its storage refund pays part of the payout.
        c.payee = address(0);
        c.amount = 0;
        _seat.paid = s.paid + m.amount; // <= totalGiven < 2^96
        if (!_push(_args().asset, m.payee, m.amount)) revert PoolPaymentFailed(claimId, m.payee);
        emit ClaimPaid(claimId);
    }

    /// @inheritdoc IPoolBudget
    function cancelClaim(uint256 claimId) external {
        if (msg.sender != _office.maintainer) revert PoolNotMaintainer(msg.sender);
        Claim storage c = _claims[claimId];
        ClaimStatus status = _statusOf(c, _seat);
        if (status != ClaimStatus.Pending) _revertNotPending(claimId, status);
        c.status = ClaimStatus.Cancelled;
        _release(c);
        _seat.lastActive = uint40(block.timestamp);
        emit ClaimCancelled(claimId);
    }

    // ---------------------------------------------------------------- internal

    function _checkActiveMaintainer() internal view {
        if (msg.sender != _office.maintainer) revert PoolNotMaintainer(msg.sender);
        SeatStatus status = _seat.status;
        if (status != SeatStatus.Filled) revert PoolSeatStatus(status);
    }

    /// @dev Checks the caller may file, records the maintainer's activity and returns the next claim number.
    function _nextClaimNumber() private returns (uint32 number) {
        if (msg.sender != _office.maintainer) revert PoolNotMaintainer(msg.sender);
        Seat memory s = _seat;
        if (s.status != SeatStatus.Filled) revert PoolSeatStatus(s.status);
        number = s.claimCount++;
        s.lastActive = uint40(block.timestamp);
        _seat = s;
    }

    /// @dev Reserves `amount` of `line`'s current period (the spending of an older period no longer counts)
    /// and returns the period's index and length.
    function _reserve(uint256 line, uint256 amount) private returns (uint32 index, uint32 period) {
        Line storage l = _lines[line];
        period = l.period;
        // Lines are never deleted (a closed line has cap 0), so a line exists iff it has a period.
        if (period == 0) revert PoolUnknownLine(line, _office.lineCount);
        index = _periodIndex(_args(), period);
        uint256 spent = l.periodIndex == index ? l.spent : 0;
        uint256 cap = l.cap;
        uint256 left = cap > spent ? cap - spent : 0;
        if (amount > left) revert PoolOverBudget(line, amount, left);
        l.periodIndex = index;
        l.spent = uint96(spent + amount); // <= cap < 2^96
    }

    /// @dev A claim whose payout slot was cleared was paid; a stored-pending claim is void once a recall voided
    /// it or the pool wound down.
    function _statusOf(Claim memory c, Seat memory s) private pure returns (ClaimStatus) {
        if (c.status != ClaimStatus.Pending) return c.status;
        if (c.payee == address(0)) return ClaimStatus.Paid;
        if (c.number < s.voidBelow || s.status == SeatStatus.WoundDown) return ClaimStatus.Void;
        return ClaimStatus.Pending;
    }

    function _revertNotPending(uint256 claimId, ClaimStatus status) private pure {
        if (status == ClaimStatus.None) revert PoolUnknownClaim(claimId);
        revert PoolClaimNotPending(claimId, status);
    }

    /// @dev Records `msg.sender`'s objection to ballot `id` (once, at `index` of their bitmap) with their matured
    /// weight; returns that weight and what is still needed to reject (0: rejected).
    function _tally(BitMaps.BitMap storage objected, uint256 index, uint256 id, uint128 toReject)
        internal
        returns (uint256 weight, uint128)
    {
        if (objected.get(index)) revert PoolAlreadyObjected(id, msg.sender);
        weight = _weightOf(_args(), msg.sender);
        if (weight == 0) revert PoolNoWeight(msg.sender);
        objected.set(index);
        return (weight, weight >= toReject ? 0 : toReject - uint128(weight));
    }

    /// @dev The objection weight that rejects a claim or a change filed now: `quorumBps` of the total matured
    /// weight, rounded up, and at least 1 (with no matured weight yet, any objector rejects). Fixing the bar at
    /// filing keeps each objection O(1) and shows donors the bar from the start.
    function _rejectionBar(uint16 quorumBps) internal view returns (uint128) {
        uint256 bar = Math.mulDiv(_totalWeight(_args()), quorumBps, BPS, Math.Rounding.Ceil);
        return bar == 0 ? 1 : uint128(bar); // total weight < 2^97
    }

    /// @dev Frees a claim's reservation where its (length, index) period is kept: in the line's live period if
    /// the line has that length, else aside, if that period is still running. A period that has ended needs
    /// nothing freed: no claim can be filed in it again.
    function _release(Claim storage c) private {
        uint256 line = c.line;
        uint32 period = c.period;
        uint32 index = c.periodIndex;
        Line storage l = _lines[line];
        if (l.period == period) {
            // Same length: the live index is the claim's, or a later one (then the claim's period has ended).
            if (l.periodIndex == index) l.spent -= c.amount;
        } else if (index == _periodIndex(_args(), period)) {
            // The spending kept aside includes the claim: it was live when the line left this length.
            _asideSpent[_asideKey(line, period, index)] -= c.amount;
        }
    }

    /// @dev One word per (line, length, index): line < 2^8, length and index < 2^32.
    function _asideKey(uint256 line, uint256 period, uint256 index) private pure returns (uint256) {
        return line << 64 | period << 32 | index;
    }

    function _periodIndex(PoolArgs memory a, uint256 period) internal view returns (uint32) {
        // Periods last at least an hour, so uint32 indexes last 490,000 years.
        return uint32((block.timestamp - a.genesis) / period);
    }

    // ---------------------------------------------------------------- internal: setup and seat

    function _setLine(PoolArgs memory a, uint256 line, string memory name, uint256 cap, uint64 period) internal {
        Line storage l = _lines[line];
        if (line == _office.lineCount) _office.lineCount = uint16(line + 1); // <= MAX_LINES
        uint32 index = _periodIndex(a, period);
        uint256 spent;
        uint256 oldPeriod = l.period;
        if (oldPeriod != 0) {
            // What the live period holds now: nothing once it has ended.
            uint32 oldIndex = _periodIndex(a, oldPeriod);
            spent = l.periodIndex == oldIndex ? l.spent : 0;
            if (oldPeriod != period) {
                // Spending is kept per (length, index): the live period is set aside (always written, so no
                // older figure of that period survives), and the period of the new length running now is
                // taken up again. What was spent under the old length is carried too (the larger of the two
                // counts), so a change frees no cap; nothing is lost either, so every release finds its amount.
                _asideSpent[_asideKey(line, oldPeriod, oldIndex)] = spent;
                uint256 kept = _asideSpent[_asideKey(line, period, index)];
                if (kept > spent) spent = kept;
            }
        }
        l.name = name;
        l.cap = uint96(cap);
        l.period = uint32(period);
        l.periodIndex = index;
        l.spent = uint96(spent); // carried or kept spending, each < 2^96
        emit BudgetLineSet(line, name, cap, period);
    }

    function _setRules(Rules memory r) internal {
        _rules = r;
        emit RulesSet(r);
    }

    function _checkLine(string memory name, uint256 cap, uint256 period, bool isNew) internal pure {
        uint256 length = bytes(name).length;
        if (length == 0 || length > MAX_NAME_LENGTH) revert PoolInvalidParameter(Parameter.LineName, length);
        if (cap > MAX_AMOUNT || (isNew && cap == 0)) revert PoolInvalidParameter(Parameter.LineCap, cap);
        if (period < MIN_DURATION || period > MAX_DURATION) revert PoolInvalidParameter(Parameter.LinePeriod, period);
    }

    function _checkRules(Rules memory r, uint256 epochLength) internal pure {
        _checkDuration(Parameter.ClaimDelay, r.claimDelay);
        _checkDuration(Parameter.RuleChangeDelay, r.ruleChangeDelay);
        _checkDuration(Parameter.InactivityPeriod, r.inactivityPeriod);
        _checkDuration(Parameter.VacancyPeriod, r.vacancyPeriod);
        // The election an open seat starts votes within 1.5 epochs, so a vacancy of two epochs always lets it
        // vote before anyone may wind the pool down.
        if (r.vacancyPeriod < 2 * epochLength) {
            revert PoolInvalidParameter(Parameter.VacancyPeriod, r.vacancyPeriod);
        }
        _checkBps(Parameter.ObjectionQuorumBps, r.objectionQuorumBps, 1);
        _checkBps(Parameter.ElectionQuorumBps, r.electionQuorumBps, 1);
        _checkBps(Parameter.RecallThresholdBps, r.recallThresholdBps, 1);
    }

    function _checkDuration(Parameter parameter, uint256 value) internal pure {
        if (value < MIN_DURATION || value > MAX_DURATION) revert PoolInvalidParameter(parameter, value);
    }

    function _checkBps(Parameter parameter, uint256 value, uint256 min) internal pure {
        if (value < min || value > BPS) revert PoolInvalidParameter(parameter, value);
    }

    /// @dev Paid and reclaimed: what has left the ledger.
    function _outflows() internal view override returns (uint256) {
        return uint256(_seat.paid) + _reclaimed;
    }

    function _windDownLedger() internal view returns (uint256 left, uint256 reclaimed) {
        return (_left, _reclaimed);
    }

    function _recordLeft(uint256 left) internal {
        _left = uint96(left); // the ledger is < 2^96
    }

    function _recordReclaimed(uint256 amount) internal {
        _reclaimed += uint96(amount); // the sum of shares never exceeds `_left`
    }

    /// @dev Money the open lines budget per `month` seconds (a view: bounded by MAX_LINES, never in a transaction).
    function _budgetPer(uint256 month) internal view returns (uint256 total) {
        uint256 count = _office.lineCount;
        for (uint256 i; i < count; ++i) {
            Line storage l = _lines[i];
            total += uint256(l.cap) * month / l.period;
        }
    }

    /// @dev Locks a contract that only serves clones (the `Pool` implementation, `PoolExtension`): it can never
    /// be initialized (lastActive is set) and refuses gifts (giving is frozen).
    function _lockForGood() internal {
        _seat = Seat({paid: 0, lastActive: 1, openedAt: 0, claimCount: 0, voidBelow: 0, status: SeatStatus.WoundDown});
        _freezeGiving();
    }

    /// @dev Records a maintainer action (it keeps the seat from counting as abandoned).
    function _touchMaintainer() internal {
        _seat.lastActive = uint40(block.timestamp);
    }

    /// @dev A line as stored (the extension reads it to see what a proposed change changes).
    function _lineAt(uint256 line) internal view returns (Line storage) {
        return _lines[line];
    }

    function _seatState() internal view returns (Seat memory) {
        return _seat;
    }

    function _storeSeat(Seat memory s) internal {
        _seat = s;
    }

    function _maintainerOf() internal view returns (address) {
        return _office.maintainer;
    }

    function _rulesInForce() internal view returns (Rules memory) {
        return _rules;
    }

    function _writeMaintainer(address next) internal {
        _office.maintainer = next;
    }

    /// @dev Voids every claim and change still pending, whoever filed it (a recall succeeded, or the recalled
    /// maintainer stepped down): nothing filed before the recall is paid or applied without a fresh challenge
    /// window under the next maintainer. The caller stores `s`.
    function _voidPending(Seat memory s) internal {
        s.voidBelow = s.claimCount;
        uint32 proposals = _office.proposalCount;
        _office.proposalsVoidBelow = proposals;
        emit PendingVoided(s.claimCount, proposals);
    }
}
