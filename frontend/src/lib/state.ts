// The pool's state as the app reads it, and the rules that say which calls the contract would accept now.
// Every check here mirrors a revert in contracts/pool/*.sol, so a button is enabled only when the call
// would go through, and when it would not, the reason is said in words. Pure: unit-tested without a chain.
import {
  ClaimStatus, ElectionKind, ElectionPhase, formatCountdown, formatDate, isqrt, MAX_AMOUNT, MAX_DURATION, MIN_DURATION, Parameter, type Parsed,
  PledgeStatus, ProposalStatus, readBps, readDuration, rulesRefusal, SeatStatus, sentenceFor, shortAddress, ZERO_ADDRESS,
} from "@potluck/core";

export interface Rules {
  claimDelay: bigint;
  ruleChangeDelay: bigint;
  inactivityPeriod: bigint;
  vacancyPeriod: bigint;
  objectionQuorumBps: number;
  electionQuorumBps: number;
  recallThresholdBps: number;
}

export interface ElectionState {
  id: bigint;
  kind: number;
  votingStartsAt: bigint;
  votingEndsAt: bigint;
  leader: `0x${string}`;
  leaderVotes: bigint;
}

export interface PetitionState {
  id: bigint;
  weight: bigint;
  threshold: bigint;
  expiresAt: bigint;
}

/** What every gate needs to know about the pool. */
export interface PoolState {
  isEthPool: boolean;
  maintainer: `0x${string}`;
  seatStatus: number;
  lastActive: bigint;
  openedAt: bigint;
  rules: Rules;
  election: ElectionState;
  petition: PetitionState;
  totalWeight: bigint;
}

/** What every gate needs to know about the person looking (all zero / false without a wallet). */
export interface Viewer {
  address?: `0x${string}`;
  /** Connected to the pool's chain. */
  onChain: boolean;
  weight: bigint;
  given: bigint;
  /** Gave in the current epoch: weight still maturing. */
  maturingAt?: bigint;
  hasVoted: boolean;
  /** Signed the petition now collecting signatures. */
  signedPetition: boolean;
  reclaimable: bigint;
}

export type Gate = { ok: true } | { ok: false; reason: string };
const OK: Gate = { ok: true };
const no = (reason: string): Gate => ({ ok: false, reason });

const same = (a?: string, b?: string) => a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();

/** The election's phase at `now`, from its clock (the contract computes it the same way). */
export function electionPhase(e: ElectionState, now: bigint): number {
  if (e.kind === ElectionKind.None) return ElectionPhase.None;
  if (now < e.votingStartsAt) return ElectionPhase.Nominating;
  if (now < e.votingEndsAt) return ElectionPhase.Voting;
  return ElectionPhase.Counting;
}

export type MaintainerStatus = "active" | "inactive" | "recall" | "election" | "seat open" | "wound down";

/** The maintainer's status on the explore page and the pool's header. */
export function maintainerStatus(p: Pick<PoolState, "seatStatus" | "election" | "lastActive" | "rules">, now: bigint): MaintainerStatus {
  if (p.seatStatus === SeatStatus.WoundDown) return "wound down";
  if (p.seatStatus === SeatStatus.Recall) return "recall";
  if (p.election.kind !== ElectionKind.None) return "election";
  if (p.seatStatus === SeatStatus.Open) return "seat open";
  if (now >= p.lastActive + p.rules.inactivityPeriod) return "inactive";
  return "active";
}

function wallet(v: Viewer, what: string): Gate | undefined {
  if (v.address === undefined) return no(`Connect a wallet to ${what}.`);
  if (!v.onChain) return no(`Switch your wallet to the pool's network to ${what}.`);
  return undefined;
}

function weightGate(v: Viewer, now: bigint): Gate | undefined {
  if (v.weight > 0n) return undefined;
  if (v.maturingAt !== undefined) {
    return no(`Your gift counts from the next epoch, ${formatCountdown(v.maturingAt, now)} (${formatDate(v.maturingAt)}).`);
  }
  return no(v.given > 0n ? "You have no matured weight in this pool." : "Only contributors with matured weight can do this: give first; a gift counts from the next epoch.");
}

