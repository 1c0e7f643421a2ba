import { describe, expect, it } from "vitest";
import {
  approxAmount, durationInput, ETH, formatAmount, formatBps, formatCountdown, formatDuration, formatPercent, formatPeriod, fraction, displayAmount,
  formatRoundedAmount, isEth, parseAmount, parseBps, parseDuration, PotluckError, readAmount, readBps, readDuration, shortAddress, type AssetInfo,
} from "./index.ts";

const MUSD: AssetInfo = { address: "0x00000000000000000000000000000000000000aa", symbol: "mUSD", decimals: 6 };

describe("amounts", () => {
  it("reads amounts with or without the asset's symbol", () => {
    expect(parseAmount("0.05 ETH", ETH)).toBe(5n * 10n ** 16n);
    expect(parseAmount("0.05", ETH)).toBe(5n * 10n ** 16n);
    expect(parseAmount("0.05eth", ETH)).toBe(5n * 10n ** 16n);
    expect(parseAmount("20 mUSD", MUSD)).toBe(20_000_000n);
    expect(parseAmount(" 20 ", MUSD)).toBe(20_000_000n);
    expect(parseAmount("1,000.5 musd", MUSD)).toBe(1_000_500_000n);
    expect(parseAmount(".5", MUSD)).toBe(500_000n);
    expect(parseAmount("0.000001", MUSD)).toBe(1n);
    expect(readAmount("20 musd", MUSD)).toEqual({ ok: true, value: 20_000_000n });
  });

  it("refuses what it cannot read without guessing, in a sentence", () => {
    const cases: Array<[string, AssetInfo, RegExp]> = [
      ["", ETH, /No amount given/],
      ["abc", ETH, /is not an amount/],
      ["ten", ETH, /is not an amount/],
      ["1.2.3", ETH, /is not an amount/],
      ["-1", ETH, /negative/],
      ["1e18", ETH, /scientific notation/],
      ["0,5", ETH, /ambiguous/],
      ["1,00", MUSD, /ambiguous/],
      ["20 ETH", MUSD, /this pool holds mUSD/],
      ["5 wei", ETH, /in wei/],
      ["0.0000001", MUSD, /7 decimals, but mUSD has only 6/],
      ["0", ETH, /more than zero/],
    ];
    for (const [input, asset, message] of cases) {
      expect(() => parseAmount(input, asset), input).toThrow(PotluckError);
      expect(() => parseAmount(input, asset), input).toThrow(message);
      const read = readAmount(input, asset);
      expect(read.ok, input).toBe(false);
      if (!read.ok) expect(read.error).toMatch(message);
    }
    expect(parseAmount("0", ETH, { allowZero: true })).toBe(0n);
  });

  it("prints grouped amounts exactly, or cut (never rounded up) for tables", () => {
    expect(formatAmount(1_234_500_000n, MUSD)).toBe("1,234.5 mUSD");
    expect(formatAmount(10n ** 18n, ETH)).toBe("1 ETH");
    expect(formatAmount(0n, ETH)).toBe("0 ETH");
    expect(formatAmount(1n, ETH)).toBe("0.000000000000000001 ETH");
    expect(formatAmount(123_456_789_000_000_000n, ETH, { maxDecimals: 4 })).toBe("0.1234 ETH");
    expect(displayAmount(1_999_999_999_999_999_999n, ETH)).toBe("1.9999 ETH");
    expect(displayAmount(123_456n, MUSD, { maxDecimals: 2 })).toBe("0.12 mUSD");
    expect(formatAmount(-2_500_000n, MUSD, { symbol: false })).toBe("-2.5");
  });

  it("shows a tiny positive amount as below the smallest printed unit", () => {
    expect(displayAmount(1n, ETH)).toBe("<0.0001 ETH");
    expect(formatAmount(1n, ETH, { maxDecimals: 0 })).toBe("<1 ETH");
  });

  it("round-trips through parseAmount", () => {
    for (const value of [1n, 999_999n, 1_000_000n, 123_456_789_012n]) {
      expect(parseAmount(formatAmount(value, MUSD), MUSD)).toBe(value);
    }
  });

  it("tells ETH from a token", () => {
    expect(isEth(ETH)).toBe(true);
    expect(isEth(MUSD)).toBe(false);
  });
});

