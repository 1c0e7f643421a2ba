// A proposed change as what it changes. A proposal records, in `changes`, the fields whose proposed value
// differed from the one in force when it was proposed (PoolChanges), and applying it writes those fields only;
// the other fields of a proposal read 0. So a change is shown by its `changes` bits, never by comparing a
// whole snapshot with the rules or line in force now (another change may have been applied since).
import { formatBps, formatDuration, Parameter } from "@potluck/core";

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

// BudgetRules' bounds, for the checks the command line makes before it sends anything.
const MIN_DURATION = 3_600n; // 1 hour
const MAX_DURATION = 3_650n * 86_400n; // 10 years
const MAX_AMOUNT = 2n ** 96n - 1n;
/** A pool's most budget lines. */
export const MAX_LINES = 256;
const MAX_NAME_LENGTH = 64; // bytes
const BPS = 10_000n;

/**
 * `BudgetRules._checkLine`, in its order: the `PoolInvalidParameter` arguments a line would be refused with
 * (a name of 1 to 64 bytes, a cap below 2^96 and not 0 for a new line, a period of 1 hour to 10 years), or
 * undefined when the contract takes it.
 */
export function lineRefusal(line: LineFields, isNew: boolean): [number, bigint] | undefined {
  const length = BigInt(new TextEncoder().encode(line.name).length);
  if (length === 0n || length > BigInt(MAX_NAME_LENGTH)) return [Parameter.LineName, length];
  if (line.cap > MAX_AMOUNT || (isNew && line.cap === 0n)) return [Parameter.LineCap, line.cap];
  if (line.period < MIN_DURATION || line.period > MAX_DURATION) return [Parameter.LinePeriod, line.period];
  return undefined;
}

/**
 * `BudgetRules._checkRules`, in its order: the `PoolInvalidParameter` arguments rules would be refused with in
 * a pool whose epochs last `epochLength`, or undefined when the contract takes them. It also keeps every value
 * inside its field of `Rules` (uint32 durations, uint16 shares), so they can be encoded.
 */
export function rulesRefusal(r: RulesFields, epochLength: bigint): [number, bigint] | undefined {
  const durations = [
    [Parameter.ClaimDelay, r.claimDelay], [Parameter.RuleChangeDelay, r.ruleChangeDelay],
    [Parameter.InactivityPeriod, r.inactivityPeriod], [Parameter.VacancyPeriod, r.vacancyPeriod],
  ] as const;
  for (const [parameter, value] of durations) if (value < MIN_DURATION || value > MAX_DURATION) return [parameter, value];
  // The election an open seat starts must be able to vote before anyone may wind the pool down.
  if (r.vacancyPeriod < 2n * epochLength) return [Parameter.VacancyPeriod, r.vacancyPeriod];
  const shares = [
    [Parameter.ObjectionQuorumBps, r.objectionQuorumBps], [Parameter.ElectionQuorumBps, r.electionQuorumBps],
    [Parameter.RecallThresholdBps, r.recallThresholdBps],
  ] as const;
  for (const [parameter, value] of shares) if (value < 1n || value > BPS) return [parameter, value];
  return undefined;
}