function activeMaintainer(p: PoolState, v: Viewer, what: string): Gate {
  const w = wallet(v, what);
  if (w) return w;
  if (!same(v.address, p.maintainer)) {
    return no(p.maintainer === ZERO_ADDRESS ? "The seat is open: there is no maintainer until an election fills it." : `Only the maintainer (${shortAddress(p.maintainer)}) can ${what}.`);
  }
  if (p.seatStatus === SeatStatus.Recall) return no(`A recall election runs: the maintainer cannot ${what} until it ends.`);
  if (p.seatStatus !== SeatStatus.Filled) return no("The seat is not filled.");
  return OK;
}

export function canGive(p: PoolState, v: Viewer): Gate {
  if (p.seatStatus === SeatStatus.WoundDown) return no("This pool has wound down: it takes no more gifts.");
  return wallet(v, "give") ?? OK;
}

export function canSubscribe(p: PoolState, v: Viewer): Gate {
  if (p.isEthPool) return no("Standing orders are for token pools; give ETH by sending it to the pool's address any time.");
  if (p.seatStatus === SeatStatus.WoundDown) return no("This pool has wound down.");
  return wallet(v, "set up a standing order") ?? OK;
}

export const canFileClaim = (p: PoolState, v: Viewer): Gate => activeMaintainer(p, v, "file a claim");

/** PoolPledges.MAX_DESCRIPTION_LENGTH (bytes of UTF-8). */
export const MAX_PLEDGE_DESCRIPTION = 280;
const MAX_PLEDGE_PERIODS = 65_535; // uint16

/** A pledge as its form holds it, read (the value in base units). */
export interface PledgeInput {
  description: string;
  valuePerPeriod?: bigint;
  period: bigint;
  periods: number;
}

/** Whether `pledge(...)` would pass PoolPledges.pledge: the same checks in the same order. */
export function canOfferPledge(p: PoolState, v: Viewer, input?: PledgeInput): Gate {
  if (p.seatStatus === SeatStatus.WoundDown) return no("This pool has wound down: it takes no more pledges.");
  const w = wallet(v, "offer a pledge");
  if (w) return w;
  if (input === undefined) return OK;
  const bytes = new TextEncoder().encode(input.description.trim()).length;
  if (bytes === 0) return no("Describe what you pledge (the capital good, and how it is delivered).");
  if (bytes > MAX_PLEDGE_DESCRIPTION) return no(sentenceFor("PoolInvalidParameter", [Parameter.PledgeDescription, bytes]));
  if (input.valuePerPeriod === undefined || input.valuePerPeriod === 0n) return no("Enter what one period of it is worth.");
  if (!Number.isInteger(input.periods) || input.periods < 1) return no("Enter how many periods you pledge (1 or more).");
  if (input.periods > MAX_PLEDGE_PERIODS) return no(`At most ${MAX_PLEDGE_PERIODS.toLocaleString("en-US")} periods can be pledged at once.`);
  if (input.valuePerPeriod > MAX_AMOUNT || input.valuePerPeriod * BigInt(input.periods) > MAX_AMOUNT) return no(sentenceFor("PoolAmountOverflow", [input.valuePerPeriod * BigInt(input.periods), MAX_AMOUNT]));
  if (input.period < MIN_DURATION || input.period > MAX_DURATION) return no(sentenceFor("PoolInvalidParameter", [Parameter.PledgePeriod, input.period]));
  return OK;
}

/** Whether the viewer may withdraw pledge `pledge` (pledger only, while offered or accepted). */
export function canWithdrawPledge(pledge: { pledger: string; status: number }, v: Viewer): Gate {
  if (pledge.status !== PledgeStatus.Offered && pledge.status !== PledgeStatus.Accepted) return no("Only an offered or accepted pledge can be withdrawn.");
  const w = wallet(v, "withdraw the pledge");
  if (w) return w;
  return same(v.address, pledge.pledger) ? OK : no("Only the pledger can withdraw a pledge.");
}
/** Budget and rules changes alike (`what` names the change in the reason). */
export const canProposeChange = (p: PoolState, v: Viewer, what = "propose a budget change"): Gate => activeMaintainer(p, v, what);

export function canHeartbeat(p: PoolState, v: Viewer): Gate {
  const w = wallet(v, "check in");
  if (w) return w;
  return same(v.address, p.maintainer) ? OK : no("Only the maintainer can check in.");
}

export function canStepDown(p: PoolState, v: Viewer): Gate {
  const w = wallet(v, "step down");
  if (w) return w;
  return same(v.address, p.maintainer) ? OK : no("Only the maintainer can step down.");
}

