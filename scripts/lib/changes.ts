// A proposed change as what it changes. A proposal records, in `changes`, the fields whose proposed value
// differed from the one in force when it was proposed (PoolChanges), and applying it writes those fields only;
// the other fields of a proposal read 0. So a change is shown by its `changes` bits, never by comparing a
// whole snapshot with the rules or line in force now (another change may have been applied since).
import { formatBps, formatDuration } from "@potluck/core";

/** `Proposal.line` of a line that does not exist yet. */
export const NEW_LINE = 0xffffn;
/** `Proposal.changes` bits of a budget-line change. */
export const LINE_CHANGE = { name: 1n, cap: 2n, period: 4n } as const;
/** The fields of `Rules` in order: a rules change's bit i is the i-th. */
export const RULE_FIELDS = [
  ["claimDelay", "claim delay"],
  ["ruleChangeDelay", "notice for changes"],
  ["inactivityPeriod", "inactivity period"],
  ["vacancyPeriod", "vacancy period"],
  ["objectionQuorumBps", "objection quorum"],
  ["electionQuorumBps", "election quorum"],
  ["recallThresholdBps", "recall threshold"],
] as const;

export type RuleKey = (typeof RULE_FIELDS)[number][0];
export type RulesFields = Record<RuleKey, bigint>;
/** The `rules` of a proposal that is not a rules change: every field 0. */
export const NO_RULES = Object.fromEntries(RULE_FIELDS.map(([key]) => [key, 0n])) as RulesFields;
export interface LineFields { name: string; cap: bigint; period: bigint }
export interface ProposalFields { kind: bigint; line: bigint; changes: bigint; cap: bigint; period: bigint; name: string; rules: RulesFields }

const rule = (key: RuleKey, value: bigint) => (key.endsWith("Bps") ? formatBps(value) : formatDuration(value));

/** The rules a rules change sets, by their place in `Rules`. */
export function changedRuleKeys(changes: bigint): RuleKey[] {
  return RULE_FIELDS.filter((_, i) => (changes >> BigInt(i)) & 1n).map(([key]) => key);
}

/**
 * One line saying what a proposal changes, each field from its value in force now to the proposed one:
 * `line 0 "hosting": cap 2 ETH → 5 ETH`, `new line "design": 1 ETH per 14d`, `rules: claim delay 3d → 5d`.
 */
export function describeChange(p: ProposalFields, inForce: { lines: LineFields[]; rules: RulesFields }, money: (v: bigint) => string): string {
  if (p.kind === 2n) {
    const parts = changedRuleKeys(p.changes).map((key) => {
      const label = RULE_FIELDS.find(([k]) => k === key)![1];
      return `${label} ${rule(key, inForce.rules[key])} → ${rule(key, p.rules[key])}`;
    });
    return `rules: ${parts.join(", ")}`;
  }
  if (p.line === NEW_LINE) return `new line "${p.name}": ${money(p.cap)} per ${formatDuration(p.period)}`;
  const now = inForce.lines[Number(p.line)];
  const parts: string[] = [];
  if (p.changes & LINE_CHANGE.name) parts.push(`renamed "${p.name}"`);
  if (p.changes & LINE_CHANGE.cap) {
    parts.push(p.cap === 0n ? `closed (cap ${now === undefined ? "" : `${money(now.cap)} `}→ 0)` : `cap ${now === undefined ? "" : `${money(now.cap)} `}→ ${money(p.cap)}`);
  }
  if (p.changes & LINE_CHANGE.period) parts.push(`period ${now === undefined ? "" : `${formatDuration(now.period)} `}→ ${formatDuration(p.period)}`);
  return `line ${p.line}${now === undefined ? "" : ` "${now.name}"`}: ${parts.join(", ")}`;
}

/** `PoolChanges._lineChanges`: the bits of the fields of `proposed` that differ from the line in force. */
export function lineChanges(inForce: LineFields, proposed: LineFields): bigint {
  return (inForce.name !== proposed.name ? LINE_CHANGE.name : 0n) |
    (inForce.cap !== proposed.cap ? LINE_CHANGE.cap : 0n) |
    (inForce.period !== proposed.period ? LINE_CHANGE.period : 0n);
}

/** `PoolChanges.proposeRulesChange`: bit i when the i-th rule of `proposed` differs from the one in force. */
export function rulesChanges(inForce: RulesFields, proposed: RulesFields): bigint {
  return RULE_FIELDS.reduce((bits, [key], i) => (inForce[key] !== proposed[key] ? bits | (1n << BigInt(i)) : bits), 0n);
}

// The contract's bounds and its checks of a line and of rules are @potluck/core's (limits.ts), shared with the
// web app's forms.
export { lineRefusal, MAX_LINES, rulesRefusal } from "@potluck/core";
