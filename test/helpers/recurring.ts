// Set-up shared by the standing-order tests (test/pool/subscriptions.test.ts) and the pledge tests
// (test/pool/pledges.test.ts): an ERC-20 pool with funded donors, a pool whose contributions in kind earn
// weight, and helpers that fund donors and open a recall. `recurringKit` binds them to a test file's own
// network connection.
import { expect } from "chai";
import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { NetworkHelpers } from "@nomicfoundation/hardhat-network-helpers/types";
import type { BudgetLineStruct } from "../../types/ethers-contracts/Pool.js";
import type { IPool, MockERC20, PoolFactory } from "../../types/ethers-contracts/index.js";
import { list } from "./chain.js";
import { DAY, SeatStatus, Weighting, createPool, defaultConfig, defaultLines, deployPotluck, nextEpoch } from "./potluck.js";

// ---------------------------------------------------------------- constants mirrored from the contracts

export const MAX_CATCH_UP = 3n; // PoolSubscriptions.MAX_CATCH_UP
export const MONTH = 30n * DAY; // PoolSubscriptions.MONTH, the unit of `carried()`
export const MAX_DESCRIPTION_LENGTH = 280; // PoolPledges.MAX_DESCRIPTION_LENGTH, bytes
export const TUSD = 10n ** 18n; // one unit of the 18-decimal test token

export const BUILD_MACHINE = "4 idle cores of a build machine, nights and weekends";

/** A snapshot of everything a collection could change for `donor`, to show a failed one changed nothing. */
export async function recurringState(pool: IPool, token: { balanceOf(a: string): Promise<bigint> }, donor: string) {
  const poolAddress = await pool.getAddress();
  return {
    subscription: list(await pool.subscriptionOf(donor)),
    contribution: list(await pool.contributionOf(donor)),
    totalGiven: await pool.totalGiven(),
    balance: await pool.balance(),
    carried: list(await pool.carried()),
    donorTokens: await token.balanceOf(donor),
    poolTokens: await token.balanceOf(poolAddress),
  };
}

export async function tokenPool(
  factory: PoolFactory,
  deployer: HardhatEthersSigner,
  maintainer: HardhatEthersSigner,
  asset: string,
  overrides: Parameters<typeof defaultConfig>[1] = {},
  lines: BudgetLineStruct[] = defaultLines(),
): Promise<IPool> {
  return createPool(factory, deployer, defaultConfig(maintainer.address, { asset, ...overrides }), lines);
}

/** The recurring tests' helpers and fixtures, bound to `ethers` and `networkHelpers` of one connection. */
export function recurringKit(ethers: HardhatEthers, networkHelpers: NetworkHelpers) {






  /** Gives `who` tokens and lets `pool` pull them. */
  async function fund(token: MockERC20, pool: IPool, who: HardhatEthersSigner, amount = 1_000_000n * TUSD) {
    await token.mint(who.address, amount);
    await token.connect(who).approve(await pool.getAddress(), ethers.MaxUint256);
  }


  /** Opens a recall: `donor` (the only contributor, matured) signs a petition that reaches the threshold. */
  async function recall(pool: IPool, donor: HardhatEthersSigner) {
    await pool.connect(donor).give(100n * TUSD);
    await nextEpoch(pool, networkHelpers);
    await pool.connect(donor).petitionRecall();
    expect((await pool.seat()).status).to.equal(SeatStatus.Recall);
  }

  // ---------------------------------------------------------------- fixtures

  async function subscriptionsFixture() {
    const [deployer, maintainer, alice, bob, carol, dave, keeper] = await ethers.getSigners();
    const { implementation, factory } = await deployPotluck(ethers);
    const token = await ethers.deployContract("MockERC20", ["Test USD", "TUSD", 18]);
    const tokenAddress = await token.getAddress();
    const pool = await tokenPool(factory, deployer, maintainer, tokenAddress);
    const ethPool = await createPool(factory, deployer, defaultConfig(maintainer.address));
    for (const who of [alice, bob, carol, dave]) await fund(token, pool, who);
    return { implementation, factory, token, tokenAddress, pool, ethPool, deployer, maintainer, alice, bob, carol, dave, keeper };
  }

  async function pledgesFixture() {
    const [deployer, maintainer, alice, bob, carol, dave, stranger] = await ethers.getSigners();
    const { factory } = await deployPotluck(ethers);
    const token = await ethers.deployContract("MockERC20", ["Test USD", "TUSD", 18]);
    const tokenAddress = await token.getAddress();
    const pool = await tokenPool(factory, deployer, maintainer, tokenAddress, { inKindWeightBps: 5_000 });
    const quadPool = await tokenPool(factory, deployer, maintainer, tokenAddress, {
      inKindWeightBps: 5_000,
      weighting: Weighting.Quadratic,
    });
    const plainPool = await tokenPool(factory, deployer, maintainer, tokenAddress); // inKindWeightBps 0
    for (const p of [pool, quadPool, plainPool]) for (const who of [alice, bob, carol]) await fund(token, p, who);
    return { factory, token, pool, quadPool, plainPool, deployer, maintainer, alice, bob, carol, dave, stranger };
  }

  return { fund, recall, subscriptionsFixture, pledgesFixture };
}
