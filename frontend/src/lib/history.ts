// Where the web app reads history (lists of pools, each pool's events): the indexer when VITE_INDEXER_URL is
// set, else bounded eth_getLogs from the chain. The indexer only shortens the wait: what it returns is the
// same events the chain emitted, and everything a transaction depends on (balances, weights, phases, claim
// status, whether a button is enabled) is still read from the chain by the hooks. If the indexer does not
// answer, the app falls back to logs and says so; it also says how far behind the chain the indexer is.
import { useSyncExternalStore } from "react";
import type { AbiEvent, AbiParameter, Address, Hex, Log, PublicClient } from "viem";
import { contractLogs, logsBetween } from "./logs";

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
  /** Its block's time, when the indexer recorded it (logs do not carry it). */
  timestamp?: bigint;
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

/** A request to the indexer started before anyone asked for it (see `prefetchHistory`), and when. */
const early = new Map<string, { at: number; response: Promise<unknown> }>();
/** How long a prefetched answer may wait for its reader before it is considered stale. */
const EARLY_MS = 5_000;
/** How long the indexer may take to answer before the app reads logs instead. */
const TIMEOUT_MS = 8_000;

async function answer<T>(route: string, response: Response): Promise<T> {
  if (!response.ok) throw new Error(`the indexer answered ${response.status} to ${route}`);
  return (await response.json()) as T;
}

function request<T>(route: string): Promise<T> {
  return fetch(`${indexerUrl}${route}`, { signal: AbortSignal.timeout(TIMEOUT_MS) }).then((r) => answer<T>(route, r));
}

/** `route`'s answer: the prefetched one if it was started moments ago (read once), else a new request. */
function fetchIndexer<T>(route: string): Promise<T> {
  const started = early.get(route);
  early.delete(route);
  if (started !== undefined && Date.now() - started.at < EARLY_MS) return started.response as Promise<T>;
  return request<T>(route);
}

function keep(route: string, at: number, response: Promise<unknown>) {
  response.catch(() => {}); // a failure is reported to the reader that takes it, not as unhandled
  early.set(route, { at, response });
}

/**
 * Starts the indexer requests the page at `hash` will make, before React renders and before the first block is
 * known (the hooks wait for it): on a slow link the page then waits one round trip, not three in a row.
 */
export function prefetchHistory(hash: string): void {
  if (indexerUrl === undefined) return;
  const routes = ["/app/pools"];
  const pool = /^#\/pool\/(0x[0-9a-fA-F]{40})/.exec(hash)?.[1];
  if (pool !== undefined) routes.push(`/app/pools/${pool.toLowerCase()}`);
  for (const route of routes) if (!early.has(route)) keep(route, Date.now(), request(route));
}

/** What index.html's first script started (the indexer's responses by route), before this module loaded. */
interface EarlyRequests { at: number; requests: Record<string, Promise<Response>> }

