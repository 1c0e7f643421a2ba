import {
  BaseError, ContractFunctionExecutionError, ContractFunctionRevertedError, encodeErrorResult, InsufficientFundsError, parseAbi,
  UserRejectedRequestError,
} from "viem";
import { describe, expect, it } from "vitest";
import { explainError } from "./errors";

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

describe("explainError", () => {
  it("decodes a custom error viem raised", () => {
    const e = explainError(reverted("PoolOverBudget", [0n, 5n * 10n ** 18n, 10n ** 18n]), { lineName: () => "hosting", asset: { symbol: "ETH", decimals: 18 } });
    expect(e.kind).toBe("reverted");
    expect(e.sentence).toBe('Budget line 0 ("hosting") has only 1 ETH left this period; the claim asks for 5 ETH.');
    expect(e.shortMessage).toContain("fileClaim");
  });
  it("says you to the connected account and shortens other addresses", () => {
    const who = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    expect(explainError(reverted("PoolNoWeight", [who]), { sender: who }).sentence).toMatch(/^You have no matured weight in this pool/);
    expect(explainError(reverted("PoolNoWeight", [who])).sentence).toMatch(/^0x7099…79C8 has no matured weight in this pool/);
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
