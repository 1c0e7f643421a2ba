// Attack catalogue: a maintainer out of the seat. Once the seat is open (stepDown, abandonment), taken by
// someone else (a lost recall) or the pool wound down, every maintainer-only call by the former maintainer is
// refused with PoolNotMaintainer(caller); while a recall election runs, the incumbent keeps the seat but cannot
// file, propose or book pledges (PoolSeatStatus(Recall)), and nobody can pay a claim or apply a change
// (PoolPaymentsFrozen). Pending claims and changes: void after a lost recall, after a recalled maintainer
// steps down, and at wind-down; still payable after a voluntary step-down or abandonment (README, "The life
// of a claim"). A receipt backs one claim per pool, ever: re-filing it (after payment, cancellation, rejection
// or a recall, by the same maintainer or a successor) is refused with PoolReceiptAlreadyFiled(hash), and an id
// nobody filed is PoolUnknownClaim(id). Earlier cases: test/pool/budget.test.ts ("payClaim" › "pays the claims
// of a maintainer who stepped down", recall and void cases), test/pool/succession.test.ts ("stepDown",
// "petitionRecall").
import { expect } from "chai";
import { network } from "hardhat";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { IPool } from "../../types/ethers-contracts/index.js";
import { ClaimStatus, DAY, DEFAULT_RULES, ETH, SeatStatus, claimIdOf, createPool, defaultConfig, deployPotluck, nextEpoch } from "../helpers/potluck.js";
import { ElectionKind, PledgeStatus, ProposalStatus, kit, receiptHash } from "./shared.js";

const { ethers, networkHelpers } = await network.create();
const { loadFixture, time } = networkHelpers;
const { at, giveEth, file } = kit(ethers, networkHelpers);

const STIPEND = 1n;

/**
 * Maintainer `m` with alice 40 and bob 30 ETH matured. `m` filed `own` (number 0, 1 ETH to itself) and `other`
 * (number 1, 2 ETH to `payee`), proposed change 0, accepted bob's pledge 1; bob's pledge 0 is offered.
 */
async function seatFixture() {
  const [deployer, m, alice, bob, payee, successor, keeper] = await ethers.getSigners();
  const { factory } = await deployPotluck(ethers);
  const pool = await createPool(factory, deployer, defaultConfig(m.address));
  await giveEth(pool, alice, 40n * ETH);
  await giveEth(pool, bob, 30n * ETH);
  await pool.connect(bob).pledge("a desk", ETH, 30n * DAY, 3);
  await pool.connect(bob).pledge("build cores", ETH, 30n * DAY, 3);
  await pool.connect(m).acceptPledge(1n);
  await nextEpoch(pool, networkHelpers);
  const own = await file(pool, m, STIPEND, ETH, m.address, "own");
  const other = await file(pool, m, STIPEND, 2n * ETH, payee.address, "other");
  await pool.connect(m).proposeBudgetChange(0n, "hosting", 3n * ETH, 30n * DAY);
  return { pool, m, alice, bob, payee, successor, keeper, own, other };
}
type F = Awaited<ReturnType<typeof seatFixture>>;

async function steppedDown() {
  const f = await seatFixture();
  await f.pool.connect(f.m).stepDown();
  return f;
}

async function abandoned() {
  const f = await seatFixture();
  await time.increase(90n * DAY);
  await f.pool.connect(f.keeper).callElection();
  return f;
}

async function recalling() {
  const f = await seatFixture();
  await f.pool.connect(f.alice).petitionRecall(); // 40 of 70: past the 30% threshold
  return f;
}

/** Runs the election under way to its end: alice nominates and elects `successor`. */
async function electSuccessor(f: F) {
  await f.pool.connect(f.alice).nominate(f.successor.address);
  await time.increaseTo((await f.pool.election()).votingStartsAt);
  await f.pool.connect(f.alice).vote(f.successor.address);
  await time.increaseTo((await f.pool.election()).votingEndsAt);
  await f.pool.finalizeElection();
}

async function recalledAway() {
  const f = await recalling();
  await electSuccessor(f);
  return f;
}

async function woundDown() {
  const f = await steppedDown();
  await time.increase(60n * DAY);
  await f.pool.windDown();
  return f;
}

/** Every maintainer-only transaction, as the former maintainer would send it. */
const MAINTAINER_CALLS: [string, (f: F) => unknown[]][] = [
  ["fileClaim", (f) => [STIPEND, ETH, f.m.address, receiptHash("pay me"), ""]],
  ["cancelClaim", (f) => [f.other.id]],
  ["proposeBudgetChange", () => [STIPEND, "maintainer stipend", 100n * ETH, 30n * DAY]],
  ["proposeRulesChange", () => [DEFAULT_RULES]],
  ["cancelChange", () => [0n]],
  ["heartbeat", () => []],
  ["stepDown", () => []],
  ["acceptPledge", () => [0n]],
  ["declinePledge", () => [0n]],
  ["recordDelivery", () => [1n, 1]],
];

