// usePool: one pool's whole state, from named queries, each one batch (or one read per claim, which the
// transport batches): its fixed figures (read once), its ledger, its seat, its lines, changes, pledges and
// candidates, its history, and the claims and contributors the history names. A new block re-reads the live
// ones; a claim once settled is not re-read. A contributor's figures are read only for the rows on screen
// (useContributorFigures), and re-read only when an event touches them (lib/queries.ts), so a gift re-reads the
// ledger and the giver, not every contributor.
import { useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef } from "react";
import { getAbiItem, type AbiEvent, type Address, type Hex } from "viem";
import { useBalance, useConfig, usePublicClient, useReadContract, useReadContracts } from "wagmi";
import { hashFn, readContractsQueryOptions } from "wagmi/query";
import { erc20Abi, poolAbi } from "../contracts";
import { type Asset, ETH, inert, isEth, type PoolMetadata, poolName, runway, type Runway, tokenSymbol } from "@potluck/core";
import { contributorsFrom, type Contributor } from "../lib/contributors";
import { eventHistory, indexedPoolEvents } from "../lib/history";
import { invalidateTouched, type ReadMeta } from "../lib/queries";
import { electionPhase, maintainerStatus, strayFunds, type MaintainerStatus, type PoolState, type Rules } from "../lib/state";
import { logBlockRange } from "../wagmi";
import { useChainClock } from "./useChainClock";
import { useCreatedPools } from "./usePools";

const HISTORY_EVENTS = [
  "Given", "ClaimFiled", "ClaimObjected", "ClaimPaid", "ClaimRejected", "ClaimCancelled", "ChangeProposed", "ChangeObjected",
  "Nominated", "CandidateStatement", "Voted", "RecallSigned", "ElectionCalled", "ElectionFinalized", "MaintainerChanged", "Subscribed",
  "Unsubscribed", "Collected", "Pledged", "PledgeWithdrawn", "DeliveryRecorded", "WoundDown", "Reclaimed",
] as const;
type HistoryEventName = (typeof HISTORY_EVENTS)[number];
const historyAbi = HISTORY_EVENTS.map((name) => getAbiItem({ abi: poolAbi, name })) as AbiEvent[];

/** A decoded event of the pool's history. */
export interface PoolEvent {
  eventName: HistoryEventName;
  args: Record<string, unknown>;
  blockNumber: bigint;
  logIndex: number;
  transactionHash: Hex;
  /** Its block's time, when the indexer served it (events read from logs have none). */
  timestamp?: bigint;
}

export interface BudgetLineView {
  id: number;
  name: string;
  cap: bigint;
  period: bigint;
  spent: bigint;
  left: bigint;
  nextReset: bigint;
  /** Of `spent`: what pending claims reserve this period, and what was paid (spent - reserved). */
  reserved: bigint;
  paid: bigint;
}

export interface ClaimRecord {
  /** The claim's id: its receipt hash read as a number. */
  id: bigint;
  /** Its place in filing order (0 for the pool's first claim): what people call it, "#3". */
  number: number;
  status: number;
  payee?: Address;
  amount?: bigint;
  payableAt: bigint;
  line?: number;
  toReject: bigint;
  /** The budget period it reserves in: its line's period length and that period's index. */
  period?: bigint;
  periodIndex?: bigint;
  /** The bar at filing: toReject plus the weight that has objected since (from ClaimObjected). */
  bar: bigint;
  objected: bigint;
  objectors: number;
  receiptHash?: Hex;
  receiptURI?: string;
  filedTx?: Hex;
  filedBlock?: bigint;
}

export interface ProposalRecord {
  id: bigint;
  kind: number;
  status: number;
  effectiveAt: bigint;
  line: number;
  /** The fields it changes (`Proposal.changes`): only those are applied; the others read 0. */
  changes: number;
  cap: bigint;
  period: bigint;
  name: string;
  /** The rules a rules change proposes (read for every proposal; meaningful for kind Rules only). */
  rules?: Rules;
  toReject: bigint;
}

