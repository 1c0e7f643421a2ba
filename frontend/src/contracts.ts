// The app's only source of addresses and ABIs: the file scripts/generate-frontend.ts writes from the
// deployment records and the compiled artifacts (never copied by hand), picked for the configured chain.
import type { Address } from "viem";
import { deployments, erc20Abi, poolAbi, poolFactoryAbi } from "./generated/contracts";
import { chain } from "./wagmi";

export { erc20Abi, poolAbi, poolFactoryAbi };

/**
 * The pool's ABI with the token's errors: what every write to a pool is sent with, so a token's refusal inside
 * a pool call (an allowance too small, a balance too low) is decoded like the pool's own errors.
 */
export const poolWriteAbi = [...poolAbi, ...erc20Abi.filter((item) => item.type === "error")] as unknown as typeof poolAbi;

interface Deployed {
  address: Address;
  deployedOnBlock: number;
}

/** Potluck's contracts on the configured chain, or undefined if it is not deployed there. */
export const deployment = (deployments as unknown as Partial<Record<number, { PoolFactory: Deployed; MockUSD?: Deployed }>>)[chain.id];

/** Chains that have a deployment in the generated file (for the "not deployed here" message). */
export const deployedChainIds = Object.keys(deployments).map(Number);
