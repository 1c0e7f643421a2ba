// Every custom error the pool, the factory and the token can revert with, as a sentence a donor or a
// maintainer can act on; and the other ways a write fails (a rejected signature, too little ETH for gas).
import { formatAmount, formatBps, formatCountdown, formatDate, formatDuration, shortAddress, type Asset } from "./format";

/** What a sentence may need beyond the error's own arguments. */
export interface ErrorContext {
  asset?: Pick<Asset, "symbol" | "decimals">;
  /** The chain's clock, for "in 2h". */
  now?: bigint;
  lineName?: (line: bigint) => string | undefined;
  /** A claim's filing number ("#3") by its id, if known. */
  claimNumber?: (id: bigint) => number | undefined;
}

export const CLAIM_STATUS = ["none", "pending", "paid", "rejected", "cancelled", "void"] as const;
export const SEAT_STATUS = ["filled", "under recall", "open", "wound down"] as const;
export const ELECTION_PHASE = ["none", "nominating", "voting", "counting"] as const;
export const PLEDGE_STATUS = ["none", "offered", "accepted", "declined", "withdrawn", "completed"] as const;
export const PROPOSAL_STATUS = ["none", "pending", "applied", "rejected", "cancelled"] as const;

/** `Parameter` in IPool.sol, in declaration order. */
const PARAMETERS: Array<[string, "address" | "duration" | "bps" | "count" | "amount" | "bytes" | "enum", string]> = [
  ["asset", "address", "must be ETH or a token contract on this chain"],
  ["maintainer", "address", "cannot be the zero address"],
  ["epoch length", "duration", "must be between 1 hour and 365 days"],
  ["claim delay", "duration", "must be between 1 hour and 10 years"],
  ["rule change delay", "duration", "must be between 1 hour and 10 years"],
  ["inactivity period", "duration", "must be between 1 hour and 10 years"],
  ["vacancy period", "duration", "must be between 1 hour and 10 years, and at least two epochs"],
  ["objection quorum", "bps", "must be between 0.01% and 100%"],
  ["election quorum", "bps", "must be between 0.01% and 100%"],
  ["recall threshold", "bps", "must be between 0.01% and 100%"],
  ["in-kind weight", "bps", "must be at most 100%"],
  ["weighting", "enum", "must be linear or quadratic"],
  ["number of budget lines", "count", "must be at most 256"],
  ["budget line cap", "amount", "must be more than zero"],
  ["period", "duration", "must be between 1 hour and 10 years"],
  ["name or description", "bytes", "must be 1 to 64 bytes long (a pledge's description up to 280)"],
];

const big = (v: unknown): bigint =>
  typeof v === "bigint" ? v : typeof v === "number" || typeof v === "string" ? BigInt(v) : 0n;
const who = (v: unknown): string => shortAddress(String(v));
const named = (names: readonly string[], v: unknown): string => names[Number(v)] ?? `status ${String(v)}`;

type Sentence = (args: readonly unknown[], ctx: ErrorContext) => string;

function amountOf(ctx: ErrorContext, v: unknown): string {
  return ctx.asset === undefined ? `${big(v)} base units` : formatAmount(big(v), ctx.asset, { maxDecimals: 6 });
}
function when(ctx: ErrorContext, at: unknown): string {
  return ctx.now === undefined ? formatDate(big(at)) : `${formatDate(big(at))} (${formatCountdown(big(at), ctx.now)})`;
}
/** A claim as people name it: "claim #3" when its number is known, else its id (the receipt hash) shortened. */
export function claimLabel(ctx: ErrorContext, id: unknown): string {
  const number = ctx.claimNumber?.(big(id));
  if (number !== undefined) return `claim #${number}`;
  const hex = `0x${big(id).toString(16).padStart(64, "0")}`;
  return `claim ${hex.slice(0, 10)}…${hex.slice(-4)}`;
}
/** An id that may be a claim's (a receipt hash) or a proposed change's (a small number). */
function ballotLabel(ctx: ErrorContext, id: unknown): string {
  return big(id) < 2n ** 32n ? `proposed change #${big(id)}` : claimLabel(ctx, id);
}
const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function lineLabel(ctx: ErrorContext, l: unknown): string {
  const name = ctx.lineName?.(big(l));
  return name === undefined ? `Budget line ${big(l)}` : `The "${name}" line`;
}

