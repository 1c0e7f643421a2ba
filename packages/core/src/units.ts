// Human units for the command line and the web app: amounts in the pool's asset ("0.05 ETH", "20 mUSD"),
// durations ("1h", "30 days", "2 weeks"), shares in basis points ("20%"), and their printed forms.
// Nothing here talks to a chain: the asset's symbol and decimals are passed in.
//
// Each parser comes twice: `readX` returns `Parsed<T>` (a form shows the sentence under its field), `parseX`
// throws it as a PotluckError (the command line prints it as one "Error: …" line).

/** An error whose message is written for the user: the command line prints it without a stack trace. */
export class PotluckError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PotluckError";
  }
}

/** What an amount is counted in: a pool's asset. */
export interface AssetInfo {
  /** The token's address, or the zero address for ETH. */
  address: string;
  symbol: string;
  decimals: number;
}
/** An asset whose address is typed as viem and wagmi type addresses (the web app's reads). */
export interface Asset extends AssetInfo {
  address: `0x${string}`;
}
/** What printing or reading an amount needs of its asset. */
export type AssetUnits = Pick<AssetInfo, "symbol" | "decimals">;

export const ZERO_ADDRESS = "0x0000000000000000000000000000000000000000" as const;
export const ETH = { address: ZERO_ADDRESS, symbol: "ETH", decimals: 18 } as const satisfies AssetInfo;

export const isEth = (asset: Pick<AssetInfo, "address">): boolean => asset.address.toLowerCase() === ZERO_ADDRESS;

/** A value parsed from what someone typed, or the sentence saying what is wrong with it. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const wrong = (error: string): Parsed<never> => ({ ok: false, error });

/** The value, or the sentence thrown as a PotluckError. */
export function orThrow<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new PotluckError(parsed.error);
  return parsed.value;
}

// ---------------------------------------------------------------- amounts

const AMOUNT = /^(?<number>[0-9][0-9_,]*(?:\.[0-9]*)?|\.[0-9]+)\s*(?<unit>[A-Za-z][A-Za-z0-9.-]*)?$/;

/**
 * Reads an amount written for people into the asset's smallest unit: "0.05 ETH", "20 mUSD", "20", "1,000.5".
 * The unit, when given, must be the asset's symbol (case-insensitive). Raw base units ("wei"), scientific
 * notation and decimal commas are refused on purpose: a prompt that takes wei is how people send 10^18 times
 * too much, and "0,5" is not guessed.
 */
export function readAmount(input: string, asset: AssetUnits, { allowZero = false } = {}): Parsed<bigint> {
  const text = input.trim();
  const typical = asset.symbol === "ETH" ? "0.05" : "20";
  const example = `e.g. "${typical} ${asset.symbol}" or "${typical}"`;
  if (text === "") return wrong(`No amount given: write it in ${asset.symbol}, ${example}.`);
  if (text.startsWith("-")) return wrong(`"${input}" is negative: amounts are always positive.`);
  if (/^[0-9.]+e[0-9]+/i.test(text)) return wrong(`"${input}" uses scientific notation: write the amount in full, ${example}.`);
  const match = AMOUNT.exec(text);
  if (match?.groups === undefined) return wrong(`"${input}" is not an amount: write it in ${asset.symbol}, ${example}.`);
  const unit = match.groups.unit;
  if (unit !== undefined && unit.toLowerCase() !== asset.symbol.toLowerCase()) {
    if (/^(wei|gwei)$/i.test(unit)) return wrong(`"${input}" is in ${unit}: amounts are written in ${asset.symbol}, ${example}.`);
    return wrong(`"${input}" is in ${unit}, but this pool holds ${asset.symbol}: write it in ${asset.symbol}, ${example}.`);
  }
  // Ten bare digits or more ("1000000000000000000"): base units typed where whole ones are read, the slip that
  // gives 10^18 times too much. A unit or thousands separators say the amount is meant as written.
  if (unit === undefined && /^[0-9]{10,}$/.test(match.groups.number)) {
    return wrong(
      `"${input}" looks like an amount in base units: amounts are written in ${asset.symbol}, ${example}. ` +
        `If you mean ${match.groups.number.replace(/^0+(?=\d)/, "").replace(/\B(?=(\d{3})+(?!\d))/g, ",")} ${asset.symbol}, write it so.`,
    );
  }
  let number = match.groups.number.replaceAll("_", "");
  if (number.includes(",")) {
    // Commas only as thousands separators ("1,000.5"): a decimal comma ("0,5") is refused, not guessed.
    if (!/^[0-9]{1,3}(,[0-9]{3})+(\.[0-9]*)?$/.test(number)) {
      return wrong(`"${input}" is ambiguous: use a dot for decimals ("0.5") and commas only between thousands ("1,000").`);
    }
    number = number.replaceAll(",", "");
  }
  const [whole, fraction = ""] = number.split(".");
  if (fraction.length > asset.decimals) {
    return wrong(`"${input}" has ${fraction.length} decimals, but ${asset.symbol} has only ${asset.decimals}.`);
  }
  const value = BigInt(whole === "" ? "0" : whole) * 10n ** BigInt(asset.decimals) +
    BigInt((fraction + "0".repeat(asset.decimals)).slice(0, asset.decimals) || "0");
  if (value === 0n && !allowZero) return wrong(`The amount must be more than zero (got "${input}").`);
  return ok(value);
}

