// Attack catalogue: accounting under sequences of changes (issue 13). A line's spending is kept per (line,
// period length, period index), so changing a line's period length and back within one period neither frees
// nor loses what that period reserved, and no release ever panics; a void claim stays void; a wind-down takes
// in stray funds before recording what is left; a holder of the recall threshold cannot freeze payouts for
// good by re-petitioning after each failed recall. Each `it` here failed on main before the fix.
import { expect } from "chai";
import { network } from "hardhat";
import {
  ClaimStatus,
  DAY,
  EPOCH,
  ETH,
  HOUR,
  MAX_AMOUNT,
  SeatStatus,
  asIPool,
  createPool,
  defaultConfig,
  deployPotluck,
  nextEpoch,
} from "../helpers/potluck.js";
import { kit } from "./shared.js";

const { ethers, networkHelpers } = await network.create();
const { loadFixture } = networkHelpers;
const { at, latest, giveEth, file, epochStart } = kit(ethers, networkHelpers);

const HOSTING = 0n; // 2 ETH per 30 days

/**
 * The reproduction of issue 13: hosting (2 ETH per 30 days) is changed to 1 hour and back to 30 days (with an
 * hour's notice, the way back proposed once the first change applied), both applied within the 30-day period [genesis + 30 d, genesis + 60 d), while a 2 ETH claim filed 2 s before the
 * first change took effect is pending. Contributors gave 6, 30 and 4 ETH in epoch 0 (bar to reject: 8 ETH).
 */
async function backAndForthFixture() {
  const [deployer, maintainer, small, large, other, payee] = await ethers.getSigners();
  const { factory } = await deployPotluck(ethers);
  // An hour's notice: the way back is proposed only once the first change applied (issue 19 refuses a change
  // of nothing), and must take effect while the claim's challenge window is still open.
  const pool = asIPool(await createPool(factory, deployer, defaultConfig(maintainer.address, { ruleChangeDelay: HOUR })));
  await giveEth(pool, small, 6n * ETH);
  await giveEth(pool, large, 30n * ETH);
  await giveEth(pool, other, 4n * ETH);
  const genesis = await pool.genesis();
  await at(genesis + 30n * DAY);
  await pool.connect(maintainer).proposeBudgetChange(HOSTING, "hosting", 2n * ETH, HOUR);
  const first = await pool.proposal(0n);
  await at(first.effectiveAt - 2n);
  const claim = await file(pool, maintainer, HOSTING, 2n * ETH, payee.address, "hosting, month 2");
  await at(first.effectiveAt);
  await pool.applyChange(0n);
  // The way back is proposed once the line has 1-hour periods: a proposal of the length in force changes
  // nothing and is refused (issue 19). Applied after its notice, still inside the same 30-day period.
  await pool.connect(maintainer).proposeBudgetChange(HOSTING, "hosting", 2n * ETH, 30n * DAY);
  const second = await pool.proposal(1n);
  await at(second.effectiveAt + HOUR);
  await pool.applyChange(1n);
  return { pool, maintainer, small, large, other, payee, claim, genesis };
}

