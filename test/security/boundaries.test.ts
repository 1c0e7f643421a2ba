// Attack catalogue: boundaries. Amounts at and past the 96-bit range the pool accounts in (and at uint256
// max, where an unchecked multiply would wrap), the epoch length at its limits (1 hour, 365 days), and every
// clock edge one second either side: weight maturity at an epoch boundary, a claim's challenge window, a
// line's period reset, a rule change's notice, an election's nomination and voting windows, a petition's
// expiry, abandonment and the vacancy period. Each edge transaction is mined at an exact timestamp.
import { expect } from "chai";
import { network } from "hardhat";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { PoolFactory } from "../../types/ethers-contracts/index.js";
import {
  DAY,
  EPOCH,
  ETH,
  ElectionPhase,
  ClaimStatus,
  HOUR,
  Parameter,
  claimIdOf,
  createPool,
  defaultConfig,
  deployPotluck,
  nextEpoch,
} from "../helpers/potluck.js";
import { MAX_AMOUNT, MAX_EPOCH, MIN_EPOCH, kit, receiptHash } from "./shared.js";

const { ethers, networkHelpers } = await network.create();
const { loadFixture, time } = networkHelpers;
const { at, giveEth, file, epochStart } = kit(ethers, networkHelpers);

const MAX_UINT = ethers.MaxUint256;
const HOSTING = 0n; // 2 ETH per 30 days
const HOSTING_CAP = 2n * ETH;
const LINE_PERIOD = 30n * DAY;

async function tokenPoolFixture() {
  const [deployer, maintainer, alice, bob] = await ethers.getSigners();
  const { factory } = await deployPotluck(ethers);
  const token = await ethers.deployContract("MockERC20", ["T", "T", 18]);
  const pool = await createPool(factory, deployer, defaultConfig(maintainer.address, { asset: await token.getAddress() }));
  const poolAddress = await pool.getAddress();
  for (const who of [alice, bob]) await token.connect(who).approve(poolAddress, MAX_UINT);
  return { factory, deployer, token, pool, poolAddress, maintainer, alice, bob };
}

/** An ETH pool: alice 6, bob 30, carol 4 ETH, matured in epoch 1. */
async function ethPoolFixture() {
  const [deployer, maintainer, alice, bob, carol, payee, dave] = await ethers.getSigners();
  const { factory } = await deployPotluck(ethers);
  const pool = await createPool(factory, deployer, defaultConfig(maintainer.address));
  await giveEth(pool, alice, 6n * ETH);
  await giveEth(pool, bob, 30n * ETH);
  await giveEth(pool, carol, 4n * ETH);
  await nextEpoch(pool, networkHelpers);
  return { factory, deployer, pool, maintainer, alice, bob, carol, payee, dave };
}

async function poolWithEpoch(factory: PoolFactory, deployer: HardhatEthersSigner, maintainer: string, epochLength: bigint) {
  // The vacancy must last two epochs (so that an open seat's election votes before a wind-down).
  return createPool(factory, deployer, defaultConfig(maintainer, { epochLength, vacancyPeriod: 2n * epochLength > 60n * DAY ? 2n * epochLength : 60n * DAY }));
}