/** `readAmount`, throwing its sentence as a PotluckError. */
export function parseAmount(input: string, asset: AssetUnits, options: { allowZero?: boolean } = {}): bigint {
  return orThrow(readAmount(input, asset, options));
}

/**
 * Formats base units as "1,234.5 mUSD", exactly by default. `maxDecimals` cuts for tables (never rounds up:
 * no invented money); a positive amount that the cut would print as 0 prints as "<0.0001 mUSD" instead.
 */
export function formatAmount(value: bigint, asset: AssetUnits, { maxDecimals, symbol = true }: { maxDecimals?: number; symbol?: boolean } = {}): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const base = 10n ** BigInt(asset.decimals);
  const whole = abs / base;
  let fraction = (abs % base).toString().padStart(asset.decimals, "0");
  if (maxDecimals !== undefined) fraction = fraction.slice(0, maxDecimals);
  fraction = fraction.replace(/0+$/, "");
  let number = `${whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${fraction === "" ? "" : `.${fraction}`}`;
  if (abs > 0n && whole === 0n && fraction === "" && maxDecimals !== undefined) {
    number = maxDecimals > 0 ? `<0.${"0".repeat(maxDecimals - 1)}1` : "<1";
  }
  const text = `${negative ? "-" : ""}${number}`;
  return symbol ? `${text} ${asset.symbol}` : text;
}

/**
 * A derived amount (a monthly rate worked out from a weekly cap, a share): rounded as people round money,
 * half up to two decimals from 1 on and to three significant digits below 1, so 0.928571… ETH reads "0.929 ETH"
 * and 171.428571 mUSD "171.43 mUSD", not "0.9285" cut from an exact figure nobody wrote. `approximate` tells
 * whether rounding changed the value (the caller may say "about"). Never for an amount that is paid or given.
 */
export function formatRoundedAmount(value: bigint, asset: AssetUnits, { symbol = true }: { symbol?: boolean } = {}): { text: string; approximate: boolean } {
  const abs = value < 0n ? -value : value;
  const base = 10n ** BigInt(asset.decimals);
  let keep = 2; // decimals kept
  if (abs < base && abs > 0n) {
    // Below one whole unit: three significant digits (0.00429), never more decimals than the asset has.
    const digits = abs.toString().length; // of the base-unit figure
    keep = Math.max(2, asset.decimals - digits + 3);
  }
  keep = Math.min(keep, asset.decimals);
  return roundedAt(value, 10n ** BigInt(asset.decimals - keep), asset, symbol);
}

/** `value` rounded half up (by magnitude) to a multiple of `step` base units, formatted; and whether that changed it. */
function roundedAt(value: bigint, step: bigint, asset: AssetUnits, symbol: boolean): { text: string; approximate: boolean } {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const rounded = ((abs + step / 2n) / step) * step;
  return { text: formatAmount(negative ? -rounded : rounded, asset, { symbol }), approximate: rounded !== abs };
}

/** An amount for a table or a card: cut to four decimals (see `formatAmount`). */
export function displayAmount(value: bigint, asset: AssetUnits, { maxDecimals = 4, symbol = true }: { maxDecimals?: number; symbol?: boolean } = {}): string {
  return formatAmount(value, asset, { maxDecimals, symbol });
}

/**
 * A derived figure (a weekly cap as a budget per 30 days, a pledge's value per month) to three significant
 * digits, rounded, marked "≈" when the rounding changed it: "≈0.929 ETH", "≈171 mUSD"; exact ones as they are.
 * Only for estimates: what a contract holds or pays is shown exactly (`formatAmount`, `displayAmount`).
 */
export function approxAmount(value: bigint, asset: AssetUnits, { digits = 3, symbol = true }: { digits?: number; symbol?: boolean } = {}): string {
  const length = (value < 0n ? -value : value).toString().length;
  const { text, approximate } = roundedAt(value, 10n ** BigInt(Math.max(0, length - digits)), asset, symbol);
  return approximate ? `≈${text}` : text;
}

// ---------------------------------------------------------------- durations

