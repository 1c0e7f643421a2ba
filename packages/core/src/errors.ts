// Every custom error the pool, the factory and the token can revert with, as one sentence a donor or a
// maintainer can act on. The command line (ethers) and the web app (viem) decode the revert their own way
// and both come here for the words; what differs between them is in `SentenceContext` (who "you" are, how
// addresses are printed, whether a command can be suggested).
import { CLAIM_STATUS, ELECTION_PHASE, PLEDGE_STATUS, PROPOSAL_STATUS, SEAT_STATUS, statusName } from "./enums.ts";
import { inert } from "./text.ts";
import { ETH, formatAmount, formatBps, formatCountdown, formatDate, formatDuration, shortAddress, type AssetUnits } from "./units.ts";

/** What a sentence may need beyond the error's own arguments. */
export interface SentenceContext {
  /** The pool's asset, to print amounts in it (else they are printed in base units). */
  asset?: AssetUnits;
  /** The chain's clock (latest block timestamp), for "in 2h" and "3m ago". */
  now?: bigint;
  /** A budget line's name, if known (chain text: shown inert). */
  lineName?: (line: bigint) => string | undefined;
  /** A claim's filing number ("#3") by its id, if known. */
  claimNumber?: (id: bigint) => number | undefined;
  /** The account that sent the transaction: sentences about it say "you". */
  sender?: string;
  /** Print addresses as "0x1234…abcd" (the web app) rather than in full (the command line). */
  shortAddresses?: boolean;
  /** The reader can run the command line's tasks: sentences name the one that helps (`pool:finalize`). */
  commands?: boolean;
  /** What was tried, for errors whose meaning depends on it (an election's phase). */
  action?: "nominate" | "vote" | "finalize" | "windDown";
}

type ParameterKind = "address" | "duration" | "bps" | "count" | "amount" | "bytes" | "enum";
/** `Parameter` in IPool.sol, in declaration order: a name for people, how to print its value, and its rule. */
export const PARAMETERS: ReadonlyArray<readonly [string, ParameterKind, string]> = [
  ["asset", "address", "must be ETH (the zero address) or a token contract on this chain"],
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
  ["budget line cap", "amount", "must be more than zero and fit in 96 bits"],
  ["budget line's period", "duration", "must be between 1 hour and 10 years"],
  ["budget line's name", "bytes", "must be 1 to 64 bytes long"],
  ["standing order's period", "duration", "must be between 1 hour and 10 years"],
  ["pledge's period", "duration", "must be between 1 hour and 10 years"],
  ["pledge's description", "bytes", "must be 1 to 280 bytes long"],
];

const big = (v: unknown): bigint =>
  typeof v === "bigint" ? v : typeof v === "number" || typeof v === "string" ? BigInt(v) : 0n;
const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function isSender(ctx: SentenceContext, who: unknown): boolean {
  return ctx.sender !== undefined && typeof who === "string" && who.toLowerCase() === ctx.sender.toLowerCase();
}
function address(ctx: SentenceContext, who: unknown): string {
  const text = typeof who === "string" ? who : `0x${big(who).toString(16).padStart(40, "0")}`;
  return ctx.shortAddresses === true ? shortAddress(text) : text;
}
/** "You have" for the sender, "0x… has" for anyone else. */
function has(ctx: SentenceContext, who: unknown): string {
  return isSender(ctx, who) ? "You have" : `${address(ctx, who)} has`;
}
/** " (`pool:finalize`)" when the reader has the command line. */
function command(ctx: SentenceContext, name: string): string {
  return ctx.commands === true ? ` (\`${name}\`)` : "";
}

function amountOf(ctx: SentenceContext, v: unknown): string {
  return ctx.asset === undefined ? `${big(v)} base units` : formatAmount(big(v), ctx.asset);
}
function when(ctx: SentenceContext, at: unknown): string {
  return ctx.now === undefined ? formatDate(big(at)) : `${formatDate(big(at))} (${formatCountdown(big(at), ctx.now)})`;
}

/** A claim as people name it: "claim #3" when its number is known, else its id (the receipt hash) shortened. */
export function claimLabel(id: unknown, ctx: SentenceContext = {}): string {
  const number = ctx.claimNumber?.(big(id));
  if (number !== undefined) return `claim #${number}`;
  const hex = `0x${big(id).toString(16).padStart(64, "0")}`;
  return `claim ${hex.slice(0, 10)}…${hex.slice(-4)}`;
}

function lineLabel(ctx: SentenceContext, l: unknown): string {
  const name = ctx.lineName?.(big(l));
  return name === undefined ? `Budget line ${big(l)}` : `Budget line ${big(l)} ("${inert(name, { max: 40 })}")`;
}

