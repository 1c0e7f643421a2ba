// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {BudgetLine} from "../types/BudgetLine.sol";
import {Claim, ClaimStatus} from "../types/Claim.sol";
import {Config} from "../types/Config.sol";
import {ElectionKind, ElectionPhase} from "../types/Election.sol";
import {Proposal, ProposalKind, ProposalStatus} from "../types/Proposal.sol";
import {Rules} from "../types/Rules.sol";
import {SeatStatus} from "../types/Seat.sol";
import {Weighting} from "../types/Weighting.sol";
import {IPoolPledges} from "./IPoolPledges.sol";
import {IPoolSubscriptions} from "./IPoolSubscriptions.sol";

/// @notice The parameter a `PoolInvalidParameter` error is about. New members are appended: the numbers of the
/// others never change.
enum Parameter {
    Asset,
    Maintainer,
    EpochLength,
    ClaimDelay,
    RuleChangeDelay,
    InactivityPeriod,
    VacancyPeriod,
    ObjectionQuorumBps,
    ElectionQuorumBps,
    RecallThresholdBps,
    InKindWeightBps,
    Weighting,
    LineCount,
    LineCap,
    LinePeriod,
    LineName,
    SubscriptionPeriod,
    PledgePeriod,
    PledgeDescription
}

/// @title IPoolGiving
/// @notice Giving to a pool and the epoch-matured weight that gifts earn.
interface IPoolGiving {
    /// @notice Thrown when a parameter is out of its allowed range.
    error PoolInvalidParameter(Parameter parameter, uint256 value);
    /// @notice Thrown when `initialize` runs on an initialized pool or on the implementation.
    error PoolAlreadyInitialized();
    /// @notice Thrown when a gift or an amount is zero.
    error PoolZeroAmount();
    /// @notice Thrown when an ETH gift's `msg.value` differs from its `amount`.
    error PoolWrongValue(uint256 value, uint256 amount);
    /// @notice Thrown when ETH is sent to an ERC-20 pool.
    error PoolEthNotAccepted(uint256 value);
    /// @notice Thrown when an ERC-20-only operation is called on an ETH pool.
    error PoolNotTokenPool();
    /// @notice Thrown when a total would leave the 96-bit range the pool accounts in: money given, or the
    /// weight basis that delivered in-kind value earns (each below 2^96, so any weight is below 2^97).
    error PoolAmountOverflow(uint256 total, uint256 max);
    /// @notice Thrown when a permit failed and the allowance it should have set is not there.
    error PoolPermitFailed(uint256 allowance, uint256 needed);
    /// @notice Thrown when gifts, claims or changes are attempted after the pool wound down.
    error PoolIsWoundDown();
    /// @notice Thrown when `sweep` finds nothing beyond the ledger.
    error PoolNothingToSweep();

    /// @notice A contributor gave `amount` (what actually arrived) to the pool.
    event Given(address indexed donor, uint256 amount);
    /// @notice Stray funds (forced ETH, a plain token transfer) were swept into the ledger as an unattributed gift.
    event Swept(address indexed caller, uint256 amount);

    /// @notice Gives `amount` of the pool's asset. ETH pools need `msg.value == amount`; ERC-20 pools pull
    /// `amount` (with allowance) and credit what actually arrived.
    /// @param amount What to give, in the asset's smallest unit.
    function give(uint256 amount) external payable;

    /// @notice Gives `amount` of an EIP-2612 token, approving with a signed permit first. A permit that was
    /// already used (front-run) does not make the gift fail if the allowance is there.
    function giveWithPermit(uint256 amount, uint256 deadline, uint8 v, bytes32 r, bytes32 s) external;

    /// @notice Sweeps stray funds (asset held above the ledger) into the ledger as an unattributed gift.
    /// They count for no one's weight; at wind-down they are shared like the rest.
    /// @return amount What was swept.
    function sweep() external returns (uint256 amount);

    /// @notice Money `who` gave, and the part of their weight basis that has matured.
    /// @return given Money given, ever (0 once reclaimed).
    /// @return matured Weight basis (money plus weighted in-kind value) that counts from this epoch on; 0 after
    /// wind-down, like `weightOf`.
    function contributionOf(address who) external view returns (uint256 given, uint256 matured);

    /// @notice Matured weight of `who` now: what every ballot reads. 0 after wind-down.
    function weightOf(address who) external view returns (uint256);

