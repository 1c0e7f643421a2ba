// Changes to budget lines and rules, as DESIGN.md "Budgets and claims" describes them (PoolChanges, served by
// the extension at the pool's address): proposeBudgetChange / proposeRulesChange / objectToChange /
// applyChange / cancelChange. The branches are drawn in test/trees/change.tree; the set-up (shared with
// budget.test.ts) is in test/helpers/budget.ts.
import { expect } from "chai";
import { network } from "hardhat";
import type { RulesStruct } from "../../types/ethers-contracts/interfaces/IPool.sol/IPool.js";
import {
  DAY,
  EPOCH,
  ETH,
  HOUR,
  Parameter,
  ProposalKind,
  ProposalStatus,
  SeatStatus,
  claimIdOf,
  nextEpoch,
  BPS,
  MAX_AMOUNT,
  MAX_DURATION,
  MIN_DURATION,
} from "../helpers/potluck.js";
import { chain, list } from "../helpers/chain.js";
import {
  ALICE, BAR, CAROL, CLAIM_DELAY, DEFAULT_RULES, HOSTING, HOSTING_CAP, LINE_PERIOD,
  MAX_LINES, MAX_NAME_LENGTH, NEW_LINE, RULE_CHANGE_DELAY, STIPEND, TOTAL,
  budgetKit, logsOf, receiptHash, rulesList,
} from "../helpers/budget.js";

const { ethers, networkHelpers } = await network.create();
const { loadFixture, time } = networkHelpers;
const { latest, at, minedAt, give } = chain(ethers, networkHelpers);
const { file, lineOf, proposeLine, proposeRules, changeLine, openRecall, replaceByRecall, windDown, budgetFixture, manyLinesFixture } = budgetKit(ethers, networkHelpers);

