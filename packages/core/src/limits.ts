// The contracts' bounds, in one place for every check made before a transaction is sent (the web app's forms,
// the command line's tasks): each constant is the contract's of the same name (test/limits.test.ts reads them
// from the Solidity sources), and each check mirrors a revert, in the contract's order.
import { Parameter } from "./enums.ts";

/** BudgetRules.MIN_DURATION / MAX_DURATION: a line's period, a pledge's, and every rule's duration. */
export const MIN_DURATION = 3_600n;
export const MAX_DURATION = 3_650n * 86_400n;
/** BudgetRules.MAX_LINES: a pool's most budget lines. */
export const MAX_LINES = 256;
/** BudgetRules.MAX_NAME_LENGTH: a line's name, in bytes. */
export const MAX_NAME_LENGTH = 64;
/** GivingRules.MAX_AMOUNT: what a pool accounts up to, in all (type(uint96).max). */
export const MAX_AMOUNT = 2n ** 96n - 1n;
/** GivingRules.BPS / PoolFactory.BPS: 100 %, in basis points. */
export const BPS = 10_000n;
/** PoolFactory.MIN_EPOCH / MAX_EPOCH. */
export const MIN_EPOCH = 3_600n;
export const MAX_EPOCH = 365n * 86_400n;

/** A pool's rules, durations in seconds and shares in basis points (as numbers or bigints). */
export interface RuleValues {
  claimDelay: bigint; ruleChangeDelay: bigint; inactivityPeriod: bigint; vacancyPeriod: bigint;
  objectionQuorumBps: bigint | number; electionQuorumBps: bigint | number; recallThresholdBps: bigint | number;
}

/** What `PoolInvalidParameter(parameter, value)` a check refuses with; undefined when the contract takes it. */
export type Refusal = readonly [parameter: number, value: bigint] | undefined;

/**
 * `BudgetRules._checkRules`, in its order, for a pool whose epochs last `epochLength`: every duration from 1 hour
 * to 10 years, a vacancy of at least two epochs (an open seat's election must vote before anyone may wind the
 * pool down), every share from 1 basis point to 100 %.
 */
export function rulesRefusal(r: RuleValues, epochLength: bigint): Refusal {
  const durations = [
    [Parameter.ClaimDelay, r.claimDelay], [Parameter.RuleChangeDelay, r.ruleChangeDelay],
    [Parameter.InactivityPeriod, r.inactivityPeriod], [Parameter.VacancyPeriod, r.vacancyPeriod],
  ] as const;
  for (const [parameter, value] of durations) if (value < MIN_DURATION || value > MAX_DURATION) return [parameter, value];
  if (r.vacancyPeriod < 2n * epochLength) return [Parameter.VacancyPeriod, r.vacancyPeriod];
  const shares = [
    [Parameter.ObjectionQuorumBps, r.objectionQuorumBps], [Parameter.ElectionQuorumBps, r.electionQuorumBps],
    [Parameter.RecallThresholdBps, r.recallThresholdBps],
  ] as const;
  for (const [parameter, value] of shares) if (BigInt(value) < 1n || BigInt(value) > BPS) return [parameter, BigInt(value)];
  return undefined;
}

/**
 * `BudgetRules._checkLine`, in its order: a name of 1 to 64 bytes, a cap below 2^96 (and not 0 for a new line:
 * 0 closes one), a period of 1 hour to 10 years.
 */
export function lineRefusal(line: { name: string; cap: bigint; period: bigint }, isNew: boolean): Refusal {
  const length = BigInt(new TextEncoder().encode(line.name).length);
  if (length === 0n || length > BigInt(MAX_NAME_LENGTH)) return [Parameter.LineName, length];
  if (line.cap > MAX_AMOUNT || (isNew && line.cap === 0n)) return [Parameter.LineCap, line.cap];
  if (line.period < MIN_DURATION || line.period > MAX_DURATION) return [Parameter.LinePeriod, line.period];
  return undefined;
}
