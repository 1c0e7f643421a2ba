// Event history read with bounded log queries: from the block a contract was created in to the latest, in
// windows of at most `size` blocks (public RPCs refuse unbounded eth_getLogs), incrementally: a later
// call fetches only the blocks after the last one it saw.
import type { AbiEvent, Address, Log, PublicClient } from "viem";

/** [from, to] windows of at most `size` blocks covering `from..to` (inclusive); none if from > to. */
export function blockRanges(from: bigint, to: bigint, size: bigint): Array<[bigint, bigint]> {
  if (size <= 0n) throw new Error("window size must be positive");
  const out: Array<[bigint, bigint]> = [];
  for (let start = from; start <= to; start += size) {
    const end = start + size - 1n < to ? start + size - 1n : to;
    out.push([start, end]);
  }
  return out;
}

export interface LogCache<L> {
  /** The last block whose logs are in `logs` (fromBlock - 1 before the first fetch). */
  toBlock: bigint;
  logs: L[];
}

/**
 * Brings `cache` up to `latest`: queries windows of `size` blocks from `cache.toBlock + 1` (at most
 * `parallel` at once, in order) and appends their logs. Returns a new cache (the old one is not changed).
 */
export async function extendLogs<L>(
  cache: LogCache<L>,
  latest: bigint,
  size: bigint,
  fetchWindow: (from: bigint, to: bigint) => Promise<L[]>,
  parallel = 4,
): Promise<LogCache<L>> {
  if (latest <= cache.toBlock) return cache;
  const ranges = blockRanges(cache.toBlock + 1n, latest, size);
  const logs = [...cache.logs];
  for (let i = 0; i < ranges.length; i += parallel) {
    const batch = await Promise.all(ranges.slice(i, i + parallel).map(([a, b]) => fetchWindow(a, b)));
    for (const part of batch) logs.push(...part);
  }
  return { toBlock: latest, logs };
}

const caches = new Map<string, LogCache<Log>>();

function windowFetcher(client: PublicClient, address: Address, events: readonly AbiEvent[]) {
  return (from: bigint, to: bigint) => client.getLogs({ address, events, fromBlock: from, toBlock: to, strict: true });
}

/**
 * The logs of `events` emitted by `address` from `fromBlock` to `latest`, cached per key for the page's
 * life, so that every new block costs one small query.
 */
export async function contractLogs(
  client: PublicClient,
  key: string,
  address: Address,
  events: readonly AbiEvent[],
  fromBlock: bigint,
  latest: bigint,
  size: bigint,
): Promise<Log[]> {
  const cached = caches.get(key) ?? { toBlock: fromBlock - 1n, logs: [] };
  const next = await extendLogs<Log>(cached, latest, size, windowFetcher(client, address, events));
  caches.set(key, next);
  return next.logs;
}

/** The same logs from `fromBlock` to `toBlock`, uncached (the blocks an indexer has not reached yet). */
export async function logsBetween(
  client: PublicClient,
  address: Address,
  events: readonly AbiEvent[],
  fromBlock: bigint,
  toBlock: bigint,
  size: bigint,
): Promise<Log[]> {
  return (await extendLogs<Log>({ toBlock: fromBlock - 1n, logs: [] }, toBlock, size, windowFetcher(client, address, events))).logs;
}

/** Forgets cached logs (when the chain was reset under the page: the latest block went backwards). */
export function resetLogCaches(): void {
  caches.clear();
}
