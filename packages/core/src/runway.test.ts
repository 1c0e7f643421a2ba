import { describe, expect, it } from "vitest";
import { formatRunway, runway } from "./index.ts";

describe("runway", () => {
  it("divides the balance by the monthly budget", () => {
    expect(runway(900n, 300n)).toEqual({ kind: "months", months: 3 });
    expect(formatRunway(runway(4_560n, 2_500n))).toBe("1.8 months");
    expect(formatRunway(runway(1_000n, 1_000n))).toBe("1 month");
  });
  it("takes recurring gifts off the burn", () => {
    expect(runway(900n, 300n, 150n)).toEqual({ kind: "months", months: 6 });
    expect(formatRunway(runway(1n, 300n, 300n))).toBe("covered by recurring gifts");
  });
  it("says when there is no budget or no money", () => {
    expect(formatRunway(runway(100n, 0n))).toBe("no budget");
    expect(formatRunway(runway(0n, 100n))).toBe("empty");
  });
  it("uses weeks and days under a month, years past two", () => {
    expect(formatRunway(runway(50n, 100n))).toBe("2 weeks");
    expect(formatRunway(runway(10n, 100n))).toBe("3 days");
    expect(formatRunway(runway(1n, 1_000n))).toBe("under a day");
    expect(formatRunway(runway(3_000n, 100n))).toBe("2 years");
  });
});
