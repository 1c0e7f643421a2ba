// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IPool} from "../../contracts/interfaces/IPool.sol";
import {Pool} from "../../contracts/Pool.sol";
import {PoolExtension} from "../../contracts/PoolExtension.sol";
import {PoolFactory} from "../../contracts/PoolFactory.sol";
import {BudgetLine} from "../../contracts/types/BudgetLine.sol";
import {Claim, ClaimStatus} from "../../contracts/types/Claim.sol";
import {Config} from "../../contracts/types/Config.sol";
import {Proposal} from "../../contracts/types/Proposal.sol";
import {Pledge} from "../../contracts/types/Recurring.sol";
import {Rules} from "../../contracts/types/Rules.sol";
import {SeatStatus} from "../../contracts/types/Seat.sol";
import {Weighting} from "../../contracts/types/Weighting.sol";
import {FeeOnTransferToken} from "../../contracts/test/FeeOnTransferToken.sol";
import {MockERC20} from "../../contracts/test/MockERC20.sol";
import {Test} from "../utils/Test.sol";
import {PoolHandler} from "./PoolHandler.sol";
import {PoolModel} from "./PoolModel.sol";

/// @notice DESIGN.md's accounting invariants and README's rules as built, checked after every call of a random
/// sequence driven by `PoolHandler` over every state-changing function of `IPool` and every actor. The pool's
/// views are compared with the handler's model (`PoolModel`), never with themselves; the handler also records
/// each call whose outcome the rules did not allow (by topic), and each invariant below fails on its topic.
abstract contract PoolInvariantsBase is Test {
    uint256 internal constant START = 1_750_000_000; // a 2025 timestamp; the runner starts at 1
    uint256 internal constant MAX_CATCH_UP = 3; // README: a collection pulls at most 3 periods

    PoolFactory internal factory;
    IPool internal pool;
    PoolHandler internal handler;
    bool internal isTokenPool;

    /// @dev The pool's token, or address(0) for an ETH pool.
    function _token() internal virtual returns (MockERC20);

    /// @dev The token's transfer fee in basis points.
    function _feeBps() internal pure virtual returns (uint256) {
        return 0;
    }

    function _weighting() internal pure virtual returns (Weighting);

    function _inKindWeightBps() internal pure virtual returns (uint16);

    function setUp() public {
        vm.warp(START);
        PoolExtension extension = new PoolExtension();
        Pool implementation = new Pool(address(extension));
        factory = new PoolFactory(address(implementation));
        MockERC20 token = _token();
        isTokenPool = address(token) != address(0);
        Config memory config = _config(address(token));
        BudgetLine[] memory lines = _lines();
        pool = IPool(payable(factory.createPool(config, lines)));
        handler = new PoolHandler(pool, token, _feeBps(), config, lines);

        // Every actor gives, then an epoch passes: ballots are meaningful from the first call on. The ledger
        // starts small (3 ether) beside the lines' caps (2 and 10 ether), so claims can exceed it.
        for (uint256 i; i < handler.ACTORS(); ++i) {
            handler.give(i, (i + 1) * 0.2 ether);
        }
        handler.warp(1, 0);

        targetContract(address(handler));
        targetSelector(FuzzSelector({addr: address(handler), selectors: _selectors()}));
        targetSender(makeAddr("keeper"));
    }

    /// @dev Every action of the handler, weighted so that a run of 64 calls often carries a chain of steps to
    /// its end (claims filed then paid, an election called, nominated, voted and finalized, a wind-down and
    /// reclaims): time moves in about one call in eight, and the later steps of each chain come twice or three
    /// times. Round trips of a line's period length (with warps to their notice's end and to the boundaries of
    /// the length in between) come twice. Token pools add permits and standing orders.
    function _selectors() internal view returns (bytes4[] memory s) {
        s = new bytes4[](64);
        uint256 n;
        bytes4[49] memory common = [
            PoolHandler.warp.selector,
            PoolHandler.warp.selector,
            PoolHandler.proposePeriodRoundTrip.selector,
            PoolHandler.proposePeriodRoundTrip.selector,
            PoolHandler.applyChange.selector,
            PoolHandler.warp.selector,
            PoolHandler.warp.selector,
            PoolHandler.warp.selector,
            PoolHandler.warp.selector,
            PoolHandler.give.selector,
            PoolHandler.send.selector,
            PoolHandler.forceFunds.selector,
            PoolHandler.sweep.selector,
            PoolHandler.reinitialize.selector,
            PoolHandler.fileClaim.selector,
            PoolHandler.fileClaim.selector,
            PoolHandler.object.selector,
            PoolHandler.payClaim.selector,
            PoolHandler.payClaim.selector,
            PoolHandler.cancelClaim.selector,
            PoolHandler.proposeBudgetChange.selector,
            PoolHandler.proposeRulesChange.selector,
            PoolHandler.applyChange.selector,
            PoolHandler.cancelChange.selector,
            PoolHandler.objectToChange.selector,
            PoolHandler.heartbeat.selector,
            PoolHandler.stepDown.selector,
            PoolHandler.stepDown.selector,
            PoolHandler.petitionRecall.selector,
            PoolHandler.callElection.selector,
            PoolHandler.nominate.selector,
            PoolHandler.nominate.selector,
            PoolHandler.vote.selector,
            PoolHandler.vote.selector,
            PoolHandler.vote.selector,
            PoolHandler.vote.selector,
            PoolHandler.finalizeElection.selector,
            PoolHandler.finalizeElection.selector,
            PoolHandler.windDown.selector,
            PoolHandler.reclaim.selector,
            PoolHandler.reclaim.selector,
            PoolHandler.pledge.selector,
            PoolHandler.pledge.selector,
            PoolHandler.acceptPledge.selector,
            PoolHandler.acceptPledge.selector,
            PoolHandler.declinePledge.selector,
            PoolHandler.recordDelivery.selector,
            PoolHandler.recordDelivery.selector,
            PoolHandler.withdrawPledge.selector
        ];
        for (uint256 i; i < common.length; ++i) {
            s[n++] = common[i];
        }
        if (isTokenPool) {
            bytes4[6] memory tokenOnly = [
                PoolHandler.giveWithPermit.selector,
                PoolHandler.subscribe.selector,
                PoolHandler.unsubscribe.selector,
                PoolHandler.collect.selector,
                PoolHandler.collect.selector,
                PoolHandler.fundStandingOrder.selector
            ];
            for (uint256 i; i < tokenOnly.length; ++i) {
                s[n++] = tokenOnly[i];
            }
        }
        assembly ("memory-safe") {
            mstore(s, n)
        }
    }

    // ---------------------------------------------------------------- (a) the ledger

    /// @notice balance() == totalGiven() - paid - reclaimed, where totalGiven is every gift as it arrived plus
    /// every sweep (model); the asset held is what came in less what went out, and covers the ledger; every
    /// gift, payout, reclaim and sweep moved exactly its amount.
    function invariant_balance_isGivenMinusPaidMinusReclaimed() public view {
        uint256 given = handler.ghostGiven();
        uint256 out = handler.ghostPaid() + handler.ghostReclaimed();
        assertEq(pool.totalGiven(), given, "totalGiven() == gifts as they arrived, plus sweeps");
        assertLe(out, given, "paid + reclaimed never exceed what was given");
        assertEq(pool.balance(), given - out, "balance() == given - paid - reclaimed");
        assertEq(handler.held(), handler.ghostAssetIn() - handler.ghostAssetOut(), "held == asset in - asset out");
        assertGe(handler.held(), pool.balance(), "the asset held covers the ledger");
        _noViolation("ledger");
    }

    // ---------------------------------------------------------------- (b) weight

    /// @notice Each contributor's weight is their matured basis (money given plus delivered in-kind value times
    /// inKindWeightBps, each counting from the epoch after it was credited), Linear or its square root, 0 after
    /// wind-down; totalWeight() is the sum of all of them.
    function invariant_totalWeight_isTheSumOfWeights() public view {
        address[] memory actors = handler.actors();
        uint256 sum;
        for (uint256 i; i < actors.length; ++i) {
            address a = actors[i];
            uint256 w = pool.weightOf(a);
            assertEq(w, handler.ghostWeightOf(a), "weightOf == matured basis (or its root), 0 after wind-down");
            (uint256 given, uint256 matured) = pool.contributionOf(a);
            assertEq(given, handler.ghostReclaimedBy(a) ? 0 : handler.ghostGivenBy(a), "contributionOf: given");
            assertEq(matured, handler.ghostMaturedBasis(a), "contributionOf: matured basis");
            sum += w;
        }
        assertEq(pool.weightOf(handler.vendor()), 0, "the vendor never gave");
        assertEq(pool.weightOf(address(handler)), 0, "sweepers and keepers earn no weight");
        assertEq(pool.totalWeight(), handler.ghostTotalWeight(), "totalWeight == sum of matured weights (model)");
        assertEq(pool.totalWeight(), sum, "totalWeight() == sum of weightOf");
        _noViolation("weight");
    }

    // ---------------------------------------------------------------- (c) claims and lines

    /// @notice No claim is paid twice, before its challenge window closed, while a recall runs, once void, or
    /// past the ledger; no line pays (or holds reserved) more than its cap in one period, and a line whose period
    /// length never changed has exactly its cap less this period's claims left (a claim that fits goes through);
    /// each claim reads, under its receipt hash, the status, filing number, payee, amount, window, period and
    /// objection bar the rules give it (a paid one with its payout cleared).
    function invariant_payClaim_neverTwiceNorPastTheLineCap() public view {
        uint256 claims = handler.claimCount();
        assertEq(pool.claimCount(), claims, "claimCount == claims filed");
        for (uint256 n; n < claims; ++n) {
            _checkClaim(n);
        }
        uint256 lines = handler.lineCount();
        for (uint256 line; line < lines; ++line) {
            (,,, uint256 spent, uint256 left, uint256 nextReset) = pool.budgetLine(line);
            assertEq(nextReset, handler.ghostNextReset(line), "a line's period ends on a boundary from creation");
            (uint256 ghostSpent, uint256 ghostLeft) = handler.ghostLineLeft(line);
            if (handler.ghostPeriodChanged(line)) {
                // Spending carried across a change of length may count more, never less: no change of length,
                // however repeated, loses (or frees) what this (length, index) period has reserved.
                assertGe(spent, ghostSpent, "spent this period >= claims filed in it (length changed)");
                assertLe(left, ghostLeft, "left this period <= cap - its claims (length changed)");
                continue;
            }
            assertEq(spent, ghostSpent, "spent this period == claims filed in it, less cancelled and rejected ones");
            assertEq(left, ghostLeft, "left this period == cap - spent");
        }
        uint256 periods = handler.periodCount();
        for (uint256 i; i < periods; ++i) {
            PoolModel.PeriodLedger memory p = handler.periodAt(i);
            assertLe(p.paid, p.capMax, "paid in one line period <= its cap");
            assertLe(p.reserved, p.capMax, "reserved in one line period <= its cap");
        }
        _noViolation("claims");
    }

    /// @notice A receipt backs one claim: each claim is stored under the receipt hash it was filed with and
    /// keeps its own filing number there (a second filing under that hash would have replaced it), no two
    /// claims share a hash, no claim has none, an id that names no claim reads as nothing, and what left the
    /// ledger for claims is the paid claims' amounts, each once.
    function invariant_fileClaim_aReceiptBacksOneClaim() public view {
        uint256 claims = handler.claimCount();
        uint256 paid;
        for (uint256 n; n < claims; ++n) {
            PoolModel.GhostClaim memory g = handler.claimAt(n);
            assertTrue(g.id != 0, "no claim without a receipt");
            (bool filed, uint256 number) = handler.claimNumberOf(g.id);
            assertTrue(filed && number == n, "no two claims share a receipt hash");
            (Claim memory c, ClaimStatus status) = pool.claim(g.id);
            assertEq(c.number, n, "the claim stored under a receipt is the one filed with it");
            if (status == ClaimStatus.Paid) paid += g.amount;
        }
        assertEq(paid, handler.ghostPaid(), "the model's payouts are its paid claims");
        // Reclaims are the only other way out of the ledger.
        (, uint256 reclaimed) = pool.windDownState();
        assertEq(pool.totalGiven() - pool.balance() - reclaimed, paid, "paid out == the paid claims, each once");
        // Filing numbers were the ids once; now they name a claim only if one was filed under that hash.
        for (uint256 k; k <= claims; ++k) {
            (bool filed,) = handler.claimNumberOf(k);
            if (filed) continue;
            (Claim memory c, ClaimStatus status) = pool.claim(k);
            assertEq(uint8(status), uint8(ClaimStatus.None), "an id of no claim reads None");
            assertEq(c.payee, address(0), "an id of no claim has no payee");
            assertEq(pool.receiptOf(k), bytes32(0), "an id of no claim has no receipt");
            assertFalse(pool.hasObjected(k, handler.actors()[0]), "nobody objected to an id of no claim");
        }
        _noViolation("claims");
    }

    // ---------------------------------------------------------------- (d) wind-down

    /// @notice Nothing is paid after wind-down: only reclaims leave the ledger, and no claim is payable.
    function invariant_payClaim_nothingAfterWindDown() public view {
        if (!handler.ghostWoundDown()) return;
        assertEq(handler.ghostPaid(), handler.ghostPaidAtWindDown(), "paid total frozen at wind-down");
        (SeatStatus status,,) = pool.seat();
        assertEq(uint8(status), uint8(SeatStatus.WoundDown), "the seat stays wound down");
        (uint256 left, uint256 reclaimed) = pool.windDownState();
        assertEq(pool.balance(), left - reclaimed, "after wind-down only reclaims leave the ledger");
        uint256 claims = handler.claimCount();
        for (uint256 n; n < claims; ++n) {
            (, ClaimStatus s) = pool.claim(handler.claimAt(n).id);
            assertTrue(s != ClaimStatus.Pending, "no claim is pending after wind-down");
        }
        assertEq(pool.totalWeight(), 0, "no weight after wind-down");
    }

    // ---------------------------------------------------------------- (e) reclaims

    /// @notice `left` is the ledger at wind-down; each contributor reclaims exactly left × given / (given by
    /// all contributors), once, whenever they like; the reclaims never sum past `left`, and once everyone has
    /// reclaimed, less than one wei per contributor stays.
    function invariant_reclaim_neverExceedsWhatWasLeft() public view {
        (uint256 left, uint256 reclaimed) = pool.windDownState();
        assertLe(reclaimed, left, "reclaimed <= left");
        assertEq(reclaimed, handler.ghostReclaimed(), "reclaimed == sum of reclaims");
        _noViolation("reclaim");
        if (!handler.ghostWoundDown()) {
            assertEq(left, 0, "nothing left recorded before wind-down");
            assertEq(pool.reclaimable(handler.actors()[0]), 0, "nothing to reclaim before wind-down");
            return;
        }
        assertEq(left, handler.ghostLeft(), "left == the ledger at wind-down");
        address[] memory actors = handler.actors();
        uint256 owed = reclaimed;
        uint256 contributors;
        bool everyoneReclaimed = true;
        for (uint256 i; i < actors.length; ++i) {
            uint256 share = pool.reclaimable(actors[i]);
            assertEq(share, handler.ghostReclaimable(actors[i]), "reclaimable == left x given / given by all, once");
            owed += share;
            if (handler.ghostGivenBy(actors[i]) == 0) continue;
            ++contributors;
            if (!handler.ghostReclaimedBy(actors[i])) everyoneReclaimed = false;
        }
        assertLe(owed, left, "reclaimed + reclaimable <= left");
        if (everyoneReclaimed) assertLt(left - reclaimed, contributors, "dust < 1 wei per contributor");
    }

    // ---------------------------------------------------------------- (f) the seat

    /// @notice At most one maintainer, and the one the rules put there: the seat is filled (or under recall)
    /// exactly when someone holds it, maintainer-only calls succeed only for them, and the seat's clocks
    /// (last activity, opened at) are the rules'.
    function invariant_seat_atMostOneMaintainer() public view {
        address m = pool.maintainer();
        assertEq(m, handler.ghostMaintainer(), "maintainer() == the one the rules installed");
        (SeatStatus status, uint256 lastActive, uint256 openedAt) = pool.seat();
        assertEq(uint8(status), uint8(handler.ghostSeat()), "seat status");
        assertEq(lastActive, handler.ghostLastActive(), "the maintainer's last action");
        assertEq(openedAt, handler.ghostOpenedAt(), "when the seat last opened");
        bool held = status == SeatStatus.Filled || status == SeatStatus.Recall;
        assertEq(m != address(0), held, "someone holds the seat iff it is filled or under recall");
        _noViolation("seat");
    }

    // ---------------------------------------------------------------- (g) elections and petitions

    /// @notice An election's leader has the most votes (the first to reach the top score on a tie), every
    /// candidate's votes are the matured weights of the contributors who voted for them, once each, and their
    /// sum never passes the voting epoch's total weight; the petition carries the signers' matured weight.
    function invariant_election_leaderHasTheMostVotes() public view {
        (uint256 id, uint8 phase, uint64 startsAt, uint64 endsAt, address leader, uint256 leaderVotes) =
            pool.election();
        assertEq(id, handler.ghostElectionId(), "election id");
        assertEq(phase, uint8(handler.ghostPhase()), "election phase");
        (uint256 ghostStart, uint256 ghostEnd) = handler.ghostVotingWindow();
        assertEq(startsAt, ghostStart, "voting starts at an epoch boundary");
        assertEq(endsAt, ghostEnd, "voting lasts one whole epoch");
        assertEq(leader, handler.ghostLeader(), "leader");
        assertEq(leaderVotes, handler.ghostLeaderVotes(), "leader's votes");
        assertEq(uint8(pool.electionKind()), handler.ghostElectionKind(), "election kind");
        if (id != 0) {
            address[] memory actors = handler.actors();
            uint256 sum;
            for (uint256 i; i <= actors.length; ++i) {
                address who = i == actors.length ? handler.vendor() : actors[i];
                (bool nominated, uint256 votes) = pool.candidate(id, who);
                assertEq(nominated, handler.ghostNominated(id, who), "nominated");
                // One slot per contributor, forgotten at reclaim (README).
                bool voted = handler.ghostVoted(id, who) && !handler.ghostReclaimedBy(who);
                assertEq(pool.hasVoted(id, who), voted, "hasVoted: each contributor votes once");
                assertEq(votes, handler.ghostVotes(id, who), "votes == matured weight of their voters");
                assertLe(votes, leaderVotes, "nobody has more votes than the leader");
                sum += votes;
            }
            if (leaderVotes != 0) {
                (bool nominated, uint256 votes) = pool.candidate(id, leader);
                assertTrue(nominated, "the leader was nominated");
                assertEq(votes, leaderVotes, "the leader has the leader's votes");
                assertLe(sum, handler.ghostElectionTotal(), "votes <= the voting epoch's total weight");
            }
        }
        (uint256 petitionId, uint256 petitionWeight,,) = pool.petition();
        assertEq(petitionId, handler.ghostPetitionId(), "petition id");
        assertEq(petitionWeight, handler.ghostPetitionWeight(), "petition weight == signers' matured weight");
        _noViolation("election");
    }

    // ---------------------------------------------------------------- (h) changes

    /// @notice Lines and rules change only by an applied proposal, after its notice, unless objections
    /// reached the bar fixed when it was proposed.
    function invariant_changes_takeEffectOnlyAfterNotice() public view {
        Rules memory r = pool.rules();
        Rules memory g = handler.ghostRules();
        assertEq(keccak256(abi.encode(r)), keccak256(abi.encode(g)), "rules() == the rules last applied");
        uint256 lines = handler.lineCount();
        assertEq(pool.lineCount(), lines, "lineCount");
        for (uint256 i; i < lines; ++i) {
            PoolModel.GhostLine memory l = handler.lineAt(i);
            (string memory name, uint256 cap, uint64 period,,,) = pool.budgetLine(i);
            assertEq(name, l.name, "line name");
            assertEq(cap, l.cap, "line cap");
            assertEq(period, l.period, "line period");
        }
        uint256 proposals = handler.proposalCount();
        assertEq(pool.proposalCount(), proposals, "proposalCount");
        address[] memory actors = handler.actors();
        for (uint256 id; id < proposals; ++id) {
            Proposal memory p = pool.proposal(id);
            PoolModel.GhostProposal memory gp = handler.proposalAt(id);
            assertEq(uint8(p.status), uint8(handler.proposalStatus(id)), "proposal status");
            assertEq(p.effectiveAt, gp.effectiveAt, "effective at proposal + ruleChangeDelay");
            assertEq(p.toReject, gp.toReject, "objection bar less the matured weight that objected");
            assertEq(p.changes, gp.changes, "a change records the fields that differ from those in force");
            for (uint256 i; i < actors.length; ++i) {
                assertEq(
                    pool.hasObjectedToChange(id, actors[i]),
                    handler.objectedChange(id, actors[i]),
                    "hasObjectedToChange"
                );
            }
        }
        _noViolation("changes");
    }

    // ---------------------------------------------------------------- (i) standing orders

    /// @notice A standing order is what its donor last set; it is collected once per period at most: since it
    /// was set it has pulled at most its amount for each period begun, and one collection pulls at most
    /// MAX_CATCH_UP periods; `carried()` sums the orders standing.
    function invariant_standingOrders_neverCollectMoreThanDue() public view {
        assertEq(pool.MAX_CATCH_UP(), MAX_CATCH_UP, "MAX_CATCH_UP");
        assertLe(handler.ghostMaxPeriodsPulled(), MAX_CATCH_UP, "one collection pulls <= MAX_CATCH_UP periods");
        address[] memory actors = handler.actors();
        uint256 nowAt = vm.getBlockTimestamp();
        for (uint256 i; i < actors.length; ++i) {
            PoolModel.GhostOrder memory o = handler.orderOf(actors[i]);
            (uint256 amount, uint256 period, uint256 nextDue) = pool.subscriptionOf(actors[i]);
            assertEq(amount, o.amount, "order amount");
            assertEq(period, o.period, "order period");
            assertEq(nextDue, o.nextDue, "order's next due date");
            if (o.amount == 0) continue;
            uint256 begun = nowAt < o.segStart ? 0 : (nowAt - o.segStart) / o.period + 1;
            assertLe(o.segPulled, o.amount * begun, "an order pulls at most its amount per period begun");
        }
        (, uint256 recurring,,) = pool.carried();
        (, uint256 ghostRecurring,,) = handler.ghostCarried();
        assertEq(recurring, ghostRecurring, "carried(): recurring gifts standing");
        _noViolation("orders");
    }

    // ---------------------------------------------------------------- (j) pledges

    /// @notice Every pledge reads as offered, decided, delivered and withdrawn; deliveries never pass what was
    /// pledged; deliveredOf and carried() sum them.
    function invariant_pledges_matchTheirRecords() public view {
        uint256 count = handler.pledgeCount();
        assertEq(pool.pledgeCount(), count, "pledgeCount");
        for (uint256 id; id < count; ++id) {
            Pledge memory p = pool.pledgeAt(id);
            PoolModel.GhostPledge memory g = handler.pledgeAt(id);
            assertEq(p.pledger, g.pledger, "pledger");
            assertEq(p.valuePerPeriod, g.value, "value per period");
            assertEq(p.period, g.period, "period");
            assertEq(p.periods, g.periods, "periods");
            assertEq(p.delivered, g.delivered, "periods delivered");
            assertEq(uint8(p.status), uint8(g.status), "pledge status");
            assertLe(p.delivered, p.periods, "never more delivered than pledged");
        }
        address[] memory actors = handler.actors();
        for (uint256 i; i < actors.length; ++i) {
            assertEq(pool.deliveredOf(actors[i]), handler.ghostDeliveredBy(actors[i]), "deliveredOf");
        }
        (uint256 budget, uint256 recurring, uint256 pledged, uint256 delivered) = pool.carried();
        (uint256 gBudget, uint256 gRecurring, uint256 gPledged, uint256 gDelivered) = handler.ghostCarried();
        assertEq(budget, gBudget, "carried(): budget of the lines");
        assertEq(recurring, gRecurring, "carried(): recurring");
        assertEq(pledged, gPledged, "carried(): pledged by accepted pledges");
        assertEq(delivered, gDelivered, "carried(): delivered");
        _noViolation("pledges");
    }

    // ---------------------------------------------------------------- no panics

    /// @notice No call ever hit a Panic (an arithmetic overflow or underflow, say): every refusal is a
    /// meaningful custom error.
    function invariant_pool_neverPanics() public view {
        assertEq(handler.panics(), 0, string.concat("panic in ", handler.lastPanic()));
    }

    /// @dev The runner calls this once at the end of each run.
    function afterInvariant() public view {
        assertGt(handler.succeeded(), 0, string.concat("the handler was exercised: ", handler.summary()));
    }

    // ---------------------------------------------------------------- replayed sequences

    /// @notice The shortest sequence the campaigns found against (a), replayed: stray funds arrive (10 ether,
    /// not swept), the maintainer claims the stipend line's whole cap (10 ether, more than the 3-ether
    /// ledger), the challenge window passes, anyone pays. The pool must not pay a claim out of funds that are
    /// not in its ledger: after this, `balance()` would underflow, and with it `sweep` and `windDown`.
    function test_payClaim_neverPaysPastTheLedgerFromStrayFunds() public {
        handler.forceFunds(10 ether);
        // Line 1, all it has left, under a fresh receipt.
        handler.fileClaim({lineSeed: 1, amount: 0, payeeSeed: 0, senderSeed: 1, receiptSeed: 12});
        assertEq(handler.claimCount(), 1, "the claim was filed");
        assertGt(handler.claimAt(0).amount, pool.balance(), "the claim exceeds the ledger");
        handler.warp({kind: 4, secondsSeed: 0}); // past the claim delay
        handler.payClaim(1);
        invariant_balance_isGivenMinusPaidMinusReclaimed();
        invariant_payClaim_neverTwiceNorPastTheLineCap();
        invariant_pool_neverPanics();
    }

    /// @notice A scripted walk through the handler in which every action succeeds at least once (so no action
    /// of the campaigns is vacuous), with every invariant checked at the end: gifts, permits, standing orders,
    /// pledges, claims, changes, an election that installs a successor, a wind-down and a reclaim.
    function test_handler_everyActionSucceeds() public {
        handler.give(1, 1 ether);
        handler.send(2, 0.5 ether);
        handler.forceFunds(1 ether);
        handler.sweep(3);
        if (isTokenPool) {
            handler.giveWithPermit(3, 1 ether, 0); // a fresh permit
            handler.giveWithPermit(4, 1 ether, 1); // a permit a front-runner used first
            handler.subscribe(1, 0.1 ether, 2); // daily
            handler.collect(1); // the first period is due at once
            handler.fundStandingOrder(1, 0);
            handler.warp(1, 0); // the next epoch: a day later, the next period is due
            handler.collect(1); // the second period
            handler.unsubscribe(1);
        }
        handler.pledge(2, 0.3 ether, 0, 2); // pledge 0: 3 daily periods
        handler.acceptPledge(0, 1);
        handler.recordDelivery(0, 0, 1);
        handler.pledge(3, 0.2 ether, 1, 0); // pledge 1
        handler.declinePledge(1, 1);
        handler.withdrawPledge(0, 1); // the pledger withdraws pledge 0 after one delivery

        // Receipt seeds: 12 a fresh receipt, 4 none, 32k + 0 claim k's receipt.
        handler.fileClaim({lineSeed: 1, amount: 2, payeeSeed: 0, senderSeed: 1, receiptSeed: 12}); // claim 0: 2 wei
        handler.object(0, 0); // maya's small weight does not reject it
        handler.cancelClaim(0, 1);
        handler.fileClaim({lineSeed: 1, amount: 2, payeeSeed: 0, senderSeed: 1, receiptSeed: 0}); // refused
        handler.fileClaim({lineSeed: 1, amount: 2, payeeSeed: 0, senderSeed: 1, receiptSeed: 4}); // refused
        handler.fileClaim({lineSeed: 1, amount: 2, payeeSeed: 0, senderSeed: 1, receiptSeed: 12}); // claim 1
        handler.warp(4, 0); // past the claim delay
        handler.payClaim(1);
        handler.fileClaim({lineSeed: 1, amount: 2, payeeSeed: 0, senderSeed: 1, receiptSeed: 32}); // refused
        assertEq(handler.claimCount(), 2, "two claims filed");
        assertEq(handler.revertCount("refileReceipt"), 2, "claim 0's receipt (cancelled), claim 1's (paid)");
        assertEq(handler.revertCount("fileNoReceipt"), 1, "no receipt");

        handler.proposeBudgetChange(0, 1 ether, 1, 1); // proposal 0
        handler.proposeRulesChange(0, 1); // proposal 1
        handler.proposeBudgetChange(1, 5 ether, 1, 1); // proposal 2
        handler.objectToChange(1, 7); // on proposal 2
        handler.cancelChange(4, 1); // proposal 1
        handler.warp(7, 0); // past the notice
        handler.applyChange(0);

        handler.heartbeat(1);
        handler.petitionRecall(1);
        handler.reinitialize(1); // refused
        handler.stepDown(0); // maya steps down: a vacancy election
        handler.callElection(1); // refused: one is open
        handler.nominate(1, 2); // olu
        handler.warp(6, 0); // voting starts
        for (uint256 i = 1; i < 5; ++i) {
            handler.vote(i, 2);
        }
        handler.warp(6, 0); // voting ends
        handler.finalizeElection();
        assertEq(pool.maintainer(), handler.actors()[2], "olu took the seat");

        handler.warp(1, 0); // the start of an epoch: the next vote is an epoch away
        handler.stepDown(4); // olu steps down
        handler.warp(8, 0); // past the vacancy period
        handler.windDown(3); // actor 1; only one seed in three tries
        handler.reclaim(1);
        handler.give(1, 1 ether); // refused: wound down

        string[30] memory actions = [
            "give", "send", "forceFunds", "sweep", "pledge", "acceptPledge", "recordDelivery", "declinePledge",
            "withdrawPledge", "fileClaim", "object", "cancelClaim", "payClaim", "proposeBudgetChange",
            "proposeRulesChange", "objectToChange", "cancelChange", "applyChange", "heartbeat", "petitionRecall",
            "stepDown", "nominate", "vote", "finalizeElection", "windDown", "reclaim", "warp",
            // token pools only (checked below):
            "giveWithPermit", "subscribe", "collect"
        ];
        for (uint256 i; i < actions.length; ++i) {
            if (i >= 27 && !isTokenPool) break;
            assertGt(handler.okCount(bytes32(bytes(actions[i]))), 0, string.concat(actions[i], " never succeeded"));
        }
        if (isTokenPool) assertGt(handler.okCount("unsubscribe"), 0, "unsubscribe never succeeded");
        assertGt(handler.revertCount("reinitialize"), 0, "reinitialize was tried");
        assertGt(handler.revertCount("callElection"), 0, "callElection was tried");
        _checkAll();
    }

    /// @notice A scripted recall: the maintainer files a claim, contributors petition past the threshold, the
    /// claim cannot be paid while the recall runs, someone else wins it, and the claim is void for good (by its
    /// filing number: its id, a receipt hash, is far above the claim count) and keeps its receipt; the
    /// successor's own claim is not void.
    function test_handler_recallVoidsTheIncumbentsClaims() public {
        handler.fileClaim({lineSeed: 1, amount: 2, payeeSeed: 0, senderSeed: 1, receiptSeed: 12}); // claim 0, by maya
        for (uint256 i = 1; i < 5; ++i) {
            handler.petitionRecall(i); // the third signature passes 50%; the fourth finds the recall open
        }
        (SeatStatus status,,) = pool.seat();
        assertEq(uint8(status), uint8(SeatStatus.Recall), "the recall opened");
        handler.warp(4, 0); // past the claim delay
        handler.payClaim(0); // refused: payments are frozen
        handler.nominate(1, 2); // olu runs against maya
        handler.warp(6, 0); // voting starts
        for (uint256 i = 1; i < 5; ++i) {
            handler.vote(i, 2);
        }
        handler.warp(6, 0); // voting ends
        handler.finalizeElection();
        assertEq(pool.maintainer(), handler.actors()[2], "olu took the seat");
        (, ClaimStatus claimStatus) = pool.claim(handler.claimAt(0).id);
        assertEq(uint8(claimStatus), uint8(ClaimStatus.Void), "the recalled maintainer's claim is void");
        handler.payClaim(0); // refused: void
        // Void, claim 0 still holds its receipt; a claim olu files takes a number past the recall's bar.
        handler.fileClaim({lineSeed: 1, amount: 2, payeeSeed: 0, senderSeed: 1, receiptSeed: 0}); // refused
        assertEq(handler.revertCount("refileReceipt"), 1, "claim 0's receipt was tried again");
        // Claim 1, by olu, under receipt 1 (the fuzzer's own word, 37 >> 5): a tiny id.
        handler.fileClaim({lineSeed: 1, amount: 2, payeeSeed: 0, senderSeed: 1, receiptSeed: 37});
        assertEq(handler.claimAt(1).id, 1, "claim 1's id is its receipt, 1");
        (, claimStatus) = pool.claim(handler.claimAt(1).id);
        assertEq(uint8(claimStatus), uint8(ClaimStatus.Pending), "a claim filed after the recall is not void");
        assertEq(handler.okCount("payClaim"), 0, "nothing was paid");
        assertEq(handler.ghostPaid(), 0, "nothing was paid");
        _checkAll();
    }

    /// @notice Issue 13's sequence through the handler: the stipend line (7 days) is changed to 1 hour and back
    /// (`proposePeriodRoundTrip`, twice), a claim for its whole cap is filed two seconds before the first notice
    /// ends, the first change is applied then and the way back, proposed from 1 hour, at the end of its notice,
    /// inside the same 7-day period. The period still holds the claim, and cancelling it frees exactly its
    /// amount (on main: a panic).
    function test_handler_periodRoundTripKeepsThePendingClaim() public {
        handler.proposePeriodRoundTrip({lineSeed: 1, periodSeed: 0, senderSeed: 1}); // 7 days -> 1 hour
        handler.warp(10, 0); // two seconds before the notice ends
        handler.fileClaim({lineSeed: 1, amount: 0, payeeSeed: 0, senderSeed: 1, receiptSeed: 12}); // all of the cap
        assertEq(handler.claimCount(), 1, "the claim was filed");
        handler.warp(11, 0); // the notice ends
        handler.applyChange(0); // proposal 0: to 1 hour
        (,, uint64 period,,,) = pool.budgetLine(1);
        assertEq(period, 1 hours, "the line has 1-hour periods");
        handler.proposePeriodRoundTrip({lineSeed: 1, periodSeed: 0, senderSeed: 1}); // 1 hour -> 7 days
        handler.warp(11, 0); // its notice ends
        handler.applyChange(1); // proposal 1: back to 7 days
        (,, uint64 back, uint256 spent, uint256 left,) = pool.budgetLine(1);
        assertEq(back, 7 days, "back to 7-day periods");
        assertEq(spent, 10 ether, "the same 7-day period still holds the claim");
        assertEq(left, 0, "nothing left: the cap cannot be spent twice");
        // The claim's 6-hour window closed during the day's notice of the way back: the maintainer withdraws it
        // (a release in the same period, which panicked before issue 13's fix, as the rejection did).
        handler.cancelClaim(0, 1);
        (, ClaimStatus status) = pool.claim(handler.claimAt(0).id);
        assertEq(uint8(status), uint8(ClaimStatus.Cancelled), "cancelled, no panic");
        (,,, spent,,) = pool.budgetLine(1);
        assertEq(spent, 0, "its amount freed");
        assertEq(handler.okCount("applyChange"), 2, "both changes applied");
        _checkAll();
    }

    /// @dev The claim filed `n`-th against the model. Paid and voided claims stay stored pending; paying
    /// clears only the payout (payee and amount), and the rest of the record stays.
    function _checkClaim(uint256 n) internal view {
        PoolModel.GhostClaim memory g = handler.claimAt(n);
        (Claim memory c, ClaimStatus status) = pool.claim(g.id);
        ClaimStatus want = handler.claimStatus(n);
        assertEq(uint8(status), uint8(want), "claim status as the rules say");
        bool storedPending = want == ClaimStatus.Paid || want == ClaimStatus.Void;
        assertEq(uint8(c.status), uint8(storedPending ? ClaimStatus.Pending : want), "stored claim status");
        assertEq(pool.receiptOf(g.id), bytes32(g.id), "receiptOf: the receipt hash the claim is stored under");
        assertEq(c.number, n, "a claim keeps its filing number");
        address[] memory actors = handler.actors();
        for (uint256 i; i < actors.length; ++i) {
            assertEq(pool.hasObjected(g.id, actors[i]), handler.objectedClaim(n, actors[i]), "hasObjected");
        }
        if (want == ClaimStatus.Paid) {
            assertEq(c.payee, address(0), "a paid claim's payee is cleared");
            assertEq(c.amount, 0, "a paid claim's amount is cleared");
        } else {
            assertEq(c.payee, g.payee, "claim payee");
            assertEq(c.amount, g.amount, "claim amount");
        }
        assertEq(c.line, g.line, "claim line");
        assertEq(c.period, g.period, "the line's period length at filing");
        assertEq(c.periodIndex, g.periodIndex, "the line period the claim reserved in");
        assertEq(c.payableAt, g.payableAt, "claim payable at filing + claimDelay");
        assertEq(c.toReject, g.toReject, "objection bar less the matured weight that objected");
    }

    function _checkAll() internal view {
        invariant_balance_isGivenMinusPaidMinusReclaimed();
        invariant_totalWeight_isTheSumOfWeights();
        invariant_payClaim_neverTwiceNorPastTheLineCap();
        invariant_fileClaim_aReceiptBacksOneClaim();
        invariant_payClaim_nothingAfterWindDown();
        invariant_reclaim_neverExceedsWhatWasLeft();
        invariant_seat_atMostOneMaintainer();
        invariant_election_leaderHasTheMostVotes();
        invariant_changes_takeEffectOnlyAfterNotice();
        invariant_standingOrders_neverCollectMoreThanDue();
        invariant_pledges_matchTheirRecords();
        invariant_pool_neverPanics();
    }

    function _noViolation(bytes32 topic) internal view {
        assertEq(handler.violations(topic), 0, handler.firstViolation(topic));
    }

    // ---------------------------------------------------------------- config

    /// @dev Short clocks (1-day epochs, 6-hour challenge windows, 2-day vacancy) so that a run of 64 calls
    /// can reach claims paid, elections held and a wind-down; a 50% recall bar so recalls do not freeze
    /// payments in most runs.
    function _config(address asset) internal pure returns (Config memory) {
        return Config({
            asset: asset,
            maintainer: _maya(),
            metadataURI: "ipfs://potluck-invariants",
            epochLength: 1 days,
            claimDelay: 6 hours,
            ruleChangeDelay: 1 days,
            inactivityPeriod: 4 days,
            vacancyPeriod: 2 days, // the least a 1-day epoch allows
            objectionQuorumBps: 2_000,
            electionQuorumBps: 2_500,
            recallThresholdBps: 5_000,
            inKindWeightBps: _inKindWeightBps(),
            weighting: _weighting()
        });
    }

    /// @dev The first actor ("maya", as `makeAddr` derives it) maintains the pool at first.
    function _maya() internal pure returns (address) {
        return vm.addr(uint256(keccak256(abi.encodePacked("maya"))));
    }

    function _lines() internal pure returns (BudgetLine[] memory lines) {
        lines = new BudgetLine[](2);
        lines[0] = BudgetLine({name: "hosting", cap: 2 ether, period: 2 days});
        lines[1] = BudgetLine({name: "maintainer stipend", cap: 10 ether, period: 7 days});
    }
}

