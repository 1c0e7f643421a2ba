// Attack catalogue: what a recall does to the seat's clock and to what is pending.
// - Only the maintainer's own acts (a claim, a cancellation, a proposal, pledge bookkeeping, a heartbeat) reset
//   the inactivity clock. A failed recall, or one the incumbent wins, is no act of theirs: the seat counts as
//   abandoned `inactivityPeriod` after their last act, however many recalls fail in between. A successor
//   installed by an election starts a fresh clock.
// - A successful recall voids every claim and change still pending, whoever filed it (the incumbent, or a
//   predecessor whose claim is still unpaid because its payee refused payment, or whose change had a long
//   notice): nothing filed before the recall is paid or applied without a fresh challenge window under the new
//   maintainer, who re-files what is owed. Everything pending at the recall was the incumbent's to cancel. A
//   failed recall, or one the incumbent wins, voids nothing.
import { expect } from "chai";
import { network } from "hardhat";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { IPool } from "../../types/ethers-contracts/index.js";
import { ClaimStatus, DAY, ETH, SeatStatus, createPool, defaultConfig, deployPotluck, nextEpoch } from "../helpers/potluck.js";
import { ProposalStatus, kit } from "./shared.js";

const { ethers, networkHelpers } = await network.create();
const { loadFixture, time } = networkHelpers;
const { at, giveEth, file, minedAt } = kit(ethers, networkHelpers);

const INACTIVITY = 90n * DAY; // defaultConfig's inactivityPeriod

/** Alice (40 ETH) and bob (30 ETH) matured; maintainer `m` heartbeat at `lastAct`. */
async function fixture() {
  const [deployer, m, alice, bob, successor, keeper, next] = await ethers.getSigners();
  const { factory } = await deployPotluck(ethers);
  const pool = await createPool(factory, deployer, defaultConfig(m.address));
  await giveEth(pool, alice, 40n * ETH);
  await giveEth(pool, bob, 30n * ETH);
  await nextEpoch(pool, networkHelpers);
  const lastAct = await minedAt(pool.connect(m).heartbeat());
  return { pool, m, alice, bob, successor, keeper, next, lastAct };
}

/** Runs the open election to its end: `voter` nominates and votes for `who` (nobody votes if `who` is null). */
async function runElection(pool: IPool, voter: HardhatEthersSigner, who: string | null) {
  if (who !== null && !(await pool.candidate((await pool.election()).id, who)).nominated) await pool.connect(voter).nominate(who);
  await time.increaseTo((await pool.election()).votingStartsAt);
  if (who !== null) await pool.connect(voter).vote(who);
  await time.increaseTo((await pool.election()).votingEndsAt);
  return pool.finalizeElection();
}

describe("a recall and the maintainer's clock", function () {
  it("a failed recall is no activity: the seat is abandoned inactivityPeriod after the maintainer's last act", async function () {
    const { pool, alice, keeper, lastAct } = await loadFixture(fixture);
    await pool.connect(alice).petitionRecall();
    await runElection(pool, alice, null); // nobody votes: the recall fails
    expect((await pool.seat()).status).to.equal(SeatStatus.Filled);
    expect((await pool.seat()).lastActive).to.equal(lastAct);
    await time.increaseTo(lastAct + INACTIVITY);
    await expect(pool.connect(keeper).callElection()).to.emit(pool, "ElectionCalled");
    expect((await pool.seat()).status).to.equal(SeatStatus.Open);
  });

  it("nor is a recall the incumbent wins", async function () {
    const { pool, m, alice, lastAct } = await loadFixture(fixture);
    await pool.connect(alice).petitionRecall();
    await runElection(pool, alice, m.address);
    expect(await pool.maintainer()).to.equal(m.address);
    expect((await pool.seat()).lastActive).to.equal(lastAct);
  });

  it("repeated failed recalls never keep an absent maintainer from being found inactive", async function () {
    const { pool, alice, bob, keeper, lastAct } = await loadFixture(fixture);
    for (const signer of [alice, bob]) {
      await pool.connect(signer).petitionRecall();
      await runElection(pool, signer, null);
      // Petitions pause for the rest of this epoch and two more after a recall the incumbent survived (issue 13).
      for (let i = 0; i < 3; i++) await nextEpoch(pool, networkHelpers);
    }
    expect((await pool.seat()).lastActive).to.equal(lastAct);
    await at(lastAct + INACTIVITY - 1n);
    await expect(pool.connect(keeper).callElection()).to.be.revertedWithCustomError(pool, "PoolMaintainerActive").withArgs(lastAct + INACTIVITY);
    await at(lastAct + INACTIVITY);
    await expect(pool.connect(keeper).callElection()).to.emit(pool, "MaintainerChanged");
  });

  it("the maintainer's own heartbeat during the recall does count", async function () {
    const { pool, m, alice } = await loadFixture(fixture);
    await pool.connect(alice).petitionRecall();
    const beat = await minedAt(pool.connect(m).heartbeat());
    await runElection(pool, alice, null);
    expect((await pool.seat()).lastActive).to.equal(beat);
  });

  it("a successor installed by the recall starts a fresh clock", async function () {
    const { pool, alice, successor } = await loadFixture(fixture);
    await pool.connect(alice).petitionRecall();
    const installedAt = await minedAt(runElection(pool, alice, successor.address));
    expect(await pool.maintainer()).to.equal(successor.address);
    expect((await pool.seat()).lastActive).to.equal(installedAt);
  });
});

