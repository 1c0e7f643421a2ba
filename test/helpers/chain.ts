// Helpers every mocha test file shares, declared once: plain values of an ethers `Result`, and the clock and
// receipts of one test file's network connection (each file calls `network.create()` itself, so its chain and
// its fixtures' snapshots are its own).
import type { ContractTransactionResponse } from "ethers";
import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { NetworkHelpers } from "@nomicfoundation/hardhat-network-helpers/types";
import type { IPool } from "../../types/ethers-contracts/index.js";
import { DAY } from "./potluck.js";

/** The plain values of a multi-value return (an ethers `Result`), nested ones too, for deep comparisons. */
export function list(result: readonly unknown[]): unknown[] {
  return [...result].map((v) => (Array.isArray(v) ? list(v) : v));
}

/** Helpers bound to one connection's provider and clock. */
export function chain(ethers: HardhatEthers, networkHelpers: NetworkHelpers) {
  const { time } = networkHelpers;

  async function latest(): Promise<bigint> {
    return BigInt(await time.latest());
  }

  /**
   * Makes the next transaction (and the gas estimate that precedes it) run at exactly `t`: a block is mined at
   * `t - 1` first, so both readings of "the pending block" agree on `t`.
   */
  async function at(t: bigint) {
    if ((await latest()) < t - 1n) await time.increaseTo(t - 1n);
    await time.setNextBlockTimestamp(t);
  }

  /** The block timestamp a transaction was mined at. */
  async function minedAt(tx: Promise<ContractTransactionResponse> | ContractTransactionResponse): Promise<bigint> {
    const receipt = await (await tx).wait();
    const block = await ethers.provider.getBlock(receipt!.blockNumber);
    return BigInt(block!.timestamp);
  }

  async function gasOf(tx: Promise<ContractTransactionResponse> | ContractTransactionResponse): Promise<bigint> {
    return (await (await tx).wait())!.gasUsed;
  }

  /** The start of epoch `e` of `pool`. */
  async function epochStart(pool: IPool, e: bigint): Promise<bigint> {
    return (await pool.genesis()) + e * (await pool.epochLength());
  }

  /** Sends `value` wei as a gift from `who`. */
  async function give(pool: IPool, who: HardhatEthersSigner, value: bigint) {
    await pool.connect(who).give(value, { value });
  }

  /** Steps the maintainer down and winds the pool down once the vacancy period has passed unfilled. */
  async function windDown(pool: IPool, maintainer: HardhatEthersSigner) {
    await pool.connect(maintainer).stepDown();
    await time.increase(61n * DAY); // vacancyPeriod is 60 days; the vacancy election ended with no vote
    await pool.windDown();
  }

  return { time, latest, at, minedAt, gasOf, epochStart, give, windDown };
}