/// @notice An ETH pool with Linear weight; delivered in-kind value counts at half the weight of money.
contract PoolInvariantsEthTest is PoolInvariantsBase {
    function _token() internal pure override returns (MockERC20) {
        return MockERC20(address(0));
    }

    function _weighting() internal pure override returns (Weighting) {
        return Weighting.Linear;
    }

    function _inKindWeightBps() internal pure override returns (uint16) {
        return 5_000;
    }
}

/// @notice A pool of a fee-on-transfer token (1% fee) with Quadratic weight, in-kind value at a quarter of
/// money's weight: gifts, permits and standing orders are credited as they arrive, payouts leave in full.
contract PoolInvariantsFeeTokenTest is PoolInvariantsBase {
    function _token() internal override returns (MockERC20) {
        return new FeeOnTransferToken("Fee USD", "FUSD", 18, 100, makeAddr("fee sink"));
    }

    function _feeBps() internal pure override returns (uint256) {
        return 100;
    }

    function _weighting() internal pure override returns (Weighting) {
        return Weighting.Quadratic;
    }

    function _inKindWeightBps() internal pure override returns (uint16) {
        return 2_500;
    }
}

/// @notice A pool of a plain EIP-2612 token with Linear weight, where in-kind value carries no weight (the
/// default).
contract PoolInvariantsTokenTest is PoolInvariantsBase {
    function _token() internal override returns (MockERC20) {
        return new MockERC20("Mock USD", "mUSD", 6);
    }

    function _weighting() internal pure override returns (Weighting) {
        return Weighting.Linear;
    }

    function _inKindWeightBps() internal pure override returns (uint16) {
        return 0;
    }
}
