// Attack catalogue: changes applied out of order. Anyone chooses the order in which changes whose notice has
// ended are applied. A change is recorded as what it changes (the fields that differ from those in force when it
// is proposed: what donors are shown) and applying it writes those fields only, so applying an older change
// after a newer one never undoes the newer one's fields: no field ever takes a value that no proposal donors
// saw gave it.
import { expect } from "chai";
import { network } from "hardhat";
import type { IPool } from "../../types/ethers-contracts/index.js";
import { DAY, ETH, createPool, defaultConfig, deployPotluck, nextEpoch } from "../helpers/potluck.js";
import { ProposalStatus, kit, list } from "./shared.js";

const { ethers, networkHelpers } = await network.create();
const { loadFixture, time } = networkHelpers;
const { giveEth } = kit(ethers, networkHelpers);

const ProposalKind = { None: 0n, BudgetLine: 1n, Rules: 2n } as const;
/** `Proposal.changes` bits (PoolChanges): a line's name, cap, period; a rule's place in `Rules`. */
const LINE = { name: 1n, cap: 2n, period: 4n } as const;
const RULE = { claimDelay: 1n, ruleChangeDelay: 2n, inactivityPeriod: 4n, vacancyPeriod: 8n, objectionQuorumBps: 16n, electionQuorumBps: 32n, recallThresholdBps: 64n } as const;
const NOTICE = 7n * DAY; // defaultConfig's ruleChangeDelay

async function fixture() {
  const [deployer, maintainer, alice] = await ethers.getSigners();
  const { factory } = await deployPotluck(ethers);
  const pool = await createPool(factory, deployer, defaultConfig(maintainer.address));
  await giveEth(pool, alice, ETH);
  await nextEpoch(pool, networkHelpers);
  return { pool, maintainer, alice };
}

/** The rules in force as a plain object (ethers returns a frozen Result). */
async function rulesOf(pool: IPool) {
  const r = await pool.rules();
  return {
    claimDelay: r.claimDelay, ruleChangeDelay: r.ruleChangeDelay, inactivityPeriod: r.inactivityPeriod,
    vacancyPeriod: r.vacancyPeriod, objectionQuorumBps: r.objectionQuorumBps, electionQuorumBps: r.electionQuorumBps,
    recallThresholdBps: r.recallThresholdBps,
  };
}

async function line(pool: IPool, i: bigint) {
  const [name, cap, period] = await pool.budgetLine(i);
  return { name, cap, period };
}