export interface PledgeRecord {
  id: bigint;
  pledger: Address;
  valuePerPeriod: bigint;
  period: bigint;
  periods: number;
  delivered: number;
  status: number;
  description: string;
}

export type { Contributor };

/** A contributor's figures as the contract reads them now. */
export interface ContributorFigures {
  given: bigint;
  matured: bigint;
  weight: bigint;
  /** After a wind-down: what they may still reclaim. */
  reclaimable: bigint;
}

export interface Candidate {
  address: Address;
  votes: bigint;
  nominatedBy?: Address;
  /** The latest CandidateStatement for them in this election, as emitted (chain text: show it with CandidateStatement). */
  statement?: { name: string; uri: string };
}

export interface PoolData extends PoolState {
  address: Address;
  name: string;
  metadata?: PoolMetadata;
  createdOnBlock: bigint;
  asset: Asset;
  quadratic: boolean;
  epochLength: bigint;
  genesis: bigint;
  epoch: bigint;
  inKindWeightBps: bigint;
  /** The ledger, `balance()`: given - paid - reclaimed. */
  balance: bigint;
  /** What the pool's address actually holds of its asset (undefined until read). */
  held?: bigint;
  /** `held` above the ledger: forced ETH or a plain token transfer, which `sweep()` takes into the ledger. */
  stray: bigint;
  totalGiven: bigint;
  carried: { budgetPerMonth: bigint; recurringPerMonth: bigint; pledgedPerMonth: bigint; delivered: bigint };
  windDown: { left: bigint; reclaimed: bigint };
  runway: Runway;
  status: MaintainerStatus;
  phase: number;
  lines: BudgetLineView[];
  claims: ClaimRecord[];
  proposals: ProposalRecord[];
  pledges: PledgeRecord[];
  contributors: Contributor[];
  candidates: Candidate[];
  subscribers: Address[];
  events: PoolEvent[];
  /** The history (and so the contributors and claims) is read: until then their counts are unknown, not 0. */
  historyKnown: boolean;
}

/** `Rules` as the chain returns it (uint32 durations as numbers). */
interface ChainRules {
  claimDelay: number; ruleChangeDelay: number; inactivityPeriod: number; vacancyPeriod: number;
  objectionQuorumBps: number; electionQuorumBps: number; recallThresholdBps: number;
}

function rulesOf(r: ChainRules): Rules {
  return {
    claimDelay: BigInt(r.claimDelay),
    ruleChangeDelay: BigInt(r.ruleChangeDelay),
    inactivityPeriod: BigInt(r.inactivityPeriod),
    vacancyPeriod: BigInt(r.vacancyPeriod),
    objectionQuorumBps: r.objectionQuorumBps,
    electionQuorumBps: r.electionQuorumBps,
    recallThresholdBps: r.recallThresholdBps,
  };
}

/** The ids `0..count-1`, newest first, at most `max` of them. */
function ids(count: bigint | undefined, max = 1_000): bigint[] {
  if (count === undefined) return [];
  const n = Number(count);
  const out: bigint[] = [];
  for (let i = n - 1; i >= 0 && out.length < max; i--) out.push(BigInt(i));
  return out;
}

/** The pool's event history since its creation block (bounded, incremental). */
export function usePoolHistory(address: Address | undefined, fromBlock: bigint | undefined) {
  const client = usePublicClient();
  const { blockNumber } = useChainClock();
  return useQuery({
    queryKey: ["potluck", "history", address, blockNumber?.toString()],
    enabled: client !== undefined && address !== undefined && fromBlock !== undefined && blockNumber !== undefined,
    placeholderData: (previous) => previous,
    queryFn: async (): Promise<PoolEvent[]> => {
      const logs = await eventHistory(client!, `history:${address}`, address!, historyAbi, fromBlock!, blockNumber!, logBlockRange, indexedPoolEvents(address!, historyAbi));
      return logs.map((log) => ({ ...log, eventName: log.eventName as HistoryEventName }));
    },
  });
}