export interface ClaimView {
  id: bigint;
  status: number;
  payableAt: bigint;
  toReject: bigint;
}

export function canObject(c: ClaimView, v: Viewer, now: bigint, hasObjected: boolean): Gate {
  if (c.status !== ClaimStatus.Pending) return no("Only a pending claim can be objected to.");
  if (now >= c.payableAt) return no("The challenge window has closed.");
  const w = wallet(v, "object");
  if (w) return w;
  if (hasObjected) return no("You have objected to this claim.");
  return weightGate(v, now) ?? OK;
}

export function canPayClaim(p: PoolState, c: ClaimView, v: Viewer, now: bigint): Gate {
  if (c.status !== ClaimStatus.Pending) return no("Only a pending claim can be paid.");
  if (p.seatStatus === SeatStatus.Recall) return no("Payments are frozen while a recall election runs.");
  if (now < c.payableAt) return no(`Payable ${formatCountdown(c.payableAt, now)}, when the challenge window closes.`);
  return wallet(v, "pay it out") ?? OK;
}

export function canCancelClaim(p: PoolState, c: ClaimView, v: Viewer): Gate {
  if (c.status !== ClaimStatus.Pending) return no("Only a pending claim can be withdrawn.");
  const w = wallet(v, "withdraw a claim");
  if (w) return w;
  return same(v.address, p.maintainer) ? OK : no("Only the maintainer can withdraw a claim.");
}

/** Whether the petition `p` still collects signatures at `now` (a spent or expired one does not). */
export function petitionLive(p: PetitionState, now: bigint): boolean {
  return p.id > 0n && p.weight > 0n && now < p.expiresAt;
}

export function canPetition(p: PoolState, v: Viewer, now: bigint): Gate {
  if (p.seatStatus === SeatStatus.WoundDown) return no("This pool has wound down.");
  if (p.seatStatus === SeatStatus.Recall) return no("A recall election is already running.");
  if (p.seatStatus === SeatStatus.Open) return no("The seat is open: there is nobody to recall.");
  const w = wallet(v, "sign a recall petition");
  if (w) return w;
  if (v.signedPetition && petitionLive(p.petition, now)) return no("You have signed this petition.");
  return weightGate(v, now) ?? OK;
}

export function canCallElection(p: PoolState, v: Viewer, now: bigint): Gate {
  if (p.seatStatus === SeatStatus.WoundDown) return no("This pool has wound down.");
  if (p.election.kind !== ElectionKind.None) return no(`Election #${p.election.id} is already open.`);
  if (p.seatStatus === SeatStatus.Filled) {
    const abandonedAt = p.lastActive + p.rules.inactivityPeriod;
    if (now < abandonedAt) return no(`The maintainer is active; the seat counts as abandoned only ${formatCountdown(abandonedAt, now)} without a sign of life.`);
  }
  return wallet(v, "call an election") ?? OK;
}

export function canNominate(p: PoolState, v: Viewer, now: bigint, candidate?: { address?: string; nominated: boolean }): Gate {
  const phase = electionPhase(p.election, now);
  if (phase === ElectionPhase.None) return no("No election is open.");
  if (phase !== ElectionPhase.Nominating) return no("Nominations are closed: voting has started.");
  const w = wallet(v, "nominate");
  if (w) return w;
  const g = weightGate(v, now);
  if (g) return g;
  if (candidate !== undefined) {
    if (candidate.address === undefined || !/^0x[0-9a-fA-F]{40}$/.test(candidate.address)) return no("Enter the candidate's address (0x…).");
    if (candidate.address.toLowerCase() === ZERO_ADDRESS) return no("The candidate cannot be the zero address.");
    if (candidate.nominated) return no(`${shortAddress(candidate.address)} is already nominated.`);
  }
  return OK;
}

/** A candidate (re)stating who they are (`describeCandidacy`): while nominating or voting, only their own. */
export function canDescribeCandidacy(p: PoolState, v: Viewer, now: bigint, nominated: boolean): Gate {
  const phase = electionPhase(p.election, now);
  if (phase === ElectionPhase.None) return no("No election is open.");
  if (phase === ElectionPhase.Counting) return no("Voting has ended: statements can no longer change.");
  const w = wallet(v, "state who you are");
  if (w) return w;
  if (!nominated) return no("Only a candidate nominated in this election can state who they are.");
  return OK;
}

