// Attack catalogue: weight wider than 96 bits. Money given is below 2^96, and so is the weight basis that
// delivered in-kind value earns (`recordDelivery` refuses more with the pool's own `PoolAmountOverflow`): a
// contributor's basis, their pending part, a candidate's votes and the leader's votes can each pass 2^96, and
// every field that holds them is wide enough (97 bits and up). No refusal is ever an error that is not the pool's.
import { expect } from "chai";
import { network } from "hardhat";
import { MAX_AMOUNT, createPool, defaultConfig, deployPotluck, nextEpoch } from "../helpers/potluck.js";

const { ethers, networkHelpers } = await network.create();
const { loadFixture, time } = networkHelpers;

const HALF = 5n * 10n ** 28n; // 5e28: two of them pass 2^96 ≈ 7.92e28
const MONTH = 30n * 24n * 3600n;

/** A token pool where one peer's delivery weighs like money (inKindWeightBps = 10000). */
async function fixture() {
  const [deployer, maintainer, giver, deliverer, candidate] = await ethers.getSigners();
  const { factory } = await deployPotluck(ethers);
  const token = await ethers.deployContract("MockERC20", ["Test USD", "TUSD", 18]);
  const pool = await createPool(factory, deployer, defaultConfig(maintainer.address, { asset: await token.getAddress(), inKindWeightBps: 10_000 }));
  for (const who of [giver, deliverer]) {
    await token.mint(who.address, HALF);
    await token.connect(who).approve(await pool.getAddress(), ethers.MaxUint256);
  }
  return { pool, token, maintainer, giver, deliverer, candidate };
}

describe("weight wider than 96 bits", function () {
  it("5e28 given and 5e28 delivered in kind: both vote for one candidate, who is installed with 1e29 votes", async function () {
    const { pool, maintainer, giver, deliverer, candidate } = await loadFixture(fixture);
    await pool.connect(giver).give(HALF);
    await pool.connect(deliverer).pledge("a data centre, for a month", HALF, MONTH, 1);
    await pool.connect(maintainer).acceptPledge(0n);
    await pool.connect(maintainer).recordDelivery(0n, 1);
    await nextEpoch(pool, networkHelpers);
    expect(await pool.totalWeight()).to.equal(2n * HALF);
    await pool.connect(maintainer).stepDown();
    await pool.connect(giver).nominate(candidate.address);
    const [, , startsAt] = await pool.election();
    await time.increaseTo(startsAt);
    await pool.connect(giver).vote(candidate.address);
    await pool.connect(deliverer).vote(candidate.address); // SafeCastOverflowedUintDowncast(96, 1e29) before
    expect((await pool.candidate(1n, candidate.address)).votes).to.equal(2n * HALF);
    const [, , , , leader, leaderVotes] = await pool.election();
    expect([leader, leaderVotes]).to.deep.equal([candidate.address, 2n * HALF]);
    expect(2n * HALF).to.be.greaterThan(MAX_AMOUNT);
    await time.increase(7n * 24n * 3600n);
    await expect(pool.finalizeElection()).to.emit(pool, "ElectionFinalized").withArgs(1n, candidate.address, 2n * HALF, true);
    expect(await pool.maintainer()).to.equal(candidate.address);
  });

  it("a pledger who gave 5e28 this epoch can have a 5e28 delivery recorded in the same epoch", async function () {
    const { pool, maintainer, deliverer } = await loadFixture(fixture);
    await pool.connect(deliverer).give(HALF);
    await pool.connect(deliverer).pledge("a data centre, for a month", HALF, MONTH, 1);
    await pool.connect(maintainer).acceptPledge(0n);
    await pool.connect(maintainer).recordDelivery(0n, 1); // pending 1e29: SafeCastOverflowedUintDowncast before
    expect(await pool.weightOf(deliverer.address)).to.equal(0n);
    await nextEpoch(pool, networkHelpers);
    expect(await pool.contributionOf(deliverer.address)).to.deep.equal([HALF, 2n * HALF]);
    expect(await pool.weightOf(deliverer.address)).to.equal(2n * HALF);
    expect(await pool.totalWeight()).to.equal(2n * HALF);
  });

  it("an objection and a petition carry 1e29 of weight", async function () {
    const { pool, maintainer, deliverer } = await loadFixture(fixture);
    await pool.connect(deliverer).give(HALF);
    await pool.connect(deliverer).pledge("a data centre, for a month", HALF, MONTH, 1);
    await pool.connect(maintainer).acceptPledge(0n);
    await pool.connect(maintainer).recordDelivery(0n, 1);
    await nextEpoch(pool, networkHelpers);
    await expect(pool.connect(deliverer).petitionRecall())
      .to.emit(pool, "RecallSigned").withArgs(1n, deliverer.address, 2n * HALF, 2n * HALF);
  });

  it("the pool's in-kind basis is bounded like its money: past 2^96 − 1 the pool's own PoolAmountOverflow", async function () {
    const { pool, maintainer, deliverer } = await loadFixture(fixture);
    await pool.connect(deliverer).pledge("half the grid", MAX_AMOUNT, MONTH, 1);
    await pool.connect(deliverer).pledge("the other half", 1n, MONTH, 1);
    for (const id of [0n, 1n]) await pool.connect(maintainer).acceptPledge(id);
    await pool.connect(maintainer).recordDelivery(0n, 1);
    await expect(pool.connect(maintainer).recordDelivery(1n, 1))
      .to.be.revertedWithCustomError(pool, "PoolAmountOverflow")
      .withArgs(MAX_AMOUNT + 1n, MAX_AMOUNT);
    expect(await pool.deliveredOf(deliverer.address)).to.equal(MAX_AMOUNT);
  });
});
