// Amounts, durations, addresses and shares for people. Pure functions: nothing here reads a chain.

/** The asset a pool holds, as the app needs it to print and parse amounts. */
export interface Asset {
  /** The token's address, or the zero address for ETH. */
  address: `0x${string}`;
  symbol: string;
  decimals: number;
}

export const ZERO_ADDRESS = "0x0000000000000000000000000000000000000000" as const;
export const ETH: Asset = { address: ZERO_ADDRESS, symbol: "ETH", decimals: 18 };

export const isEth = (asset: Pick<Asset, "address">): boolean => asset.address.toLowerCase() === ZERO_ADDRESS;

/**
 * Formats base units as "1,234.5 ETH". `maxDecimals` cuts (never rounds up: no invented money); a positive
 * amount that would print as 0 prints as "<0.0001 ETH" instead.
 */
export function formatAmount(
  value: bigint,
  asset: Pick<Asset, "symbol" | "decimals">,
  { maxDecimals = 4, symbol = true }: { maxDecimals?: number; symbol?: boolean } = {},
): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const base = 10n ** BigInt(asset.decimals);
  const whole = abs / base;
  let fraction = (abs % base).toString().padStart(asset.decimals, "0").slice(0, Math.min(maxDecimals, asset.decimals));
  fraction = fraction.replace(/0+$/, "");
  let number = `${whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${fraction === "" ? "" : `.${fraction}`}`;
  if (abs > 0n && whole === 0n && fraction === "") number = `<0.${"0".repeat(Math.max(0, maxDecimals - 1))}1`;
  const text = `${negative ? "-" : ""}${number}`;
  return symbol ? `${text} ${asset.symbol}` : text;
}

/** A value parsed from what someone typed, or what is wrong with it. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };
export type ParsedAmount = Parsed<bigint>;

/**
 * Parses an amount typed in human units ("0.05", "1,000.5", "20 mUSD") into base units, or says what is
 * wrong with it. Scientific notation and decimal commas are refused rather than guessed.
 */
