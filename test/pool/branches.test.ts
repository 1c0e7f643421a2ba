// Branch arms the feature tests did not take (found by `npm run coverage`, which lists them): a standing
// order on a token that keeps the whole transfer as a fee, and the `proposal` view of an id never proposed.
import { expect } from "chai";
import { network } from "hardhat";
import type { MockERC20 } from "../../types/ethers-contracts/index.js";
import { BPS, DAY, createPool, defaultConfig, deployPotluck } from "../helpers/potluck.js";

const { ethers, networkHelpers } = await network.create();
const { loadFixture } = networkHelpers;

const TUSD = 10n ** 18n;
const MONTH = 30n * DAY;

/** A pool of a fee-on-transfer token, and a donor with a standing order whose first period is due. */
async function wholeFeeFixture() {
  const [deployer, maintainer, alice, keeper] = await ethers.getSigners();
  const { factory } = await deployPotluck(ethers);
  const token = await ethers.deployContract("FeeOnTransferToken", [
    "Fee",
    "FEE",
    18,
    0, // no fee yet
    ethers.ZeroAddress, // fees are burned
  ]);
  const pool = await createPool(factory, deployer, defaultConfig(maintainer.address, { asset: await token.getAddress() }));
  const poolAddress = await pool.getAddress();
  await (token as unknown as MockERC20).mint(alice.address, 1_000n * TUSD); // mints pay no fee
  await token.connect(alice).approve(poolAddress, ethers.MaxUint256);
  await pool.connect(alice).subscribe(10n * TUSD, MONTH);
  const [, , nextDue] = await pool.subscriptionOf(alice.address);
  // The token now keeps the whole of every transfer.
  await token.setFee(BPS);
  return { token, pool, poolAddress, alice, keeper, nextDue };
}

describe("PoolBranches", function () {
  describe("a standing order on a token that keeps the whole transfer as a fee", function () {
    it("collect reverts with PoolZeroAmount and leaves the order and the balances as they were", async function () {
      const { token, pool, poolAddress, alice, keeper, nextDue } = await loadFixture(wholeFeeFixture);
      await expect(pool.connect(keeper).collect(alice.address)).to.be.revertedWithCustomError(pool, "PoolZeroAmount");
      expect([...(await pool.subscriptionOf(alice.address))]).to.deep.equal([10n * TUSD, MONTH, nextDue]);
      expect(await token.balanceOf(alice.address)).to.equal(1_000n * TUSD);
      expect(await token.balanceOf(poolAddress)).to.equal(0n);
      expect(await pool.totalGiven()).to.equal(0n);
      expect((await pool.contributionOf(alice.address)).given).to.equal(0n);
    });
  });

  describe("proposal", function () {
    it("of an id never proposed reads as an empty proposal (status None) instead of reverting", async function () {
      const [deployer, maintainer] = await ethers.getSigners();
      const { factory } = await deployPotluck(ethers);
      const pool = await createPool(factory, deployer, defaultConfig(maintainer.address));
      await pool.connect(maintainer).proposeBudgetChange(0n, "hosting", 3n * TUSD, MONTH);
      expect(await pool.proposalCount()).to.equal(1n);
      expect((await pool.proposal(0n)).status).to.equal(1n); // Pending: the one that exists
      const p = await pool.proposal(1n);
      expect([p.kind, p.status, p.effectiveAt, p.line, p.toReject, p.cap, p.period, p.name]).to.deep.equal([
        0n, // ProposalKind.None
        0n, // ProposalStatus.None
        0n,
        0n,
        0n,
        0n,
        0n,
        "",
      ]);
      expect([...p.rules]).to.deep.equal([0n, 0n, 0n, 0n, 0n, 0n, 0n]);
    });
  });
});