describe("changes applied out of order", function () {
  describe("rules", function () {
    it("B (objection quorum → 10 %) applied before A (claim delay → 5 days, all else as in force): the quorum stays 10 %", async function () {
      const { pool, maintainer } = await loadFixture(fixture);
      const inForce = await rulesOf(pool);
      expect(inForce.objectionQuorumBps).to.equal(2_000n);
      await pool.connect(maintainer).proposeRulesChange({ ...inForce, claimDelay: 5n * DAY }); // A = #0
      await pool.connect(maintainer).proposeRulesChange({ ...inForce, objectionQuorumBps: 1_000n }); // B = #1
      await time.increase(NOTICE);
      await pool.applyChange(1n);
      await pool.applyChange(0n);
      expect(await rulesOf(pool)).to.deep.equal({ ...inForce, claimDelay: 5n * DAY, objectionQuorumBps: 1_000n });
    });

    it("in either order the result is the same", async function () {
      const { pool, maintainer } = await loadFixture(fixture);
      const inForce = await rulesOf(pool);
      await pool.connect(maintainer).proposeRulesChange({ ...inForce, claimDelay: 5n * DAY });
      await pool.connect(maintainer).proposeRulesChange({ ...inForce, objectionQuorumBps: 1_000n });
      await time.increase(NOTICE);
      await pool.applyChange(0n);
      await pool.applyChange(1n);
      expect(await rulesOf(pool)).to.deep.equal({ ...inForce, claimDelay: 5n * DAY, objectionQuorumBps: 1_000n });
    });

    it("records only the fields that differ from the rules in force; the others read 0", async function () {
      const { pool, maintainer } = await loadFixture(fixture);
      const inForce = await rulesOf(pool);
      await pool.connect(maintainer).proposeRulesChange({ ...inForce, claimDelay: 5n * DAY, recallThresholdBps: 4_000n });
      const p = await pool.proposal(0n);
      expect(p.kind).to.equal(ProposalKind.Rules);
      expect(p.changes).to.equal(RULE.claimDelay | RULE.recallThresholdBps);
      expect(list(p.rules)).to.deep.equal([5n * DAY, 0n, 0n, 0n, 0n, 0n, 4_000n]);
    });

    it("refuses a rules change that changes nothing: PoolChangesNothing(Rules, 0)", async function () {
      const { pool, maintainer } = await loadFixture(fixture);
      await expect(pool.connect(maintainer).proposeRulesChange(await rulesOf(pool)))
        .to.be.revertedWithCustomError(pool, "PoolChangesNothing")
        .withArgs(ProposalKind.Rules, 0n);
    });

    it("two changes of the same field: the one applied last wins, and both had their notice", async function () {
      const { pool, maintainer } = await loadFixture(fixture);
      const inForce = await rulesOf(pool);
      await pool.connect(maintainer).proposeRulesChange({ ...inForce, objectionQuorumBps: 1_000n });
      await pool.connect(maintainer).proposeRulesChange({ ...inForce, objectionQuorumBps: 3_000n });
      await time.increase(NOTICE);
      await pool.applyChange(1n);
      await pool.applyChange(0n);
      expect((await pool.rules()).objectionQuorumBps).to.equal(1_000n);
    });

    it("a change proposed after another was applied is measured against the new rules", async function () {
      const { pool, maintainer } = await loadFixture(fixture);
      const inForce = await rulesOf(pool);
      await pool.connect(maintainer).proposeRulesChange({ ...inForce, objectionQuorumBps: 1_000n });
      await time.increase(NOTICE);
      await pool.applyChange(0n);
      // Restating the quorum now in force changes only the claim delay.
      await pool.connect(maintainer).proposeRulesChange({ ...inForce, objectionQuorumBps: 1_000n, claimDelay: 2n * DAY });
      expect((await pool.proposal(1n)).changes).to.equal(RULE.claimDelay);
    });
  });

  describe("budget lines", function () {
    it("B (hosting cap → 5 ETH) applied before A (hosting period → 7 days, cap 2 ETH as in force): the cap stays 5 ETH", async function () {
      const { pool, maintainer } = await loadFixture(fixture);
      expect(await line(pool, 0n)).to.deep.equal({ name: "hosting", cap: 2n * ETH, period: 30n * DAY });
      await pool.connect(maintainer).proposeBudgetChange(0n, "hosting", 2n * ETH, 7n * DAY); // A
      await pool.connect(maintainer).proposeBudgetChange(0n, "hosting", 5n * ETH, 30n * DAY); // B
      await time.increase(NOTICE);
      await pool.applyChange(1n);
      await pool.applyChange(0n);
      expect(await line(pool, 0n)).to.deep.equal({ name: "hosting", cap: 5n * ETH, period: 7n * DAY });
    });

    it("a cap cut donors obtained is not undone by an older change that restated the cap", async function () {
      const { pool, maintainer } = await loadFixture(fixture);
      await pool.connect(maintainer).proposeBudgetChange(0n, "hosting", 2n * ETH, 7n * DAY); // period only
      await pool.connect(maintainer).proposeBudgetChange(0n, "hosting", ETH / 2n, 30n * DAY); // the cut
      await time.increase(NOTICE);
      await pool.applyChange(1n);
      await pool.applyChange(0n);
      expect((await line(pool, 0n)).cap).to.equal(ETH / 2n);
    });

    it("records only the fields that change: a rename stores no cap or period, a cap change no name", async function () {
      const { pool, maintainer } = await loadFixture(fixture);
      await pool.connect(maintainer).proposeBudgetChange(0n, "servers", 2n * ETH, 30n * DAY);
      await pool.connect(maintainer).proposeBudgetChange(1n, "maintainer stipend", 0n, 30n * DAY); // closes it
      const rename = await pool.proposal(0n);
      expect([rename.kind, rename.line, rename.changes, rename.name, rename.cap, rename.period])
        .to.deep.equal([ProposalKind.BudgetLine, 0n, LINE.name, "servers", 0n, 0n]);
      const close = await pool.proposal(1n);
      expect([close.line, close.changes, close.name, close.cap, close.period]).to.deep.equal([1n, LINE.cap, "", 0n, 0n]);
      await pool.connect(maintainer).proposeBudgetChange(0n, "hosting", 3n * ETH, 7n * DAY);
      expect((await pool.proposal(2n)).changes).to.equal(LINE.cap | LINE.period);
    });

    it("a rename applied after a cap change keeps the new cap; closing a line keeps its name and period", async function () {
      const { pool, maintainer } = await loadFixture(fixture);
      await pool.connect(maintainer).proposeBudgetChange(0n, "servers", 2n * ETH, 30n * DAY);
      await pool.connect(maintainer).proposeBudgetChange(0n, "hosting", 4n * ETH, 30n * DAY);
      await pool.connect(maintainer).proposeBudgetChange(1n, "maintainer stipend", 0n, 30n * DAY);
      await time.increase(NOTICE);
      await pool.applyChange(1n);
      await pool.applyChange(0n);
      await pool.applyChange(2n);
      expect(await line(pool, 0n)).to.deep.equal({ name: "servers", cap: 4n * ETH, period: 30n * DAY });
      expect(await line(pool, 1n)).to.deep.equal({ name: "maintainer stipend", cap: 0n, period: 30n * DAY });
    });

    it("a new line takes every field it was proposed with", async function () {
      const { pool, maintainer } = await loadFixture(fixture);
      await pool.connect(maintainer).proposeBudgetChange(2n, "design", ETH, 14n * DAY);
      const p = await pool.proposal(0n);
      expect(p.changes).to.equal(LINE.name | LINE.cap | LINE.period);
      await time.increase(NOTICE);
      await pool.applyChange(0n);
      expect(await line(pool, 2n)).to.deep.equal({ name: "design", cap: ETH, period: 14n * DAY });
      expect((await pool.proposal(0n)).status).to.equal(ProposalStatus.Applied);
    });

    it("refuses a line change that changes nothing: PoolChangesNothing(BudgetLine, line)", async function () {
      const { pool, maintainer } = await loadFixture(fixture);
      await expect(pool.connect(maintainer).proposeBudgetChange(1n, "maintainer stipend", 10n * ETH, 30n * DAY))
        .to.be.revertedWithCustomError(pool, "PoolChangesNothing")
        .withArgs(ProposalKind.BudgetLine, 1n);
    });
  });
});
