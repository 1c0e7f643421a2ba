// Shared set-up for the mocha tests and the benchmark: deploy the implementation and the factory,
// create pools from a readable default config, and move the clock by epochs.
import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { bigintEnum, ENUMS, isqrt, Weighting } from "@potluck/core";
import type { NetworkHelpers } from "@nomicfoundation/hardhat-network-helpers/types";
import type { BudgetLineStruct, ConfigStruct } from "../../types/ethers-contracts/Pool.js";
import {
  type IPool,
  IPool__factory,
  type Pool,
  type PoolFactory,
} from "../../types/ethers-contracts/index.js";

export const HOUR = 3600n;
export const DAY = 24n * HOUR;
export const EPOCH = 7n * DAY;
export const ETH = 10n ** 18n;


// Constants mirrored from the contracts.
export const MAX_AMOUNT = 2n ** 96n - 1n; // PoolGiving.MAX_AMOUNT
export const BPS = 10_000n; // PoolGiving.BPS
export const MIN_DURATION = HOUR; // PoolBudget.MIN_DURATION
export const MAX_DURATION = 3650n * DAY; // PoolBudget.MAX_DURATION
export const MIN_EPOCH = HOUR; // PoolFactory.MIN_EPOCH
export const MAX_EPOCH = 365n * DAY; // PoolFactory.MAX_EPOCH

// The contracts' enums, once, from @potluck/core; as bigints where ethers returns them (uint8 reads).
export { Parameter, Weighting } from "@potluck/core";
export const WEIGHTINGS = [
  ["Linear", Weighting.Linear],
  ["Quadratic", Weighting.Quadratic],
] as const;
export const SeatStatus = bigintEnum(ENUMS.SeatStatus);
/** A claim's id is its receipt hash read as a number (`PoolBudget.fileClaim`: claims are stored under it). */
export const claimIdOf = (receiptHash: string): bigint => BigInt(receiptHash);
export const ClaimStatus = bigintEnum(ENUMS.ClaimStatus);
export const ElectionPhase = bigintEnum(ENUMS.ElectionPhase);
export const ElectionKind = bigintEnum(ENUMS.ElectionKind);
export const ProposalKind = bigintEnum(ENUMS.ProposalKind);
export const ProposalStatus = bigintEnum(ENUMS.ProposalStatus);
export const PledgeStatus = bigintEnum(ENUMS.PledgeStatus);

/** The rules of `defaultConfig()`: what a rules change starts from. */
export const DEFAULT_RULES = {
  claimDelay: 3n * DAY,
  ruleChangeDelay: 7n * DAY,
  inactivityPeriod: 90n * DAY,
  vacancyPeriod: 60n * DAY,
  objectionQuorumBps: 2_000,
  electionQuorumBps: 2_500,
  recallThresholdBps: 3_000,
};

export function defaultConfig(maintainer: string, overrides: Partial<ConfigStruct> = {}): ConfigStruct {
  return {
    asset: "0x0000000000000000000000000000000000000000",
    maintainer,
    metadataURI: "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi",
    epochLength: EPOCH,
    ...DEFAULT_RULES,
    inKindWeightBps: 0,
    weighting: Weighting.Linear,
    ...overrides,
  };
}

export function defaultLines(): BudgetLineStruct[] {
  return [
    { name: "hosting", cap: 2n * ETH, period: 30n * DAY },
    { name: "maintainer stipend", cap: 10n * ETH, period: 30n * DAY },
  ];
}

export async function deployPotluck(ethers: HardhatEthers) {
  const extension = await ethers.deployContract("PoolExtension");
  const implementation = await ethers.deployContract("Pool", [await extension.getAddress()]);
  const factory = await ethers.deployContract("PoolFactory", [
    await implementation.getAddress(),
  ]);
  return { implementation: implementation, extension, factory };
}

/**
 * Creates a pool and returns it as `IPool`: the pool's whole public face (core and extension), as clients
 * use it. Errors raised by OpenZeppelin code (not part of IPool) decode against `implementation`.
 */
export async function createPool(
  factory: PoolFactory,
  signer: HardhatEthersSigner,
  config: ConfigStruct,
  lines: BudgetLineStruct[] = defaultLines(),
): Promise<IPool> {
  const tx = await factory.connect(signer).createPool(config, lines);
  const receipt = await tx.wait();
  const event = receipt!.logs
    .map((log) => {
      try {
        return factory.interface.parseLog(log);
      } catch {
        return null;
      }
    })
    .find((parsed) => parsed?.name === "PoolCreated");
  return IPool__factory.connect(event!.args.pool as string, signer);
}

/** Moves the clock to the start of the next epoch of `pool` (plus `offset` seconds). */
export async function nextEpoch(pool: IPool | Pool, helpers: NetworkHelpers, offset = 1n) {
  const [genesis, length, epoch] = await Promise.all([pool.genesis(), pool.epochLength(), pool.epoch()]);
  await helpers.time.increaseTo(genesis + (epoch + 1n) * length + offset);
}

/** The pool's whole public face (core and extension) at its address, as clients use it. */
export function asIPool(pool: IPool | Pool): IPool {
  return IPool__factory.connect(pool.target as string, pool.runner);
}

export { isqrt } from "@potluck/core";

/** The weight a matured basis gives under `weighting`. */
export function weightFor(weighting: number, basis: bigint): bigint {
  return weighting === Weighting.Linear ? basis : isqrt(basis);
}