/** Moves the clock to `t` unless it is already past. */
async function until(t: bigint) {
  if (BigInt(await time.latest()) < t) await time.increaseTo(t);
}

function send(pool: IPool, who: HardhatEthersSigner, name: string, args: unknown[]) {
  const fn = pool.connect(who).getFunction(name);
  return fn(...args);
}

describe("Attacks: a maintainer out of the seat", function () {
  const states: [string, () => Promise<F>][] = [
    ["after stepping down", steppedDown],
    ["after being found inactive (callElection)", abandoned],
    ["after losing a recall", recalledAway],
    ["after wind-down", woundDown],
  ];
  for (const [state, fixture] of states) {
    describe(state, function () {
      for (const [name, args] of MAINTAINER_CALLS) {
        it(`${name} by the former maintainer: PoolNotMaintainer(former)`, async function () {
          const f = await loadFixture(fixture);
          await expect(send(f.pool, f.m, name, args(f)))
            .to.be.revertedWithCustomError(f.pool, "PoolNotMaintainer")
            .withArgs(f.m.address);
        });
      }
    });
  }

  describe("what happens to the former maintainer's pending claims and changes", function () {
    for (const [state, fixture] of [
      ["after stepping down", steppedDown],
      ["after being found inactive", abandoned],
    ] as const) {
      it(`${state}: they stay pending and are paid, to the former maintainer too (only a recall or wind-down voids them)`, async function () {
        const f = await loadFixture(fixture);
        expect(await f.pool.maintainer()).to.equal(ethers.ZeroAddress);
        expect((await f.pool.seat()).status).to.equal(SeatStatus.Open);
        await until(f.other.payableAt);
        await expect(f.pool.connect(f.keeper).payClaim(f.own.id)).to.changeEtherBalances(ethers, [f.pool, f.m], [-ETH, ETH]);
        await expect(f.pool.connect(f.keeper).payClaim(f.other.id)).to.emit(f.pool, "ClaimPaid").withArgs(f.other.id);
        // The change proposed before leaving still takes effect after its notice.
        await until((await f.pool.proposal(0n)).effectiveAt);
        await expect(f.pool.connect(f.keeper).applyChange(0n)).to.emit(f.pool, "ChangeApplied").withArgs(0n);
      });
    }

    it("after losing a recall: claims Void (the former maintainer cannot pay itself), changes Cancelled, the successor files anew", async function () {
      const f = await loadFixture(recalledAway);
      expect(await f.pool.maintainer()).to.equal(f.successor.address);
      for (const c of [f.own, f.other]) {
        expect((await f.pool.claim(c.id))[1]).to.equal(ClaimStatus.Void);
        await expect(f.pool.connect(f.m).payClaim(c.id))
          .to.be.revertedWithCustomError(f.pool, "PoolClaimNotPending")
          .withArgs(c.id, ClaimStatus.Void);
      }
      expect((await f.pool.proposal(0n)).status).to.equal(ProposalStatus.Cancelled);
      await expect(f.pool.connect(f.keeper).applyChange(0n))
        .to.be.revertedWithCustomError(f.pool, "PoolProposalNotPending")
        .withArgs(0n, ProposalStatus.Cancelled);
      await expect(f.pool.connect(f.successor).fileClaim(STIPEND, ETH, f.successor.address, receiptHash("new"), ""))
        .to.emit(f.pool, "ClaimFiled");
    });

    it("after wind-down: claims Void and changes Cancelled; the ledger goes back to the donors", async function () {
      const f = await loadFixture(woundDown);
      for (const c of [f.own, f.other]) {
        await expect(f.pool.connect(f.m).payClaim(c.id))
          .to.be.revertedWithCustomError(f.pool, "PoolClaimNotPending")
          .withArgs(c.id, ClaimStatus.Void);
      }
      expect((await f.pool.proposal(0n)).status).to.equal(ProposalStatus.Cancelled);
      expect([...(await f.pool.windDownState())]).to.deep.equal([70n * ETH, 0n]);
      expect(await f.pool.reclaimable(f.m.address)).to.equal(0n);
    });
  });

  describe("while a recall election runs (the incumbent still holds the seat)", function () {
    for (const name of ["fileClaim", "proposeBudgetChange", "proposeRulesChange", "acceptPledge", "declinePledge", "recordDelivery"]) {
      it(`${name}: PoolSeatStatus(Recall)`, async function () {
        const f = await loadFixture(recalling);
        const args = MAINTAINER_CALLS.find(([n]) => n === name)![1](f);
        await expect(send(f.pool, f.m, name, args)).to.be.revertedWithCustomError(f.pool, "PoolSeatStatus").withArgs(SeatStatus.Recall);
      });
    }

    it("payClaim and applyChange, by anyone: PoolPaymentsFrozen and PoolChangesFrozen, even past payableAt and effectiveAt", async function () {
      const f = await loadFixture(recalling);
      await until((await f.pool.proposal(0n)).effectiveAt);
      await expect(f.pool.connect(f.keeper).payClaim(f.own.id)).to.be.revertedWithCustomError(f.pool, "PoolPaymentsFrozen");
      await expect(f.pool.connect(f.m).payClaim(f.own.id)).to.be.revertedWithCustomError(f.pool, "PoolPaymentsFrozen");
      await expect(f.pool.connect(f.keeper).applyChange(0n)).to.be.revertedWithCustomError(f.pool, "PoolChangesFrozen").withArgs(0n);
    });

    it("the incumbent may still withdraw (cancelClaim, cancelChange) and heartbeat: nothing that moves money", async function () {
      const f = await loadFixture(recalling);
      await expect(f.pool.connect(f.m).cancelClaim(f.other.id)).to.emit(f.pool, "ClaimCancelled").withArgs(f.other.id);
      await expect(f.pool.connect(f.m).cancelChange(0n)).to.emit(f.pool, "ChangeCancelled").withArgs(0n);
      await expect(f.pool.connect(f.m).heartbeat()).to.emit(f.pool, "Heartbeat").withArgs(f.m.address);
      expect((await f.pool.seat()).status).to.equal(SeatStatus.Recall);
      expect((await f.pool.pledgeAt(0n)).status).to.equal(PledgeStatus.Offered);
    });

    it("stepping down to escape the recall voids every pending claim and change, and the recall goes on as a vacancy election", async function () {
      const f = await loadFixture(recalling);
      const { id } = await f.pool.election();
      await f.pool.connect(f.m).stepDown();
      expect(await f.pool.electionKind()).to.equal(ElectionKind.Vacancy);
      expect((await f.pool.election()).id).to.equal(id);
      for (const c of [f.own, f.other]) expect((await f.pool.claim(c.id))[1]).to.equal(ClaimStatus.Void);
      expect((await f.pool.proposal(0n)).status).to.equal(ProposalStatus.Cancelled);
      await until(f.other.payableAt);
      await expect(f.pool.connect(f.keeper).payClaim(f.own.id))
        .to.be.revertedWithCustomError(f.pool, "PoolClaimNotPending")
        .withArgs(f.own.id, ClaimStatus.Void);
    });
  });

  describe("a successor and the predecessor's leftovers", function () {
    it("after a vacancy election the new maintainer may cancel a claim its predecessor filed to itself", async function () {
      const f = await loadFixture(steppedDown);
      await f.pool.connect(f.alice).nominate(f.successor.address);
      await time.increaseTo((await f.pool.election()).votingStartsAt);
      await f.pool.connect(f.alice).vote(f.successor.address);
      await time.increaseTo((await f.pool.election()).votingEndsAt);
      await f.pool.finalizeElection();
      await expect(f.pool.connect(f.successor).cancelClaim(f.own.id)).to.emit(f.pool, "ClaimCancelled").withArgs(f.own.id);
      await expect(f.pool.connect(f.m).cancelClaim(f.other.id))
        .to.be.revertedWithCustomError(f.pool, "PoolNotMaintainer")
        .withArgs(f.m.address);
    });
  });

  describe("a receipt backs one claim (a claim is stored under its receipt hash)", function () {
    /** Files `c`'s receipt again, as `who`, with other terms: the receipt alone decides. */
    function refile(f: F, who: HardhatEthersSigner, c: F["own"]) {
      return f.pool.connect(who).fileClaim(0n, 1n, who.address, c.hash, "ipfs://receipt/again");
    }

    it("a maintainer re-files a receipt that was already paid, to be paid twice: PoolReceiptAlreadyFiled(hash), whatever the line, amount or payee", async function () {
      const f = await loadFixture(seatFixture);
      await at(f.own.payableAt);
      await expect(f.pool.connect(f.keeper).payClaim(f.own.id)).to.changeEtherBalances(ethers, [f.pool, f.m], [-ETH, ETH]);
      const balance = await f.pool.balance();
      for (const args of [
        [STIPEND, ETH, f.m.address], // the same claim again
        [0n, 2n * ETH, f.payee.address], // other terms, same receipt
      ] as const) {
        await expect(f.pool.connect(f.m).fileClaim(...args, f.own.hash, ""))
          .to.be.revertedWithCustomError(f.pool, "PoolReceiptAlreadyFiled")
          .withArgs(f.own.hash);
      }
      expect(await f.pool.claimCount()).to.equal(2n);
      expect(await f.pool.balance()).to.equal(balance);
      // The paid claim keeps its record: Paid, number 0, the payout slot cleared.
      const [paid, status] = await f.pool.claim(f.own.id);
      expect(status).to.equal(ClaimStatus.Paid);
      expect([paid.payee, paid.amount, paid.number]).to.deep.equal([ethers.ZeroAddress, 0n, 0n]);
      expect(await f.pool.receiptOf(f.own.id)).to.equal(f.own.hash);
    });

    it("the same once the first claim was cancelled or rejected (or while it is pending): PoolReceiptAlreadyFiled(hash)", async function () {
      const f = await loadFixture(seatFixture);
      await expect(refile(f, f.m, f.other)).to.be.revertedWithCustomError(f.pool, "PoolReceiptAlreadyFiled").withArgs(f.other.hash);
      await f.pool.connect(f.m).cancelClaim(f.other.id);
      await f.pool.connect(f.alice).object(f.own.id); // 40 of 70: past the 20% bar
      expect([(await f.pool.claim(f.other.id))[1], (await f.pool.claim(f.own.id))[1]]).to.deep.equal([
        ClaimStatus.Cancelled,
        ClaimStatus.Rejected,
      ]);
      for (const c of [f.other, f.own]) {
        await expect(refile(f, f.m, c)).to.be.revertedWithCustomError(f.pool, "PoolReceiptAlreadyFiled").withArgs(c.hash);
      }
      // A fresh receipt still files: only the used ones are refused.
      await expect(f.pool.connect(f.m).fileClaim(STIPEND, ETH, f.m.address, receiptHash("own, corrected"), ""))
        .to.emit(f.pool, "ClaimFiled")
        .withArgs(claimIdOf(receiptHash("own, corrected")), STIPEND, f.m.address, ETH, receiptHash("own, corrected"), "");
      expect(await f.pool.claimCount()).to.equal(3n);
    });

    it("a successor maintainer after a recall re-files the predecessor's paid and voided receipts: PoolReceiptAlreadyFiled(hash)", async function () {
      const f = await loadFixture(seatFixture);
      await at(f.own.payableAt);
      await f.pool.connect(f.keeper).payClaim(f.own.id);
      await f.pool.connect(f.alice).petitionRecall();
      await electSuccessor(f);
      expect(await f.pool.maintainer()).to.equal(f.successor.address);
      expect([(await f.pool.claim(f.own.id))[1], (await f.pool.claim(f.other.id))[1]]).to.deep.equal([
        ClaimStatus.Paid,
        ClaimStatus.Void,
      ]);
      for (const c of [f.own, f.other]) {
        await expect(refile(f, f.successor, c)).to.be.revertedWithCustomError(f.pool, "PoolReceiptAlreadyFiled").withArgs(c.hash);
      }
      const fresh = await file(f.pool, f.successor, STIPEND, ETH, f.payee.address, "successor's first");
      expect(fresh.number).to.equal(2n);
      expect((await f.pool.claim(fresh.id))[1]).to.equal(ClaimStatus.Pending);
    });

    it("a claim id nobody filed (the old sequential ids 0 and 1 among them): PoolUnknownClaim(id) on every claim call", async function () {
      const f = await loadFixture(seatFixture);
      // Alice's objections are recorded under claim numbers 0 and 1: ids 0 and 1 must not read them.
      for (const c of [f.own, f.other]) await f.pool.connect(f.alice).object(c.id);
      expect(await f.pool.hasObjected(f.own.id, f.alice.address)).to.equal(true);
      for (const id of [0n, 1n, claimIdOf(receiptHash("never filed"))]) {
        await expect(f.pool.connect(f.alice).object(id)).to.be.revertedWithCustomError(f.pool, "PoolUnknownClaim").withArgs(id);
        await expect(f.pool.connect(f.keeper).payClaim(id)).to.be.revertedWithCustomError(f.pool, "PoolUnknownClaim").withArgs(id);
        await expect(f.pool.connect(f.m).cancelClaim(id)).to.be.revertedWithCustomError(f.pool, "PoolUnknownClaim").withArgs(id);
        expect((await f.pool.claim(id))[1]).to.equal(ClaimStatus.None);
        expect(await f.pool.receiptOf(id)).to.equal(ethers.ZeroHash);
        expect(await f.pool.hasObjected(id, f.alice.address)).to.equal(false);
      }
    });
  });
});
