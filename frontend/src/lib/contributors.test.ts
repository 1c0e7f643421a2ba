import { describe, expect, it } from "vitest";
import { contributorsFrom, type ContributorEvent } from "./contributors";

const ADA = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const BOB = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const CY = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
const DEE = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65";

const given = (donor: string, amount: bigint): ContributorEvent => ({ eventName: "Given", args: { donor, amount } });
const delivered = (pledger: string, value: bigint): ContributorEvent => ({ eventName: "DeliveryRecorded", args: { pledgeId: 0n, pledger, periods: 1n, value } });
const reclaimed = (contributor: string, amount: bigint): ContributorEvent => ({ eventName: "Reclaimed", args: { contributor, amount } });

describe("contributorsFrom", () => {
  it("lists no one for a pool nobody gave to", () => {
    expect(contributorsFrom([])).toEqual([]);
    expect(contributorsFrom([{ eventName: "ClaimFiled", args: { payee: ADA, amount: 5n } }])).toEqual([]);
  });

  it("adds up each contributor's gifts, whatever the case of their address, and puts the most money first", () => {
    const list = contributorsFrom([given(ADA, 3n), given(BOB, 5n), given(ADA.toLowerCase(), 4n)]);
    expect(list.map((c) => [c.address, c.gaveEver])).toEqual([[ADA.toLowerCase(), 7n], [BOB.toLowerCase(), 5n]]);
  });

  it("counts deliveries in kind apart from money, and ranks them after money", () => {
    const list = contributorsFrom([delivered(CY, 100n), given(BOB, 1n), delivered(BOB, 2n)]);
    expect(list).toEqual([
      { address: BOB.toLowerCase(), gaveEver: 1n, delivered: 2n, reclaimed: 0n },
      { address: CY.toLowerCase(), gaveEver: 0n, delivered: 100n, reclaimed: 0n },
    ]);
  });

  it("keeps what was given after it is reclaimed, and records the reclaim", () => {
    const [ada] = contributorsFrom([given(ADA, 9n), reclaimed(ADA, 6n)]);
    expect(ada).toEqual({ address: ADA.toLowerCase(), gaveEver: 9n, delivered: 0n, reclaimed: 6n });
  });

  it("orders equal contributors by their first appearance", () => {
    const list = contributorsFrom([given(DEE, 2n), given(CY, 2n), given(BOB, 1n), given(ADA, 2n)]);
    expect(list.map((c) => c.address)).toEqual([DEE, CY, ADA, BOB].map((a) => a.toLowerCase()));
  });

  it("reads a thousand contributors in one pass, in order", () => {
    const events = Array.from({ length: 1_000 }, (_, i) => given(`0x${i.toString(16).padStart(40, "0")}`, BigInt(i)));
    const list = contributorsFrom(events);
    expect(list).toHaveLength(1_000);
    expect(list[0].gaveEver).toBe(999n);
    expect(list[999].gaveEver).toBe(0n);
  });
});
