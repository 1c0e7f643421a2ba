// Recurring gifts, as DESIGN.md "Recurring gifts and in-kind capital goods" describes them: standing orders in
// the pool's token (subscribe / unsubscribe / collect), the weight collected gifts earn, and the `carried()`
// view. Pledges are in pledges.test.ts; the set-up both share is in test/helpers/recurring.ts.
import { expect } from "chai";
import { network } from "hardhat";
import type { BudgetLineStruct } from "../../types/ethers-contracts/Pool.js";
import {
  Pool__factory,
} from "../../types/ethers-contracts/index.js";
import {
  DAY,
  EPOCH,
  ETH,
  HOUR,
  Parameter,
  SeatStatus,
  Weighting,
  nextEpoch,
  MAX_AMOUNT,
  MAX_DURATION,
  MIN_DURATION,
  WEIGHTINGS,
  weightFor,
} from "../helpers/potluck.js";
import { chain, list } from "../helpers/chain.js";
import {
  BUILD_MACHINE, MAX_CATCH_UP, MONTH, TUSD, recurringKit, recurringState, tokenPool,
} from "../helpers/recurring.js";

const { ethers, networkHelpers } = await network.create();
const { loadFixture, time } = networkHelpers;
const { minedAt, gasOf, windDown } = chain(ethers, networkHelpers);
const { fund, subscriptionsFixture, pledgesFixture } = recurringKit(ethers, networkHelpers);


