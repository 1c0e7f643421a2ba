// Why a write failed, for people: viem's and the wallet's errors walked to the custom error they carry, which
// @potluck/core puts in words (the same sentences as the command line's, addresses shortened and "you" for the
// connected account); and the other ways a write fails (a rejected signature, too little ETH for gas).
import { sentenceFor, type SentenceContext } from "@potluck/core";

/** What a sentence may need beyond the error's own arguments (@potluck/core's context). */
export type ErrorContext = SentenceContext;

/** Why a write failed, for people: a sentence, and viem's short message when it adds something. */
export interface Explained {
  kind: "rejected" | "reverted" | "funds" | "network" | "other";
  sentence: string;
  shortMessage?: string;
}

interface ErrorLike {
  name?: string;
  code?: number;
  shortMessage?: string;
  message?: string;
  details?: string;
  cause?: unknown;
  /** `{ errorName, args }` when viem decoded the revert; raw revert data or anything else otherwise. */
  data?: unknown;
  reason?: string;
}

/** Walks an error's `cause` chain (viem nests the revert under ContractFunctionExecutionError). */
function chain(error: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  let e: unknown = error;
  for (let depth = 0; depth < 8 && e !== null && typeof e === "object"; depth++) {
    out.push(e);
    e = (e as ErrorLike).cause;
  }
  return out;
}

/** Turns what a write threw (viem / wagmi errors, wallet errors) into a readable sentence. */
export function explainError(error: unknown, ctx: ErrorContext = {}): Explained {
  const links = chain(error);
  const top = links[0] ?? {};
  const shortMessage = typeof top.shortMessage === "string" ? top.shortMessage : top.message?.split("\n")[0];
  for (const e of links) {
    const data = e.data as { errorName?: string; args?: readonly unknown[] } | undefined;
    if (e.name === "ContractFunctionRevertedError" && data !== undefined && typeof data === "object" && typeof data.errorName === "string") {
      return { kind: "reverted", sentence: sentenceFor(data.errorName, data.args ?? [], { shortAddresses: true, ...ctx }), shortMessage };
    }
  }
  const text = links.map((e) => `${e.name ?? ""} ${e.shortMessage ?? ""} ${e.details ?? ""} ${e.message ?? ""}`).join(" ");
  if (links.some((e) => e.code === 4001 || e.name === "UserRejectedRequestError") || /user (rejected|denied)|rejected the request/i.test(text)) {
    return { kind: "rejected", sentence: "You rejected the request in your wallet: nothing was sent.", shortMessage };
  }
  if (links.some((e) => e.name === "InsufficientFundsError") || /insufficient funds/i.test(text)) {
    return { kind: "funds", sentence: "Your account has not enough ETH to pay for this (the amount plus gas).", shortMessage };
  }
  if (links.some((e) => e.name === "ChainMismatchError") || /does not match the target chain/i.test(text)) {
    return { kind: "network", sentence: "Your wallet is on another network: switch to the pool's network and try again.", shortMessage };
  }
  if (links.some((e) => e.name === "HttpRequestError" || e.name === "TimeoutError") || /fetch failed|failed to fetch|ECONNREFUSED/i.test(text)) {
    return { kind: "network", sentence: "The network's node cannot be reached: check your connection (or that the local node runs).", shortMessage };
  }
  if (links.some((e) => e.name === "ContractFunctionRevertedError")) {
    return { kind: "reverted", sentence: "The contract refused the transaction without a reason.", shortMessage };
  }
  return { kind: "other", sentence: shortMessage ?? "Something went wrong.", shortMessage };
}
