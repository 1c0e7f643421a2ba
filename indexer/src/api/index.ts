// The indexer's HTTP API, beside Ponder's own /health, /ready and /status:
//   GET /pools                              every pool, oldest first
//   GET /pools/:address                     one pool, with its budget lines
//   GET /pools/:address/events?from=BLOCK   its events as emitted (the web app's history), in order
//   GET /pools/:address/contributors        its contributors, largest gift total first (?limit, ?offset)
//   GET /pools/:address/claims              its claims, newest first, with their objections
//   GET /pools/:address/elections           its elections, with candidates and votes
//   GET /pools/:address/feed.atom           Atom feed of what a donor must not miss
//   GET /pools/:address/feed.json           the same as a JSON Feed
//   GET /app/pools                          { block, pools }: /pools with the block it was read at
//   GET /app/pools/:address?from=&limit=    { block, events, more }: /pools/:address/events up to that block, a
//                                           page at a time (50,000 events; `more`: ask again from block + 1)
//   /graphql, /sql/*                         Ponder's GraphQL and SQL-over-HTTP on every table
// Numbers are decimal strings (uint256 does not fit a JSON number). Read-only; CORS open (the data is public).
import { Hono, type Context } from "hono";
import { compress } from "hono/compress";
import { cors } from "hono/cors";
import { and, asc, client, desc, eq, graphql, gte, lte, sql } from "ponder";
import { db, publicClients } from "ponder:api";
import schema from "ponder:schema";
import { feedEntries, renderAtom, renderJsonFeed, type FeedNotice, type FeedOptions } from "../feed";

const app = new Hono();
app.use("*", cors());
// A pool's history is JSON of repetitive rows: gzip sends it in about a tenth of the bytes (a phone's wait).
app.use("*", compress());
app.use("/graphql", graphql({ db, schema }));
app.use("/sql/*", client({ db, schema }));

const CHAIN_ID = Number(process.env.POTLUCK_CHAIN_ID ?? 31337);
/** The web app's base URL (for links from feeds to a pool's page), e.g. https://potluck.example/ */
const APP_URL = process.env.POTLUCK_APP_URL;

function json(c: Context, value: unknown, status: 200 | 400 | 404 = 200) {
  const body = JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
  return c.body(body, status, { "content-type": "application/json; charset=utf-8" });
}

function address(c: Context): `0x${string}` | undefined {
  const a = c.req.param("address") ?? "";
  return /^0x[0-9a-fA-F]{40}$/.test(a) ? (a.toLowerCase() as `0x${string}`) : undefined;
}

function int(value: string | undefined, fallback: number, max: number): number {
  const n = Number(value ?? fallback);
  return Number.isInteger(n) && n >= 0 ? Math.min(n, max) : fallback;
}

const badAddress = (c: Context) => json(c, { error: "The pool address must be 0x followed by 40 hex digits." }, 400);

/**
 * The block the indexer has indexed up to (what Ponder's /status reports), read from its checkpoint table.
 * The web app's routes read it before the rows and keep to it, so that the app can fetch the blocks after it
 * from logs without counting an event twice.
 */
async function indexedBlock(): Promise<{ number: string; timestamp: string } | null> {
  const { rows } = (await db.execute(sql`SELECT latest_checkpoint FROM _ponder_checkpoint`)) as unknown as { rows: Array<{ latest_checkpoint: string }> };
  const checkpoint = rows[0]?.latest_checkpoint;
  if (checkpoint === undefined) return null;
  // Ponder's checkpoint: 10 digits of block timestamp, 16 of chain id, 16 of block number, then the event's place.
  return { number: BigInt(checkpoint.slice(26, 42)).toString(), timestamp: BigInt(checkpoint.slice(0, 10)).toString() };
}

// The web app's two routes: what its explore page and a pool's page read, each in one round trip, with the
// block the rows are complete to (one request instead of /status beside each: a visitor's wait is counted in
// round trips).
app.get("/app/pools", async (c) => {
  const block = await indexedBlock();
  if (block === null) return json(c, { block, pools: [] });
  const pools = await db.select().from(schema.pool).where(lte(schema.pool.createdBlock, BigInt(block.number))).orderBy(asc(schema.pool.createdBlock));
  return json(c, { block, pools });
});

const EVENTS_PAGE = 50_000;

app.get("/app/pools/:address", async (c) => {
  const pool = address(c);
  if (pool === undefined) return badAddress(c);
  const from = BigInt(int(c.req.query("from"), 0, Number.MAX_SAFE_INTEGER));
  const limit = Math.max(1, int(c.req.query("limit"), EVENTS_PAGE, EVENTS_PAGE));
  const block = await indexedBlock();
  if (block === null) return json(c, { block, events: [], more: false });
  const upTo = BigInt(block.number);
  const inRange = and(eq(schema.poolEvent.pool, pool), gte(schema.poolEvent.blockNumber, from), lte(schema.poolEvent.blockNumber, upTo));
  const events = await db.select().from(schema.poolEvent).where(inRange)
    .orderBy(asc(schema.poolEvent.blockNumber), asc(schema.poolEvent.logIndex))
    .limit(limit + 1);
  if (events.length <= limit) return json(c, { block, events, more: false });
  // More than a page: the events of whole blocks up to the last complete one, that block as `block`, and
  // `more`, so the app asks again from the next block and never splits a block's events between answers.
  const last = events[limit]!.blockNumber;
  let page = events.filter((e) => e.blockNumber < last);
  // One block holding more than a page is sent whole (a page is a bound on the answer's size, not a rule).
  if (page.length === 0) {
    page = await db.select().from(schema.poolEvent).where(and(eq(schema.poolEvent.pool, pool), eq(schema.poolEvent.blockNumber, last)))
      .orderBy(asc(schema.poolEvent.logIndex));
    return json(c, { block: { number: last.toString(), timestamp: null }, events: page, more: last < upTo });
  }
  return json(c, { block: { number: (last - 1n).toString(), timestamp: null }, events: page, more: true });
});

