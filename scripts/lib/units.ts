// Human units for the command line and the scripts: amounts in the pool's asset ("0.05 ETH", "20 mUSD",
// "20"), durations ("1h", "30d", "2 weeks"), shares in basis points ("20%"), and their printed forms.
// Nothing here talks to a chain: the asset's symbol and decimals are passed in.
import { PotluckError } from "./errors.js";

/** What an amount is counted in: a pool's asset. */
export interface AssetInfo {
  /** The token's address, or the zero address for ETH. */
  address: string;
  symbol: string;
  decimals: number;
}

export const ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";
export const ETH: AssetInfo = { address: ZERO_ADDRESS, symbol: "ETH", decimals: 18 };

const AMOUNT = /^(?<number>[0-9][0-9_,]*(?:\.[0-9]*)?|\.[0-9]+)\s*(?<unit>[A-Za-z][A-Za-z0-9.-]*)?$/;

/**
 * Parses an amount written for people into the asset's smallest unit: "0.05 ETH", "20 mUSD", "20",
 * "1,000.5". The unit, when given, must be the asset's symbol (case-insensitive). Raw base units ("wei") and
 * scientific notation are refused on purpose: a prompt that takes wei is how people send 10^18 times too much.
 */
export function parseAmount(input: string, asset: AssetInfo, { allowZero = false } = {}): bigint {
  const text = input.trim();
  const example = `e.g. "${asset.symbol === "ETH" ? "0.05" : "20"} ${asset.symbol}" or "${asset.symbol === "ETH" ? "0.05" : "20"}"`;
  if (text === "") throw new PotluckError(`No amount given: write it in ${asset.symbol}, ${example}.`);
  if (/^-/.test(text)) throw new PotluckError(`"${input}" is negative: amounts are always positive.`);
  if (/^[0-9.]+e[0-9]+/i.test(text)) {
    throw new PotluckError(`"${input}" uses scientific notation: write the amount in full, ${example}.`);
  }
  const match = AMOUNT.exec(text);
  if (match === null || match.groups === undefined) {
    throw new PotluckError(`"${input}" is not an amount: write it in ${asset.symbol}, ${example}.`);
  }
  const unit = match.groups.unit;
  if (unit !== undefined && unit.toLowerCase() !== asset.symbol.toLowerCase()) {
    if (/^(wei|gwei)$/i.test(unit)) {
      throw new PotluckError(`"${input}" is in ${unit}: amounts are written in ${asset.symbol}, ${example}.`);
    }
    throw new PotluckError(`"${input}" is in ${unit}, but this pool holds ${asset.symbol}: write it in ${asset.symbol}, ${example}.`);
  }
  let number = match.groups.number.replaceAll("_", "");
  if (number.includes(",")) {
    // Commas only as thousands separators ("1,000.5"): a decimal comma ("0,5") is refused, not guessed.
    if (!/^[0-9]{1,3}(,[0-9]{3})+(\.[0-9]*)?$/.test(number)) {
      throw new PotluckError(`"${input}" is ambiguous: use a dot for decimals ("0.5") and commas only between thousands ("1,000").`);
    }
    number = number.replaceAll(",", "");
  }
  const [whole, fraction = ""] = number.split(".");
  if (fraction.length > asset.decimals) {
    throw new PotluckError(
      `"${input}" has ${fraction.length} decimals, but ${asset.symbol} has only ${asset.decimals}.`,
    );
  }
  const value = BigInt(whole === "" ? "0" : whole) * 10n ** BigInt(asset.decimals) +
    BigInt((fraction + "0".repeat(asset.decimals)).slice(0, asset.decimals) || "0");
  if (value === 0n && !allowZero) throw new PotluckError(`The amount must be more than zero (got "${input}").`);
  return value;
}

