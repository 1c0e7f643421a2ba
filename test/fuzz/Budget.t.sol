// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IPool, IPoolBudget} from "../../contracts/interfaces/IPool.sol";
import {Pool} from "../../contracts/Pool.sol";
import {PoolExtension} from "../../contracts/PoolExtension.sol";
import {PoolFactory} from "../../contracts/PoolFactory.sol";
import {BudgetLine} from "../../contracts/types/BudgetLine.sol";
import {Claim, ClaimStatus} from "../../contracts/types/Claim.sol";
import {Config} from "../../contracts/types/Config.sol";
import {Weighting} from "../../contracts/types/Weighting.sol";
import {Test} from "../utils/Test.sol";

/// @notice Fuzzes budget reservations against a model written here from DESIGN.md: a line's periods are cut
/// from the pool's genesis; a claim reserves its amount in the period it is filed in; a cancelled or rejected
/// claim frees exactly its amount in that period; a paid claim stays counted; no period ever holds more than
/// the cap. The model recomputes a period's spending from the list of claims, so it shares nothing with the
/// pool's lazy reset.
contract BudgetFuzzTest is Test {
    uint256 internal constant START = 1_750_000_000; // a 2025 timestamp; the runner starts at 1
    uint256 internal constant MAX = type(uint96).max;
    uint64 internal constant EPOCH = 1 days;
    uint64 internal constant CLAIM_DELAY = 1 days;
    uint256 internal constant STEPS = 14;
    uint256 internal constant LENGTH_STEPS = 16;
    uint256 internal constant LINE = 0;

    enum Kind {
        File,
        FileAndReject,
        Cancel,
        Pay,
        Object
    }

    /// @dev A claim as the model sees it, at its filing number; `id` is its receipt hash.
    struct ModelClaim {
        uint256 id;
        uint256 amount;
        uint256 periodIndex;
        uint256 payableAt;
        ClaimStatus status; // Pending, Paid, Rejected or Cancelled
    }

    struct Model {
        ModelClaim[] claims;
        uint256 count;
        uint256 cap;
        uint256 period;
        uint256 genesis;
    }

    /// @dev A claim of the period-length fuzz: the (length, index) period it reserved in.
    struct LengthClaim {
        uint256 id;
        uint256 amount;
        uint256 period;
        uint256 periodIndex;
        uint256 payableAt;
        ClaimStatus status; // Pending, Paid, Rejected or Cancelled
    }

    struct LengthModel {
        LengthClaim[] claims;
        uint256 count;
        uint256 cap;
        uint256 period; // the line's length now
        uint256 previous; // the length before the last change (a change back goes there)
        uint256 changedAt; // when the length last changed (0: never)
        uint256 genesis;
    }

    PoolFactory internal factory;
    address internal maintainer;
    address internal donor;
    address internal payee;

    function setUp() public {
        vm.warp(START);
        maintainer = makeAddr("maintainer");
        donor = makeAddr("donor");
        payee = makeAddr("payee");
        PoolExtension extension = new PoolExtension();
        Pool implementation = new Pool(address(extension));
        factory = new PoolFactory(address(implementation));
    }

    // ---------------------------------------------------------------- fuzz

    /// @notice Random claims (exactly what is left, one wei more, anything up to the cap) against a line with a
    /// random cap and period, across random times (exactly at a period boundary, one second before, inside a
    /// period, several periods on), interleaved with rejections, cancellations, payments and late objections.
    function testFuzz_fileClaim_neverReservesMoreThanTheCapInAPeriod(
        uint256 genesisOffset,
        uint256 cap,
        uint256 period,
        uint256[STEPS] calldata actions,
        uint256[STEPS] calldata amounts
    ) public {
        cap = bound(cap, 1, MAX);
        period = bound(period, 1 hours, 3650 days);
        // Genesis is not aligned with anything: periods are counted from it.
        vm.warp(START + bound(genesisOffset, 0, 365 days));
        IPool pool = _createPool(cap, uint64(period));
        Model memory m = Model({
            claims: new ModelClaim[](STEPS), count: 0, cap: cap, period: period, genesis: pool.genesis()
        });
        _check(pool, m);

        // The donor's gift matures at the next epoch boundary: from then on the donor alone rejects a claim.
        _give(pool, MAX / 2);
        vm.warp(pool.genesis() + EPOCH);

        for (uint256 i; i < STEPS; ++i) {
            uint256 a = actions[i];
            _move(m, a);
            Kind kind = Kind(uint8(a) % 5);
            if (kind == Kind.File || kind == Kind.FileAndReject) {
                _file(pool, m, a, amounts[i], kind == Kind.FileAndReject);
            } else if (m.count != 0) {
                uint256 n = uint32(a >> 32) % m.count;
                if (kind == Kind.Cancel) _cancel(pool, m, n);
                else if (kind == Kind.Pay) _pay(pool, m, n);
                else _object(pool, m, n);
            }
            _check(pool, m);
        }
    }

    /// @notice `budgetLine(..).nextReset` is the end of the period counted from genesis, for any time.
    function testFuzz_budgetLine_nextResetIsTheNextBoundaryFromGenesis(uint256 period, uint256 later) public {
        period = bound(period, 1 hours, 3650 days);
        IPool pool = _createPool(1 ether, uint64(period));
        uint256 genesis = pool.genesis();
        uint256 t = genesis + bound(later, 0, 100 * period);
        vm.warp(t);
        (,,,,, uint256 nextReset) = pool.budgetLine(LINE);
        assertEq(nextReset, genesis + ((t - genesis) / period + 1) * period, "nextReset");
        assertGt(nextReset, t, "in the future");
        assertLe(nextReset - t, period, "at most one period ahead");
    }

    // ---------------------------------------------------------------- receipts

    /// @notice A claim is stored under its receipt hash: any nonzero hash is the claim's id, and it backs that
    /// claim only. Filing it again is refused whatever became of the first claim (pending, paid, cancelled or
    /// rejected), whatever the new claim would pay, even periods later, and leaves the first claim as it was;
    /// another pool takes the same receipt. A zero hash is refused.
    function testFuzz_fileClaim_aReceiptBacksOneClaim(bytes32 receipt, uint256 fateSeed, uint256 amount, uint256 later)
        public
    {
        IPool pool = _createPool(10 ether, 1 days);
        _give(pool, 100 ether);
        vm.warp(pool.genesis() + EPOCH); // the donor's gift has matured: the donor alone rejects a claim
        amount = bound(amount, 1, 1 ether);
        if (receipt == 0) {
            vm.prank(maintainer);
            vm.expectRevert(abi.encodeWithSelector(IPoolBudget.PoolInvalidReceipt.selector, receipt));
            pool.fileClaim(LINE, amount, payee, receipt, "ipfs://receipt");
            assertEq(pool.claimCount(), 0, "nothing filed");
            return;
        }
        // Another claim first, so the one under test is not number 0.
        bytes32 other = receipt == bytes32(uint256(1)) ? bytes32(uint256(2)) : bytes32(uint256(1));
        vm.startPrank(maintainer);
        pool.fileClaim(LINE, 1, payee, other, "ipfs://other");
        uint256 id = pool.fileClaim(LINE, amount, payee, receipt, "ipfs://receipt");
        vm.stopPrank();
        assertEq(id, uint256(receipt), "the id is the receipt hash");
        assertEq(pool.receiptOf(id), receipt, "receiptOf(id) is the receipt hash");

        ClaimStatus fate = ClaimStatus(uint8(ClaimStatus.Pending) + fateSeed % 4); // Pending to Cancelled
        if (fate == ClaimStatus.Paid) {
            skip(CLAIM_DELAY);
            pool.payClaim(id);
        } else if (fate == ClaimStatus.Rejected) {
            vm.prank(donor);
            pool.object(id);
        } else if (fate == ClaimStatus.Cancelled) {
            vm.prank(maintainer);
            pool.cancelClaim(id);
        }
        (Claim memory before, ClaimStatus status) = pool.claim(id);
        assertEq(uint8(status), uint8(fate), "the first claim's fate");
        assertEq(before.number, 1, "the second claim filed");

        skip(bound(later, 0, 30 days)); // any time later, maybe periods later
        vm.prank(maintainer);
        vm.expectRevert(abi.encodeWithSelector(IPoolBudget.PoolReceiptAlreadyFiled.selector, receipt));
        pool.fileClaim(LINE, 2, makeAddr("someone else"), receipt, "ipfs://again");

        assertEq(pool.claimCount(), 2, "the refused filing took no number");
        (Claim memory afterwards,) = pool.claim(id);
        assertEq(abi.encode(afterwards), abi.encode(before), "the first claim is left as it was");
        // A receipt backs one claim per pool: another pool's ledger is its own.
        IPool another = _createPool(10 ether, 1 days);
        vm.prank(maintainer);
        assertEq(another.fileClaim(LINE, amount, payee, receipt, "ipfs://receipt"), id, "another pool takes it");
    }

    // ---------------------------------------------------------------- a line whose period changed

    /// @notice A claim filed under a line's old period must free, when cancelled, nothing in a period of the
    /// new length. Counterexample (period 1 day, cap 10): claim A (4) filed at day 10.5, in period 10; the
    /// period becomes 2 days at day 21.5, which is period 10 again; the maintainer reserves the whole cap (10)
    /// there and cancels A. The line must still have 0 left: freeing A there would let 14 be claimed in one
    /// 2-day period, past the cap of 10.
    function test_cancelClaim_afterAPeriodChangeFreesNothingInTheNewPeriod() public {
        IPool pool = _createPool(10, 1 days);
        uint256 genesis = pool.genesis();

        vm.warp(genesis + 10 days + 12 hours);
        vm.prank(maintainer);
        uint256 a = pool.fileClaim(LINE, 4, payee, keccak256("A"), "ipfs://a");

        vm.warp(genesis + 14 days + 12 hours);
        vm.prank(maintainer);
        uint256 proposalId = pool.proposeBudgetChange(LINE, "hosting", 10, 2 days);
        vm.warp(genesis + 21 days + 12 hours); // after the 7-day notice: 2-day period 10
        pool.applyChange(proposalId);
        (,,, uint256 spent, uint256 left,) = pool.budgetLine(LINE);
        assertEq(spent, 0, "a new 2-day period: nothing spent");
        assertEq(left, 10, "the whole cap is left");

        vm.prank(maintainer);
        pool.fileClaim(LINE, 10, payee, keccak256("B"), "ipfs://b");

        vm.prank(maintainer);
        pool.cancelClaim(a);
        (,,, spent, left,) = pool.budgetLine(LINE);
        assertEq(spent, 10, "cancelling A (old period) leaves the new period's spending as it was");
        assertEq(left, 0, "nothing left in this 2-day period");

        vm.prank(maintainer);
        vm.expectRevert(abi.encodeWithSelector(IPoolBudget.PoolOverBudget.selector, LINE, 4, 0));
        pool.fileClaim(LINE, 4, payee, keccak256("C"), "ipfs://c");
    }

    /// @notice Any old period length, any new one, any times: after the change, cancelling a claim filed under
    /// the old length never frees budget that claims filed under the new length hold, and never reverts.
    function testFuzz_cancelClaim_afterAPeriodChangeNeverFreesTheNewPeriodsBudget(
        uint256 oldPeriod,
        uint256 newPeriod,
        uint256 filedAt,
        uint256 appliedAfter,
        uint256 amountA
    ) public {
        uint256 cap = 10 ether;
        oldPeriod = bound(oldPeriod, 1 hours, 60 days);
        newPeriod = bound(newPeriod, 1 hours, 60 days);
        // A change of length: proposing the length in force would change nothing (PoolChangesNothing).
        if (newPeriod == oldPeriod) newPeriod = oldPeriod == 60 days ? 1 hours : oldPeriod + 1;
        amountA = bound(amountA, 1, cap);
        IPool pool = _createPool(cap, uint64(oldPeriod));
        uint256 genesis = pool.genesis();

        vm.warp(genesis + bound(filedAt, 0, 200 days));
        vm.startPrank(maintainer);
        uint256 a = pool.fileClaim(LINE, amountA, payee, keccak256("A"), "ipfs://a");
        uint256 proposalId = pool.proposeBudgetChange(LINE, "hosting", cap, uint64(newPeriod));
        vm.stopPrank();
        skip(7 days + bound(appliedAfter, 0, 200 days)); // the notice, then any time
        pool.applyChange(proposalId);

        // Whatever the new period still has, a claim takes all of it.
        (,,,, uint256 left,) = pool.budgetLine(LINE);
        uint256 held;
        if (left != 0) {
            vm.prank(maintainer);
            pool.fileClaim(LINE, left, payee, keccak256("B"), "ipfs://b");
            held = left;
        }
        (,,, uint256 spentBefore,,) = pool.budgetLine(LINE);

        vm.prank(maintainer);
        pool.cancelClaim(a); // never reverts: a maintainer can always withdraw a pending claim

        (,,, uint256 spent, uint256 leftAfter,) = pool.budgetLine(LINE);
        assertGe(spent, held, "B's reservation (new length) is still counted");
        assertLe(spentBefore - spent, amountA, "frees at most A's own amount");
        assertLe(leftAfter, cap - held, "at most the cap in the new period");
        if (leftAfter < cap) {
            vm.prank(maintainer);
            vm.expectRevert(
                abi.encodeWithSelector(IPoolBudget.PoolOverBudget.selector, LINE, leftAfter + 1, leftAfter)
            );
            pool.fileClaim(LINE, leftAfter + 1, payee, keccak256("C"), "ipfs://c");
        }
    }

    /// @notice The same with nothing reserved in the new period yet: cancelling the old claim must succeed
    /// (a maintainer can always withdraw a pending claim) and leave the new period untouched.
    function test_cancelClaim_afterAPeriodChangeSucceedsWithNothingSpent() public {
        IPool pool = _createPool(10, 1 days);
        uint256 genesis = pool.genesis();

        vm.warp(genesis + 10 days + 12 hours);
        vm.prank(maintainer);
        uint256 a = pool.fileClaim(LINE, 4, payee, keccak256("A"), "ipfs://a");
        vm.warp(genesis + 14 days + 12 hours);
        vm.prank(maintainer);
        uint256 proposalId = pool.proposeBudgetChange(LINE, "hosting", 10, 2 days);
        vm.warp(genesis + 21 days + 12 hours);
        pool.applyChange(proposalId);

        vm.prank(maintainer);
        pool.cancelClaim(a);
        (, ClaimStatus status) = pool.claim(a);
        assertEq(uint8(status), uint8(ClaimStatus.Cancelled), "cancelled");
        (,,, uint256 spent, uint256 left,) = pool.budgetLine(LINE);
        assertEq(spent, 0, "spent");
        assertEq(left, 10, "left");
    }

    // ---------------------------------------------------------------- arbitrary sequences of period lengths

    /// @notice Arbitrary sequences of period lengths (1 hour to 30 days, and often back to the length before),
    /// each change applied after a 1-hour notice, interleaved with claims (exactly what is left, one wei
    /// more, anything up to the cap), cancellations, rejections, payments and warps to the boundaries of the
    /// length in force. Spending is kept per (length, index) period: no change ever frees or loses what a
    /// period has reserved (the line's live period always counts at least its own claims, and exactly them when
    /// the length has not changed since it began), a change never raises what is left, a release frees exactly
    /// its amount where the claim's period is kept (in the live period, or aside) and nothing elsewhere, every
    /// cancellation and rejection of a pending claim succeeds (no panic), and no period ever holds more than
    /// the cap.
    function testFuzz_periodLengthChanges_neverFreeNorLoseAPeriodsSpending(
        uint256 cap,
        uint256 startSeed,
        uint256[LENGTH_STEPS] calldata actions,
        uint256[LENGTH_STEPS] calldata amounts
    ) public {
        cap = bound(cap, 1, 1000 ether);
        uint256 start = _length(startSeed);
        IPool pool = _createPoolWith(cap, uint64(start), 1 hours);
        LengthModel memory m = LengthModel({
            claims: new LengthClaim[](LENGTH_STEPS),
            count: 0,
            cap: cap,
            period: start,
            previous: _length(startSeed >> 8),
            changedAt: 0,
            genesis: pool.genesis()
        });
        _give(pool, MAX / 2);
        vm.warp(m.genesis + EPOCH + bound(startSeed >> 16, 0, 30 days)); // the donor alone rejects a claim

        for (uint256 i; i < LENGTH_STEPS; ++i) {
            uint256 a = actions[i];
            uint256 kind = a % 8;
            if (kind < 3) {
                _fileUnderLength(pool, m, a, amounts[i]);
            } else if (kind == 3) {
                _changeLength(pool, m, a);
            } else if (kind == 4) {
                _warpInLength(m, a);
            } else if (m.count != 0) {
                _releaseUnderLength(pool, m, uint32(a >> 32) % m.count, kind);
            }
            _checkLength(pool, m);
        }
    }

    /// @notice The reproduction of issue 13 at the fuzz test's scale: 30 days, to 1 hour, back within the
    /// 30-day period, a claim pending across both: rejecting it must not panic, and the cap is not spent twice.
    function test_applyChange_lengthChangedAndBackKeepsThePeriodsClaim() public {
        IPool pool = _createPoolWith(2 ether, 30 days, 1 hours);
        _give(pool, 10 ether);
        uint256 genesis = pool.genesis();
        vm.warp(genesis + 30 days);
        vm.startPrank(maintainer);
        uint256 there = pool.proposeBudgetChange(LINE, "hosting", 2 ether, 1 hours);
        skip(1 hours - 2);
        uint256 id = pool.fileClaim(LINE, 2 ether, payee, keccak256("pending across"), "ipfs://a");
        skip(2);
        pool.applyChange(there);
        // Back to 30 days: proposed once the line has the other length (a proposal that changes nothing in force
        // is refused), applied an hour later, still inside the first 30-day period.
        uint256 back = pool.proposeBudgetChange(LINE, "hosting", 2 ether, 30 days);
        vm.stopPrank();
        skip(1 hours);
        pool.applyChange(back);
        (,,, uint256 spent, uint256 left,) = pool.budgetLine(LINE);
        assertEq(spent, 2 ether, "the 30-day period still holds the claim");
        assertEq(left, 0, "nothing left");
        vm.prank(maintainer);
        vm.expectRevert(abi.encodeWithSelector(IPoolBudget.PoolOverBudget.selector, LINE, 2 ether, 0));
        pool.fileClaim(LINE, 2 ether, payee, keccak256("twice"), "ipfs://b");
        vm.prank(donor);
        pool.object(id); // the donor holds all the weight: rejected, and no panic
        (, ClaimStatus status) = pool.claim(id);
        assertEq(uint8(status), uint8(ClaimStatus.Rejected), "rejected");
        (,,, spent, left,) = pool.budgetLine(LINE);
        assertEq(spent, 0, "its amount freed");
        assertEq(left, 2 ether, "the cap is left");
    }

    function _fileUnderLength(IPool pool, LengthModel memory m, uint256 a, uint256 rawAmount) internal {
        uint256 own = _ownSpent(m, m.period, _indexOf(m, m.period));
        uint256 ownLeft = m.cap > own ? m.cap - own : 0;
        (,,,, uint256 left,) = pool.budgetLine(LINE);
        uint256 pick = uint8(a >> 8) % 4;
        uint256 amount;
        if (pick == 0) amount = left == 0 ? 1 : left; // exactly what the pool says is left
        else if (pick == 1) amount = left + 1; // one wei too much
        else if (pick == 2) amount = bound(rawAmount, 1, m.cap); // anything up to the cap
        else amount = bound(rawAmount, 1, _max(ownLeft / 3, 1)); // small, so that several fit
        bytes32 receipt = keccak256(abi.encode("length receipt", m.count));
        bool exact = m.changedAt < _periodStart(m);
        vm.prank(maintainer);
        try pool.fileClaim(LINE, amount, payee, receipt, "ipfs://receipt") returns (uint256 id) {
            assertLe(amount, ownLeft, "a filing never takes what the period reserved: nothing was freed");
            assertLe(amount, left, "a filing takes at most what the pool said was left");
            m.claims[m.count++] = LengthClaim({
                id: id,
                amount: amount,
                period: m.period,
                periodIndex: _indexOf(m, m.period),
                payableAt: vm.getBlockTimestamp() + CLAIM_DELAY,
                status: ClaimStatus.Pending
            });
        } catch (bytes memory reason) {
            assertEq(bytes4(reason), IPoolBudget.PoolOverBudget.selector, "a filing is refused only over budget");
            assertGt(amount, left, "refused only past what the pool said was left");
            if (exact) assertGt(amount, ownLeft, "no change since the period began: refused exactly past the cap");
        }
    }

    /// @dev Proposes a new length (often the one before: back and forth), waits the 1-hour notice (exactly, or
    /// a little more) and applies it. A change never raises what is left in the line's period now.
    function _changeLength(IPool pool, LengthModel memory m, uint256 a) internal {
        uint256 next = (a >> 8) % 2 == 0 ? m.previous : _length(a >> 16);
        if (next == m.period) next = next == 1 hours ? 2 hours : 1 hours;
        vm.prank(maintainer);
        uint256 proposalId = pool.proposeBudgetChange(LINE, "hosting", m.cap, uint64(next));
        skip(1 hours + ((a >> 24) % 3 == 0 ? (a >> 32) % 2 hours : 0));
        (,,,, uint256 leftBefore,) = pool.budgetLine(LINE);
        bool liveBefore = _ownSpent(m, m.period, _indexOf(m, m.period)) != 0;
        pool.applyChange(proposalId);
        (,,,, uint256 leftAfter,) = pool.budgetLine(LINE);
        if (liveBefore) assertLe(leftAfter, leftBefore, "a change of length frees no cap");
        m.previous = m.period;
        m.period = next;
        m.changedAt = vm.getBlockTimestamp();
    }

    /// @dev To the next boundary of the length in force, one second before it, a few minutes, or into a
    /// period up to two on.
    function _warpInLength(LengthModel memory m, uint256 a) internal {
        uint256 next = _periodStart(m) + m.period;
        uint256 kind = (a >> 8) % 4;
        if (kind == 0) vm.warp(next);
        else if (kind == 1 && next - 1 > vm.getBlockTimestamp()) vm.warp(next - 1);
        else if (kind == 2) skip((a >> 16) % 30 minutes);
        else skip((a >> 16) % (2 * m.period));
    }

    /// @dev Cancels (kind 5), rejects (6) or pays (7) the claim filed `n`-th. A release frees exactly the
    /// claim's amount in the live period if the claim reserved there, and nothing in it otherwise.
    function _releaseUnderLength(IPool pool, LengthModel memory m, uint256 n, uint256 kind) internal {
        LengthClaim memory c = m.claims[n];
        (,,, uint256 spentBefore,,) = pool.budgetLine(LINE);
        bool live = c.period == m.period && c.periodIndex == _indexOf(m, m.period);
        if (kind == 7) {
            if (c.status != ClaimStatus.Pending || vm.getBlockTimestamp() < c.payableAt) return;
            pool.payClaim(c.id);
            m.claims[n].status = ClaimStatus.Paid;
        } else if (c.status != ClaimStatus.Pending) {
            return;
        } else if (kind == 5) {
            vm.prank(maintainer);
            pool.cancelClaim(c.id); // never reverts, whatever the line's length did since
            m.claims[n].status = ClaimStatus.Cancelled;
        } else {
            if (vm.getBlockTimestamp() >= c.payableAt) return;
            vm.prank(donor);
            pool.object(c.id); // the donor holds all the weight: rejected, and never a panic
            m.claims[n].status = ClaimStatus.Rejected;
        }
        (,,, uint256 spent,,) = pool.budgetLine(LINE);
        uint256 freed = live && kind != 7 ? c.amount : 0;
        assertEq(spent, spentBefore - freed, "a release frees its amount where it reserved, nothing elsewhere");
    }

    function _checkLength(IPool pool, LengthModel memory m) internal view {
        uint256 index = _indexOf(m, m.period);
        uint256 own = _ownSpent(m, m.period, index);
        (,, uint64 period, uint256 spent, uint256 left,) = pool.budgetLine(LINE);
        assertEq(period, m.period, "the length in force");
        assertGe(spent, own, "the live period counts at least its own claims: nothing lost");
        if (m.changedAt < _periodStart(m)) assertEq(spent, own, "no change since the period began: exactly them");
        assertEq(left, m.cap > spent ? m.cap - spent : 0, "left == cap - spent");
        for (uint256 i; i < m.count; ++i) {
            LengthClaim memory c = m.claims[i];
            assertLe(_ownSpent(m, c.period, c.periodIndex), m.cap, "no (length, index) period holds more than the cap");
            (Claim memory stored, ClaimStatus status) = pool.claim(c.id);
            assertEq(uint8(status), uint8(c.status), "claim status");
            assertEq(stored.period, c.period, "claim length");
            assertEq(stored.periodIndex, c.periodIndex, "claim period index");
        }
    }

    function _ownSpent(LengthModel memory m, uint256 period, uint256 index) internal pure returns (uint256 spent) {
        for (uint256 i; i < m.count; ++i) {
            LengthClaim memory c = m.claims[i];
            if (c.period != period || c.periodIndex != index) continue;
            if (c.status == ClaimStatus.Pending || c.status == ClaimStatus.Paid) spent += c.amount;
        }
    }

    function _indexOf(LengthModel memory m, uint256 period) internal view returns (uint256) {
        return (vm.getBlockTimestamp() - m.genesis) / period;
    }

    function _periodStart(LengthModel memory m) internal view returns (uint256) {
        return m.genesis + _indexOf(m, m.period) * m.period;
    }

    /// @dev Lengths around the 1-hour notice and the 1-day claim window: a change back often lands in the
    /// same period of the longer length.
    function _length(uint256 seed) internal pure returns (uint256) {
        uint256[6] memory lengths = [uint256(1 hours), 2 hours, 1 days, 2 days, 7 days, 30 days];
        return lengths[seed % 6];
    }

    // ---------------------------------------------------------------- steps

    function _file(IPool pool, Model memory m, uint256 a, uint256 rawAmount, bool reject) internal {
        uint256 left = m.cap - _spentIn(m, _periodNow(m));
        uint256 amountKind = uint8(a >> 16) % 4;
        uint256 amount;
        if (amountKind == 0) amount = left == 0 ? 1 : left; // exactly what is left
        else if (amountKind == 1) amount = left + 1; // one wei too much
        else if (amountKind == 2) amount = bound(rawAmount, 1, m.cap); // anything up to the cap
        else amount = bound(rawAmount, 1, _max(left / 4, 1)); // small, so that several fit

        bytes32 receipt = _receipt(m, a);
        vm.prank(maintainer);
        if (amount > left) {
            vm.expectRevert(abi.encodeWithSelector(IPoolBudget.PoolOverBudget.selector, LINE, amount, left));
            pool.fileClaim(LINE, amount, payee, receipt, "ipfs://receipt");
            return;
        }
        uint256 id = pool.fileClaim(LINE, amount, payee, receipt, "ipfs://receipt");
        assertEq(id, uint256(receipt), "a claim's id is its receipt hash");
        uint256 n = m.count++;
        m.claims[n] = ModelClaim({
            id: id,
            amount: amount,
            periodIndex: _periodNow(m),
            payableAt: vm.getBlockTimestamp() + CLAIM_DELAY,
            status: ClaimStatus.Pending
        });
        (Claim memory c, ClaimStatus status) = pool.claim(id);
        assertEq(uint8(status), uint8(ClaimStatus.Pending), "filed: pending");
        assertEq(c.amount, amount, "claim amount");
        assertEq(c.periodIndex, _periodNow(m), "claim period");
        assertEq(c.number, n, "claim numbers count up in filing order");

        if (reject) {
            _check(pool, m);
            _object(pool, m, n); // in its window: the donor holds all the weight and rejects it alone
            assertEq(uint8(m.claims[n].status), uint8(ClaimStatus.Rejected), "rejected");
        }
    }

    /// @dev The claim filed `n`-th: its model, and its id in the pool.
    function _object(IPool pool, Model memory m, uint256 n) internal {
        ModelClaim memory c = m.claims[n];
        uint256 id = c.id;
        vm.prank(donor);
        // A paid claim is still stored pending, but it was paid after its window closed.
        bool closed = vm.getBlockTimestamp() >= c.payableAt;
        if (c.status == ClaimStatus.Paid || (c.status == ClaimStatus.Pending && closed)) {
            vm.expectRevert(abi.encodeWithSelector(IPoolBudget.PoolChallengeWindowClosed.selector, id, c.payableAt));
        } else if (c.status != ClaimStatus.Pending) {
            vm.expectRevert(abi.encodeWithSelector(IPoolBudget.PoolClaimNotPending.selector, id, c.status));
        }
        pool.object(id);
        if (c.status == ClaimStatus.Pending && vm.getBlockTimestamp() < c.payableAt) {
            m.claims[n].status = ClaimStatus.Rejected;
        }
    }

    function _cancel(IPool pool, Model memory m, uint256 n) internal {
        ModelClaim memory c = m.claims[n];
        uint256 id = c.id;
        vm.prank(maintainer);
        if (c.status != ClaimStatus.Pending) {
            vm.expectRevert(abi.encodeWithSelector(IPoolBudget.PoolClaimNotPending.selector, id, c.status));
        }
        pool.cancelClaim(id);
        if (c.status == ClaimStatus.Pending) m.claims[n].status = ClaimStatus.Cancelled;
    }

    function _pay(IPool pool, Model memory m, uint256 n) internal {
        ModelClaim memory c = m.claims[n];
        uint256 id = c.id;
        if (c.status != ClaimStatus.Pending) {
            vm.expectRevert(abi.encodeWithSelector(IPoolBudget.PoolClaimNotPending.selector, id, c.status));
            pool.payClaim(id);
            return;
        }
        if (vm.getBlockTimestamp() < c.payableAt) {
            vm.expectRevert(abi.encodeWithSelector(IPoolBudget.PoolChallengeWindowOpen.selector, id, c.payableAt));
            pool.payClaim(id);
            return;
        }
        uint256 ledger = pool.balance();
        if (c.amount > ledger) {
            // Only the ledger pays: the claim stays pending until gifts cover it.
            vm.expectRevert(abi.encodeWithSelector(IPoolBudget.PoolLedgerShort.selector, id, ledger, c.amount));
            pool.payClaim(id);
            return;
        }
        uint256 before = payee.balance;
        pool.payClaim(id);
        assertEq(payee.balance - before, c.amount, "payee got the claim");
        m.claims[n].status = ClaimStatus.Paid;
    }

    /// @dev A receipt hash for the next claim: the fuzzed word itself (so ids run from tiny to huge) unless it
    /// is zero or an earlier claim's, which the pool refuses; then a hash of the claim's number.
    function _receipt(Model memory m, uint256 a) internal pure returns (bytes32) {
        bool used = a == 0;
        for (uint256 i; i < m.count && !used; ++i) {
            used = m.claims[i].id == a;
        }
        return used ? keccak256(abi.encode("receipt", m.count)) : bytes32(a);
    }

    /// @dev Moves the clock by period boundaries of the line: not at all, exactly to the next boundary, one
    /// second before it, inside the period, a few periods on, or a few minutes.
    function _move(Model memory m, uint256 a) internal {
        uint256 kind = uint8(a >> 8) % 6;
        uint256 arg = a >> 64;
        uint256 next = m.genesis + (_periodNow(m) + 1) * m.period;
        if (kind == 1) {
            vm.warp(next);
        } else if (kind == 2) {
            if (next - 1 > vm.getBlockTimestamp()) vm.warp(next - 1);
        } else if (kind == 3) {
            skip(arg % m.period);
        } else if (kind == 4) {
            skip(arg % (4 * m.period));
        } else if (kind == 5) {
            skip(arg % 2 hours);
        }
    }

    // ---------------------------------------------------------------- the model

    function _periodNow(Model memory m) internal view returns (uint256) {
        return (vm.getBlockTimestamp() - m.genesis) / m.period;
    }

    /// @dev Reserved or paid in period `index`: every claim filed in it but those cancelled or rejected.
    function _spentIn(Model memory m, uint256 index) internal pure returns (uint256 spent) {
        for (uint256 i; i < m.count; ++i) {
            ModelClaim memory c = m.claims[i];
            if (c.periodIndex != index) continue;
            if (c.status == ClaimStatus.Pending || c.status == ClaimStatus.Paid) spent += c.amount;
        }
    }

    function _check(IPool pool, Model memory m) internal view {
        uint256 index = _periodNow(m);
        uint256 spentNow = _spentIn(m, index);
        (string memory name, uint256 cap, uint64 period, uint256 spent, uint256 left, uint256 nextReset) =
            pool.budgetLine(LINE);
        assertEq(name, "hosting", "name");
        assertEq(cap, m.cap, "cap");
        assertEq(period, m.period, "period");
        assertEq(spent, spentNow, "spent == reserved or paid in the current period");
        assertEq(left, m.cap - spentNow, "left == cap - spent");
        assertEq(nextReset, m.genesis + (index + 1) * m.period, "nextReset");
        assertEq(pool.claimCount(), m.count, "claimCount");
        for (uint256 i; i < m.count; ++i) {
            ModelClaim memory g = m.claims[i];
            assertLe(_spentIn(m, g.periodIndex), m.cap, "never more than the cap in one period");
            (Claim memory c, ClaimStatus status) = pool.claim(g.id);
            assertEq(uint8(status), uint8(g.status), "claim status");
            assertEq(c.number, i, "a claim keeps its filing number");
            // Paying clears the payout only; the rest of the record stays.
            bool paid = g.status == ClaimStatus.Paid;
            assertEq(c.payee, paid ? address(0) : payee, "claim payee (cleared once paid)");
            assertEq(c.amount, paid ? 0 : g.amount, "claim amount (cleared once paid)");
            assertEq(c.periodIndex, g.periodIndex, "claim period");
            assertEq(c.payableAt, g.payableAt, "claim payable at");
        }
    }

    // ---------------------------------------------------------------- helpers

    function _createPool(uint256 cap, uint64 period) internal returns (IPool) {
        return _createPoolWith(cap, period, 7 days);
    }

    function _createPoolWith(uint256 cap, uint64 period, uint64 ruleChangeDelay) internal returns (IPool) {
        Config memory config = Config({
            asset: address(0),
            maintainer: maintainer,
            metadataURI: "ipfs://potluck-budget",
            epochLength: EPOCH,
            claimDelay: CLAIM_DELAY,
            ruleChangeDelay: ruleChangeDelay,
            inactivityPeriod: 3650 days,
            vacancyPeriod: 60 days,
            objectionQuorumBps: 2_000,
            electionQuorumBps: 2_500,
            recallThresholdBps: 3_000,
            inKindWeightBps: 0,
            weighting: Weighting.Linear
        });
        BudgetLine[] memory lines = new BudgetLine[](1);
        lines[0] = BudgetLine({name: "hosting", cap: cap, period: period});
        return IPool(payable(factory.createPool(config, lines)));
    }

    function _give(IPool pool, uint256 amount) internal {
        vm.deal(donor, amount);
        vm.prank(donor);
        pool.give{value: amount}(amount);
    }

    function _max(uint256 a, uint256 b) internal pure returns (uint256) {
        return a > b ? a : b;
    }
}
