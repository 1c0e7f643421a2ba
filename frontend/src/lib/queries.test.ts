import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { invalidateLive, invalidateTouched, type ReadMeta } from "./queries";

/** A client holding four reads: a live one, a settled claim, a pending claim, and one contributor's totals. */
async function client() {
  const qc = new QueryClient();
  const calls: string[] = [];
  const read = (name: string, data: unknown, meta?: ReadMeta) =>
    qc.fetchQuery({ queryKey: [name], queryFn: () => { calls.push(name); return data; }, meta, staleTime: Infinity });
  const settled = (d: unknown) => Array.isArray(d) && (d[0] as [unknown, number])[1] >= 2;
  await read("ledger", 1);
  await read("claim paid", [[{}, 2]], { settled });
  await read("claim pending", [[{}, 1]], { settled });
  await read("contributor 0xab", [1n], { eventDriven: true, touchedBy: "0xab" });
  await read("block", 5);
  calls.length = 0;
  // invalidateQueries refetches only observed queries: mark every query invalid and list which ones it hit.
  const invalid = () => qc.getQueryCache().getAll().filter((q) => q.state.isInvalidated).map((q) => String(q.queryKey[0])).sort();
  return { qc, invalid };
}

describe("what a new block or a transaction re-reads", () => {
  it("re-reads live reads and pending claims, not settled claims, contributors or the block", async () => {
    const { qc, invalid } = await client();
    await invalidateLive(qc);
    expect(invalid()).toEqual(["claim pending", "ledger"]);
  });
  it("re-reads a contributor only when an event names them", async () => {
    const { qc, invalid } = await client();
    await invalidateTouched(qc, new Set(["0xcd"]));
    expect(invalid()).toEqual([]);
    await invalidateTouched(qc, new Set(["0xab"]));
    expect(invalid()).toEqual(["contributor 0xab"]);
  });
  it("re-reads every contributor when the epoch turns", async () => {
    const { qc, invalid } = await client();
    await invalidateTouched(qc, "all");
    expect(invalid()).toEqual(["contributor 0xab"]);
  });
});