describe("durations", () => {
  it("reads what people type and what the app prints", () => {
    expect(readDuration("6h")).toEqual({ ok: true, value: 21_600n });
    expect(readDuration("30 days")).toEqual({ ok: true, value: 2_592_000n });
    expect(readDuration(" 2 Weeks ")).toEqual({ ok: true, value: 1_209_600n });
    expect(readDuration("1h30m")).toEqual({ ok: true, value: 5_400n });
    expect(readDuration("3d 4h")).toEqual({ ok: true, value: 273_600n });
    expect(readDuration("1.5d")).toEqual({ ok: true, value: 129_600n });
    expect(readDuration("1 year")).toEqual({ ok: true, value: 31_536_000n });
  });

  it("refuses a number without a unit in a form, and what it cannot read", () => {
    expect(readDuration("30")).toEqual({ ok: false, error: '"30" has no unit: write it like "6h", "30d", "2 weeks" or "1h30m".' });
    expect(readDuration("").ok).toBe(false);
    expect(readDuration("3 fortnights")).toEqual({ ok: false, error: '"3 fortnights" is not a duration: write it like "6h", "30d", "2 weeks" or "1h30m".' });
    expect(readDuration("1h30").ok).toBe(false);
    expect(readDuration("-1h").ok).toBe(false);
  });

  it("takes seconds on the command line and throws what it cannot read", () => {
    expect(parseDuration("1h")).toBe(3600n);
    expect(parseDuration("30d")).toBe(2_592_000n);
    expect(parseDuration("2 weeks")).toBe(1_209_600n);
    expect(parseDuration("1h30m")).toBe(5400n);
    expect(parseDuration("3600")).toBe(3600n);
    expect(parseDuration(60)).toBe(60n);
    expect(() => parseDuration(-1)).toThrow(/not a duration in seconds/);
    expect(() => parseDuration("soon")).toThrow(PotluckError);
    expect(() => parseDuration("soon")).toThrow(/not a duration/);
    expect(() => parseDuration("1 fortnight")).toThrow(/not a duration/);
  });

  it("reads back exactly what durationInput prefills", () => {
    for (const s of [3_600n, 172_800n, 2_592_000n, 604_800n, 31_536_000n, 5_000n, 2n * 86_400n + 3n * 3_600n + 59n, 90n * 86_400n + 1n]) {
      expect(readDuration(durationInput(s))).toEqual({ ok: true, value: s });
    }
    expect(durationInput(2_592_000n)).toBe("30 days");
    expect(durationInput(2n * 86_400n + 3n * 3_600n + 59n)).toBe("2d 3h 59s");
  });

  it("prints the two largest units, periods in words, and countdowns against the chain's clock", () => {
    expect(formatDuration(0)).toBe("0s");
    expect(formatDuration(45)).toBe("45s");
    expect(formatDuration(3600)).toBe("1h");
    expect(formatDuration(3_900)).toBe("1h 5m");
    expect(formatDuration(90_061)).toBe("1d 1h");
    expect(formatDuration(2 * 86_400 + 3 * 3_600 + 59)).toBe("2d 3h");
    expect(formatDuration(-5)).toBe("0s");
    expect(formatPeriod(2_592_000n)).toBe("30 days");
    expect(formatPeriod(604_800)).toBe("1 week");
    expect(formatPeriod(3_600)).toBe("1 hour");
    expect(formatPeriod(5_000)).toBe("1h 23m");
    expect(formatCountdown(1_000n + 7_200n, 1_000n)).toBe("in 2h");
    expect(formatCountdown(200, 100)).toBe("in 1m 40s");
    expect(formatCountdown(1_000n, 1_180n)).toBe("3m ago");
    expect(formatCountdown(100, 160)).toBe("1m ago");
    expect(formatCountdown(5n, 5n)).toBe("now");
  });
});