/** Takes over the requests index.html started, then starts any the page still needs. */
export function takeOver(started: EarlyRequests | undefined, hash: string) {
  if (indexerUrl === undefined) return;
  for (const [route, response] of Object.entries(started?.requests ?? {})) {
    // Those carry no timeout of their own: the same as the app's own requests.
    const late = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the indexer did not answer ${route} in time`)), started!.at + TIMEOUT_MS - Date.now()));
    keep(route, started!.at, Promise.race([response.then((r) => answer(route, r)), late]));
  }
  prefetchHistory(hash);
}

/** What an indexer route returns: rows complete up to `block` (null before its first sync). */
export interface Indexed<T> { block: bigint; rows: T[] }

interface IndexedBlock { number: string; timestamp: string | null }

function complete<T>(block: IndexedBlock | null, rows: T[]): Indexed<T> {
  if (block === null) throw new Error("the indexer has not synced yet");
  return { block: BigInt(block.number), rows };
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

interface IndexedEvent { name: string; args: Record<string, unknown>; blockNumber: string; logIndex: number; tx: Hex; timestamp?: string }

/**
 * A contract's `events` from `fromBlock` to `latest`: from the indexer (plus logs for any blocks it has not
 * reached yet) when configured and reachable, else from bounded logs. Records how far behind `latest` the
 * indexer is; one behind the chain still serves what it has.
 */
export async function eventHistory(
  client: PublicClient,
  key: string,
  address: Address,
  events: readonly AbiEvent[],
  fromBlock: bigint,
  latest: bigint,
  size: bigint,
  indexed?: () => Promise<Indexed<HistoryLog>>,
): Promise<HistoryLog[]> {
  if (indexerUrl !== undefined && indexed !== undefined) {
    try {
      const { block, rows } = await indexed();
      setState({ source: "indexer", behind: latest > block ? Number(latest - block) : 0 });
      if (block >= latest) return rows;
      // The blocks the indexer has not reached, in bounded windows like any log query.
      return [...rows, ...fromLogs(await logsBetween(client, address, events, block + 1n, latest, size))];
    } catch (error) {
      fellBack(error);
    }
  }
  return fromLogs(await contractLogs(client, key, address, events, fromBlock, latest, size));
}

/** How many pages of a pool's events the app asks the indexer for (50,000 events each) before reading the rest from logs. */
const MAX_PAGES = 40;

/**
 * A pool's events from the indexer, revived to viem's types with `events`' ABI: the first page (which
 * index.html may have asked for already), then, while the indexer says there is more, the next from the block
 * after the last complete one.
 */
export function indexedPoolEvents(pool: Address, events: readonly AbiEvent[]): () => Promise<Indexed<HistoryLog>> {
  const byName = new Map(events.map((e) => [e.name, e]));
  const route = `/app/pools/${pool.toLowerCase()}`;
  return async () => {
    const out: HistoryLog[] = [];
    let body = await fetchIndexer<{ block: IndexedBlock | null; events: IndexedEvent[]; more?: boolean }>(route);
    for (let page = 1; ; page++) {
      for (const row of body.events) {
        const abi = byName.get(row.name);
        if (abi === undefined) continue; // an event this page does not read
        const args: Record<string, unknown> = {};
        for (const input of abi.inputs) if (input.name !== undefined) args[input.name] = revive(row.args[input.name], input);
        out.push({ eventName: row.name, args, blockNumber: BigInt(row.blockNumber), logIndex: row.logIndex, transactionHash: row.tx, timestamp: row.timestamp === undefined ? undefined : BigInt(row.timestamp) });
      }
      if (body.more !== true || body.block === null || page >= MAX_PAGES) break;
      body = await request(`${route}?from=${BigInt(body.block.number) + 1n}`);
    }
    return complete(body.block, out);
  };
}

interface IndexedPool { address: Address; asset: Address; maintainer: Address | null; firstMaintainer: Address | null; metadataURI: string | null; createdBlock: string | null; createdTx: Hex | null }

/** The factory's PoolCreated events, as the indexer recorded them. */
export async function indexedCreatedPools(): Promise<Indexed<HistoryLog>> {
  const { block, pools } = await fetchIndexer<{ block: IndexedBlock | null; pools: IndexedPool[] }>("/app/pools");
  return complete(block, pools.filter((p) => p.createdBlock !== null).map((p, i) => ({
    eventName: "PoolCreated",
    args: { pool: p.address, asset: p.asset, maintainer: p.firstMaintainer ?? p.maintainer, metadataURI: p.metadataURI ?? "" },
    blockNumber: BigInt(p.createdBlock!),
    logIndex: i,
    transactionHash: p.createdTx ?? "0x",
  })));
}

/** The pool's Atom feed (for a link on its page), when an indexer serves one. */
export function feedUrl(pool: Address, format: "atom" | "json" = "atom"): string | undefined {
  return indexerUrl === undefined ? undefined : `${indexerUrl}/pools/${pool.toLowerCase()}/feed.${format}`;
}

// The page being opened: its indexer requests left with index.html (or leave now), before the first chain reads.
if (typeof window !== "undefined") takeOver((window as { potluckEarly?: EarlyRequests }).potluckEarly, window.location.hash);
