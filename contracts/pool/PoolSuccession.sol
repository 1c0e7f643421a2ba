// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {BitMaps} from "@openzeppelin/contracts/utils/structs/BitMaps.sol";

import {IPoolSuccession} from "../interfaces/IPool.sol";
import {Contribution, PackedContribution} from "../types/Contribution.sol";
import {Candidate, Election, ElectionKind, ElectionPhase, Petition} from "../types/Election.sol";
import {PoolArgs} from "../types/PoolArgs.sol";
import {Seat, SeatStatus} from "../types/Seat.sol";
import {PoolState, PoolStorage} from "./PoolStorage.sol";
import {PoolSubscriptions} from "./PoolSubscriptions.sol";
import {SuccessionRules} from "./SuccessionRules.sol";

/// @title PoolSuccession
/// @notice A project must survive its maintainer. The seat opens when the maintainer steps down, goes silent
/// for `inactivityPeriod`, or is recalled by petition; contributors then nominate and vote in a successor
/// during exactly one epoch, so every voter's weight is fixed for the whole vote. If the seat stays open for
/// `vacancyPeriod` with no election voting, anyone may wind the pool down and contributors reclaim what is
/// left, pro rata to what they gave.
abstract contract PoolSuccession is SuccessionRules, PoolSubscriptions, IPoolSuccession {
    using BitMaps for BitMaps.BitMap;

    /// @dev Whole epochs after the one a recall the incumbent survived ended in, during which no petition may
    /// start: payouts run for at least that long between two recalls, so a holder of the recall threshold can
    /// delay them by one recall at a time, never freeze them for good.
    uint256 private constant PETITION_PAUSE_EPOCHS = 2;
    /// @dev A candidate's statement: a name as long as a budget line's, a URI long enough for a short `data:` text.
    uint256 private constant MAX_STATEMENT_NAME = 64; // bytes
    uint256 private constant MAX_STATEMENT_URI = 1024; // bytes

    // ---------------------------------------------------------------- views

    /// @inheritdoc IPoolSuccession
    function maintainer() external view returns (address) {
        return PoolStorage.load().office.maintainer;
    }

    /// @inheritdoc IPoolSuccession
    function seat() external view returns (SeatStatus status, uint256 lastActive, uint256 openedAt) {
        Seat memory s = PoolStorage.load().seat;
        return (s.status, s.lastActive, s.openedAt);
    }

    /// @inheritdoc IPoolSuccession
    function electionKind() external view returns (ElectionKind) {
        return PoolStorage.load().election.kind;
    }

    /// @inheritdoc IPoolSuccession
    function candidate(uint256 electionId, address who) external view returns (bool nominated, uint256 votes) {
        Candidate memory c = PoolStorage.load().candidates[electionId][who];
        return (c.nominated, c.votes);
    }

    /// @inheritdoc IPoolSuccession
    function hasVoted(uint256 electionId, address voter) external view returns (bool) {
        return electionId != 0 && PoolStorage.load().contributions[voter].unpack().votedElection == electionId;
    }

    /// @inheritdoc IPoolSuccession
    function reclaimable(address contributor) public view returns (uint256) {
        if (!_isFrozen()) return 0;
        PoolState storage $ = PoolStorage.load();
        // The denominator is what contributors gave: swept stray funds are nobody's share.
        uint256 given = $.contributions[contributor].unpack().given;
        uint256 total = $.totals.unpack().given - $.swept;
        return total == 0 ? 0 : $.left * given / total;
    }

    /// @inheritdoc IPoolSuccession
    function windDownState() external view returns (uint256 left, uint256 reclaimed) {
        PoolState storage $ = PoolStorage.load();
        return ($.left, $.reclaimed);
    }

    // ---------------------------------------------------------------- transactions: the seat

    /// @inheritdoc IPoolSuccession
    function stepDown() external {
        PoolState storage $ = PoolStorage.load();
        Seat memory s = $.seat;
        address incumbent = $.office.maintainer;
        if (msg.sender != incumbent) revert PoolNotMaintainer(msg.sender);
        if (s.status == SeatStatus.Recall) {
            // A recalled maintainer cannot unfreeze their pending claims by leaving: they are void.
            _voidPending(s);
            // The recall election goes on as a vacancy election (same id, same voting epoch): said as such.
            $.election.kind = ElectionKind.Vacancy;
            _emitCalled(_args(), $.election.id, ElectionKind.Vacancy, $.election.votingEpoch);
        }
        _openSeat(s, incumbent);
        if ($.election.kind == ElectionKind.None) _startElection(ElectionKind.Vacancy, address(0));
    }

    /// @inheritdoc IPoolSuccession
    function heartbeat() external {
        if (msg.sender != PoolStorage.load().office.maintainer) revert PoolNotMaintainer(msg.sender);
        _touchMaintainer();
        emit Heartbeat(msg.sender);
    }

    /// @inheritdoc IPoolSuccession
    function petitionRecall() external {
        PoolState storage $ = PoolStorage.load();
        Seat memory s = $.seat;
        if (s.status != SeatStatus.Filled) revert PoolSeatStatus(s.status);
        PoolArgs memory a = _args();
        uint32 e = _epochOf(a);
        Petition memory p = $.petition;
        if (p.weight == 0 || e >= uint256(p.startEpoch) + PETITION_EPOCHS) {
            // Old signatures expire with their petition, so they never pile up. A petition that opened a
            // recall is spent (weight 0): the next signature starts a new one too, once petitions are open.
            if (e < p.opensEpoch) revert PoolPetitionsClosed(_epochStart(a, p.opensEpoch));
            p = Petition({id: p.id + 1, startEpoch: e, weight: 0, opensEpoch: p.opensEpoch});
        }
        if ($.signed[msg.sender].get(p.id)) revert PoolAlreadySigned(msg.sender, p.id);
        uint256 weight = _weightOf(a, msg.sender);
        if (weight == 0) revert PoolNoWeight(msg.sender);
        $.signed[msg.sender].set(p.id);
        p.weight += uint128(weight);
        emit RecallSigned(p.id, msg.sender, weight, p.weight);
        if (uint256(p.weight) * BPS >= uint256($.rules.recallThresholdBps) * _totalWeight(a)) {
            p.weight = 0;
            s.status = SeatStatus.Recall;
            $.seat = s;
            _startElection(ElectionKind.Recall, $.office.maintainer);
        }
        $.petition = p;
    }

    /// @inheritdoc IPoolSuccession
    function callElection() external {
        PoolState storage $ = PoolStorage.load();
        Seat memory s = $.seat;
        if (s.status == SeatStatus.WoundDown) revert PoolIsWoundDown();
        if ($.election.kind != ElectionKind.None) revert PoolElectionOpen($.election.id);
        if (s.status == SeatStatus.Filled) {
            uint256 abandonedAt = uint256(s.lastActive) + $.rules.inactivityPeriod;
            if (block.timestamp < abandonedAt) revert PoolMaintainerActive(abandonedAt);
            _openSeat(s, $.office.maintainer);
        }
        _startElection(ElectionKind.Vacancy, address(0));
    }

    // ---------------------------------------------------------------- transactions: elections

    /// @inheritdoc IPoolSuccession
    function nominate(address who) public {
        PoolState storage $ = PoolStorage.load();
        PoolArgs memory a = _args();
        Election memory el = $.election;
        ElectionPhase phase = _phase(a, el);
        if (phase != ElectionPhase.Nominating) revert PoolElectionPhase(phase);
        if (who == address(0)) revert PoolZeroCandidate();
        if (_weightOf(a, msg.sender) == 0) revert PoolNoWeight(msg.sender);
        Candidate storage c = $.candidates[el.id][who];
        if (c.nominated) revert PoolAlreadyNominated(who);
        c.nominated = true;
        emit Nominated(el.id, who, msg.sender);
    }

    /// @inheritdoc IPoolSuccession
    function nominateWithStatement(address who, string calldata name, string calldata uri) external {
        nominate(who);
        if (bytes(name).length != 0 || bytes(uri).length != 0) _state(PoolStorage.load().election.id, who, name, uri);
    }

    /// @inheritdoc IPoolSuccession
    function describeCandidacy(string calldata name, string calldata uri) external {
        PoolState storage $ = PoolStorage.load();
        Election memory el = $.election;
        ElectionPhase phase = _phase(_args(), el);
        if (phase != ElectionPhase.Nominating && phase != ElectionPhase.Voting) revert PoolElectionPhase(phase);
        if (!$.candidates[el.id][msg.sender].nominated) revert PoolNotNominated(msg.sender);
        _state(el.id, msg.sender, name, uri);
    }

    /// @inheritdoc IPoolSuccession
    function vote(address who) external {
        PoolState storage $ = PoolStorage.load();
        PoolArgs memory a = _args();
        Election memory el = $.election;
        ElectionPhase phase = _phase(a, el);
        if (phase != ElectionPhase.Voting) revert PoolElectionPhase(phase);
        Candidate storage c = $.candidates[el.id][who];
        if (!c.nominated) revert PoolNotNominated(who);
        Contribution memory voter = $.contributions[msg.sender].unpack();
        if (voter.votedElection == el.id) revert PoolAlreadyVoted(msg.sender, el.id);
        // Voting lasts exactly one epoch, so this weight (and the total) is the same all vote long.
        uint256 weight = _weightOf(a, msg.sender);
        if (weight == 0) revert PoolNoWeight(msg.sender);
        voter.votedElection = el.id;
        $.contributions[msg.sender] = voter.pack();
        // Below the voting epoch's total matured weight, itself below 2^97 (see `Election`): no cast truncates.
        uint256 votes = c.votes + weight;
        c.votes = uint128(votes);
        if (el.weightEpoch != el.votingEpoch) {
            // The first vote records the voting epoch's total, the quorum's base.
            el.totalWeight = uint112(_totalWeight(a));
            el.weightEpoch = el.votingEpoch;
        }
        // Strictly more: on a tie the first to reach the score keeps the lead.
        if (votes > el.leaderVotes) {
            el.leader = who;
            el.leaderVotes = uint112(votes);
        }
        $.election = el;
        emit Voted(el.id, msg.sender, who, weight);
    }

    /// @inheritdoc IPoolSuccession
    function finalizeElection() external {
        PoolState storage $ = PoolStorage.load();
        PoolArgs memory a = _args();
        Election memory el = $.election;
        ElectionPhase phase = _phase(a, el);
        if (phase == ElectionPhase.None) revert PoolNoElection();
        if (phase != ElectionPhase.Counting) revert PoolElectionPhase(phase);
        bool installed = _reachesQuorum(el);
        $.election.kind = ElectionKind.None;
        Seat memory s = $.seat;
        if (el.kind == ElectionKind.Recall) {
            // A failed recall, or the incumbent winning it, leaves the seat as it was, its clock too: only the
            // maintainer's own acts show they are active, and a recall is none of them.
            address incumbent = $.office.maintainer;
            if (installed && el.leader != incumbent) {
                _voidPending(s);
                _changeMaintainer(incumbent, el.leader);
                s.lastActive = uint40(block.timestamp);
            } else {
                // The incumbent survived: the same weight could petition again at once and freeze payouts for
                // good, so petitions pause for the rest of this epoch and PETITION_PAUSE_EPOCHS more.
                $.petition.opensEpoch = uint32(_epochOf(a) + 1 + PETITION_PAUSE_EPOCHS);
            }
            s.status = SeatStatus.Filled;
        } else if (installed) {
            _changeMaintainer(address(0), el.leader);
            s.status = SeatStatus.Filled;
            s.lastActive = uint40(block.timestamp);
        }
        $.seat = s;
        emit ElectionFinalized(el.id, el.leader, el.leaderVotes, installed);
    }

    // ---------------------------------------------------------------- transactions: wind-down

    /// @inheritdoc IPoolSuccession
    function windDown() external {
        PoolState storage $ = PoolStorage.load();
        Seat memory s = $.seat;
        if (s.status == SeatStatus.WoundDown) revert PoolIsWoundDown();
        if (s.status != SeatStatus.Open) revert PoolSeatStatus(s.status);
        uint256 windDownAt = uint256(s.openedAt) + $.rules.vacancyPeriod;
        if (block.timestamp < windDownAt) revert PoolVacancyNotExpired(windDownAt);
        Election memory el = $.election;
        PoolArgs memory a = _args();
        ElectionPhase phase = _phase(a, el);
        // An election that is voting, or that ended with a winner, must be let through (finalize it).
        if (phase == ElectionPhase.Voting || (phase == ElectionPhase.Counting && _reachesQuorum(el))) {
            revert PoolElectionPhase(phase);
        }
        // Any election still open (nominating, or counted short of quorum) ends here, seating nobody.
        if (phase != ElectionPhase.None) emit ElectionFinalized(el.id, el.leader, el.leaderVotes, false);
        // Stray funds are taken in first: everything the pool holds is then reclaimable, pro rata.
        uint256 left = _sweepAndFreeze(a);
        $.left = uint96(left); // the ledger is < 2^96
        $.election.kind = ElectionKind.None;
        s.status = SeatStatus.WoundDown;
        $.seat = s;
        emit WoundDown(left);
    }

    /// @inheritdoc IPoolSuccession
    function reclaim() external nonReentrant returns (uint256 amount) {
        if (!_isFrozen()) revert PoolNotWoundDown();
        amount = reclaimable(msg.sender);
        if (amount == 0) revert PoolNothingToReclaim(msg.sender);
        // Effects first: the contribution is forgotten, so a second reclaim finds nothing (weights are gone after
        // wind-down anyway).
        PoolState storage $ = PoolStorage.load();
        $.contributions[msg.sender] = PackedContribution.wrap(0);
        $.reclaimed += uint96(amount); // the sum of shares never exceeds `left`
        if (!_push(_args().asset, msg.sender, amount)) revert PoolReclaimFailed(msg.sender, amount);
        emit Reclaimed(msg.sender, amount);
    }

    // ---------------------------------------------------------------- internal

    /// @dev Whether the leader's votes reach `electionQuorumBps` of the voting epoch's total matured weight.
    function _reachesQuorum(Election memory el) private view returns (bool) {
        PoolState storage $ = PoolStorage.load();
        return el.leaderVotes != 0
            && uint256(el.leaderVotes) * BPS >= uint256($.rules.electionQuorumBps) * el.totalWeight;
    }

    /// @dev Voting runs for the whole epoch after the current one, or after the next if less than half of
    /// the current epoch is left: nominations always get at least half an epoch.
    function _startElection(ElectionKind kind, address incumbent) private {
        PoolState storage $ = PoolStorage.load();
        PoolArgs memory a = _args();
        uint32 e = _epochOf(a);
        uint256 elapsed = block.timestamp - _epochStart(a, e);
        uint32 votingEpoch = elapsed * 2 <= a.epochLength ? e + 1 : e + 2;
        uint32 id = $.election.id + 1;
        $.election = Election({
            leaderVotes: 0,
            totalWeight: uint112(_totalWeight(a)),
            weightEpoch: e,
            leader: address(0),
            id: id,
            votingEpoch: votingEpoch,
            kind: kind
        });
        _emitCalled(a, id, kind, votingEpoch);
        if (incumbent != address(0)) {
            // In a recall the incumbent stands by right: winning it keeps the seat.
            $.candidates[id][incumbent].nominated = true;
            emit Nominated(id, incumbent, address(0));
        }
    }

    /// @dev Checks a statement's bounds and emits it: an event, never storage, so stating costs no more than its
    /// bytes. A `data:` or `ipfs:` URI is one a client can show without calling a server the candidate chose.
    function _state(uint256 electionId, address who, string calldata name, string calldata uri) private {
        uint256 length = bytes(name).length;
        if (length > MAX_STATEMENT_NAME) revert PoolStatementNameTooLong(length, MAX_STATEMENT_NAME);
        length = bytes(uri).length;
        if (length > MAX_STATEMENT_URI) revert PoolStatementUriTooLong(length, MAX_STATEMENT_URI);
        if (length != 0) {
            bytes5 start = bytes5(bytes(uri));
            if (start != "data:" && start != "ipfs:") revert PoolStatementUriScheme(start);
        }
        emit CandidateStatement(electionId, who, msg.sender, name, uri);
    }

    function _emitCalled(PoolArgs memory a, uint32 id, ElectionKind kind, uint32 votingEpoch) private {
        emit ElectionCalled(id, kind, _epochStart(a, votingEpoch), _epochStart(a, uint256(votingEpoch) + 1));
    }

    function _openSeat(Seat memory s, address incumbent) private {
        PoolState storage $ = PoolStorage.load();
        s.status = SeatStatus.Open;
        s.openedAt = uint40(block.timestamp);
        $.seat = s;
        _changeMaintainer(incumbent, address(0));
    }

    function _changeMaintainer(address previous, address next) internal {
        PoolStorage.load().office.maintainer = next;
        emit MaintainerChanged(previous, next);
    }
}