describe("Attacks: accounting under sequences of changes (issue 13)", function () {
  describe("a line's period length changed and changed back within one period, a claim pending", function () {
    it("keeps the period's reservation: budgetLine reads 2 ETH spent, 0 left, in the same 30-day period", async function () {
      const { pool, genesis, claim } = await loadFixture(backAndForthFixture);
      const [, cap, period, spent, left, nextReset] = await pool.budgetLine(HOSTING);
      expect([cap, period, spent, left, nextReset]).to.deep.equal([2n * ETH, 30n * DAY, 2n * ETH, 0n, genesis + 60n * DAY]);
      const [c] = await pool.claim(claim.id);
      expect([c.period, c.periodIndex]).to.deep.equal([30n * DAY, 1n]);
    });

    it("refuses a second full-cap claim in that period (PoolOverBudget): the cap is not spent twice", async function () {
      const { pool, maintainer, payee } = await loadFixture(backAndForthFixture);
      await expect(pool.connect(maintainer).fileClaim(HOSTING, 2n * ETH, payee.address, ethers.id("twice"), "ipfs://twice"))
        .to.be.revertedWithCustomError(pool, "PoolOverBudget")
        .withArgs(HOSTING, 2n * ETH, 0n);
    });

    it("lets the objection that reaches the bar reject the claim (no panic) and frees exactly its amount", async function () {
      const { pool, maintainer, large, payee, claim } = await loadFixture(backAndForthFixture);
      await expect(pool.connect(large).object(claim.id)).to.emit(pool, "ClaimRejected").withArgs(claim.id);
      expect((await pool.claim(claim.id))[1]).to.equal(ClaimStatus.Rejected);
      const [, , , spent, left] = await pool.budgetLine(HOSTING);
      expect([spent, left]).to.deep.equal([0n, 2n * ETH]);
      await pool.connect(maintainer).fileClaim(HOSTING, 2n * ETH, payee.address, ethers.id("again"), "ipfs://again");
      await expect(pool.connect(maintainer).fileClaim(HOSTING, 1n, payee.address, ethers.id("more"), "ipfs://more"))
        .to.be.revertedWithCustomError(pool, "PoolOverBudget")
        .withArgs(HOSTING, 1n, 0n);
    });

    it("lets the maintainer cancel the claim (no panic), freeing exactly its amount", async function () {
      const { pool, maintainer, claim } = await loadFixture(backAndForthFixture);
      await expect(pool.connect(maintainer).cancelClaim(claim.id)).to.emit(pool, "ClaimCancelled").withArgs(claim.id);
      const [, , , spent, left] = await pool.budgetLine(HOSTING);
      expect([spent, left]).to.deep.equal([0n, 2n * ETH]);
    });

    it("releases a claim kept aside while the line has the other length (no panic, the live period untouched)", async function () {
      // Filed under 30 days, then the line goes to 1 hour and stays there: the 30-day period is kept aside and
      // cancelling the claim frees it there; the 1-hour period carries the 2 ETH as spent (a change frees no cap).
      const [deployer, maintainer, alice, payee] = await ethers.getSigners();
      const { factory } = await deployPotluck(ethers);
      const pool = asIPool(await createPool(factory, deployer, defaultConfig(maintainer.address)));
      await giveEth(pool, alice, 10n * ETH);
      const genesis = await pool.genesis();
      await at(genesis + 30n * DAY);
      await pool.connect(maintainer).proposeBudgetChange(HOSTING, "hosting", 2n * ETH, HOUR);
      const { effectiveAt } = await pool.proposal(0n);
      await at(effectiveAt - 2n);
      const claim = await file(pool, maintainer, HOSTING, 2n * ETH, payee.address, "kept aside");
      await at(effectiveAt);
      await pool.applyChange(0n);
      expect((await pool.budgetLine(HOSTING))[3]).to.equal(2n * ETH); // carried into the 1-hour period
      await pool.connect(maintainer).cancelClaim(claim.id);
      expect((await pool.budgetLine(HOSTING))[3]).to.equal(2n * ETH); // the live period is not the claim's
      // Back to 30 days within the same 30-day period: the claim's period comes back with nothing reserved.
      await pool.connect(maintainer).proposeBudgetChange(HOSTING, "hosting", 2n * ETH, 30n * DAY);
      await at((await pool.proposal(1n)).effectiveAt + HOUR);
      await pool.applyChange(1n);
      const [, , , spent, left] = await pool.budgetLine(HOSTING);
      expect([spent, left]).to.deep.equal([0n, 2n * ETH]);
      expect(await latest()).to.be.lessThan(genesis + 60n * DAY);
    });
  });

  describe("a void claim stays void", function () {
    /** A claim with a 90-day window, still open when the pool winds down or a recall voids it. */
    async function longWindowFixture() {
      const [deployer, maintainer, alice, bob, payee] = await ethers.getSigners();
      const { factory } = await deployPotluck(ethers);
      const pool = asIPool(await createPool(factory, deployer, defaultConfig(maintainer.address, { claimDelay: 90n * DAY })));
      await giveEth(pool, alice, 10n * ETH);
      await giveEth(pool, bob, 30n * ETH);
      await nextEpoch(pool, networkHelpers);
      const claim = await file(pool, maintainer, HOSTING, ETH, payee.address, "long window");
      return { pool, maintainer, alice, bob, claim };
    }

    it("refuses an objection to a claim the wind-down voided (PoolClaimVoid), inside its window: it stays Void", async function () {
      const { pool, maintainer, bob, claim } = await loadFixture(longWindowFixture);
      await pool.connect(maintainer).stepDown();
      await networkHelpers.time.increase(61n * DAY);
      await pool.windDown();
      expect(await latest()).to.be.lessThan(claim.payableAt);
      await expect(pool.connect(bob).object(claim.id)).to.be.revertedWithCustomError(pool, "PoolClaimVoid").withArgs(claim.id);
      expect((await pool.claim(claim.id))[1]).to.equal(ClaimStatus.Void);
      expect(await pool.hasObjected(claim.id, bob.address)).to.equal(false);
    });

    it("refuses an objection to a claim a recall voided (the recalled maintainer stepped down): it stays Void", async function () {
      const { pool, maintainer, bob, alice, claim } = await loadFixture(longWindowFixture);
      await pool.connect(bob).petitionRecall(); // 30 of 40: past the 30 % threshold
      await pool.connect(maintainer).stepDown();
      expect((await pool.claim(claim.id))[1]).to.equal(ClaimStatus.Void);
      for (const who of [alice, bob]) {
        await expect(pool.connect(who).object(claim.id)).to.be.revertedWithCustomError(pool, "PoolClaimVoid").withArgs(claim.id);
      }
      expect((await pool.claim(claim.id))[1]).to.equal(ClaimStatus.Void);
    });
  });

  describe("stray funds at wind-down", function () {
    async function force(to: string, value: bigint) {
      const ForceEther = await ethers.getContractFactory("ForceEther");
      await ForceEther.deploy(to, { value });
    }

    it("are taken in by windDown (Swept) and reclaimed pro rata: nothing stays in the pool but dust", async function () {
      const [deployer, maintainer, alice, bob, keeper] = await ethers.getSigners();
      const { factory } = await deployPotluck(ethers);
      const pool = await createPool(factory, deployer, defaultConfig(maintainer.address));
      const poolAddress = await pool.getAddress();
      await giveEth(pool, alice, ETH);
      await giveEth(pool, bob, 3n * ETH);
      await force(poolAddress, 4n * ETH); // before the wind-down, never swept
      await pool.connect(maintainer).stepDown();
      await networkHelpers.time.increase(61n * DAY);
      await expect(pool.connect(keeper).windDown())
        .to.emit(pool, "Swept")
        .withArgs(keeper.address, 4n * ETH)
        .and.to.emit(pool, "WoundDown")
        .withArgs(8n * ETH);
      expect([...(await pool.windDownState())]).to.deep.equal([8n * ETH, 0n]);
      expect([await pool.reclaimable(alice.address), await pool.reclaimable(bob.address)]).to.deep.equal([2n * ETH, 6n * ETH]);
      await pool.connect(alice).reclaim();
      await pool.connect(bob).reclaim();
      expect(await ethers.provider.getBalance(poolAddress)).to.equal(0n);
      expect(await pool.balance()).to.equal(0n);
    });

    it("are taken in from a token pool's plain transfers too, up to the 96-bit ledger (the wind-down never reverts)", async function () {
      const [deployer, maintainer, alice, stranger] = await ethers.getSigners();
      const { factory } = await deployPotluck(ethers);
      const token = await ethers.deployContract("MockERC20", ["Test USD", "TUSD", 18]);
      const pool = await createPool(factory, deployer, defaultConfig(maintainer.address, { asset: await token.getAddress() }));
      const poolAddress = await pool.getAddress();
      await token.mint(alice.address, MAX_AMOUNT - 10n);
      await token.connect(alice).approve(poolAddress, MAX_AMOUNT);
      await pool.connect(alice).give(MAX_AMOUNT - 10n);
      await token.mint(stranger.address, 100n);
      await token.connect(stranger).transfer(poolAddress, 100n); // more than the ledger has room for
      await pool.connect(maintainer).stepDown();
      await networkHelpers.time.increase(61n * DAY);
      await expect(pool.windDown()).to.emit(pool, "Swept").withArgs(deployer.address, 10n);
      expect((await pool.windDownState())[0]).to.equal(MAX_AMOUNT);
      expect(await pool.reclaimable(alice.address)).to.equal(MAX_AMOUNT);
    });

    it("emits no Swept when the pool holds exactly its ledger", async function () {
      const [deployer, maintainer, alice] = await ethers.getSigners();
      const { factory } = await deployPotluck(ethers);
      const pool = await createPool(factory, deployer, defaultConfig(maintainer.address));
      await giveEth(pool, alice, ETH);
      await pool.connect(maintainer).stepDown();
      await networkHelpers.time.increase(61n * DAY);
      await expect(pool.windDown()).to.not.emit(pool, "Swept");
      expect((await pool.windDownState())[0]).to.equal(ETH);
    });
  });

  describe("payouts frozen by re-petitioning after each failed recall", function () {
    /** bob holds 30 of 40 ETH of matured weight: alone past the 30 % recall threshold. A claim is pending. */
    async function recallFixture() {
      const [deployer, maintainer, alice, bob, payee] = await ethers.getSigners();
      const { factory } = await deployPotluck(ethers);
      const pool = asIPool(await createPool(factory, deployer, defaultConfig(maintainer.address)));
      await giveEth(pool, alice, 10n * ETH);
      await giveEth(pool, bob, 30n * ETH);
      await nextEpoch(pool, networkHelpers);
      const claim = await file(pool, maintainer, HOSTING, ETH, payee.address, "frozen");
      await pool.connect(bob).petitionRecall();
      return { pool, maintainer, alice, bob, payee, claim };
    }

    /** Lets the recall run with no vote and finalizes it (failed): returns the epoch it ended in. */
    async function failRecall(pool: Awaited<ReturnType<typeof recallFixture>>["pool"]) {
      const [, , , votingEndsAt] = await pool.election();
      await at(votingEndsAt);
      await pool.finalizeElection();
      return pool.epoch();
    }

    it("refuses the holder's new petition right after the failed recall (PoolPetitionsClosed), and the claim is paid", async function () {
      const { pool, bob, payee, claim } = await loadFixture(recallFixture);
      await expect(pool.payClaim(claim.id)).to.be.revertedWithCustomError(pool, "PoolPaymentsFrozen");
      const ended = await failRecall(pool);
      const opensAt = await epochStart(pool, ended + 3n);
      await expect(pool.connect(bob).petitionRecall()).to.be.revertedWithCustomError(pool, "PoolPetitionsClosed").withArgs(opensAt);
      expect((await pool.seat()).status).to.equal(SeatStatus.Filled);
      await expect(pool.payClaim(claim.id)).to.changeEtherBalances(ethers, [pool, payee], [-ETH, ETH]);
    });

    it("keeps petitions closed for the rest of that epoch and two more, then a recall is possible again", async function () {
      const { pool, bob, alice } = await loadFixture(recallFixture);
      const ended = await failRecall(pool);
      const opensAt = await epochStart(pool, ended + 3n);
      await at(opensAt - 1n);
      await expect(pool.connect(alice).petitionRecall()).to.be.revertedWithCustomError(pool, "PoolPetitionsClosed").withArgs(opensAt);
      await at(opensAt);
      await expect(pool.connect(bob).petitionRecall()).to.emit(pool, "ElectionCalled");
      expect((await pool.seat()).status).to.equal(SeatStatus.Recall);
    });

    it("bounds the freeze: repeated failed recalls leave at least two whole epochs of payouts between them", async function () {
      const { pool, maintainer, bob, payee } = await loadFixture(recallFixture);
      for (let round = 0; round < 3; round++) {
        const ended = await failRecall(pool);
        const opensAt = await epochStart(pool, ended + 3n);
        // Payouts run: a claim filed now is paid before petitions open again.
        const c = await file(pool, maintainer, 1n, ETH, payee.address, `round ${round}`);
        await at(c.payableAt);
        await pool.payClaim(c.id);
        expect(c.payableAt).to.be.lessThan(opensAt);
        expect(opensAt - (await latest())).to.be.greaterThan(EPOCH); // still more than an epoch to go
        await at(opensAt);
        await pool.connect(bob).petitionRecall();
      }
    });

    it("does not pause petitions after a recall someone else won: the community got its recall", async function () {
      const { pool, alice, bob } = await loadFixture(recallFixture);
      await pool.connect(alice).nominate(alice.address);
      const [, , votingStartsAt, votingEndsAt] = await pool.election();
      await at(votingStartsAt);
      await pool.connect(bob).vote(alice.address);
      await at(votingEndsAt);
      await pool.finalizeElection();
      expect(await pool.maintainer()).to.equal(alice.address);
      await expect(pool.connect(bob).petitionRecall()).to.emit(pool, "ElectionCalled");
    });
  });
});