describe("PoolSubscriptions", function () {
  describe("subscribe", function () {
    describe("reverts", function () {
      it("if the pool holds ETH", async function () {
        const { ethPool, alice } = await loadFixture(subscriptionsFixture);
        await expect(ethPool.connect(alice).subscribe(10n * TUSD, MONTH)).to.be.revertedWithCustomError(
          ethPool,
          "PoolNotTokenPool",
        );
      });

      it("if the amount is zero", async function () {
        const { pool, alice } = await loadFixture(subscriptionsFixture);
        await expect(pool.connect(alice).subscribe(0n, MONTH)).to.be.revertedWithCustomError(pool, "PoolZeroAmount");
      });

      it("if the amount leaves the 96-bit range", async function () {
        const { pool, alice } = await loadFixture(subscriptionsFixture);
        await expect(pool.connect(alice).subscribe(MAX_AMOUNT + 1n, MONTH))
          .to.be.revertedWithCustomError(pool, "PoolAmountOverflow")
          .withArgs(MAX_AMOUNT + 1n, MAX_AMOUNT);
      });

      it("if the period is shorter than an hour", async function () {
        const { pool, alice } = await loadFixture(subscriptionsFixture);
        await expect(pool.connect(alice).subscribe(TUSD, MIN_DURATION - 1n))
          .to.be.revertedWithCustomError(pool, "PoolInvalidParameter")
          .withArgs(Parameter.SubscriptionPeriod, MIN_DURATION - 1n);
        await expect(pool.connect(alice).subscribe(TUSD, 0n))
          .to.be.revertedWithCustomError(pool, "PoolInvalidParameter")
          .withArgs(Parameter.SubscriptionPeriod, 0n);
      });

      it("if the period is longer than ten years", async function () {
        const { pool, alice } = await loadFixture(subscriptionsFixture);
        await expect(pool.connect(alice).subscribe(TUSD, MAX_DURATION + 1n))
          .to.be.revertedWithCustomError(pool, "PoolInvalidParameter")
          .withArgs(Parameter.SubscriptionPeriod, MAX_DURATION + 1n);
      });
    });

    it("records the order, emits Subscribed and makes the first period due at once", async function () {
      const { pool, alice, keeper } = await loadFixture(subscriptionsFixture);
      const tx = pool.connect(alice).subscribe(20n * TUSD, MONTH);
      await expect(tx).to.emit(pool, "Subscribed").withArgs(alice.address, 20n * TUSD, MONTH);
      const at = await minedAt(tx);
      expect(list(await pool.subscriptionOf(alice.address))).to.deep.equal([20n * TUSD, MONTH, at]);
      // Due at once: the very next block can collect it, with no time passing beyond the block's second.
      await time.setNextBlockTimestamp(at + 1n);
      await expect(pool.connect(keeper).collect(alice.address))
        .to.emit(pool, "Collected")
        .withArgs(alice.address, 20n * TUSD, 1n);
    });

    it("accepts the bounds of the period range and the largest amount", async function () {
      const { pool, alice, bob, carol } = await loadFixture(subscriptionsFixture);
      await expect(pool.connect(alice).subscribe(TUSD, MIN_DURATION)).to.emit(pool, "Subscribed");
      await expect(pool.connect(bob).subscribe(TUSD, MAX_DURATION)).to.emit(pool, "Subscribed");
      await expect(pool.connect(carol).subscribe(MAX_AMOUNT, MONTH)).to.emit(pool, "Subscribed");
      expect((await pool.subscriptionOf(carol.address)).amountPerPeriod).to.equal(MAX_AMOUNT);
    });

    it("replaces an existing order, keeping its due date (a period is never charged twice)", async function () {
      const { pool, alice } = await loadFixture(subscriptionsFixture);
      await pool.connect(alice).subscribe(20n * TUSD, MONTH);
      await pool.collect(alice.address);
      const [, , nextDue] = await pool.subscriptionOf(alice.address);
      await time.increase(3n * DAY);
      const tx = pool.connect(alice).subscribe(5n * TUSD, 7n * DAY);
      await expect(tx).to.emit(pool, "Subscribed").withArgs(alice.address, 5n * TUSD, 7n * DAY);
      expect(list(await pool.subscriptionOf(alice.address))).to.deep.equal([5n * TUSD, 7n * DAY, nextDue]);
      expect((await pool.carried()).recurringPerMonth).to.equal((5n * TUSD * MONTH) / (7n * DAY));
      await expect(pool.collect(alice.address))
        .to.be.revertedWithCustomError(pool, "PoolNotDue")
        .withArgs(alice.address, nextDue);
      await time.increaseTo(nextDue);
      await expect(pool.collect(alice.address)).to.emit(pool, "Collected").withArgs(alice.address, 5n * TUSD, 1n);
    });

    it("keeps each donor's order apart", async function () {
      const { pool, alice, bob } = await loadFixture(subscriptionsFixture);
      await pool.connect(alice).subscribe(20n * TUSD, MONTH);
      const bobAt = await minedAt(pool.connect(bob).subscribe(3n * TUSD, 7n * DAY));
      await pool.connect(alice).unsubscribe();
      expect(list(await pool.subscriptionOf(alice.address))).to.deep.equal([0n, 0n, 0n]);
      expect(list(await pool.subscriptionOf(bob.address))).to.deep.equal([3n * TUSD, 7n * DAY, bobAt]);
    });
  });

  describe("unsubscribe", function () {
    it("reverts if the caller has no standing order", async function () {
      const { pool, alice } = await loadFixture(subscriptionsFixture);
      await expect(pool.connect(alice).unsubscribe())
        .to.be.revertedWithCustomError(pool, "PoolNoSubscription")
        .withArgs(alice.address);
    });

    it("reverts the second time", async function () {
      const { pool, alice } = await loadFixture(subscriptionsFixture);
      await pool.connect(alice).subscribe(TUSD, MONTH);
      await pool.connect(alice).unsubscribe();
      await expect(pool.connect(alice).unsubscribe())
        .to.be.revertedWithCustomError(pool, "PoolNoSubscription")
        .withArgs(alice.address);
    });

    it("ends the order: Unsubscribed, zeros, nothing left to collect, gifts already made stay", async function () {
      const { pool, alice } = await loadFixture(subscriptionsFixture);
      await pool.connect(alice).subscribe(20n * TUSD, MONTH);
      await pool.collect(alice.address);
      await expect(pool.connect(alice).unsubscribe()).to.emit(pool, "Unsubscribed").withArgs(alice.address);
      expect(list(await pool.subscriptionOf(alice.address))).to.deep.equal([0n, 0n, 0n]);
      expect((await pool.carried()).recurringPerMonth).to.equal(0n);
      await time.increase(MONTH);
      await expect(pool.collect(alice.address))
        .to.be.revertedWithCustomError(pool, "PoolNoSubscription")
        .withArgs(alice.address);
      expect((await pool.contributionOf(alice.address)).given).to.equal(20n * TUSD);
      expect(await pool.totalGiven()).to.equal(20n * TUSD);
    });

    it("lets the donor subscribe again", async function () {
      const { pool, alice } = await loadFixture(subscriptionsFixture);
      await pool.connect(alice).subscribe(TUSD, MONTH);
      await pool.connect(alice).unsubscribe();
      await pool.connect(alice).subscribe(2n * TUSD, MONTH);
      await expect(pool.collect(alice.address)).to.emit(pool, "Collected").withArgs(alice.address, 2n * TUSD, 1n);
    });
  });

  describe("collect", function () {
    /** Alice's order of 20 TUSD a month, its first period collected at t0; the next is due at t0 + MONTH. */
    async function collectedOnceFixture() {
      const f = await subscriptionsFixture();
      const t0 = await minedAt(f.pool.connect(f.alice).subscribe(20n * TUSD, MONTH));
      await time.setNextBlockTimestamp(t0 + 1n);
      await f.pool.connect(f.keeper).collect(f.alice.address);
      return { ...f, t0, amount: 20n * TUSD, nextDue: t0 + MONTH };
    }

    describe("reverts", function () {
      it("if the gift would take the pool past the 96-bit total, with PoolAmountOverflow; a smaller order is collected", async function () {
        const { pool, token, alice, bob, carol, keeper } = await loadFixture(subscriptionsFixture);
        await pool.connect(alice).subscribe(100n, MONTH);
        await pool.connect(carol).subscribe(5n, MONTH);
        await token.mint(bob.address, MAX_AMOUNT);
        await pool.connect(bob).give(MAX_AMOUNT - 10n); // 10 units of room left
        await expect(pool.connect(keeper).collect(alice.address))
          .to.be.revertedWithCustomError(pool, "PoolAmountOverflow")
          .withArgs(MAX_AMOUNT + 90n, MAX_AMOUNT);
        await expect(pool.connect(keeper).collect(carol.address)).to.emit(pool, "Collected").withArgs(carol.address, 5n, 1n);
        expect(await pool.totalGiven()).to.equal(MAX_AMOUNT - 5n);
      });

      it("if the donor has no standing order", async function () {
        const { pool, dave, keeper } = await loadFixture(subscriptionsFixture);
        await expect(pool.connect(keeper).collect(dave.address))
          .to.be.revertedWithCustomError(pool, "PoolNoSubscription")
          .withArgs(dave.address);
      });

      it("one second before the next period is due", async function () {
        const { pool, alice, keeper, nextDue } = await loadFixture(collectedOnceFixture);
        expect((await pool.subscriptionOf(alice.address)).nextDue).to.equal(nextDue);
        await time.setNextBlockTimestamp(nextDue - 1n);
        await expect(pool.connect(keeper).collect(alice.address))
          .to.be.revertedWithCustomError(pool, "PoolNotDue")
          .withArgs(alice.address, nextDue);
      });

      it("if the allowance was revoked, changing nothing", async function () {
        const { pool, token, alice, keeper, amount, nextDue } = await loadFixture(collectedOnceFixture);
        await token.connect(alice).approve(await pool.getAddress(), 0n);
        await time.increaseTo(nextDue);
        const before = await recurringState(pool, token, alice.address);
        await expect(pool.connect(keeper).collect(alice.address))
          .to.be.revertedWithCustomError(pool, "PoolCollectFailed")
          .withArgs(alice.address, amount);
        expect(await recurringState(pool, token, alice.address)).to.deep.equal(before);
        expect(list(await pool.subscriptionOf(alice.address))).to.deep.equal([amount, MONTH, nextDue]);
      });

      it("if the allowance is too small for the periods due", async function () {
        const { pool, token, alice, keeper, amount, nextDue } = await loadFixture(collectedOnceFixture);
        await token.connect(alice).approve(await pool.getAddress(), amount); // one period, two are due
        await time.increaseTo(nextDue + MONTH);
        await expect(pool.connect(keeper).collect(alice.address))
          .to.be.revertedWithCustomError(pool, "PoolCollectFailed")
          .withArgs(alice.address, 2n * amount);
      });

      it("if the donor's balance is empty, changing nothing", async function () {
        const { pool, token, alice, bob, keeper, amount, nextDue } = await loadFixture(collectedOnceFixture);
        await token.connect(alice).transfer(bob.address, await token.balanceOf(alice.address));
        await time.increaseTo(nextDue);
        const before = await recurringState(pool, token, alice.address);
        await expect(pool.connect(keeper).collect(alice.address))
          .to.be.revertedWithCustomError(pool, "PoolCollectFailed")
          .withArgs(alice.address, amount);
        expect(await recurringState(pool, token, alice.address)).to.deep.equal(before);
      });

      it("if the token refuses by returning false", async function () {
        const { factory, deployer, maintainer, alice, keeper } = await loadFixture(subscriptionsFixture);
        const token = await ethers.deployContract("FalseReturningToken", ["False", "FLS", 18]);
        const pool = await tokenPool(factory, deployer, maintainer, await token.getAddress());
        await token.mint(alice.address, 100n * TUSD);
        await token.connect(alice).approve(await pool.getAddress(), ethers.MaxUint256);
        await pool.connect(alice).subscribe(10n * TUSD, MONTH);
        await token.setFailAll(true);
        await expect(pool.connect(keeper).collect(alice.address))
          .to.be.revertedWithCustomError(pool, "PoolCollectFailed")
          .withArgs(alice.address, 10n * TUSD);
        await token.setFailAll(false);
        await expect(pool.connect(keeper).collect(alice.address))
          .to.emit(pool, "Collected")
          .withArgs(alice.address, 10n * TUSD, 1n);
      });

      it("if the token blocks the donor", async function () {
        const { factory, deployer, maintainer, alice, keeper } = await loadFixture(subscriptionsFixture);
        const token = await ethers.deployContract("BlocklistToken", ["Blocky", "BLK", 6]);
        const pool = await tokenPool(factory, deployer, maintainer, await token.getAddress());
        await token.mint(alice.address, 100_000_000n);
        await token.connect(alice).approve(await pool.getAddress(), ethers.MaxUint256);
        await pool.connect(alice).subscribe(5_000_000n, MONTH);
        await token.setBlocked(alice.address, true);
        await expect(pool.connect(keeper).collect(alice.address))
          .to.be.revertedWithCustomError(pool, "PoolCollectFailed")
          .withArgs(alice.address, 5_000_000n);
      });
    });

    it("may be called by anyone: pulls the period, emits Given and Collected, moves nextDue one period", async function () {
      const { pool, token, alice, keeper } = await loadFixture(subscriptionsFixture);
      const t0 = await minedAt(pool.connect(alice).subscribe(20n * TUSD, MONTH));
      const tx = pool.connect(keeper).collect(alice.address);
      await expect(tx).to.changeTokenBalances(ethers, token, [alice, pool, keeper], [-20n * TUSD, 20n * TUSD, 0n]);
      await expect(tx).to.emit(pool, "Given").withArgs(alice.address, 20n * TUSD);
      await expect(tx).to.emit(pool, "Collected").withArgs(alice.address, 20n * TUSD, 1n);
      expect(list(await pool.subscriptionOf(alice.address))).to.deep.equal([20n * TUSD, MONTH, t0 + MONTH]);
      expect(await pool.totalGiven()).to.equal(20n * TUSD);
      expect(await pool.balance()).to.equal(20n * TUSD);
      expect((await pool.contributionOf(alice.address)).given).to.equal(20n * TUSD);
      expect((await pool.contributionOf(keeper.address)).given).to.equal(0n);
    });

    it("returns what arrived", async function () {
      const { pool, alice, keeper } = await loadFixture(subscriptionsFixture);
      await pool.connect(alice).subscribe(20n * TUSD, MONTH);
      expect(await pool.connect(keeper).collect.staticCall(alice.address)).to.equal(20n * TUSD);
    });

    it("works exactly when the next period is due", async function () {
      const { pool, alice, keeper, amount, nextDue } = await loadFixture(collectedOnceFixture);
      await time.setNextBlockTimestamp(nextDue);
      await expect(pool.connect(keeper).collect(alice.address))
        .to.emit(pool, "Collected")
        .withArgs(alice.address, amount, 1n);
      expect((await pool.subscriptionOf(alice.address)).nextDue).to.equal(nextDue + MONTH);
    });

    it("collects every period due when several are", async function () {
      const { pool, token, alice, keeper, amount, nextDue } = await loadFixture(collectedOnceFixture);
      await time.setNextBlockTimestamp(nextDue + MONTH + 5n * DAY); // two periods due
      const tx = pool.connect(keeper).collect(alice.address);
      await expect(tx).to.emit(pool, "Collected").withArgs(alice.address, 2n * amount, 2n);
      await expect(tx).to.emit(pool, "Given").withArgs(alice.address, 2n * amount);
      await expect(tx).to.changeTokenBalances(ethers, token, [alice, pool], [-2n * amount, 2n * amount]);
      expect((await pool.subscriptionOf(alice.address)).nextDue).to.equal(nextDue + 2n * MONTH);
      expect(await pool.totalGiven()).to.equal(3n * amount);
    });

    it("collects MAX_CATCH_UP periods when exactly that many are due", async function () {
      const { pool, alice, keeper, amount, nextDue } = await loadFixture(collectedOnceFixture);
      expect(await Pool__factory.connect(await pool.getAddress(), ethers.provider).MAX_CATCH_UP()).to.equal(MAX_CATCH_UP);
      await time.setNextBlockTimestamp(nextDue + (MAX_CATCH_UP - 1n) * MONTH);
      await expect(pool.connect(keeper).collect(alice.address))
        .to.emit(pool, "Collected")
        .withArgs(alice.address, MAX_CATCH_UP * amount, MAX_CATCH_UP);
      expect((await pool.subscriptionOf(alice.address)).nextDue).to.equal(nextDue + MAX_CATCH_UP * MONTH);
    });

    it("catches up at most MAX_CATCH_UP periods and forgives older ones", async function () {
      const { pool, token, alice, keeper, amount, nextDue } = await loadFixture(collectedOnceFixture);
      // Away for a long time: 8 periods due (nextDue .. nextDue + 7 months), and 3 days into the eighth.
      const now = nextDue + 7n * MONTH + 3n * DAY;
      await time.setNextBlockTimestamp(now);
      const tx = pool.connect(keeper).collect(alice.address);
      await expect(tx).to.emit(pool, "Collected").withArgs(alice.address, MAX_CATCH_UP * amount, MAX_CATCH_UP);
      await expect(tx).to.changeTokenBalances(ethers, token, [alice, pool], [-MAX_CATCH_UP * amount, MAX_CATCH_UP * amount]);
      // Every due period is settled: the next one is the first in the future.
      const next = (await pool.subscriptionOf(alice.address)).nextDue;
      expect(next).to.equal(nextDue + 8n * MONTH);
      expect(next).to.be.greaterThan(now);
      await expect(pool.connect(keeper).collect(alice.address))
        .to.be.revertedWithCustomError(pool, "PoolNotDue")
        .withArgs(alice.address, next);
      expect(await pool.totalGiven()).to.equal((1n + MAX_CATCH_UP) * amount);
    });

    it("credits what arrived from a fee-on-transfer token", async function () {
      const { factory, deployer, maintainer, alice, bob, keeper } = await loadFixture(subscriptionsFixture);
      const token = await ethers.deployContract("FeeOnTransferToken", [
        "Fee",
        "FEE",
        18,
        100, // 1%
        ethers.ZeroAddress,
      ]);
      const pool = await tokenPool(factory, deployer, maintainer, await token.getAddress());
      for (const who of [alice, bob]) await fund(token, pool, who);
      await pool.connect(alice).subscribe(1_000n * TUSD, MONTH);
      const arrived = 990n * TUSD;
      expect(await pool.connect(keeper).collect.staticCall(alice.address)).to.equal(arrived);
      const tx = pool.connect(keeper).collect(alice.address);
      await expect(tx).to.emit(pool, "Given").withArgs(alice.address, arrived);
      await expect(tx).to.emit(pool, "Collected").withArgs(alice.address, arrived, 1n);
      await expect(tx).to.changeTokenBalances(ethers, token, [alice, pool], [-1_000n * TUSD, arrived]);
      expect((await pool.contributionOf(alice.address)).given).to.equal(arrived);
      expect(await pool.totalGiven()).to.equal(arrived);
      expect(await pool.balance()).to.equal(arrived);
      // A plain gift of the same amount is credited the same.
      await pool.connect(bob).give(1_000n * TUSD);
      expect((await pool.contributionOf(bob.address)).given).to.equal(arrived);
    });

    it("after a failed pull, keeps the order: re-approving lets the same periods be collected", async function () {
      const { pool, token, alice, keeper, amount, nextDue } = await loadFixture(collectedOnceFixture);
      const poolAddress = await pool.getAddress();
      await token.connect(alice).approve(poolAddress, 0n);
      await time.setNextBlockTimestamp(nextDue + 2n * DAY);
      await expect(pool.connect(keeper).collect(alice.address)).to.be.revertedWithCustomError(pool, "PoolCollectFailed");
      expect(list(await pool.subscriptionOf(alice.address))).to.deep.equal([amount, MONTH, nextDue]);
      await token.connect(alice).approve(poolAddress, ethers.MaxUint256);
      await time.setNextBlockTimestamp(nextDue + MONTH + 2n * DAY); // meanwhile the next period fell due too
      await expect(pool.connect(keeper).collect(alice.address))
        .to.emit(pool, "Collected")
        .withArgs(alice.address, 2n * amount, 2n);
      expect((await pool.subscriptionOf(alice.address)).nextDue).to.equal(nextDue + 2n * MONTH);
    });

    it("a failed pull does not affect other donors", async function () {
      const { pool, token, alice, bob, keeper } = await loadFixture(subscriptionsFixture);
      await pool.connect(alice).subscribe(20n * TUSD, MONTH);
      await pool.connect(bob).subscribe(7n * TUSD, MONTH);
      await token.connect(alice).approve(await pool.getAddress(), 0n);
      await expect(pool.connect(keeper).collect(alice.address)).to.be.revertedWithCustomError(pool, "PoolCollectFailed");
      await expect(pool.connect(keeper).collect(bob.address))
        .to.emit(pool, "Collected")
        .withArgs(bob.address, 7n * TUSD, 1n);
      expect(await pool.totalGiven()).to.equal(7n * TUSD);
      expect((await pool.contributionOf(alice.address)).given).to.equal(0n);
      expect((await pool.carried()).recurringPerMonth).to.equal(27n * TUSD);
    });

    it("cannot be re-entered from the donor's token hook", async function () {
      const { factory, deployer, maintainer, keeper } = await loadFixture(subscriptionsFixture);
      const token = await ethers.deployContract("HookToken", ["Hook", "HOOK", 18]);
      const pool = await tokenPool(factory, deployer, maintainer, await token.getAddress());
      const poolAddress = await pool.getAddress();
      const attacker = await ethers.deployContract("ReentrantAttacker");
      const attackerAddress = await attacker.getAddress();
      await token.mint(attackerAddress, 100n * TUSD);
      await attacker.execute(await token.getAddress(), token.interface.encodeFunctionData("registerHooks", [true]), 0n);
      await attacker.execute(
        await token.getAddress(),
        token.interface.encodeFunctionData("approve", [poolAddress, ethers.MaxUint256]),
        0n,
      );
      await attacker.execute(poolAddress, pool.interface.encodeFunctionData("subscribe", [10n * TUSD, MONTH]), 0n);
      // On the pull's `tokensToSend` hook, the donor tries to have itself collected a second time.
      await attacker.arm(poolAddress, pool.interface.encodeFunctionData("collect", [attackerAddress]), 0n);
      await expect(pool.connect(keeper).collect(attackerAddress))
        .to.emit(pool, "Collected")
        .withArgs(attackerAddress, 10n * TUSD, 1n);
      expect(list(await attacker.reentries())).to.deep.equal([1n, 0n]);
      const implementation = Pool__factory.connect(poolAddress, ethers.provider);
      expect(await attacker.lastReentryReturnData()).to.equal(
        implementation.interface.encodeErrorResult("ReentrancyGuardReentrantCall", []),
      );
      expect(await pool.totalGiven()).to.equal(10n * TUSD);
    });

    it("refuses a donor who tries to unsubscribe from inside its own collection (the order is settled first)", async function () {
      // A donor whose token calls it back (an ERC-777 style hook) tries to end its order mid-collection: the
      // guard refuses the reentry, and the order was already settled before the transfer.
      const { factory, deployer, maintainer, keeper } = await loadFixture(subscriptionsFixture);
      const token = await ethers.deployContract("HookToken", ["Hook", "HOOK", 18]);
      const pool = await tokenPool(factory, deployer, maintainer, await token.getAddress());
      const poolAddress = await pool.getAddress();
      const attacker = await ethers.deployContract("ReentrantAttacker");
      const attackerAddress = await attacker.getAddress();
      await token.mint(attackerAddress, 100n * TUSD);
      await attacker.execute(await token.getAddress(), token.interface.encodeFunctionData("registerHooks", [true]), 0n);
      await attacker.execute(
        await token.getAddress(),
        token.interface.encodeFunctionData("approve", [poolAddress, ethers.MaxUint256]),
        0n,
      );
      await attacker.execute(poolAddress, pool.interface.encodeFunctionData("subscribe", [10n * TUSD, MONTH]), 0n);
      const [, , due] = await pool.subscriptionOf(attackerAddress);
      await attacker.arm(poolAddress, pool.interface.encodeFunctionData("unsubscribe"), 0n);
      await expect(pool.connect(keeper).collect(attackerAddress))
        .to.emit(pool, "Collected")
        .withArgs(attackerAddress, 10n * TUSD, 1n)
        .and.not.to.emit(pool, "Unsubscribed");
      expect(await attacker.lastReentrySucceeded()).to.equal(false);
      expect(list(await pool.subscriptionOf(attackerAddress))).to.deep.equal([10n * TUSD, MONTH, due + MONTH]);
      expect((await pool.carried()).recurringPerMonth).to.equal((10n * TUSD * (30n * DAY)) / MONTH);
    });

    describe("weight", function () {
      async function weightingFixture() {
        const f = await subscriptionsFixture();
        const tokenAddress = await f.token.getAddress();
        const pools = {
          [Weighting.Linear]: await tokenPool(f.factory, f.deployer, f.maintainer, tokenAddress),
          [Weighting.Quadratic]: await tokenPool(f.factory, f.deployer, f.maintainer, tokenAddress, {
            weighting: Weighting.Quadratic,
          }),
        };
        for (const p of Object.values(pools)) for (const who of [f.alice, f.bob]) await fund(f.token, p, who);
        return { ...f, pools };
      }

      for (const [name, weighting] of WEIGHTINGS) {
        it(`counts a collected gift exactly like give, matured from the next epoch (${name})`, async function () {
          const { pools, alice, bob, keeper } = await loadFixture(weightingFixture);
          const pool = pools[weighting];
          const amount = 1_234_567n; // not a perfect square
          // Alice's standing order has the same period as the epoch, so each epoch brings one collection.
          await pool.connect(alice).subscribe(amount, EPOCH);
          await pool.connect(keeper).collect(alice.address);
          await pool.connect(bob).give(amount);
          for (const who of [alice, bob]) {
            expect(list(await pool.contributionOf(who.address))).to.deep.equal([amount, 0n]);
            expect(await pool.weightOf(who.address)).to.equal(0n);
          }
          expect(await pool.totalWeight()).to.equal(0n);

          await nextEpoch(pool, networkHelpers);
          for (const who of [alice, bob]) {
            expect(list(await pool.contributionOf(who.address))).to.deep.equal([amount, amount]);
            expect(await pool.weightOf(who.address)).to.equal(weightFor(weighting, amount));
          }
          expect(await pool.totalWeight()).to.equal(2n * weightFor(weighting, amount));

          // A second period, collected in this epoch, and a second plain gift: pending until the next one.
          const { nextDue } = await pool.subscriptionOf(alice.address);
          expect(nextDue).to.be.lessThan((await pool.genesis()) + 2n * EPOCH);
          if (BigInt(await time.latest()) < nextDue) await time.setNextBlockTimestamp(nextDue);
          await pool.connect(keeper).collect(alice.address);
          await pool.connect(bob).give(amount);
          for (const who of [alice, bob]) {
            expect(list(await pool.contributionOf(who.address))).to.deep.equal([2n * amount, amount]);
            expect(await pool.weightOf(who.address)).to.equal(weightFor(weighting, amount));
          }
          expect(await pool.totalWeight()).to.equal(2n * weightFor(weighting, amount));
          await nextEpoch(pool, networkHelpers);
          for (const who of [alice, bob]) {
            expect(await pool.weightOf(who.address)).to.equal(weightFor(weighting, 2n * amount));
          }
          expect(await pool.totalWeight()).to.equal(2n * weightFor(weighting, 2n * amount));
        });
      }
    });
  });

  describe("after wind-down", function () {
    /** Alice collected once (due again by now), Bob never collected, Dave's ten-year order not due. */
    async function woundDownFixture() {
      const f = await subscriptionsFixture();
      const { pool, maintainer, alice, bob, dave } = f;
      await pool.connect(alice).subscribe(10n * TUSD, MONTH);
      await pool.collect(alice.address);
      await pool.connect(bob).subscribe(20n * TUSD, MONTH);
      await pool.connect(dave).subscribe(TUSD, MAX_DURATION);
      await pool.collect(dave.address);
      await windDown(pool, maintainer);
      expect((await pool.seat()).status).to.equal(SeatStatus.WoundDown);
      return f;
    }

    it("collect reverts with PoolIsWoundDown for a due order", async function () {
      const { pool, alice, bob, keeper } = await loadFixture(woundDownFixture);
      for (const who of [alice, bob]) {
        await expect(pool.connect(keeper).collect(who.address)).to.be.revertedWithCustomError(pool, "PoolIsWoundDown");
      }
    });

    it("collect still reports PoolNotDue and PoolNoSubscription first", async function () {
      const { pool, dave, carol, keeper } = await loadFixture(woundDownFixture);
      const { nextDue } = await pool.subscriptionOf(dave.address);
      await expect(pool.connect(keeper).collect(dave.address))
        .to.be.revertedWithCustomError(pool, "PoolNotDue")
        .withArgs(dave.address, nextDue);
      await expect(pool.connect(keeper).collect(carol.address))
        .to.be.revertedWithCustomError(pool, "PoolNoSubscription")
        .withArgs(carol.address);
    });

    it("subscribe reverts with PoolIsWoundDown; unsubscribe still ends an order", async function () {
      const { pool, alice, carol } = await loadFixture(woundDownFixture);
      await expect(pool.connect(carol).subscribe(TUSD, MONTH)).to.be.revertedWithCustomError(pool, "PoolIsWoundDown");
      await expect(pool.connect(alice).subscribe(TUSD, MONTH)).to.be.revertedWithCustomError(pool, "PoolIsWoundDown");
      // A wound-down pool collects no order: carried() counts none, before the unsubscription and after.
      expect((await pool.carried()).recurringPerMonth).to.equal(0n);
      await expect(pool.connect(alice).unsubscribe()).to.emit(pool, "Unsubscribed").withArgs(alice.address);
      expect((await pool.carried()).recurringPerMonth).to.equal(0n);
      expect(await pool.subscriptionOf(alice.address)).to.deep.equal([0n, 0n, 0n]);
    });

    it("collected gifts are reclaimed pro rata like any gift", async function () {
      const { pool, token, alice, dave } = await loadFixture(woundDownFixture);
      const left = 11n * TUSD;
      expect(await pool.reclaimable(alice.address)).to.equal((left * 10n * TUSD) / (11n * TUSD));
      await expect(pool.connect(dave).reclaim()).to.changeTokenBalance(ethers, token, dave, TUSD);
    });

    it("pledge reverts with PoolIsWoundDown", async function () {
      const { pool, carol } = await loadFixture(woundDownFixture);
      await expect(pool.connect(carol).pledge(BUILD_MACHINE, TUSD, MONTH, 1)).to.be.revertedWithCustomError(
        pool,
        "PoolIsWoundDown",
      );
    });
  });

  describe("at scale", function () {
    const CROWD = 998; // + Bob + Alice = 1,000 subscribers

    /** Two pools alike but for their crowd: one with Bob and Alice only, one with 998 more subscribers. */
    async function crowdFixture() {
      const f = await subscriptionsFixture();
      const { factory, deployer, maintainer, token, tokenAddress, alice, bob } = f;
      const small = await tokenPool(factory, deployer, maintainer, tokenAddress);
      const large = await tokenPool(factory, deployer, maintainer, tokenAddress);
      const largeAddress = await large.getAddress();
      const monthly = 20n * TUSD;
      const crowd: string[] = [];
      for (let i = 0; i < CROWD; i++) {
        const address = ethers.getAddress(`0x${(0xc20_000_000 + i).toString(16).padStart(40, "0")}`);
        await networkHelpers.setBalance(address, ETH);
        const signer = await ethers.getImpersonatedSigner(address);
        await token.mint(address, 10n * monthly);
        await token.connect(signer).approve(largeAddress, ethers.MaxUint256);
        await large.connect(signer).subscribe(monthly, MONTH);
        crowd.push(address);
      }
      for (const donor of crowd) await large.collect(donor);
      for (const p of [small, large]) {
        await fund(token, p, alice);
        await fund(token, p, bob);
        await p.connect(bob).subscribe(monthly, MONTH);
        await p.connect(alice).subscribe(monthly, MONTH);
        await p.collect(bob.address); // the pool holds tokens and its totals slot is written in both
      }
      return { ...f, small, large, crowd, monthly };
    }

    it("collect costs the same with 1,000 subscribers as with two (within 200 gas)", async function () {
      this.timeout(600_000);
      const { small, large, alice, bob, keeper, crowd, monthly } = await loadFixture(crowdFixture);
      expect((await large.carried()).recurringPerMonth).to.equal(BigInt(crowd.length + 2) * monthly);
      expect(await large.totalGiven()).to.equal(BigInt(crowd.length + 1) * monthly);
      const first = {
        small: await gasOf(small.connect(keeper).collect(alice.address)),
        large: await gasOf(large.connect(keeper).collect(alice.address)),
      };
      await time.increase(MONTH);
      await small.collect(bob.address);
      await large.collect(bob.address);
      const repeat = {
        small: await gasOf(small.connect(keeper).collect(alice.address)),
        large: await gasOf(large.connect(keeper).collect(alice.address)),
      };
      for (const g of [first, repeat]) {
        const diff = g.large > g.small ? g.large - g.small : g.small - g.large;
        expect(diff, `small ${g.small}, large ${g.large}`).to.be.lessThanOrEqual(200n);
      }
    });
  });


  describe("carried", function () {
    const LINES: BudgetLineStruct[] = [
      { name: "hosting", cap: 1_000n, period: 7n * DAY },
      { name: "ci", cap: 2n * ETH, period: 30n * DAY },
      { name: "domain", cap: 12n * TUSD + 5n, period: 365n * DAY },
      { name: "pager", cap: 5n, period: HOUR },
    ];

    async function carriedFixture() {
      const f = await pledgesFixture();
      const pool = await tokenPool(f.factory, f.deployer, f.maintainer, await f.token.getAddress(), {}, LINES);
      for (const who of [f.alice, f.bob]) await fund(f.token, pool, who);
      return { ...f, pool };
    }

    const perMonth = (amount: bigint, period: bigint) => (amount * MONTH) / period;

    it("budgetPerMonth is the sum over lines of cap * 30 days / period", async function () {
      const { pool } = await loadFixture(carriedFixture);
      const expected = LINES.reduce((sum, l) => sum + perMonth(BigInt(l.cap), BigInt(l.period)), 0n);
      expect(expected).to.equal(4_285n + 2n * ETH + (12n * TUSD + 5n) * 30n / 365n + 3_600n);
      expect(list(await pool.carried())).to.deep.equal([expected, 0n, 0n, 0n]);
    });

    it("budgetPerMonth counts only open lines (a closed line has cap 0)", async function () {
      const { pool, maintainer } = await loadFixture(carriedFixture);
      await pool.connect(maintainer).proposeBudgetChange(0n, "hosting", 0n, 7n * DAY);
      await time.increase(7n * DAY); // ruleChangeDelay
      await pool.applyChange(0n);
      const expected = LINES.slice(1).reduce((sum, l) => sum + perMonth(BigInt(l.cap), BigInt(l.period)), 0n);
      expect((await pool.carried()).budgetPerMonth).to.equal(expected);
    });

    it("recurringPerMonth follows subscribe, replace and unsubscribe, not collections", async function () {
      const { pool, alice, bob } = await loadFixture(carriedFixture);
      const recurring = async () => (await pool.carried()).recurringPerMonth;
      await pool.connect(alice).subscribe(1_000n, 7n * DAY);
      expect(await recurring()).to.equal(4_285n);
      await pool.connect(bob).subscribe(20n * TUSD, MONTH);
      expect(await recurring()).to.equal(4_285n + 20n * TUSD);
      await pool.collect(alice.address);
      await pool.collect(bob.address);
      expect(await recurring()).to.equal(4_285n + 20n * TUSD);
      await pool.connect(alice).subscribe(3n, HOUR); // replaces 1,000 a week
      expect(await recurring()).to.equal(3n * 720n + 20n * TUSD);
      await pool.connect(bob).unsubscribe();
      expect(await recurring()).to.equal(2_160n);
      await pool.connect(alice).unsubscribe();
      expect(await recurring()).to.equal(0n);
    });

    it("pledgedPerMonth follows accept, withdraw and completion, not offers or declines", async function () {
      const { pool, maintainer, carol, dave } = await loadFixture(carriedFixture);
      const pledged = async () => (await pool.carried()).pledgedPerMonth;
      await pool.connect(carol).pledge(BUILD_MACHINE, 70n, 7n * DAY, 4); // 0: 300 a month
      await pool.connect(dave).pledge("a desk", 50n * TUSD, MONTH, 2); // 1
      await pool.connect(dave).pledge("a van", 9n * TUSD, MONTH, 2); // 2
      expect(await pledged()).to.equal(0n);
      await pool.connect(maintainer).acceptPledge(0n);
      expect(await pledged()).to.equal(300n);
      await pool.connect(maintainer).acceptPledge(1n);
      expect(await pledged()).to.equal(300n + 50n * TUSD);
      await pool.connect(maintainer).declinePledge(2n);
      expect(await pledged()).to.equal(300n + 50n * TUSD);
      await pool.connect(maintainer).recordDelivery(1n, 1);
      await pool.connect(dave).withdrawPledge(1n);
      expect(await pledged()).to.equal(300n);
      await pool.connect(maintainer).recordDelivery(0n, 3);
      expect(await pledged()).to.equal(300n);
      await pool.connect(maintainer).recordDelivery(0n, 1); // completes
      expect(await pledged()).to.equal(0n);
      expect((await pool.carried()).delivered).to.equal(50n * TUSD + 280n);
    });

    it("withdrawing an offered pledge leaves pledgedPerMonth alone", async function () {
      const { pool, maintainer, carol, dave } = await loadFixture(carriedFixture);
      await pool.connect(carol).pledge(BUILD_MACHINE, 70n, 7n * DAY, 4);
      await pool.connect(dave).pledge("a desk", 60n, MONTH, 2);
      await pool.connect(maintainer).acceptPledge(0n);
      await pool.connect(dave).withdrawPledge(1n);
      expect((await pool.carried()).pledgedPerMonth).to.equal(300n);
    });
  });
});
