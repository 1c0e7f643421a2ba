// Attack catalogue: hostile payees and forced ETH. A payee that refuses ETH, burns the gas it is given or
// answers with a huge payload fails only its own claim (PoolPaymentFailed, the claim stays pending) and can
// never stop other claims from being paid; ETH forced in by SELFDESTRUCT never changes the ledger, anybody's
// weight or a reclaim share until swept in. Single-payee versions of these live in test/pool/budget.test.ts
// ("payClaim" › "reverts"); here they are mixed in one pool, as a keeper paying a queue would meet them.
import { expect } from "chai";
import { network } from "hardhat";
import { ClaimStatus, DAY, ETH, SeatStatus, claimIdOf, createPool, defaultConfig, deployPotluck, nextEpoch } from "../helpers/potluck.js";
import { GasMode, kit } from "./shared.js";

const { ethers, networkHelpers } = await network.create();
const { loadFixture } = networkHelpers;
const { at, giveEth, file, gasOf } = kit(ethers, networkHelpers);

const STIPEND = 1n; // 10 ETH per 30 days
const BOMB = 1_000_000n; // bytes of return / revert data

/** An ETH pool with 40 ETH of matured weight (alice 10, bob 30) and four claims, payable, to four payees. */
async function queueFixture() {
  const [deployer, maintainer, alice, bob, honest, keeper] = await ethers.getSigners();
  const { factory } = await deployPotluck(ethers);
  const pool = await createPool(factory, deployer, defaultConfig(maintainer.address));
  await giveEth(pool, alice, 10n * ETH);
  await giveEth(pool, bob, 30n * ETH);
  await nextEpoch(pool, networkHelpers);
  const reverting = await ethers.deployContract("RevertingPayee", [true]);
  const burner = await ethers.deployContract("GasGriefingPayee", [GasMode.BurnGas, 0]);
  const bomber = await ethers.deployContract("GasGriefingPayee", [GasMode.RevertBomb, BOMB]);
  const payees = [await reverting.getAddress(), await burner.getAddress(), await bomber.getAddress(), honest.address];
  const claims = [];
  for (const [i, to] of payees.entries()) claims.push(await file(pool, maintainer, STIPEND, BigInt(i + 1) * ETH, to, `c${i}`));
  await at(claims[3].payableAt);
  return { factory, deployer, pool, maintainer, alice, bob, honest, keeper, reverting, burner, bomber, payees, claims };
}

