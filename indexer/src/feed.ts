// A pool's feeds (Atom 1.0 and JSON Feed 1.1) of what a donor must not miss: claims filed (amount, line,
// receipt, when the challenge window closes), changes proposed (what changes, when), elections called, voting
// and finalized, recall petitions opened, the wind-down. Pure functions of rows the indexer keeps, so a test
// renders them without a database.
//
// Everything here that came from the chain (names, descriptions, receipt URIs, budget line names) was written
// by strangers: text is XML-escaped (and stripped of characters XML cannot carry), and only http(s) and ipfs
// URIs become links.

export interface FeedPool {
  address: string;
  chainId: number;
  metadataURI: string | null;
  assetSymbol: string | null;
  assetDecimals: number | null;
}

export interface FeedNotice {
  id: string;
  kind: string;
  timestamp: bigint;
  blockNumber: bigint;
  tx: string;
  data: Record<string, unknown>;
}

export interface FeedOptions {
  /** The feed's own URL (the indexer's, for rel="self"). */
  selfUrl: string;
  /** The pool's page in the web app, if known. */
  appUrl?: string;
  /** Latest indexed block time: "voting is open" entries appear once it has passed. */
  now: bigint;
  /** Budget line names by line number, for claims. */
  lineNames: Map<string, string>;
}

export interface FeedEntry {
  id: string;
  title: string;
  text: string;
  updated: bigint;
  link?: string;
}

// ---------------------------------------------------------------- safety

/** Characters XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/U+FFFF) are dropped. */
export function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex -- exactly what XML 1.0 forbids
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "");
}