describe("shares", () => {
  it("reads percentages and basis points", () => {
    expect(readBps("20%")).toEqual({ ok: true, value: 2_000 });
    expect(readBps("12.5")).toEqual({ ok: true, value: 1_250 });
    expect(readBps(" 0.01 % ")).toEqual({ ok: true, value: 1 });
    expect(readBps("2500bps")).toEqual({ ok: true, value: 2_500 });
    expect(readBps(formatBps(1_234))).toEqual({ ok: true, value: 1_234 });
    expect(parseBps("20")).toBe(2000);
    expect(parseBps("12.5%")).toBe(1250);
  });

  it("leaves the range to a form but refuses what it cannot count; the command line refuses over 100%", () => {
    expect(readBps("0%")).toEqual({ ok: true, value: 0 });
    expect(readBps("150%")).toEqual({ ok: true, value: 15_000 });
    expect(readBps("12.345%")).toEqual({ ok: false, error: '"12.345%" is finer than the contract counts: at most two decimals ("12.25%").' });
    expect(readBps("a fifth").ok).toBe(false);
    expect(readBps("-5%").ok).toBe(false);
    expect(readBps("").ok).toBe(false);
    expect(() => parseBps("120%")).toThrow(/more than 100%/);
    expect(() => parseBps("a lot")).toThrow(/not a share/);
  });

  it("shortens addresses, prints shares and fractions", () => {
    expect(shortAddress("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")).toBe("0xf39F…2266");
    expect(shortAddress("0xabc")).toBe("0xabc");
    expect(formatBps(2_500)).toBe("25%");
    expect(formatBps(1_250)).toBe("12.5%");
    expect(fraction(1n, 4n)).toBe(0.25);
    expect(fraction(5n, 4n)).toBe(1);
    expect(fraction(1n, 0n)).toBe(0);
    expect(formatPercent(0.075)).toBe("7.5%");
    expect(formatPercent(0.4216)).toBe("42%");
  });
});

describe("formatRoundedAmount (derived figures)", () => {
  const E = { symbol: "ETH", decimals: 18 };
  const U = { symbol: "mUSD", decimals: 6 };
  it("rounds a monthly rate worked out from weekly caps as people round money", () => {
    // 0.1 ETH a week + 0.5 ETH a month, per 30 days: 0.928571428571428571 ETH.
    expect(formatRoundedAmount((10n ** 17n * 30n) / 7n + 5n * 10n ** 17n, E)).toEqual({ text: "0.929 ETH", approximate: true });
    // 40 mUSD a week, per 30 days.
    expect(formatRoundedAmount((40_000_000n * 30n) / 7n, U)).toEqual({ text: "171.43 mUSD", approximate: true });
    expect(formatRoundedAmount(2_005_000n, U)).toEqual({ text: "2.01 mUSD", approximate: true });
  });
  it("keeps three significant digits below one unit, and exact figures exact", () => {
    expect(formatRoundedAmount(4_285_714_285_714_285n, E)).toEqual({ text: "0.00429 ETH", approximate: true });
    expect(formatRoundedAmount(25n * 10n ** 17n, E)).toEqual({ text: "2.5 ETH", approximate: false });
    expect(formatRoundedAmount(1n, U)).toEqual({ text: "0.000001 mUSD", approximate: false });
    expect(formatRoundedAmount(0n, U)).toEqual({ text: "0 mUSD", approximate: false });
    expect(formatRoundedAmount(1_234_567_891n, U, { symbol: false })).toEqual({ text: "1,234.57", approximate: true });
    expect(formatRoundedAmount(-1_234_567_891n, U).text).toBe("-1,234.57 mUSD");
  });
});

describe("amounts that look like base units", () => {
  it("refuses ten bare digits or more, saying how to write the amount", () => {
    expect(readAmount("1000000000000000000", ETH)).toEqual({
      ok: false,
      error: '"1000000000000000000" looks like an amount in base units: amounts are written in ETH, e.g. "0.05 ETH" or "0.05". ' +
        "If you mean 1,000,000,000,000,000,000 ETH, write it so.",
    });
    expect(readAmount("20000000", MUSD)).toEqual({ ok: true, value: 20_000_000_000_000n }); // eight digits: 20 million, as written
    expect(readAmount("1000000000 mUSD", MUSD)).toEqual({ ok: true, value: 10n ** 15n }); // a unit says it is meant
    expect(readAmount("1,000,000,000", MUSD).ok).toBe(true);
    expect(readAmount("1000000000.5", MUSD).ok).toBe(true);
  });
});

describe("approxAmount", () => {
  it("rounds a derived figure to three significant digits and says so", () => {
    expect(approxAmount(928_571_428_571_428_571n, ETH)).toBe("≈0.929 ETH");
    expect(approxAmount(171_428_571n, { symbol: "mUSD", decimals: 6 })).toBe("≈171 mUSD");
    expect(approxAmount(1_285_714_285_714_285_714n, ETH)).toBe("≈1.29 ETH");
  });
  it("leaves an exact figure as it is", () => {
    expect(approxAmount(300_000_000_000_000_000n, ETH)).toBe("0.3 ETH");
    expect(approxAmount(0n, ETH)).toBe("0 ETH");
    expect(approxAmount(120n, { symbol: "x", decimals: 0 }, { symbol: false })).toBe("120");
  });
});
