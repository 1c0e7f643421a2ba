// Budget lines and claims, as DESIGN.md "Budgets and claims" and "Accounting invariants" describe them: budget
// lines set at creation and their lazy per-period reset (counted from genesis), fileClaim / object / payClaim /
// cancelClaim. The branches are drawn in test/trees/claim.tree; the attacks (overspending a line across many
// claims, paying early, paying twice, objecting with weight given in the current epoch, re-entering from a
// payment, griefing with gas) are at the end. Proposals are in changes.test.ts; the set-up in
// test/helpers/budget.ts.
import { expect } from "chai";
import { network } from "hardhat";
import type { BudgetLineStruct } from "../../types/ethers-contracts/Pool.js";
import {
  IPool__factory,
} from "../../types/ethers-contracts/index.js";
import {
  ClaimStatus,
  DAY,
  EPOCH,
  ETH,
  HOUR,
  Parameter,
  SeatStatus,
  Weighting,
  claimIdOf,
  createPool,
  defaultConfig,
  defaultLines,
  nextEpoch,
  MAX_AMOUNT,
  MAX_DURATION,
  MIN_DURATION,
} from "../helpers/potluck.js";
import { chain, list } from "../helpers/chain.js";
import {
  ALICE, BAR, BOB, CAROL, CLAIM_DELAY, DEFAULT_RULES, GUARD_ERROR, GasMode, HOSTING, HOSTING_CAP, LINE_PERIOD,
  MAX_LINES, MAX_NAME_LENGTH, STIPEND, STIPEND_CAP, TOTAL, TUSD,
  budgetKit, logsOf, memoryGas, receiptHash, receiptURI, rulesList,
} from "../helpers/budget.js";

const { ethers, networkHelpers } = await network.create();
const { loadFixture, time } = networkHelpers;
const { latest, at, minedAt, give } = chain(ethers, networkHelpers);
const { file, statusOf, lineOf, proposeLine, proposeRules, changeLine, openRecall, runElection, replaceByRecall, windDown, budgetFixture, longWindowFixture, quorumFixture, tokenFixture } = budgetKit(ethers, networkHelpers);