const ZERO: Address = "0x0000000000000000000000000000000000000000";
/** Reads that never change (the clone's immutable args) or change only with an event. */
const FIXED = { staleTime: Infinity, meta: { eventDriven: true } satisfies ReadMeta };

/** What the clone was created with: never changes. */
function usePoolConfig(at: Address, enabled: boolean) {
  return useReadContracts({
    allowFailure: false,
    query: {
      enabled,
      ...FIXED,
      select: ([asset, epochLength, genesis, weighting, inKindWeightBps]) => ({ asset, epochLength, genesis, quadratic: weighting === 1, inKindWeightBps }),
    },
    contracts: [
      { address: at, abi: poolAbi, functionName: "asset" },
      { address: at, abi: poolAbi, functionName: "epochLength" },
      { address: at, abi: poolAbi, functionName: "genesis" },
      { address: at, abi: poolAbi, functionName: "weighting" },
      { address: at, abi: poolAbi, functionName: "inKindWeightBps" },
    ],
  });
}

/** The money: the ledger, what was given and weighs, how the budget is carried, the wind-down, and the counts of lines, changes and pledges. */
function usePoolLedger(at: Address, enabled: boolean) {
  return useReadContracts({
    allowFailure: false,
    query: {
      enabled,
      select: ([balance, totalGiven, totalWeight, carried, windDown, lineCount, proposalCount, pledgeCount]) => ({
        balance, totalGiven, totalWeight, lineCount, proposalCount, pledgeCount,
        carried: { budgetPerMonth: carried[0], recurringPerMonth: carried[1], pledgedPerMonth: carried[2], delivered: carried[3] },
        windDown: { left: windDown[0], reclaimed: windDown[1] },
      }),
    },
    contracts: [
      { address: at, abi: poolAbi, functionName: "balance" },
      { address: at, abi: poolAbi, functionName: "totalGiven" },
      { address: at, abi: poolAbi, functionName: "totalWeight" },
      { address: at, abi: poolAbi, functionName: "carried" },
      { address: at, abi: poolAbi, functionName: "windDownState" },
      { address: at, abi: poolAbi, functionName: "lineCount" },
      { address: at, abi: poolAbi, functionName: "proposalCount" },
      { address: at, abi: poolAbi, functionName: "pledgeCount" },
    ],
  });
}

/** The seat and its succession: maintainer, seat, election, petition, rules, and the epoch. */
function usePoolSeat(at: Address, enabled: boolean) {
  return useReadContracts({
    allowFailure: false,
    query: {
      enabled,
      select: ([maintainer, seat, election, electionKind, petition, rules, epoch]) => ({
        maintainer, epoch, rules: rulesOf(rules),
        seat: { status: seat[0], lastActive: seat[1], openedAt: seat[2] },
        election: { id: election[0], kind: electionKind, votingStartsAt: BigInt(election[2]), votingEndsAt: BigInt(election[3]), leader: election[4], leaderVotes: election[5] },
        petition: { id: petition[0], weight: petition[1], threshold: petition[2], expiresAt: petition[3] },
      }),
    },
    contracts: [
      { address: at, abi: poolAbi, functionName: "maintainer" },
      { address: at, abi: poolAbi, functionName: "seat" },
      { address: at, abi: poolAbi, functionName: "election" },
      { address: at, abi: poolAbi, functionName: "electionKind" },
      { address: at, abi: poolAbi, functionName: "petition" },
      { address: at, abi: poolAbi, functionName: "rules" },
      { address: at, abi: poolAbi, functionName: "epoch" },
    ],
  });
}

type ClaimRead = readonly [{ payee: Address; amount: bigint; number: number; payableAt: number; periodIndex: number; period: number; line: number; toReject: bigint }, number];