/** Text content or an attribute value, escaped. */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** A URI that may become a link: http(s) as is, ipfs:// through a public gateway; anything else is refused. */
export function safeLink(uri: string | null | undefined): string | undefined {
  if (typeof uri !== "string") return undefined;
  const trimmed = uri.trim();
  // No whitespace or control characters inside: a link is one token.
  // eslint-disable-next-line no-control-regex -- see above
  if (trimmed === "" || /[\s\u0000-\u001F\u007F]/.test(trimmed) || trimmed.length > 2_000) return undefined;
  if (/^ipfs:\/\/[A-Za-z0-9._~/-]+$/.test(trimmed)) return `https://ipfs.io/ipfs/${trimmed.slice(7)}`;
  try {
    const url = new URL(trimmed);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** One line of chain text, shortened: a name in a title cannot take the whole feed reader. */
function short(text: string, max = 120): string {
  const one = xmlSafe(text).replace(/\s+/g, " ").trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

// ---------------------------------------------------------------- words

/** The pool's name from a `data:` metadata URI ({ name, … }), else its address. */
export function poolName(pool: FeedPool): string {
  const uri = pool.metadataURI ?? "";
  const match = /^data:([^,]*?)(;base64)?,(.*)$/s.exec(uri);
  if (match !== null) {
    try {
      const text = match[2] !== undefined ? Buffer.from(match[3] ?? "", "base64").toString("utf8") : decodeURIComponent(match[3] ?? "");
      const data = JSON.parse(text) as { name?: unknown };
      if (typeof data.name === "string" && data.name.trim() !== "") return short(data.name, 80);
    } catch {
      // not JSON: fall through
    }
  }
  return pool.address;
}

/** An amount in the asset's units ("1.5 ETH"), exact (no rounding). */
export function formatAmount(raw: bigint, decimals: number, symbol: string): string {
  const negative = raw < 0n;
  const v = negative ? -raw : raw;
  const base = 10n ** BigInt(decimals);
  const whole = v / base;
  let frac = decimals === 0 ? "" : (v % base).toString().padStart(decimals, "0").replace(/0+$/, "");
  if (frac.length > 0) frac = `.${frac}`;
  return `${negative ? "-" : ""}${whole.toLocaleString("en-US")}${frac} ${symbol}`;
}

function when(seconds: bigint): string {
  return new Date(Number(seconds) * 1000).toISOString().replace(".000Z", "Z");
}

function duration(seconds: bigint): string {
  const s = Number(seconds);
  if (s % 86_400 === 0) return `${s / 86_400} day${s === 86_400 ? "" : "s"}`;
  if (s % 3_600 === 0) return `${s / 3_600} hour${s === 3_600 ? "" : "s"}`;
  return `${s} seconds`;
}

const big = (v: unknown): bigint => {
  try {
    return BigInt(String(v));
  } catch {
    return 0n;
  }
};
const str = (v: unknown): string => (typeof v === "string" ? v : typeof v === "bigint" || typeof v === "number" || typeof v === "boolean" ? String(v) : "");

const RULE_WORDS: Record<string, (v: bigint) => string> = {
  claimDelay: (v) => `challenge window for claims ${duration(v)}`,
  ruleChangeDelay: (v) => `notice for changes ${duration(v)}`,
  inactivityPeriod: (v) => `maintainer counted absent after ${duration(v)}`,
  vacancyPeriod: (v) => `wind-down after the seat is open ${duration(v)}`,
  objectionQuorumBps: (v) => `objections reject at ${Number(v) / 100}% of weight`,
  electionQuorumBps: (v) => `election quorum ${Number(v) / 100}%`,
  recallThresholdBps: (v) => `recall petition threshold ${Number(v) / 100}%`,
};

/** The entries, newest first. */
export function feedEntries(pool: FeedPool, notices: readonly FeedNotice[], options: FeedOptions): FeedEntry[] {
  const symbol = short(pool.assetSymbol ?? "tokens", 16);
  const decimals = pool.assetDecimals ?? 18;
  const amount = (v: unknown) => formatAmount(big(v), decimals, symbol);
  const entries: FeedEntry[] = [];
  for (const n of notices) {
    const d = n.data;
    const base = { id: `urn:potluck:${pool.chainId}:${pool.address}:${n.id}`, updated: n.timestamp, link: options.appUrl };
    switch (n.kind) {
      case "claimFiled": {
        const line = str(d.line);
        const lineName = options.lineNames.get(line);
        const receipt = safeLink(str(d.receiptURI));
        const closes = big(d.payableAt);
        entries.push({
          ...base,
          title: `Claim of ${amount(d.amount)} filed on ${lineName !== undefined ? `“${short(lineName, 60)}”` : `line ${line}`}`,
          text: [
            `The maintainer filed a claim of ${amount(d.amount)} against budget line ${line}${lineName !== undefined ? ` (${short(lineName, 60)})` : ""}, to be paid to ${str(d.payee)}.`,
            `Receipt: ${receipt ?? "not a web link"} (hash ${str(d.receiptHash)}).`,
            `Its challenge window closes at ${when(closes)}: a contributor who disagrees can object until then.`,
          ].join("\n"),
          link: receipt !== undefined && options.appUrl === undefined ? receipt : base.link,
        });
        break;
      }
      case "changeProposed": {
        const detail = (d.detail ?? {}) as Record<string, unknown>;
        let what: string;
        // Only the fields the proposal changes (its `changes` bits; the others are stored as 0).
        const changes = Number(detail.changes ?? 0xff);
        if (d.kind === "budgetLine") {
          const cap = big(detail.cap);
          if (detail.line === "new") {
            what = `add a new budget line (“${short(str(detail.name), 60)}”) of ${amount(cap)} every ${duration(big(detail.period))}`;
          } else {
            const parts: string[] = [];
            if ((changes & 1) !== 0) parts.push(`rename it “${short(str(detail.name), 60)}”`);
            if ((changes & 2) !== 0) parts.push(cap === 0n ? "close it (cap 0)" : `set its cap to ${amount(cap)}`);
            if ((changes & 4) !== 0) parts.push(`set its period to ${duration(big(detail.period))}`);
            what = `change budget line ${str(detail.line)}: ${parts.join(", ")}`;
          }
        } else {
          const words = Object.entries(RULE_WORDS).filter((_, i) => (changes & (1 << i)) !== 0);
          what = `change the rules: ${words.map(([k, word]) => word(big(detail[k]))).join("; ")}`;
        }
        entries.push({
          ...base,
          title: `Change proposed: ${d.kind === "budgetLine" ? "a budget line" : "the rules"}, in force from ${when(big(d.effectiveAt))}`,
          text: `The maintainer proposed to ${what}. It takes effect at ${when(big(d.effectiveAt))} unless contributors object before then.`,
        });
        break;
      }
      case "electionCalled": {
        const starts = big(d.votingStartsAt);
        const ends = big(d.votingEndsAt);
        const kind = d.kind === "recall" ? "A recall election" : "An election for the open seat";
        entries.push({
          ...base,
          title: `${d.kind === "recall" ? "Recall election" : "Election"} #${str(d.electionId)} called: voting ${when(starts)} to ${when(ends)}`,
          text: `${kind} was called. Contributors can nominate until ${when(starts)}; voting runs from ${when(starts)} to ${when(ends)}.`,
        });
        if (options.now >= starts) {
          entries.push({
            ...base,
            id: `${base.id}:voting`,
            updated: starts,
            title: options.now < ends
              ? `Voting is open in election #${str(d.electionId)} until ${when(ends)}`
              : `Voting in election #${str(d.electionId)} closed at ${when(ends)}`,
            text: `Voting in election #${str(d.electionId)} opened at ${when(starts)} and ${options.now < ends ? "closes" : "closed"} at ${when(ends)}. Each contributor votes once, with their matured weight.`,
          });
        }
        break;
      }
      case "electionFinalized":
        entries.push({
          ...base,
          title: `Election #${str(d.electionId)} finalized: ${d.installed === true ? `${str(d.leader)} installed` : "nobody installed"}`,
          text: d.installed === true
            ? `${str(d.leader)} won with ${amount(d.votes)} of weight and is the maintainer.`
            : `The election ended without a winner reaching quorum (leader ${str(d.leader)}, ${amount(d.votes)} of weight).`,
        });
        break;
      case "petitionOpened":
        entries.push({
          ...base,
          title: `Recall petition #${str(d.petitionId)} opened`,
          text: `A contributor (${str(d.contributor)}) started a petition to recall the maintainer. If signatures reach the recall threshold, a recall election begins and pending claims are frozen.`,
        });
        break;
      case "woundDown":
        entries.push({
          ...base,
          title: `The pool wound down: ${amount(d.left)} to reclaim`,
          text: `The seat stayed open past the vacancy period, so the pool wound down. ${amount(d.left)} was left; every contributor can reclaim their share, pro rata to what they gave. Pending claims are void.`,
        });
        break;
      default:
        break;
    }
  }
  return entries.sort((a, b) => (b.updated > a.updated ? 1 : b.updated < a.updated ? -1 : 0));
}

// ---------------------------------------------------------------- rendering

/** Atom 1.0 (RFC 4287): feed id, title, updated, author, self link; each entry id, title, updated, content. */
export function renderAtom(pool: FeedPool, entries: readonly FeedEntry[], options: FeedOptions): string {
  const name = poolName(pool);
  const updated = entries[0]?.updated ?? options.now;
  const self = safeLink(options.selfUrl);
  const app = safeLink(options.appUrl);
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom">`,
    `  <id>urn:potluck:${pool.chainId}:${escapeXml(pool.address)}</id>`,
    `  <title type="text">${escapeXml(`${name} — Potluck pool`)}</title>`,
    `  <subtitle type="text">${escapeXml("Claims, proposed changes, elections, recall petitions and the wind-down: what a donor must not miss.")}</subtitle>`,
    `  <updated>${when(updated)}</updated>`,
    `  <author><name>${escapeXml(`Potluck pool ${pool.address}`)}</name></author>`,
    `  <generator>Potluck indexer</generator>`,
  ];
  if (self !== undefined) lines.push(`  <link rel="self" type="application/atom+xml" href="${escapeXml(self)}"/>`);
  if (app !== undefined) lines.push(`  <link rel="alternate" type="text/html" href="${escapeXml(app)}"/>`);
  for (const e of entries) {
    const link = safeLink(e.link);
    lines.push(
      "  <entry>",
      `    <id>${escapeXml(e.id)}</id>`,
      `    <title type="text">${escapeXml(e.title)}</title>`,
      `    <updated>${when(e.updated)}</updated>`,
      ...(link !== undefined ? [`    <link rel="alternate" href="${escapeXml(link)}"/>`] : []),
      `    <content type="text">${escapeXml(e.text)}</content>`,
      "  </entry>",
    );
  }
  lines.push("</feed>", "");
  return lines.join("\n");
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1). JSON.stringify escapes; links are filtered the same. */
export function renderJsonFeed(pool: FeedPool, entries: readonly FeedEntry[], options: FeedOptions): string {
  const self = safeLink(options.selfUrl);
  const app = safeLink(options.appUrl);
  return JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: `${poolName(pool)} — Potluck pool`,
    ...(app !== undefined ? { home_page_url: app } : {}),
    ...(self !== undefined ? { feed_url: self } : {}),
    description: "Claims, proposed changes, elections, recall petitions and the wind-down: what a donor must not miss.",
    authors: [{ name: `Potluck pool ${pool.address}` }],
    items: entries.map((e) => {
      const link = safeLink(e.link);
      return {
        id: e.id,
        title: xmlSafe(e.title),
        content_text: xmlSafe(e.text),
        date_published: when(e.updated),
        ...(link !== undefined ? { url: link } : {}),
      };
    }),
  }, null, 2);
}
