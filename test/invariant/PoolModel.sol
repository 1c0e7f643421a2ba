// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IPool} from "../../contracts/interfaces/IPool.sol";
import {BudgetLine} from "../../contracts/types/BudgetLine.sol";
import {ClaimStatus} from "../../contracts/types/Claim.sol";
import {Config} from "../../contracts/types/Config.sol";
import {ElectionPhase} from "../../contracts/types/Election.sol";
import {ProposalKind, ProposalStatus} from "../../contracts/types/Proposal.sol";
import {PledgeStatus} from "../../contracts/types/Recurring.sol";
import {Rules} from "../../contracts/types/Rules.sol";
import {SeatStatus} from "../../contracts/types/Seat.sol";
import {Weighting} from "../../contracts/types/Weighting.sol";
import {MockERC20} from "../../contracts/test/MockERC20.sol";
import {Test} from "../utils/Test.sol";

/// @title PoolModel
/// @notice The ghost state of one pool, written from DESIGN.md and README.md ("Rules, as built"), for the
/// invariant tests: money in and out, each contributor's weight basis and the epoch its newest part matures in,
/// claims with the line period they reserved in, the seat, the election and the petition, rule changes, standing
/// orders and pledges. `PoolHandler` moves it after each call that the pool accepted; the invariants compare
/// the pool's views with it. Nothing here reads the pool's accounting: the model is fed only with what the
/// handler did (who called, with what, when, and what arrived or left in the asset).
/// @dev Weight is computed here from first principles (every credit matures at the next epoch boundary; Linear
/// weight is the matured basis, Quadratic its floor square root), not with the pool's lazy roll-forward.
abstract contract PoolModel is Test {
    uint256 public constant ACTORS = 5;
    uint256 internal constant BPS = 10_000;
    uint256 internal constant MONTH = 30 days; // the month `carried()` reports in (README)
    uint256 internal constant MAX_CATCH_UP = 3; // periods one collection may pull (README)
    uint256 internal constant PETITION_EPOCHS = 2; // a petition collects in its start epoch and the next
    uint256 internal constant PETITION_PAUSE_EPOCHS = 2; // after a survived recall: this epoch and two more

    enum GhostClaimStatus {
        Pending,
        Paid,
        Rejected,
        Cancelled
    }

    /// @dev A filed claim as the model sees it, at its filing number (its place in `_claims`). `id` is the
    /// receipt hash it was filed with, which the pool keys it by. `key` names the (line, period length, period
    /// index) it reserved in. Void is not stored: it follows from `ghostClaimsVoidBelow` and the wind-down.
    struct GhostClaim {
        uint256 id;
        address payee;
        uint256 amount;
        bytes32 key;
        uint256 line;
        uint256 period;
        uint256 periodIndex;
        uint256 payableAt;
        uint256 toReject;
        GhostClaimStatus status;
    }

    /// @dev One line period that saw a claim: the largest cap in force at a filing, what is still reserved
    /// (filed, not cancelled or rejected) and what was paid.
    struct PeriodLedger {
        uint256 line;
        uint256 capMax;
        uint256 reserved;
        uint256 paid;
    }

    struct GhostLine {
        string name;
        uint256 cap;
        uint256 period;
    }

    struct GhostProposal {
        ProposalKind kind;
        ProposalStatus status; // Pending, Applied, Rejected or Cancelled; void follows from the counters
        uint256 effectiveAt;
        uint256 toReject;
        bool isNew;
        uint256 line;
        /// @dev What it changes (README: the fields that differed from those in force when it was proposed);
        /// bits as in `Proposal.changes`. Applying it writes those fields only.
        uint8 changes;
        uint256 cap;
        uint256 period;
        Rules rules;
    }

    /// @dev A contributor's weight basis: money given plus weighted in-kind value; `pending` is the part
    /// credited during `epoch`, which matures when the next epoch starts.
    struct GhostWeight {
        uint256 money;
        uint256 inKind;
        uint256 pending;
        uint256 epoch;
    }

    /// @dev A standing order, and the segment of it since it was last set (subscribe or replace): what the
    /// segment's first due date was and what it has pulled.
    struct GhostOrder {
        uint256 amount;
        uint256 period;
        uint256 nextDue;
        uint256 segStart;
        uint256 segPulled;
    }

    struct GhostPledge {
        address pledger;
        uint256 value;
        uint256 period;
        uint256 periods;
        uint256 delivered;
        PledgeStatus status;
    }

    IPool public immutable pool;
    /// @dev The pool's token; address(0) for an ETH pool.
    MockERC20 public immutable token;
    /// @dev The token's transfer fee (basis points), known to the test that created it.
    uint256 public immutable feeBps;
    address public immutable vendor;
    uint256 internal immutable _genesis;
    uint256 internal immutable _epochLength;
    uint256 internal immutable _inKindBps;
    bool internal immutable _quadratic;

    address[] internal _actors;
    mapping(address actor => uint256) internal _keyOf;

    // ---------------------------------------------------------------- money

    /// @notice Credited to the ledger: gifts (what arrived) and sweeps.
    uint256 public ghostGiven;
    uint256 public ghostSwept;
    uint256 public ghostPaid;
    uint256 public ghostReclaimed;
    /// @notice Asset that reached the pool (gifts, stray transfers, forced ETH) and that left it.
    uint256 public ghostAssetIn;
    uint256 public ghostAssetOut;
    mapping(address contributor => uint256) public ghostGivenBy;
    uint256 public ghostGivenByContributors;

    // ---------------------------------------------------------------- weight

    mapping(address contributor => GhostWeight) internal _weights;
    mapping(address contributor => uint256) public ghostDeliveredBy;

    // ---------------------------------------------------------------- claims and lines

    /// @dev By filing number: the pool numbers claims in filing order, and a recall voids by number.
    GhostClaim[] internal _claims;
    /// @dev A claim id (receipt hash) to its filing number + 1; 0 while no claim was filed under it.
    mapping(uint256 claimId => uint256) internal _numberOf;
    mapping(uint256 number => mapping(address => bool)) internal _objectedClaim;
    bytes32[] internal _periodKeys;
    mapping(bytes32 key => PeriodLedger) internal _periods;
    mapping(bytes32 key => bool) internal _knownPeriod;
    GhostLine[] internal _lines;
    /// @notice Lines whose period length was changed by an applied proposal: what was spent is carried into the
    /// new period (README), so the model predicts what such a line has left only as "never past its cap".
    mapping(uint256 line => bool) public ghostPeriodChanged;

    // ---------------------------------------------------------------- rules and changes

    Rules internal _rules;
    GhostProposal[] internal _proposals;
    mapping(uint256 proposalId => mapping(address => bool)) internal _objectedChange;

    // ---------------------------------------------------------------- seat, election, petition, wind-down

    address public ghostMaintainer;
    SeatStatus public ghostSeat;
    uint256 public ghostLastActive;
    uint256 public ghostOpenedAt;
    uint256 public ghostClaimsVoidBelow;
    uint256 public ghostProposalsVoidBelow;

    uint256 public ghostElectionId;
    /// @dev 0 none, 1 vacancy, 2 recall (ElectionKind's values).
    uint8 public ghostElectionKind;
    uint256 public ghostVotingEpoch;
    address public ghostLeader;
    uint256 public ghostLeaderVotes;
    /// @dev Total matured weight read at the election's first vote (the quorum's base); 0 before.
    uint256 public ghostElectionTotal;
    bool internal _electionTotalFixed;
    mapping(uint256 electionId => mapping(address => bool)) public ghostNominated;
    mapping(uint256 electionId => mapping(address => uint256)) public ghostVotes;
    mapping(uint256 electionId => mapping(address => bool)) public ghostVoted;
    mapping(uint256 electionId => uint256) public ghostVotesCast;

    uint256 public ghostPetitionId;
    uint256 public ghostPetitionStart;
    uint256 public ghostPetitionWeight;
    /// @notice No petition may start before this epoch (a recall the incumbent survived pauses petitions).
    uint256 public ghostPetitionsOpenEpoch;
    mapping(uint256 petitionId => mapping(address => bool)) internal _signed;

    bool public ghostWoundDown;
    uint256 public ghostLeft;
    uint256 public ghostPaidAtWindDown;
    mapping(address contributor => bool) public ghostReclaimedBy;

    // ---------------------------------------------------------------- standing orders and pledges

    mapping(address donor => GhostOrder) internal _orders;
    /// @notice The most one collection pulled, in periods of its order (never above MAX_CATCH_UP).
    uint256 public ghostMaxPeriodsPulled;
    GhostPledge[] internal _pledges;

    // ---------------------------------------------------------------- violations seen by the handler

    /// @notice Calls whose outcome broke a rule, by topic ("ledger", "weight", "claims", ...).
    mapping(bytes32 topic => uint256) public violations;
    /// @notice The first such call of each topic, in words.
    mapping(bytes32 topic => string) public firstViolation;

    constructor(IPool pool_, MockERC20 token_, uint256 feeBps_, Config memory config, BudgetLine[] memory lines) {
        pool = pool_;
        token = token_;
        feeBps = feeBps_;
        vendor = makeAddr("vendor");
        string[5] memory names = ["maya", "noor", "olu", "pia", "quin"];
        for (uint256 i; i < ACTORS; ++i) {
            (address a, uint256 key) = makeAddrAndKey(names[i]);
            _actors.push(a);
            _keyOf[a] = key;
        }
        // Created in the same block as the pool: its genesis, and the maintainer's first activity, are now.
        _genesis = vm.getBlockTimestamp();
        _epochLength = config.epochLength;
        _inKindBps = config.inKindWeightBps;
        _quadratic = config.weighting == Weighting.Quadratic;
        _rules = Rules({
            claimDelay: uint32(config.claimDelay),
            ruleChangeDelay: uint32(config.ruleChangeDelay),
            inactivityPeriod: uint32(config.inactivityPeriod),
            vacancyPeriod: uint32(config.vacancyPeriod),
            objectionQuorumBps: config.objectionQuorumBps,
            electionQuorumBps: config.electionQuorumBps,
            recallThresholdBps: config.recallThresholdBps
        });
        for (uint256 i; i < lines.length; ++i) {
            _lines.push(GhostLine({name: lines[i].name, cap: lines[i].cap, period: lines[i].period}));
        }
        ghostMaintainer = config.maintainer;
        ghostSeat = SeatStatus.Filled;
        ghostLastActive = vm.getBlockTimestamp();
    }

    // ---------------------------------------------------------------- views for the invariants

    function actors() external view returns (address[] memory) {
        return _actors;
    }

    /// @notice The ledger as the model keeps it.
    function ghostLedger() public view returns (uint256) {
        return ghostGiven - ghostPaid - ghostReclaimed;
    }

    function claimCount() external view returns (uint256) {
        return _claims.length;
    }

    /// @notice The claim filed `number`-th (from 0); its `id` is what the pool stores it under.
    function claimAt(uint256 number) external view returns (GhostClaim memory) {
        return _claims[number];
    }

    /// @notice Whether a claim was filed under `id` (a receipt hash), and its filing number if so.
    function claimNumberOf(uint256 id) public view returns (bool filed, uint256 number) {
        uint256 n = _numberOf[id];
        return n == 0 ? (false, 0) : (true, n - 1);
    }

    /// @notice The status of the claim filed `number`-th as the rules say it stands now: a recall voids the
    /// pending claims numbered below the claim count then.
    function claimStatus(uint256 number) public view returns (ClaimStatus) {
        GhostClaimStatus s = _claims[number].status;
        if (s == GhostClaimStatus.Paid) return ClaimStatus.Paid;
        if (s == GhostClaimStatus.Rejected) return ClaimStatus.Rejected;
        if (s == GhostClaimStatus.Cancelled) return ClaimStatus.Cancelled;
        if (number < ghostClaimsVoidBelow || ghostWoundDown) return ClaimStatus.Void;
        return ClaimStatus.Pending;
    }

    /// @notice Whether `who` objected to the claim filed `number`-th (the model's record).
    function objectedClaim(uint256 number, address who) external view returns (bool) {
        return _objectedClaim[number][who];
    }

    /// @notice Whether `who` objected to proposal `id` (the model's record).
    function objectedChange(uint256 id, address who) external view returns (bool) {
        return _objectedChange[id][who];
    }

    /// @notice What `who` may reclaim now: left × given / (given by all contributors), once, after wind-down.
    function ghostReclaimable(address who) public view returns (uint256) {
        if (!ghostWoundDown || ghostReclaimedBy[who] || ghostGivenByContributors == 0) return 0;
        return ghostLeft * ghostGivenBy[who] / ghostGivenByContributors;
    }

    function periodCount() external view returns (uint256) {
        return _periodKeys.length;
    }

    function periodAt(uint256 i) external view returns (PeriodLedger memory) {
        return _periods[_periodKeys[i]];
    }

    function lineCount() external view returns (uint256) {
        return _lines.length;
    }

    function lineAt(uint256 i) external view returns (GhostLine memory) {
        return _lines[i];
    }

    /// @notice What a line whose period length never changed has left in its current period: its cap less the
    /// claims filed in this period that were not cancelled or rejected (paid and voided ones stay counted).
    function ghostLineLeft(uint256 line) public view returns (uint256 spent, uint256 left) {
        GhostLine storage l = _lines[line];
        spent = _periods[_periodKey(line, l.period)].reserved;
        // A wound-down pool pays nothing: no line has anything left.
        left = l.cap > spent && !ghostWoundDown ? l.cap - spent : 0;
    }

    /// @notice When a line's current period ends: periods are counted from the pool's creation.
    function ghostNextReset(uint256 line) external view returns (uint256) {
        uint256 period = _lines[line].period;
        return _genesis + ((_now() - _genesis) / period + 1) * period;
    }

    function ghostRules() external view returns (Rules memory) {
        return _rules;
    }

    function proposalCount() external view returns (uint256) {
        return _proposals.length;
    }

    function proposalAt(uint256 id) external view returns (GhostProposal memory) {
        return _proposals[id];
    }

    /// @notice A proposal's status as the rules say it stands now (a voided or wound-down one reads Cancelled).
    function proposalStatus(uint256 id) public view returns (ProposalStatus) {
        ProposalStatus s = _proposals[id].status;
        if (s == ProposalStatus.Pending && (id < ghostProposalsVoidBelow || ghostWoundDown)) {
            return ProposalStatus.Cancelled;
        }
        return s;
    }

    function ghostPhase() public view returns (ElectionPhase) {
        if (ghostElectionKind == 0) return ElectionPhase.None;
        uint256 e = _epochNow();
        if (e < ghostVotingEpoch) return ElectionPhase.Nominating;
        if (e == ghostVotingEpoch) return ElectionPhase.Voting;
        return ElectionPhase.Counting;
    }

    /// @notice When the model's current (or last) election votes.
    function ghostVotingWindow() external view returns (uint256 startsAt, uint256 endsAt) {
        if (ghostElectionId == 0) return (0, 0);
        return (_epochStart(ghostVotingEpoch), _epochStart(ghostVotingEpoch + 1));
    }

    /// @notice Weight basis of `who` that has matured: every credit counts from the next epoch boundary on.
    function ghostMaturedBasis(address who) public view returns (uint256) {
        if (ghostWoundDown) return 0; // nothing is matured for any ballot after wind-down
        GhostWeight storage w = _weights[who];
        uint256 basis = w.money + w.inKind;
        return w.epoch == _epochNow() ? basis - w.pending : basis;
    }

    /// @notice The weight a ballot of `who` counts now.
    function ghostBallotWeight(address who) public view returns (uint256) {
        uint256 matured = ghostMaturedBasis(who);
        return _quadratic ? _sqrt(matured) : matured;
    }

    /// @notice What `weightOf(who)` must read: the ballot weight, 0 after wind-down.
    function ghostWeightOf(address who) public view returns (uint256) {
        return ghostWoundDown ? 0 : ghostBallotWeight(who);
    }

    /// @notice What `totalWeight()` must read: every contributor is an actor, so the sum runs over them.
    function ghostTotalWeight() public view returns (uint256 total) {
        if (ghostWoundDown) return 0;
        for (uint256 i; i < ACTORS; ++i) {
            total += ghostBallotWeight(_actors[i]);
        }
    }

    function orderOf(address donor) external view returns (GhostOrder memory) {
        return _orders[donor];
    }

    function pledgeCount() external view returns (uint256) {
        return _pledges.length;
    }

    function pledgeAt(uint256 id) external view returns (GhostPledge memory) {
        return _pledges[id];
    }

    /// @notice What `carried()` must report, from the model's lines, orders and pledges.
    function ghostCarried()
        external
        view
        returns (uint256 budgetPerMonth, uint256 recurringPerMonth, uint256 pledgedPerMonth, uint256 delivered)
    {
        for (uint256 i; i < _pledges.length; ++i) {
            delivered += _pledges[i].value * _pledges[i].delivered;
        }
        // After a wind-down no line pays, no order can be collected, no pledge delivered.
        if (ghostWoundDown) return (0, 0, 0, delivered);
        for (uint256 i; i < _lines.length; ++i) {
            budgetPerMonth += _lines[i].cap * MONTH / _lines[i].period;
        }
        for (uint256 i; i < ACTORS; ++i) {
            GhostOrder storage o = _orders[_actors[i]];
            if (o.amount != 0) recurringPerMonth += o.amount * MONTH / o.period;
        }
        for (uint256 i; i < _pledges.length; ++i) {
            GhostPledge storage p = _pledges[i];
            if (p.status == PledgeStatus.Accepted) pledgedPerMonth += p.value * MONTH / p.period;
        }
    }

    // ---------------------------------------------------------------- model transitions

    function _now() internal view returns (uint256) {
        return vm.getBlockTimestamp();
    }

    function _epochNow() internal view returns (uint256) {
        return (_now() - _genesis) / _epochLength;
    }

    function _epochStart(uint256 e) internal view returns (uint256) {
        return _genesis + e * _epochLength;
    }

    /// @dev Credits weight basis to `who`; it matures when the next epoch starts.
    function _creditWeight(address who, uint256 money, uint256 inKind) internal {
        GhostWeight storage w = _weights[who];
        uint256 e = _epochNow();
        if (w.epoch < e) {
            w.pending = 0;
            w.epoch = e;
        }
        w.money += money;
        w.inKind += inKind;
        w.pending += money + inKind;
    }

    /// @dev A gift of `arrived` by `donor` (give, receive, a permit, a collected standing order).
    function _gave(address donor, uint256 arrived) internal {
        ghostGiven += arrived;
        ghostAssetIn += arrived;
        ghostGivenBy[donor] += arrived;
        ghostGivenByContributors += arrived;
        _creditWeight(donor, arrived, 0);
    }

    /// @dev `value` more in-kind value delivered by `pledger`: its weight basis is the floor of all they
    /// delivered times inKindWeightBps.
    function _delivered(address pledger, uint256 value) internal {
        uint256 before = ghostDeliveredBy[pledger];
        ghostDeliveredBy[pledger] = before + value;
        uint256 added = (before + value) * _inKindBps / BPS - before * _inKindBps / BPS;
        if (added != 0) _creditWeight(pledger, 0, added);
    }

    /// @dev The objection weight that rejects a claim or change filed now: quorum of the total, rounded up,
    /// at least 1.
    function _rejectionBar() internal view returns (uint256 bar) {
        uint256 product = ghostTotalWeight() * _rules.objectionQuorumBps;
        bar = product / BPS + (product % BPS == 0 ? 0 : 1);
        if (bar == 0) bar = 1;
    }

    function _periodKey(uint256 line, uint256 period) internal view returns (bytes32) {
        return keccak256(abi.encode(line, period, (_now() - _genesis) / period));
    }

    /// @dev A claim the pool accepted under `id` (its receipt hash): it takes the next filing number.
    function _recordClaim(uint256 id, uint256 line, uint256 amount, address payee) internal {
        GhostLine storage l = _lines[line];
        bytes32 key = _periodKey(line, l.period);
        _claims.push(
            GhostClaim({
                id: id,
                payee: payee,
                amount: amount,
                key: key,
                line: line,
                period: l.period,
                periodIndex: (_now() - _genesis) / l.period,
                payableAt: _now() + _rules.claimDelay,
                toReject: _rejectionBar(),
                status: GhostClaimStatus.Pending
            })
        );
        _numberOf[id] = _claims.length;
        PeriodLedger storage p = _periods[key];
        if (!_knownPeriod[key]) {
            _knownPeriod[key] = true;
            _periodKeys.push(key);
            p.line = line;
        }
        if (l.cap > p.capMax) p.capMax = l.cap;
        p.reserved += amount;
        ghostLastActive = _now();
    }

    function _releaseClaim(uint256 number, GhostClaimStatus status) internal {
        GhostClaim storage g = _claims[number];
        g.status = status;
        _periods[g.key].reserved -= g.amount;
    }

    /// @dev A recall voids the pending claims by filing number (ids are receipt hashes, in no order).
    function _voidPending() internal {
        ghostClaimsVoidBelow = _claims.length;
        ghostProposalsVoidBelow = _proposals.length;
    }

    function _openSeat() internal {
        ghostSeat = SeatStatus.Open;
        ghostOpenedAt = _now();
        ghostMaintainer = address(0);
    }

    /// @dev Voting runs in the epoch after this one, or the one after that if more than half of this one has
    /// passed.
    function _startElection(uint8 kind, address incumbent) internal {
        uint256 e = _epochNow();
        uint256 elapsed = _now() - _epochStart(e);
        ghostElectionId += 1;
        ghostElectionKind = kind;
        ghostVotingEpoch = elapsed * 2 <= _epochLength ? e + 1 : e + 2;
        ghostLeader = address(0);
        ghostLeaderVotes = 0;
        ghostElectionTotal = 0;
        _electionTotalFixed = false;
        if (incumbent != address(0)) ghostNominated[ghostElectionId][incumbent] = true;
    }

    function _reachesQuorum() internal view returns (bool) {
        return ghostLeaderVotes != 0
            && ghostLeaderVotes * BPS >= uint256(_rules.electionQuorumBps) * ghostElectionTotal;
    }

    // ---------------------------------------------------------------- helpers

    function _violation(bytes32 topic, string memory what) internal {
        if (violations[topic]++ == 0) firstViolation[topic] = what;
    }

    function _sqrt(uint256 x) internal pure returns (uint256 y) {
        if (x == 0) return 0;
        y = x;
        uint256 z = (x + 1) / 2;
        while (z < y) {
            y = z;
            z = (x / z + z) / 2;
        }
    }
}