export function canVote(p: PoolState, v: Viewer, now: bigint): Gate {
  const phase = electionPhase(p.election, now);
  if (phase === ElectionPhase.None) return no("No election is open.");
  if (phase === ElectionPhase.Nominating) return no(`Voting starts ${formatCountdown(p.election.votingStartsAt, now)}.`);
  if (phase === ElectionPhase.Counting) return no("Voting has ended: the election can be finalized.");
  const w = wallet(v, "vote");
  if (w) return w;
  if (v.hasVoted) return no("You have voted in this election.");
  return weightGate(v, now) ?? OK;
}

export function canFinalize(p: PoolState, v: Viewer, now: bigint): Gate {
  const phase = electionPhase(p.election, now);
  if (phase === ElectionPhase.None) return no("No election is open.");
  if (phase !== ElectionPhase.Counting) return no(`The election can be finalized when voting ends, ${formatCountdown(p.election.votingEndsAt, now)}.`);
  return wallet(v, "finalize the election") ?? OK;
}

export function canWindDown(p: PoolState, v: Viewer, now: bigint): Gate {
  if (p.seatStatus === SeatStatus.WoundDown) return no("This pool has already wound down.");
  if (p.seatStatus !== SeatStatus.Open) return no("Only a pool whose seat is open can wind down.");
  const at = p.openedAt + p.rules.vacancyPeriod;
  if (now < at) return no(`The seat has been open too briefly: the pool can wind down ${formatCountdown(at, now)} if nobody is elected.`);
  const phase = electionPhase(p.election, now);
  if (phase === ElectionPhase.Voting) return no("An election is voting: let it finish first.");
  if (phase === ElectionPhase.Counting && p.election.leaderVotes > 0n) return no("An election has ended with votes: finalize it first (a winner takes the seat).");
  return wallet(v, "wind the pool down") ?? OK;
}

export function canReclaim(p: PoolState, v: Viewer): Gate {
  if (p.seatStatus !== SeatStatus.WoundDown) return no("Reclaiming opens only if the pool winds down.");
  const w = wallet(v, "reclaim");
  if (w) return w;
  return v.reclaimable > 0n ? OK : no("You have nothing to reclaim (you never gave, or you already reclaimed).");
}

/**
 * Sweeping stray funds (`sweep()`: what the pool holds above its ledger, `balance()`) into the ledger. Anyone may
 * call it; `stray` is held minus the ledger (0 when unknown). Mirrors PoolGiving.sweep: wound down, then nothing.
 */
export function canSweep(p: Pick<PoolState, "seatStatus">, stray: bigint, v: Viewer): Gate {
  if (p.seatStatus === SeatStatus.WoundDown) return no("This pool has wound down: stray funds can no longer be swept into its ledger.");
  if (stray <= 0n) return no("The pool holds nothing beyond its ledger: there is nothing to sweep.");
  return wallet(v, "sweep stray funds") ?? OK;
}

/** What the pool holds beyond its ledger (never negative; 0 while the holding is not read yet). */
export function strayFunds(held: bigint | undefined, ledger: bigint): bigint {
  return held !== undefined && held > ledger ? held - ledger : 0n;
}


/**
 * Whether `proposeRulesChange(r)` would pass BudgetRules._checkRules for a pool whose epochs last `epochLength`:
 * @potluck/core's `rulesRefusal` (the same checks in the same order), and the contract's own error sentence when not.
 */
export function checkRules(r: Rules, epochLength: bigint): Gate {
  const refused = rulesRefusal(r, epochLength);
  return refused === undefined ? OK : no(sentenceFor("PoolInvalidParameter", [refused[0], refused[1]]));
}

/** The rules as a form holds them: durations ("30 days") and shares ("25%") as typed. */
export type RulesInput = Record<keyof Rules, string>;

/** Each rule's name, as `PoolInvalidParameter`'s sentence names it. */
export const RULE_NAMES: Record<keyof Rules, string> = {
  claimDelay: "claim delay",
  ruleChangeDelay: "rule change delay",
  inactivityPeriod: "inactivity period",
  vacancyPeriod: "vacancy period",
  objectionQuorumBps: "objection quorum",
  electionQuorumBps: "election quorum",
  recallThresholdBps: "recall threshold",
};

/** The rules that differ between `from` and `to`, in the contract's order. */
export function changedRules(from: Rules, to: Rules): Array<keyof Rules> {
  return (Object.keys(RULE_NAMES) as Array<keyof Rules>).filter((k) => BigInt(from[k]) !== BigInt(to[k]));
}

