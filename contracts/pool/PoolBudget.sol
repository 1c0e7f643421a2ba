// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {BitMaps} from "@openzeppelin/contracts/utils/structs/BitMaps.sol";

import {IPoolBudget} from "../interfaces/IPool.sol";
import {Claim, ClaimStatus} from "../types/Claim.sol";
import {Line} from "../types/Line.sol";
import {PoolArgs} from "../types/PoolArgs.sol";
import {Rules} from "../types/Rules.sol";
import {Seat, SeatStatus} from "../types/Seat.sol";
import {BudgetRules} from "./BudgetRules.sol";
import {PoolGiving} from "./PoolGiving.sol";
import {PoolState, PoolStorage} from "./PoolStorage.sol";

/// @title PoolBudget
/// @notice Budget lines and expense claims. A maintainer is paid only by rules donors could read before giving:
/// a claim reserves budget, waits out a challenge window in which matured weight can reject it, and is then
/// paid by anyone. Changes to lines and rules are proposed in `PoolChanges`.
abstract contract PoolBudget is BudgetRules, PoolGiving, IPoolBudget {
    using BitMaps for BitMaps.BitMap;

    // ---------------------------------------------------------------- views

    /// @inheritdoc IPoolBudget
    function receiptOf(uint256 claimId) external view returns (bytes32) {
        return PoolStorage.load().claims[claimId].status == ClaimStatus.None ? bytes32(0) : bytes32(claimId);
    }

    /// @inheritdoc IPoolBudget
    function claimCount() external view returns (uint256) {
        return PoolStorage.load().seat.claimCount;
    }

    /// @inheritdoc IPoolBudget
    function lineCount() external view returns (uint256) {
        return PoolStorage.load().office.lineCount;
    }

    /// @inheritdoc IPoolBudget
    function rules() external view returns (Rules memory) {
        return PoolStorage.load().rules;
    }

    /// @inheritdoc IPoolBudget
    function hasObjected(uint256 claimId, address contributor) external view returns (bool) {
        PoolState storage $ = PoolStorage.load();
        Claim storage c = $.claims[claimId];
        return c.status != ClaimStatus.None && $.claimObjections[contributor].get(c.number);
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
        // Only the active maintainer files (as `onlyActiveMaintainer`, with the seat read once for the number too).
        PoolState storage $ = PoolStorage.load();
        if (msg.sender != $.office.maintainer) revert PoolNotMaintainer(msg.sender);
        Seat memory s = $.seat;
        if (s.status != SeatStatus.Filled) revert PoolSeatStatus(s.status);
        claimId = uint256(receiptHash);
        // The slot is written below anyway, so this read costs no extra cold access.
        if ($.claims[claimId].status != ClaimStatus.None) revert PoolReceiptAlreadyFiled(receiptHash);
        // Filing is the maintainer's activity; the claim takes the next number.
        uint32 number = s.claimCount++;
        s.lastActive = uint40(block.timestamp);
        $.seat = s;
        PoolArgs memory a = _args();
        Rules memory r = $.rules;
        (uint32 index, uint32 period) = _reserve($, a, line, amount);
        $.claims[claimId] = Claim({
            payee: payee,
            amount: uint96(amount),
            number: number,
            payableAt: uint40(block.timestamp + r.claimDelay),
            periodIndex: index,
            period: period,
            line: uint8(line), // < MAX_LINES
            status: ClaimStatus.Pending,
            toReject: uint104(_rejectionBar(a, r.objectionQuorumBps)) // total weight < 2^97
        });
        emit ClaimFiled(claimId, line, payee, amount, receiptHash, receiptURI);
    }

    /// @inheritdoc IPoolBudget
    function object(uint256 claimId) external {
        PoolState storage $ = PoolStorage.load();
        // Reads only the claim's state slot: a paid claim still reads Pending there, but its window has closed.
        Claim storage c = $.claims[claimId];
        ClaimStatus status = c.status;
        if (status != ClaimStatus.Pending) _revertNotPending(claimId, status);
        if (block.timestamp >= c.payableAt) revert PoolChallengeWindowClosed(claimId, c.payableAt);
        // Within its window a claim cannot have been paid, so a stored-pending claim is void exactly when the
        // seat says so; a void claim stays void (its weight would count against a record nobody can act on).
        Seat memory s = $.seat;
        uint32 number = c.number;
        if (number < s.voidBelow || s.status == SeatStatus.WoundDown) revert PoolClaimVoid(claimId);
        BitMaps.BitMap storage objected = $.claimObjections[msg.sender];
        if (objected.get(number)) revert PoolAlreadyObjected(claimId, msg.sender);
        (uint256 weight, uint128 toReject) = _tally(objected, number, c.toReject);
        c.toReject = uint104(toReject); // <= the bar set at filing
        emit ClaimObjected(claimId, msg.sender, weight, toReject);
        if (toReject == 0) {
            c.status = ClaimStatus.Rejected;
            _release($, c);
            emit ClaimRejected(claimId);
        }
    }

    /// @inheritdoc IPoolBudget
    function payClaim(uint256 claimId) external nonReentrant {
        PoolState storage $ = PoolStorage.load();
        Claim storage c = $.claims[claimId];
        Claim memory m = c;
        Seat memory s = $.seat;
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
        $.seat.paid = s.paid + m.amount; // <= totalGiven < 2^96
        if (!_push(_args().asset, m.payee, m.amount)) revert PoolPaymentFailed(claimId, m.payee);
        emit ClaimPaid(claimId);
    }

    /// @inheritdoc IPoolBudget
    function cancelClaim(uint256 claimId) external {
        PoolState storage $ = PoolStorage.load();
        if (msg.sender != $.office.maintainer) revert PoolNotMaintainer(msg.sender);
        Claim storage c = $.claims[claimId];
        ClaimStatus status = _statusOf(c, $.seat);
        if (status != ClaimStatus.Pending) _revertNotPending(claimId, status);
        c.status = ClaimStatus.Cancelled;
        _release($, c);
        $.seat.lastActive = uint40(block.timestamp);
        emit ClaimCancelled(claimId);
    }

    // ---------------------------------------------------------------- internal

    /// @dev Reserves `amount` of `line`'s current period (the spending of an older period no longer counts)
    /// and returns the period's index and length.
    function _reserve(PoolState storage $, PoolArgs memory a, uint256 line, uint256 amount)
        private
        returns (uint32 index, uint32 period)
    {
        Line storage l = $.lines[line];
        period = l.period;
        // Lines are never deleted (a closed line has cap 0), so a line exists iff it has a period.
        if (period == 0) revert PoolUnknownLine(line, $.office.lineCount);
        index = _periodIndex(a, period);
        uint256 spent = l.periodIndex == index ? l.spent : 0;
        uint256 cap = l.cap;
        uint256 left = cap > spent ? cap - spent : 0;
        if (amount > left) revert PoolOverBudget(line, amount, left);
        l.periodIndex = index;
        l.spent = uint96(spent + amount); // <= cap < 2^96
    }

    function _revertNotPending(uint256 claimId, ClaimStatus status) private pure {
        if (status == ClaimStatus.None) revert PoolUnknownClaim(claimId);
        revert PoolClaimNotPending(claimId, status);
    }

    /// @dev Frees a claim's reservation where its (length, index) period is kept: in the line's live period if
    /// the line has that length, else aside, if that period is still running. A period that has ended needs
    /// nothing freed: no claim can be filed in it again.
    function _release(PoolState storage $, Claim storage c) private {
        uint256 line = c.line;
        uint32 period = c.period;
        uint32 index = c.periodIndex;
        Line storage l = $.lines[line];
        if (l.period == period) {
            // Same length: the live index is the claim's, or a later one (then the claim's period has ended).
            if (l.periodIndex == index) l.spent -= c.amount;
        } else if (index == _periodIndex(_args(), period)) {
            // The spending kept aside includes the claim: it was live when the line left this length.
            $.asideSpent[_asideKey(line, period, index)] -= c.amount;
        }
    }
}
