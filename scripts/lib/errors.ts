// Errors people can act on. `PotluckError` is a message meant for the person at the prompt (no stack
// trace); `explainError` turns what a chain, a node or Hardhat threw (custom errors from the IPool ABI,
// unreachable nodes, missing keys) into one readable sentence, or returns undefined for a real bug.
import { Interface, type ErrorFragment, type Result } from "ethers";
import { ETH, formatAmount, formatBps, formatCountdown, formatDate, formatDuration, type AssetInfo } from "./units.js";

/** An error whose message is written for the user: the CLI prints it without a stack trace. */
export class PotluckError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PotluckError";
  }
}

/** What a sentence may need beyond the error's own arguments. */
export interface ExplainContext {
  /** The pool's asset, to print amounts in it. */
  asset?: AssetInfo;
  /** The chain's clock (latest block timestamp), for "in 2h" and "3m ago". */
  now?: bigint;
  /** A budget line's name, if known. */
  lineName?: (line: bigint) => string | undefined;
  /** A claim's filing number ("#3") by its id, if known. */
  claimNumber?: (id: bigint) => number | undefined;
  /** The network's name, for hints. */
  network?: string;
  /** What the user tried, for errors whose meaning depends on it (an election's phase). */
  action?: "nominate" | "vote" | "finalize" | "windDown";
}

// Enums of the public interface, in declaration order (contracts/types and IPool.sol).
export const ClaimStatusName = ["none", "pending", "paid", "rejected", "cancelled", "void"] as const;
export const SeatStatusName = ["filled", "under recall", "open", "wound down"] as const;
export const ElectionPhaseName = ["none", "nominating", "voting", "counting"] as const;
export const PledgeStatusName = ["none", "offered", "accepted", "declined", "withdrawn", "completed"] as const;
export const ProposalStatusName = ["none", "pending", "applied", "rejected", "cancelled"] as const;

type ParameterKind = "address" | "duration" | "bps" | "count" | "amount" | "bytes" | "enum";
/** `Parameter` in IPool.sol, in order: a name for people and how to print its value. */
const PARAMETERS: Array<[string, ParameterKind, string]> = [
  ["asset", "address", "must be address(0) for ETH or a token contract on this chain"],
  ["maintainer", "address", "cannot be the zero address"],
  ["epoch length", "duration", "must be between 1h and 365d"],
  ["claim delay", "duration", "must be between 1h and 3650d"],
  ["rule change delay", "duration", "must be between 1h and 3650d"],
  ["inactivity period", "duration", "must be between 1h and 3650d"],
  ["vacancy period", "duration", "must be between 1h and 3650d, and at least two epochs"],
  ["objection quorum", "bps", "must be between 0.01% and 100%"],
  ["election quorum", "bps", "must be between 0.01% and 100%"],
  ["recall threshold", "bps", "must be between 0.01% and 100%"],
  ["in-kind weight", "bps", "must be at most 100%"],
  ["weighting", "enum", "must be linear or quadratic"],
  ["number of budget lines", "count", "must be at most 256"],
  ["budget line cap", "amount", "must be more than zero and fit in 96 bits"],
  ["period", "duration", "must be between 1h and 3650d"],
  ["name or description", "bytes", "must be 1 to 64 bytes (a pledge's description up to 280)"],
];

/** A claim as people name it: "claim #3" when its number is known, else its id (the receipt hash) shortened. */
export function claimLabel(id: bigint, ctx: ExplainContext = {}): string {
  const number = ctx.claimNumber?.(id);
  if (number !== undefined) return `claim #${number}`;
  const hex = `0x${id.toString(16).padStart(64, "0")}`;
  return `claim ${hex.slice(0, 10)}…${hex.slice(-4)}`;
}