describe("Attacks: boundaries", function () {
  describe("amounts at the 96-bit cap and at uint256 max", function () {
    it("a token gift of exactly 2^96 - 1 is accepted; one more base unit reverts PoolAmountOverflow(2^96, 2^96 - 1)", async function () {
      const { token, pool, alice, bob } = await loadFixture(tokenPoolFixture);
      await token.mint(alice.address, MAX_AMOUNT);
      await token.mint(bob.address, 1n);
      await pool.connect(alice).give(MAX_AMOUNT);
      await expect(pool.connect(bob).give(1n)).to.be.revertedWithCustomError(pool, "PoolAmountOverflow").withArgs(MAX_AMOUNT + 1n, MAX_AMOUNT);
      expect(await pool.totalGiven()).to.equal(MAX_AMOUNT);
    });

    it("a token gift of 2^256 - 1 reverts PoolAmountOverflow, not an arithmetic panic", async function () {
      const { token, pool, alice } = await loadFixture(tokenPoolFixture);
      await token.mint(alice.address, MAX_UINT);
      await expect(pool.connect(alice).give(MAX_UINT)).to.be.revertedWithCustomError(pool, "PoolAmountOverflow").withArgs(MAX_UINT, MAX_AMOUNT);
    });

    it("an ETH gift of 2^96 wei reverts PoolAmountOverflow; the plain-transfer path (receive) too", async function () {
      const [deployer, maintainer, whale] = await ethers.getSigners();
      const { factory } = await deployPotluck(ethers);
      const pool = await createPool(factory, deployer, defaultConfig(maintainer.address));
      await networkHelpers.setBalance(whale.address, 2n ** 100n);
      await expect(pool.connect(whale).give(2n ** 96n, { value: 2n ** 96n }))
        .to.be.revertedWithCustomError(pool, "PoolAmountOverflow")
        .withArgs(2n ** 96n, MAX_AMOUNT);
      await expect(whale.sendTransaction({ to: await pool.getAddress(), value: 2n ** 96n }))
        .to.be.revertedWithCustomError(pool, "PoolAmountOverflow")
        .withArgs(2n ** 96n, MAX_AMOUNT);
    });

    it("uint256 max as a claim amount, a line cap, a standing order or a pledge value: each the pool's own error", async function () {
      const { token, pool, maintainer, alice } = await loadFixture(tokenPoolFixture);
      await token.mint(alice.address, 10n * ETH);
      await pool.connect(alice).give(10n * ETH);
      await expect(pool.connect(maintainer).fileClaim(HOSTING, MAX_UINT, alice.address, receiptHash("max"), ""))
        .to.be.revertedWithCustomError(pool, "PoolOverBudget")
        .withArgs(HOSTING, MAX_UINT, HOSTING_CAP);
      await expect(pool.connect(maintainer).proposeBudgetChange(HOSTING, "hosting", MAX_UINT, LINE_PERIOD))
        .to.be.revertedWithCustomError(pool, "PoolInvalidParameter")
        .withArgs(Parameter.LineCap, MAX_UINT);
      await expect(pool.connect(maintainer).proposeBudgetChange(HOSTING, "hosting", MAX_AMOUNT + 1n, LINE_PERIOD))
        .to.be.revertedWithCustomError(pool, "PoolInvalidParameter")
        .withArgs(Parameter.LineCap, MAX_AMOUNT + 1n);
      await expect(pool.connect(alice).subscribe(MAX_UINT, LINE_PERIOD))
        .to.be.revertedWithCustomError(pool, "PoolAmountOverflow")
        .withArgs(MAX_UINT, MAX_AMOUNT);
      await expect(pool.connect(alice).pledge("everything", MAX_UINT, LINE_PERIOD, 1))
        .to.be.revertedWithCustomError(pool, "PoolAmountOverflow")
        .withArgs(MAX_UINT, MAX_AMOUNT);
      await expect(pool.connect(alice).pledge("times 65535", 2n ** 96n / 65_535n + 1n, LINE_PERIOD, 65_535))
        .to.be.revertedWithCustomError(pool, "PoolAmountOverflow")
        .withArgs((2n ** 96n / 65_535n + 1n) * 65_535n, MAX_AMOUNT);
    });

    it("a line with cap 2^96 - 1 can be claimed to the last unit, and not one more", async function () {
      const [deployer, maintainer, payee] = await ethers.getSigners();
      const { factory } = await deployPotluck(ethers);
      const pool = await createPool(factory, deployer, defaultConfig(maintainer.address), [
        { name: "everything", cap: MAX_AMOUNT, period: LINE_PERIOD },
      ]);
      await pool.connect(maintainer).fileClaim(0n, MAX_AMOUNT - 1n, payee.address, receiptHash("a"), "");
      await pool.connect(maintainer).fileClaim(0n, 1n, payee.address, receiptHash("b"), "");
      await expect(pool.connect(maintainer).fileClaim(0n, 1n, payee.address, receiptHash("c"), ""))
        .to.be.revertedWithCustomError(pool, "PoolOverBudget")
        .withArgs(0n, 1n, 0n);
    });
  });

  describe("receipt hashes at their limits (a claim's id is its receipt hash)", function () {
    it("a zero receipt hash reverts PoolInvalidReceipt(0); 0x00…01 and 0xff…ff are claims 1 and 2^256 - 1, filed and paid", async function () {
      const { pool, maintainer, payee } = await loadFixture(ethPoolFixture);
      await expect(pool.connect(maintainer).fileClaim(HOSTING, ETH, payee.address, ethers.ZeroHash, ""))
        .to.be.revertedWithCustomError(pool, "PoolInvalidReceipt")
        .withArgs(ethers.ZeroHash);
      expect(await pool.claimCount()).to.equal(0n);
      const low = ethers.toBeHex(1n, 32);
      const high = ethers.toBeHex(MAX_UINT, 32);
      for (const [i, hash] of [low, high].entries()) {
        await expect(pool.connect(maintainer).fileClaim(HOSTING, ETH, payee.address, hash, ""))
          .to.emit(pool, "ClaimFiled")
          .withArgs(claimIdOf(hash), HOSTING, payee.address, ETH, hash, "");
        expect((await pool.claim(claimIdOf(hash)))[0].number).to.equal(BigInt(i));
        expect(await pool.receiptOf(claimIdOf(hash))).to.equal(hash);
      }
      expect([claimIdOf(low), claimIdOf(high)]).to.deep.equal([1n, MAX_UINT]);
      await at((await pool.claim(MAX_UINT))[0].payableAt);
      for (const id of [1n, MAX_UINT]) {
        await expect(pool.connect(payee).payClaim(id)).to.emit(pool, "ClaimPaid").withArgs(id);
        expect((await pool.claim(id))[1]).to.equal(ClaimStatus.Paid);
      }
      // Their neighbours were never filed.
      for (const id of [0n, 2n, MAX_UINT - 1n]) {
        await expect(pool.payClaim(id)).to.be.revertedWithCustomError(pool, "PoolUnknownClaim").withArgs(id);
      }
    });
  });

  describe("epoch length at its limits", function () {
    it("1 hour and 365 days are accepted; 1 hour - 1 s and 365 days + 1 s are refused", async function () {
      const [deployer, maintainer] = await ethers.getSigners();
      const { factory } = await deployPotluck(ethers);
      for (const ok of [MIN_EPOCH, MAX_EPOCH]) expect(await (await poolWithEpoch(factory, deployer, maintainer.address, ok)).epochLength()).to.equal(ok);
      for (const bad of [MIN_EPOCH - 1n, MAX_EPOCH + 1n]) {
        await expect(factory.createPool(defaultConfig(maintainer.address, { epochLength: bad }), []))
          .to.be.revertedWithCustomError(factory, "PoolInvalidParameter")
          .withArgs(Parameter.EpochLength, bad);
      }
    });

    for (const length of [MIN_EPOCH, MAX_EPOCH]) {
      it(`with ${length === MIN_EPOCH ? "1-hour" : "365-day"} epochs, a gift matures at the boundary, not a second before`, async function () {
        const [deployer, maintainer, alice] = await ethers.getSigners();
        const { factory } = await deployPotluck(ethers);
        const pool = await poolWithEpoch(factory, deployer, maintainer.address, length);
        await giveEth(pool, alice, ETH);
        const boundary = await epochStart(pool, 1n);
        await time.increaseTo(boundary - 1n);
        expect(await pool.weightOf(alice.address, { blockTag: "latest" })).to.equal(0n);
        await time.increaseTo(boundary);
        expect(await pool.weightOf(alice.address)).to.equal(ETH);
        expect(await pool.epoch()).to.equal(1n);
      });
    }
  });

  describe("weight maturity at an epoch boundary (boundary - 1, boundary, boundary + 1)", function () {
    it("a gift mined at boundary - 1 counts from boundary; one mined at boundary counts only from the next", async function () {
      const { pool, dave } = await loadFixture(ethPoolFixture);
      const [, , , , , , , late] = await ethers.getSigners();
      const boundary = await epochStart(pool, 2n);
      const next = await epochStart(pool, 3n);
      await at(boundary - 1n);
      await giveEth(pool, dave, ETH);
      await at(boundary);
      await giveEth(pool, late, ETH);
      await at(boundary + 1n);
      await expect(pool.connect(dave).petitionRecall()).to.emit(pool, "RecallSigned").withArgs(1n, dave.address, ETH, ETH);
      await expect(pool.connect(late).petitionRecall()).to.be.revertedWithCustomError(pool, "PoolNoWeight").withArgs(late.address);
      await at(next - 1n);
      await expect(pool.connect(late).petitionRecall()).to.be.revertedWithCustomError(pool, "PoolNoWeight").withArgs(late.address);
      await at(next);
      await expect(pool.connect(late).petitionRecall()).to.emit(pool, "RecallSigned").withArgs(1n, late.address, ETH, 2n * ETH);
    });
  });

  describe("a claim's challenge window (claimDelay to the second)", function () {
    it("payClaim reverts PoolChallengeWindowOpen at payableAt - 1; at payableAt an objection reverts PoolChallengeWindowClosed and payClaim pays", async function () {
      const { pool, maintainer, carol, payee } = await loadFixture(ethPoolFixture);
      const { id, payableAt } = await file(pool, maintainer, 1n, ETH, payee.address);
      await at(payableAt - 1n);
      await expect(pool.connect(payee).payClaim(id)).to.be.revertedWithCustomError(pool, "PoolChallengeWindowOpen").withArgs(id, payableAt);
      await at(payableAt);
      await expect(pool.connect(carol).object(id)).to.be.revertedWithCustomError(pool, "PoolChallengeWindowClosed").withArgs(id, payableAt);
      await expect(pool.connect(payee).payClaim(id)).to.emit(pool, "ClaimPaid").withArgs(id);
      // Once paid, the window is still what refuses an objection.
      await expect(pool.connect(carol).object(id)).to.be.revertedWithCustomError(pool, "PoolChallengeWindowClosed").withArgs(id, payableAt);
    });

    it("an objection mined at payableAt - 1 still rejects", async function () {
      const { pool, maintainer, bob, payee } = await loadFixture(ethPoolFixture);
      const { id, payableAt } = await file(pool, maintainer, 1n, ETH, payee.address);
      await at(payableAt - 1n);
      await expect(pool.connect(bob).object(id)).to.emit(pool, "ClaimRejected").withArgs(id);
    });
  });

  describe("a line's period reset", function () {
    it("spent at boundary - 1 blocks one more wei; at the boundary the whole cap is back (2 × cap can be claimed a second apart, by design)", async function () {
      const { pool, maintainer, payee } = await loadFixture(ethPoolFixture);
      const genesis = await pool.genesis();
      const boundary = genesis + 2n * LINE_PERIOD;
      await at(boundary - 2n);
      await pool.connect(maintainer).fileClaim(HOSTING, HOSTING_CAP, payee.address, receiptHash("last seconds"), "");
      await at(boundary - 1n);
      await expect(pool.connect(maintainer).fileClaim(HOSTING, 1n, payee.address, receiptHash("one more"), ""))
        .to.be.revertedWithCustomError(pool, "PoolOverBudget")
        .withArgs(HOSTING, 1n, 0n);
      await at(boundary);
      await expect(pool.connect(maintainer).fileClaim(HOSTING, HOSTING_CAP, payee.address, receiptHash("first second"), "")).to.emit(
        pool,
        "ClaimFiled",
      );
      expect((await pool.budgetLine(HOSTING)).left).to.equal(0n);
    });
  });

  describe("a rule change's notice (ruleChangeDelay to the second)", function () {
    it("at effectiveAt - 1: objections count and applyChange reverts PoolNoticePeriod; at effectiveAt: the reverse", async function () {
      const { pool, maintainer, carol, dave } = await loadFixture(ethPoolFixture);
      await pool.connect(maintainer).proposeBudgetChange(HOSTING, "hosting", 3n * ETH, LINE_PERIOD);
      const { effectiveAt } = await pool.proposal(0n);
      await at(effectiveAt - 1n);
      await expect(pool.connect(dave).applyChange(0n)).to.be.revertedWithCustomError(pool, "PoolNoticePeriod").withArgs(0n, effectiveAt);
      await expect(pool.connect(carol).objectToChange(0n)).to.emit(pool, "ChangeObjected");
      await at(effectiveAt);
      await expect(pool.connect(dave).objectToChange(0n)).to.be.revertedWithCustomError(pool, "PoolChangeWindowClosed").withArgs(0n, effectiveAt);
      await expect(pool.connect(dave).applyChange(0n)).to.emit(pool, "ChangeApplied").withArgs(0n);
      expect((await pool.budgetLine(HOSTING)).cap).to.equal(3n * ETH);
    });
  });

  describe("an election's windows", function () {
    async function electionFixture() {
      const f = await ethPoolFixture();
      await f.pool.connect(f.maintainer).stepDown();
      const { votingStartsAt, votingEndsAt } = await f.pool.election();
      return { ...f, votingStartsAt, votingEndsAt };
    }

    it("nominate works at votingStartsAt - 1 and reverts PoolElectionPhase(Voting) at votingStartsAt", async function () {
      const { pool, alice, bob, votingStartsAt } = await loadFixture(electionFixture);
      await at(votingStartsAt - 1n);
      await expect(pool.connect(alice).nominate(alice.address)).to.emit(pool, "Nominated");
      await at(votingStartsAt);
      await expect(pool.connect(bob).nominate(bob.address))
        .to.be.revertedWithCustomError(pool, "PoolElectionPhase")
        .withArgs(ElectionPhase.Voting);
    });

    it("vote reverts PoolElectionPhase(Nominating) at votingStartsAt - 1, works from votingStartsAt to votingEndsAt - 1, reverts PoolElectionPhase(Counting) at votingEndsAt", async function () {
      const { pool, alice, bob, carol, votingStartsAt, votingEndsAt } = await loadFixture(electionFixture);
      await pool.connect(alice).nominate(alice.address);
      await at(votingStartsAt - 1n);
      await expect(pool.connect(bob).vote(alice.address))
        .to.be.revertedWithCustomError(pool, "PoolElectionPhase")
        .withArgs(ElectionPhase.Nominating);
      await at(votingStartsAt);
      await expect(pool.connect(bob).vote(alice.address)).to.emit(pool, "Voted");
      await at(votingEndsAt - 1n);
      await expect(pool.finalizeElection()).to.be.revertedWithCustomError(pool, "PoolElectionPhase").withArgs(ElectionPhase.Voting);
      await expect(pool.connect(alice).vote(alice.address)).to.emit(pool, "Voted");
      await at(votingEndsAt);
      await expect(pool.connect(carol).vote(alice.address))
        .to.be.revertedWithCustomError(pool, "PoolElectionPhase")
        .withArgs(ElectionPhase.Counting);
      await expect(pool.finalizeElection()).to.emit(pool, "ElectionFinalized");
      expect(await pool.maintainer()).to.equal(alice.address);
    });

    it("an election called when exactly half the epoch has elapsed votes next epoch; one second later, the epoch after", async function () {
      const { pool, maintainer } = await loadFixture(ethPoolFixture);
      const e1 = await epochStart(pool, 1n);
      const e2 = await epochStart(pool, 2n);
      const e3 = await epochStart(pool, 3n);
      const snapshot = await networkHelpers.takeSnapshot();
      await at(e1 + EPOCH / 2n);
      await pool.connect(maintainer).stepDown();
      expect((await pool.election()).votingStartsAt).to.equal(e2);
      await snapshot.restore();
      await at(e1 + EPOCH / 2n + 1n);
      await pool.connect(maintainer).stepDown();
      expect((await pool.election()).votingStartsAt).to.equal(e3);
    });
  });

  describe("succession clocks", function () {
    it("callElection reverts PoolMaintainerActive(abandonedAt) at abandonedAt - 1 and opens the seat at abandonedAt", async function () {
      const { pool, dave } = await loadFixture(ethPoolFixture);
      const abandonedAt = (await pool.seat()).lastActive + 90n * DAY;
      await at(abandonedAt - 1n);
      await expect(pool.connect(dave).callElection()).to.be.revertedWithCustomError(pool, "PoolMaintainerActive").withArgs(abandonedAt);
      await at(abandonedAt);
      await expect(pool.connect(dave).callElection()).to.emit(pool, "ElectionCalled");
    });

    it("windDown reverts PoolVacancyNotExpired(windDownAt) at windDownAt - 1 and winds down at windDownAt", async function () {
      const { pool, maintainer, dave } = await loadFixture(ethPoolFixture);
      await pool.connect(maintainer).stepDown();
      const windDownAt = (await pool.seat()).openedAt + 60n * DAY;
      await at(windDownAt - 1n);
      await expect(pool.connect(dave).windDown()).to.be.revertedWithCustomError(pool, "PoolVacancyNotExpired").withArgs(windDownAt);
      await at(windDownAt);
      await expect(pool.connect(dave).windDown()).to.emit(pool, "WoundDown").withArgs(40n * ETH);
    });

    it("a petition signed at expiresAt - 1 joins it; at expiresAt the signature starts a new petition", async function () {
      const { pool, alice, carol } = await loadFixture(ethPoolFixture);
      await pool.connect(alice).petitionRecall();
      const { id, expiresAt } = await pool.petition();
      await at(expiresAt - 1n);
      await pool.connect(carol).petitionRecall();
      expect([(await pool.petition()).id, (await pool.petition()).weight]).to.deep.equal([id, 10n * ETH]);
      await at(expiresAt);
      await pool.connect(alice).petitionRecall();
      expect([(await pool.petition()).id, (await pool.petition()).weight]).to.deep.equal([id + 1n, 6n * ETH]);
    });

    it("collect reverts PoolNotDue(donor, nextDue) at nextDue - 1 and collects at nextDue", async function () {
      const { token, pool, alice, bob } = await loadFixture(tokenPoolFixture);
      await token.mint(alice.address, 10n * ETH);
      await pool.connect(alice).subscribe(ETH, HOUR);
      await pool.connect(bob).collect(alice.address);
      const { nextDue } = await pool.subscriptionOf(alice.address);
      await at(nextDue - 1n);
      await expect(pool.connect(bob).collect(alice.address)).to.be.revertedWithCustomError(pool, "PoolNotDue").withArgs(alice.address, nextDue);
      await at(nextDue);
      await expect(pool.connect(bob).collect(alice.address)).to.emit(pool, "Collected").withArgs(alice.address, ETH, 1n);
    });
  });
});

