// Attack catalogue: views after a wind-down say what is true then. No line pays (`budgetLine().left` is 0), no
// standing order can be collected and no pledge delivered (`carried()` reads 0 for the budget, the orders and the
// pledges, and keeps what was delivered), no petition can open a recall (`petition().threshold` reads
// type(uint256).max rather than 0, which would say any signature opens one), and nothing is matured for any
// ballot (`contributionOf().matured` is 0, like `weightOf`).
import { expect } from "chai";
import { network } from "hardhat";
import { DAY, ETH, SeatStatus, createPool, defaultConfig, deployPotluck, nextEpoch } from "../helpers/potluck.js";
import { kit } from "./shared.js";

const { ethers, networkHelpers } = await network.create();
const { loadFixture, time } = networkHelpers;
const { file } = kit(ethers, networkHelpers);

const MONTH = 30n * DAY;

/** A token pool with a standing order, an accepted pledge with one delivery, a pending claim; then wound down. */
async function fixture() {
  const [deployer, m, alice, bob, payee] = await ethers.getSigners();
  const { factory } = await deployPotluck(ethers);
  const token = await ethers.deployContract("MockERC20", ["Test USD", "TUSD", 18]);
  const pool = await createPool(factory, deployer, defaultConfig(m.address, { asset: await token.getAddress(), inKindWeightBps: 5_000 }));
  for (const who of [alice, bob]) {
    await token.mint(who.address, 1_000n * ETH);
    await token.connect(who).approve(await pool.getAddress(), ethers.MaxUint256);
  }
  await pool.connect(alice).give(100n * ETH);
  await pool.connect(bob).subscribe(10n * ETH, MONTH);
  await pool.collect(bob.address);
  await pool.connect(bob).pledge("a desk", ETH, MONTH, 6);
  await pool.connect(m).acceptPledge(0n);
  await pool.connect(m).recordDelivery(0n, 1);
  await nextEpoch(pool, networkHelpers);
  await file(pool, m, 0n, ETH, payee.address, "pending at the end");
  const before = {
    line: await pool.budgetLine(0n),
    carried: await pool.carried(),
    petition: await pool.petition(),
    alice: await pool.contributionOf(alice.address),
  };
  await pool.connect(m).stepDown();
  await time.increase(60n * DAY);
  await pool.windDown();
  return { pool, alice, bob, before };
}

describe("views after a wind-down", function () {
  it("the pool is live before: lines have cap left, orders and pledges are carried, the threshold is a share of weight", async function () {
    const { before } = await loadFixture(fixture);
    expect(before.line.left).to.equal(ETH); // 2 ETH cap, 1 ETH reserved
    expect(before.carried.recurringPerMonth).to.equal(10n * ETH);
    expect(before.carried.pledgedPerMonth).to.equal(ETH);
    expect(before.petition.threshold).to.be.greaterThan(0n);
    expect(before.alice.matured).to.equal(100n * ETH);
  });

  it("budgetLine().left is 0 on every line; name, cap and period stay as they were", async function () {
    const { pool, before } = await loadFixture(fixture);
    expect((await pool.seat()).status).to.equal(SeatStatus.WoundDown);
    for (const i of [0n, 1n]) expect((await pool.budgetLine(i)).left).to.equal(0n);
    const [name, cap, period] = await pool.budgetLine(0n);
    expect([name, cap, period]).to.deep.equal([before.line.name, before.line.cap, before.line.period]);
  });

  it("carried() counts no budget, no standing order and no pledge any more, only what was delivered", async function () {
    const { pool, bob } = await loadFixture(fixture);
    expect([...(await pool.carried())]).to.deep.equal([0n, 0n, 0n, ETH]);
    await expect(pool.collect(bob.address)).to.be.revertedWithCustomError(pool, "PoolIsWoundDown");
  });

  it("petition().threshold is type(uint256).max: no signature can open a recall", async function () {
    const { pool, alice } = await loadFixture(fixture);
    expect((await pool.petition()).threshold).to.equal(ethers.MaxUint256);
    await expect(pool.connect(alice).petitionRecall()).to.be.revertedWithCustomError(pool, "PoolSeatStatus").withArgs(SeatStatus.WoundDown);
  });

  it("contributionOf().matured is 0, like weightOf; given stays until reclaimed", async function () {
    const { pool, alice, bob } = await loadFixture(fixture);
    expect(await pool.contributionOf(alice.address)).to.deep.equal([100n * ETH, 0n]);
    expect(await pool.contributionOf(bob.address)).to.deep.equal([10n * ETH, 0n]);
    expect(await pool.weightOf(alice.address)).to.equal(0n);
    await pool.connect(alice).reclaim();
    expect(await pool.contributionOf(alice.address)).to.deep.equal([0n, 0n]);
  });
});