/** An id that may be a claim's (a receipt hash) or a proposal's (a small number). */
function ballotLabel(id: bigint, ctx: ExplainContext): string {
  return id < 2n ** 32n ? `proposal #${id}` : claimLabel(id, ctx);
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function when(at: bigint, ctx: ExplainContext): string {
  const date = formatDate(at);
  return ctx.now === undefined ? date : `${date}, ${formatCountdown(at, ctx.now)}`;
}

function line(index: bigint, ctx: ExplainContext): string {
  const name = ctx.lineName?.(index);
  return name === undefined ? `Line ${index}` : `Line ${index} (${name})`;
}

function status(names: readonly string[], value: bigint): string {
  return names[Number(value)] ?? `status ${value}`;
}

type Sentence = (args: Result, ctx: ExplainContext, amount: (v: bigint) => string) => string;

/** One sentence per custom error of the IPool and IPoolFactory ABIs (and the ERC-20 errors a gift can hit). */
// ethers decodes an error's arguments as a `Result` (any[]): each one's type is the one in the error's ABI, which
// the sentences below follow (test/scripts-lib.test.ts checks that every error has one).
/* eslint-disable @typescript-eslint/no-unsafe-argument */
const SENTENCES: Record<string, Sentence> = {
  PoolInvalidParameter: ([parameter, value], _ctx, amount) => {
    const [name, kind, rule] = PARAMETERS[Number(parameter)] ?? [`parameter ${parameter}`, "count", "is out of range"];
    const shown =
      kind === "duration" ? formatDuration(value) :
      kind === "bps" ? formatBps(value) :
      kind === "amount" ? amount(value) :
      kind === "address" ? `0x${BigInt(value).toString(16).padStart(40, "0")}` :
      kind === "bytes" ? `${value} bytes` : String(value);
    return `The ${name} ${rule} (got ${shown}).`;
  },
  PoolAlreadyInitialized: () => "This pool is already initialized.",
  PoolZeroAmount: () => "The amount must be more than zero.",
  PoolWrongValue: ([value, amt], _c, amount) => `The transaction carries ${amount(value)} for a gift of ${amount(amt)}; they must match.`,
  PoolEthNotAccepted: ([value], ctx) =>
    `This pool holds ${ctx.asset?.symbol ?? "a token"}, not ETH: send no ETH with it (${formatAmount(value, ETH)} was sent).`,
  PoolNotTokenPool: () => "This is an ETH pool; standing orders and permits are for token pools only.",
  PoolAmountOverflow: ([total, max], _c, amount) => `That is too much: the total would be ${amount(total)}, and a pool accounts up to ${amount(max)}.`,
  PoolPermitFailed: ([allowance, needed], _c, amount) => `The permit failed and the pool may spend only ${amount(allowance)}; ${amount(needed)} is needed.`,
  PoolIsWoundDown: () => "This pool has wound down: gifts, claims and changes are over. Contributors can reclaim their share (pool:reclaim).",
  PoolNothingToSweep: () => "There are no stray funds to sweep: the pool holds exactly its ledger.",
  PoolNotMaintainer: ([caller]) => `Only the pool's maintainer can do this, and ${caller} is not the maintainer.`,
  PoolSeatStatus: ([s]) => `The maintainer's seat is ${status(SeatStatusName, s)}, which does not allow this.`,
  PoolUnknownLine: ([l, count]) =>
    `There is no budget line ${l}: this pool has ${count} line${count === 1n ? "" : "s"}${count > 0n ? ` (0 to ${count - 1n})` : ""}.`,
  PoolOverBudget: ([l, amt, left], ctx, amount) => `${line(l, ctx)} has only ${amount(left)} left this period; the claim asks for ${amount(amt)}.`,
  PoolInvalidPayee: () => "The payee cannot be the zero address or the pool itself.",
  PoolInvalidReceipt: () => "A claim needs a receipt: its hash cannot be zero.",
  PoolReceiptAlreadyFiled: ([hash]) => `This receipt (keccak-256 ${String(hash).slice(0, 10)}…) was already filed in this pool: a receipt backs one claim only.`,
  PoolUnknownClaim: ([id], ctx) => `There is no ${claimLabel(id, ctx)} in this pool.`,
  PoolClaimNotPending: ([id, s], ctx) => `${capital(claimLabel(id, ctx))} is not pending: it is ${status(ClaimStatusName, s)}.`,
  PoolChallengeWindowOpen: ([id, at], ctx) => `${capital(claimLabel(id, ctx))} is still in its challenge window: it can be paid from ${when(at, ctx)}.`,
  PoolClaimVoid: ([id], ctx) => `${capital(claimLabel(id, ctx))} is void (a recall or the wind-down voided it): it stays void, objections are not taken.`,
  PoolChallengeWindowClosed: ([id, at], ctx) => `The challenge window of ${ballotLabel(id, ctx)} closed at ${when(at, ctx)}: objections are no longer taken.`,
  PoolAlreadyObjected: ([id, who], ctx) => `${who} has already objected to ${ballotLabel(id, ctx)}.`,
  PoolNoWeight: ([who]) =>
    `${who} has no matured weight in this pool: a gift counts from the start of the epoch after it was made.`,
  PoolPaymentsFrozen: () => "Payments are frozen while a recall election runs.",
  PoolLedgerShort: ([id, bal, amt], ctx, amount) =>
    `${capital(claimLabel(id, ctx))} asks for ${amount(amt)} but the pool's ledger holds ${amount(bal)}; it can be paid once gifts (or swept stray funds) cover it.`,
  PoolPaymentFailed: ([id, payee], ctx) => `The payee ${payee} refused the payment of ${claimLabel(id, ctx)}; the claim stays pending.`,
  PoolUnknownProposal: ([id]) => `There is no proposal #${id} in this pool.`,
  PoolProposalNotPending: ([id, s]) => `Proposal #${id} is not pending: it is ${status(ProposalStatusName, s)}.`,
  PoolNoticePeriod: ([id, at], ctx) => `Proposal #${id} is still in its notice period: it can take effect from ${when(at, ctx)}.`,
  PoolMaintainerActive: ([at], ctx) => `The maintainer is active: the seat counts as abandoned only from ${when(at, ctx)}.`,
  PoolElectionOpen: ([id]) => `Election #${id} is already open (once its voting epoch is over, pool:finalize closes it).`,
  PoolNoElection: () => "No election is open in this pool.",
  PoolElectionPhase: ([phase], ctx) => {
    const p = status(ElectionPhaseName, phase);
    if (p === "none") return "No election is open in this pool.";
    switch (ctx.action) {
      case "nominate":
        return `Nominations are closed: the election is ${p} now.`;
      case "vote":
        return p === "nominating"
          ? "Voting has not started: the election is still nominating (see `pool:status` for when voting opens)."
          : "Voting has ended: the election can be finalized (`pool:finalize`).";
      case "finalize":
        return `The election is still ${p}: it can be finalized once its voting epoch has ended (see \`pool:status\`).`;
      case "windDown":
        return p === "voting"
          ? "An election is voting: the pool cannot wind down while it may fill the seat."
          : "The election has a winner: finalize it (`pool:finalize`) instead of winding down.";
      default:
        return `The election is ${p} now, which does not allow this.`;
    }
  },
  PoolZeroCandidate: () => "The candidate cannot be the zero address.",
  PoolAlreadyNominated: ([who]) => `${who} is already nominated.`,
  PoolNotNominated: ([who]) => `${who} is not nominated in this election.`,
  PoolAlreadyVoted: ([voter, id]) => `${voter} has already voted in election #${id}.`,
  PoolAlreadySigned: ([who, id]) => `${who} has already signed recall petition #${id}.`,
  PoolPetitionsClosed: ([at], ctx) =>
    `The incumbent survived a recall: petitions are paused (so payouts run between recalls) until ${when(at, ctx)}.`,
  PoolVacancyNotExpired: ([at], ctx) => `The seat has not been open long enough: the pool can wind down from ${when(at, ctx)}.`,
  PoolNotWoundDown: () => "This pool has not wound down: there is nothing to reclaim yet.",
  PoolNothingToReclaim: ([who]) => `${who} has nothing to reclaim here (never gave, or already reclaimed).`,
  PoolReclaimFailed: ([who, amt], _c, amount) => `The transfer of ${amount(amt)} to ${who} failed; the share stays reclaimable.`,
  PoolNoSubscription: ([who]) => `${who} has no standing order in this pool.`,
  PoolNotDue: ([who, at], ctx) => `The standing order of ${who} is not due yet: next from ${when(at, ctx)}.`,
  PoolCollectFailed: ([who, amt], _c, amount) => `Could not collect ${amount(amt)} from ${who} (allowance or balance too low).`,
  PoolUnknownPledge: ([id]) => `There is no pledge #${id} in this pool.`,
  PoolPledgeStatus: ([id, s]) => `Pledge #${id} is ${status(PledgeStatusName, s)}, which does not allow this.`,
  PoolNotPledger: ([id, who]) => `${who} did not make pledge #${id}.`,
  PoolTooManyDeliveries: ([id, delivered, periods]) => `Pledge #${id} offered ${periods} periods; recording ${delivered} would be too many.`,
  PoolFactoryInvalidImplementation: ([impl]) => `The Pool implementation ${impl} has no code on this chain.`,
  PoolFactoryIndexOutOfRange: ([index, count]) => `There is no pool #${index}: the factory has created ${count}.`,
  ERC20InsufficientAllowance: ([spender, allowance, needed], _c, amount) =>
    `${spender} may spend only ${amount(allowance)} of your tokens; ${amount(needed)} is needed (approve it first).`,
  ERC20InsufficientBalance: ([who, bal, needed], _c, amount) => `${who} holds only ${amount(bal)}; ${amount(needed)} is needed.`,
  SafeERC20FailedOperation: ([token]) => `The token ${token} refused the transfer.`,
  ReentrancyGuardReentrantCall: () => "The pool refused a re-entrant call.",
  CloneArgumentsTooLong: () => "The pool's fixed parameters do not fit in a clone.",
  FailedDeployment: () => "The factory could not create the pool's clone.",
  InsufficientBalance: ([balance, needed]) => `The contract holds ${balance} and needs ${needed}.`,
  SafeCastOverflowedUintDowncast: ([bits, value]) => `The number ${value} is too large: the pool keeps it in ${bits} bits.`,
  Error: ([reason]) => `The transaction reverted: ${reason}`,
  Panic: ([code]) => `The transaction hit a Solidity panic (code 0x${BigInt(code).toString(16)}).`,
};
/* eslint-enable @typescript-eslint/no-unsafe-argument */

/** The custom errors that have a sentence of their own. */
export function explainedErrors(): string[] {
  return Object.keys(SENTENCES);
}

/** Builds one interface holding every error fragment of the given ABIs (deduplicated by selector). */
export function errorInterface(...abis: ReadonlyArray<ReadonlyArray<unknown>>): Interface {
  const seen = new Map<string, unknown>();
  for (const abi of abis) {
    for (const item of abi as Array<{ type?: string; name?: string; inputs?: Array<{ type: string }> }>) {
      if (item.type !== "error") continue;
      const signature = `${item.name}(${(item.inputs ?? []).map((i) => i.type).join(",")})`;
      if (!seen.has(signature)) seen.set(signature, item);
    }
  }
  return new Interface([...seen.values()] as ErrorFragment[]);
}

/** Finds revert data (`0x` + 4-byte selector + words) anywhere in an error from ethers, Hardhat or a node. */
export function findRevertData(error: unknown, depth = 0): string | undefined {
  if (depth > 6 || error === null || typeof error !== "object") return undefined;
  const e = error as Record<string, unknown>;
  for (const key of ["data", "revertData"]) {
    const value = e[key];
    if (typeof value === "string" && /^0x[0-9a-fA-F]{8}([0-9a-fA-F]{2})*$/.test(value)) return value;
    if (value !== null && typeof value === "object") {
      const inner = findRevertData(value, depth + 1);
      if (inner !== undefined) return inner;
    }
  }
  for (const key of ["error", "info", "cause", "revert", "receipt"]) {
    const inner = findRevertData(e[key], depth + 1);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

/** The custom error a revert carries, decoded with `iface`, or undefined. */
export function decodeRevert(data: string, iface: Interface): { name: string; args: Result } | undefined {
  try {
    const parsed = iface.parseError(data);
    if (parsed !== null) return { name: parsed.name, args: parsed.args };
  } catch {
    // not one of ours: fall through
  }
  return undefined;
}

/** The sentence for a decoded custom error (a generic one for errors this table does not know). */
export function sentenceFor(name: string, args: Result, ctx: ExplainContext = {}): string {
  const asset = ctx.asset;
  const amount = (v: bigint) => (asset === undefined ? `${v} base units` : formatAmount(BigInt(v), asset));
  const sentence = SENTENCES[name];
  if (sentence !== undefined) return sentence(args, ctx, amount);
  return `The transaction reverted with ${name}(${[...args].map(String).join(", ")}).`;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function errorCodeOf(error: unknown): string | undefined {
  const e = error as { errorCode?: unknown; code?: unknown };
  return typeof e?.errorCode === "string" ? e.errorCode : undefined;
}

/**
 * One readable sentence for an error, or undefined if it is unexpected (a bug: let it surface with its
 * stack). Knows: PotluckError, custom errors (decoded with `iface`), a node that cannot be reached, a key
 * that is missing from the keystore or the environment, and an account without ETH for gas.
 */
export function explainError(error: unknown, iface: Interface | undefined, ctx: ExplainContext = {}): string | undefined {
  if (error instanceof PotluckError) return error.message;
  const data = findRevertData(error);
  if (data !== undefined && iface !== undefined) {
    const decoded = decodeRevert(data, iface);
    if (decoded !== undefined) return sentenceFor(decoded.name, decoded.args, ctx);
    return `The transaction reverted with an error this tool does not know (data ${data.slice(0, 10)}…).`;
  }
  const text = message(error);
  const code = errorCodeOf(error);
  const args = (error as { messageArguments?: Record<string, unknown> })?.messageArguments ?? {};
  // Hardhat: a configuration variable (RPC URL or key) is neither in the keystore nor in the environment.
  if (code === "HHE7" || code === "HHE50002" || /Configuration Variable .* not found|not found in the development keystore/.test(text)) {
    const given = args.name ?? args.key;
    const name = typeof given === "string" ? given : (/"([A-Z0-9_]+)"/.exec(text)?.[1] ?? "the variable");
    const kind = /KEY|PRIVATE/.test(name) ? "Missing key" : "Missing setting";
    return `${kind}: ${name} is not set for network ${ctx.network ?? "?"}. Store it in Hardhat's keystore with ` +
      `\`npx hardhat keystore set ${name}\` (or export it as an environment variable for this shell only).`;
  }
  if (/ECONNREFUSED|ENOTFOUND|ECONNRESET|fetch failed|Cannot connect to the network|connect ECONN/i.test(text) || code === "HHE706") {
    const local = ctx.network === undefined || ctx.network === "localhost";
    return `Cannot reach the ${ctx.network ?? "localhost"} network's node.` +
      (local ? " Is it running? Start the demo with `npm start` (or a bare node with `npx hardhat node`)." : " Check its RPC URL (POTLUCK_RPC_URL).");
  }
  if (/insufficient funds/i.test(text)) {
    return "The sending account has not enough ETH to pay for this transaction (value plus gas).";
  }
  return undefined;
}
