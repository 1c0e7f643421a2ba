// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {BitMaps} from "@openzeppelin/contracts/utils/structs/BitMaps.sol";

import {IPoolBudget, IPoolChanges, IPoolGiving, Parameter} from "../interfaces/IPool.sol";
import {Line} from "../types/Line.sol";
import {Proposal, ProposalKind, ProposalStatus} from "../types/Proposal.sol";
import {Rules} from "../types/Rules.sol";
import {SeatStatus} from "../types/Seat.sol";
import {BudgetRules} from "./BudgetRules.sol";
import {PoolState, PoolStorage} from "./PoolStorage.sol";

/// @title PoolChanges
/// @notice Changes to budget lines and rules. The maintainer proposes; the change takes effect only after
/// `ruleChangeDelay`, and matured weight can reject it in the meantime exactly as it rejects a claim, so
/// donors always see a change before it can spend their money. A change is recorded as what it changes (the
/// fields that differ from those in force when it is proposed) and applying it writes those fields only, so
/// whatever order changes are applied in, none undoes a field another changed.
/// @dev Served by `PoolExtension` through the pool's fallback, on the pool's one root (`PoolState`).
abstract contract PoolChanges is BudgetRules, IPoolChanges {
    using BitMaps for BitMaps.BitMap;

    /// @dev Proposal `line` of a line that does not exist yet: it gets its id when the change is applied.
    uint16 private constant NEW_LINE = type(uint16).max;
    /// @dev `Proposal.changes` bits of a budget-line change (a Rules change uses bit i for the i-th rule).
    uint8 private constant LINE_NAME = 1;
    uint8 private constant LINE_CAP = 2;
    uint8 private constant LINE_PERIOD = 4;

    // ---------------------------------------------------------------- views

    /// @inheritdoc IPoolChanges
    function proposal(uint256 proposalId) external view returns (Proposal memory p) {
        PoolState storage $ = PoolStorage.load();
        p = $.proposals[proposalId];
        if (p.status != ProposalStatus.None) p.status = _proposalStatusOf($, proposalId, p.status);
    }

    /// @inheritdoc IPoolChanges
    function proposalCount() external view returns (uint256) {
        return PoolStorage.load().office.proposalCount;
    }

    /// @inheritdoc IPoolChanges
    function hasObjectedToChange(uint256 proposalId, address contributor) external view returns (bool) {
        return PoolStorage.load().changeObjections[contributor].get(proposalId);
    }

    // ---------------------------------------------------------------- transactions: changes

    /// @inheritdoc IPoolChanges
    function proposeBudgetChange(uint256 line, string calldata name, uint256 cap, uint64 period)
        external
        onlyActiveMaintainer
        returns (uint256 proposalId)
    {
        PoolState storage $ = PoolStorage.load();
        uint256 count = $.office.lineCount;
        if (line > count) revert IPoolBudget.PoolUnknownLine(line, count);
        bool isNew = line == count;
        if (isNew && count >= MAX_LINES) revert IPoolGiving.PoolInvalidParameter(Parameter.LineCount, count + 1);
        _checkLine(name, cap, period, isNew);
        uint8 changes = isNew ? LINE_NAME | LINE_CAP | LINE_PERIOD : _lineChanges($, line, name, cap, period);
        if (changes == 0) revert PoolChangesNothing(ProposalKind.BudgetLine, line);
        proposalId = _propose($, ProposalKind.BudgetLine, isNew ? NEW_LINE : uint16(line), changes);
        // Only what changes is stored: an unchanged name or cap and period cost no slot.
        Proposal storage p = $.proposals[proposalId];
        if (changes & LINE_CAP != 0) p.cap = uint96(cap);
        if (changes & LINE_PERIOD != 0) p.period = uint32(period);
        if (changes & LINE_NAME != 0) p.name = name;
    }

    /// @inheritdoc IPoolChanges
    function proposeRulesChange(Rules calldata newRules) external onlyActiveMaintainer returns (uint256 proposalId) {
        _checkRules(newRules, _args().epochLength);
        PoolState storage $ = PoolStorage.load();
        uint256[7] memory inForce = _fieldsOf($.rules);
        uint256[7] memory proposed = _fieldsOf(newRules);
        uint8 changes;
        // Bit i: the i-th field of `Rules` differs from the one in force; a field that does not is stored as 0.
        for (uint256 i; i < 7; ++i) {
            if (proposed[i] != inForce[i]) changes |= uint8(1 << i);
            else proposed[i] = 0;
        }
        if (changes == 0) revert PoolChangesNothing(ProposalKind.Rules, 0);
        proposalId = _propose($, ProposalKind.Rules, 0, changes);
        $.proposals[proposalId].rules = _rulesOf(proposed);
    }

    /// @inheritdoc IPoolChanges
    function objectToChange(uint256 proposalId) external {
        PoolState storage $ = PoolStorage.load();
        Proposal storage p = $.proposals[proposalId];
        ProposalStatus status = _proposalStatusOf($, proposalId, p.status);
        if (status != ProposalStatus.Pending) revert PoolProposalNotPending(proposalId, status);
        if (block.timestamp >= p.effectiveAt) revert PoolChangeWindowClosed(proposalId, p.effectiveAt);
        BitMaps.BitMap storage objected = $.changeObjections[msg.sender];
        if (objected.get(proposalId)) revert PoolAlreadyObjectedToChange(proposalId, msg.sender);
        (uint256 weight, uint128 toReject) = _tally(objected, proposalId, p.toReject);
        p.toReject = toReject;
        emit ChangeObjected(proposalId, msg.sender, weight, toReject);
        if (toReject == 0) {
            p.status = ProposalStatus.Rejected;
            emit ChangeRejected(proposalId);
        }
    }

    /// @inheritdoc IPoolChanges
    function applyChange(uint256 proposalId) external {
        PoolState storage $ = PoolStorage.load();
        Proposal storage p = $.proposals[proposalId];
        ProposalStatus status = _proposalStatusOf($, proposalId, p.status);
        if (status != ProposalStatus.Pending) revert PoolProposalNotPending(proposalId, status);
        if ($.seat.status == SeatStatus.Recall) revert PoolChangesFrozen(proposalId);
        if (block.timestamp < p.effectiveAt) revert PoolNoticePeriod(proposalId, p.effectiveAt);
        p.status = ProposalStatus.Applied;
        if (p.kind == ProposalKind.Rules) _applyRules($, p);
        else _applyLine($, p);
        emit ChangeApplied(proposalId);
    }

    /// @inheritdoc IPoolChanges
    function cancelChange(uint256 proposalId) external {
        PoolState storage $ = PoolStorage.load();
        if (msg.sender != $.office.maintainer) revert IPoolBudget.PoolNotMaintainer(msg.sender);
        Proposal storage p = $.proposals[proposalId];
        ProposalStatus status = _proposalStatusOf($, proposalId, p.status);
        if (status != ProposalStatus.Pending) revert PoolProposalNotPending(proposalId, status);
        p.status = ProposalStatus.Cancelled;
        _touchMaintainer();
        emit ChangeCancelled(proposalId);
    }

    // ---------------------------------------------------------------- internal

    function _proposalStatusOf(PoolState storage $, uint256 proposalId, ProposalStatus stored)
        private
        view
        returns (ProposalStatus)
    {
        if (stored == ProposalStatus.None) revert PoolUnknownProposal(proposalId);
        if (stored == ProposalStatus.Pending && (proposalId < $.office.proposalsVoidBelow || _isFrozen())) {
            return ProposalStatus.Cancelled;
        }
        return stored;
    }

    /// @dev What a change to existing `line` changes: a bit for each of name, cap and period that differs.
    function _lineChanges(PoolState storage $, uint256 line, string calldata name, uint256 cap, uint256 period)
        private
        view
        returns (uint8 changes)
    {
        Line storage l = $.lines[line];
        if (l.cap != cap) changes = LINE_CAP;
        if (l.period != period) changes |= LINE_PERIOD;
        if (keccak256(bytes(l.name)) != keccak256(bytes(name))) changes |= LINE_NAME;
    }

    /// @dev Writes the rules a proposal changes; the others stay as they stand now (another change may have set
    /// them since it was proposed).
    function _applyRules(PoolState storage $, Proposal storage p) private {
        uint256[7] memory r = _fieldsOf($.rules);
        uint256[7] memory n = _fieldsOf(p.rules);
        uint256 changes = p.changes;
        for (uint256 i; i < 7; ++i) {
            if (changes & (1 << i) != 0) r[i] = n[i];
        }
        _setRules(_rulesOf(r));
    }

    /// @dev Writes the line fields a proposal changes (all three for a new line); the others stay as they stand.
    function _applyLine(PoolState storage $, Proposal storage p) private {
        uint256 line = p.line == NEW_LINE ? $.office.lineCount : p.line;
        // Two additions proposed side by side each saw room for one more line.
        if (line >= MAX_LINES) revert IPoolGiving.PoolInvalidParameter(Parameter.LineCount, line + 1);
        Line storage l = $.lines[line];
        uint8 changes = p.changes;
        _setLine(
            _args(),
            line,
            changes & LINE_NAME != 0 ? p.name : l.name,
            changes & LINE_CAP != 0 ? p.cap : l.cap,
            changes & LINE_PERIOD != 0 ? p.period : l.period
        );
    }

    /// @dev The rules as an array in their declaration order (bit i of a Rules change is field i).
    function _fieldsOf(Rules memory r) private pure returns (uint256[7] memory) {
        return [
            uint256(r.claimDelay),
            r.ruleChangeDelay,
            r.inactivityPeriod,
            r.vacancyPeriod,
            r.objectionQuorumBps,
            r.electionQuorumBps,
            r.recallThresholdBps
        ];
    }

    /// @dev Back from `_fieldsOf`; every value came from a `Rules`, so each fits its field.
    function _rulesOf(uint256[7] memory f) private pure returns (Rules memory) {
        return Rules({
            claimDelay: uint32(f[0]),
            ruleChangeDelay: uint32(f[1]),
            inactivityPeriod: uint32(f[2]),
            vacancyPeriod: uint32(f[3]),
            objectionQuorumBps: uint16(f[4]),
            electionQuorumBps: uint16(f[5]),
            recallThresholdBps: uint16(f[6])
        });
    }

    /// @dev Records a proposal's first slot (kind, status, notice, line, what it changes, objection bar) in one write.
    function _propose(PoolState storage $, ProposalKind kind, uint16 line, uint8 changes)
        private
        returns (uint256 proposalId)
    {
        Rules memory r = $.rules;
        proposalId = $.office.proposalCount++;
        Proposal storage p = $.proposals[proposalId];
        uint40 effectiveAt = uint40(block.timestamp + r.ruleChangeDelay);
        p.kind = kind;
        p.status = ProposalStatus.Pending;
        p.effectiveAt = effectiveAt;
        p.line = line;
        p.changes = changes;
        p.toReject = _rejectionBar(_args(), r.objectionQuorumBps);
        _touchMaintainer();
        emit ChangeProposed(proposalId, kind, effectiveAt);
    }
}