/** `Proposal.line` of a line a change adds. */
export const NEW_LINE = 0xffff;
/** `Proposal.changes` bits of a budget-line change; a rules change uses bit i for the i-th rule. */
export const LINE_CHANGE = { name: 1, cap: 2, period: 4 } as const;

/**
 * The rules a rules change writes, in the contract's order. A proposal records the fields that differed from
 * those in force when it was proposed and applying it writes those only, so this (not a comparison with the
 * rules in force now, which another change may have moved) is what it changes.
 */
export function rulesInChange(changes: number): Array<keyof Rules> {
  return (Object.keys(RULE_NAMES) as Array<keyof Rules>).filter((_, i) => ((changes >> i) & 1) === 1);
}

/** What a budget-line change changes, each field from the line in force now: `cap 2 ETH → 5 ETH, period 30 days → 7 days`. */
export function lineChangeParts(
  p: { line: number; changes: number; name: string; cap: bigint; period: bigint },
  current: { name: string; cap: bigint; period: bigint } | undefined,
  money: (v: bigint) => string,
  period: (s: bigint) => string,
): string[] {
  if (p.line === NEW_LINE) return [`${money(p.cap)} per ${period(p.period)}`];
  const from = (text: string | undefined) => (text === undefined ? "" : `${text} `);
  const parts: string[] = [];
  if (p.changes & LINE_CHANGE.name) parts.push(`renamed "${p.name}"`);
  if (p.changes & LINE_CHANGE.cap) parts.push(p.cap === 0n ? `closed (cap ${from(current && money(current.cap))}→ 0)` : `cap ${from(current && money(current.cap))}→ ${money(p.cap)}`);
  if (p.changes & LINE_CHANGE.period) parts.push(`period ${from(current && period(current.period))}→ ${period(p.period)}`);
  return parts;
}

/** Reads a rules form; the first field that is not a duration (or a share) is named in the error. */
export function parseRules(input: RulesInput): Parsed<Rules> {
  const out: Partial<Record<keyof Rules, bigint | number>> = {};
  for (const key of Object.keys(RULE_NAMES) as Array<keyof Rules>) {
    const parsed = key.endsWith("Bps") ? readBps(input[key]) : readDuration(input[key]);
    if (!parsed.ok) return { ok: false, error: `${RULE_NAMES[key].charAt(0).toUpperCase()}${RULE_NAMES[key].slice(1)}: ${parsed.error}` };
    out[key] = parsed.value;
  }
  return { ok: true, value: out as Rules };
}

export interface ProposalView {
  id: bigint;
  status: number;
  effectiveAt: bigint;
}

export function canApplyChange(p: PoolState, c: ProposalView, v: Viewer, now: bigint): Gate {
  if (c.status !== ProposalStatus.Pending) return no("Only a pending change can be applied.");
  if (p.seatStatus === SeatStatus.Recall) return no("Changes are frozen while a recall election runs.");
  if (now < c.effectiveAt) return no(`In notice until ${formatDate(c.effectiveAt)} (${formatCountdown(c.effectiveAt, now)}).`);
  return wallet(v, "apply the change") ?? OK;
}

export function canObjectToChange(c: ProposalView, v: Viewer, now: bigint, hasObjected: boolean): Gate {
  if (c.status !== ProposalStatus.Pending) return no("Only a pending change can be objected to.");
  if (now >= c.effectiveAt) return no("The notice period is over.");
  const w = wallet(v, "object");
  if (w) return w;
  if (hasObjected) return no("You have objected to this change.");
  return weightGate(v, now) ?? OK;
}

/** When a gift made at `now` starts to count: the next epoch boundary. */
export function maturesAt(genesis: bigint, epochLength: bigint, now: bigint): bigint {
  if (epochLength <= 0n) return now;
  const epoch = now >= genesis ? (now - genesis) / epochLength : 0n;
  return genesis + (epoch + 1n) * epochLength;
}

/**
 * The weight a contributor will have once a gift of `amount` matures, given their weight basis so far
 * (money given plus weighted in-kind value): linear = basis, quadratic = floor(sqrt(basis)).
 */
export function weightAfterGift(basis: bigint, amount: bigint, quadratic: boolean): bigint {
  const after = basis + amount;
  return quadratic ? isqrt(after) : after;
}