app.get("/pools", async (c) => json(c, await db.select().from(schema.pool).orderBy(asc(schema.pool.createdBlock))));

app.get("/pools/:address", async (c) => {
  const pool = address(c);
  if (pool === undefined) return badAddress(c);
  const [row] = await db.select().from(schema.pool).where(eq(schema.pool.address, pool));
  if (row === undefined) return json(c, { error: `No pool at ${pool} has been indexed.` }, 404);
  const lines = await db.select().from(schema.budgetLine).where(eq(schema.budgetLine.pool, pool)).orderBy(asc(schema.budgetLine.line));
  return json(c, { ...row, lines });
});

app.get("/pools/:address/events", async (c) => {
  const pool = address(c);
  if (pool === undefined) return badAddress(c);
  const from = BigInt(int(c.req.query("from"), 0, Number.MAX_SAFE_INTEGER));
  const rows = await db.select().from(schema.poolEvent)
    .where(and(eq(schema.poolEvent.pool, pool), gte(schema.poolEvent.blockNumber, from)))
    .orderBy(asc(schema.poolEvent.blockNumber), asc(schema.poolEvent.logIndex))
    .limit(int(c.req.query("limit"), 50_000, 50_000));
  return json(c, rows);
});

app.get("/pools/:address/contributors", async (c) => {
  const pool = address(c);
  if (pool === undefined) return badAddress(c);
  const rows = await db.select().from(schema.contributor).where(eq(schema.contributor.pool, pool))
    .orderBy(desc(schema.contributor.given), asc(schema.contributor.address))
    .limit(int(c.req.query("limit"), 5_000, 50_000)).offset(int(c.req.query("offset"), 0, Number.MAX_SAFE_INTEGER));
  return json(c, rows);
});

app.get("/pools/:address/claims", async (c) => {
  const pool = address(c);
  if (pool === undefined) return badAddress(c);
  const claims = await db.select().from(schema.claim).where(eq(schema.claim.pool, pool)).orderBy(desc(schema.claim.number)).limit(int(c.req.query("limit"), 1_000, 10_000));
  const objections = await db.select().from(schema.objection).where(eq(schema.objection.pool, pool)).orderBy(asc(schema.objection.timestamp));
  return json(c, claims.map((claim) => ({ ...claim, objectionList: objections.filter((o) => o.claimId === claim.id) })));
});

app.get("/pools/:address/elections", async (c) => {
  const pool = address(c);
  if (pool === undefined) return badAddress(c);
  const elections = await db.select().from(schema.election).where(eq(schema.election.pool, pool)).orderBy(desc(schema.election.id));
  const candidates = await db.select().from(schema.candidate).where(eq(schema.candidate.pool, pool));
  return json(c, elections.map((e) => ({ ...e, candidates: candidates.filter((k) => k.electionId === e.id).sort((a, b) => (b.votes > a.votes ? 1 : b.votes < a.votes ? -1 : 0)) })));
});

async function feed(c: Context, format: "atom" | "json") {
  const pool = address(c);
  if (pool === undefined) return badAddress(c);
  const [row] = await db.select().from(schema.pool).where(eq(schema.pool.address, pool));
  if (row === undefined) return json(c, { error: `No pool at ${pool} has been indexed.` }, 404);
  const notices = await db.select().from(schema.notice).where(eq(schema.notice.pool, pool)).orderBy(desc(schema.notice.timestamp)).limit(100);
  const lines = await db.select().from(schema.budgetLine).where(eq(schema.budgetLine.pool, pool));
  // Chain time, not the wall clock: a local chain may run ahead of it.
  let now = BigInt(Math.floor(Date.now() / 1000));
  try {
    now = (await publicClients.potluck.getBlock()).timestamp;
  } catch {
    // the node is unreachable: the wall clock will do
  }
  const options: FeedOptions = {
    selfUrl: c.req.url,
    appUrl: APP_URL !== undefined && APP_URL !== "" ? `${APP_URL.replace(/#.*$/, "")}#/pool/${pool}` : undefined,
    now,
    lineNames: new Map(lines.map((l) => [l.line.toString(), l.name])),
  };
  const entries = feedEntries({ ...row, chainId: CHAIN_ID }, notices as FeedNotice[], options).slice(0, 100);
  return format === "atom"
    ? c.body(renderAtom({ ...row, chainId: CHAIN_ID }, entries, options), 200, { "content-type": "application/atom+xml; charset=utf-8" })
    : c.body(renderJsonFeed({ ...row, chainId: CHAIN_ID }, entries, options), 200, { "content-type": "application/feed+json; charset=utf-8" });
}

app.get("/pools/:address/feed.atom", (c) => feed(c, "atom"));
app.get("/pools/:address/feed.json", (c) => feed(c, "json"));

export default app;