    /// @notice Sum of all contributors' matured weight now. 0 after wind-down.
    function totalWeight() external view returns (uint256);

    /// @notice Money given to the pool, ever, including swept stray funds.
    function totalGiven() external view returns (uint256);

    /// @notice The ledger: totalGiven - paid - reclaimed (not `address(this).balance`).
    function balance() external view returns (uint256);

    /// @notice Epochs elapsed since the pool's creation.
    function epoch() external view returns (uint256);

    /// @notice The pool's fixed parameters (held in the clone's code, not in storage).
    function asset() external view returns (address);
    /// @notice Seconds per epoch.
    function epochLength() external view returns (uint256);
    /// @notice When epoch 0 started: the pool's creation time.
    function genesis() external view returns (uint256);
    /// @notice Linear or Quadratic weighting.
    function weighting() external view returns (Weighting);
    /// @notice Weight of delivered in-kind value, in basis points of money's weight.
    function inKindWeightBps() external view returns (uint256);
}

/// @title IPoolBudget
/// @notice Budget lines, expense claims with a challenge window, and rule changes with notice.
interface IPoolBudget {
    /// @notice Thrown when the caller is not the maintainer.
    error PoolNotMaintainer(address caller);
    /// @notice Thrown when the seat's status forbids the action (a claim while the seat is open, say).
    error PoolSeatStatus(SeatStatus status);
    /// @notice Thrown when a line id does not exist.
    error PoolUnknownLine(uint256 line, uint256 lineCount);
    /// @notice Thrown when a claim would take a line past its cap in the current period.
    error PoolOverBudget(uint256 line, uint256 amount, uint256 left);
    /// @notice Thrown when a claim's payee is address(0) or the pool itself (an ETH pool would credit the
    /// payout back to itself as a gift that nobody could ever reclaim).
    error PoolInvalidPayee(address payee);
    /// @notice Thrown when a claim's receipt hash is zero: the hash is the claim's id, and a claim needs a receipt.
    error PoolInvalidReceipt(bytes32 receiptHash);
    /// @notice Thrown when a receipt already backs a claim of this pool (whatever became of that claim): a
    /// receipt backs one claim only.
    error PoolReceiptAlreadyFiled(bytes32 receiptHash);
    /// @notice Thrown when no claim has this id.
    error PoolUnknownClaim(uint256 claimId);
    /// @notice Thrown when a claim is not pending (already paid, rejected, cancelled or void).
    error PoolClaimNotPending(uint256 claimId, ClaimStatus status);
    /// @notice Thrown when a claim is paid before its challenge window has passed.
    error PoolChallengeWindowOpen(uint256 claimId, uint256 payableAt);
    /// @notice Thrown when an objection to a claim arrives after its challenge window closed.
    error PoolChallengeWindowClosed(uint256 claimId, uint256 closedAt);
    /// @notice Thrown when a contributor objects twice to the same claim.
    error PoolAlreadyObjected(uint256 claimId, address contributor);
    /// @notice Thrown when a ballot is cast without matured weight.
    error PoolNoWeight(address who);
    /// @notice Thrown when paying a claim while a recall election runs.
    error PoolPaymentsFrozen();
    /// @notice Thrown when a claim asks more than the ledger holds (stray funds count once swept in).
    error PoolLedgerShort(uint256 claimId, uint256 balance, uint256 amount);
    /// @notice Thrown when the payee (or the token) refused the payment; the claim stays pending.
    error PoolPaymentFailed(uint256 claimId, address payee);
    /// @notice Thrown when objecting to a claim that a recall or the wind-down voided: it stays void.
    error PoolClaimVoid(uint256 claimId);

