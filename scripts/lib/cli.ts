// The frame every `pool:*` task runs in: build if needed, connect, find Potluck on the chain, run, and turn
// any failure a person can act on into one "Error: …" line with exit code 1 (no stack trace). Unexpected
// errors (bugs) are rethrown so Hardhat shows them in full.
import type { Interface } from "ethers";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { errorResult, successfulResult } from "hardhat/utils/result";
import { explainError, type ExplainContext } from "./errors.js";
import { chainNow, ensureArtifacts, loadErrorInterface, networkName, openConnection, openPotluck, type Potluck } from "./potluck.js";
import { session } from "./session.js";

export interface TaskContext {
  hre: HardhatRuntimeEnvironment;
  potluck: Potluck;
  /** Filled by the task as it learns things (the pool's asset, its lines) so errors read well. */
  explain: ExplainContext;
  out: (line: string) => void;
}

export type TaskResult = { success: true; value: undefined } | { success: false; error: string };

/**
 * Runs `body`, printing an error a person can act on as one "Error: …" line and returning a failed result
 * (exit code 1 from the CLI); anything else is a bug and is rethrown.
 */
export async function guard(
  explain: ExplainContext,
  body: (errors: (i: Interface) => void) => Promise<void>,
): Promise<TaskResult> {
  let errors: Interface | undefined;
  try {
    await body((i) => (errors = i));
    return successfulResult();
  } catch (error) {
    const message = explainError(error, errors, explain);
    if (message === undefined) throw error;
    session().err(`Error: ${message}`);
    return errorResult(message);
  }
}

/** Runs `body` against Potluck on the selected network (localhost by default). */
export async function runPotluckTask(
  hre: HardhatRuntimeEnvironment,
  body: (ctx: TaskContext) => Promise<void>,
  { readOnly = false } = {},
): Promise<TaskResult> {
  const explain: ExplainContext = { network: networkName(hre) };
  return guard(explain, async (setErrors) => {
    await ensureArtifacts(hre);
    setErrors(await loadErrorInterface(hre));
    const { connection, close } = await openConnection(hre, { readOnly });
    try {
      const potluck = await openPotluck(connection);
      explain.now = await chainNow(potluck.ethers);
      await body({ hre, potluck, explain, out: session().out });
    } finally {
      await close().catch(() => {});
    }
  });
}

/** Pads cells into aligned columns. */
export function table(rows: string[][], indent = "  "): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows.map((row) => indent + row.map((cell, i) => (i === row.length - 1 ? cell : cell + " ".repeat(widths[i] - [...cell].length))).join("  ").trimEnd());
}

export function short(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}
