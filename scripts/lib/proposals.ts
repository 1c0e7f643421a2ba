// What the change tasks share (`pool:propose-line`, `pool:propose-rules`, `pool:object-change`,
// `pool:cancel-change`, `pool:apply-change`): the contract's refusals checked from its views before anything is
// sent (each in the sentence the revert would decode to), a proposal named on the command line, and what a
// change does once made.
import type { Log } from "ethers";
import type { TaskContext } from "./cli.js";
import { eventIn, poolFor, weightFormatter } from "./actions.js";
import { describeChange, NO_RULES, RULE_FIELDS, type LineFields, type ProposalFields, type RulesFields } from "./changes.js";
import { formatAmount, formatCountdown, formatDate, inert, PotluckError, ProposalStatus, SeatStatus, sentenceFor } from "@potluck/core";
import { chainNow, signerFor, type OpenPool } from "./potluck.js";

/** The sentence a custom error of the pool decodes to, thrown before sending what would revert with it. */
export function refusal(ctx: TaskContext, error: string, args: readonly unknown[]): PotluckError {
  return new PotluckError(sentenceFor(error, args, { commands: true, ...ctx.explain }));
}

/**
 * Refuses, as `onlyActiveMaintainer` would, unless `who` holds the seat and it is filled (not open, under
 * recall or wound down): proposing a change needs both. `cancelChange` asks only the first (`seat: false`).
 */
export async function checkMaintainer(ctx: TaskContext, opened: OpenPool, who: string, { seat = true } = {}): Promise<void> {
  const [maintainer, [status]] = await Promise.all([opened.pool.maintainer(), opened.pool.seat()]);
  if (maintainer.toLowerCase() !== who.toLowerCase()) throw refusal(ctx, "PoolNotMaintainer", [who]);
  if (seat && status !== BigInt(SeatStatus.Filled)) throw refusal(ctx, "PoolSeatStatus", [status]);
}

/** A proposal's fields as `describeChange` reads them. */
export function proposalFields(p: Awaited<ReturnType<OpenPool["pool"]["proposal"]>>): ProposalFields {
  return {
    kind: p.kind,
    line: p.line,
    changes: p.changes,
    cap: p.cap,
    period: p.period,
    name: p.name,
    rules: Object.fromEntries(RULE_FIELDS.map(([key]) => [key, p.rules[key]])) as RulesFields,
  };
}

/** The rules in force, by their keys in `Rules`. */
export async function rulesInForce(opened: OpenPool): Promise<RulesFields> {
  const rules = await opened.pool.rules();
  return Object.fromEntries(RULE_FIELDS.map(([key]) => [key, rules[key]])) as RulesFields;
}

/**
 * What a proposal changes, in one line (`line 0 "hosting": cap 0.3 ETH → 0.5 ETH`), from the line or rules
 * in force now. Only the line it is about is read; its name is shown inert.
 */
export async function describeProposal(opened: OpenPool, p: ProposalFields): Promise<string> {
  const lines: LineFields[] = [];
  if (p.kind === 1n && p.line < BigInt(await opened.pool.lineCount())) {
    const [name, cap, period] = await opened.pool.budgetLine(p.line);
    lines[Number(p.line)] = { name: inert(name, { max: 40 }), cap, period };
  }
  const rules = p.kind === 2n ? await rulesInForce(opened) : NO_RULES;
  return describeChange({ ...p, name: inert(p.name, { max: 40 }) }, { lines, rules }, (v) => formatAmount(v, opened.asset));
}

/**
 * A proposed change named on the command line by its number ("2", "#2", as `pool:status` lists them), read
 * with its status as the pool sees it now (a change a recall or the wind-down voided reads cancelled).
 */
export async function proposalFor(opened: OpenPool, value: string) {
  const text = value.trim();
  if (!/^#?[0-9]+$/.test(text)) throw new PotluckError(`"${value}" is not a proposed change: give its number (#2, see \`pool:status\`).`);
  const id = BigInt(text.replace(/^#/, ""));
  const count = await opened.pool.proposalCount();
  if (id >= count) {
    throw new PotluckError(`${opened.entry.label} has no proposed change #${id}: ${count === 0n ? "no change was proposed yet" : `its changes are #0 to #${count - 1n}`}.`);
  }
  const p = await opened.pool.proposal(id);
  return { id, p, fields: proposalFields(p) };
}

/** Refuses, as `objectToChange` and `cancelChange` would, a change that is no longer pending. */
export function checkPending(ctx: TaskContext, id: bigint, status: bigint): void {
  if (status !== BigInt(ProposalStatus.Pending)) throw refusal(ctx, "PoolProposalNotPending", [id, status]);
}

/**
 * What `pool:object-change` and `pool:apply-change` start with: the pool and the proposal named on the command
 * line, the account that signs, and the first refusal both calls share (the change must still be pending).
 */
export async function pendingProposal(ctx: TaskContext, ref: string, proposal: string, from: string) {
  const opened = await poolFor(ctx, ref);
  const { id, p, fields } = await proposalFor(opened, proposal);
  const signer = await signerFor(ctx.potluck, from);
  checkPending(ctx, id, p.status);
  return { opened, id, p, fields, signer };
}

/** After a proposal is mined: its number, when it can take effect, and how contributors can stop it. */
export async function printProposed(ctx: TaskContext, opened: OpenPool, logs: readonly Log[]): Promise<void> {
  const proposed = eventIn(opened, logs, "ChangeProposed");
  if (proposed === undefined) throw new PotluckError("The transaction was mined but the pool reported no proposed change.");
  const id = proposed.args.proposalId as bigint;
  const [p, now, weight] = await Promise.all([opened.pool.proposal(id), chainNow(ctx.potluck.ethers), weightFormatter(opened)]);
  ctx.out(`  Change #${id} takes effect from ${formatDate(p.effectiveAt)} (${formatCountdown(p.effectiveAt, now)}), once anyone applies it (\`pool:apply-change ${opened.entry.index} ${id}\`).`);
  ctx.out(`  Until then contributors can object (\`pool:object-change ${opened.entry.index} ${id}\`): ${weight(p.toReject)} of weight rejects it.`);
  ctx.out(`  You can withdraw it meanwhile (\`pool:cancel-change ${opened.entry.index} ${id}\`).`);
}

/** The maintainer a `--calldata` transaction is for; refuses when the seat is open (no one could send it). */
export async function maintainerToSend(opened: OpenPool): Promise<string> {
  const maintainer = await opened.pool.maintainer();
  if (BigInt(maintainer) === 0n) throw new PotluckError(`${opened.entry.label} has no maintainer: the seat is open, so there is no one to send this.`);
  return maintainer;
}
