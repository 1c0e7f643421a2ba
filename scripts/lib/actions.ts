// Small pieces the pool tasks share: opening the pool named on the command line (and teaching the error
// explainer its asset and lines), reading ids, and finding an event in a receipt.
import type { Log } from "ethers";
import type { TaskContext } from "./cli.js";
import { PotluckError } from "./errors.js";
import { openPool, type OpenPool } from "./potluck.js";
import { formatAmount } from "./units.js";

export async function poolFor(ctx: TaskContext, ref: string): Promise<OpenPool> {
  const opened = await openPool(ctx.potluck, ref);
  ctx.explain.asset = opened.asset;
  const count = Number(await opened.pool.lineCount());
  const names = await Promise.all(Array.from({ length: Math.min(count, 64) }, (_, i) => opened.pool.budgetLine(i).then((l) => l[0])));
  ctx.explain.lineName = (line) => names[Number(line)];
  return opened;
}

/** "3" or "#3" as a claim (or proposal, pledge) id. */
export function parseId(value: string, what = "claim"): bigint {
  const text = value.trim().replace(/^#/, "");
  if (!/^[0-9]+$/.test(text)) throw new PotluckError(`"${value}" is not a ${what} number (0, 1, …; see \`pool:status\`).`);
  return BigInt(text);
}

/** The first log of `name` the pool emitted among a receipt's logs, decoded. */
export function eventIn(opened: OpenPool, logs: readonly Log[], name: string) {
  for (const log of logs) {
    if (log.address.toLowerCase() !== opened.address.toLowerCase()) continue;
    try {
      const parsed = opened.pool.interface.parseLog(log);
      if (parsed?.name === name) return parsed;
    } catch {
      // not in the pool's ABI
    }
  }
  return undefined;
}

/** A weight as people read it: an amount of the asset (linear pools) or a plain number (quadratic ones). */
export async function weightFormatter(opened: OpenPool): Promise<(weight: bigint) => string> {
  const quadratic = (await opened.pool.weighting()) === 1n;
  return (weight) => (quadratic ? `${weight.toLocaleString("en-US")} (quadratic weight)` : formatAmount(weight, opened.asset));
}
