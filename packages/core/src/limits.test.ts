import { describe, expect, it } from "vitest";
import { Parameter } from "./enums.ts";
import { BPS, lineRefusal, MAX_AMOUNT, MAX_DURATION, MIN_DURATION, rulesRefusal, type RuleValues } from "./limits.ts";

const HOUR = 3_600n;
const DAY = 24n * HOUR;
const rules = (over: Partial<RuleValues> = {}): RuleValues => ({
  claimDelay: 3n * DAY, ruleChangeDelay: 7n * DAY, inactivityPeriod: 90n * DAY, vacancyPeriod: 60n * DAY,
  objectionQuorumBps: 2_000, electionQuorumBps: 2_500n, recallThresholdBps: 3_000, ...over,
});

describe("rulesRefusal (BudgetRules._checkRules)", () => {
  it("takes rules inside every bound, shares as numbers or bigints", () => {
    expect(rulesRefusal(rules(), 7n * DAY)).toBeUndefined();
    expect(rulesRefusal(rules({ claimDelay: MIN_DURATION, inactivityPeriod: MAX_DURATION, objectionQuorumBps: 1, recallThresholdBps: BPS }), HOUR)).toBeUndefined();
  });
  it("refuses the first rule out of bounds, in the contract's order", () => {
    expect(rulesRefusal(rules({ claimDelay: MIN_DURATION - 1n, vacancyPeriod: 0n }), DAY)).toEqual([Parameter.ClaimDelay, MIN_DURATION - 1n]);
    expect(rulesRefusal(rules({ inactivityPeriod: MAX_DURATION + 1n }), DAY)).toEqual([Parameter.InactivityPeriod, MAX_DURATION + 1n]);
    expect(rulesRefusal(rules({ electionQuorumBps: 0 }), DAY)).toEqual([Parameter.ElectionQuorumBps, 0n]);
    expect(rulesRefusal(rules({ recallThresholdBps: 10_001 }), DAY)).toEqual([Parameter.RecallThresholdBps, 10_001n]);
  });
  it("wants a vacancy of two epochs at least: an open seat's election must vote before the pool may wind down", () => {
    expect(rulesRefusal(rules({ vacancyPeriod: 14n * DAY }), 7n * DAY)).toBeUndefined();
    expect(rulesRefusal(rules({ vacancyPeriod: 14n * DAY - 1n }), 7n * DAY)).toEqual([Parameter.VacancyPeriod, 14n * DAY - 1n]);
  });
});

describe("lineRefusal (BudgetRules._checkLine)", () => {
  const line = { name: "hosting", cap: 10n ** 18n, period: 30n * DAY };
  it("takes a line inside every bound; a cap of 0 closes an existing line but cannot open one", () => {
    expect(lineRefusal(line, true)).toBeUndefined();
    expect(lineRefusal({ ...line, cap: 0n }, false)).toBeUndefined();
    expect(lineRefusal({ ...line, cap: 0n }, true)).toEqual([Parameter.LineCap, 0n]);
  });
  it("counts a name's bytes, not its characters", () => {
    expect(lineRefusal({ ...line, name: "é".repeat(32) }, true)).toBeUndefined();
    expect(lineRefusal({ ...line, name: "é".repeat(33) }, true)).toEqual([Parameter.LineName, 66n]);
    expect(lineRefusal({ ...line, name: "" }, true)).toEqual([Parameter.LineName, 0n]);
  });
  it("refuses a cap past what a pool accounts and a period out of bounds, in that order", () => {
    expect(lineRefusal({ ...line, cap: MAX_AMOUNT + 1n, period: 0n }, false)).toEqual([Parameter.LineCap, MAX_AMOUNT + 1n]);
    expect(lineRefusal({ ...line, period: MAX_DURATION + 1n }, false)).toEqual([Parameter.LinePeriod, MAX_DURATION + 1n]);
  });
});
