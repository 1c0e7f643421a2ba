// Where the web app reads history (lists of pools, each pool's events): the indexer when VITE_INDEXER_URL is
// set, else bounded eth_getLogs from the chain. The indexer only shortens the wait: what it returns is the
// same events the chain emitted, and everything a transaction depends on (balances, weights, phases, claim
// status, whether a button is enabled) is still read from the chain by the hooks. If the indexer does not
// answer, the app falls back to logs and says so; it also says how far behind the chain the indexer is.
import { useSyncExternalStore } from "react";
import type { AbiEvent, AbiParameter, Address, Hex, Log, PublicClient } from "viem";
import { contractLogs } from "./logs";

export const indexerUrl: string | undefined = (import.meta.env.VITE_INDEXER_URL ?? "").replace(/\/+$/, "") || undefined;

export interface HistoryState {
  /** "indexer": read from it; "logs": no indexer configured; "fallback": configured but unreachable. */
  source: "indexer" | "logs" | "fallback";
  /** Blocks the indexer is behind the chain's latest (indexer only). */
  behind?: number;
  /** Why the app fell back to logs. */
  error?: string;
}

let state: HistoryState = { source: indexerUrl === undefined ? "logs" : "indexer" };
const listeners = new Set<() => void>();

function setState(next: HistoryState) {
  if (next.source === state.source && next.behind === state.behind && next.error === state.error) return;
  state = next;
  for (const l of listeners) l();
}

/** The history source as it stands now. */
export function historyState(): HistoryState {
  return state;
}

/** The history source as it stands (for a line under the header). */
export function useHistorySource(): HistoryState {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, () => state);
}

/** A log as the hooks use it: decoded name and arguments, where and when. */
export interface HistoryLog {
  eventName: string;
  args: Record<string, unknown>;
  blockNumber: bigint;
  logIndex: number;
  transactionHash: Hex;
}

/** JSON from the indexer (numbers as strings) back to viem's types, by the ABI's parameter types. */
function revive(value: unknown, param: AbiParameter | undefined): unknown {
  if (param === undefined) return value;
  if (/^u?int\d*$/.test(param.type)) return BigInt(String(value));
  if (param.type === "tuple" && "components" in param && value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const c of param.components) if (c.name !== undefined) out[c.name] = revive((value as Record<string, unknown>)[c.name], c);
    return out;
  }
  return value;
}

async function fetchIndexer<T>(route: string): Promise<T> {
  const response = await fetch(`${indexerUrl}${route}`, { signal: AbortSignal.timeout(8_000) });
  if (!response.ok) throw new Error(`the indexer answered ${response.status} to ${route}`);
  return (await response.json()) as T;
}

/**
 * The indexer's block; throws if it is unreachable. Also records how far behind `latest` it is. An indexer
 * behind the chain still serves what it has; the hooks then add the missing blocks from logs.
 */
async function indexedBlock(latest: bigint): Promise<bigint> {
  const status = await fetchIndexer<Record<string, { block?: { number: number } | null }>>("/status");
  const chain = Object.values(status)[0];
  const at = chain?.block?.number;
  if (at === undefined) throw new Error("the indexer has not synced yet");
  setState({ source: "indexer", behind: Math.max(0, Number(latest - BigInt(at))) });
  return BigInt(at);
}

function fellBack(error: unknown) {
  setState({ source: "fallback", error: error instanceof Error ? error.message : String(error) });
}

function fromLogs(logs: Log[]): HistoryLog[] {
  return logs.map((l) => {
    const log = l as unknown as HistoryLog;
    return { eventName: log.eventName, args: log.args, blockNumber: log.blockNumber, logIndex: log.logIndex, transactionHash: log.transactionHash };
  });
}

interface IndexedEvent { name: string; args: Record<string, unknown>; blockNumber: string; logIndex: number; tx: Hex }

/**
 * A contract's `events` from `fromBlock` to `latest`: from the indexer (plus logs for any blocks it has not
 * reached yet) when configured and reachable, else from bounded logs.
 */
export async function eventHistory(
  client: PublicClient,
  key: string,
  address: Address,
  events: readonly AbiEvent[],
  fromBlock: bigint,
  latest: bigint,
  size: bigint,
  indexed?: () => Promise<HistoryLog[]>,
): Promise<HistoryLog[]> {
  if (indexerUrl !== undefined && indexed !== undefined) {
    try {
      // Both at once: every round trip counts on a slow link.
      const [at, rows] = await Promise.all([indexedBlock(latest), indexed()]);
      if (at >= latest) return rows;
      // The blocks the indexer has not reached: a short log query.
      const tail = await client.getLogs({ address, events, fromBlock: at + 1n, toBlock: latest, strict: true });
      return [...rows, ...fromLogs(tail)];
    } catch (error) {
      fellBack(error);
    }
  }
  return fromLogs(await contractLogs(client, key, address, events, fromBlock, latest, size));
}

/** A pool's events from the indexer, revived to viem's types with `events`' ABI. */
export function indexedPoolEvents(pool: Address, events: readonly AbiEvent[]): () => Promise<HistoryLog[]> {
  const byName = new Map(events.map((e) => [e.name, e]));
  return async () => {
    const rows = await fetchIndexer<IndexedEvent[]>(`/pools/${pool.toLowerCase()}/events`);
    const out: HistoryLog[] = [];
    for (const row of rows) {
      const abi = byName.get(row.name);
      if (abi === undefined) continue; // an event this page does not read
      const args: Record<string, unknown> = {};
      for (const input of abi.inputs) if (input.name !== undefined) args[input.name] = revive(row.args[input.name], input);
      out.push({ eventName: row.name, args, blockNumber: BigInt(row.blockNumber), logIndex: row.logIndex, transactionHash: row.tx });
    }
    return out;
  };
}

interface IndexedPool { address: Address; asset: Address; maintainer: Address | null; firstMaintainer: Address | null; metadataURI: string | null; createdBlock: string | null; createdTx: Hex | null }

/** The factory's PoolCreated events, as the indexer recorded them. */
export async function indexedCreatedPools(): Promise<HistoryLog[]> {
  const rows = await fetchIndexer<IndexedPool[]>("/pools");
  return rows.filter((p) => p.createdBlock !== null).map((p, i) => ({
    eventName: "PoolCreated",
    args: { pool: p.address, asset: p.asset, maintainer: p.firstMaintainer ?? p.maintainer, metadataURI: p.metadataURI ?? "" },
    blockNumber: BigInt(p.createdBlock!),
    logIndex: i,
    transactionHash: p.createdTx ?? "0x",
  }));
}

/** The pool's Atom feed (for a link on its page), when an indexer serves one. */
export function feedUrl(pool: Address, format: "atom" | "json" = "atom"): string | undefined {
  return indexerUrl === undefined ? undefined : `${indexerUrl}/pools/${pool.toLowerCase()}/feed.${format}`;
}