const DURATION_UNITS: Record<string, number> = {
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1,
  m: 60, min: 60, mins: 60, minute: 60, minutes: 60,
  h: 3_600, hr: 3_600, hrs: 3_600, hour: 3_600, hours: 3_600,
  d: 86_400, day: 86_400, days: 86_400,
  w: 604_800, week: 604_800, weeks: 604_800,
  y: 31_536_000, year: 31_536_000, years: 31_536_000,
};

/**
 * Reads a duration typed by a person ("6h", "30 days", "2 weeks", "1h30m", "3d 4h": what `formatPeriod` and
 * `formatDuration` print) into seconds. A bare number is read as seconds only with `bareSeconds` (the command
 * line's flags); a form refuses it, since "30" there is more likely days than seconds.
 */
export function readDuration(input: string, { bareSeconds = false } = {}): Parsed<bigint> {
  const text = input.trim().toLowerCase();
  const hint = 'write it like "6h", "30d", "2 weeks" or "1h30m"';
  if (text === "") return wrong(`No duration given: ${hint}.`);
  if (/^[0-9]+$/.test(text) && bareSeconds) return ok(BigInt(text));
  if (/^[0-9.]+$/.test(text)) return wrong(`"${input.trim()}" has no unit: ${hint}.`);
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
  if (consumed !== text.length || !Number.isFinite(total)) return wrong(`"${input.trim()}" is not a duration: ${hint}.`);
  return ok(BigInt(Math.round(total)));
}

/** A duration from the command line: "1h", "30d", "2 weeks", "1h30m", or a number of seconds ("3600", 3600). */
export function parseDuration(input: string | number): bigint {
  if (typeof input === "number") {
    if (!Number.isSafeInteger(input) || input < 0) throw new PotluckError(`${input} is not a duration in seconds.`);
    return BigInt(input);
  }
  return orThrow(readDuration(input, { bareSeconds: true }));
}

/** "3d 4h", "1h 5m", "45s": the two largest units (or up to `maxUnits`), for countdowns and periods. */
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

/** A period in words: "30 days", "1 week", "6 hours"; falls back to "3d 4h". */
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

/** A duration as a form's starting text that `readDuration` reads back exactly: "30 days", "2d 3h 0m 59s". */
export function durationInput(seconds: bigint | number): string {
  const period = formatPeriod(seconds);
  return /^[0-9]+ [a-z]+$/.test(period) ? period : formatDuration(seconds, 5);
}

/** A chain timestamp as "2026-11-28 08:43 UTC". */
export function formatDate(timestamp: bigint | number): string {
  return `${new Date(Number(timestamp) * 1000).toISOString().replace("T", " ").slice(0, 16)} UTC`;
}

/** "in 2h 5m" or "3m ago", relative to the chain's clock `now`. */
export function formatCountdown(at: bigint | number, now: bigint | number): string {
  const delta = Number(at) - Number(now);
  if (delta === 0) return "now";
  return delta > 0 ? `in ${formatDuration(delta)}` : `${formatDuration(-delta)} ago`;
}

// ---------------------------------------------------------------- shares and addresses

/**
 * Reads a share ("20%", "12.5", "2000bps") into basis points, or says what is wrong (more than two decimals of
 * a percent is finer than the contract counts). Whether it is in range is for the caller: each rule has its own.
 */
export function readBps(input: string | number): Parsed<number> {
  const text = String(input).trim().toLowerCase();
  const shown = String(input).trim();
  const bps = /^([0-9]+)\s*bps$/.exec(text);
  const pct = /^([0-9]+(?:\.[0-9]+)?|\.[0-9]+)\s*%?$/.exec(text);
  let value: number;
  if (bps !== null) value = Number(bps[1]);
  else if (pct === null) return wrong(`"${shown}" is not a share: write it like "20%" or "12.5%" (or "2000bps").`);
  else {
    const [, fractionDigits = ""] = pct[1].split(".");
    if (fractionDigits.replace(/0+$/, "").length > 2) return wrong(`"${shown}" is finer than the contract counts: at most two decimals ("12.25%").`);
    value = Math.round(Number(pct[1]) * 100);
  }
  return ok(value);
}

/** `readBps`, throwing its sentence as a PotluckError; more than 100% is never a share on the command line. */
export function parseBps(input: string | number): number {
  const value = orThrow(readBps(input));
  if (value > 10_000) throw new PotluckError(`"${String(input).trim()}" is more than 100%.`);
  return value;
}

/** Basis points as a percentage: 2500 → "25%", 1250 → "12.5%". */
export function formatBps(bps: bigint | number): string {
  return `${Number(bps) / 100}%`;
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

/** "0x1234…abcd". */
export function shortAddress(address: string): string {
  return address.length < 12 ? address : `${address.slice(0, 6)}…${address.slice(-4)}`;
}
