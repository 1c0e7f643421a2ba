import { describe, expect, it } from "vitest";
import {
  durationInput, ETH, formatAmount, formatBps, formatCountdown, formatDuration, formatPercent, formatPeriod, fraction, parseAmount, parseBps,
  parseDuration, shortAddress,
} from "./format";

const USD = { symbol: "mUSD", decimals: 6 };

describe("formatAmount", () => {
  it("prints whole and fractional amounts with thousands separators", () => {
    expect(formatAmount(1_234_500_000n, USD)).toBe("1,234.5 mUSD");
    expect(formatAmount(10n ** 18n, ETH)).toBe("1 ETH");
    expect(formatAmount(0n, ETH)).toBe("0 ETH");
  });
  it("cuts to maxDecimals and never rounds up", () => {
    expect(formatAmount(1_999_999_999_999_999_999n, ETH)).toBe("1.9999 ETH");
    expect(formatAmount(123_456n, USD, { maxDecimals: 2 })).toBe("0.12 mUSD");
  });
  it("shows a tiny positive amount as below the smallest printed unit", () => {
    expect(formatAmount(1n, ETH)).toBe("<0.0001 ETH");
  });
  it("can drop the symbol and handles negatives", () => {
    expect(formatAmount(-2_500_000n, USD, { symbol: false })).toBe("-2.5");
  });
});

describe("parseAmount", () => {
  it("reads human units into base units", () => {
    expect(parseAmount("0.05", ETH)).toEqual({ ok: true, value: 50_000_000_000_000_000n });
    expect(parseAmount("1,000.5 mUSD", USD)).toEqual({ ok: true, value: 1_000_500_000n });
    expect(parseAmount(" .5 ", USD)).toEqual({ ok: true, value: 500_000n });
    expect(parseAmount("20 musd", USD)).toEqual({ ok: true, value: 20_000_000n });
  });
  it("refuses what it would have to guess", () => {
    expect(parseAmount("", ETH).ok).toBe(false);
    expect(parseAmount("0", ETH)).toEqual({ ok: false, error: "The amount must be more than zero." });
    expect(parseAmount("-1", ETH)).toEqual({ ok: false, error: "The amount must be positive." });
    expect(parseAmount("1e18", ETH).ok).toBe(false);
    expect(parseAmount("0,5", ETH).ok).toBe(false);
    expect(parseAmount("1.0000001", USD)).toEqual({ ok: false, error: "mUSD has only 6 decimals." });
    expect(parseAmount("ten", ETH).ok).toBe(false);
    expect(parseAmount("5 ETH", USD).ok).toBe(false);
  });
});

describe("durations and countdowns", () => {
  it("prints the two largest units", () => {
    expect(formatDuration(0)).toBe("0s");
    expect(formatDuration(45)).toBe("45s");
    expect(formatDuration(3_900)).toBe("1h 5m");
    expect(formatDuration(2 * 86_400 + 3 * 3_600 + 59)).toBe("2d 3h");
    expect(formatDuration(-5)).toBe("0s");
  });
  it("counts down and up against the chain's clock", () => {
    expect(formatCountdown(1_000n + 7_200n, 1_000n)).toBe("in 2h");
    expect(formatCountdown(1_000n, 1_180n)).toBe("3m ago");
    expect(formatCountdown(5n, 5n)).toBe("now");
  });
  it("names periods", () => {
    expect(formatPeriod(2_592_000n)).toBe("30 days");
    expect(formatPeriod(604_800)).toBe("1 week");
    expect(formatPeriod(3_600)).toBe("1 hour");
    expect(formatPeriod(5_000)).toBe("1h 23m");
  });
});

describe("parseDuration", () => {
  it("reads what people type and what the app prints", () => {
    expect(parseDuration("6h")).toEqual({ ok: true, value: 21_600n });
    expect(parseDuration("30 days")).toEqual({ ok: true, value: 2_592_000n });
    expect(parseDuration(" 2 Weeks ")).toEqual({ ok: true, value: 1_209_600n });
    expect(parseDuration("1h30m")).toEqual({ ok: true, value: 5_400n });
    expect(parseDuration("3d 4h")).toEqual({ ok: true, value: 273_600n });
    expect(parseDuration("1.5d")).toEqual({ ok: true, value: 129_600n });
    expect(parseDuration("1 year")).toEqual({ ok: true, value: 31_536_000n });
  });
  it("refuses a number without a unit, and what it cannot read", () => {
    expect(parseDuration("30")).toEqual({ ok: false, error: '"30" has no unit: write it like "6h", "30d", "2 weeks" or "1h30m".' });
    expect(parseDuration("").ok).toBe(false);
    expect(parseDuration("3 fortnights")).toEqual({ ok: false, error: '"3 fortnights" is not a duration: write it like "6h", "30d", "2 weeks" or "1h30m".' });
    expect(parseDuration("1h30").ok).toBe(false);
    expect(parseDuration("-1h").ok).toBe(false);
  });
  it("reads back exactly what durationInput prefills", () => {
    for (const s of [3_600n, 172_800n, 2_592_000n, 604_800n, 31_536_000n, 5_000n, 2n * 86_400n + 3n * 3_600n + 59n, 90n * 86_400n + 1n]) {
      expect(parseDuration(durationInput(s))).toEqual({ ok: true, value: s });
    }
    expect(durationInput(2_592_000n)).toBe("30 days");
    expect(durationInput(2n * 86_400n + 3n * 3_600n + 59n)).toBe("2d 3h 59s");
  });
});

describe("parseBps", () => {
  it("reads percentages and basis points", () => {
    expect(parseBps("20%")).toEqual({ ok: true, value: 2_000 });
    expect(parseBps("12.5")).toEqual({ ok: true, value: 1_250 });
    expect(parseBps(" 0.01 % ")).toEqual({ ok: true, value: 1 });
    expect(parseBps("2500bps")).toEqual({ ok: true, value: 2_500 });
    expect(parseBps(formatBps(1_234))).toEqual({ ok: true, value: 1_234 });
  });
  it("leaves the range to the caller but refuses what it cannot count", () => {
    expect(parseBps("0%")).toEqual({ ok: true, value: 0 });
    expect(parseBps("150%")).toEqual({ ok: true, value: 15_000 });
    expect(parseBps("12.345%")).toEqual({ ok: false, error: '"12.345%" is finer than the contract counts: at most two decimals ("12.25%").' });
    expect(parseBps("a fifth").ok).toBe(false);
    expect(parseBps("-5%").ok).toBe(false);
    expect(parseBps("").ok).toBe(false);
  });
});

describe("small things", () => {
  it("shortens addresses, prints shares and fractions", () => {
    expect(shortAddress("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")).toBe("0xf39F…2266");
    expect(formatBps(2_500)).toBe("25%");
    expect(formatBps(1_250)).toBe("12.5%");
    expect(fraction(1n, 4n)).toBe(0.25);
    expect(fraction(5n, 4n)).toBe(1);
    expect(fraction(1n, 0n)).toBe(0);
    expect(formatPercent(0.075)).toBe("7.5%");
    expect(formatPercent(0.4216)).toBe("42%");
  });
});
