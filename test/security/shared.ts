// Shared by the attack catalogue (test/security/*.test.ts): constants mirrored from the contracts, and
// helpers bound to one test file's network connection (each file calls `network.create()` itself).
import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { NetworkHelpers } from "@nomicfoundation/hardhat-network-helpers/types";
import type { IPool } from "../../types/ethers-contracts/index.js";
import hre from "hardhat";
import { chain } from "../helpers/chain.js";
import { claimIdOf } from "../helpers/potluck.js";

/** `hardhat test --coverage` instruments the contracts: their gas figures then mean nothing. */
export const UNDER_COVERAGE = hre.globalOptions.coverage === true;

export { BPS, MAX_AMOUNT, MAX_DURATION, MAX_EPOCH, MIN_DURATION, MIN_EPOCH } from "../helpers/potluck.js";
export const ZERO = "0x0000000000000000000000000000000000000000";
/** OpenZeppelin's ReentrancyGuardTransient: its error, and the slot it uses (in transient storage only). */
export const GUARD_SELECTOR = "0x3ee5aeb5"; // bytes4(keccak256("ReentrancyGuardReentrantCall()"))
export const GUARD_SLOT = "0x9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f00";
export { ElectionKind, PledgeStatus, ProposalStatus } from "../helpers/potluck.js";
export const GasMode = { Off: 0, BurnGas: 1, ReturnBomb: 2, RevertBomb: 3 } as const; // GasGriefingPayee.Mode

export { list } from "../helpers/chain.js";

/**
 * A receipt hash for a label: the label's bytes, padded to 32. The hash is the claim's id and a receipt backs one
 * claim per pool, so distinct labels must give distinct hashes: a label longer than 32 bytes is refused rather
 * than cut. The padding is never zero (PoolInvalidReceipt).
 */
export function receiptHash(label: string): string {
  const bytes = Buffer.from(label.padEnd(32, "."));
  if (bytes.length > 32) throw new Error(`receipt label longer than 32 bytes: ${label}`);
  return `0x${bytes.toString("hex")}`;
}

export function kit(ethers: HardhatEthers, networkHelpers: NetworkHelpers) {
  const { time, latest, at, minedAt, gasOf, give: giveEth, epochStart } = chain(ethers, networkHelpers);

  /**
   * Files a claim and returns its id (its receipt hash as a number), its number (place in filing order), its
   * receipt hash and payableAt. Each claim of a pool needs its own `label`.
   */
  async function file(pool: IPool, maintainer: HardhatEthersSigner, line: bigint, amount: bigint, payee: string, label = "invoice") {
    const hash = receiptHash(label);
    await pool.connect(maintainer).fileClaim(line, amount, payee, hash, `ipfs://receipt/${label}`);
    const id = claimIdOf(hash);
    const [c] = await pool.claim(id);
    return { id, number: c.number, hash, payableAt: c.payableAt };
  }

  return { time, latest, at, minedAt, gasOf, giveEth, file, epochStart };
}