/**
 * One read per claim (the transport batches them). A claim that is no longer pending never changes again
 * (paid, rejected, withdrawn and void are final), so a new block does not re-read it.
 */
function useClaimReads(at: Address, claimIds: readonly bigint[]) {
  const config = useConfig();
  const settled = (data: unknown) => Array.isArray(data) && (data[0] as ClaimRead | undefined)?.[1] !== undefined && (data[0] as ClaimRead)[1] >= 2;
  return useQueries({
    queries: claimIds.map((id) => ({
      ...readContractsQueryOptions(config, { allowFailure: false, contracts: [{ address: at, abi: poolAbi, functionName: "claim", args: [id] }] }),
      queryKeyHashFn: hashFn, // the key holds bigints (wagmi's hooks hash them so too)
      meta: { settled } satisfies ReadMeta,
    })),
    combine: (results) => ({ data: results.map((r) => r.data?.[0] as ClaimRead | undefined), error: results.find((r) => r.error)?.error ?? null }),
  });
}

/**
 * The chain's figures for the contributors `shown` (one read each, which the transport batches): given, matured,
 * weight and what they may reclaim; undefined until read. Only the rows on screen are read, so a pool page costs
 * the same reads with 30 contributors or 30,000. Re-read when the history brings an event naming them (a gift, a
 * delivery, a reclaim) and when the epoch turns (gifts mature then: see usePool).
 */
export function useContributorFigures(at: Address, shown: readonly Address[]): Array<ContributorFigures | undefined> {
  const config = useConfig();
  return useQueries({
    queries: shown.map((who) => ({
      ...readContractsQueryOptions(config, {
        allowFailure: false,
        contracts: [
          { address: at, abi: poolAbi, functionName: "contributionOf", args: [who] },
          { address: at, abi: poolAbi, functionName: "weightOf", args: [who] },
          { address: at, abi: poolAbi, functionName: "reclaimable", args: [who] },
        ],
      }),
      queryKeyHashFn: hashFn,
      staleTime: Infinity,
      meta: { eventDriven: true, touchedBy: who.toLowerCase() } satisfies ReadMeta,
    })),
    combine: (results) => results.map((r) => {
      const d = r.data as readonly [readonly [bigint, bigint], bigint, bigint] | undefined;
      return d === undefined ? undefined : { given: d[0][0], matured: d[0][1], weight: d[1], reclaimable: d[2] };
    }),
  });
}

/** Who each history event touches among the event-driven reads: the contributor it names. */
function touched(e: PoolEvent): string | undefined {
  const who = e.eventName === "Given" ? e.args.donor : e.eventName === "DeliveryRecorded" ? e.args.pledger : e.eventName === "Reclaimed" ? e.args.contributor : undefined;
  return typeof who === "string" ? who.toLowerCase() : undefined;
}

/**
 * What the page reads out of the history, in one pass: claims' ids (newest first, at most 1,000) with their
 * filing and objections, every nomination and candidate statement, and who has a standing order. Computed once
 * per history, not on each of the page's renders while its reads come in.
 */
function fromHistory(events: readonly PoolEvent[]) {
  const filed = new Map<bigint, PoolEvent>();
  const objections = new Map<bigint, { weight: bigint; count: number }>();
  const nominations: PoolEvent[] = [];
  const statements: PoolEvent[] = [];
  const subscribed = new Map<string, boolean>();
  for (const e of events) {
    if (e.eventName === "ClaimFiled") filed.set(e.args.claimId as bigint, e);
    else if (e.eventName === "ClaimObjected") {
      const id = e.args.claimId as bigint;
      const o = objections.get(id) ?? { weight: 0n, count: 0 };
      objections.set(id, { weight: o.weight + (e.args.weight as bigint), count: o.count + 1 });
    } else if (e.eventName === "Nominated") nominations.push(e);
    else if (e.eventName === "CandidateStatement") statements.push(e);
    else if (e.eventName === "Subscribed") subscribed.set(String(e.args.donor).toLowerCase(), true);
    else if (e.eventName === "Unsubscribed") subscribed.set(String(e.args.donor).toLowerCase(), false);
  }
  const claimIds = [...filed.keys()].reverse().slice(0, 1_000);
  const subscribers = [...subscribed.entries()].filter(([, on]) => on).map(([a]) => a as Address);
  return { filed, objections, claimIds, nominations, statements, subscribers };
}

