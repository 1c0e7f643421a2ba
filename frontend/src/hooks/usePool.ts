// usePool: one pool's whole state, read in a few batches (the fixed figures; the lines, claims, changes and
// pledges by id; the contributors found in the event history), so a page with a thousand contributors and
// two hundred claims renders from a handful of RPC requests.
import { useQuery } from "@tanstack/react-query";
import { getAbiItem, type AbiEvent, type Address, type Hex } from "viem";
import { useBalance, usePublicClient, useReadContract, useReadContracts } from "wagmi";
import { erc20Abi, poolAbi } from "../contracts";
import { type Asset, ETH, inert, isEth, type PoolMetadata, poolName, runway, type Runway, tokenSymbol } from "@potluck/core";
import { eventHistory, indexedPoolEvents } from "../lib/history";
import { electionPhase, maintainerStatus, strayFunds, type MaintainerStatus, type PoolState, type Rules } from "../lib/state";
import { logBlockRange } from "../wagmi";
import { useChainClock } from "./useChainClock";
import { useCreatedPools } from "./usePools";

const HISTORY_EVENTS = [
  "Given", "ClaimFiled", "ClaimObjected", "ClaimPaid", "ClaimRejected", "ClaimCancelled", "ChangeProposed", "ChangeObjected",
  "Nominated", "CandidateStatement", "Voted", "RecallSigned", "ElectionCalled", "ElectionFinalized", "MaintainerChanged", "Subscribed",
  "Unsubscribed", "Collected", "Pledged", "DeliveryRecorded", "WoundDown", "Reclaimed",
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
}

