// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {BitMaps} from "@openzeppelin/contracts/utils/structs/BitMaps.sol";

import {IPoolChanges, Parameter} from "../interfaces/IPool.sol";
import {Proposal, ProposalKind, ProposalStatus} from "../types/Proposal.sol";
import {Rules} from "../types/Rules.sol";
import {SeatStatus} from "../types/Seat.sol";
import {PoolBudget} from "./PoolBudget.sol";

/// @title PoolChanges
/// @notice Changes to budget lines and rules. The maintainer proposes; the change takes effect only after
/// `ruleChangeDelay`, and matured weight can reject it in the meantime exactly as it rejects a claim, so
/// donors always see a change before it can spend their money.
/// @dev Served by `PoolExtension` through the pool's fallback; its state sits in `PoolBudget`'s storage.
abstract contract PoolChanges is PoolBudget, IPoolChanges {
    using BitMaps for BitMaps.BitMap;

    /// @dev Proposal `line` of a line that does not exist yet: it gets its id when the change is applied.
    uint16 private constant NEW_LINE = type(uint16).max;

    // ---------------------------------------------------------------- views

    /// @inheritdoc IPoolChanges
    function proposal(uint256 proposalId) external view returns (Proposal memory p) {
        p = _proposals[proposalId];
        if (p.status != ProposalStatus.None) p.status = _proposalStatusOf(proposalId, p.status);
    }

    /// @inheritdoc IPoolChanges
    function proposalCount() external view returns (uint256) {
        return _office.proposalCount;
    }

    /// @inheritdoc IPoolChanges
    function hasObjectedToChange(uint256 proposalId, address contributor) external view returns (bool) {
        return _changeObjections[contributor].get(proposalId);
    }

    // ---------------------------------------------------------------- transactions: changes

    /// @inheritdoc IPoolChanges
    function proposeBudgetChange(uint256 line, string calldata name, uint256 cap, uint64 period)
        external
        onlyActiveMaintainer
        returns (uint256 proposalId)
    {
        uint256 count = _office.lineCount;
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

    /// @inheritdoc IPoolChanges
    function proposeRulesChange(Rules calldata newRules) external onlyActiveMaintainer returns (uint256 proposalId) {
        _checkRules(newRules, _args().epochLength);
        proposalId = _propose(ProposalKind.Rules);
        _proposals[proposalId].rules = newRules;
    }

    /// @inheritdoc IPoolChanges
    function objectToChange(uint256 proposalId) external {
        Proposal storage p = _proposals[proposalId];
        ProposalStatus status = _proposalStatusOf(proposalId, p.status);
        if (status != ProposalStatus.Pending) revert PoolProposalNotPending(proposalId, status);
        if (block.timestamp >= p.effectiveAt) revert PoolChallengeWindowClosed(proposalId, p.effectiveAt);
        (uint256 weight, uint128 toReject) = _tally(_changeObjections[msg.sender], proposalId, proposalId, p.toReject);
        p.toReject = toReject;
        emit ChangeObjected(proposalId, msg.sender, weight, toReject);
        if (toReject == 0) {
            p.status = ProposalStatus.Rejected;
            emit ChangeRejected(proposalId);
        }
    }

    /// @inheritdoc IPoolChanges
    function applyChange(uint256 proposalId) external {
        Proposal storage p = _proposals[proposalId];
        ProposalStatus status = _proposalStatusOf(proposalId, p.status);
        if (status != ProposalStatus.Pending) revert PoolProposalNotPending(proposalId, status);
        if (_seatState().status == SeatStatus.Recall) revert PoolPaymentsFrozen();
        if (block.timestamp < p.effectiveAt) revert PoolNoticePeriod(proposalId, p.effectiveAt);
        p.status = ProposalStatus.Applied;
        if (p.kind == ProposalKind.Rules) {
            _setRules(p.rules);
        } else {
            uint256 line = p.line == NEW_LINE ? _office.lineCount : p.line;
            // Two additions proposed side by side each saw room for one more line.
            if (line >= MAX_LINES) revert PoolInvalidParameter(Parameter.LineCount, line + 1);
            _setLine(_args(), line, p.name, p.cap, p.period);
        }
        emit ChangeApplied(proposalId);
    }

    /// @inheritdoc IPoolChanges
    function cancelChange(uint256 proposalId) external {
        if (msg.sender != _maintainerOf()) revert PoolNotMaintainer(msg.sender);
        Proposal storage p = _proposals[proposalId];
        ProposalStatus status = _proposalStatusOf(proposalId, p.status);
        if (status != ProposalStatus.Pending) revert PoolProposalNotPending(proposalId, status);
        p.status = ProposalStatus.Cancelled;
        _touchMaintainer();
        emit ChangeCancelled(proposalId);
    }

    // ---------------------------------------------------------------- internal

    function _proposalStatusOf(uint256 proposalId, ProposalStatus stored) private view returns (ProposalStatus) {
        if (stored == ProposalStatus.None) revert PoolUnknownProposal(proposalId);
        if (stored == ProposalStatus.Pending && (proposalId < _office.proposalsVoidBelow || _isFrozen())) {
            return ProposalStatus.Cancelled;
        }
        return stored;
    }

    function _propose(ProposalKind kind) private returns (uint256 proposalId) {
        Rules memory r = _rulesInForce();
        proposalId = _office.proposalCount++;
        Proposal storage p = _proposals[proposalId];
        p.kind = kind;
        p.status = ProposalStatus.Pending;
        p.effectiveAt = uint40(block.timestamp + r.ruleChangeDelay);
        p.toReject = _rejectionBar(r.objectionQuorumBps);
        _touchMaintainer();
        emit ChangeProposed(proposalId, kind, p.effectiveAt);
    }
}