const byDesc = <T,>(key: (x: T) => bigint) => (a: T, b: T) => (key(b) > key(a) ? 1 : key(b) < key(a) ? -1 : 0);

export function usePool(address: Address | undefined) {
  const { now } = useChainClock();
  const queryClient = useQueryClient();
  const created = useCreatedPools();
  const entry = created.data?.find((p) => address !== undefined && p.address.toLowerCase() === address.toLowerCase());
  const enabled = address !== undefined;
  const at = address ?? ZERO;
  const config = usePoolConfig(at, enabled);
  const ledger = usePoolLedger(at, enabled);
  const seat = usePoolSeat(at, enabled);
  const assetAddress = config.data?.asset;
  const token = assetAddress !== undefined && !isEth({ address: assetAddress }) ? assetAddress : undefined;

  const tokenInfo = useReadContracts({
    allowFailure: false,
    query: { enabled: token !== undefined, ...FIXED },
    contracts: [
      { address: token ?? at, abi: erc20Abi, functionName: "symbol" },
      { address: token ?? at, abi: erc20Abi, functionName: "decimals" },
    ],
  });
  // What the pool actually holds, next to its ledger: the difference is stray funds anyone may sweep in.
  const ethHeld = useBalance({ address, query: { enabled: enabled && assetAddress !== undefined && token === undefined } });
  const tokenHeld = useReadContract({
    address: token ?? at, abi: erc20Abi, functionName: "balanceOf", args: [at], query: { enabled: enabled && token !== undefined },
  });
  const held = token === undefined ? ethHeld.data?.value : tokenHeld.data;
  const lineIds = ids(ledger.data?.lineCount).reverse();
  const lines = useReadContracts({
    allowFailure: false,
    query: { enabled: lineIds.length > 0 },
    contracts: lineIds.map((id) => ({ address: at, abi: poolAbi, functionName: "budgetLine", args: [id] }) as const),
  });
  const proposalIds = ids(ledger.data?.proposalCount, 200);
  const proposals = useReadContracts({
    allowFailure: false,
    query: { enabled: proposalIds.length > 0 },
    contracts: proposalIds.map((id) => ({ address: at, abi: poolAbi, functionName: "proposal", args: [id] }) as const),
  });
  const pledgeIds = ids(ledger.data?.pledgeCount, 200);
  const pledges = useReadContracts({
    allowFailure: false,
    query: { enabled: pledgeIds.length > 0 },
    contracts: pledgeIds.map((id) => ({ address: at, abi: poolAbi, functionName: "pledgeAt", args: [id] }) as const),
  });

  const history = usePoolHistory(address, entry?.createdOnBlock);
  const events = useMemo(() => history.data ?? [], [history.data]);
  const contributors = useMemo(() => contributorsFrom(events), [events]);
  const told = useMemo(() => fromHistory(events), [events]);
  // Claims are stored under their receipt hash, so their ids come from ClaimFiled, newest first.
  const claimIds = told.claimIds;
  const claims = useClaimReads(at, claimIds);
  const electionId = seat.data?.election.id;
  const nominations = told.nominations.filter((e) => e.args.electionId === electionId);
  const candidateReads = useReadContracts({
    allowFailure: false,
    query: { enabled: nominations.length > 0 && electionId !== undefined },
    contracts: nominations.map((e) => ({ address: at, abi: poolAbi, functionName: "candidate", args: [electionId ?? 0n, e.args.candidate as Address] }) as const),
  });

  // New events re-read the contributors they name (and only those): see lib/queries.ts.
  const seen = useRef<{ address?: Address; count: number }>({ count: 0 });
  useEffect(() => {
    const last = seen.current;
    const fresh = last.address === address ? events.slice(last.count) : [];
    seen.current = { address, count: events.length };
    const names = new Set(fresh.map(touched).filter((w): w is string => w !== undefined));
    void invalidateTouched(queryClient, names);
  }, [events, address, queryClient]);
  // When the epoch turns, gifts of the last one mature: every contributor's weight is re-read (once an epoch).
  const epoch = seat.data?.epoch;
  const lastEpoch = useRef<bigint | undefined>(undefined);
  useEffect(() => {
    if (epoch === undefined) return;
    if (lastEpoch.current !== undefined && lastEpoch.current !== epoch) void invalidateTouched(queryClient, "all");
    lastEpoch.current = epoch;
  }, [epoch, queryClient]);

  // A token pool is not shown before its token's decimals are known: an amount typed into a form meanwhile
  // would be read with the wrong number of decimals (10 mUSD as 10 × 10^18 base units).
  const tokenData = tokenInfo.data;
  const tokenPending = token !== undefined && tokenData === undefined;
  const isLoading = config.isLoading || ledger.isLoading || seat.isLoading || created.isLoading || (tokenPending && tokenInfo.error === null);
  const error = config.error ?? ledger.error ?? seat.error ?? created.error ?? tokenInfo.error ?? history.error ?? claims.error ?? lines.error;
  const c = config.data;
  const l = ledger.data;
  const st = seat.data;
  // Nothing is shown until the pool's name is known too: never its raw address as a title.
  if (c === undefined || l === undefined || st === undefined || address === undefined || entry === undefined || tokenPending) {
    return { data: undefined, isLoading, error, notFound: created.isSuccess && entry === undefined && !config.isLoading };
  }

  const asset: Asset = token === undefined || tokenData === undefined ? ETH // (a token pool without its data returned above)
    : { address: token, symbol: tokenSymbol(tokenData[0]), decimals: tokenData[1] };

  const { filed, objections } = told;
  const claimRecords: ClaimRecord[] = claimIds.map((id, i) => {
    const read = claims.data[i];
    const ev = filed.get(id);
    const o = objections.get(id) ?? { weight: 0n, count: 0 };
    const cl = read?.[0];
    const paid = read?.[1] === 2; // a paid claim reads back without payee and amount: they are in ClaimFiled
    const toReject = cl?.toReject ?? 0n;
    return {
      id,
      number: cl?.number ?? claimIds.length - 1 - i,
      status: read?.[1] ?? 0,
      payee: paid || cl === undefined ? (ev?.args.payee as Address | undefined) : cl.payee,
      amount: paid || cl === undefined ? (ev?.args.amount as bigint | undefined) : cl.amount,
      payableAt: BigInt(cl?.payableAt ?? 0),
      line: cl === undefined ? (ev !== undefined ? Number(ev.args.line) : undefined) : cl.line,
      period: cl === undefined ? undefined : BigInt(cl.period),
      periodIndex: cl === undefined ? undefined : BigInt(cl.periodIndex),
      toReject,
      objected: o.weight,
      objectors: o.count,
      bar: toReject + o.weight,
      receiptHash: ev?.args.receiptHash as Hex | undefined,
      receiptURI: ev?.args.receiptURI as string | undefined,
      filedTx: ev?.transactionHash,
      filedBlock: ev?.blockNumber,
    };
  });

  const lineViews: BudgetLineView[] = lineIds.map((id, i) => {
    const line = lines.data?.[i];
    const period = BigInt(line?.[2] ?? 0);
    const spent = line?.[3] ?? 0n;
    const nextReset = line?.[5] ?? 0n;
    // What pending claims reserve in the line's current period (the one ending at nextReset); the rest was paid.
    const index = period > 0n ? (nextReset - c.genesis) / period - 1n : -1n;
    const reserved = claimRecords
      .filter((r) => r.status === 1 && r.line === Number(id) && r.period === period && r.periodIndex === index)
      .reduce((sum, r) => sum + (r.amount ?? 0n), 0n);
    const pendingHere = reserved > spent ? spent : reserved;
    // Line names, proposed names and pledge descriptions are chain text: made inert once, here, for every panel.
    return { id: Number(id), name: line === undefined ? `line ${id}` : inert(line[0], { max: 64 }), cap: line?.[1] ?? 0n, period, spent, left: line?.[4] ?? 0n, nextReset, reserved: pendingHere, paid: spent - pendingHere };
  });

  const proposalRecords: ProposalRecord[] = proposalIds.map((id, i) => {
    const p = proposals.data?.[i];
    return { id, kind: p?.kind ?? 0, status: p?.status ?? 0, effectiveAt: BigInt(p?.effectiveAt ?? 0), line: p?.line ?? 0, changes: p?.changes ?? 0, cap: p?.cap ?? 0n, period: BigInt(p?.period ?? 0), name: inert(p?.name ?? "", { max: 64 }), rules: p === undefined ? undefined : rulesOf(p.rules), toReject: p?.toReject ?? 0n };
  });

  const pledgeRecords: PledgeRecord[] = pledgeIds.map((id, i) => {
    const p = pledges.data?.[i];
    return { id, pledger: p?.pledger ?? at, valuePerPeriod: p?.valuePerPeriod ?? 0n, period: BigInt(p?.period ?? 0), periods: p?.periods ?? 0, delivered: p?.delivered ?? 0, status: p?.status ?? 0, description: inert(p?.description ?? "", { max: 280 }) };
  });

  // Events come in chain order: the last statement for a candidate stands (both empty: withdrawn).
  const statements = new Map<string, { name: string; uri: string }>();
  for (const e of told.statements) {
    if (e.args.electionId === electionId) statements.set(String(e.args.candidate).toLowerCase(), { name: String(e.args.name), uri: String(e.args.uri) });
  }
  const candidates: Candidate[] = nominations.map((e, i) => {
    const cr = candidateReads.data?.[i];
    const said = statements.get(String(e.args.candidate).toLowerCase());
    return {
      address: e.args.candidate as Address, votes: cr?.[1] ?? 0n, nominatedBy: e.args.nominator as Address,
      statement: said === undefined || (said.name === "" && said.uri === "") ? undefined : said,
    };
  }).sort(byDesc((x) => x.votes));

  const state: PoolState = {
    isEthPool: token === undefined,
    maintainer: st.maintainer,
    seatStatus: st.seat.status,
    lastActive: st.seat.lastActive,
    openedAt: st.seat.openedAt,
    rules: st.rules,
    election: st.election,
    petition: st.petition,
    totalWeight: l.totalWeight,
  };
  const data: PoolData = {
    ...state,
    address,
    name: poolName(entry.metadataURI, address),
    metadata: entry.metadata,
    createdOnBlock: entry.createdOnBlock,
    asset,
    quadratic: c.quadratic,
    epochLength: c.epochLength,
    genesis: c.genesis,
    epoch: st.epoch,
    inKindWeightBps: c.inKindWeightBps,
    balance: l.balance,
    held,
    stray: strayFunds(held, l.balance),
    totalGiven: l.totalGiven,
    carried: l.carried,
    windDown: l.windDown,
    runway: runway(l.balance, l.carried.budgetPerMonth, l.carried.recurringPerMonth),
    status: maintainerStatus(state, now),
    phase: electionPhase(state.election, now),
    lines: lineViews,
    claims: claimRecords,
    proposals: proposalRecords,
    pledges: pledgeRecords,
    contributors,
    candidates,
    subscribers: told.subscribers,
    events,
    historyKnown: history.data !== undefined,
  };
  return { data, isLoading, error, notFound: false };
}
