import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ETH, explainedErrors, hasUnsafeCharacters, PARAMETERS, Parameter, sentenceFor } from "./index.ts";

const USD = { symbol: "mUSD", decimals: 6 };
const ID = BigInt("0x3f2a9c1d00000000000000000000000000000000000000000000000000000beef"); // a claim id: its receipt hash
const ALICE = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

describe("every custom error has a sentence", () => {
  it("covers each Pool* error declared in contracts/interfaces", () => {
    const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../contracts/interfaces");
    const names = readdirSync(dir)
      .filter((f) => f.endsWith(".sol"))
      .flatMap((f) => [...readFileSync(path.join(dir, f), "utf8").matchAll(/\berror\s+(Pool\w+)\s*\(/g)].map((m) => m[1]));
    expect(names.length).toBeGreaterThan(40);
    expect(names.filter((n) => !explainedErrors().includes(n))).toEqual([]);
  });
  it("has a rule for every Parameter", () => {
    expect(PARAMETERS).toHaveLength(Object.keys(Parameter).length);
  });
});

describe("sentenceFor", () => {
  it("writes amounts in the pool's asset and names the line", () => {
    expect(sentenceFor("PoolOverBudget", [1n, 50_000_000n, 20_000_000n], { asset: USD, lineName: () => "rent" }))
      .toBe('Budget line 1 ("rent") has only 20 mUSD left this period; the claim asks for 50 mUSD.');
    expect(sentenceFor("PoolOverBudget", [0n, 2n * 10n ** 18n, 15n * 10n ** 17n], { asset: ETH }))
      .toBe("Budget line 0 has only 1.5 ETH left this period; the claim asks for 2 ETH.");
  });
  it("says when, against the chain's clock", () => {
    expect(sentenceFor("PoolChallengeWindowOpen", [ID, 1_700_003_600n], { now: 1_700_000_000n, claimNumber: (id) => (id === ID ? 3 : undefined) }))
      .toBe("Claim #3 is still in its challenge window: it can be paid from 2023-11-14 23:13 UTC (in 1h).");
  });
  it("names a claim by its number when the pool's record knows it, else by its shortened id (the receipt hash)", () => {
    expect(sentenceFor("PoolUnknownClaim", [ID])).toBe("There is no claim 0x3f2a9c1d…beef in this pool.");
    expect(sentenceFor("PoolReceiptAlreadyFiled", [`0x${ID.toString(16)}`])).toBe("This receipt (keccak-256 0x3f2a9c1d…) was already filed in this pool: a receipt backs one claim only.");
  });
  it("tells a proposed change from a claim by the error, whatever the size of its id", () => {
    expect(sentenceFor("PoolAlreadyObjectedToChange", [4n, ALICE], { sender: ALICE.toLowerCase() })).toBe("You have already objected to proposed change #4.");
    expect(sentenceFor("PoolAlreadyObjected", [4n, ALICE], { sender: ALICE.toLowerCase() })).toBe(`You have already objected to claim 0x00000000…0004.`);
    expect(sentenceFor("PoolAlreadyObjected", [ID, ALICE], { claimNumber: () => 2 })).toBe(`${ALICE} has already objected to claim #2.`);
    expect(sentenceFor("PoolChallengeWindowClosed", [ID, 1_700_000_000n], { claimNumber: () => 7 }))
      .toBe("The challenge window of claim #7 closed at 2023-11-14 22:13 UTC: objections are no longer taken.");
    expect(sentenceFor("PoolChangeWindowClosed", [3n, 1_700_000_000n]))
      .toBe("The notice period of proposed change #3 ended at 2023-11-14 22:13 UTC: objections are no longer taken.");
    expect(sentenceFor("PoolChangesFrozen", [3n])).toBe("Proposed change #3 cannot be applied while a recall election runs: it can be once the election keeps the maintainer.");
    expect(sentenceFor("PoolPaymentsFrozen", [])).toMatch(/^Payments are frozen while a recall election runs/);
  });
  it("names the parameter that failed: a pledge's description is not a line's name", () => {
    expect(sentenceFor("PoolInvalidParameter", [18, 281n])).toBe("The pledge's description must be 1 to 280 bytes long (got 281 bytes).");
    expect(sentenceFor("PoolInvalidParameter", [15, 65n])).toBe("The budget line's name must be 1 to 64 bytes long (got 65 bytes).");
    expect(sentenceFor("PoolInvalidParameter", [16, 60n])).toMatch(/^The standing order's period must be between 1 hour and 10 years \(got /);
    expect(sentenceFor("PoolInvalidParameter", [17, 60n])).toMatch(/^The pledge's period must be between 1 hour and 10 years \(got /);
  });
  it("says you to the sender, and names anyone else by address, in full or short", () => {
    expect(sentenceFor("PoolNoWeight", [ALICE], { sender: ALICE })).toMatch(/^You have no matured weight/);
    expect(sentenceFor("PoolNoWeight", [ALICE])).toMatch(new RegExp(`^${ALICE} has no matured weight`));
    expect(sentenceFor("PoolNotMaintainer", [ALICE], { shortAddresses: true })).toBe("Only the pool's maintainer can do this, and 0x7099…79C8 is not the maintainer.");
    expect(sentenceFor("PoolNotMaintainer", [ALICE], { sender: ALICE })).toBe("Only the pool's maintainer can do this, and you are not the maintainer.");
  });
  it("names enums", () => {
    expect(sentenceFor("PoolClaimNotPending", [ID, 3], { claimNumber: () => 2 })).toBe("Claim #2 is no longer pending: it is rejected.");
    expect(sentenceFor("PoolSeatStatus", [2])).toBe("The maintainer's seat is open, which does not allow this.");
    expect(sentenceFor("PoolSeatStatus", [9])).toBe("The maintainer's seat is status 9, which does not allow this.");
    expect(sentenceFor("PoolElectionPhase", [0])).toBe("No election is open in this pool.");
    expect(sentenceFor("PoolInvalidParameter", [7, 20_000])).toBe("The objection quorum must be between 0.01% and 100% (got 200%).");
    expect(sentenceFor("PoolInvalidParameter", [2n, 60n])).toBe("The epoch length must be between 1 hour and 365 days (got 1m).");
  });
  it("reads an election's phase in the light of what was tried, naming the command where there is one", () => {
    expect(sentenceFor("PoolElectionPhase", [2], { action: "nominate" })).toMatch(/^Nominations are closed/);
    expect(sentenceFor("PoolElectionPhase", [2], { action: "finalize" })).toMatch(/still voting/);
    expect(sentenceFor("PoolElectionPhase", [2], { action: "windDown" })).toMatch(/cannot wind down/);
    expect(sentenceFor("PoolElectionPhase", [3], { action: "vote", commands: true })).toBe("Voting has ended: the election can be finalized (`pool:finalize`).");
    expect(sentenceFor("PoolElectionPhase", [3], { action: "vote" })).toBe("Voting has ended: the election can be finalized.");
  });
  it("names errors it has no sentence for, with their arguments", () => {
    expect(sentenceFor("Mystery", [7n])).toBe("The transaction reverted with Mystery(7).");
  });
  it("shows text a reverting contract or a pool's creator wrote inert", () => {
    const evil = "x\u001b[2J\u202eevil";
    expect(hasUnsafeCharacters(sentenceFor("Error", [evil]))).toBe(false);
    expect(hasUnsafeCharacters(sentenceFor("PoolOverBudget", [0n, 1n, 0n], { lineName: () => evil }))).toBe(false);
    expect(hasUnsafeCharacters(sentenceFor(evil, [evil]))).toBe(false);
  });
});