export interface BudgetLineView {
  id: number;
  name: string;
  cap: bigint;
  period: bigint;
  spent: bigint;
  left: bigint;
  nextReset: bigint;
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

export interface Contributor {
  address: Address;
  given: bigint;
  matured: bigint;
  weight: bigint;
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

export function usePool(address: Address | undefined) {
  const { now } = useChainClock();
  const created = useCreatedPools();
  const entry = created.data?.find((p) => address !== undefined && p.address.toLowerCase() === address.toLowerCase());
  const enabled = address !== undefined;
  const at = address ?? "0x0000000000000000000000000000000000000000";
  const fixed = useReadContracts({
    allowFailure: false,
    query: { enabled },
    contracts: [
      { address: at, abi: poolAbi, functionName: "asset" },
      { address: at, abi: poolAbi, functionName: "epochLength" },
      { address: at, abi: poolAbi, functionName: "genesis" },
      { address: at, abi: poolAbi, functionName: "weighting" },
      { address: at, abi: poolAbi, functionName: "inKindWeightBps" },
      { address: at, abi: poolAbi, functionName: "balance" },
      { address: at, abi: poolAbi, functionName: "totalGiven" },
      { address: at, abi: poolAbi, functionName: "totalWeight" },
      { address: at, abi: poolAbi, functionName: "epoch" },
      { address: at, abi: poolAbi, functionName: "maintainer" },
      { address: at, abi: poolAbi, functionName: "seat" },
      { address: at, abi: poolAbi, functionName: "election" },
      { address: at, abi: poolAbi, functionName: "electionKind" },
      { address: at, abi: poolAbi, functionName: "petition" },
      { address: at, abi: poolAbi, functionName: "rules" },
      { address: at, abi: poolAbi, functionName: "lineCount" },
      { address: at, abi: poolAbi, functionName: "proposalCount" },
      { address: at, abi: poolAbi, functionName: "pledgeCount" },
      { address: at, abi: poolAbi, functionName: "carried" },
      { address: at, abi: poolAbi, functionName: "windDownState" },
    ],
  });
  const f = fixed.data;
  const assetAddress = f?.[0];
  const token = assetAddress !== undefined && !isEth({ address: assetAddress }) ? assetAddress : undefined;

  const tokenInfo = useReadContracts({
    allowFailure: false,
    query: { enabled: token !== undefined, staleTime: Infinity },
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
  const lineIds = ids(f?.[15]).reverse();
  const lines = useReadContracts({
    allowFailure: false,
    query: { enabled: lineIds.length > 0 },
    contracts: lineIds.map((id) => ({ address: at, abi: poolAbi, functionName: "budgetLine", args: [id] }) as const),
  });
  const proposalIds = ids(f?.[16], 200);
  const proposals = useReadContracts({
    allowFailure: false,
    query: { enabled: proposalIds.length > 0 },
    contracts: proposalIds.map((id) => ({ address: at, abi: poolAbi, functionName: "proposal", args: [id] }) as const),
  });
  const pledgeIds = ids(f?.[17], 200);
  const pledges = useReadContracts({
    allowFailure: false,
    query: { enabled: pledgeIds.length > 0 },
    contracts: pledgeIds.map((id) => ({ address: at, abi: poolAbi, functionName: "pledgeAt", args: [id] }) as const),
  });

  const history = usePoolHistory(address, entry?.createdOnBlock);
  const events = history.data ?? [];
  // Claims are stored under their receipt hash, so their ids come from ClaimFiled, newest first.
  const claimIds = events.filter((e) => e.eventName === "ClaimFiled").map((e) => e.args.claimId as bigint).reverse().slice(0, 1_000);
  const claims = useReadContracts({
    allowFailure: false,
    query: { enabled: claimIds.length > 0 },
    contracts: claimIds.map((id) => ({ address: at, abi: poolAbi, functionName: "claim", args: [id] }) as const),
  });
  const donors = [...new Set(events.filter((e) => e.eventName === "Given" || e.eventName === "DeliveryRecorded")
    .map((e) => String(e.args.donor ?? e.args.pledger).toLowerCase()))] as Address[];
  const contributorReads = useReadContracts({
    allowFailure: false,
    query: { enabled: donors.length > 0 },
    contracts: donors.flatMap((who) => [
      { address: at, abi: poolAbi, functionName: "contributionOf", args: [who] } as const,
      { address: at, abi: poolAbi, functionName: "weightOf", args: [who] } as const,
    ]),
  });
  const electionId = f?.[11][0];
  const nominations = events.filter((e) => e.eventName === "Nominated" && e.args.electionId === electionId);
  const candidateReads = useReadContracts({
    allowFailure: false,
    query: { enabled: nominations.length > 0 && electionId !== undefined },
    contracts: nominations.map((e) => ({ address: at, abi: poolAbi, functionName: "candidate", args: [electionId ?? 0n, e.args.candidate as Address] }) as const),
  });

  // A token pool is not shown before its token's decimals are known: an amount typed into a form meanwhile
  // would be read with the wrong number of decimals (10 mUSD as 10 × 10^18 base units).
  const tokenData = tokenInfo.data;
  const tokenPending = token !== undefined && tokenData === undefined;
  const isLoading = fixed.isLoading || created.isLoading || (tokenPending && tokenInfo.error === null);
  const error = fixed.error ?? created.error ?? tokenInfo.error ?? history.error ?? claims.error ?? lines.error;
  if (f === undefined || address === undefined || (token !== undefined && tokenData === undefined)) {
    return { data: undefined, isLoading, error, notFound: created.isSuccess && entry === undefined && !fixed.isLoading };
  }

  const asset: Asset = token === undefined || tokenData === undefined ? ETH // (a token pool without its data returned above)
    : { address: token, symbol: tokenSymbol(tokenData[0]), decimals: tokenData[1] };
  const [seatStatus, lastActive, openedAt] = f[10];
  const [eid, , votingStartsAt, votingEndsAt, leader, leaderVotes] = f[11];
  const r = f[14];
  const carried = { budgetPerMonth: f[18][0], recurringPerMonth: f[18][1], pledgedPerMonth: f[18][2], delivered: f[18][3] };

  const filed = new Map<bigint, PoolEvent>();
  const objections = new Map<bigint, { weight: bigint; count: number }>();
  for (const e of events) {
    if (e.eventName === "ClaimFiled") filed.set(e.args.claimId as bigint, e);
    if (e.eventName === "ClaimObjected") {
      const id = e.args.claimId as bigint;
      const o = objections.get(id) ?? { weight: 0n, count: 0 };
      objections.set(id, { weight: o.weight + (e.args.weight as bigint), count: o.count + 1 });
    }
  }
  const claimRecords: ClaimRecord[] = claimIds.map((id, i) => {
    const read = claims.data?.[i] as readonly [{ payee: Address; amount: bigint; number: number; payableAt: number; line: number; toReject: bigint }, number] | undefined;
    const ev = filed.get(id);
    const o = objections.get(id) ?? { weight: 0n, count: 0 };
    const c = read?.[0];
    const paid = read?.[1] === 2; // a paid claim reads back without payee and amount: they are in ClaimFiled
    const toReject = c?.toReject ?? 0n;
    return {
      id,
      number: c?.number ?? claimIds.length - 1 - i,
      status: read?.[1] ?? 0,
      payee: paid || c === undefined ? (ev?.args.payee as Address | undefined) : c.payee,
      amount: paid || c === undefined ? (ev?.args.amount as bigint | undefined) : c.amount,
      payableAt: BigInt(c?.payableAt ?? 0),
      line: c === undefined ? (ev !== undefined ? Number(ev.args.line) : undefined) : c.line,
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
    const l = lines.data?.[i];
    // Line names, proposed names and pledge descriptions are chain text: made inert once, here, for every panel.
    return { id: Number(id), name: l === undefined ? `line ${id}` : inert(l[0], { max: 64 }), cap: l?.[1] ?? 0n, period: BigInt(l?.[2] ?? 0), spent: l?.[3] ?? 0n, left: l?.[4] ?? 0n, nextReset: l?.[5] ?? 0n };
  });

  const proposalRecords: ProposalRecord[] = proposalIds.map((id, i) => {
    const p = proposals.data?.[i];
    return { id, kind: p?.kind ?? 0, status: p?.status ?? 0, effectiveAt: BigInt(p?.effectiveAt ?? 0), line: p?.line ?? 0, changes: p?.changes ?? 0, cap: p?.cap ?? 0n, period: BigInt(p?.period ?? 0), name: inert(p?.name ?? "", { max: 64 }), rules: p === undefined ? undefined : rulesOf(p.rules), toReject: p?.toReject ?? 0n };
  });

  const pledgeRecords: PledgeRecord[] = pledgeIds.map((id, i) => {
    const p = pledges.data?.[i];
    return { id, pledger: p?.pledger ?? at, valuePerPeriod: p?.valuePerPeriod ?? 0n, period: BigInt(p?.period ?? 0), periods: p?.periods ?? 0, delivered: p?.delivered ?? 0, status: p?.status ?? 0, description: inert(p?.description ?? "", { max: 280 }) };
  });

  const contributors: Contributor[] = donors.map((who, i) => {
    const c = contributorReads.data?.[2 * i] as readonly [bigint, bigint] | undefined;
    return { address: who, given: c?.[0] ?? 0n, matured: c?.[1] ?? 0n, weight: (contributorReads.data?.[2 * i + 1] as bigint | undefined) ?? 0n };
  }).sort((a, b) => (b.given > a.given ? 1 : b.given < a.given ? -1 : 0));

  // Events come in chain order: the last statement for a candidate stands (both empty: withdrawn).
  const statements = new Map<string, { name: string; uri: string }>();
  for (const e of events) {
    if (e.eventName === "CandidateStatement" && e.args.electionId === electionId) {
      statements.set(String(e.args.candidate).toLowerCase(), { name: String(e.args.name), uri: String(e.args.uri) });
    }
  }
  const candidates: Candidate[] = nominations.map((e, i) => {
    const c = candidateReads.data?.[i];
    const said = statements.get(String(e.args.candidate).toLowerCase());
    return {
      address: e.args.candidate as Address, votes: c?.[1] ?? 0n, nominatedBy: e.args.nominator as Address,
      statement: said === undefined || (said.name === "" && said.uri === "") ? undefined : said,
    };
  }).sort((a, b) => (b.votes > a.votes ? 1 : b.votes < a.votes ? -1 : 0));

  const subscribed = new Map<string, boolean>();
  for (const e of events) {
    if (e.eventName === "Subscribed") subscribed.set(String(e.args.donor).toLowerCase(), true);
    if (e.eventName === "Unsubscribed") subscribed.set(String(e.args.donor).toLowerCase(), false);
  }

  const state: PoolState = {
    isEthPool: token === undefined,
    maintainer: f[9],
    seatStatus,
    lastActive,
    openedAt,
    rules: rulesOf(r),
    election: { id: eid, kind: f[12], votingStartsAt: BigInt(votingStartsAt), votingEndsAt: BigInt(votingEndsAt), leader, leaderVotes },
    petition: { id: f[13][0], weight: f[13][1], threshold: f[13][2], expiresAt: f[13][3] },
    totalWeight: f[7],
  };
  const data: PoolData = {
    ...state,
    address,
    name: poolName(entry?.metadataURI, address),
    metadata: entry?.metadata,
    createdOnBlock: entry?.createdOnBlock ?? 0n,
    asset,
    quadratic: f[3] === 1,
    epochLength: f[1],
    genesis: f[2],
    epoch: f[8],
    inKindWeightBps: f[4],
    balance: f[5],
    held,
    stray: strayFunds(held, f[5]),
    totalGiven: f[6],
    carried,
    windDown: { left: f[19][0], reclaimed: f[19][1] },
    runway: runway(f[5], carried.budgetPerMonth, carried.recurringPerMonth),
    status: maintainerStatus(state, now),
    phase: electionPhase(state.election, now),
    lines: lineViews,
    claims: claimRecords,
    proposals: proposalRecords,
    pledges: pledgeRecords,
    contributors,
    candidates,
    subscribers: [...subscribed.entries()].filter(([, on]) => on).map(([a]) => a as Address),
    events,
  };
  return { data, isLoading, error, notFound: false };
}
