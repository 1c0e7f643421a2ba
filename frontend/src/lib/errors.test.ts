import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  BaseError, ContractFunctionExecutionError, ContractFunctionRevertedError, encodeErrorResult, InsufficientFundsError, parseAbi,
  UserRejectedRequestError,
} from "viem";
import { describe, expect, it } from "vitest";
import { explainError, sentenceFor, SENTENCES } from "./errors";

const USD = { symbol: "mUSD", decimals: 6 };
const abi = parseAbi([
  "error PoolOverBudget(uint256 line, uint256 amount, uint256 left)",
  "error PoolChallengeWindowOpen(uint256 claimId, uint256 payableAt)",
  "error PoolNoWeight(address who)",
  "function fileClaim(uint256 line, uint256 amount, address payee, bytes32 receiptHash, string receiptURI)",
]);

/** What viem throws when a write's simulation or gas estimate hits a custom error. */
function reverted(errorName: "PoolOverBudget" | "PoolChallengeWindowOpen" | "PoolNoWeight", args: readonly unknown[]) {
  // tsc needs the cast (args is typed per error name); the rule checks against the widened parameter type.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
  const data = encodeErrorResult({ abi, errorName, args } as never);
  const cause = new ContractFunctionRevertedError({ abi, data, functionName: "fileClaim" });
  return new ContractFunctionExecutionError(cause, { abi, functionName: "fileClaim", args: [] });
}

describe("every custom error has a sentence", () => {
  it("covers each Pool* error declared in contracts/interfaces", () => {
    const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../contracts/interfaces");
    const names = readdirSync(dir)
      .filter((f) => f.endsWith(".sol"))
      .flatMap((f) => [...readFileSync(path.join(dir, f), "utf8").matchAll(/\berror\s+(Pool\w+)\s*\(/g)].map((m) => m[1]));
    expect(names.length).toBeGreaterThan(40);
    expect(names.filter((n) => SENTENCES[n] === undefined)).toEqual([]);
  });
});

describe("sentenceFor", () => {
  const ID = BigInt("0x3f2a9c1d00000000000000000000000000000000000000000000000000000beef"); // a claim id: its receipt hash
  it("writes amounts in the pool's asset and names the line", () => {
    expect(sentenceFor("PoolOverBudget", [1n, 50_000_000n, 20_000_000n], { asset: USD, lineName: () => "rent" }))
      .toBe('The "rent" line has only 20 mUSD left this period; the claim asks for 50 mUSD.');
  });
  it("says when, against the chain's clock", () => {
    expect(sentenceFor("PoolChallengeWindowOpen", [ID, 1_700_003_600n], { now: 1_700_000_000n, claimNumber: (id) => (id === ID ? 3 : undefined) }))
      .toBe("Claim #3 is still in its challenge window: it can be paid from 2023-11-14 23:13 UTC (in 1h).");
  });
  it("names a claim by its number when the pool's record knows it, else by its shortened id (the receipt hash)", () => {
    expect(sentenceFor("PoolUnknownClaim", [ID])).toBe("There is no claim 0x3f2a9c1d…beef in this pool.");
    expect(sentenceFor("PoolAlreadyObjected", [4n, "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"])).toBe("You have already objected to proposed change #4.");
    expect(sentenceFor("PoolReceiptAlreadyFiled", [`0x${ID.toString(16)}`])).toBe("This receipt (keccak-256 0x3f2a9c1d…) was already filed in this pool: a receipt backs one claim only.");
  });
  it("names enums", () => {
    expect(sentenceFor("PoolClaimNotPending", [ID, 3], { claimNumber: () => 2 })).toBe("Claim #2 is no longer pending: it is rejected.");
    expect(sentenceFor("PoolSeatStatus", [2])).toBe("The maintainer's seat is open, which does not allow this.");
    expect(sentenceFor("PoolElectionPhase", [0])).toBe("No election is open in this pool.");
    expect(sentenceFor("PoolInvalidParameter", [7, 20_000])).toBe("The objection quorum must be between 0.01% and 100% (got 200%).");
  });
  it("falls back for an error it does not know", () => {
    expect(sentenceFor("SomethingElse", [])).toBe("The transaction was refused (SomethingElse).");
  });
});

describe("explainError", () => {
  it("decodes a custom error viem raised", () => {
    const e = explainError(reverted("PoolOverBudget", [0n, 5n * 10n ** 18n, 10n ** 18n]), { lineName: () => "hosting", asset: { symbol: "ETH", decimals: 18 } });
    expect(e.kind).toBe("reverted");
    expect(e.sentence).toBe('The "hosting" line has only 1 ETH left this period; the claim asks for 5 ETH.');
    expect(e.shortMessage).toContain("fileClaim");
  });
  it("recognizes a rejected signature", () => {
    const e = explainError(new UserRejectedRequestError(new Error("User rejected the request.")));
    expect(e).toMatchObject({ kind: "rejected", sentence: "You rejected the request in your wallet: nothing was sent." });
    expect(explainError(Object.assign(new Error("denied"), { code: 4001 })).kind).toBe("rejected");
  });
  it("recognizes too little ETH", () => {
    const e = explainError(new InsufficientFundsError({ cause: new BaseError("insufficient funds for gas * price + value") }));
    expect(e.kind).toBe("funds");
    expect(explainError(new Error("sender doesn't have enough funds: insufficient funds")).kind).toBe("funds");
  });
  it("keeps viem's short message for anything else", () => {
    expect(explainError(new BaseError("Something odd happened."))).toMatchObject({ kind: "other", sentence: "Something odd happened." });
  });
});