describe("what a successful recall voids", function () {
  /**
   * `m` files claim #0 to a payee that refuses payment (past its window, still pending), proposes a line change
   * with the notice in force, steps down; `successor` is elected and files claim #1 and change #1; alice then
   * petitions a recall of `successor`.
   */
  async function predecessorFixture() {
    const f = await fixture();
    const { pool, m, alice, successor } = f;
    const refusing = await ethers.deployContract("RevertingPayee", [true]);
    const old = await file(pool, m, 0n, ETH / 10n, await refusing.getAddress(), "old invoice");
    await time.increaseTo(old.payableAt);
    await expect(pool.payClaim(old.id)).to.be.revertedWithCustomError(pool, "PoolPaymentFailed");
    await pool.connect(m).proposeBudgetChange(0n, "hosting", 3n * ETH, 30n * DAY); // change #0
    await pool.connect(m).stepDown();
    await runElection(pool, alice, successor.address);
    const mine = await file(pool, successor, 1n, ETH, successor.address, "successor's stipend");
    await pool.connect(successor).proposeBudgetChange(1n, "maintainer stipend", 20n * ETH, 30n * DAY); // #1
    await pool.connect(alice).petitionRecall();
    return { ...f, refusing, old, mine };
  }

  it("the incumbent's and a predecessor's pending claims and changes alike (PendingVoided(2, 2)); the next maintainer files anew", async function () {
    const { pool, alice, next, old, mine } = await loadFixture(predecessorFixture);
    expect((await pool.claim(old.id)).status).to.equal(ClaimStatus.Pending);
    await expect(runElection(pool, alice, next.address)).to.emit(pool, "PendingVoided").withArgs(2n, 2n);
    for (const c of [old, mine]) expect((await pool.claim(c.id)).status).to.equal(ClaimStatus.Void);
    for (const id of [0n, 1n]) expect((await pool.proposal(id)).status).to.equal(ProposalStatus.Cancelled);
    await expect(pool.payClaim(old.id)).to.be.revertedWithCustomError(pool, "PoolClaimNotPending").withArgs(old.id, ClaimStatus.Void);
    await expect(pool.applyChange(0n)).to.be.revertedWithCustomError(pool, "PoolProposalNotPending").withArgs(0n, ProposalStatus.Cancelled);
    const fresh = await file(pool, next, 0n, ETH / 10n, next.address, "re-filed invoice");
    expect((await pool.claim(fresh.id)).status).to.equal(ClaimStatus.Pending);
    await pool.connect(next).proposeBudgetChange(0n, "hosting", 3n * ETH, 30n * DAY);
    expect((await pool.proposal(2n)).status).to.equal(ProposalStatus.Pending);
  });

  it("a failed recall voids nothing: the predecessor's claim is still paid once its payee accepts", async function () {
    const { pool, alice, old, mine, refusing } = await loadFixture(predecessorFixture);
    await expect(runElection(pool, alice, null)).not.to.emit(pool, "PendingVoided");
    for (const c of [old, mine]) expect((await pool.claim(c.id)).status).to.equal(ClaimStatus.Pending);
    await refusing.setRejecting(false);
    await expect(pool.payClaim(old.id)).to.emit(pool, "ClaimPaid").withArgs(old.id);
    expect((await pool.proposal(1n)).status).to.equal(ProposalStatus.Pending);
  });

  it("nor does a recall the incumbent wins", async function () {
    const { pool, alice, successor, old, mine } = await loadFixture(predecessorFixture);
    await expect(runElection(pool, alice, successor.address)).not.to.emit(pool, "PendingVoided");
    for (const c of [old, mine]) expect((await pool.claim(c.id)).status).to.equal(ClaimStatus.Pending);
  });

  it("a recalled maintainer who steps down voids the same, and the recall goes on as a vacancy election", async function () {
    const { pool, successor, old, mine } = await loadFixture(predecessorFixture);
    const [id, , startsAt, endsAt] = await pool.election();
    await expect(pool.connect(successor).stepDown())
      .to.emit(pool, "PendingVoided").withArgs(2n, 2n)
      .and.to.emit(pool, "ElectionCalled").withArgs(id, 1n, startsAt, endsAt);
    for (const c of [old, mine]) expect((await pool.claim(c.id)).status).to.equal(ClaimStatus.Void);
  });
});