    /// @notice A claim was filed against `line`, reserving `amount` of its current period.
    event ClaimFiled(
        uint256 indexed claimId,
        uint256 indexed line,
        address indexed payee,
        uint256 amount,
        bytes32 receiptHash,
        string receiptURI
    );
    /// @notice `contributor` objected to a claim with `weight`; `toReject` is the weight still needed to reject it.
    event ClaimObjected(uint256 indexed claimId, address indexed contributor, uint256 weight, uint256 toReject);
    /// @notice A claim was paid to its payee.
    event ClaimPaid(uint256 indexed claimId);
    /// @notice Objections reached quorum: the claim was rejected and its reservation freed.
    event ClaimRejected(uint256 indexed claimId);
    /// @notice The maintainer withdrew a claim and its reservation was freed.
    event ClaimCancelled(uint256 indexed claimId);
    /// @notice A budget line was created or changed (cap 0: closed).
    event BudgetLineSet(uint256 indexed line, string name, uint256 cap, uint64 period);
    /// @notice The changeable rules were set (at creation or by an applied proposal).
    event RulesSet(Rules rules);
    /// @notice A recall succeeded (or the recalled maintainer stepped down): every claim numbered below
    /// `claimsBelow` and every change with an id below `proposalsBelow` that was still pending is now void.
    event PendingVoided(uint256 claimsBelow, uint256 proposalsBelow);

    /// @notice Files an expense claim (maintainer only) and reserves `amount` of the line's current period.
    /// The claim is stored under its receipt hash: the id is `uint256(receiptHash)`, and a receipt backs one
    /// claim only.
    /// @param line The budget line.
    /// @param amount What to pay.
    /// @param payee Who is paid.
    /// @param receiptHash Hash of the receipt (a file or a document): the claim's id, so stored as its key.
    /// @param receiptURI Where the receipt can be read, emitted.
    /// @return claimId The new claim's id, `uint256(receiptHash)`.
    function fileClaim(uint256 line, uint256 amount, address payee, bytes32 receiptHash, string calldata receiptURI)
        external
        returns (uint256 claimId);

    /// @notice Objects to a pending claim during its challenge window, with the caller's matured weight. The
    /// claim is rejected once objections reach `objectionQuorumBps` of the total matured weight at filing.
    function object(uint256 claimId) external;

    /// @notice Pays a pending claim whose challenge window has passed. Anyone may call.
    function payClaim(uint256 claimId) external;

    /// @notice Withdraws a pending claim (maintainer only) and frees its reservation.
    function cancelClaim(uint256 claimId) external;

    /// @notice Claims filed, ever; the next claim's `number`.
    function claimCount() external view returns (uint256);

    /// @notice Budget lines, ever (closed ones included).
    function lineCount() external view returns (uint256);

    /// @notice The rules in force.
    function rules() external view returns (Rules memory);

    /// @notice Whether `contributor` has objected to claim `claimId`.
    function hasObjected(uint256 claimId, address contributor) external view returns (bool);

    /// @notice The receipt hash a claim is stored under (its id as bytes32), or zero if no claim has this id.
    function receiptOf(uint256 claimId) external view returns (bytes32);
}

/// @title IPoolChanges
/// @notice Changes to budget lines and rules: proposed by the maintainer, in force only after
/// `ruleChangeDelay`, unless objected to like a claim. Donors always see a change before it can spend their
/// money. Served by the pool's extension: call these on the pool's address.
interface IPoolChanges {
    /// @notice Thrown when a proposal id does not exist.
    error PoolUnknownProposal(uint256 proposalId);
    /// @notice Thrown when a proposal is not pending.
    error PoolProposalNotPending(uint256 proposalId, ProposalStatus status);
    /// @notice Thrown when a proposal is applied before its notice period has passed.
    error PoolNoticePeriod(uint256 proposalId, uint256 effectiveAt);
    /// @notice Thrown when a proposed change would change nothing: every field equals the one in force.
    error PoolChangesNothing(ProposalKind kind, uint256 line);
    /// @notice Thrown when an objection to a proposed change arrives after its notice period ended (the change
    /// may be applied from `closedAt` on).
    error PoolChangeWindowClosed(uint256 proposalId, uint256 closedAt);
    /// @notice Thrown when a contributor objects twice to the same proposed change.
    error PoolAlreadyObjectedToChange(uint256 proposalId, address contributor);
    /// @notice Thrown when applying a change while a recall election runs: a maintainer under recall changes
    /// nothing until the election decides (if they lose, the change is void).
    error PoolChangesFrozen(uint256 proposalId);