/** One sentence per custom error of IPool, IPoolFactory and the ERC-20 errors a gift can hit. */
export const SENTENCES: Record<string, Sentence> = {
  PoolInvalidParameter: ([parameter, value], ctx) => {
    const [name, kind, rule] = PARAMETERS[Number(parameter)] ?? [`parameter ${String(parameter)}`, "count", "is out of range"];
    const shown = kind === "duration" ? formatDuration(big(value)) : kind === "bps" ? formatBps(big(value))
      : kind === "amount" ? amountOf(ctx, value) : kind === "bytes" ? `${big(value)} bytes` : String(value);
    return `The ${name} ${rule} (got ${shown}).`;
  },
  PoolAlreadyInitialized: () => "This pool is already set up.",
  PoolZeroAmount: () => "The amount must be more than zero.",
  PoolWrongValue: ([value, amount], ctx) => `The transaction carries ${amountOf(ctx, value)} for a gift of ${amountOf(ctx, amount)}; they must match.`,
  PoolEthNotAccepted: () => "This pool holds a token, not ETH: send no ETH to it.",
  PoolNotTokenPool: () => "This is an ETH pool: standing orders and permits are for token pools only.",
  PoolAmountOverflow: () => "That amount is more than a pool can account for.",
  PoolPermitFailed: ([allowance, needed], ctx) =>
    `The signed permit did not work and the pool may spend only ${amountOf(ctx, allowance)} of your tokens; ${amountOf(ctx, needed)} is needed. Approve instead.`,
  PoolIsWoundDown: () => "This pool has wound down: gifts, claims and changes are over. Contributors can reclaim their share.",
  PoolNothingToSweep: () => "There are no stray funds to sweep into the pool.",
  PoolNotMaintainer: ([caller]) => `Only the pool's maintainer can do this, and ${who(caller)} is not the maintainer.`,
  PoolSeatStatus: ([status]) => `The maintainer's seat is ${named(SEAT_STATUS, status)}, which does not allow this.`,
  PoolUnknownLine: ([line, count]) => `There is no budget line ${big(line)}: the pool has ${big(count)}.`,
  PoolOverBudget: ([line, amount, left], ctx) =>
    `${lineLabel(ctx, line)} has only ${amountOf(ctx, left)} left this period; the claim asks for ${amountOf(ctx, amount)}.`,
  PoolInvalidPayee: () => "The payee cannot be the zero address or the pool itself.",
  PoolInvalidReceipt: () => "A claim needs a receipt: its hash cannot be zero.",
  PoolReceiptAlreadyFiled: ([hash]) => `This receipt (keccak-256 ${String(hash).slice(0, 10)}…) was already filed in this pool: a receipt backs one claim only.`,
  PoolUnknownClaim: ([id], ctx) => `There is no ${claimLabel(ctx, id)} in this pool.`,
  PoolClaimNotPending: ([id, status], ctx) => `${capital(claimLabel(ctx, id))} is no longer pending: it is ${named(CLAIM_STATUS, status)}.`,
  PoolChallengeWindowOpen: ([id, at], ctx) => `${capital(claimLabel(ctx, id))} is still in its challenge window: it can be paid from ${when(ctx, at)}.`,
  PoolClaimVoid: ([id], ctx) => `${capital(claimLabel(ctx, id))} is void (a recall or the wind-down voided it): it stays void, and objections are not taken.`,
  PoolChallengeWindowClosed: ([id, at], ctx) => `The challenge window of ${ballotLabel(ctx, id)} closed at ${when(ctx, at)}: objections are no longer taken.`,
  PoolAlreadyObjected: ([id], ctx) => `You have already objected to ${ballotLabel(ctx, id)}.`,
  PoolNoWeight: () => "You have no matured weight in this pool yet: a gift counts from the start of the epoch after it was made.",
  PoolPaymentsFrozen: () => "Payments and changes are frozen while a recall election runs.",
  PoolLedgerShort: ([id, balance, amount], ctx) =>
    `${capital(claimLabel(ctx, id))} asks for ${amountOf(ctx, amount)} but the pool's ledger holds ${amountOf(ctx, balance)}; it can be paid once gifts (or swept stray funds) cover it.`,
  PoolPaymentFailed: ([id, payee], ctx) => `The payee ${who(payee)} refused the payment of ${claimLabel(ctx, id)}; the claim stays pending.`,
  PoolUnknownProposal: ([id]) => `There is no proposed change #${big(id)} in this pool.`,
  PoolProposalNotPending: ([id, status]) => `Proposed change #${big(id)} is no longer pending: it is ${named(PROPOSAL_STATUS, status)}.`,
  PoolNoticePeriod: ([id, at], ctx) => `Proposed change #${big(id)} is still in its notice period: it can take effect from ${when(ctx, at)}.`,
  PoolMaintainerActive: ([at], ctx) => `The maintainer is active: the seat counts as abandoned only from ${when(ctx, at)}.`,
  PoolElectionOpen: ([id]) => `Election #${big(id)} is already open (once its voting epoch is over, finalizing it closes it).`,
  PoolNoElection: () => "No election is open in this pool.",
  PoolElectionPhase: ([phase]) =>
    Number(phase) === 0 ? "No election is open in this pool." : `The election is ${named(ELECTION_PHASE, phase)} now, which does not allow this.`,
  PoolZeroCandidate: () => "The candidate cannot be the zero address.",
  PoolAlreadyNominated: ([candidate]) => `${who(candidate)} is already nominated.`,
  PoolNotNominated: ([candidate]) => `${who(candidate)} is not nominated in this election.`,
  PoolAlreadyVoted: ([, id]) => `You have already voted in election #${big(id)}.`,
  PoolAlreadySigned: ([, id]) => `You have already signed recall petition #${big(id)}.`,
  PoolPetitionsClosed: ([at], ctx) =>
    `The maintainer survived a recall, so petitions are paused (payouts run between recalls) until ${when(ctx, at)}.`,
  PoolVacancyNotExpired: ([at], ctx) => `The seat has not been open long enough: the pool can wind down from ${when(ctx, at)}.`,
  PoolNotWoundDown: () => "This pool has not wound down: there is nothing to reclaim.",
  PoolNothingToReclaim: () => "You have nothing to reclaim here (you never gave, or you already reclaimed).",
  PoolReclaimFailed: ([, amount], ctx) => `The transfer of ${amountOf(ctx, amount)} to you failed; your share stays reclaimable.`,
  PoolNoSubscription: () => "You have no standing order in this pool.",
  PoolNotDue: ([, at], ctx) => `This standing order is not due yet: the next gift can be collected from ${when(ctx, at)}.`,
  PoolCollectFailed: ([, amount], ctx) => `Could not collect ${amountOf(ctx, amount)}: the donor's allowance or balance is too low.`,
  PoolUnknownPledge: ([id]) => `There is no pledge #${big(id)} in this pool.`,
  PoolPledgeStatus: ([id, status]) => `Pledge #${big(id)} is ${named(PLEDGE_STATUS, status)}, which does not allow this.`,
  PoolNotPledger: ([id]) => `Only the peer who made pledge #${big(id)} can withdraw it.`,
  PoolTooManyDeliveries: ([id, delivered, periods]) => `Pledge #${big(id)} offered ${big(periods)} periods; ${big(delivered)} would be too many.`,
  PoolFactoryInvalidImplementation: () => "The factory's pool implementation has no code on this chain.",
  PoolFactoryIndexOutOfRange: ([index, count]) => `There is no pool #${big(index)}: the factory has created ${big(count)}.`,
  ERC20InsufficientAllowance: ([, allowance, needed], ctx) =>
    `The pool may spend only ${amountOf(ctx, allowance)} of your tokens and ${amountOf(ctx, needed)} is needed: approve it first.`,
  ERC20InsufficientBalance: ([, balance, needed], ctx) => `You hold only ${amountOf(ctx, balance)}; ${amountOf(ctx, needed)} is needed.`,
  ERC2612ExpiredSignature: () => "The permit's signature expired: sign again.",
  ERC2612InvalidSigner: () => "The permit was signed by another account: sign again with this one.",
  SafeERC20FailedOperation: () => "The token refused the transfer.",
  ReentrancyGuardReentrantCall: () => "The pool refused a re-entrant call.",
};

/** The sentence for a decoded custom error (a generic one for an error this table does not know). */
export function sentenceFor(errorName: string, args: readonly unknown[] = [], ctx: ErrorContext = {}): string {
  const sentence = SENTENCES[errorName];
  if (sentence !== undefined) return sentence(args, ctx);
  return `The transaction was refused (${errorName}).`;
}

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
      if (data.errorName === "Error" && Array.isArray(data.args)) return { kind: "reverted", sentence: `The transaction was refused: ${String(data.args[0])}`, shortMessage };
      return { kind: "reverted", sentence: sentenceFor(data.errorName, data.args ?? [], ctx), shortMessage };
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