/** Formats base units as "1,234.5 mUSD"; `maxDecimals` rounds down for tables (never up: no invented money). */
export function formatAmount(value: bigint, asset: AssetInfo, { maxDecimals, symbol = true }: { maxDecimals?: number; symbol?: boolean } = {}): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const base = 10n ** BigInt(asset.decimals);
  const whole = (abs / base).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  let fraction = (abs % base).toString().padStart(asset.decimals, "0");
  if (maxDecimals !== undefined) fraction = fraction.slice(0, maxDecimals);
  fraction = fraction.replace(/0+$/, "");
  const number = `${negative ? "-" : ""}${whole}${fraction === "" ? "" : `.${fraction}`}`;
  return symbol ? `${number} ${asset.symbol}` : number;
}

// ---------------------------------------------------------------- durations

const UNITS: Record<string, number> = {
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1,
  m: 60, min: 60, mins: 60, minute: 60, minutes: 60,
  h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600,
  d: 86400, day: 86400, days: 86400,
  w: 604800, week: 604800, weeks: 604800,
  y: 31536000, year: 31536000, years: 31536000,
};

/** Parses "1h", "30d", "2 weeks", "1h30m" or a number of seconds ("3600") into seconds. */
export function parseDuration(input: string | number): bigint {
  if (typeof input === "number") {
    if (!Number.isSafeInteger(input) || input < 0) throw new PotluckError(`${input} is not a duration in seconds.`);
    return BigInt(input);
  }
  const text = input.trim().toLowerCase();
  if (/^[0-9]+$/.test(text)) return BigInt(text);
  const part = /([0-9]+(?:\.[0-9]+)?)\s*([a-z]+)\s*/gy;
  let total = 0;
  let consumed = 0;
  let match: RegExpExecArray | null;
  while ((match = part.exec(text)) !== null) {
    const unit = UNITS[match[2]];
    if (unit === undefined) break;
    total += Number(match[1]) * unit;
    consumed = part.lastIndex;
  }
  if (text === "" || consumed !== text.length) {
    throw new PotluckError(`"${input}" is not a duration: write it like "1h", "30d", "2 weeks" or "1h30m".`);
  }
  return BigInt(Math.round(total));
}

/** "3d 4h", "1h 5m", "45s": the two largest units, for countdowns and periods. */
export function formatDuration(seconds: bigint | number): string {
  let s = Math.max(0, Math.floor(Number(seconds)));
  if (s === 0) return "0s";
  const parts: string[] = [];
  for (const [unit, size] of [["y", 31536000], ["d", 86400], ["h", 3600], ["m", 60], ["s", 1]] as const) {
    if (s >= size) {
      parts.push(`${Math.floor(s / size)}${unit}`);
      s %= size;
    }
    if (parts.length === 2) break;
  }
  return parts.join(" ");
}

/** A chain timestamp as "2026-11-28 08:43 UTC". */
export function formatDate(timestamp: bigint | number): string {
  return new Date(Number(timestamp) * 1000).toISOString().replace("T", " ").slice(0, 16) + " UTC";
}

/** "in 2h 5m" or "3m ago", relative to the chain's clock `now`. */
export function formatCountdown(at: bigint | number, now: bigint | number): string {
  const delta = Number(at) - Number(now);
  if (delta === 0) return "now";
  return delta > 0 ? `in ${formatDuration(delta)}` : `${formatDuration(-delta)} ago`;
}

// ---------------------------------------------------------------- basis points

/** Parses "20%", "20", "2000bps" or "12.5%" into basis points. */
export function parseBps(input: string | number): number {
  const text = String(input).trim().toLowerCase();
  const bps = /^([0-9]+)\s*bps$/.exec(text);
  const pct = /^([0-9]+(?:\.[0-9]{1,2})?)\s*%?$/.exec(text);
  let value: number;
  if (bps !== null) value = Number(bps[1]);
  else if (pct !== null) value = Math.round(Number(pct[1]) * 100);
  else throw new PotluckError(`"${input}" is not a share: write it like "20%" (or "2000bps").`);
  if (value > 10_000) throw new PotluckError(`"${input}" is more than 100%.`);
  return value;
}

export function formatBps(bps: bigint | number): string {
  return `${Number(bps) / 100}%`;
}