    /// @notice The maintainer proposed a change that can take effect at `effectiveAt`.
    event ChangeProposed(uint256 indexed proposalId, ProposalKind kind, uint256 effectiveAt);
    /// @notice `contributor` objected to a proposed change with `weight`; `toReject` is the weight still needed.
    event ChangeObjected(uint256 indexed proposalId, address indexed contributor, uint256 weight, uint256 toReject);
    /// @notice A proposed change took effect.
    event ChangeApplied(uint256 indexed proposalId);
    /// @notice Objections reached quorum: the proposed change was rejected.
    event ChangeRejected(uint256 indexed proposalId);
    /// @notice The maintainer withdrew a proposed change.
    event ChangeCancelled(uint256 indexed proposalId);

    /// @notice Proposes to add (`line == lineCount()`), change or close (`cap == 0`) a budget line. The change
    /// is recorded as what it changes: the fields (name, cap, period) that differ from the line in force now.
    /// Applying it writes those only, so changes applied in any order never undo each other's fields.
    /// @return proposalId The proposal's id.
    function proposeBudgetChange(uint256 line, string calldata name, uint256 cap, uint64 period)
        external
        returns (uint256 proposalId);

    /// @notice Proposes new rules (delays, quorums, thresholds), recorded as what they change: the fields that
    /// differ from the rules in force now. Applying it writes those only.
    /// @return proposalId The proposal's id.
    function proposeRulesChange(Rules calldata rules) external returns (uint256 proposalId);

    /// @notice Objects to a pending change during its notice period, with the caller's matured weight.
    function objectToChange(uint256 proposalId) external;

    /// @notice Applies a pending change whose notice period has passed (anyone may call): writes the fields it
    /// changes and leaves every other field as it stands now.
    function applyChange(uint256 proposalId) external;

    /// @notice Withdraws a pending change (maintainer only).
    function cancelChange(uint256 proposalId) external;

    /// @notice A proposed change: `changes` marks the fields it changes (see `Proposal`); others read 0.
    function proposal(uint256 proposalId) external view returns (Proposal memory);

    /// @notice Proposals made, ever.
    function proposalCount() external view returns (uint256);

    /// @notice Whether `contributor` has objected to proposal `proposalId`.
    function hasObjectedToChange(uint256 proposalId, address contributor) external view returns (bool);
}

/// @title IPoolSuccession
/// @notice The maintainer's seat: stepping down, abandonment, recall, elections and wind-down.
interface IPoolSuccession {
    /// @notice Thrown when an election cannot be called while the maintainer is active.
    error PoolMaintainerActive(uint256 abandonedAt);
    /// @notice Thrown when an election is already open.
    error PoolElectionOpen(uint256 electionId);
    /// @notice Thrown when no election is open.
    error PoolNoElection();
    /// @notice Thrown when the election is not in the phase the action needs.
    error PoolElectionPhase(ElectionPhase phase);
    /// @notice Thrown when nominating address(0).
    error PoolZeroCandidate();
    /// @notice Thrown when nominating a candidate twice.
    error PoolAlreadyNominated(address candidate);
    /// @notice Thrown when voting for someone not nominated, or when someone not nominated states a candidacy.
    error PoolNotNominated(address candidate);
    /// @notice Thrown when a candidate's statement names them in more than `max` bytes.
    error PoolStatementNameTooLong(uint256 length, uint256 max);
    /// @notice Thrown when a candidate's statement URI is longer than `max` bytes.
    error PoolStatementUriTooLong(uint256 length, uint256 max);
    /// @notice Thrown when a candidate's statement URI starts with `start` rather than `data:` or `ipfs:` (the
    /// two kinds a client can show without fetching from a server the candidate chose).
    error PoolStatementUriScheme(bytes5 start);
    /// @notice Thrown when voting twice in one election.
    error PoolAlreadyVoted(address voter, uint256 electionId);
    /// @notice Thrown when signing the same petition twice.
    error PoolAlreadySigned(address contributor, uint256 petitionId);
    /// @notice Thrown when a petition would start before `opensAt`: after a recall the incumbent survived,
    /// petitions wait a few epochs, so that one holder of the threshold cannot freeze payouts for good.
    error PoolPetitionsClosed(uint256 opensAt);
    /// @notice Thrown when winding down before the seat has been open for `vacancyPeriod`.
    error PoolVacancyNotExpired(uint256 windDownAt);
    /// @notice Thrown when reclaiming from a pool that has not wound down.
    error PoolNotWoundDown();
    /// @notice Thrown when there is nothing to reclaim (never gave, or already reclaimed).
    error PoolNothingToReclaim(address contributor);
    /// @notice Thrown when the reclaimer (or the token) refused the transfer; the share stays reclaimable.
    error PoolReclaimFailed(address contributor, uint256 amount);

