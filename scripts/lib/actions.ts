// Small pieces the pool tasks share: opening the pool named on the command line (and teaching the error
// explainer its asset and lines), reading ids, finding an event in a receipt, and an election's schedule.
import type { Log } from "ethers";
import type { TaskContext } from "./cli.js";
import { formatAmount, formatCountdown, formatDate, inert, PotluckError } from "@potluck/core";
import { chainNow, openPool, type OpenPool } from "./potluck.js";

export async function poolFor(ctx: TaskContext, ref: string): Promise<OpenPool> {
  const opened = await openPool(ctx.potluck, ref);
  ctx.explain.asset = opened.asset;
  const count = Number(await opened.pool.lineCount());
  // Line names are the creator's text: inert wherever the tasks and the sentences print them.
  const names = await Promise.all(Array.from({ length: Math.min(count, 64) }, (_, i) => opened.pool.budgetLine(i).then((l) => inert(l[0], { max: 40 }))));
  ctx.explain.lineName = (line) => names[Number(line)];
  return opened;
}

/**
 * A budget line named on the command line: its number ("2", "#2") or its name as stored (in any case), as
 * `pool:claim` and `pool:propose-line` take it; refused in words when the pool has no such line. `orNew` adds
 * how to add one (`pool:propose-line new`) to the refusal.
 */
export async function lineFor(opened: OpenPool, value: string, { orNew = false } = {}): Promise<number> {
  const count = Number(await opened.pool.lineCount());
  const text = value.trim();
  if (/^#?[0-9]+$/.test(text)) {
    const line = Number(text.replace("#", ""));
    // The contract would read `line == lineCount()` in a proposal as adding a line: adding is said with `new`.
    if (line >= count) {
      throw new PotluckError(`${opened.entry.label} has no budget line ${line}: ${count === 0 ? "it has no lines" : `its lines are 0 to ${count - 1}`}.${orNew ? " Write `new` to add one." : ""}`);
    }
    return line;
  }
  const names = await Promise.all(Array.from({ length: count }, (_, i) => opened.pool.budgetLine(i).then((l) => l[0])));
  const line = names.findIndex((n) => n.toLowerCase() === text.toLowerCase());
  if (line < 0) {
    // What the pool's creator named the lines, as printed (inert); matching is on the names as stored.
    const shown = names.map((n, i) => `${i} ${inert(n, { max: 40 })}`).join(", ");
    throw new PotluckError(`${opened.entry.label} has no budget line named "${value}". Its lines: ${shown || "none"}${orNew ? " (or `new` to add one)" : ""}.`);
  }
  return line;
}

/** The pool's claims in filing order (a claim's number is its place here): ids from ClaimFiled. */
export async function filedClaims(opened: OpenPool) {
  const filed = await opened.pool.queryFilter(opened.pool.filters.ClaimFiled(), opened.entry.createdAtBlock);
  return filed.map((e) => ({ id: e.args.claimId, receiptURI: e.args.receiptURI }));
}

/**
 * A claim named on the command line: its number ("3", "#3", as `pool:status` lists them) or its id (the
 * receipt hash, 0x and 64 hex digits). Claims are stored under their receipt hash, so a number is looked up in
 * the pool's ClaimFiled events. Teaches the error explainer the claim's number.
 */
export async function claimIdFor(ctx: TaskContext, opened: OpenPool, value: string): Promise<{ id: bigint; number: number }> {
  const text = value.trim();
  const claims = await filedClaims(opened);
  let index: number;
  if (/^0x[0-9a-fA-F]{64}$/.test(text)) {
    index = claims.findIndex((c) => c.id === BigInt(text));
    if (index < 0) throw new PotluckError(`${opened.entry.label} has no claim with id ${text}.`);
  } else if (/^#?[0-9]+$/.test(text)) {
    index = Number(text.replace(/^#/, ""));
    if (index >= claims.length) {
      throw new PotluckError(`${opened.entry.label} has no claim #${index}: ${claims.length === 0 ? "no claim was filed yet" : `its claims are #0 to #${claims.length - 1}`}.`);
    }
  } else {
    throw new PotluckError(`"${value}" is not a claim: give its number (#3, see \`pool:status\`) or its id (0x and 64 hex digits).`);
  }
  const id = claims[index].id;
  ctx.explain.claimNumber = (c) => (c === id ? index : undefined);
  return { id, number: index };
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

/** The pool's election as one sentence, read now: when nominations close and voting runs, or where it stands. */
export async function electionSchedule(ctx: TaskContext, opened: OpenPool): Promise<string> {
  const [[id, phase, votingStartsAt, votingEndsAt], now] = await Promise.all([opened.pool.election(), chainNow(ctx.potluck.ethers)]);
  switch (phase) {
    case 1n:
      return `Election #${id} takes nominations (\`pool:nominate\`) until ${formatDate(votingStartsAt)} (${formatCountdown(votingStartsAt, now)}); ` +
        `voting runs from then to ${formatDate(votingEndsAt)}.`;
    case 2n:
      return `Election #${id} is voting (\`pool:vote\`) until ${formatDate(votingEndsAt)} (${formatCountdown(votingEndsAt, now)}).`;
    case 3n:
      return `Election #${id} ended its voting ${formatCountdown(votingEndsAt, now)}: anyone can finalize it (\`pool:finalize\`).`;
    default:
      return "No election is open.";
  }
}
