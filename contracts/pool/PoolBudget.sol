// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {BitMaps} from "@openzeppelin/contracts/utils/structs/BitMaps.sol";

import {IPoolBudget, Parameter} from "../interfaces/IPool.sol";
import {Claim, ClaimStatus} from "../types/Claim.sol";
import {Line} from "../types/Line.sol";
import {PoolArgs} from "../types/PoolArgs.sol";
import {Proposal, ProposalKind, ProposalStatus} from "../types/Proposal.sol";
import {Rules} from "../types/Rules.sol";
import {Seat, SeatStatus} from "../types/Seat.sol";
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
    /// @dev Proposal `line` of a line that does not exist yet: it gets its id when the change is applied.
    uint16 private constant NEW_LINE = type(uint16).max;

    Seat private _seat;
    address private _maintainer;
    Rules private _rules;
    uint16 private _lineCount;
    /// @dev Pending proposals with a smaller id were voided by a recall.
    uint32 private _proposalsVoidBelow;
    uint32 private _proposalCount;
    mapping(uint256 line => Line) private _lines;
    mapping(uint256 claimId => Claim) private _claims;
    mapping(uint256 claimId => bytes32) private _receipts;
    mapping(uint256 proposalId => Proposal) private _proposals;
    /// @dev One bitmap per contributor, indexed by claim id: a repeat objector writes a warm word.
    mapping(address contributor => BitMaps.BitMap) private _claimObjections;
    mapping(address contributor => BitMaps.BitMap) private _changeObjections;

    /// @dev Only the maintainer, while the seat is filled and no recall runs.
    modifier onlyActiveMaintainer() {
        _checkActiveMaintainer();
        _;
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IPoolBudget
    function claim(uint256 claimId) external view returns (Claim memory c, ClaimStatus status) {
        c = _claims[claimId];
        status = _statusOf(claimId, c.status, _seat);
    }

    /// @notice The receipt hash stored with a claim.
    function receiptOf(uint256 claimId) external view returns (bytes32) {
        return _receipts[claimId];
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
        if (line >= _lineCount) revert PoolUnknownLine(line, _lineCount);
        PoolArgs memory a = _args();
        Line storage l = _lines[line];
        uint32 index = _periodIndex(a, l.period);
        name = l.name;
        cap = l.cap;
        period = l.period;
        spent = l.periodIndex == index ? l.spent : 0;
        left = cap > spent ? cap - spent : 0;
        nextReset = uint256(a.genesis) + (uint256(index) + 1) * l.period;
    }

    /// @inheritdoc IPoolBudget
    function lineCount() external view returns (uint256) {
        return _lineCount;
    }

    /// @inheritdoc IPoolBudget
    function proposal(uint256 proposalId) external view returns (Proposal memory) {
        return _proposals[proposalId];
    }

    /// @inheritdoc IPoolBudget
    function proposalCount() external view returns (uint256) {
        return _proposalCount;
    }

    /// @inheritdoc IPoolBudget
    function rules() external view returns (Rules memory) {
        return _rules;
    }

    /// @inheritdoc IPoolBudget
    function hasObjected(uint256 claimId, address contributor) external view returns (bool) {
        return _claimObjections[contributor].get(claimId);
    }

    /// @notice Whether `contributor` has objected to proposal `proposalId`.
    function hasObjectedToChange(uint256 proposalId, address contributor) external view returns (bool) {
        return _changeObjections[contributor].get(proposalId);
    }

    // ---------------------------------------------------------------- transactions: claims

    /// @inheritdoc IPoolBudget
    function fileClaim(uint256 line, uint256 amount, address payee, bytes32 receiptHash, string calldata receiptURI)
        external
        returns (uint256 claimId)
    {
        if (amount == 0) revert PoolZeroAmount();
        if (payee == address(0)) revert PoolZeroPayee();
        claimId = _nextClaimId();
        Rules memory r = _rules;
        _claims[claimId] = Claim({
            payee: payee,
            amount: uint96(amount),
            payableAt: uint40(block.timestamp + r.claimDelay),
            periodIndex: _reserve(line, amount),
            line: uint16(line),
            status: ClaimStatus.Pending,
            quorumBps: r.objectionQuorumBps,
            objections: 0
        });
        _receipts[claimId] = receiptHash;
        emit ClaimFiled(claimId, line, payee, amount, receiptHash, receiptURI);
    }

    /// @inheritdoc IPoolBudget
    function object(uint256 claimId) external {
        Claim storage c = _claims[claimId];
        ClaimStatus status = c.status;
        if (status != ClaimStatus.Pending) _revertNotPending(claimId, status);
        if (block.timestamp >= c.payableAt) revert PoolChallengeWindowClosed(claimId, c.payableAt);
        uint128 objections = _tally(_claimObjections[msg.sender], claimId, c.objections);
        emit ClaimObjected(claimId, msg.sender, objections - c.objections, objections);
        c.objections = objections;
        if (_reachesQuorum(objections, c.quorumBps)) {
            c.status = ClaimStatus.Rejected;
            _release(c);
            emit ClaimRejected(claimId);
        }
    }

    /// @inheritdoc IPoolBudget
    function payClaim(uint256 claimId) external nonReentrant {
        Claim storage c = _claims[claimId];
        Seat memory s = _seat;
        ClaimStatus status = _statusOf(claimId, c.status, s);
        if (status != ClaimStatus.Pending) _revertNotPending(claimId, status);
        if (s.status == SeatStatus.Recall) revert PoolPaymentsFrozen();
        if (block.timestamp < c.payableAt) revert PoolChallengeWindowOpen(claimId, c.payableAt);
        uint96 amount = c.amount;
        address payee = c.payee;
        // Effects before the transfer; a failed transfer reverts them all and the claim stays pending.
        c.status = ClaimStatus.Paid;
        // paid <= totalGiven < 2^96: a claim is paid from the ledger, which the held asset covers.
        _seat.paid = s.paid + amount;
        if (!_push(_args().asset, payee, amount)) revert PoolPaymentFailed(claimId, payee);
        emit ClaimPaid(claimId);
    }

    /// @inheritdoc IPoolBudget
    function cancelClaim(uint256 claimId) external {
        if (msg.sender != _maintainer) revert PoolNotMaintainer(msg.sender);
        Claim storage c = _claims[claimId];
        ClaimStatus status = _statusOf(claimId, c.status, _seat);
        if (status != ClaimStatus.Pending) _revertNotPending(claimId, status);
        c.status = ClaimStatus.Cancelled;
        _release(c);
        _seat.lastActive = uint40(block.timestamp);
        emit ClaimCancelled(claimId);
    }

    // ---------------------------------------------------------------- transactions: changes

    /// @inheritdoc IPoolBudget
    function proposeBudgetChange(uint256 line, string calldata name, uint256 cap, uint64 period)
        external
        onlyActiveMaintainer
        returns (uint256 proposalId)
    {
        uint256 count = _lineCount;
        if (line > count) revert PoolUnknownLine(line, count);
        bool isNew = line == count;
        if (isNew && count >= MAX_LINES) revert PoolInvalidParameter(Parameter.LineCount, count + 1);
        _checkLine(name, cap, period, isNew);
        proposalId = _propose(ProposalKind.BudgetLine);
        Proposal storage p = _proposals[proposalId];
        p.line = isNew ? NEW_LINE : uint16(line);
        p.cap = uint96(cap);
        p.period = uint32(period);
        p.name = name;
    }

    /// @inheritdoc IPoolBudget
    function proposeRulesChange(Rules calldata newRules) external onlyActiveMaintainer returns (uint256 proposalId) {
        _checkRules(newRules);
        proposalId = _propose(ProposalKind.Rules);
        _proposals[proposalId].rules = newRules;
    }

    /// @inheritdoc IPoolBudget
    function objectToChange(uint256 proposalId) external {
        Proposal storage p = _proposals[proposalId];
        ProposalStatus status = _proposalStatusOf(proposalId, p.status);
        if (status != ProposalStatus.Pending) revert PoolProposalNotPending(proposalId, status);
        if (block.timestamp >= p.effectiveAt) revert PoolChallengeWindowClosed(proposalId, p.effectiveAt);
        uint128 objections = _tally(_changeObjections[msg.sender], proposalId, p.objections);
        emit ChangeObjected(proposalId, msg.sender, objections - p.objections, objections);
        p.objections = objections;
        if (_reachesQuorum(objections, p.quorumBps)) {
            p.status = ProposalStatus.Rejected;
            emit ChangeRejected(proposalId);
        }
    }

    /// @inheritdoc IPoolBudget
    function applyChange(uint256 proposalId) external {
        Proposal storage p = _proposals[proposalId];
        ProposalStatus status = _proposalStatusOf(proposalId, p.status);
        if (status != ProposalStatus.Pending) revert PoolProposalNotPending(proposalId, status);
        if (_seat.status == SeatStatus.Recall) revert PoolPaymentsFrozen();
        if (block.timestamp < p.effectiveAt) revert PoolNoticePeriod(proposalId, p.effectiveAt);
        p.status = ProposalStatus.Applied;
        if (p.kind == ProposalKind.Rules) {
            _setRules(p.rules);
        } else {
            uint256 line = p.line == NEW_LINE ? _lineCount : p.line;
            _setLine(_args(), line, p.name, p.cap, p.period);
        }
        emit ChangeApplied(proposalId);
    }

    /// @inheritdoc IPoolBudget
    function cancelChange(uint256 proposalId) external {
        if (msg.sender != _maintainer) revert PoolNotMaintainer(msg.sender);
        Proposal storage p = _proposals[proposalId];
        ProposalStatus status = _proposalStatusOf(proposalId, p.status);
        if (status != ProposalStatus.Pending) revert PoolProposalNotPending(proposalId, status);
        p.status = ProposalStatus.Cancelled;
        _seat.lastActive = uint40(block.timestamp);
        emit ChangeCancelled(proposalId);
    }

    // ---------------------------------------------------------------- internal

    function _checkActiveMaintainer() internal view {
        if (msg.sender != _maintainer) revert PoolNotMaintainer(msg.sender);
        SeatStatus status = _seat.status;
        if (status != SeatStatus.Filled) revert PoolSeatStatus(status);
    }

    /// @dev Checks the caller may file, records the maintainer's activity and returns the next claim id.
    function _nextClaimId() private returns (uint256 claimId) {
        if (msg.sender != _maintainer) revert PoolNotMaintainer(msg.sender);
        Seat memory s = _seat;
        if (s.status != SeatStatus.Filled) revert PoolSeatStatus(s.status);
        claimId = s.claimCount++;
        s.lastActive = uint40(block.timestamp);
        _seat = s;
    }

    /// @dev Reserves `amount` of `line`'s current period (the spending of an older period no longer counts)
    /// and returns the period's index.
    function _reserve(uint256 line, uint256 amount) private returns (uint32 index) {
        Line storage l = _lines[line];
        uint32 period = l.period;
        // Lines are never deleted (a closed line has cap 0), so a line exists iff it has a period.
        if (period == 0) revert PoolUnknownLine(line, _lineCount);
        index = _periodIndex(_args(), period);
        uint256 spent = l.periodIndex == index ? l.spent : 0;
        uint256 cap = l.cap;
        uint256 left = cap > spent ? cap - spent : 0;
        if (amount > left) revert PoolOverBudget(line, amount, left);
        l.periodIndex = index;
        l.spent = uint96(spent + amount); // <= cap < 2^96
    }

    /// @dev A stored-pending claim is void once a recall voided it or the pool wound down.
    function _statusOf(uint256 claimId, ClaimStatus stored, Seat memory s) private pure returns (ClaimStatus) {
        if (stored != ClaimStatus.Pending) return stored;
        if (claimId < s.voidBelow || s.status == SeatStatus.WoundDown) return ClaimStatus.Void;
        return stored;
    }

    function _proposalStatusOf(uint256 proposalId, ProposalStatus stored) private view returns (ProposalStatus) {
        if (stored == ProposalStatus.None) revert PoolUnknownProposal(proposalId);
        if (stored == ProposalStatus.Pending && (proposalId < _proposalsVoidBelow || _isFrozen())) {
            return ProposalStatus.Cancelled;
        }
        return stored;
    }

    function _revertNotPending(uint256 claimId, ClaimStatus status) private pure {
        if (status == ClaimStatus.None) revert PoolUnknownClaim(claimId);
        revert PoolClaimNotPending(claimId, status);
    }

    /// @dev Records `msg.sender`'s objection (once per id) and returns the new tally.
    function _tally(BitMaps.BitMap storage objected, uint256 id, uint128 objections) private returns (uint128) {
        if (objected.get(id)) revert PoolAlreadyObjected(id, msg.sender);
        uint256 weight = _weightOf(_args(), msg.sender);
        if (weight == 0) revert PoolNoWeight(msg.sender);
        objected.set(id);
        return uint128(objections + weight); // weights are bounded by 2 * MAX_AMOUNT
    }

    function _reachesQuorum(uint256 objections, uint16 quorumBps) private view returns (bool) {
        return objections * BPS >= uint256(quorumBps) * _totalWeight(_args());
    }

    /// @dev Frees a claim's reservation if its period is still the line's current one.
    function _release(Claim storage c) private {
        Line storage l = _lines[c.line];
        if (l.periodIndex == c.periodIndex) l.spent -= c.amount;
    }

    function _propose(ProposalKind kind) private returns (uint256 proposalId) {
        Rules memory r = _rules;
        proposalId = _proposalCount++;
        Proposal storage p = _proposals[proposalId];
        p.kind = kind;
        p.status = ProposalStatus.Pending;
        p.effectiveAt = uint40(block.timestamp + r.ruleChangeDelay);
        p.quorumBps = r.objectionQuorumBps;
        _seat.lastActive = uint40(block.timestamp);
        emit ChangeProposed(proposalId, kind, p.effectiveAt);
    }

    function _periodIndex(PoolArgs memory a, uint256 period) internal view returns (uint32) {
        // Periods last at least an hour, so uint32 indexes last 490,000 years.
        return uint32((block.timestamp - a.genesis) / period);
    }

    // ---------------------------------------------------------------- internal: setup and seat

    function _setLine(PoolArgs memory a, uint256 line, string memory name, uint256 cap, uint64 period) internal {
        Line storage l = _lines[line];
        if (line == _lineCount) _lineCount = uint16(line + 1);
        uint32 index = _periodIndex(a, period);
        // A new period length re-indexes the line; what was spent stays counted, so a change frees no cap.
        if (l.period != 0 && l.periodIndex != _periodIndex(a, l.period)) l.spent = 0;
        l.name = name;
        l.cap = uint96(cap);
        l.period = uint32(period);
        l.periodIndex = index;
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

    function _checkRules(Rules memory r) internal pure {
        _checkDuration(Parameter.ClaimDelay, r.claimDelay);
        _checkDuration(Parameter.RuleChangeDelay, r.ruleChangeDelay);
        _checkDuration(Parameter.InactivityPeriod, r.inactivityPeriod);
        _checkDuration(Parameter.VacancyPeriod, r.vacancyPeriod);
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

    function _seatState() internal view returns (Seat memory) {
        return _seat;
    }

    function _storeSeat(Seat memory s) internal {
        _seat = s;
    }

    function _maintainerOf() internal view returns (address) {
        return _maintainer;
    }

    function _rulesInForce() internal view returns (Rules memory) {
        return _rules;
    }

    function _writeMaintainer(address next) internal {
        _maintainer = next;
    }

    /// @dev Voids every pending claim and change filed so far (a recall succeeded, or the recalled
    /// maintainer stepped down).
    function _voidPending(Seat memory s) internal {
        s.voidBelow = s.claimCount;
        _proposalsVoidBelow = _proposalCount;
    }
}