describe("PoolChanges", function () {
  describe("proposeBudgetChange", function () {
    describe("reverts", function () {
      it("if the caller is not the maintainer", async function () {
        const { pool, stranger, alice } = await loadFixture(budgetFixture);
        for (const caller of [stranger, alice]) {
          await expect(pool.connect(caller).proposeBudgetChange(HOSTING, "hosting", ETH, LINE_PERIOD))
            .to.be.revertedWithCustomError(pool, "PoolNotMaintainer")
            .withArgs(caller.address);
        }
      });

      it("if the maintainer stepped down", async function () {
        const { pool, maintainer } = await loadFixture(budgetFixture);
        await pool.connect(maintainer).stepDown();
        await expect(pool.connect(maintainer).proposeBudgetChange(HOSTING, "hosting", ETH, LINE_PERIOD))
          .to.be.revertedWithCustomError(pool, "PoolNotMaintainer")
          .withArgs(maintainer.address);
      });

      it("if a recall election runs", async function () {
        const { pool, maintainer, bob } = await loadFixture(budgetFixture);
        await openRecall(pool, bob);
        await expect(pool.connect(maintainer).proposeBudgetChange(HOSTING, "hosting", ETH, LINE_PERIOD))
          .to.be.revertedWithCustomError(pool, "PoolSeatStatus")
          .withArgs(SeatStatus.Recall);
      });

      it("if the line is beyond lineCount", async function () {
        const { pool, maintainer } = await loadFixture(budgetFixture);
        for (const line of [3n, 100n, ethers.MaxUint256]) {
          await expect(pool.connect(maintainer).proposeBudgetChange(line, "new", ETH, LINE_PERIOD))
            .to.be.revertedWithCustomError(pool, "PoolUnknownLine")
            .withArgs(line, 2n);
        }
      });

      it("if the name is empty or longer than 64 bytes", async function () {
        const { pool, maintainer } = await loadFixture(budgetFixture);
        await expect(pool.connect(maintainer).proposeBudgetChange(HOSTING, "", ETH, LINE_PERIOD))
          .to.be.revertedWithCustomError(pool, "PoolInvalidParameter")
          .withArgs(Parameter.LineName, 0n);
        await expect(pool.connect(maintainer).proposeBudgetChange(2n, "x".repeat(65), ETH, LINE_PERIOD))
          .to.be.revertedWithCustomError(pool, "PoolInvalidParameter")
          .withArgs(Parameter.LineName, 65n);
        // Bytes, not characters: 33 two-byte characters are 66 bytes.
        await expect(pool.connect(maintainer).proposeBudgetChange(HOSTING, "é".repeat(33), ETH, LINE_PERIOD))
          .to.be.revertedWithCustomError(pool, "PoolInvalidParameter")
          .withArgs(Parameter.LineName, 66n);
      });

      it("if a new line has cap 0, or any cap does not fit in 96 bits", async function () {
        const { pool, maintainer } = await loadFixture(budgetFixture);
        await expect(pool.connect(maintainer).proposeBudgetChange(2n, "new", 0n, LINE_PERIOD))
          .to.be.revertedWithCustomError(pool, "PoolInvalidParameter")
          .withArgs(Parameter.LineCap, 0n);
        await expect(pool.connect(maintainer).proposeBudgetChange(HOSTING, "hosting", MAX_AMOUNT + 1n, LINE_PERIOD))
          .to.be.revertedWithCustomError(pool, "PoolInvalidParameter")
          .withArgs(Parameter.LineCap, MAX_AMOUNT + 1n);
      });

      it("if the period is shorter than an hour or longer than ten years", async function () {
        const { pool, maintainer } = await loadFixture(budgetFixture);
        for (const period of [0n, MIN_DURATION - 1n, MAX_DURATION + 1n]) {
          await expect(pool.connect(maintainer).proposeBudgetChange(HOSTING, "hosting", ETH, period))
            .to.be.revertedWithCustomError(pool, "PoolInvalidParameter")
            .withArgs(Parameter.LinePeriod, period);
        }
      });

      it("if a new line would be the 257th", async function () {
        const { pool, maintainer, keeper } = await loadFixture(manyLinesFixture);
        expect(await pool.lineCount()).to.equal(MAX_LINES - 1n);
        const p = await proposeLine(pool, maintainer, MAX_LINES - 1n, "line 255", ETH, LINE_PERIOD);
        await at(p.effectiveAt);
        await pool.connect(keeper).applyChange(p.id);
        expect(await pool.lineCount()).to.equal(MAX_LINES);
        await expect(pool.connect(maintainer).proposeBudgetChange(MAX_LINES, "line 256", ETH, LINE_PERIOD))
          .to.be.revertedWithCustomError(pool, "PoolInvalidParameter")
          .withArgs(Parameter.LineCount, MAX_LINES + 1n);
        // Existing lines can still be changed.
        await expect(pool.connect(maintainer).proposeBudgetChange(MAX_LINES - 1n, "line 255", 2n * ETH, LINE_PERIOD)).to.emit(
          pool,
          "ChangeProposed",
        );
      });
    });

    it("proposes a new line (line == lineCount): ChangeProposed with effectiveAt = now + ruleChangeDelay", async function () {
      const { pool, maintainer } = await loadFixture(budgetFixture);
      expect(await pool.connect(maintainer).proposeBudgetChange.staticCall(2n, "CI minutes", ETH, 7n * DAY)).to.equal(0n);
      const tx = pool.connect(maintainer).proposeBudgetChange(2n, "CI minutes", ETH, 7n * DAY);
      const proposedAt = await minedAt(tx);
      await expect(tx)
        .to.emit(pool, "ChangeProposed")
        .withArgs(0n, ProposalKind.BudgetLine, proposedAt + RULE_CHANGE_DELAY);
      const p = await pool.proposal(0n);
      expect({ kind: p.kind, status: p.status, effectiveAt: p.effectiveAt, line: p.line, toReject: p.toReject }).to.deep.equal({
        kind: ProposalKind.BudgetLine,
        status: ProposalStatus.Pending,
        effectiveAt: proposedAt + RULE_CHANGE_DELAY,
        line: NEW_LINE,
        toReject: BAR,
      });
      expect([p.name, p.cap, p.period]).to.deep.equal(["CI minutes", ETH, 7n * DAY]);
      expect(await pool.proposalCount()).to.equal(1n);
      expect(await pool.lineCount()).to.equal(2n); // nothing changes before the change is applied
    });

    it("records the maintainer's activity", async function () {
      const { pool, maintainer } = await loadFixture(budgetFixture);
      await time.increase(20n * DAY);
      const proposedAt = await minedAt(pool.connect(maintainer).proposeBudgetChange(HOSTING, "hosting", 3n * ETH, LINE_PERIOD));
      expect((await pool.seat()).lastActive).to.equal(proposedAt);
    });

    it("accepts the bounds: a 64-byte name, cap 2^96 - 1, one hour, ten years; and cap 0 for an existing line", async function () {
      const { pool, maintainer } = await loadFixture(budgetFixture);
      const m = pool.connect(maintainer);
      await expect(m.proposeBudgetChange(HOSTING, "x".repeat(MAX_NAME_LENGTH), ETH, LINE_PERIOD)).to.emit(pool, "ChangeProposed");
      await expect(m.proposeBudgetChange(HOSTING, "hosting", MAX_AMOUNT, LINE_PERIOD)).to.emit(pool, "ChangeProposed");
      await expect(m.proposeBudgetChange(2n, "hourly", 1n, MIN_DURATION)).to.emit(pool, "ChangeProposed");
      await expect(m.proposeBudgetChange(2n, "decade", 1n, MAX_DURATION)).to.emit(pool, "ChangeProposed");
      await expect(m.proposeBudgetChange(HOSTING, "hosting", 0n, LINE_PERIOD)).to.emit(pool, "ChangeProposed");
      expect(await pool.proposalCount()).to.equal(5n);
    });
  });

  // ================================================================ proposeRulesChange

  describe("proposeRulesChange", function () {
    describe("reverts", function () {
      it("if the caller is not the maintainer", async function () {
        const { pool, stranger } = await loadFixture(budgetFixture);
        await expect(pool.connect(stranger).proposeRulesChange(DEFAULT_RULES))
          .to.be.revertedWithCustomError(pool, "PoolNotMaintainer")
          .withArgs(stranger.address);
      });

      it("if a recall election runs", async function () {
        const { pool, maintainer, bob } = await loadFixture(budgetFixture);
        await openRecall(pool, bob);
        await expect(pool.connect(maintainer).proposeRulesChange(DEFAULT_RULES))
          .to.be.revertedWithCustomError(pool, "PoolSeatStatus")
          .withArgs(SeatStatus.Recall);
      });

      const durations = [
        ["claimDelay", Parameter.ClaimDelay],
        ["ruleChangeDelay", Parameter.RuleChangeDelay],
        ["inactivityPeriod", Parameter.InactivityPeriod],
        ["vacancyPeriod", Parameter.VacancyPeriod],
      ] as const;
      for (const [field, parameter] of durations) {
        it(`if ${field} is outside [1 hour, 10 years]`, async function () {
          const { pool, maintainer } = await loadFixture(budgetFixture);
          for (const value of [0n, MIN_DURATION - 1n, MAX_DURATION + 1n]) {
            await expect(pool.connect(maintainer).proposeRulesChange({ ...DEFAULT_RULES, [field]: value }))
              .to.be.revertedWithCustomError(pool, "PoolInvalidParameter")
              .withArgs(parameter, value);
          }
        });
      }

      const quorums = [
        ["objectionQuorumBps", Parameter.ObjectionQuorumBps],
        ["electionQuorumBps", Parameter.ElectionQuorumBps],
        ["recallThresholdBps", Parameter.RecallThresholdBps],
      ] as const;
      for (const [field, parameter] of quorums) {
        it(`if ${field} is outside [1, 10000]`, async function () {
          const { pool, maintainer } = await loadFixture(budgetFixture);
          for (const value of [0n, BPS + 1n]) {
            await expect(pool.connect(maintainer).proposeRulesChange({ ...DEFAULT_RULES, [field]: value }))
              .to.be.revertedWithCustomError(pool, "PoolInvalidParameter")
              .withArgs(parameter, value);
          }
        });
      }
    });

    it("proposes the rules: ChangeProposed(Rules) with effectiveAt = now + ruleChangeDelay, and records activity", async function () {
      const { pool, maintainer } = await loadFixture(budgetFixture);
      const rules = { ...DEFAULT_RULES, claimDelay: DAY, objectionQuorumBps: 1_000 };
      const tx = pool.connect(maintainer).proposeRulesChange(rules);
      const proposedAt = await minedAt(tx);
      await expect(tx).to.emit(pool, "ChangeProposed").withArgs(0n, ProposalKind.Rules, proposedAt + RULE_CHANGE_DELAY);
      const p = await pool.proposal(0n);
      expect([p.kind, p.status, p.effectiveAt, p.toReject]).to.deep.equal([
        ProposalKind.Rules,
        ProposalStatus.Pending,
        proposedAt + RULE_CHANGE_DELAY,
        BAR,
      ]);
      // Recorded as what it changes: the claim delay (bit 0) and the objection quorum (bit 4); the rest reads 0.
      expect(p.changes).to.equal(1n | 16n);
      expect(list(p.rules)).to.deep.equal([DAY, 0n, 0n, 0n, 1_000n, 0n, 0n]);
      expect((await pool.seat()).lastActive).to.equal(proposedAt);
      expect(list(await pool.rules())).to.deep.equal(rulesList(DEFAULT_RULES));
    });

    it("accepts the bounds of every rule", async function () {
      const { pool, maintainer } = await loadFixture(budgetFixture);
      const low: RulesStruct = {
        claimDelay: MIN_DURATION,
        ruleChangeDelay: MIN_DURATION,
        inactivityPeriod: MIN_DURATION,
        vacancyPeriod: 2n * EPOCH, // the least vacancy: two epochs
        objectionQuorumBps: 1,
        electionQuorumBps: 1,
        recallThresholdBps: 1,
      };
      const high: RulesStruct = {
        claimDelay: MAX_DURATION,
        ruleChangeDelay: MAX_DURATION,
        inactivityPeriod: MAX_DURATION,
        vacancyPeriod: MAX_DURATION,
        objectionQuorumBps: BPS,
        electionQuorumBps: BPS,
        recallThresholdBps: BPS,
      };
      await expect(pool.connect(maintainer).proposeRulesChange(low)).to.emit(pool, "ChangeProposed");
      await expect(pool.connect(maintainer).proposeRulesChange(high)).to.emit(pool, "ChangeProposed");
    });
  });

  // ================================================================ objectToChange

  describe("objectToChange", function () {
    describe("reverts", function () {
      it("if the proposal does not exist", async function () {
        const { pool, alice } = await loadFixture(budgetFixture);
        await expect(pool.connect(alice).objectToChange(0n))
          .to.be.revertedWithCustomError(pool, "PoolUnknownProposal")
          .withArgs(0n);
      });

      it("if the notice period has passed (at effectiveAt exactly)", async function () {
        const { pool, maintainer, alice } = await loadFixture(budgetFixture);
        const p = await proposeLine(pool, maintainer, HOSTING, "hosting", 5n * ETH, LINE_PERIOD);
        await at(p.effectiveAt);
        await expect(pool.connect(alice).objectToChange(p.id))
          .to.be.revertedWithCustomError(pool, "PoolChangeWindowClosed")
          .withArgs(p.id, p.effectiveAt);
      });

      it("if the contributor already objected", async function () {
        const { pool, maintainer, alice } = await loadFixture(budgetFixture);
        const p = await proposeLine(pool, maintainer, HOSTING, "hosting", 5n * ETH, LINE_PERIOD);
        await pool.connect(alice).objectToChange(p.id);
        await expect(pool.connect(alice).objectToChange(p.id))
          .to.be.revertedWithCustomError(pool, "PoolAlreadyObjectedToChange")
          .withArgs(p.id, alice.address);
      });

      it("if the caller has no matured weight (never gave, or gave only in the current epoch)", async function () {
        const { pool, maintainer, stranger, dave } = await loadFixture(budgetFixture);
        const p = await proposeLine(pool, maintainer, HOSTING, "hosting", 5n * ETH, LINE_PERIOD);
        await give(pool, dave, 1_000n * ETH);
        for (const caller of [stranger, dave]) {
          await expect(pool.connect(caller).objectToChange(p.id))
            .to.be.revertedWithCustomError(pool, "PoolNoWeight")
            .withArgs(caller.address);
        }
      });

      it("if the proposal was applied, rejected or cancelled", async function () {
        const { pool, maintainer, alice, bob } = await loadFixture(budgetFixture);
        const applied = await proposeLine(pool, maintainer, HOSTING, "hosting", 5n * ETH, LINE_PERIOD);
        const rejected = await proposeLine(pool, maintainer, STIPEND, "stipend", 20n * ETH, LINE_PERIOD);
        const cancelled = await proposeLine(pool, maintainer, 2n, "new", ETH, LINE_PERIOD);
        await pool.connect(bob).objectToChange(rejected.id);
        await pool.connect(maintainer).cancelChange(cancelled.id);
        await expect(pool.connect(alice).objectToChange(rejected.id))
          .to.be.revertedWithCustomError(pool, "PoolProposalNotPending")
          .withArgs(rejected.id, ProposalStatus.Rejected);
        await expect(pool.connect(alice).objectToChange(cancelled.id))
          .to.be.revertedWithCustomError(pool, "PoolProposalNotPending")
          .withArgs(cancelled.id, ProposalStatus.Cancelled);
        await at(applied.effectiveAt);
        await pool.applyChange(applied.id);
        await expect(pool.connect(alice).objectToChange(applied.id))
          .to.be.revertedWithCustomError(pool, "PoolProposalNotPending")
          .withArgs(applied.id, ProposalStatus.Applied);
      });
    });

    it("records the objection with the matured weight and emits ChangeObjected", async function () {
      const { pool, maintainer, alice } = await loadFixture(budgetFixture);
      const p = await proposeRules(pool, maintainer, { ...DEFAULT_RULES, claimDelay: HOUR });
      await give(pool, alice, 100n * ETH); // this epoch's top-up adds nothing
      await expect(pool.connect(alice).objectToChange(p.id))
        .to.emit(pool, "ChangeObjected")
        .withArgs(p.id, alice.address, ALICE, BAR - ALICE)
        .and.not.to.emit(pool, "ChangeRejected");
      expect(await pool.hasObjectedToChange(p.id, alice.address)).to.equal(true);
      expect(await pool.hasObjectedToChange(p.id, maintainer.address)).to.equal(false);
      const stored = await pool.proposal(p.id);
      expect([stored.status, stored.toReject]).to.deep.equal([ProposalStatus.Pending, BAR - ALICE]);
    });

    it("leaves a change that stays below the bar to be applied after notice", async function () {
      const { pool, maintainer, alice, keeper } = await loadFixture(budgetFixture);
      const p = await proposeRules(pool, maintainer, { ...DEFAULT_RULES, claimDelay: HOUR });
      await pool.connect(alice).objectToChange(p.id);
      await at(p.effectiveAt);
      await expect(pool.connect(keeper).applyChange(p.id)).to.emit(pool, "ChangeApplied").withArgs(p.id);
    });

    it("rejects the change at the bar (fixed at proposal): ChangeRejected, and it never takes effect", async function () {
      const { pool, maintainer, alice, carol, dave, keeper } = await loadFixture(budgetFixture);
      await time.increase(DAY); // so that the notice outlasts the next epoch boundary by a day
      const p = await proposeRules(pool, maintainer, { ...DEFAULT_RULES, objectionQuorumBps: 10_000 });
      await give(pool, dave, 1_000n * ETH);
      await nextEpoch(pool, networkHelpers); // dave's gift matures; the bar stays 8 ETH
      expect(await latest()).to.be.lessThan(p.effectiveAt);
      await pool.connect(alice).objectToChange(p.id);
      await expect(pool.connect(carol).objectToChange(p.id))
        .to.emit(pool, "ChangeObjected")
        .withArgs(p.id, carol.address, CAROL, 0n)
        .and.to.emit(pool, "ChangeRejected")
        .withArgs(p.id);
      expect((await pool.proposal(p.id)).status).to.equal(ProposalStatus.Rejected);
      await at(p.effectiveAt);
      await expect(pool.connect(keeper).applyChange(p.id))
        .to.be.revertedWithCustomError(pool, "PoolProposalNotPending")
        .withArgs(p.id, ProposalStatus.Rejected);
      expect(list(await pool.rules())).to.deep.equal(rulesList(DEFAULT_RULES));
    });

    it("keeps claim and change objections apart", async function () {
      const { pool, maintainer, alice, payee } = await loadFixture(budgetFixture);
      const { id, number } = await file(pool, maintainer, STIPEND, ETH, payee.address);
      const p = await proposeLine(pool, maintainer, HOSTING, "hosting", 5n * ETH, LINE_PERIOD);
      expect(number).to.equal(p.id); // both 0: claim objections are recorded by number
      await pool.connect(alice).object(id);
      expect(await pool.hasObjectedToChange(p.id, alice.address)).to.equal(false);
      await expect(pool.connect(alice).objectToChange(p.id)).to.emit(pool, "ChangeObjected");
    });
  });

  // ================================================================ applyChange

  describe("applyChange", function () {
    describe("reverts", function () {
      it("if the proposal does not exist", async function () {
        const { pool, keeper } = await loadFixture(budgetFixture);
        await expect(pool.connect(keeper).applyChange(0n))
          .to.be.revertedWithCustomError(pool, "PoolUnknownProposal")
          .withArgs(0n);
      });

      it("before effectiveAt, to its last second", async function () {
        const { pool, maintainer, keeper } = await loadFixture(budgetFixture);
        const p = await proposeLine(pool, maintainer, HOSTING, "hosting", 5n * ETH, LINE_PERIOD);
        await expect(pool.connect(keeper).applyChange(p.id))
          .to.be.revertedWithCustomError(pool, "PoolNoticePeriod")
          .withArgs(p.id, p.effectiveAt);
        await at(p.effectiveAt - 1n);
        await expect(pool.connect(keeper).applyChange(p.id))
          .to.be.revertedWithCustomError(pool, "PoolNoticePeriod")
          .withArgs(p.id, p.effectiveAt);
      });

      it("if it was applied already", async function () {
        const { pool, maintainer, keeper } = await loadFixture(budgetFixture);
        const p = await proposeLine(pool, maintainer, 2n, "CI minutes", ETH, LINE_PERIOD);
        await at(p.effectiveAt);
        await pool.connect(keeper).applyChange(p.id);
        await expect(pool.connect(keeper).applyChange(p.id))
          .to.be.revertedWithCustomError(pool, "PoolProposalNotPending")
          .withArgs(p.id, ProposalStatus.Applied);
        expect(await pool.lineCount()).to.equal(3n); // one line added, not two
      });

      it("if it was cancelled", async function () {
        const { pool, maintainer, keeper } = await loadFixture(budgetFixture);
        const p = await proposeLine(pool, maintainer, HOSTING, "hosting", 5n * ETH, LINE_PERIOD);
        await pool.connect(maintainer).cancelChange(p.id);
        await at(p.effectiveAt);
        await expect(pool.connect(keeper).applyChange(p.id))
          .to.be.revertedWithCustomError(pool, "PoolProposalNotPending")
          .withArgs(p.id, ProposalStatus.Cancelled);
      });

      it("while a recall election runs", async function () {
        const { pool, maintainer, bob, keeper } = await loadFixture(budgetFixture);
        const p = await proposeLine(pool, maintainer, HOSTING, "hosting", 5n * ETH, LINE_PERIOD);
        await openRecall(pool, bob);
        await at(p.effectiveAt);
        await expect(pool.connect(keeper).applyChange(p.id)).to.be.revertedWithCustomError(pool, "PoolChangesFrozen").withArgs(p.id);
      });

      it("if a recall replaced the maintainer: the change reads as cancelled", async function () {
        const { pool, maintainer, bob, keeper, successor } = await loadFixture(budgetFixture);
        const p = await proposeLine(pool, maintainer, HOSTING, "hosting", 5n * ETH, LINE_PERIOD);
        await replaceByRecall(pool, bob, successor);
        expect(await latest()).to.be.greaterThanOrEqual(p.effectiveAt);
        await expect(pool.connect(keeper).applyChange(p.id))
          .to.be.revertedWithCustomError(pool, "PoolProposalNotPending")
          .withArgs(p.id, ProposalStatus.Cancelled);
        expect((await lineOf(pool, HOSTING)).cap).to.equal(HOSTING_CAP);
      });

      it("if the pool wound down", async function () {
        const { pool, maintainer, keeper } = await loadFixture(budgetFixture);
        const p = await proposeLine(pool, maintainer, HOSTING, "hosting", 5n * ETH, LINE_PERIOD);
        await windDown(pool, maintainer);
        await expect(pool.connect(keeper).applyChange(p.id))
          .to.be.revertedWithCustomError(pool, "PoolProposalNotPending")
          .withArgs(p.id, ProposalStatus.Cancelled);
      });
    });

    it("applies a budget change exactly at effectiveAt, by anyone: ChangeApplied and BudgetLineSet", async function () {
      const { pool, genesis, maintainer, keeper } = await loadFixture(budgetFixture);
      const p = await proposeLine(pool, maintainer, STIPEND, "stipend", 12n * ETH, LINE_PERIOD);
      await at(p.effectiveAt);
      const tx = pool.connect(keeper).applyChange(p.id);
      await expect(tx).to.emit(pool, "ChangeApplied").withArgs(p.id);
      await expect(tx).to.emit(pool, "BudgetLineSet").withArgs(STIPEND, "stipend", 12n * ETH, LINE_PERIOD);
      expect(await minedAt(tx)).to.equal(p.effectiveAt);
      expect((await pool.proposal(p.id)).status).to.equal(ProposalStatus.Applied);
      expect(await lineOf(pool, STIPEND)).to.deep.equal({
        name: "stipend",
        cap: 12n * ETH,
        period: LINE_PERIOD,
        spent: 0n,
        left: 12n * ETH,
        nextReset: genesis + LINE_PERIOD,
      });
    });

    it("adds a line at id lineCount, which no claim can use before", async function () {
      const { pool, genesis, maintainer, keeper, payee } = await loadFixture(budgetFixture);
      const p = await proposeLine(pool, maintainer, 2n, "CI minutes", ETH, 7n * DAY);
      await expect(pool.connect(maintainer).fileClaim(2n, ETH, payee.address, receiptHash("x"), ""))
        .to.be.revertedWithCustomError(pool, "PoolUnknownLine")
        .withArgs(2n, 2n);
      await at(p.effectiveAt);
      await expect(pool.connect(keeper).applyChange(p.id))
        .to.emit(pool, "BudgetLineSet")
        .withArgs(2n, "CI minutes", ETH, 7n * DAY);
      expect(await pool.lineCount()).to.equal(3n);
      const e = (p.effectiveAt - genesis) / (7n * DAY);
      expect(await lineOf(pool, 2n)).to.deep.equal({
        name: "CI minutes",
        cap: ETH,
        period: 7n * DAY,
        spent: 0n,
        left: ETH,
        nextReset: genesis + (e + 1n) * 7n * DAY,
      });
      await expect(pool.connect(maintainer).fileClaim(2n, ETH, payee.address, receiptHash("x"), ""))
        .to.emit(pool, "ClaimFiled")
        .withArgs(claimIdOf(receiptHash("x")), 2n, payee.address, ETH, receiptHash("x"), "");
    });

    it("gives pending additions consecutive ids in the order they are applied", async function () {
      const { pool, maintainer, keeper } = await loadFixture(budgetFixture);
      const a = await proposeLine(pool, maintainer, 2n, "first proposed", ETH, LINE_PERIOD);
      const b = await proposeLine(pool, maintainer, 2n, "second proposed", ETH, LINE_PERIOD);
      await at(b.effectiveAt);
      await expect(pool.connect(keeper).applyChange(b.id)).to.emit(pool, "BudgetLineSet").withArgs(2n, "second proposed", ETH, LINE_PERIOD);
      await expect(pool.connect(keeper).applyChange(a.id)).to.emit(pool, "BudgetLineSet").withArgs(3n, "first proposed", ETH, LINE_PERIOD);
      expect(await pool.lineCount()).to.equal(4n);
    });

    it("never takes lineCount past MAX_LINES, even with several additions pending", async function () {
      const { pool, maintainer, keeper } = await loadFixture(manyLinesFixture);
      const first = await proposeLine(pool, maintainer, MAX_LINES - 1n, "line 255", ETH, LINE_PERIOD);
      // A second addition proposed while the first is pending: refused now, or refused when applied.
      let second: { id: bigint; effectiveAt: bigint } | undefined;
      try {
        second = await proposeLine(pool, maintainer, MAX_LINES - 1n, "line 256", ETH, LINE_PERIOD);
      } catch {
        second = undefined;
      }
      await at(first.effectiveAt + 1n);
      await pool.connect(keeper).applyChange(first.id);
      if (second !== undefined) {
        try {
          await pool.connect(keeper).applyChange(second.id);
        } catch {
          // refused at apply: fine
        }
      }
      expect(await pool.lineCount(), "lineCount must stay within MAX_LINES").to.equal(MAX_LINES);
    });

    it("lets a raised cap be used only from effectiveAt: donors see it before it spends their money", async function () {
      const { pool, maintainer, payee } = await loadFixture(budgetFixture);
      const p = await proposeLine(pool, maintainer, HOSTING, "hosting", 5n * ETH, LINE_PERIOD);
      await file(pool, maintainer, HOSTING, HOSTING_CAP, payee.address);
      await at(p.effectiveAt - 1n);
      await expect(pool.connect(maintainer).fileClaim(HOSTING, ETH, payee.address, receiptHash("x"), ""))
        .to.be.revertedWithCustomError(pool, "PoolOverBudget")
        .withArgs(HOSTING, ETH, 0n);
      await expect(pool.applyChange(p.id))
        .to.be.revertedWithCustomError(pool, "PoolNoticePeriod")
        .withArgs(p.id, p.effectiveAt);
      await at(p.effectiveAt);
      await pool.applyChange(p.id);
      // The same period: what was spent stays counted, the rest of the new cap is there.
      expect(await lineOf(pool, HOSTING)).to.include({ cap: 5n * ETH, spent: HOSTING_CAP, left: 3n * ETH });
      await expect(pool.connect(maintainer).fileClaim(HOSTING, 3n * ETH, payee.address, receiptHash("x"), "")).to.emit(
        pool,
        "ClaimFiled",
      );
      await expect(pool.connect(maintainer).fileClaim(HOSTING, 1n, payee.address, receiptHash("y"), ""))
        .to.be.revertedWithCustomError(pool, "PoolOverBudget")
        .withArgs(HOSTING, 1n, 0n);
    });

    it("lowers a cap below what the period spent: nothing is left until the next period", async function () {
      const { pool, genesis, maintainer, payee } = await loadFixture(budgetFixture);
      await file(pool, maintainer, STIPEND, 6n * ETH, payee.address);
      await changeLine(pool, maintainer, STIPEND, "maintainer stipend", 4n * ETH, LINE_PERIOD);
      expect(await lineOf(pool, STIPEND)).to.include({ cap: 4n * ETH, spent: 6n * ETH, left: 0n });
      await time.increaseTo(genesis + LINE_PERIOD);
      expect(await lineOf(pool, STIPEND)).to.include({ spent: 0n, left: 4n * ETH });
    });

    it("closes a line with cap 0: new claims are refused, pending ones are still paid", async function () {
      const { pool, maintainer, keeper, payee } = await loadFixture(budgetFixture);
      const pending = await file(pool, maintainer, HOSTING, ETH, payee.address);
      await changeLine(pool, maintainer, HOSTING, "hosting (closed)", 0n, LINE_PERIOD);
      expect(await lineOf(pool, HOSTING)).to.include({ name: "hosting (closed)", cap: 0n, left: 0n });
      expect(await pool.lineCount()).to.equal(2n); // closed lines still count
      await expect(pool.connect(maintainer).fileClaim(HOSTING, 1n, payee.address, receiptHash("x"), ""))
        .to.be.revertedWithCustomError(pool, "PoolOverBudget")
        .withArgs(HOSTING, 1n, 0n);
      await expect(pool.connect(keeper).payClaim(pending.id)).to.changeEtherBalances(ethers, [pool, payee], [-ETH, ETH]);
      // A closed line can be reopened by another change.
      await changeLine(pool, maintainer, HOSTING, "hosting", HOSTING_CAP, LINE_PERIOD);
      expect((await lineOf(pool, HOSTING)).cap).to.equal(HOSTING_CAP);
    });

    it("re-indexes a line whose period changes: the current spending stays, and resets at the new boundary", async function () {
      const { pool, genesis, maintainer, payee } = await loadFixture(budgetFixture);
      await file(pool, maintainer, HOSTING, ETH, payee.address);
      const p = await changeLine(pool, maintainer, HOSTING, "hosting", HOSTING_CAP, 7n * DAY);
      const index = (p.effectiveAt - genesis) / (7n * DAY);
      expect(await lineOf(pool, HOSTING)).to.include({
        period: 7n * DAY,
        spent: ETH,
        left: ETH,
        nextReset: genesis + (index + 1n) * 7n * DAY,
      });
      await time.increaseTo(genesis + (index + 1n) * 7n * DAY);
      expect(await lineOf(pool, HOSTING)).to.include({ spent: 0n, left: HOSTING_CAP });
    });

    it("applies rules: ChangeApplied, RulesSet, rules() reads them", async function () {
      const { pool, maintainer, keeper } = await loadFixture(budgetFixture);
      const rules: RulesStruct = {
        claimDelay: DAY,
        ruleChangeDelay: 2n * DAY,
        inactivityPeriod: 30n * DAY,
        vacancyPeriod: 30n * DAY,
        objectionQuorumBps: 5_000,
        electionQuorumBps: 5_000,
        recallThresholdBps: 5_000,
      };
      const p = await proposeRules(pool, maintainer, rules);
      await at(p.effectiveAt);
      const receipt = (await (await pool.connect(keeper).applyChange(p.id)).wait())!;
      expect(logsOf(receipt, pool, "RulesSet")).to.deep.equal([[rulesList(rules)]]);
      expect(logsOf(receipt, pool, "ChangeApplied")).to.deep.equal([[p.id]]);
      expect(list(await pool.rules())).to.deep.equal(rulesList(rules));
    });

    it("applies new rules to later claims and proposals only; earlier ones keep their window and bar", async function () {
      const { pool, maintainer, keeper, payee } = await loadFixture(budgetFixture);
      const rules = { ...DEFAULT_RULES, claimDelay: DAY, ruleChangeDelay: 2n * DAY, objectionQuorumBps: 5_000 };
      const p = await proposeRules(pool, maintainer, rules);
      await at(p.effectiveAt - HOUR);
      const early = await file(pool, maintainer, STIPEND, ETH, payee.address, "early");
      await at(p.effectiveAt);
      await pool.connect(keeper).applyChange(p.id);

      const late = await file(pool, maintainer, STIPEND, ETH, payee.address, "late");
      expect(late.payableAt).to.equal(late.filedAt + DAY);
      expect((await pool.claim(late.id))[0].toReject).to.equal(TOTAL / 2n);
      expect(early.payableAt).to.equal(early.filedAt + CLAIM_DELAY);
      expect((await pool.claim(early.id))[0].toReject).to.equal(BAR);

      await at(late.payableAt);
      await expect(pool.connect(keeper).payClaim(late.id)).to.emit(pool, "ClaimPaid");
      await expect(pool.connect(keeper).payClaim(early.id))
        .to.be.revertedWithCustomError(pool, "PoolChallengeWindowOpen")
        .withArgs(early.id, early.payableAt);

      const tx = pool.connect(maintainer).proposeRulesChange(DEFAULT_RULES);
      const proposedAt = await minedAt(tx);
      await expect(tx).to.emit(pool, "ChangeProposed").withArgs(1n, ProposalKind.Rules, proposedAt + 2n * DAY);
    });
  });

  // ================================================================ cancelChange

  describe("cancelChange", function () {
    describe("reverts", function () {
      it("if the caller is not the maintainer", async function () {
        const { pool, maintainer, stranger } = await loadFixture(budgetFixture);
        const p = await proposeLine(pool, maintainer, HOSTING, "hosting", 5n * ETH, LINE_PERIOD);
        await expect(pool.connect(stranger).cancelChange(p.id))
          .to.be.revertedWithCustomError(pool, "PoolNotMaintainer")
          .withArgs(stranger.address);
      });

      it("if the proposal does not exist", async function () {
        const { pool, maintainer } = await loadFixture(budgetFixture);
        await expect(pool.connect(maintainer).cancelChange(0n))
          .to.be.revertedWithCustomError(pool, "PoolUnknownProposal")
          .withArgs(0n);
      });

      it("if it was cancelled or applied already", async function () {
        const { pool, maintainer } = await loadFixture(budgetFixture);
        const cancelled = await proposeLine(pool, maintainer, HOSTING, "hosting", 5n * ETH, LINE_PERIOD);
        const applied = await proposeLine(pool, maintainer, STIPEND, "stipend", 5n * ETH, LINE_PERIOD);
        await pool.connect(maintainer).cancelChange(cancelled.id);
        await expect(pool.connect(maintainer).cancelChange(cancelled.id))
          .to.be.revertedWithCustomError(pool, "PoolProposalNotPending")
          .withArgs(cancelled.id, ProposalStatus.Cancelled);
        await at(applied.effectiveAt);
        await pool.applyChange(applied.id);
        await expect(pool.connect(maintainer).cancelChange(applied.id))
          .to.be.revertedWithCustomError(pool, "PoolProposalNotPending")
          .withArgs(applied.id, ProposalStatus.Applied);
      });
    });

    it("withdraws the change: ChangeCancelled, status Cancelled, activity recorded, never applied", async function () {
      const { pool, maintainer, keeper } = await loadFixture(budgetFixture);
      const p = await proposeLine(pool, maintainer, HOSTING, "hosting", 5n * ETH, LINE_PERIOD);
      await time.increase(DAY);
      const tx = pool.connect(maintainer).cancelChange(p.id);
      const cancelledAt = await minedAt(tx);
      await expect(tx).to.emit(pool, "ChangeCancelled").withArgs(p.id);
      expect((await pool.seat()).lastActive).to.equal(cancelledAt);
      expect((await pool.proposal(p.id)).status).to.equal(ProposalStatus.Cancelled);
      await at(p.effectiveAt);
      await expect(pool.connect(keeper).applyChange(p.id))
        .to.be.revertedWithCustomError(pool, "PoolProposalNotPending")
        .withArgs(p.id, ProposalStatus.Cancelled);
      expect((await lineOf(pool, HOSTING)).cap).to.equal(HOSTING_CAP);
    });
  });
});