describe("PoolBudget", function () {
  describe("budget lines", function () {
    describe("at creation", function () {
      it("sets every line given, emitting BudgetLineSet for each in order, and the rules with RulesSet", async function () {
        const { factory, maintainer, deployer } = await loadFixture(budgetFixture);
        const config = defaultConfig(maintainer.address);
        const lines: BudgetLineStruct[] = [
          ...defaultLines(),
          { name: "CI minutes", cap: ETH / 2n, period: 7n * DAY },
        ];
        const address = await factory.createPool.staticCall(config, lines);
        const receipt = (await (await factory.connect(deployer).createPool(config, lines)).wait())!;
        const pool = IPool__factory.connect(address, deployer);
        expect(logsOf(receipt, pool, "BudgetLineSet")).to.deep.equal([
          [0n, "hosting", HOSTING_CAP, LINE_PERIOD],
          [1n, "maintainer stipend", STIPEND_CAP, LINE_PERIOD],
          [2n, "CI minutes", ETH / 2n, 7n * DAY],
        ]);
        expect(logsOf(receipt, pool, "RulesSet")).to.deep.equal([[rulesList(DEFAULT_RULES)]]);
        expect(await pool.lineCount()).to.equal(3n);
        expect(list(await pool.rules())).to.deep.equal(rulesList(DEFAULT_RULES));
      });

      it("reads each line back: name, cap, period, nothing spent, the whole cap left, the end of period 0", async function () {
        const { pool, genesis } = await loadFixture(budgetFixture);
        expect(await pool.lineCount()).to.equal(2n);
        expect(await lineOf(pool, HOSTING)).to.deep.equal({
          name: "hosting",
          cap: HOSTING_CAP,
          period: LINE_PERIOD,
          spent: 0n,
          left: HOSTING_CAP,
          nextReset: genesis + LINE_PERIOD,
        });
        expect(await lineOf(pool, STIPEND)).to.deep.equal({
          name: "maintainer stipend",
          cap: STIPEND_CAP,
          period: LINE_PERIOD,
          spent: 0n,
          left: STIPEND_CAP,
          nextReset: genesis + LINE_PERIOD,
        });
      });

      it("allows a pool with no lines (lines are added by proposal)", async function () {
        const { factory, deployer, maintainer } = await loadFixture(budgetFixture);
        const pool = await createPool(factory, deployer, defaultConfig(maintainer.address), []);
        expect(await pool.lineCount()).to.equal(0n);
        await expect(pool.budgetLine(0n)).to.be.revertedWithCustomError(pool, "PoolUnknownLine").withArgs(0n, 0n);
      });

      describe("reverts", function () {
        it("if a line has cap 0, an empty or too long name, or a period out of range", async function () {
          const { factory, pool, maintainer } = await loadFixture(budgetFixture);
          const config = defaultConfig(maintainer.address);
          const cases: [BudgetLineStruct, number, bigint][] = [
            [{ name: "hosting", cap: 0n, period: LINE_PERIOD }, Parameter.LineCap, 0n],
            [{ name: "hosting", cap: MAX_AMOUNT + 1n, period: LINE_PERIOD }, Parameter.LineCap, MAX_AMOUNT + 1n],
            [{ name: "", cap: ETH, period: LINE_PERIOD }, Parameter.LineName, 0n],
            [{ name: "x".repeat(MAX_NAME_LENGTH + 1), cap: ETH, period: LINE_PERIOD }, Parameter.LineName, 65n],
            [{ name: "hosting", cap: ETH, period: MIN_DURATION - 1n }, Parameter.LinePeriod, MIN_DURATION - 1n],
            [{ name: "hosting", cap: ETH, period: MAX_DURATION + 1n }, Parameter.LinePeriod, MAX_DURATION + 1n],
          ];
          for (const [line, parameter, value] of cases) {
            await expect(factory.createPool(config, [...defaultLines(), line]))
              .to.be.revertedWithCustomError(pool, "PoolInvalidParameter")
              .withArgs(parameter, value);
          }
        });

        it("if more than MAX_LINES lines are given", async function () {
          const { factory, pool, maintainer } = await loadFixture(budgetFixture);
          const lines = Array.from({ length: Number(MAX_LINES) + 1 }, () => ({ name: "l", cap: 1n, period: DAY }));
          await expect(factory.createPool(defaultConfig(maintainer.address), lines))
            .to.be.revertedWithCustomError(pool, "PoolInvalidParameter")
            .withArgs(Parameter.LineCount, MAX_LINES + 1n);
        });
      });
    });

    describe("budgetLine", function () {
      it("reverts if the line does not exist", async function () {
        const { pool } = await loadFixture(budgetFixture);
        await expect(pool.budgetLine(2n)).to.be.revertedWithCustomError(pool, "PoolUnknownLine").withArgs(2n, 2n);
      });

      it("counts reserved and paid amounts as spent in the current period", async function () {
        const { pool, maintainer, payee, keeper } = await loadFixture(budgetFixture);
        const a = await file(pool, maintainer, HOSTING, ETH / 2n, payee.address);
        await file(pool, maintainer, HOSTING, ETH / 4n, payee.address);
        await at(a.payableAt);
        await pool.connect(keeper).payClaim(a.id);
        const l = await lineOf(pool, HOSTING);
        expect([l.spent, l.left]).to.deep.equal([(3n * ETH) / 4n, HOSTING_CAP - (3n * ETH) / 4n]);
      });
    });

    describe("periods", function () {
      it("reset lazily at each boundary counted from genesis, with no transaction", async function () {
        const { pool, genesis, maintainer, payee } = await loadFixture(budgetFixture);
        await file(pool, maintainer, HOSTING, (3n * ETH) / 2n, payee.address);
        expect((await lineOf(pool, HOSTING)).left).to.equal(ETH / 2n);
        await time.increaseTo(genesis + LINE_PERIOD - 1n);
        expect(await lineOf(pool, HOSTING)).to.include({ spent: (3n * ETH) / 2n, nextReset: genesis + LINE_PERIOD });
        await time.increaseTo(genesis + LINE_PERIOD);
        expect(await lineOf(pool, HOSTING)).to.include({
          spent: 0n,
          left: HOSTING_CAP,
          nextReset: genesis + 2n * LINE_PERIOD,
        });
        await time.increaseTo(genesis + 5n * LINE_PERIOD + 12n * HOUR);
        expect((await lineOf(pool, HOSTING)).nextReset).to.equal(genesis + 6n * LINE_PERIOD);
      });

      it("count a claim filed at the last second of a period in that period, and give the whole cap at the boundary", async function () {
        const { pool, genesis, maintainer, payee } = await loadFixture(budgetFixture);
        await at(genesis + LINE_PERIOD - 1n);
        const last = await file(pool, maintainer, HOSTING, HOSTING_CAP, payee.address, "last second");
        expect(last.filedAt).to.equal(genesis + LINE_PERIOD - 1n);
        expect((await pool.claim(last.id))[0].periodIndex).to.equal(0n);
        expect(await lineOf(pool, HOSTING)).to.include({ spent: HOSTING_CAP, left: 0n, nextReset: genesis + LINE_PERIOD });

        await at(genesis + LINE_PERIOD);
        const first = await file(pool, maintainer, HOSTING, HOSTING_CAP, payee.address, "boundary");
        expect(first.filedAt).to.equal(genesis + LINE_PERIOD);
        expect((await pool.claim(first.id))[0].periodIndex).to.equal(1n);
        expect(await lineOf(pool, HOSTING)).to.include({
          spent: HOSTING_CAP,
          left: 0n,
          nextReset: genesis + 2n * LINE_PERIOD,
        });
        await expect(pool.connect(maintainer).fileClaim(HOSTING, 1n, payee.address, receiptHash("x"), ""))
          .to.be.revertedWithCustomError(pool, "PoolOverBudget")
          .withArgs(HOSTING, 1n, 0n);
      });

      it("do not carry what a period left unused into the next one", async function () {
        const { pool, genesis, maintainer, payee } = await loadFixture(budgetFixture);
        await file(pool, maintainer, HOSTING, ETH / 2n, payee.address); // 1.5 ETH unused in period 0
        await at(genesis + LINE_PERIOD);
        await expect(pool.connect(maintainer).fileClaim(HOSTING, HOSTING_CAP + 1n, payee.address, receiptHash("x"), ""))
          .to.be.revertedWithCustomError(pool, "PoolOverBudget")
          .withArgs(HOSTING, HOSTING_CAP + 1n, HOSTING_CAP);
      });
    });
  });

  // ================================================================ fileClaim

  describe("fileClaim", function () {
    describe("reverts", function () {
      it("if the caller is not the maintainer", async function () {
        const { pool, stranger, alice, payee } = await loadFixture(budgetFixture);
        for (const caller of [stranger, alice]) {
          await expect(pool.connect(caller).fileClaim(STIPEND, ETH, payee.address, receiptHash("x"), ""))
            .to.be.revertedWithCustomError(pool, "PoolNotMaintainer")
            .withArgs(caller.address);
        }
      });

      it("if the amount is zero", async function () {
        const { pool, maintainer, payee } = await loadFixture(budgetFixture);
        await expect(
          pool.connect(maintainer).fileClaim(STIPEND, 0n, payee.address, receiptHash("x"), ""),
        ).to.be.revertedWithCustomError(pool, "PoolZeroAmount");
      });

      it("if the payee is address(0) or the pool itself", async function () {
        const { pool, maintainer } = await loadFixture(budgetFixture);
        for (const payee of [ethers.ZeroAddress, await pool.getAddress()]) {
          await expect(pool.connect(maintainer).fileClaim(STIPEND, ETH, payee, receiptHash("x"), ""))
            .to.be.revertedWithCustomError(pool, "PoolInvalidPayee")
            .withArgs(payee);
        }
      });

      it("if the line does not exist", async function () {
        const { pool, maintainer, payee } = await loadFixture(budgetFixture);
        for (const line of [2n, 3n, 2n ** 16n, ethers.MaxUint256]) {
          await expect(pool.connect(maintainer).fileClaim(line, ETH, payee.address, receiptHash("x"), ""))
            .to.be.revertedWithCustomError(pool, "PoolUnknownLine")
            .withArgs(line, 2n);
        }
      });

      it("if the amount exceeds the cap by one wei", async function () {
        const { pool, maintainer, payee } = await loadFixture(budgetFixture);
        await expect(pool.connect(maintainer).fileClaim(HOSTING, HOSTING_CAP + 1n, payee.address, receiptHash("x"), ""))
          .to.be.revertedWithCustomError(pool, "PoolOverBudget")
          .withArgs(HOSTING, HOSTING_CAP + 1n, HOSTING_CAP);
      });

      it("if the amount exceeds what earlier claims of the period left, by one wei", async function () {
        const { pool, maintainer, payee } = await loadFixture(budgetFixture);
        await file(pool, maintainer, HOSTING, ETH, payee.address);
        await expect(pool.connect(maintainer).fileClaim(HOSTING, ETH + 1n, payee.address, receiptHash("x"), ""))
          .to.be.revertedWithCustomError(pool, "PoolOverBudget")
          .withArgs(HOSTING, ETH + 1n, ETH);
        await expect(pool.connect(maintainer).fileClaim(HOSTING, ETH, payee.address, receiptHash("x"), "")).to.emit(
          pool,
          "ClaimFiled",
        );
      });

      it("if the line is closed (cap 0)", async function () {
        const { pool, maintainer, payee } = await loadFixture(budgetFixture);
        await changeLine(pool, maintainer, HOSTING, "hosting", 0n, LINE_PERIOD);
        expect(await lineOf(pool, HOSTING)).to.include({ cap: 0n, left: 0n });
        await expect(pool.connect(maintainer).fileClaim(HOSTING, 1n, payee.address, receiptHash("x"), ""))
          .to.be.revertedWithCustomError(pool, "PoolOverBudget")
          .withArgs(HOSTING, 1n, 0n);
      });

      it("if the amount does not fit in 96 bits", async function () {
        const { pool, maintainer, payee } = await loadFixture(budgetFixture);
        await expect(pool.connect(maintainer).fileClaim(STIPEND, MAX_AMOUNT + 1n, payee.address, receiptHash("x"), ""))
          .to.be.revertedWithCustomError(pool, "PoolOverBudget")
          .withArgs(STIPEND, MAX_AMOUNT + 1n, STIPEND_CAP);
      });

      it("if a recall election runs", async function () {
        const { pool, maintainer, bob, payee } = await loadFixture(budgetFixture);
        await openRecall(pool, bob);
        await expect(pool.connect(maintainer).fileClaim(STIPEND, ETH, payee.address, receiptHash("x"), ""))
          .to.be.revertedWithCustomError(pool, "PoolSeatStatus")
          .withArgs(SeatStatus.Recall);
      });

      it("if the seat is open: the maintainer stepped down and is no longer the maintainer", async function () {
        const { pool, maintainer, payee } = await loadFixture(budgetFixture);
        await pool.connect(maintainer).stepDown();
        expect((await pool.seat()).status).to.equal(SeatStatus.Open);
        expect(await pool.maintainer()).to.equal(ethers.ZeroAddress);
        // The seat is open only with no maintainer, so the caller check answers first.
        await expect(pool.connect(maintainer).fileClaim(STIPEND, ETH, payee.address, receiptHash("x"), ""))
          .to.be.revertedWithCustomError(pool, "PoolNotMaintainer")
          .withArgs(maintainer.address);
      });

      it("if the pool wound down", async function () {
        const { pool, maintainer, payee } = await loadFixture(budgetFixture);
        await windDown(pool, maintainer);
        await expect(pool.connect(maintainer).fileClaim(STIPEND, ETH, payee.address, receiptHash("x"), ""))
          .to.be.revertedWithCustomError(pool, "PoolNotMaintainer")
          .withArgs(maintainer.address);
      });

      it("if the receipt hash is zero (the hash is the claim's id, and a claim needs a receipt)", async function () {
        const { pool, maintainer, payee } = await loadFixture(budgetFixture);
        await expect(pool.connect(maintainer).fileClaim(STIPEND, ETH, payee.address, ethers.ZeroHash, receiptURI("x")))
          .to.be.revertedWithCustomError(pool, "PoolInvalidReceipt")
          .withArgs(ethers.ZeroHash);
        expect(await pool.claimCount()).to.equal(0n);
        expect(await lineOf(pool, STIPEND)).to.include({ spent: 0n, left: STIPEND_CAP });
      });

      it("if the receipt backs a claim already, whatever became of it (pending, paid, cancelled, rejected)", async function () {
        const { pool, maintainer, bob, keeper, payee, stranger } = await loadFixture(budgetFixture);
        const claims = {
          pending: await file(pool, maintainer, STIPEND, ETH, payee.address, "pending"),
          paid: await file(pool, maintainer, STIPEND, ETH, payee.address, "paid"),
          cancelled: await file(pool, maintainer, STIPEND, ETH, payee.address, "cancelled"),
          rejected: await file(pool, maintainer, STIPEND, ETH, payee.address, "rejected"),
        };
        await pool.connect(maintainer).cancelClaim(claims.cancelled.id);
        await pool.connect(bob).object(claims.rejected.id);
        await at(claims.paid.payableAt);
        await pool.connect(keeper).payClaim(claims.paid.id);
        const statuses = [ClaimStatus.Pending, ClaimStatus.Paid, ClaimStatus.Cancelled, ClaimStatus.Rejected];
        const ids = Object.values(claims).map((c) => c.id);
        expect(await Promise.all(ids.map((id) => statusOf(pool, id)))).to.deep.equal(statuses);
        const records = await Promise.all(ids.map(async (id) => list(await pool.claim(id))));
        const lines = [await lineOf(pool, HOSTING), await lineOf(pool, STIPEND)];
        expect(lines[1]).to.include({ spent: 2n * ETH }); // the pending and the paid claim

        for (const label of Object.keys(claims)) {
          // Another line, amount, payee or URI changes nothing: the receipt is the key.
          for (const [line, amount, to] of [
            [STIPEND, ETH, payee.address],
            [HOSTING, 1n, stranger.address],
          ] as const) {
            await expect(pool.connect(maintainer).fileClaim(line, amount, to, receiptHash(label), receiptURI("again")))
              .to.be.revertedWithCustomError(pool, "PoolReceiptAlreadyFiled")
              .withArgs(receiptHash(label));
          }
        }
        expect(await pool.claimCount()).to.equal(4n);
        expect([await lineOf(pool, HOSTING), await lineOf(pool, STIPEND)]).to.deep.equal(lines);
        expect(await Promise.all(ids.map(async (id) => list(await pool.claim(id))))).to.deep.equal(records);
      });

      it("if the receipt backs a claim a recall voided (the successor cannot refile it either)", async function () {
        const { pool, maintainer, bob, successor, payee } = await loadFixture(budgetFixture);
        const { id } = await file(pool, maintainer, STIPEND, ETH, payee.address, "voided");
        await replaceByRecall(pool, bob, successor);
        expect(await statusOf(pool, id)).to.equal(ClaimStatus.Void);
        await expect(pool.connect(successor).fileClaim(STIPEND, ETH, payee.address, receiptHash("voided"), ""))
          .to.be.revertedWithCustomError(pool, "PoolReceiptAlreadyFiled")
          .withArgs(receiptHash("voided"));
        expect(await pool.claimCount()).to.equal(1n);
      });
    });

    it("reserves the amount, stores the receipt hash and emits ClaimFiled with the receipt URI", async function () {
      const { pool, maintainer, payee } = await loadFixture(budgetFixture);
      const hash = receiptHash("hosting, January");
      const tx = pool.connect(maintainer).fileClaim(HOSTING, (3n * ETH) / 2n, payee.address, hash, receiptURI("jan"));
      await expect(tx)
        .to.emit(pool, "ClaimFiled")
        .withArgs(claimIdOf(hash), HOSTING, payee.address, (3n * ETH) / 2n, hash, receiptURI("jan"));
      expect(await pool.receiptOf(claimIdOf(hash))).to.equal(hash);
      expect(await pool.receiptOf(0n)).to.equal(ethers.ZeroHash); // the claim's number is not its id
      expect(await pool.claimCount()).to.equal(1n);
      expect(await lineOf(pool, HOSTING)).to.include({ spent: (3n * ETH) / 2n, left: ETH / 2n });
      expect(await lineOf(pool, STIPEND)).to.include({ spent: 0n, left: STIPEND_CAP });
    });

    it("stores the claim: payee, amount, number, payableAt = now + claimDelay, period, line, Pending, the objection bar", async function () {
      const { pool, maintainer, payee } = await loadFixture(budgetFixture);
      const filedAt = await minedAt(
        pool.connect(maintainer).fileClaim(STIPEND, 3n * ETH, payee.address, receiptHash("x"), receiptURI("x")),
      );
      const [c, status] = await pool.claim(claimIdOf(receiptHash("x")));
      expect(list(c)).to.deep.equal([
        payee.address,
        3n * ETH,
        0n, // number: the pool's first claim
        filedAt + CLAIM_DELAY,
        0n, // periodIndex
        LINE_PERIOD, // the line's period length at filing
        STIPEND,
        ClaimStatus.Pending,
        BAR,
      ]);
      expect(status).to.equal(ClaimStatus.Pending);
    });

    it("returns the receipt hash as the claim's id, and numbers claims in filing order from 0", async function () {
      const { pool, maintainer, payee } = await loadFixture(budgetFixture);
      for (const [label, number] of [
        ["first", 0n],
        ["second", 1n],
        ["third", 2n],
      ] as const) {
        const hash = receiptHash(label);
        expect(await pool.connect(maintainer).fileClaim.staticCall(STIPEND, ETH, payee.address, hash, "")).to.equal(
          claimIdOf(hash),
        );
        await expect(pool.connect(maintainer).fileClaim(STIPEND, ETH, payee.address, hash, receiptURI(label)))
          .to.emit(pool, "ClaimFiled")
          .withArgs(claimIdOf(hash), STIPEND, payee.address, ETH, hash, receiptURI(label));
        expect((await pool.claim(claimIdOf(hash)))[0].number).to.equal(number);
        expect(await pool.claimCount()).to.equal(number + 1n);
      }
    });

    it("accepts a receipt another pool has filed: ids are per pool", async function () {
      const { factory, deployer, pool, maintainer, payee } = await loadFixture(budgetFixture);
      const other = await createPool(factory, deployer, defaultConfig(maintainer.address));
      const hash = receiptHash("shared");
      const first = await file(pool, maintainer, STIPEND, ETH, payee.address, "shared");
      await expect(other.connect(maintainer).fileClaim(HOSTING, 1n, payee.address, hash, ""))
        .to.emit(other, "ClaimFiled")
        .withArgs(first.id, HOSTING, payee.address, 1n, hash, "");
      expect(await other.receiptOf(first.id)).to.equal(hash);
      const [c, status] = await other.claim(first.id);
      expect([c.number, c.line, c.amount, status]).to.deep.equal([0n, HOSTING, 1n, ClaimStatus.Pending]);
      // The first pool's claim is its own.
      expect((await pool.claim(first.id))[0].amount).to.equal(ETH);
    });

    it("stores an empty receipt URI as given (the receipt is the maintainer's statement)", async function () {
      const { pool, maintainer, payee } = await loadFixture(budgetFixture);
      const hash = receiptHash("no URI");
      await expect(pool.connect(maintainer).fileClaim(STIPEND, ETH, payee.address, hash, ""))
        .to.emit(pool, "ClaimFiled")
        .withArgs(claimIdOf(hash), STIPEND, payee.address, ETH, hash, "");
      expect(await pool.receiptOf(claimIdOf(hash))).to.equal(hash);
    });

    it("records the maintainer's activity", async function () {
      const { pool, maintainer, payee } = await loadFixture(budgetFixture);
      await time.increase(10n * DAY);
      const { filedAt } = await file(pool, maintainer, STIPEND, ETH, payee.address);
      expect((await pool.seat()).lastActive).to.equal(filedAt);
    });

    it("lets the maintainer claim exactly what the line has left, and keeps each line's budget apart", async function () {
      const { pool, maintainer, payee } = await loadFixture(budgetFixture);
      await file(pool, maintainer, HOSTING, HOSTING_CAP, payee.address);
      await file(pool, maintainer, STIPEND, STIPEND_CAP, payee.address);
      expect(await lineOf(pool, HOSTING)).to.include({ spent: HOSTING_CAP, left: 0n });
      expect(await lineOf(pool, STIPEND)).to.include({ spent: STIPEND_CAP, left: 0n });
    });

    it("may claim more than the pool holds: the budget caps claims, payment needs the money", async function () {
      const { factory, deployer, maintainer, payee } = await loadFixture(budgetFixture);
      const empty = await createPool(factory, deployer, defaultConfig(maintainer.address));
      await expect(empty.connect(maintainer).fileClaim(STIPEND, STIPEND_CAP, payee.address, receiptHash("x"), "")).to.emit(
        empty,
        "ClaimFiled",
      );
    });

    it("lets a maintainer elected to an open seat file claims", async function () {
      const { pool, maintainer, bob, successor, payee } = await loadFixture(budgetFixture);
      await pool.connect(maintainer).stepDown();
      await runElection(pool, bob, successor.address);
      expect(await pool.maintainer()).to.equal(successor.address);
      await expect(pool.connect(successor).fileClaim(STIPEND, ETH, payee.address, receiptHash("x"), "")).to.emit(
        pool,
        "ClaimFiled",
      );
    });
  });

  // ================================================================ claim (view)

  describe("claim", function () {
    it("reads an unknown claim as None with zeroed fields", async function () {
      const { pool } = await loadFixture(budgetFixture);
      const [c, status] = await pool.claim(7n);
      expect(status).to.equal(ClaimStatus.None);
      expect(list(c)).to.deep.equal([ethers.ZeroAddress, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n]);
      expect(await pool.receiptOf(7n)).to.equal(ethers.ZeroHash);
      expect(await pool.hasObjected(7n, ethers.ZeroAddress)).to.equal(false);
    });

    it("reads receiptOf and hasObjected by id: nothing for an id nobody filed, even one equal to a claim's number", async function () {
      const { pool, maintainer, alice, payee } = await loadFixture(budgetFixture);
      const { id, number } = await file(pool, maintainer, STIPEND, ETH, payee.address, "objected to");
      await pool.connect(alice).object(id);
      expect(await pool.receiptOf(id)).to.equal(receiptHash("objected to"));
      expect(await pool.hasObjected(id, alice.address)).to.equal(true);
      // Objections are recorded by number (0 here), but only a filed id reads them.
      expect(number).to.equal(0n);
      for (const unknown of [number, id + 1n]) {
        expect(await pool.receiptOf(unknown)).to.equal(ethers.ZeroHash);
        expect(await pool.hasObjected(unknown, alice.address)).to.equal(false);
        expect((await pool.claim(unknown))[1]).to.equal(ClaimStatus.None);
      }
    });
  });

  // ================================================================ object

  describe("object", function () {
    describe("reverts", function () {
      it("if the claim does not exist (a claim's number is not its id)", async function () {
        const { pool, maintainer, alice, payee } = await loadFixture(budgetFixture);
        await expect(pool.connect(alice).object(0n)).to.be.revertedWithCustomError(pool, "PoolUnknownClaim").withArgs(0n);
        const { id } = await file(pool, maintainer, STIPEND, ETH, payee.address);
        for (const unknown of [0n, id + 1n]) {
          await expect(pool.connect(alice).object(unknown))
            .to.be.revertedWithCustomError(pool, "PoolUnknownClaim")
            .withArgs(unknown);
        }
      });

      it("if the challenge window closed (at payableAt exactly, and after)", async function () {
        const { pool, maintainer, alice, payee } = await loadFixture(budgetFixture);
        const { id, payableAt } = await file(pool, maintainer, STIPEND, ETH, payee.address);
        await at(payableAt);
        await expect(pool.connect(alice).object(id))
          .to.be.revertedWithCustomError(pool, "PoolChallengeWindowClosed")
          .withArgs(id, payableAt);
        await time.increase(DAY);
        await expect(pool.connect(alice).object(id))
          .to.be.revertedWithCustomError(pool, "PoolChallengeWindowClosed")
          .withArgs(id, payableAt);
      });

      it("if the contributor already objected to the claim", async function () {
        const { pool, maintainer, alice, payee } = await loadFixture(budgetFixture);
        const { id } = await file(pool, maintainer, STIPEND, ETH, payee.address);
        await pool.connect(alice).object(id);
        await expect(pool.connect(alice).object(id))
          .to.be.revertedWithCustomError(pool, "PoolAlreadyObjected")
          .withArgs(id, alice.address);
      });

      it("if the caller never gave", async function () {
        const { pool, maintainer, stranger, payee } = await loadFixture(budgetFixture);
        const { id } = await file(pool, maintainer, STIPEND, ETH, payee.address);
        await expect(pool.connect(stranger).object(id))
          .to.be.revertedWithCustomError(pool, "PoolNoWeight")
          .withArgs(stranger.address);
      });

      it("if the caller gave only in the current epoch", async function () {
        const { pool, maintainer, dave, payee } = await loadFixture(budgetFixture);
        const { id } = await file(pool, maintainer, STIPEND, ETH, payee.address);
        await give(pool, dave, 1_000n * ETH);
        await expect(pool.connect(dave).object(id)).to.be.revertedWithCustomError(pool, "PoolNoWeight").withArgs(dave.address);
      });

      it("if the claim was paid: its window had closed", async function () {
        const { pool, maintainer, alice, payee } = await loadFixture(budgetFixture);
        const { id, payableAt } = await file(pool, maintainer, STIPEND, ETH, payee.address);
        await at(payableAt);
        await pool.payClaim(id);
        expect(await statusOf(pool, id)).to.equal(ClaimStatus.Paid);
        await expect(pool.connect(alice).object(id))
          .to.be.revertedWithCustomError(pool, "PoolChallengeWindowClosed")
          .withArgs(id, payableAt);
        expect(await pool.hasObjected(id, alice.address)).to.equal(false);
      });

      it("if the claim was rejected", async function () {
        const { pool, maintainer, alice, bob, payee } = await loadFixture(budgetFixture);
        const { id } = await file(pool, maintainer, STIPEND, ETH, payee.address);
        await pool.connect(bob).object(id);
        await expect(pool.connect(alice).object(id))
          .to.be.revertedWithCustomError(pool, "PoolClaimNotPending")
          .withArgs(id, ClaimStatus.Rejected);
      });

      it("if the claim was cancelled", async function () {
        const { pool, maintainer, alice, payee } = await loadFixture(budgetFixture);
        const { id } = await file(pool, maintainer, STIPEND, ETH, payee.address);
        await pool.connect(maintainer).cancelClaim(id);
        await expect(pool.connect(alice).object(id))
          .to.be.revertedWithCustomError(pool, "PoolClaimNotPending")
          .withArgs(id, ClaimStatus.Cancelled);
      });
    });

    // A void claim stays void: objecting to it is refused (PoolClaimVoid), so its record never turns Rejected
    // with weight that `weightOf` no longer counts. Its reservation stays until its line's period ends.
    it("refuses objections to a claim a recall voided (PoolClaimVoid): it stays Void and keeps its reservation", async function () {
      const { pool, maintainer, alice, bob, successor, payee } = await loadFixture(longWindowFixture);
      const { id, payableAt } = await file(pool, maintainer, STIPEND, ETH, payee.address);
      await replaceByRecall(pool, bob, successor);
      expect(await latest()).to.be.lessThan(payableAt); // the window is still open
      expect(await statusOf(pool, id)).to.equal(ClaimStatus.Void);
      const [, , , spentBefore] = await pool.budgetLine(STIPEND);
      for (const who of [alice, bob]) {
        await expect(pool.connect(who).object(id)).to.be.revertedWithCustomError(pool, "PoolClaimVoid").withArgs(id);
        expect(await pool.hasObjected(id, who.address)).to.equal(false);
      }
      expect(await statusOf(pool, id)).to.equal(ClaimStatus.Void);
      const [, , , spentAfter] = await pool.budgetLine(STIPEND);
      expect(spentAfter).to.equal(spentBefore);
      await expect(pool.payClaim(id)).to.be.revertedWithCustomError(pool, "PoolClaimNotPending");
    });

    it("refuses objections to a claim the wind-down voided (PoolClaimVoid), inside its window", async function () {
      const { pool, maintainer, alice, payee } = await loadFixture(longWindowFixture);
      const { id, payableAt } = await file(pool, maintainer, STIPEND, ETH, payee.address);
      await windDown(pool, maintainer);
      expect(await latest()).to.be.lessThan(payableAt);
      expect(await statusOf(pool, id)).to.equal(ClaimStatus.Void);
      const before = await pool.windDownState();
      await expect(pool.connect(alice).object(id)).to.be.revertedWithCustomError(pool, "PoolClaimVoid").withArgs(id);
      expect(await pool.windDownState()).to.deep.equal(before);
      expect(await statusOf(pool, id)).to.equal(ClaimStatus.Void);
      await expect(pool.payClaim(id)).to.be.revertedWithCustomError(pool, "PoolClaimNotPending");
    });

    it("records the objection with the matured weight and emits ClaimObjected with what is still needed", async function () {
      const { pool, maintainer, alice, payee } = await loadFixture(budgetFixture);
      const { id } = await file(pool, maintainer, STIPEND, ETH, payee.address);
      await expect(pool.connect(alice).object(id))
        .to.emit(pool, "ClaimObjected")
        .withArgs(id, alice.address, ALICE, BAR - ALICE)
        .and.not.to.emit(pool, "ClaimRejected");
      expect(await pool.hasObjected(id, alice.address)).to.equal(true);
      const [c, status] = await pool.claim(id);
      expect([c.toReject, status]).to.deep.equal([BAR - ALICE, ClaimStatus.Pending]);
    });

    it("counts only matured weight: a top-up given in the current epoch adds nothing", async function () {
      const { pool, maintainer, alice, payee } = await loadFixture(budgetFixture);
      const { id } = await file(pool, maintainer, STIPEND, ETH, payee.address);
      await give(pool, alice, 100n * ETH);
      await expect(pool.connect(alice).object(id))
        .to.emit(pool, "ClaimObjected")
        .withArgs(id, alice.address, ALICE, BAR - ALICE);
      expect(await statusOf(pool, id)).to.equal(ClaimStatus.Pending);
    });

    it("still takes objections up to the last second of the window", async function () {
      const { pool, maintainer, alice, payee } = await loadFixture(budgetFixture);
      const { id, payableAt } = await file(pool, maintainer, STIPEND, ETH, payee.address);
      await at(payableAt - 1n);
      await expect(pool.connect(alice).object(id)).to.emit(pool, "ClaimObjected");
    });

    it("rejects the claim once objections reach the bar, emits ClaimRejected and frees the reservation", async function () {
      const { pool, maintainer, alice, carol, payee } = await loadFixture(budgetFixture);
      const { id } = await file(pool, maintainer, STIPEND, 4n * ETH, payee.address);
      expect((await lineOf(pool, STIPEND)).left).to.equal(STIPEND_CAP - 4n * ETH);
      await pool.connect(alice).object(id);
      await expect(pool.connect(carol).object(id))
        .to.emit(pool, "ClaimObjected")
        .withArgs(id, carol.address, CAROL, 0n)
        .and.to.emit(pool, "ClaimRejected")
        .withArgs(id);
      expect(await statusOf(pool, id)).to.equal(ClaimStatus.Rejected);
      expect(await lineOf(pool, STIPEND)).to.include({ spent: 0n, left: STIPEND_CAP });
      // The freed budget can be claimed again.
      await expect(pool.connect(maintainer).fileClaim(STIPEND, STIPEND_CAP, payee.address, receiptHash("y"), "")).to.emit(
        pool,
        "ClaimFiled",
      );
    });

    it("rejects at once when one objector alone holds the bar", async function () {
      const { pool, maintainer, bob, payee } = await loadFixture(budgetFixture);
      const { id } = await file(pool, maintainer, STIPEND, ETH, payee.address);
      await expect(pool.connect(bob).object(id))
        .to.emit(pool, "ClaimObjected")
        .withArgs(id, bob.address, BOB, 0n)
        .and.to.emit(pool, "ClaimRejected")
        .withArgs(id);
    });

    it("frees the reservation of a rejected claim only in its own period", async function () {
      const { pool, genesis, maintainer, alice, carol, payee } = await loadFixture(budgetFixture);
      await at(genesis + LINE_PERIOD - HOUR);
      const { id } = await file(pool, maintainer, HOSTING, ETH, payee.address); // period 0
      await at(genesis + LINE_PERIOD);
      await file(pool, maintainer, HOSTING, HOSTING_CAP, payee.address); // period 1: all of it
      await pool.connect(alice).object(id);
      await expect(pool.connect(carol).object(id)).to.emit(pool, "ClaimRejected");
      expect(await lineOf(pool, HOSTING)).to.include({ spent: HOSTING_CAP, left: 0n });
    });

    describe("quorum", function () {
      it("rejects exactly at objectionQuorumBps of the total matured weight", async function () {
        const { pool, maintainer, alice, carol, payee } = await loadFixture(quorumFixture);
        expect(await pool.totalWeight()).to.equal(10n * ETH);
        const { id } = await file(pool, maintainer, STIPEND, ETH, payee.address);
        expect((await pool.claim(id))[0].toReject).to.equal(2n * ETH);
        await expect(pool.connect(alice).object(id))
          .to.emit(pool, "ClaimObjected")
          .withArgs(id, alice.address, 2n * ETH - 1n, 1n)
          .and.not.to.emit(pool, "ClaimRejected");
        await expect(pool.connect(carol).object(id))
          .to.emit(pool, "ClaimObjected")
          .withArgs(id, carol.address, 1n, 0n)
          .and.to.emit(pool, "ClaimRejected")
          .withArgs(id);
      });

      it("does not reject one wei below it: the claim is paid after the window", async function () {
        const { pool, maintainer, alice, keeper, payee } = await loadFixture(quorumFixture);
        const { id, payableAt } = await file(pool, maintainer, STIPEND, ETH, payee.address);
        await pool.connect(alice).object(id);
        expect(await statusOf(pool, id)).to.equal(ClaimStatus.Pending);
        await at(payableAt);
        await expect(pool.connect(keeper).payClaim(id)).to.changeEtherBalances(ethers, [pool, payee], [-ETH, ETH]);
      });

      it("rounds the bar up", async function () {
        const { pool, maintainer, alice, carol, dave, payee } = await loadFixture(quorumFixture);
        await give(pool, dave, 1n);
        await nextEpoch(pool, networkHelpers);
        expect(await pool.totalWeight()).to.equal(10n * ETH + 1n);
        const { id } = await file(pool, maintainer, STIPEND, ETH, payee.address);
        expect((await pool.claim(id))[0].toReject).to.equal(2n * ETH + 1n); // ceil(2 ETH + 0.2 wei)
        await pool.connect(alice).object(id);
        await expect(pool.connect(carol).object(id))
          .to.emit(pool, "ClaimObjected")
          .withArgs(id, carol.address, 1n, 1n)
          .and.not.to.emit(pool, "ClaimRejected");
      });

      it("keeps the bar fixed at filing: a later rules change and newly matured gifts do not move it", async function () {
        const { pool, genesis, maintainer, alice, carol, dave, payee } = await loadFixture(budgetFixture);
        const change = await proposeRules(pool, maintainer, { ...DEFAULT_RULES, objectionQuorumBps: 5_000 });
        await give(pool, dave, 100n * ETH); // matures at epoch 2
        await at(genesis + 2n * EPOCH - 10n); // still epoch 1, before the change's effectiveAt
        expect(change.effectiveAt).to.be.greaterThan(genesis + 2n * EPOCH);
        const before = await file(pool, maintainer, STIPEND, ETH, payee.address, "before");
        expect((await pool.claim(before.id))[0].toReject).to.equal(BAR);

        await at(change.effectiveAt);
        await pool.applyChange(change.id);
        expect(await pool.totalWeight()).to.equal(TOTAL + 100n * ETH);
        const after = await file(pool, maintainer, STIPEND, ETH, payee.address, "after");
        expect((await pool.claim(after.id))[0].toReject).to.equal(70n * ETH); // 50% of 140 ETH

        // 10 ETH is 7% of today's weight, but 125% of the bar fixed when the first claim was filed.
        await pool.connect(alice).object(before.id);
        await expect(pool.connect(carol).object(before.id)).to.emit(pool, "ClaimRejected").withArgs(before.id);
        await expect(pool.connect(alice).object(after.id))
          .to.emit(pool, "ClaimObjected")
          .withArgs(after.id, alice.address, ALICE, 70n * ETH - ALICE);
      });

      it("sets a bar of 1 when no weight has matured yet: the first matured objector rejects", async function () {
        const { factory, deployer, maintainer, alice, payee } = await loadFixture(budgetFixture);
        const pool = await createPool(factory, deployer, defaultConfig(maintainer.address));
        await time.increase(6n * DAY);
        await give(pool, alice, 1n); // epoch 0: matures at epoch 1, inside the claim's window
        const { id, payableAt } = await file(pool, maintainer, STIPEND, ETH, payee.address);
        expect(await pool.totalWeight()).to.equal(0n);
        expect((await pool.claim(id))[0].toReject).to.equal(1n);
        await expect(pool.connect(alice).object(id)).to.be.revertedWithCustomError(pool, "PoolNoWeight");
        await nextEpoch(pool, networkHelpers);
        expect(await latest()).to.be.lessThan(payableAt);
        await expect(pool.connect(alice).object(id))
          .to.emit(pool, "ClaimObjected")
          .withArgs(id, alice.address, 1n, 0n)
          .and.to.emit(pool, "ClaimRejected");
      });

      it("weighs objections by the square root of matured gifts in a Quadratic pool", async function () {
        const { factory, deployer, maintainer, alice, bob, payee } = await loadFixture(budgetFixture);
        const pool = await createPool(
          factory,
          deployer,
          defaultConfig(maintainer.address, { weighting: Weighting.Quadratic }),
        );
        await give(pool, alice, 4n * ETH); // weight 2e9
        await give(pool, bob, 64n * ETH); // weight 8e9
        await nextEpoch(pool, networkHelpers);
        const { id } = await file(pool, maintainer, STIPEND, ETH, payee.address);
        expect((await pool.claim(id))[0].toReject).to.equal(2n * 10n ** 9n); // 20% of 10e9
        await expect(pool.connect(alice).object(id))
          .to.emit(pool, "ClaimObjected")
          .withArgs(id, alice.address, 2n * 10n ** 9n, 0n)
          .and.to.emit(pool, "ClaimRejected");
      });
    });
  });

  // ================================================================ payClaim

  describe("payClaim", function () {
    describe("reverts", function () {
      it("if the claim does not exist (a claim's number is not its id)", async function () {
        const { pool, maintainer, keeper, payee } = await loadFixture(budgetFixture);
        await expect(pool.connect(keeper).payClaim(0n)).to.be.revertedWithCustomError(pool, "PoolUnknownClaim").withArgs(0n);
        const { id, payableAt } = await file(pool, maintainer, STIPEND, ETH, payee.address);
        await at(payableAt);
        for (const unknown of [0n, id + 1n]) {
          await expect(pool.connect(keeper).payClaim(unknown))
            .to.be.revertedWithCustomError(pool, "PoolUnknownClaim")
            .withArgs(unknown);
        }
        expect(await pool.balance()).to.equal(TOTAL);
      });

      it("if the challenge window is still open, to its last second", async function () {
        const { pool, maintainer, keeper, payee } = await loadFixture(budgetFixture);
        const { id, payableAt } = await file(pool, maintainer, STIPEND, ETH, payee.address);
        await expect(pool.connect(keeper).payClaim(id))
          .to.be.revertedWithCustomError(pool, "PoolChallengeWindowOpen")
          .withArgs(id, payableAt);
        await at(payableAt - 1n);
        await expect(pool.connect(keeper).payClaim(id))
          .to.be.revertedWithCustomError(pool, "PoolChallengeWindowOpen")
          .withArgs(id, payableAt);
      });

      it("if the claim was paid already", async function () {
        const { pool, maintainer, keeper, payee } = await loadFixture(budgetFixture);
        const { id, payableAt } = await file(pool, maintainer, STIPEND, ETH, payee.address);
        await at(payableAt);
        await pool.connect(keeper).payClaim(id);
        await expect(pool.connect(keeper).payClaim(id))
          .to.be.revertedWithCustomError(pool, "PoolClaimNotPending")
          .withArgs(id, ClaimStatus.Paid);
        await expect(pool.connect(payee).payClaim(id))
          .to.be.revertedWithCustomError(pool, "PoolClaimNotPending")
          .withArgs(id, ClaimStatus.Paid);
      });

      it("if the claim was rejected", async function () {
        const { pool, maintainer, bob, keeper, payee } = await loadFixture(budgetFixture);
        const { id, payableAt } = await file(pool, maintainer, STIPEND, ETH, payee.address);
        await pool.connect(bob).object(id);
        await at(payableAt);
        await expect(pool.connect(keeper).payClaim(id))
          .to.be.revertedWithCustomError(pool, "PoolClaimNotPending")
          .withArgs(id, ClaimStatus.Rejected);
      });

      it("if the claim was cancelled", async function () {
        const { pool, maintainer, keeper, payee } = await loadFixture(budgetFixture);
        const { id, payableAt } = await file(pool, maintainer, STIPEND, ETH, payee.address);
        await pool.connect(maintainer).cancelClaim(id);
        await at(payableAt);
        await expect(pool.connect(keeper).payClaim(id))
          .to.be.revertedWithCustomError(pool, "PoolClaimNotPending")
          .withArgs(id, ClaimStatus.Cancelled);
      });

      it("while a recall election runs (payments are frozen)", async function () {
        const { pool, maintainer, bob, keeper, payee } = await loadFixture(budgetFixture);
        const { id, payableAt } = await file(pool, maintainer, STIPEND, ETH, payee.address);
        await openRecall(pool, bob);
        await at(payableAt);
        await expect(pool.connect(keeper).payClaim(id)).to.be.revertedWithCustomError(pool, "PoolPaymentsFrozen");
        expect(await statusOf(pool, id)).to.equal(ClaimStatus.Pending);
      });

      it("if a recall replaced the maintainer: the claim is void", async function () {
        const { pool, maintainer, bob, keeper, successor, payee } = await loadFixture(budgetFixture);
        const { id } = await file(pool, maintainer, STIPEND, ETH, payee.address);
        await replaceByRecall(pool, bob, successor);
        expect(await statusOf(pool, id)).to.equal(ClaimStatus.Void);
        await expect(pool.connect(keeper).payClaim(id))
          .to.be.revertedWithCustomError(pool, "PoolClaimNotPending")
          .withArgs(id, ClaimStatus.Void);
        // The new maintainer's own claims are paid as usual.
        const next = await file(pool, successor, STIPEND, ETH, payee.address);
        await at(next.payableAt);
        await expect(pool.connect(keeper).payClaim(next.id)).to.emit(pool, "ClaimPaid").withArgs(next.id);
      });

      it("if the pool wound down: the claim is void", async function () {
        const { pool, maintainer, keeper, payee } = await loadFixture(budgetFixture);
        const { id } = await file(pool, maintainer, STIPEND, ETH, payee.address);
        const left = await pool.balance();
        await windDown(pool, maintainer);
        expect(await statusOf(pool, id)).to.equal(ClaimStatus.Void);
        await expect(pool.connect(keeper).payClaim(id))
          .to.be.revertedWithCustomError(pool, "PoolClaimNotPending")
          .withArgs(id, ClaimStatus.Void);
        expect((await pool.windDownState()).left).to.equal(left);
      });

      it("if the payee refuses ETH; the claim stays pending and is paid once the payee accepts", async function () {
        const { pool, maintainer, keeper } = await loadFixture(budgetFixture);
        const payee = await ethers.deployContract("RevertingPayee", [true]);
        const payeeAddress = await payee.getAddress();
        const { id, payableAt } = await file(pool, maintainer, STIPEND, ETH, payeeAddress);
        const balance = await pool.balance();
        await at(payableAt);
        await expect(pool.connect(keeper).payClaim(id))
          .to.be.revertedWithCustomError(pool, "PoolPaymentFailed")
          .withArgs(id, payeeAddress);
        expect(await statusOf(pool, id)).to.equal(ClaimStatus.Pending);
        expect((await pool.claim(id))[0].amount).to.equal(ETH);
        expect(await pool.balance()).to.equal(balance);
        await payee.setRejecting(false);
        await expect(pool.connect(keeper).payClaim(id)).to.changeEtherBalances(ethers, [pool, payee], [-ETH, ETH]);
        expect(await pool.balance()).to.equal(balance - ETH);
      });

      it("if the payee burns all the gas it is given; the claim stays pending", async function () {
        const { pool, maintainer, keeper } = await loadFixture(budgetFixture);
        const payee = await ethers.deployContract("GasGriefingPayee", [GasMode.BurnGas, 0]);
        const payeeAddress = await payee.getAddress();
        const { id, payableAt } = await file(pool, maintainer, STIPEND, ETH, payeeAddress);
        await at(payableAt);
        await expect(pool.connect(keeper).payClaim(id))
          .to.be.revertedWithCustomError(pool, "PoolPaymentFailed")
          .withArgs(id, payeeAddress);
        // Even with a tight gas limit the pool keeps enough (1/64) to fail cleanly with its own error.
        await expect(pool.connect(keeper).payClaim(id, { gasLimit: 300_000 }))
          .to.be.revertedWithCustomError(pool, "PoolPaymentFailed")
          .withArgs(id, payeeAddress);
        expect(await statusOf(pool, id)).to.equal(ClaimStatus.Pending);
        await payee.setMode(GasMode.Off, 0);
        await expect(pool.connect(keeper).payClaim(id)).to.changeEtherBalances(ethers, [pool, payee], [-ETH, ETH]);
      });

      it("if the payee reverts with a huge payload", async function () {
        const { pool, maintainer, keeper } = await loadFixture(budgetFixture);
        const payee = await ethers.deployContract("GasGriefingPayee", [
          GasMode.RevertBomb,
          1_000_000,
        ]);
        const payeeAddress = await payee.getAddress();
        const { id, payableAt } = await file(pool, maintainer, STIPEND, ETH, payeeAddress);
        await at(payableAt);
        await expect(pool.connect(keeper).payClaim(id))
          .to.be.revertedWithCustomError(pool, "PoolPaymentFailed")
          .withArgs(id, payeeAddress);
        expect(await statusOf(pool, id)).to.equal(ClaimStatus.Pending);
      });

      it("if the pool does not hold the amount; it is paid once gifts arrive", async function () {
        const { factory, deployer, maintainer, alice, keeper, payee } = await loadFixture(budgetFixture);
        const pool = await createPool(factory, deployer, defaultConfig(maintainer.address));
        await give(pool, alice, ETH);
        const { id, payableAt } = await file(pool, maintainer, STIPEND, 3n * ETH, payee.address);
        await at(payableAt);
        await expect(pool.connect(keeper).payClaim(id))
          .to.be.revertedWithCustomError(pool, "PoolLedgerShort")
          .withArgs(id, ETH, 3n * ETH);
        await give(pool, alice, 2n * ETH);
        await expect(pool.connect(keeper).payClaim(id)).to.changeEtherBalances(ethers, [pool, payee], [-3n * ETH, 3n * ETH]);
        expect(await pool.balance()).to.equal(0n);
      });

      it("if the ledger is below the amount, even when stray ETH would cover it (sweep it first)", async function () {
        const { factory, deployer, maintainer, alice, keeper, payee } = await loadFixture(budgetFixture);
        const pool = await createPool(factory, deployer, defaultConfig(maintainer.address));
        const poolAddress = await pool.getAddress();
        await give(pool, alice, ETH);
        await ethers.deployContract("ForceEther", [poolAddress], { value: 2n * ETH }); // stray, not in the ledger
        expect(await pool.balance()).to.equal(ETH);
        expect(await ethers.provider.getBalance(poolAddress)).to.equal(3n * ETH);
        const { id, payableAt } = await file(pool, maintainer, HOSTING, 2n * ETH, payee.address);
        await at(payableAt);
        // Paying 2 ETH out of a 1 ETH ledger would leave paid > totalGiven: balance() (and with it sweep and
        // windDown, which read it) would underflow for good.
        await expect(pool.connect(keeper).payClaim(id), "a claim must not be paid beyond the ledger").to.revert(ethers);
        expect(await pool.balance()).to.equal(ETH);
        await pool.sweep();
        expect(await pool.balance()).to.equal(3n * ETH);
        await expect(pool.connect(keeper).payClaim(id)).to.emit(pool, "ClaimPaid").withArgs(id);
        expect(await pool.balance()).to.equal(ETH);
      });

      it("if the token payee is blocklisted; it is paid once unblocked", async function () {
        const { pools, blocklist, maintainer, keeper, payee } = await loadFixture(tokenFixture);
        const pool = pools.blocklist;
        const { id, payableAt } = await file(pool, maintainer, STIPEND, 5n * TUSD, payee.address);
        await blocklist.setBlocked(payee.address, true);
        await at(payableAt);
        await expect(pool.connect(keeper).payClaim(id))
          .to.be.revertedWithCustomError(pool, "PoolPaymentFailed")
          .withArgs(id, payee.address);
        expect(await statusOf(pool, id)).to.equal(ClaimStatus.Pending);
        expect(await pool.balance()).to.equal(100n * TUSD);
        await blocklist.setBlocked(payee.address, false);
        await expect(pool.connect(keeper).payClaim(id)).to.changeTokenBalances(
          ethers,
          blocklist,
          [pool, payee],
          [-5n * TUSD, 5n * TUSD],
        );
      });

      it("if the token returns false instead of reverting", async function () {
        const { pools, falseToken, maintainer, keeper, payee } = await loadFixture(tokenFixture);
        const pool = pools.falseToken;
        const { id, payableAt } = await file(pool, maintainer, STIPEND, 5n * TUSD, payee.address);
        await falseToken.setFailAll(true);
        await at(payableAt);
        await expect(pool.connect(keeper).payClaim(id))
          .to.be.revertedWithCustomError(pool, "PoolPaymentFailed")
          .withArgs(id, payee.address);
        await falseToken.setFailAll(false);
        await pool.connect(keeper).payClaim(id);
        expect(await falseToken.balanceOf(payee.address)).to.equal(5n * TUSD);
      });
    });

    it("pays exactly at payableAt, by anyone: the payee gets the amount and ClaimPaid is emitted", async function () {
      const { pool, maintainer, keeper, payee } = await loadFixture(budgetFixture);
      const { id, payableAt } = await file(pool, maintainer, STIPEND, 3n * ETH, payee.address);
      await at(payableAt);
      const tx = pool.connect(keeper).payClaim(id);
      await expect(tx).to.emit(pool, "ClaimPaid").withArgs(id);
      await expect(tx).to.changeEtherBalances(ethers, [pool, payee, keeper, maintainer], [-3n * ETH, 3n * ETH, 0n, 0n]);
      expect(await minedAt(tx)).to.equal(payableAt);
    });

    it("lowers the ledger by the amount and reads the claim back as Paid with its payout cleared", async function () {
      const { pool, maintainer, keeper, payee } = await loadFixture(budgetFixture);
      await file(pool, maintainer, HOSTING, ETH, payee.address, "earlier"); // so the paid claim is number 1
      const { id, number, payableAt } = await file(pool, maintainer, STIPEND, 3n * ETH, payee.address, "paid");
      await at(payableAt);
      await pool.connect(keeper).payClaim(id);
      expect(await pool.balance()).to.equal(TOTAL - 3n * ETH);
      expect(await pool.totalGiven()).to.equal(TOTAL);
      expect(await ethers.provider.getBalance(await pool.getAddress())).to.equal(TOTAL - 3n * ETH);
      const [c, status] = await pool.claim(id);
      expect(status).to.equal(ClaimStatus.Paid);
      // Only the payout slot is cleared (payee and amount are in ClaimFiled); the stored status stays Pending.
      expect(list(c)).to.deep.equal([
        ethers.ZeroAddress,
        0n,
        1n, // number
        payableAt,
        0n, // periodIndex
        LINE_PERIOD,
        STIPEND,
        ClaimStatus.Pending,
        BAR,
      ]);
      expect(number).to.equal(1n);
      expect(await pool.receiptOf(id)).to.equal(receiptHash("paid")); // the receipt stays on record
      // What was paid stays spent in the period.
      expect(await lineOf(pool, STIPEND)).to.include({ spent: 3n * ETH, left: STIPEND_CAP - 3n * ETH });
    });

    it("pays ERC-20 claims", async function () {
      const { pools, token, maintainer, keeper, payee } = await loadFixture(tokenFixture);
      const pool = pools.token;
      const { id, payableAt } = await file(pool, maintainer, STIPEND, 7n * TUSD, payee.address);
      await at(payableAt);
      const tx = pool.connect(keeper).payClaim(id);
      await expect(tx).to.emit(pool, "ClaimPaid").withArgs(id);
      await expect(tx).to.changeTokenBalances(ethers, token, [pool, payee, keeper], [-7n * TUSD, 7n * TUSD, 0n]);
      expect(await pool.balance()).to.equal(93n * TUSD);
    });

    it("pays in a token whose transfer returns nothing (USDT-style)", async function () {
      const { pools, noReturn, maintainer, keeper, payee } = await loadFixture(tokenFixture);
      const pool = pools.noReturn;
      const { id, payableAt } = await file(pool, maintainer, STIPEND, 7n * TUSD, payee.address);
      await at(payableAt);
      await expect(pool.connect(keeper).payClaim(id)).to.emit(pool, "ClaimPaid").withArgs(id);
      expect(await noReturn.balanceOf(payee.address)).to.equal(7n * TUSD);
      expect(await pool.balance()).to.equal(93n * TUSD);
    });

    it("does not copy a payee's huge return data (no gas griefing)", async function () {
      const { pool, maintainer, keeper } = await loadFixture(budgetFixture);
      const BOMB = 1_000_000n;
      const payee = await ethers.deployContract("GasGriefingPayee", [GasMode.Off, 0]);
      const payeeAddress = await payee.getAddress();
      const quiet = await file(pool, maintainer, STIPEND, ETH, payeeAddress, "quiet");
      const bomb = await file(pool, maintainer, STIPEND, ETH, payeeAddress, "bomb");
      await at(bomb.payableAt);
      const quietGas = (await (await pool.connect(keeper).payClaim(quiet.id)).wait())!.gasUsed;
      await payee.setMode(GasMode.ReturnBomb, BOMB);
      const bombGas = (await (await pool.connect(keeper).payClaim(bomb.id)).wait())!.gasUsed;
      // The payee pays for its own memory once; copying the payload would cost the pool as much again.
      const extra = bombGas - quietGas;
      expect(extra).to.be.greaterThan(memoryGas(BOMB) / 2n);
      expect(extra).to.be.lessThan((memoryGas(BOMB) * 3n) / 2n);
      expect(await ethers.provider.getBalance(payeeAddress)).to.equal(2n * ETH);
    });

    it("pays the claims of a maintainer who stepped down (only a recall voids them)", async function () {
      const { pool, maintainer, keeper, payee } = await loadFixture(budgetFixture);
      const { id, payableAt } = await file(pool, maintainer, STIPEND, ETH, payee.address);
      await pool.connect(maintainer).stepDown();
      await at(payableAt);
      await expect(pool.connect(keeper).payClaim(id)).to.changeEtherBalances(ethers, [pool, payee], [-ETH, ETH]);
    });

    it("pays again once a recall fails (the incumbent wins it)", async function () {
      const { pool, maintainer, bob, keeper, payee } = await loadFixture(budgetFixture);
      const { id } = await file(pool, maintainer, STIPEND, ETH, payee.address);
      await openRecall(pool, bob);
      await runElection(pool, bob, maintainer.address, false); // the incumbent stands by right
      expect(await pool.maintainer()).to.equal(maintainer.address);
      expect((await pool.seat()).status).to.equal(SeatStatus.Filled);
      expect(await statusOf(pool, id)).to.equal(ClaimStatus.Pending);
      await expect(pool.connect(keeper).payClaim(id)).to.emit(pool, "ClaimPaid").withArgs(id);
    });

    it("pays a claim of an earlier period without touching the current period's budget", async function () {
      const { pool, genesis, maintainer, keeper, payee } = await loadFixture(budgetFixture);
      const { id } = await file(pool, maintainer, HOSTING, ETH, payee.address);
      await at(genesis + LINE_PERIOD + DAY);
      await file(pool, maintainer, HOSTING, ETH / 2n, payee.address);
      await pool.connect(keeper).payClaim(id);
      expect(await lineOf(pool, HOSTING)).to.include({ spent: ETH / 2n, left: HOSTING_CAP - ETH / 2n });
    });

    describe("reentrancy", function () {
      async function attackerPayee() {
        const attacker = await ethers.deployContract("ReentrantAttacker");
        return { attacker, address: await attacker.getAddress() };
      }

      it("stops a payee re-entering payClaim for the same claim: it is paid once", async function () {
        const { pool, maintainer, keeper } = await loadFixture(budgetFixture);
        const { attacker, address } = await attackerPayee();
        const { id, payableAt } = await file(pool, maintainer, STIPEND, ETH, address);
        await attacker.arm(pool, pool.interface.encodeFunctionData("payClaim", [id]), 0n);
        await at(payableAt);
        await expect(pool.connect(keeper).payClaim(id)).to.changeEtherBalances(ethers, [pool, attacker], [-ETH, ETH]);
        expect(list(await attacker.reentries())).to.deep.equal([1n, 0n]);
        expect(await attacker.lastReentryReturnData()).to.equal(GUARD_ERROR);
        expect(await pool.balance()).to.equal(TOTAL - ETH);
      });

      it("stops a payee re-entering payClaim for another payable claim", async function () {
        const { pool, maintainer, keeper, payee } = await loadFixture(budgetFixture);
        const { attacker, address } = await attackerPayee();
        const first = await file(pool, maintainer, STIPEND, ETH, address);
        const other = await file(pool, maintainer, STIPEND, 2n * ETH, payee.address);
        await attacker.arm(pool, pool.interface.encodeFunctionData("payClaim", [other.id]), 0n);
        await at(other.payableAt);
        await expect(pool.connect(keeper).payClaim(first.id)).to.changeEtherBalances(
          ethers,
          [pool, attacker, payee],
          [-ETH, ETH, 0n],
        );
        expect(await attacker.lastReentryReturnData()).to.equal(GUARD_ERROR);
        expect(await statusOf(pool, other.id)).to.equal(ClaimStatus.Pending);
        await expect(pool.connect(keeper).payClaim(other.id)).to.changeEtherBalances(ethers, [pool, payee], [-2n * ETH, 2n * ETH]);
      });

      it("stops a maintainer-payee re-entering cancelClaim to free the budget of the claim being paid", async function () {
        const { factory, deployer, alice, keeper } = await loadFixture(budgetFixture);
        const { attacker, address } = await attackerPayee();
        const pool = await createPool(factory, deployer, defaultConfig(address));
        await give(pool, alice, 10n * ETH);
        const fileData = pool.interface.encodeFunctionData("fileClaim", [HOSTING, HOSTING_CAP, address, receiptHash("self"), ""]);
        await attacker.execute(pool, fileData, 0n);
        const id = claimIdOf(receiptHash("self"));
        const [c] = await pool.claim(id);
        await attacker.arm(pool, pool.interface.encodeFunctionData("cancelClaim", [id]), 0n);
        await at(c.payableAt);
        await expect(pool.connect(keeper).payClaim(id)).to.emit(pool, "ClaimPaid").withArgs(id);
        expect(await attacker.lastReentrySucceeded()).to.equal(false);
        expect(await attacker.lastReentryReturnData()).to.equal(
          pool.interface.encodeErrorResult("PoolClaimNotPending", [id, ClaimStatus.Paid]),
        );
        expect(await lineOf(pool, HOSTING)).to.include({ spent: HOSTING_CAP, left: 0n });
        expect(await ethers.provider.getBalance(address)).to.equal(HOSTING_CAP);
      });

      it("stops a payee re-entering object on the claim being paid", async function () {
        const { pool, maintainer, keeper } = await loadFixture(budgetFixture);
        const { attacker, address } = await attackerPayee();
        const { id, payableAt } = await file(pool, maintainer, STIPEND, ETH, address);
        await attacker.arm(pool, pool.interface.encodeFunctionData("object", [id]), 0n);
        await at(payableAt);
        await pool.connect(keeper).payClaim(id);
        // A claim is payable only once its window has closed, so object refuses it there first.
        expect(await attacker.lastReentryReturnData()).to.equal(
          pool.interface.encodeErrorResult("PoolChallengeWindowClosed", [id, payableAt]),
        );
        expect(await statusOf(pool, id)).to.equal(ClaimStatus.Paid);
      });

      it("stops a token-hook payee re-entering payClaim from inside the ERC-20 transfer", async function () {
        const { pools, hook, maintainer, keeper, payee } = await loadFixture(tokenFixture);
        const pool = pools.hook;
        const { attacker, address } = await attackerPayee();
        await attacker.execute(hook, hook.interface.encodeFunctionData("registerHooks", [true]), 0n);
        const first = await file(pool, maintainer, STIPEND, 4n * TUSD, address);
        const other = await file(pool, maintainer, STIPEND, 5n * TUSD, payee.address);
        await attacker.arm(pool, pool.interface.encodeFunctionData("payClaim", [other.id]), 0n);
        await at(other.payableAt);
        await expect(pool.connect(keeper).payClaim(first.id)).to.changeTokenBalances(
          ethers,
          hook,
          [pool, attacker, payee],
          [-4n * TUSD, 4n * TUSD, 0n],
        );
        expect(await attacker.lastTrigger()).to.equal(3n); // TokensReceived
        expect(await attacker.lastReentryReturnData()).to.equal(GUARD_ERROR);
        expect(await statusOf(pool, other.id)).to.equal(ClaimStatus.Pending);
        expect(await pool.balance()).to.equal(96n * TUSD);
      });
    });
  });

  // ================================================================ cancelClaim

  describe("cancelClaim", function () {
    describe("reverts", function () {
      it("if the caller is not the maintainer", async function () {
        const { pool, maintainer, stranger, payee } = await loadFixture(budgetFixture);
        const { id } = await file(pool, maintainer, STIPEND, ETH, payee.address);
        for (const caller of [stranger, payee]) {
          await expect(pool.connect(caller).cancelClaim(id))
            .to.be.revertedWithCustomError(pool, "PoolNotMaintainer")
            .withArgs(caller.address);
        }
      });

      it("if the claim does not exist (a claim's number is not its id)", async function () {
        const { pool, maintainer, payee } = await loadFixture(budgetFixture);
        await expect(pool.connect(maintainer).cancelClaim(0n))
          .to.be.revertedWithCustomError(pool, "PoolUnknownClaim")
          .withArgs(0n);
        const { id } = await file(pool, maintainer, STIPEND, ETH, payee.address);
        for (const unknown of [0n, id + 1n]) {
          await expect(pool.connect(maintainer).cancelClaim(unknown))
            .to.be.revertedWithCustomError(pool, "PoolUnknownClaim")
            .withArgs(unknown);
        }
        expect(await statusOf(pool, id)).to.equal(ClaimStatus.Pending);
      });

      it("if the claim was cancelled already", async function () {
        const { pool, maintainer, payee } = await loadFixture(budgetFixture);
        const { id } = await file(pool, maintainer, STIPEND, ETH, payee.address);
        await pool.connect(maintainer).cancelClaim(id);
        await expect(pool.connect(maintainer).cancelClaim(id))
          .to.be.revertedWithCustomError(pool, "PoolClaimNotPending")
          .withArgs(id, ClaimStatus.Cancelled);
        expect(await lineOf(pool, STIPEND)).to.include({ spent: 0n, left: STIPEND_CAP });
      });

      it("if the claim was paid or rejected", async function () {
        const { pool, maintainer, bob, payee } = await loadFixture(budgetFixture);
        const paid = await file(pool, maintainer, STIPEND, ETH, payee.address);
        const rejected = await file(pool, maintainer, STIPEND, ETH, payee.address);
        await pool.connect(bob).object(rejected.id);
        await at(paid.payableAt);
        await pool.payClaim(paid.id);
        await expect(pool.connect(maintainer).cancelClaim(paid.id))
          .to.be.revertedWithCustomError(pool, "PoolClaimNotPending")
          .withArgs(paid.id, ClaimStatus.Paid);
        await expect(pool.connect(maintainer).cancelClaim(rejected.id))
          .to.be.revertedWithCustomError(pool, "PoolClaimNotPending")
          .withArgs(rejected.id, ClaimStatus.Rejected);
      });

      it("if a recall voided the claim (the new maintainer cannot cancel it either)", async function () {
        const { pool, maintainer, bob, successor, payee } = await loadFixture(budgetFixture);
        const { id } = await file(pool, maintainer, STIPEND, ETH, payee.address);
        await replaceByRecall(pool, bob, successor);
        await expect(pool.connect(maintainer).cancelClaim(id))
          .to.be.revertedWithCustomError(pool, "PoolNotMaintainer")
          .withArgs(maintainer.address);
        await expect(pool.connect(successor).cancelClaim(id))
          .to.be.revertedWithCustomError(pool, "PoolClaimNotPending")
          .withArgs(id, ClaimStatus.Void);
      });

      it("if the maintainer stepped down", async function () {
        const { pool, maintainer, payee } = await loadFixture(budgetFixture);
        const { id } = await file(pool, maintainer, STIPEND, ETH, payee.address);
        await pool.connect(maintainer).stepDown();
        await expect(pool.connect(maintainer).cancelClaim(id))
          .to.be.revertedWithCustomError(pool, "PoolNotMaintainer")
          .withArgs(maintainer.address);
      });
    });

    it("withdraws the claim, frees its reservation, emits ClaimCancelled and records the activity", async function () {
      const { pool, maintainer, payee } = await loadFixture(budgetFixture);
      const { id } = await file(pool, maintainer, HOSTING, (3n * ETH) / 2n, payee.address);
      await time.increase(DAY);
      const tx = pool.connect(maintainer).cancelClaim(id);
      const cancelledAt = await minedAt(tx);
      await expect(tx).to.emit(pool, "ClaimCancelled").withArgs(id);
      expect((await pool.seat()).lastActive).to.equal(cancelledAt);
      expect(await statusOf(pool, id)).to.equal(ClaimStatus.Cancelled);
      expect(await lineOf(pool, HOSTING)).to.include({ spent: 0n, left: HOSTING_CAP });
    });

    it("works after the window too, as long as the claim is unpaid", async function () {
      const { pool, maintainer, keeper, payee } = await loadFixture(budgetFixture);
      const { id, payableAt } = await file(pool, maintainer, STIPEND, ETH, payee.address);
      await at(payableAt + DAY);
      await expect(pool.connect(maintainer).cancelClaim(id)).to.emit(pool, "ClaimCancelled").withArgs(id);
      await expect(pool.connect(keeper).payClaim(id))
        .to.be.revertedWithCustomError(pool, "PoolClaimNotPending")
        .withArgs(id, ClaimStatus.Cancelled);
    });

    it("lets the incumbent withdraw a claim while a recall runs", async function () {
      const { pool, maintainer, bob, payee } = await loadFixture(budgetFixture);
      const { id } = await file(pool, maintainer, STIPEND, ETH, payee.address);
      await openRecall(pool, bob);
      await expect(pool.connect(maintainer).cancelClaim(id)).to.emit(pool, "ClaimCancelled").withArgs(id);
    });

    it("frees nothing of a later period", async function () {
      const { pool, genesis, maintainer, payee } = await loadFixture(budgetFixture);
      const { id } = await file(pool, maintainer, HOSTING, ETH, payee.address); // period 0
      await at(genesis + LINE_PERIOD);
      await file(pool, maintainer, HOSTING, HOSTING_CAP, payee.address); // period 1: the whole cap
      await pool.connect(maintainer).cancelClaim(id);
      expect(await lineOf(pool, HOSTING)).to.include({ spent: HOSTING_CAP, left: 0n });
      await expect(pool.connect(maintainer).fileClaim(HOSTING, 1n, payee.address, receiptHash("x"), ""))
        .to.be.revertedWithCustomError(pool, "PoolOverBudget")
        .withArgs(HOSTING, 1n, 0n);
    });

    describe("after the line's period length changed", function () {
      // A 1 ETH claim is filed in period 0 of the 30-day hosting line and left unpaid; the line then moves
      // to 60-day periods at day ~32. Under the new length it is period 0 again, but nothing of the old
      // period 0 is counted in it any more (the old period had ended): the old claim must not be released
      // against the new period's spending.
      async function periodChanged() {
        const f = await loadFixture(budgetFixture);
        const { pool, genesis, maintainer, payee } = f;
        const old = await file(pool, maintainer, HOSTING, ETH, payee.address, "old");
        await at(genesis + 25n * DAY);
        const p = await proposeLine(pool, maintainer, HOSTING, "hosting", HOSTING_CAP, 2n * LINE_PERIOD);
        await at(p.effectiveAt);
        await pool.applyChange(p.id);
        expect(await lineOf(pool, HOSTING)).to.include({
          period: 2n * LINE_PERIOD,
          spent: 0n,
          left: HOSTING_CAP,
          nextReset: genesis + 2n * LINE_PERIOD,
        });
        return { ...f, old };
      }

      it("cancelling an older claim does not underflow", async function () {
        const { pool, maintainer, old } = await periodChanged();
        await expect(pool.connect(maintainer).cancelClaim(old.id), "cancelClaim must not panic")
          .to.emit(pool, "ClaimCancelled")
          .withArgs(old.id);
        expect(await statusOf(pool, old.id)).to.equal(ClaimStatus.Cancelled);
        expect(await lineOf(pool, HOSTING)).to.include({ spent: 0n, left: HOSTING_CAP });
      });

      it("cancelling an older claim frees nothing of the new period's budget", async function () {
        const { pool, maintainer, payee, old } = await periodChanged();
        await file(pool, maintainer, HOSTING, HOSTING_CAP, payee.address, "new"); // the whole new cap
        await pool.connect(maintainer).cancelClaim(old.id);
        expect(await lineOf(pool, HOSTING), "the new period's spending").to.include({ spent: HOSTING_CAP, left: 0n });
        await expect(pool.connect(maintainer).fileClaim(HOSTING, ETH, payee.address, receiptHash("over"), ""))
          .to.be.revertedWithCustomError(pool, "PoolOverBudget")
          .withArgs(HOSTING, ETH, 0n);
      });
    });
  });

  // ================================================================ attacks

  describe("attacks", function () {
    it("cannot overspend a line across many claims, however they are split, cancelled or paid", async function () {
      const { pool, maintainer, keeper, payee } = await loadFixture(budgetFixture);
      const quarter = HOSTING_CAP / 4n;
      const claims = [];
      for (let i = 0; i < 4; i++) claims.push(await file(pool, maintainer, HOSTING, quarter, payee.address, `part ${i}`));
      await expect(pool.connect(maintainer).fileClaim(HOSTING, 1n, payee.address, receiptHash("one wei more"), ""))
        .to.be.revertedWithCustomError(pool, "PoolOverBudget")
        .withArgs(HOSTING, 1n, 0n);
      // Cancelling one frees exactly its amount; refiling it fills the line again.
      await pool.connect(maintainer).cancelClaim(claims[0].id);
      await expect(pool.connect(maintainer).fileClaim(HOSTING, quarter + 1n, payee.address, receiptHash("x"), ""))
        .to.be.revertedWithCustomError(pool, "PoolOverBudget")
        .withArgs(HOSTING, quarter + 1n, quarter);
      const refiled = await file(pool, maintainer, HOSTING, quarter, payee.address, "refiled");
      // Paying frees nothing.
      await at(refiled.payableAt);
      for (const c of [...claims.slice(1), refiled]) await pool.connect(keeper).payClaim(c.id);
      await expect(pool.connect(maintainer).fileClaim(HOSTING, 1n, payee.address, receiptHash("x"), ""))
        .to.be.revertedWithCustomError(pool, "PoolOverBudget")
        .withArgs(HOSTING, 1n, 0n);
      expect(await pool.balance()).to.equal(TOTAL - HOSTING_CAP);
    });

    it("cannot pay early: not before payableAt, whoever calls", async function () {
      const { pool, maintainer, keeper, payee } = await loadFixture(budgetFixture);
      const { id, payableAt } = await file(pool, maintainer, STIPEND, ETH, payee.address);
      for (const caller of [maintainer, payee, keeper]) {
        await expect(pool.connect(caller).payClaim(id))
          .to.be.revertedWithCustomError(pool, "PoolChallengeWindowOpen")
          .withArgs(id, payableAt);
      }
      await at(payableAt - 1n);
      await expect(pool.connect(payee).payClaim(id))
        .to.be.revertedWithCustomError(pool, "PoolChallengeWindowOpen")
        .withArgs(id, payableAt);
      await at(payableAt);
      await expect(pool.connect(payee).payClaim(id)).to.changeEtherBalances(ethers, [pool, payee], [-ETH, ETH]);
    });

    it("cannot pay twice, even in the same block", async function () {
      const { pool, maintainer, keeper, payee } = await loadFixture(budgetFixture);
      const { id, payableAt } = await file(pool, maintainer, STIPEND, ETH, payee.address);
      await at(payableAt);
      await networkHelpers.mine(); // mined at payableAt; both payments go in the next block
      await ethers.provider.send("evm_setAutomine", [false]);
      try {
        const first = await pool.connect(keeper).payClaim(id, { gasLimit: 200_000 });
        const second = await pool.connect(payee).payClaim(id, { gasLimit: 200_000 });
        await networkHelpers.mine();
        expect((await ethers.provider.getTransactionReceipt(first.hash))!.status).to.equal(1);
        expect((await ethers.provider.getTransactionReceipt(second.hash))!.status).to.equal(0);
      } finally {
        await ethers.provider.send("evm_setAutomine", [true]);
      }
      expect(await pool.balance()).to.equal(TOTAL - ETH);
      await expect(pool.connect(keeper).payClaim(id))
        .to.be.revertedWithCustomError(pool, "PoolClaimNotPending")
        .withArgs(id, ClaimStatus.Paid);
    });

    it("cannot object with weight given in the current epoch: a whale's fresh gift neither rejects nor moves the bar", async function () {
      const { pool, maintainer, alice, dave, keeper, payee } = await loadFixture(budgetFixture);
      const { id, payableAt } = await file(pool, maintainer, STIPEND, STIPEND_CAP, payee.address);
      await give(pool, dave, 5_000n * ETH);
      expect(await pool.weightOf(dave.address)).to.equal(0n);
      expect(await pool.totalWeight()).to.equal(TOTAL);
      await expect(pool.connect(dave).object(id)).to.be.revertedWithCustomError(pool, "PoolNoWeight").withArgs(dave.address);
      await give(pool, alice, 5_000n * ETH);
      await expect(pool.connect(alice).object(id))
        .to.emit(pool, "ClaimObjected")
        .withArgs(id, alice.address, ALICE, BAR - ALICE);
      expect(await statusOf(pool, id)).to.equal(ClaimStatus.Pending);
      await at(payableAt);
      await expect(pool.connect(keeper).payClaim(id)).to.emit(pool, "ClaimPaid").withArgs(id);
    });

    it("cannot reject a claim through a proposal or a claim the objector already used (one objection per id and kind)", async function () {
      const { pool, maintainer, alice, payee } = await loadFixture(budgetFixture);
      const a = await file(pool, maintainer, STIPEND, ETH, payee.address, "a");
      const b = await file(pool, maintainer, STIPEND, ETH, payee.address, "b");
      await pool.connect(alice).object(a.id);
      await expect(pool.connect(alice).object(a.id))
        .to.be.revertedWithCustomError(pool, "PoolAlreadyObjected")
        .withArgs(a.id, alice.address);
      // Objecting to one claim says nothing about another.
      await expect(pool.connect(alice).object(b.id)).to.emit(pool, "ClaimObjected").withArgs(b.id, alice.address, ALICE, BAR - ALICE);
    });
  });
});