type Sentence = (args: readonly unknown[], ctx: SentenceContext) => string;

/** One sentence per custom error of IPool, IPoolFactory, the clones and the ERC-20 errors a gift can hit. */
const SENTENCES: Record<string, Sentence> = {
  PoolInvalidParameter: ([parameter, value], ctx) => {
    const [name, kind, rule] = PARAMETERS[Number(parameter)] ?? [`parameter ${String(parameter)}`, "count", "is out of range"];
    const shown =
      kind === "duration" ? formatDuration(big(value)) :
      kind === "bps" ? formatBps(big(value)) :
      kind === "amount" ? amountOf(ctx, value) :
      kind === "address" ? address(ctx, value) :
      kind === "bytes" ? `${big(value)} bytes` : String(value);
    return `The ${name} ${rule} (got ${shown}).`;
  },
  PoolAlreadyInitialized: () => "This pool is already set up.",
  PoolInvalidExtension: ([extension], ctx) => `The pool extension ${address(ctx, extension)} has no code on this chain.`,
  PoolZeroAmount: () => "The amount must be more than zero.",
  PoolWrongValue: ([value, amount], ctx) => `The transaction carries ${amountOf(ctx, value)} for a gift of ${amountOf(ctx, amount)}; they must match.`,
  PoolEthNotAccepted: ([value], ctx) =>
    `This pool holds ${ctx.asset?.symbol ?? "a token"}, not ETH: send no ETH with it (${formatAmount(big(value), ETH)} was sent).`,
  PoolNotTokenPool: () => "This is an ETH pool: standing orders and permits are for token pools only.",
  PoolAmountOverflow: ([total, max], ctx) => `That is too much: the total would be ${amountOf(ctx, total)}, and a pool accounts up to ${amountOf(ctx, max)}.`,
  PoolPermitFailed: ([allowance, needed], ctx) =>
    `The signed permit did not work and the pool may spend only ${amountOf(ctx, allowance)}; ${amountOf(ctx, needed)} is needed. Approve instead.`,
  PoolIsWoundDown: (_a, ctx) =>
    `This pool has wound down: gifts, claims and changes are over. Contributors can reclaim their share${command(ctx, "pool:reclaim")}.`,
  PoolNothingToSweep: () => "There are no stray funds to sweep: the pool holds exactly its ledger.",
  PoolNotMaintainer: ([caller], ctx) =>
    isSender(ctx, caller) ? "Only the pool's maintainer can do this, and you are not the maintainer."
      : `Only the pool's maintainer can do this, and ${address(ctx, caller)} is not the maintainer.`,
  PoolSeatStatus: ([status]) => `The maintainer's seat is ${statusName(SEAT_STATUS, big(status))}, which does not allow this.`,
  PoolUnknownLine: ([line, count]) =>
    `There is no budget line ${big(line)}: this pool has ${big(count)} line${big(count) === 1n ? "" : "s"}${big(count) > 0n ? ` (0 to ${big(count) - 1n})` : ""}.`,
  PoolOverBudget: ([line, amount, left], ctx) =>
    `${lineLabel(ctx, line)} has only ${amountOf(ctx, left)} left this period; the claim asks for ${amountOf(ctx, amount)}.`,
  PoolInvalidPayee: () => "The payee cannot be the zero address or the pool itself.",
  PoolInvalidReceipt: () => "A claim needs a receipt: its hash cannot be zero.",
  PoolReceiptAlreadyFiled: ([hash]) => `This receipt (keccak-256 ${String(hash).slice(0, 10)}…) was already filed in this pool: a receipt backs one claim only.`,
  PoolUnknownClaim: ([id], ctx) => `There is no ${claimLabel(id, ctx)} in this pool.`,
  PoolClaimNotPending: ([id, status], ctx) => `${capital(claimLabel(id, ctx))} is no longer pending: it is ${statusName(CLAIM_STATUS, big(status))}.`,
  PoolChallengeWindowOpen: ([id, at], ctx) => `${capital(claimLabel(id, ctx))} is still in its challenge window: it can be paid from ${when(ctx, at)}.`,
  PoolChallengeWindowClosed: ([id, at], ctx) => `The challenge window of ${claimLabel(id, ctx)} closed at ${when(ctx, at)}: objections are no longer taken.`,
  PoolAlreadyObjected: ([id, who], ctx) => `${has(ctx, who)} already objected to ${claimLabel(id, ctx)}.`,
  PoolNoWeight: ([who], ctx) =>
    `${has(ctx, who)} no matured weight in this pool: a gift counts from the start of the epoch after it was made.`,
  PoolPaymentsFrozen: () => "Payments are frozen while a recall election runs: the claim can be paid once the election keeps the maintainer.",
  PoolLedgerShort: ([id, balance, amount], ctx) =>
    `${capital(claimLabel(id, ctx))} asks for ${amountOf(ctx, amount)} but the pool's ledger holds ${amountOf(ctx, balance)}; it can be paid once gifts (or swept stray funds) cover it.`,
  PoolPaymentFailed: ([id, payee], ctx) => `The payee ${address(ctx, payee)} refused the payment of ${claimLabel(id, ctx)}; the claim stays pending.`,
  PoolUnknownProposal: ([id]) => `There is no proposed change #${big(id)} in this pool.`,
  PoolProposalNotPending: ([id, status]) => `Proposed change #${big(id)} is no longer pending: it is ${statusName(PROPOSAL_STATUS, big(status))}.`,
  PoolNoticePeriod: ([id, at], ctx) => `Proposed change #${big(id)} is still in its notice period: it can take effect from ${when(ctx, at)}.`,
  PoolChangeWindowClosed: ([id, at], ctx) =>
    `The notice period of proposed change #${big(id)} ended at ${when(ctx, at)}: objections are no longer taken.`,
  PoolAlreadyObjectedToChange: ([id, who], ctx) => `${has(ctx, who)} already objected to proposed change #${big(id)}.`,
  PoolChangesFrozen: ([id]) =>
    `Proposed change #${big(id)} cannot be applied while a recall election runs: it can be once the election keeps the maintainer.`,
  PoolChangesNothing: ([kind, line]) =>
    Number(kind) === 1 ? `Budget line ${big(line)} already has this name, cap and period: the change would change nothing.` : "These are the rules in force: the change would change nothing.",
  PoolClaimVoid: ([id], ctx) => `${capital(claimLabel(id, ctx))} is void (a recall or the wind-down voided it): it stays void, and objections are not taken.`,
  PoolPetitionsClosed: ([at], ctx) =>
    `The maintainer survived a recall, so petitions are paused (payouts run between recalls) until ${when(ctx, at)}.`,
  PoolMaintainerActive: ([at], ctx) => `The maintainer is active: the seat counts as abandoned only from ${when(ctx, at)}.`,
  PoolElectionOpen: ([id], ctx) => `Election #${big(id)} is already open: once its voting epoch is over, finalizing it${command(ctx, "pool:finalize")} closes it.`,
  PoolNoElection: () => "No election is open in this pool.",
  PoolElectionPhase: ([phase], ctx) => {
    const p = statusName(ELECTION_PHASE, big(phase));
    if (p === "none") return "No election is open in this pool.";
    switch (ctx.action) {
      case "nominate":
        return `Nominations are closed: the election is ${p} now.`;
      case "vote":
        return p === "nominating"
          ? `Voting has not started: the election is still nominating${ctx.commands === true ? " (see `pool:status` for when voting opens)" : ""}.`
          : `Voting has ended: the election can be finalized${command(ctx, "pool:finalize")}.`;
      case "finalize":
        return `The election is still ${p}: it can be finalized once its voting epoch has ended.`;
      case "windDown":
        return p === "voting"
          ? "An election is voting: the pool cannot wind down while it may fill the seat."
          : `The election has a winner: finalize it${command(ctx, "pool:finalize")} instead of winding down.`;
      default:
        return `The election is ${p} now, which does not allow this.`;
    }
  },
  PoolZeroCandidate: () => "The candidate cannot be the zero address.",
  PoolAlreadyNominated: ([candidate], ctx) => `${address(ctx, candidate)} is already nominated.`,
  PoolNotNominated: ([candidate], ctx) => `${address(ctx, candidate)} is not nominated in this election.`,
  PoolStatementNameTooLong: ([length, max]) => `A candidate's name may be at most ${big(max)} bytes long (got ${big(length)}).`,
  PoolStatementUriTooLong: ([length, max]) => `A candidate's statement URI may be at most ${big(max)} bytes long (got ${big(length)}): put a longer statement on IPFS.`,
  PoolStatementUriScheme: ([start]) => {
    // The first five bytes of what was sent (zero-padded): shown inert, they are the sender's text.
    const text = new TextDecoder().decode(Uint8Array.from(String(start).replace(/^0x/, "").match(/../g) ?? [], (h) => parseInt(h, 16))).replace(/\0+$/, "");
    return `A candidate's statement URI must start with "data:" or "ipfs:" (it starts with "${inert(text)}").`;
  },
  PoolAlreadyVoted: ([voter, id], ctx) => `${has(ctx, voter)} already voted in election #${big(id)}.`,
  PoolAlreadySigned: ([who, id], ctx) => `${has(ctx, who)} already signed recall petition #${big(id)}.`,
  PoolVacancyNotExpired: ([at], ctx) => `The seat has not been open long enough: the pool can wind down from ${when(ctx, at)}.`,
  PoolNotWoundDown: () => "This pool has not wound down: there is nothing to reclaim yet.",
  PoolNothingToReclaim: ([who], ctx) => `${has(ctx, who)} nothing to reclaim here (never gave, or already reclaimed).`,
  PoolReclaimFailed: ([who, amount], ctx) =>
    `The transfer of ${amountOf(ctx, amount)} to ${isSender(ctx, who) ? "you" : address(ctx, who)} failed; the share stays reclaimable.`,
  PoolNoSubscription: ([who], ctx) => `${has(ctx, who)} no standing order in this pool.`,
  PoolNotDue: ([who, at], ctx) =>
    `The standing order of ${isSender(ctx, who) ? "yours" : address(ctx, who)} is not due yet: the next gift can be collected from ${when(ctx, at)}.`,
  PoolCollectFailed: ([who, amount], ctx) => `Could not collect ${amountOf(ctx, amount)} from ${address(ctx, who)}: the donor's allowance or balance is too low.`,
  PoolUnknownPledge: ([id]) => `There is no pledge #${big(id)} in this pool.`,
  PoolPledgeStatus: ([id, status]) => `Pledge #${big(id)} is ${statusName(PLEDGE_STATUS, big(status))}, which does not allow this.`,
  PoolNotPledger: ([id, who], ctx) => `Only the peer who made pledge #${big(id)} can do this, and ${isSender(ctx, who) ? "you did not" : `${address(ctx, who)} did not`}.`,
  PoolTooManyDeliveries: ([id, delivered, periods]) => `Pledge #${big(id)} offered ${big(periods)} periods; recording ${big(delivered)} would be too many.`,
  PoolFactoryInvalidImplementation: ([impl], ctx) => `The pool implementation ${address(ctx, impl)} has no code on this chain.`,
  PoolFactoryIndexOutOfRange: ([index, count]) => `There is no pool #${big(index)}: the factory has created ${big(count)}.`,
  ERC20InsufficientAllowance: ([spender, allowance, needed], ctx) =>
    `${address(ctx, spender)} may spend only ${amountOf(ctx, allowance)} of the tokens; ${amountOf(ctx, needed)} is needed (approve it first).`,
  ERC20InsufficientBalance: ([who, balance, needed], ctx) =>
    `${isSender(ctx, who) ? "You hold" : `${address(ctx, who)} holds`} only ${amountOf(ctx, balance)}; ${amountOf(ctx, needed)} is needed.`,
  ERC2612ExpiredSignature: () => "The permit's signature expired: sign again.",
  ERC2612InvalidSigner: () => "The permit was signed by another account: sign again with this one.",
  SafeERC20FailedOperation: ([token], ctx) => `The token ${address(ctx, token)} refused the transfer.`,
  ReentrancyGuardReentrantCall: () => "The pool refused a re-entrant call.",
  CloneArgumentsTooLong: () => "The pool's fixed parameters do not fit in a clone.",
  FailedDeployment: () => "The factory could not create the pool's clone.",
  InsufficientBalance: ([balance, needed]) => `The contract holds ${big(balance)} and needs ${big(needed)}.`,
  SafeCastOverflowedUintDowncast: ([bits, value]) => `The number ${big(value)} is too large: the pool keeps it in ${big(bits)} bits.`,
  // A reason string is whatever the reverting contract (a token, say) wrote: chain text, shown inert.
  Error: ([reason]) => `The transaction reverted: ${inert(String(reason), { max: 200 })}`,
  Panic: ([code]) => `The transaction hit a Solidity panic (code 0x${big(code).toString(16)}).`,
};

/** The errors that have a sentence of their own. */
export function explainedErrors(): string[] {
  return Object.keys(SENTENCES);
}

/** The sentence for a decoded custom error (a generic one, naming it, for an error this table does not know). */
export function sentenceFor(name: string, args: readonly unknown[] = [], ctx: SentenceContext = {}): string {
  const sentence = SENTENCES[name];
  if (sentence !== undefined) return sentence(args, ctx);
  return `The transaction reverted with ${inert(name, { max: 64 })}(${[...args].map((a) => inert(String(a), { max: 80 })).join(", ")}).`;
}