    /// @notice The seat changed hands (`next == address(0)`: the seat is open).
    event MaintainerChanged(address indexed previous, address indexed next);
    /// @notice The maintainer showed they are active.
    event Heartbeat(address indexed maintainer);
    /// @notice `contributor` signed recall petition `petitionId` with `weight`; `total` is the new tally.
    event RecallSigned(uint256 indexed petitionId, address indexed contributor, uint256 weight, uint256 total);
    /// @notice An election opened; votes are cast in [votingStartsAt, votingEndsAt). Also emitted, with the same
    /// id and window and kind Vacancy, when a recalled maintainer steps down and the recall election goes on as
    /// a vacancy election.
    event ElectionCalled(uint256 indexed electionId, ElectionKind kind, uint256 votingStartsAt, uint256 votingEndsAt);
    /// @notice `nominator` nominated `candidate`.
    event Nominated(uint256 indexed electionId, address indexed candidate, address indexed nominator);
    /// @notice `by` (the nominator, or the candidate) stated who `candidate` is in election `electionId`: a `name`
    /// and a `uri` (`data:` or `ipfs:`, or empty). Not stored: the latest statement for a candidate is theirs.
    /// Both empty: the candidate withdrew their statement.
    event CandidateStatement(
        uint256 indexed electionId, address indexed candidate, address indexed by, string name, string uri
    );
    /// @notice `voter` voted for `candidate` with `weight`.
    event Voted(uint256 indexed electionId, address indexed voter, address indexed candidate, uint256 weight);
    /// @notice An election ended; `installed` tells whether `leader` reached quorum and took the seat. A
    /// wind-down ends any election still open (nominating, or counted short of quorum) with `installed` false.
    event ElectionFinalized(uint256 indexed electionId, address leader, uint256 votes, bool installed);
    /// @notice The pool wound down with `left` to be reclaimed pro rata.
    event WoundDown(uint256 left);
    /// @notice `contributor` reclaimed `amount`.
    event Reclaimed(address indexed contributor, uint256 amount);

    /// @notice The maintainer, or address(0) while the seat is open.
    function maintainer() external view returns (address);

    /// @notice The seat's status and clocks.
    /// @return status Filled, Recall, Open or WoundDown.
    /// @return lastActive The maintainer's last action.
    /// @return openedAt When the seat last became open.
    function seat() external view returns (SeatStatus status, uint256 lastActive, uint256 openedAt);

    /// @notice Leaves the seat (maintainer only) and opens an election. A maintainer under recall who steps down
    /// voids every claim and change still pending, as a successful recall would, and the recall election goes
    /// on as a vacancy election.
    function stepDown() external;

    /// @notice Shows the maintainer is active (maintainer only).
    function heartbeat() external;

    /// @notice Signs the current recall petition with the caller's matured weight; at the threshold a recall
    /// election opens. A petition collects signatures in its start epoch and the next; then a new one starts.
    function petitionRecall() external;

    /// @notice Opens an election on an open seat, or on a seat whose maintainer has been inactive for
    /// `inactivityPeriod` (which opens the seat).
    function callElection() external;

    /// @notice Nominates `candidate` (caller needs matured weight) while the election is nominating.
    function nominate(address candidate) external;

    /// @notice `nominate`, with a statement saying who the candidate is (`CandidateStatement`, emitted only when
    /// `name` or `uri` is non-empty): `name` at most 64 bytes, `uri` at most 1,024 bytes and starting with
    /// `data:` or `ipfs:`. Nothing is stored: the statement lives in the event.
    /// @param candidate Who is nominated.
    /// @param name What to call them (their own text: clients show it inert).
    /// @param uri Where they say more: a `data:` or `ipfs:` URI, or empty.
    function nominateWithStatement(address candidate, string calldata name, string calldata uri) external;

    /// @notice A nominated candidate (re)states who they are while the election is nominating or voting; the
    /// latest statement stands. Both empty withdraws the statement. Same bounds as `nominateWithStatement`.
    /// @param name What to call the caller.
    /// @param uri Where they say more: a `data:` or `ipfs:` URI, or empty.
    function describeCandidacy(string calldata name, string calldata uri) external;

