// @potluck/core's copy of the contracts' bounds (limits.ts), which the web app and the command line check before
// sending, read against the Solidity sources: a bound changed in a contract and not in core fails here.
import { expect } from "chai";
import { readFileSync } from "node:fs";
import path from "node:path";
import { BPS, MAX_AMOUNT, MAX_DURATION, MAX_EPOCH, MAX_LINES, MAX_NAME_LENGTH, MIN_DURATION, MIN_EPOCH } from "@potluck/core";
import { ROOT } from "../scripts/lib/session.js";

const UNITS: Record<string, bigint> = { seconds: 1n, minutes: 60n, hours: 3_600n, days: 86_400n, weeks: 604_800n };

/** The value of `uint256 <visibility> constant NAME = …;` in a contract's source: a number, a time, or type(uintN).max. */
function constantIn(file: string, name: string): bigint {
  const source = readFileSync(path.join(ROOT, "contracts", file), "utf8");
  const match = new RegExp(`constant ${name} = ([^;]+);`).exec(source);
  if (match === null) throw new Error(`${file} declares no constant ${name}`);
  const value = match[1].trim();
  const time = /^([\d_]+) (seconds|minutes|hours|days|weeks)$/.exec(value);
  if (time !== null) return BigInt(time[1].replace(/_/g, "")) * UNITS[time[2]];
  const max = /^type\(uint(\d+)\)\.max$/.exec(value);
  if (max !== null) return 2n ** BigInt(max[1]) - 1n;
  if (/^[\d_]+$/.test(value)) return BigInt(value.replace(/_/g, ""));
  throw new Error(`${file}: cannot read ${name} = ${value}`);
}

describe("the contracts' bounds in @potluck/core", function () {
  const cases: Array<[string, string, bigint | number]> = [
    ["pool/BudgetRules.sol", "MIN_DURATION", MIN_DURATION],
    ["pool/BudgetRules.sol", "MAX_DURATION", MAX_DURATION],
    ["pool/BudgetRules.sol", "MAX_LINES", MAX_LINES],
    ["pool/BudgetRules.sol", "MAX_NAME_LENGTH", MAX_NAME_LENGTH],
    ["pool/GivingRules.sol", "MAX_AMOUNT", MAX_AMOUNT],
    ["pool/GivingRules.sol", "BPS", BPS],
    ["PoolFactory.sol", "BPS", BPS],
    ["PoolFactory.sol", "MIN_EPOCH", MIN_EPOCH],
    ["PoolFactory.sol", "MAX_EPOCH", MAX_EPOCH],
  ];
  for (const [file, name, value] of cases) {
    it(`${name} is ${file}'s`, function () {
      expect(BigInt(value)).to.equal(constantIn(file, name));
    });
  }

  it("fails on a bound the source does not declare", function () {
    expect(() => constantIn("PoolFactory.sol", "NO_SUCH_BOUND")).to.throw(/declares no constant NO_SUCH_BOUND/);
  });
});
