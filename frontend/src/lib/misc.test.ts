import { describe, expect, it } from "vitest";
import { cumulative, interpolateTimes, sample } from "./chart";
import { blockRanges, extendLogs } from "./logs";
import { hashText } from "./receipt";

describe("bounded log queries", () => {
  it("cuts a block range into windows", () => {
    expect(blockRanges(10n, 35n, 10n)).toEqual([[10n, 19n], [20n, 29n], [30n, 35n]]);
    expect(blockRanges(5n, 5n, 10n)).toEqual([[5n, 5n]]);
    expect(blockRanges(6n, 5n, 10n)).toEqual([]);
  });
  it("fetches only the blocks after the cached ones", async () => {
    const asked: Array<[bigint, bigint]> = [];
    const fetch = (a: bigint, b: bigint) => { asked.push([a, b]); return Promise.resolve([`${a}-${b}`]); };
    const first = await extendLogs({ toBlock: 99n, logs: [] as string[] }, 120n, 10n, fetch);
    expect(first).toEqual({ toBlock: 120n, logs: ["100-109", "110-119", "120-120"] });
    const again = await extendLogs(first, 120n, 10n, fetch);
    expect(again).toBe(first);
    const next = await extendLogs(first, 125n, 10n, fetch);
    expect(next.logs.at(-1)).toBe("121-125");
    expect(asked).toHaveLength(4);
  });
});

describe("receipts", () => {
  it("hashes a receipt's text with keccak-256", () => {
    expect(hashText("")).toBe("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  });
});

describe("the gifts chart", () => {
  it("interpolates the timestamps of blocks it did not read", () => {
    const known = new Map([[10n, 1_000n], [20n, 2_000n]]);
    expect(interpolateTimes([10n, 15n, 20n, 25n], known)).toEqual([1_000n, 1_500n, 2_000n, 2_500n]);
  });
  it("samples evenly, keeping both ends, and sums gifts in time order", () => {
    expect(sample([1, 2, 3, 4, 5, 6, 7, 8, 9], 3)).toEqual([1, 5, 9]);
    expect(cumulative([{ time: 2n, amount: 2_000_000n }, { time: 1n, amount: 1_000_000n }], 6)).toEqual([{ time: 1, total: 1 }, { time: 2, total: 3 }]);
  });
});
