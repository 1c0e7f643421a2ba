import { getAbiItem, type AbiEvent, type PublicClient } from "viem";
import { afterEach, describe, expect, it, vi } from "vitest";
import { poolAbi } from "../contracts";

const POOL = "0x00000000000000000000000000000000000000aa";
const events = [getAbiItem({ abi: poolAbi, name: "ClaimFiled" }), getAbiItem({ abi: poolAbi, name: "RulesSet" }), getAbiItem({ abi: poolAbi, name: "Given" })] as AbiEvent[];

async function load(url: string | undefined) {
  vi.resetModules();
  vi.stubEnv("VITE_INDEXER_URL", url ?? "");
  return import("./history");
}

function respond(routes: Record<string, unknown>) {
  vi.stubGlobal("fetch", vi.fn((input: string) => {
    const route = Object.keys(routes).find((r) => input.endsWith(r));
    return Promise.resolve(route === undefined ? new Response("no", { status: 404 }) : new Response(JSON.stringify(routes[route])));
  }));
}

const row = (name: string, args: Record<string, unknown>, blockNumber: number) => ({ name, args, blockNumber: String(blockNumber), logIndex: 0, tx: "0x01" });

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe("history source", () => {
  it("without VITE_INDEXER_URL reads logs and says so", async () => {
    const h = await load(undefined);
    const getLogs = vi.fn(() => Promise.resolve([]));
    await h.eventHistory({ getLogs } as unknown as PublicClient, "k1", POOL, events, 1n, 10n, 100n, h.indexedPoolEvents(POOL, events));
    expect(getLogs).toHaveBeenCalledOnce();
    expect(h.historyState().source).toBe("logs");
    expect(h.feedUrl(POOL)).toBeUndefined();
  });

  it("reads the indexer's events back with viem's types (uint as bigint, tuples as objects)", async () => {
    const h = await load("http://indexer.test/");
    respond({
      [`/app/pools/${POOL}`]: { block: { number: "10", timestamp: "1" }, events: [
        row("RulesSet", { rules: { claimDelay: 86400, ruleChangeDelay: 172800, inactivityPeriod: 1, vacancyPeriod: 2, objectionQuorumBps: 1000, electionQuorumBps: 2000, recallThresholdBps: 3000 } }, 2),
        { ...row("ClaimFiled", { claimId: "123456789012345678901234567890", line: "0", payee: POOL, amount: "1500000", receiptHash: "0xab", receiptURI: "https://x.example/r" }, 3), timestamp: "1700000003" },
        row("Swept", { caller: POOL, amount: "1" }, 4),
      ] },
    });
    const getLogs = vi.fn(() => Promise.resolve([]));
    const out = await h.eventHistory({ getLogs } as unknown as PublicClient, "k2", POOL, events, 1n, 10n, 100n, h.indexedPoolEvents(POOL, events));
    expect(getLogs).not.toHaveBeenCalled();
    expect(out.map((e) => e.eventName)).toEqual(["RulesSet", "ClaimFiled"]); // events this page does not read are left out
    expect(out[1].args.claimId).toBe(123456789012345678901234567890n);
    expect(out[1].args.amount).toBe(1_500_000n);
    expect(out[1].args.payee).toBe(POOL);
    expect((out[0].args.rules as { claimDelay: unknown }).claimDelay).toBe(86400n);
    // The block's time comes with the event (the gifts chart then reads no block headers); a row without one has none.
    expect(out[1].timestamp).toBe(1_700_000_003n);
    expect(out[0].timestamp).toBeUndefined();
    expect(h.historyState()).toEqual({ source: "indexer", behind: 0 });
    expect(h.feedUrl(POOL)).toBe(`http://indexer.test/pools/${POOL}/feed.atom`);
  });

  it("follows the indexer's pages of a long history, from the block after each one's last", async () => {
    const h = await load("http://indexer.test/");
    respond({
      [`/app/pools/${POOL}`]: { block: { number: "4", timestamp: null }, events: [row("Given", { donor: POOL, amount: "1" }, 3), row("Given", { donor: POOL, amount: "2" }, 4)], more: true },
      [`/app/pools/${POOL}?from=5`]: { block: { number: "8", timestamp: null }, events: [row("Given", { donor: POOL, amount: "3" }, 8)], more: true },
      [`/app/pools/${POOL}?from=9`]: { block: { number: "10", timestamp: "1" }, events: [row("Given", { donor: POOL, amount: "4" }, 10)], more: false },
    });
    const getLogs = vi.fn(() => Promise.resolve([]));
    const out = await h.eventHistory({ getLogs } as unknown as PublicClient, "k8", POOL, events, 1n, 10n, 100n, h.indexedPoolEvents(POOL, events));
    expect(out.map((e) => e.args.amount)).toEqual([1n, 2n, 3n, 4n]);
    expect(getLogs).not.toHaveBeenCalled(); // complete to block 10, the chain's latest
    expect(h.historyState()).toEqual({ source: "indexer", behind: 0 });
  });

  it("adds the blocks the indexer has not reached from a short log query, and says how far behind it is", async () => {
    const h = await load("http://indexer.test");
    respond({ [`/app/pools/${POOL}`]: { block: { number: "7", timestamp: null }, events: [] } });
    const getLogs = vi.fn<(args: { fromBlock: bigint; toBlock: bigint }) => Promise<never[]>>(() => Promise.resolve([]));
    await h.eventHistory({ getLogs } as unknown as PublicClient, "k3", POOL, events, 1n, 10n, 100n, h.indexedPoolEvents(POOL, events));
    expect(getLogs).toHaveBeenCalledOnce();
    expect(getLogs.mock.calls[0][0].fromBlock).toBe(8n);
    expect(h.historyState()).toEqual({ source: "indexer", behind: 3 });
  });

  it("reads the blocks an indexer far behind has not reached in bounded windows", async () => {
    const h = await load("http://indexer.test");
    respond({ [`/app/pools/${POOL}`]: { block: { number: "7", timestamp: null }, events: [] } });
    const getLogs = vi.fn<(args: { fromBlock: bigint; toBlock: bigint }) => Promise<never[]>>(() => Promise.resolve([]));
    await h.eventHistory({ getLogs } as unknown as PublicClient, "k5", POOL, events, 1n, 257n, 100n, h.indexedPoolEvents(POOL, events));
    expect(getLogs.mock.calls.map(([a]) => [a.fromBlock, a.toBlock])).toEqual([[8n, 107n], [108n, 207n], [208n, 257n]]);
    expect(h.historyState()).toEqual({ source: "indexer", behind: 250 });
  });

  it("treats an indexer that has not synced yet as unreachable", async () => {
    const h = await load("http://indexer.test");
    respond({ [`/app/pools/${POOL}`]: { block: null, events: [] } });
    const getLogs = vi.fn(() => Promise.resolve([]));
    await h.eventHistory({ getLogs } as unknown as PublicClient, "k6", POOL, events, 1n, 10n, 100n, h.indexedPoolEvents(POOL, events));
    expect(getLogs).toHaveBeenCalledOnce();
    expect(h.historyState()).toEqual({ source: "fallback", error: "the indexer has not synced yet" });
  });

  it("starts a pool page's requests before they are asked for, and uses each answer once", async () => {
    const h = await load("http://indexer.test");
    respond({
      "/app/pools": { block: { number: "10", timestamp: null }, pools: [{ address: POOL, asset: POOL, maintainer: POOL, firstMaintainer: POOL, metadataURI: "data:,x", createdBlock: "2", createdTx: "0x02" }] },
      [`/app/pools/${POOL}`]: { block: { number: "10", timestamp: null }, events: [row("Given", { donor: POOL, amount: "5" }, 3)] },
    });
    h.prefetchHistory(`#/pool/${POOL.toUpperCase().replace("0X", "0x")}`);
    const fetched = vi.mocked(fetch);
    expect(fetched.mock.calls.map(([url]) => url)).toEqual(["http://indexer.test/app/pools", `http://indexer.test/app/pools/${POOL}`]);
    const getLogs = vi.fn(() => Promise.resolve([]));
    const out = await h.eventHistory({ getLogs } as unknown as PublicClient, "k7", POOL, events, 1n, 10n, 100n, h.indexedPoolEvents(POOL, events));
    expect(out[0].args.amount).toBe(5n);
    const created = await h.indexedCreatedPools();
    expect(created.rows.map((r) => [r.args.pool, r.blockNumber])).toEqual([[POOL, 2n]]);
    expect(fetched).toHaveBeenCalledTimes(2); // both answered by the prefetched requests
    await h.indexedCreatedPools();
    expect(fetched).toHaveBeenCalledTimes(3); // a later read asks again
  });

  it("takes over the requests index.html started before the app's script", async () => {
    const h = await load("http://indexer.test");
    vi.stubGlobal("fetch", vi.fn(() => Promise.reject(new Error("no request expected"))));
    const early = Promise.resolve(new Response(JSON.stringify({ block: { number: "10", timestamp: null }, pools: [] })));
    h.takeOver({ at: Date.now(), requests: { "/app/pools": early } }, "#/");
    expect((await h.indexedCreatedPools()).block).toBe(10n);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("gives up on an early request that does not answer, like on its own", async () => {
    const h = await load("http://indexer.test");
    vi.useFakeTimers();
    try {
      h.takeOver({ at: Date.now(), requests: { "/app/pools": new Promise<Response>(() => {}) } }, "#/");
      const pending = h.indexedCreatedPools();
      vi.advanceTimersByTime(8_000);
      await expect(pending).rejects.toThrow("the indexer did not answer /app/pools in time");
    } finally {
      vi.useRealTimers();
    }
  });

  it("does not use a prefetched answer that waited too long", async () => {
    const h = await load("http://indexer.test");
    respond({ "/app/pools": { block: { number: "10", timestamp: null }, pools: [] } });
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      h.prefetchHistory("#/");
      vi.setSystemTime(Date.now() + 60_000);
      await h.indexedCreatedPools();
      expect(fetch).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("falls back to logs when the indexer is down, and says so", async () => {
    const h = await load("http://indexer.test");
    vi.stubGlobal("fetch", vi.fn(() => Promise.reject(new TypeError("fetch failed"))));
    const getLogs = vi.fn(() => Promise.resolve([]));
    await h.eventHistory({ getLogs } as unknown as PublicClient, "k4", POOL, events, 1n, 10n, 100n, h.indexedPoolEvents(POOL, events));
    expect(getLogs).toHaveBeenCalledOnce();
    expect(h.historyState().source).toBe("fallback");
    expect(h.historyState().error).toContain("fetch failed");
  });
});