describe("Attacks: hostile payees and forced ETH", function () {
  describe("a payee that refuses, burns gas or bombs", function () {
    it("fails only its own claim: the honest claim filed last is paid, the three hostile ones stay pending", async function () {
      const { pool, keeper, honest, payees, claims } = await loadFixture(queueFixture);
      for (const i of [0, 1, 2]) {
        await expect(pool.connect(keeper).payClaim(claims[i].id))
          .to.be.revertedWithCustomError(pool, "PoolPaymentFailed")
          .withArgs(claims[i].id, payees[i]);
      }
      await expect(pool.connect(keeper).payClaim(claims[3].id)).to.changeEtherBalances(
        ethers,
        [pool, honest],
        [-4n * ETH, 4n * ETH],
      );
      for (const i of [0, 1, 2]) {
        const [c, status] = await pool.claim(claims[i].id);
        expect(status).to.equal(ClaimStatus.Pending);
        expect(c.amount).to.equal(BigInt(i + 1) * ETH);
      }
      expect(await pool.balance()).to.equal(36n * ETH);
      expect(await ethers.provider.getBalance(await pool.getAddress())).to.equal(36n * ETH);
    });

    it("cannot make the keeper's transaction run out of gas at a normal limit: each failure costs the pool a bounded amount", async function () {
      const { pool, keeper, claims, payees } = await loadFixture(queueFixture);
      // 500k gas: the burner eats 63/64 of what is forwarded, the pool keeps enough to revert with its error.
      for (const i of [0, 1, 2]) {
        await expect(pool.connect(keeper).payClaim(claims[i].id, { gasLimit: 500_000 }))
          .to.be.revertedWithCustomError(pool, "PoolPaymentFailed")
          .withArgs(claims[i].id, payees[i]);
      }
      // The honest payment costs the same whether or not hostile claims sit in the queue.
      const gas = await gasOf(pool.connect(keeper).payClaim(claims[3].id));
      expect(gas).to.be.lessThan(80_000n);
    });

    it("a returned (not reverted) payload of 1 MB is not copied: the payment succeeds and costs the keeper less than the payee's own memory twice", async function () {
      const { pool, keeper, bomber, claims } = await loadFixture(queueFixture);
      await bomber.setMode(GasMode.ReturnBomb, BOMB);
      const bomberAddress = await bomber.getAddress();
      await expect(pool.connect(keeper).payClaim(claims[2].id)).to.changeEtherBalances(
        ethers,
        [pool, bomber],
        [-3n * ETH, 3n * ETH],
      );
      expect(await ethers.provider.getBalance(bomberAddress)).to.equal(3n * ETH);
      const [paid, status] = await pool.claim(claims[2].id);
      expect(status).to.equal(ClaimStatus.Paid);
      // Paying cleared the payout slot; the claim keeps its place in filing order.
      expect([paid.payee, paid.amount, paid.number]).to.deep.equal([ethers.ZeroAddress, 0n, claims[2].number]);
    });

    it("each hostile claim is paid once its payee relents, and never twice", async function () {
      const { pool, keeper, reverting, burner, bomber, claims } = await loadFixture(queueFixture);
      await reverting.setRejecting(false);
      await burner.setMode(GasMode.Off, 0);
      await bomber.setMode(GasMode.Off, 0);
      for (const i of [0, 1, 2]) await pool.connect(keeper).payClaim(claims[i].id);
      await pool.connect(keeper).payClaim(claims[3].id);
      expect(await pool.balance()).to.equal(40n * ETH - 10n * ETH);
      for (const i of [0, 1, 2, 3]) {
        await expect(pool.connect(keeper).payClaim(claims[i].id))
          .to.be.revertedWithCustomError(pool, "PoolClaimNotPending")
          .withArgs(claims[i].id, ClaimStatus.Paid);
      }
    });

    it("a hostile claim can still be cancelled by the maintainer, freeing its budget", async function () {
      const { pool, maintainer, keeper, claims } = await loadFixture(queueFixture);
      await expect(pool.connect(maintainer).cancelClaim(claims[1].id)).to.emit(pool, "ClaimCancelled").withArgs(claims[1].id);
      // 10 ETH line: 1 + 3 + 4 still reserved, 2 freed.
      expect((await pool.budgetLine(STIPEND)).left).to.equal(2n * ETH);
      await expect(pool.connect(keeper).payClaim(claims[1].id))
        .to.be.revertedWithCustomError(pool, "PoolClaimNotPending")
        .withArgs(claims[1].id, ClaimStatus.Cancelled);
    });

    it("a hostile reclaimer fails only its own reclaim (PoolReclaimFailed) and keeps its share for a retry", async function () {
      const [deployer, maintainer, alice] = await ethers.getSigners();
      const { factory } = await deployPotluck(ethers);
      const pool = await createPool(factory, deployer, defaultConfig(maintainer.address));
      const burner = await ethers.deployContract("GasGriefingPayee", [GasMode.Off, 0]);
      const burnerAddress = await burner.getAddress();
      await burner.execute(await pool.getAddress(), pool.interface.encodeFunctionData("give", [ETH]), ETH, { value: ETH });
      await giveEth(pool, alice, 3n * ETH);
      await pool.connect(maintainer).stepDown();
      await networkHelpers.time.increase(61n * DAY);
      await pool.windDown();
      await burner.setMode(GasMode.BurnGas, 0);
      await expect(burner.execute(await pool.getAddress(), pool.interface.encodeFunctionData("reclaim"), 0n, { gasLimit: 500_000 }))
        .to.be.revertedWithCustomError(pool, "PoolReclaimFailed")
        .withArgs(burnerAddress, ETH);
      await expect(pool.connect(alice).reclaim()).to.changeEtherBalances(ethers, [pool, alice], [-3n * ETH, 3n * ETH]);
      expect(await pool.reclaimable(burnerAddress)).to.equal(ETH);
      await burner.setMode(GasMode.Off, 0);
      await burner.execute(await pool.getAddress(), pool.interface.encodeFunctionData("reclaim"), 0n);
      expect(await ethers.provider.getBalance(await pool.getAddress())).to.equal(0n);
    });
  });

  describe("forced ETH (SELFDESTRUCT, no receive() can refuse it)", function () {
    async function force(to: string, value: bigint) {
      const ForceEther = await ethers.getContractFactory("ForceEther");
      await ForceEther.deploy(to, { value });
    }

    it("changes neither the ledger, nor the weights, nor the objection bar of a new claim", async function () {
      const { pool, maintainer, alice, bob, honest } = await loadFixture(queueFixture);
      const poolAddress = await pool.getAddress();
      await force(poolAddress, 100n * ETH);
      expect(await ethers.provider.getBalance(poolAddress)).to.equal(140n * ETH);
      expect(await pool.balance()).to.equal(40n * ETH);
      expect(await pool.totalGiven()).to.equal(40n * ETH);
      expect(await pool.totalWeight()).to.equal(40n * ETH);
      expect([await pool.weightOf(alice.address), await pool.weightOf(bob.address)]).to.deep.equal([10n * ETH, 30n * ETH]);
      const { id } = await file(pool, maintainer, 0n, ETH, honest.address, "after force");
      expect((await pool.claim(id))[0].toReject).to.equal(8n * ETH); // 20% of 40, not of 140
    });

    it("cannot pay a claim the ledger does not cover (PoolLedgerShort) until swept in; the sweep adds nobody's weight", async function () {
      const [deployer, maintainer, alice, payee, sweeper] = await ethers.getSigners();
      const { factory } = await deployPotluck(ethers);
      const pool = await createPool(factory, deployer, defaultConfig(maintainer.address));
      const poolAddress = await pool.getAddress();
      await giveEth(pool, alice, ETH);
      await nextEpoch(pool, networkHelpers);
      const { id, payableAt } = await file(pool, maintainer, STIPEND, 3n * ETH, payee.address);
      await force(poolAddress, 5n * ETH);
      await at(payableAt);
      await expect(pool.payClaim(id)).to.be.revertedWithCustomError(pool, "PoolLedgerShort").withArgs(id, ETH, 3n * ETH);
      await expect(pool.connect(sweeper).sweep()).to.emit(pool, "Swept").withArgs(sweeper.address, 5n * ETH);
      await expect(pool.payClaim(id)).to.changeEtherBalances(ethers, [pool, payee], [-3n * ETH, 3n * ETH]);
      expect(await pool.balance()).to.equal(3n * ETH);
      expect(await ethers.provider.getBalance(poolAddress)).to.equal(3n * ETH);
      await nextEpoch(pool, networkHelpers);
      expect(await pool.totalWeight()).to.equal(ETH);
      expect(await pool.weightOf(sweeper.address)).to.equal(0n);
    });

    it("forced into an ERC-20 pool, is not the pool's asset: nothing to sweep, the ledger ignores it", async function () {
      const [deployer, maintainer, alice] = await ethers.getSigners();
      const { factory } = await deployPotluck(ethers);
      const token = await ethers.deployContract("MockERC20", ["T", "T", 18]);
      const pool = await createPool(factory, deployer, defaultConfig(maintainer.address, { asset: await token.getAddress() }));
      const poolAddress = await pool.getAddress();
      await token.mint(alice.address, ETH);
      await token.connect(alice).approve(poolAddress, ETH);
      await pool.connect(alice).give(ETH);
      await force(poolAddress, 2n * ETH);
      expect(await ethers.provider.getBalance(poolAddress)).to.equal(2n * ETH);
      await expect(pool.sweep()).to.be.revertedWithCustomError(pool, "PoolNothingToSweep");
      expect(await pool.balance()).to.equal(ETH);
      expect(await pool.totalGiven()).to.equal(ETH);
    });

    it("forced after wind-down cannot be swept (PoolIsWoundDown) and changes no reclaim share", async function () {
      const [deployer, maintainer, alice, bob] = await ethers.getSigners();
      const { factory } = await deployPotluck(ethers);
      const pool = await createPool(factory, deployer, defaultConfig(maintainer.address));
      const poolAddress = await pool.getAddress();
      await giveEth(pool, alice, ETH);
      await giveEth(pool, bob, 2n * ETH);
      await pool.connect(maintainer).stepDown();
      await networkHelpers.time.increase(61n * DAY);
      await pool.windDown();
      expect((await pool.seat()).status).to.equal(SeatStatus.WoundDown);
      await force(poolAddress, 7n * ETH);
      await expect(pool.sweep()).to.be.revertedWithCustomError(pool, "PoolIsWoundDown");
      expect([await pool.reclaimable(alice.address), await pool.reclaimable(bob.address)]).to.deep.equal([ETH, 2n * ETH]);
      await pool.connect(alice).reclaim();
      await pool.connect(bob).reclaim();
      expect([...(await pool.windDownState())]).to.deep.equal([3n * ETH, 3n * ETH]);
      expect(await ethers.provider.getBalance(poolAddress)).to.equal(7n * ETH); // stranded, but nobody's share was touched
    });
  });
  describe("a claim whose payee is the pool itself (found by this catalogue, fixed in fileClaim)", function () {
    // Paid to itself, an ETH pool's receive() would credit the payout as a gift from the pool: the ledger would
    // look unchanged, but the pool would become a contributor whose weight nobody can use (raising every bar)
    // and whose reclaim share nobody can take. fileClaim now refuses the pool as payee.
    it("fileClaim refuses the pool as payee with PoolInvalidPayee(pool): no weight and no share for the pool", async function () {
      const [deployer, maintainer, alice] = await ethers.getSigners();
      const { factory } = await deployPotluck(ethers);
      const pool = await createPool(factory, deployer, defaultConfig(maintainer.address));
      const poolAddress = await pool.getAddress();
      await giveEth(pool, alice, 10n * ETH);
      await nextEpoch(pool, networkHelpers);
      await expect(pool.connect(maintainer).fileClaim(0n, 2n * ETH, poolAddress, ethers.id("to itself"), ""))
        .to.be.revertedWithCustomError(pool, "PoolInvalidPayee")
        .withArgs(poolAddress);
      expect(await pool.claimCount()).to.equal(0n);
      expect(await pool.receiptOf(claimIdOf(ethers.id("to itself")))).to.equal(ethers.ZeroHash);
      expect((await pool.contributionOf(poolAddress)).given).to.equal(0n);
      expect(await pool.totalWeight()).to.equal(10n * ETH);
      // At wind-down alice, the only donor, can take back everything the ledger holds.
      await pool.connect(maintainer).stepDown();
      await networkHelpers.time.increase(61n * DAY);
      await pool.windDown();
      const [left] = await pool.windDownState();
      expect(await pool.reclaimable(alice.address)).to.equal(left);
    });
  });
});
