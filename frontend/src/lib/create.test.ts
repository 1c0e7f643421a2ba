import { decodeMetadata, ETH } from "@potluck/core";
import { describe, expect, it } from "vitest";
import { CREATE_FORM_DEFAULTS, readCreateForm, type CreateForm } from "./create";

const ME = "0x1111111111111111111111111111111111111111" as const;
const TOKEN = "0x2222222222222222222222222222222222222222" as const;
const eth: Parameters<typeof readCreateForm>[1] = { address: ETH.address, units: ETH, hasCode: false };
const form = (over: Partial<CreateForm> = {}): CreateForm => ({
  name: "Docs", description: "Pays for the docs", links: "https://example.org, ipfs://bafy", maintainer: "",
  lines: [{ name: "hosting", cap: "0.3", period: "7 days" }], weighting: "linear", ...CREATE_FORM_DEFAULTS, ...over,
});
const error = (f: CreateForm, asset = eth) => {
  const r = readCreateForm(f, asset, ME);
  return r.ok ? undefined : r.error;
};

describe("the create-pool form", () => {
  it("reads a valid form into createPool's arguments, with the sender as maintainer", () => {
    const r = readCreateForm(form({ weighting: "quadratic", inKindWeight: "50%" }), eth, ME);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.config.maintainer).toBe(ME);
    expect(r.value.config.epochLength).toBe(7n * 86_400n);
    expect(r.value.config.objectionQuorumBps).toBe(2_000);
    expect(r.value.config.inKindWeightBps).toBe(5_000);
    expect(r.value.config.weighting).toBe(1);
    expect(r.value.lines).toEqual([{ name: "hosting", cap: 300_000_000_000_000_000n, period: 7n * 86_400n }]);
    expect(decodeMetadata(r.value.config.metadataURI)).toEqual({ name: "Docs", description: "Pays for the docs", links: ["https://example.org", "ipfs://bafy"] });
  });
  it("refuses what the factory refuses, with the contract's sentence", () => {
    expect(error(form(), { address: TOKEN, units: { symbol: "T", decimals: 6 }, hasCode: false })).toMatch(/^The asset/);
    expect(error(form({ epoch: "30 minutes" }))).toMatch(/^The epoch length .*\(got 30m\)/);
    expect(error(form({ epoch: "366 days" }))).toMatch(/^The epoch length/);
    expect(error(form({ inKindWeight: "101%" }))).toMatch(/in-kind|share/i);
  });
  it("refuses what the pool's initializer refuses, in its order", () => {
    expect(error(form({ maintainer: "0x0000000000000000000000000000000000000000" }))).toMatch(/^The maintainer/);
    expect(error(form({ claimDelay: "30m" }))).toMatch(/^The claim delay must be between 1 hour and 10 years/);
    // The vacancy must outlast two epochs.
    expect(error(form({ epoch: "40 days", vacancyPeriod: "60 days" }))).toMatch(/^The vacancy period/);
    expect(error(form({ objectionQuorumBps: "0%" }))).toMatch(/objection quorum/);
    expect(error(form({ lines: [{ name: "", cap: "1", period: "30 days" }] }))).toMatch(/^Budget line 1: .*got 0 bytes/);
    expect(error(form({ lines: [{ name: "x".repeat(65), cap: "1", period: "30 days" }] }))).toMatch(/65 bytes/);
    expect(error(form({ lines: [{ name: "hosting", cap: "0", period: "30 days" }] }))).toMatch(/^Budget line 1 \("hosting"\)/);
    expect(error(form({ lines: [{ name: "hosting", cap: "1", period: "30m" }] }))).toMatch(/^Budget line 1 \("hosting"\)/);
    expect(error(form({ lines: Array.from({ length: 257 }, () => ({ name: "l", cap: "1", period: "30 days" })) }))).toMatch(/257/);
  });
  it("asks for what is missing in words", () => {
    expect(error(form({ name: "  " }))).toBe("Name the pool.");
    expect(error(form({ maintainer: "bob" }))).toBe("The maintainer must be an address (0x…).");
    expect(readCreateForm(form(), eth, undefined).ok).toBe(false);
    expect(error(form({ claimDelay: "soon" }))).toMatch(/^Claim delay:/);
  });
});