    /// @notice Votes for a nominated `candidate` with the caller's matured weight, once per election.
    function vote(address candidate) external;

    /// @notice Ends an election after its voting epoch: installs the leader if their votes reach quorum. A
    /// successful recall (someone other than the incumbent installed) voids every claim and change still
    /// pending, whoever filed them (`PendingVoided`); the new maintainer's clock starts now. A failed recall,
    /// or one the incumbent wins, changes nothing but the seat's status: it is no activity of the maintainer.
    function finalizeElection() external;

    /// @notice Kind of the open election (None if none is open).
    function electionKind() external view returns (ElectionKind);

    /// @notice Whether `candidate` is nominated in election `electionId`, and their votes.
    function candidate(uint256 electionId, address who) external view returns (bool nominated, uint256 votes);

    /// @notice Whether `voter` voted in election `electionId`. Only a contributor's latest election is kept (one
    /// slot per contributor): for an earlier election this reads false once they voted in a later one.
    function hasVoted(uint256 electionId, address voter) external view returns (bool);

    /// @notice Winds the pool down (anyone) once the seat has been open `vacancyPeriod` with no election voting.
    function windDown() external;

    /// @notice Pays the caller their pro-rata share of what was left at wind-down, once.
    /// @return amount What was paid.
    function reclaim() external returns (uint256 amount);

    /// @notice What `contributor` can reclaim now.
    function reclaimable(address contributor) external view returns (uint256);

    /// @notice Left at wind-down, and reclaimed since.
    function windDownState() external view returns (uint256 left, uint256 reclaimed);
}

/// @title IPoolViews
/// @notice Reads that clients make and no transaction of `Pool` needs: a claim, a budget line, the election and the
/// recall petition, each as it stands now. Served by the pool's extension (like `IPoolChanges`), which keeps `Pool`
/// under the 24 KiB code size limit (EIP-170): call these on the pool's address.
interface IPoolViews {
    /// @notice A claim, with its status as it stands now (`Void` if a recall or wind-down voided it). A paid
    /// claim reads back with status `Paid`, payee address(0) and amount 0 (they are in `ClaimFiled`).
    function claim(uint256 claimId) external view returns (Claim memory, ClaimStatus status);

    /// @notice A budget line as it stands now.
    /// @return name What it pays for.
    /// @return cap Most it pays per period.
    /// @return period Seconds per period.
    /// @return spent Reserved or paid in the current period.
    /// @return left What can still be claimed in the current period (0 once the pool wound down).
    /// @return nextReset When the current period ends.
    function budgetLine(uint256 line)
        external
        view
        returns (string memory name, uint256 cap, uint64 period, uint256 spent, uint256 left, uint256 nextReset);

    /// @notice The current election (or the last one, with phase None once finalized).
    function election()
        external
        view
        returns (
            uint256 id,
            uint8 phase,
            uint64 votingStartsAt,
            uint64 votingEndsAt,
            address leader,
            uint256 leaderVotes
        );

    /// @notice The current recall petition.
    /// @return id Its id (0 if none was ever started).
    /// @return weight Matured weight that signed.
    /// @return threshold Weight that opens a recall election now (type(uint256).max once the pool wound down:
    /// no petition can open one).
    /// @return expiresAt When it stops collecting signatures.
    function petition() external view returns (uint256 id, uint256 weight, uint256 threshold, uint256 expiresAt);
}

/// @title IPoolCore
/// @notice What the `Pool` implementation serves itself: giving, standing orders, budgets and claims,
/// succession.
interface IPoolCore is IPoolGiving, IPoolBudget, IPoolSubscriptions, IPoolSuccession {
    /// @notice Thrown when the `Pool` implementation is deployed with an extension that has no code.
    error PoolInvalidExtension(address extension);

    /// @notice Sets up a fresh clone; called by the factory in the creating transaction.
    function initialize(Config calldata config, BudgetLine[] calldata lines) external;

    /// @notice The contract that serves `IPoolChanges`, `IPoolPledges` and `IPoolViews` for every pool (reached
    /// through the pool's fallback).
    function extension() external view returns (address);
}

/// @title IPool
/// @notice A Potluck pool's whole public face: what clients, scripts and integrators call at its address.
interface IPool is IPoolCore, IPoolChanges, IPoolPledges, IPoolViews {
// solhint-disable-previous-line no-empty-blocks, -- a union
}