export function parseAmount(input: string, asset: Pick<Asset, "symbol" | "decimals">): ParsedAmount {
  let text = input.trim();
  if (text === "") return { ok: false, error: "Enter an amount." };
  const unit = new RegExp(`\\s*${asset.symbol.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "i");
  text = text.replace(unit, "");
  if (text.startsWith("-")) return { ok: false, error: "The amount must be positive." };
  if (/e/i.test(text)) return { ok: false, error: "Write the amount in full, without scientific notation." };
  if (text.includes(",")) {
    if (!/^[0-9]{1,3}(,[0-9]{3})+(\.[0-9]*)?$/.test(text)) {
      return { ok: false, error: 'Use a dot for decimals ("0.5") and commas only between thousands.' };
    }
    text = text.replaceAll(",", "");
  }
  if (!/^([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(text)) return { ok: false, error: `"${input}" is not an amount of ${asset.symbol}.` };
  const [whole, fraction = ""] = text.split(".");
  if (fraction.length > asset.decimals) {
    return { ok: false, error: `${asset.symbol} has only ${asset.decimals} decimals.` };
  }
  const value = BigInt(whole === "" ? "0" : whole) * 10n ** BigInt(asset.decimals) +
    BigInt((fraction + "0".repeat(asset.decimals)).slice(0, asset.decimals) || "0");
  if (value === 0n) return { ok: false, error: "The amount must be more than zero." };
  return { ok: true, value };
}

/** "3d 4h", "1h 5m", "45s": the two largest units (or up to `maxUnits`). */
export function formatDuration(seconds: bigint | number, maxUnits = 2): string {
  let s = Math.max(0, Math.floor(Number(seconds)));
  if (s === 0) return "0s";
  const parts: string[] = [];
  for (const [unit, size] of [["y", 31_536_000], ["d", 86_400], ["h", 3_600], ["m", 60], ["s", 1]] as const) {
    if (s >= size) {
      parts.push(`${Math.floor(s / size)}${unit}`);
      s %= size;
    }
    if (parts.length === maxUnits) break;
  }
  return parts.join(" ");
}

const DURATION_UNITS: Record<string, number> = {
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1,
  m: 60, min: 60, mins: 60, minute: 60, minutes: 60,
  h: 3_600, hr: 3_600, hrs: 3_600, hour: 3_600, hours: 3_600,
  d: 86_400, day: 86_400, days: 86_400,
  w: 604_800, week: 604_800, weeks: 604_800,
  y: 31_536_000, year: 31_536_000, years: 31_536_000,
};

/**
 * Parses a duration typed by a person ("6h", "30 days", "2 weeks", "1h30m", "3d 4h": what `formatPeriod` and
 * `formatDuration` print) into seconds, like the command line's `parseDuration`. A bare number is refused rather
 * than read as seconds: "30" in a form is more likely days than seconds.
 */
export function parseDuration(input: string): Parsed<bigint> {
  const text = input.trim().toLowerCase();
  const hint = 'write it like "6h", "30d", "2 weeks" or "1h30m"';
  if (text === "") return { ok: false, error: `Enter a duration: ${hint}.` };
  if (/^[0-9.]+$/.test(text)) return { ok: false, error: `"${input.trim()}" has no unit: ${hint}.` };
  const part = /([0-9]+(?:\.[0-9]+)?)\s*([a-z]+)[\s,]*/gy;
  let total = 0;
  let consumed = 0;
  let match: RegExpExecArray | null;
  while ((match = part.exec(text)) !== null) {
    const unit = DURATION_UNITS[match[2]];
    if (unit === undefined) break;
    total += Number(match[1]) * unit;
    consumed = part.lastIndex;
  }
  if (consumed !== text.length || !Number.isFinite(total)) return { ok: false, error: `"${input.trim()}" is not a duration: ${hint}.` };
  return { ok: true, value: BigInt(Math.round(total)) };
}

/** A duration as a form's starting text that `parseDuration` reads back exactly: "30 days", "2d 3h 0m 59s". */
export function durationInput(seconds: bigint | number): string {
  const period = formatPeriod(seconds);
  return /^[0-9]+ [a-z]+$/.test(period) ? period : formatDuration(seconds, 5);
}

/** "in 2h 5m" or "3m ago", against the chain's clock `now` (seconds). */
export function formatCountdown(at: bigint | number, now: bigint | number): string {
  const delta = Number(at) - Number(now);
  if (delta === 0) return "now";
  return delta > 0 ? `in ${formatDuration(delta)}` : `${formatDuration(-delta)} ago`;
}

/** A period in words: "30 days", "1 week", "6 hours"; falls back to "every 3d 4h". */
export function formatPeriod(seconds: bigint | number): string {
  const s = Number(seconds);
  for (const [name, size] of [["year", 31_536_000], ["week", 604_800], ["day", 86_400], ["hour", 3_600], ["minute", 60]] as const) {
    if (s >= size && s % size === 0) {
      const n = s / size;
      return n === 1 ? `1 ${name}` : `${n} ${name}s`;
    }
  }
  return formatDuration(s);
}

/** A UTC date and time for a unix timestamp: "2026-11-27 14:05 UTC". */
export function formatDate(at: bigint | number): string {
  return `${new Date(Number(at) * 1000).toISOString().replace("T", " ").slice(0, 16)} UTC`;
}

/** "0x1234…abcd". */
export function shortAddress(address: string): string {
  return address.length < 12 ? address : `${address.slice(0, 6)}…${address.slice(-4)}`;
}

/** Basis points as a percentage: 2500 → "25%", 1250 → "12.5%". */
export function formatBps(bps: bigint | number): string {
  return `${Number(bps) / 100}%`;
}

/**
 * Parses a share typed by a person ("20%", "12.5", "2000bps") into basis points, like the command line's
 * `parseBps`. Whether the share is in range is for the caller (the contract's range differs per rule).
 */
export function parseBps(input: string): Parsed<number> {
  const text = input.trim().toLowerCase();
  const bps = /^([0-9]+)\s*bps$/.exec(text);
  const pct = /^([0-9]+(?:\.[0-9]+)?|\.[0-9]+)\s*%?$/.exec(text);
  if (bps !== null) return { ok: true, value: Number(bps[1]) };
  if (pct === null) return { ok: false, error: `"${input.trim()}" is not a share: write it like "20%" or "12.5%".` };
  const [, fractionDigits = ""] = pct[1].split(".");
  if (fractionDigits.replace(/0+$/, "").length > 2) return { ok: false, error: `"${input.trim()}" is finer than the contract counts: at most two decimals ("12.25%").` };
  return { ok: true, value: Math.round(Number(pct[1]) * 100) };
}

/** `part / whole` as a 0..1 fraction, safe for bigints of any size (0 when `whole` is 0). */
export function fraction(part: bigint, whole: bigint): number {
  if (whole <= 0n || part <= 0n) return 0;
  if (part >= whole) return 1;
  return Number((part * 1_000_000n) / whole) / 1_000_000;
}

/** A percentage for a 0..1 fraction, with one decimal under 10%: "42%", "7.5%". */
export function formatPercent(f: number): string {
  const p = f * 100;
  return p > 0 && p < 10 ? `${p.toFixed(1).replace(/\.0$/, "")}%` : `${Math.round(p)}%`;
}
