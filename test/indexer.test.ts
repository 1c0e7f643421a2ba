// The indexer (indexer/, Ponder) against a chain with the seeded demo, as a reader meets it: its tables equal
// the contracts' views (every claim's status, every contributor's `given`, every candidate's votes), it
// resumes from its database after a restart, it follows a reorganisation, and its feeds are valid Atom.
// Runs on PGlite always, and on Postgres too when POTLUCK_TEST_DATABASE_URL is set (.ci/run sets it).
import { expect } from "chai";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import hre from "hardhat";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { IPool } from "../types/ethers-contracts/index.js";
import { renderAbis } from "../indexer/scripts/abis.js";
import { feedEntries, renderAtom, renderJsonFeed, safeLink, type FeedNotice, type FeedOptions, type FeedPool } from "../indexer/src/feed.js";
import { readFileSync } from "node:fs";
import { indexedBlock, INDEXER_DIR, rpc, startDemoChain, startIndexer, waitForIndexer, type DemoChain, type Indexer } from "./helpers/indexer.js";

const CLAIM_STATUS = ["none", "pending", "paid", "rejected", "cancelled", "void"];

type Row = Record<string, string | number | boolean | null>;

async function get<T = Row[]>(indexer: Indexer, route: string): Promise<T> {
  const response = await fetch(`${indexer.url}${route}`);
  if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Drops schemas of the test database with Debian's `psql` (the Postgres run needs a server, and so its client). */
function resetPostgres(databaseUrl: string, schemas: string[]) {
  const sql = schemas.map((name) => `DROP SCHEMA IF EXISTS "${name}" CASCADE;`).join(" ");
  execFileSync("psql", [databaseUrl, "-v", "ON_ERROR_STOP=1", "-q", "-c", sql], { stdio: ["ignore", "ignore", "inherit"] });
}

const databases: Array<{ name: string; databaseUrl?: string }> = [{ name: "PGlite" }];
if (process.env.POTLUCK_TEST_DATABASE_URL !== undefined && process.env.POTLUCK_TEST_DATABASE_URL !== "") {
  databases.push({ name: "Postgres", databaseUrl: process.env.POTLUCK_TEST_DATABASE_URL });
}
console.log(`  indexer tests run on: ${databases.map((d) => d.name).join(", ")}${databases.length === 1 ? " (set POTLUCK_TEST_DATABASE_URL for Postgres too)" : ""}`);

describe("indexer: generated ABIs", function () {
  it("indexer/src/abis.ts matches the compiled contracts (run `npm run abis --workspace indexer` if not)", function () {
    expect(readFileSync(path.join(INDEXER_DIR, "src", "abis.ts"), "utf8")).to.equal(renderAbis());
  });

  it("every pool event has an indexing function", async function () {
    const { poolEvents } = await import("../indexer/src/abis.js");
    const source = readFileSync(path.join(INDEXER_DIR, "src", "index.ts"), "utf8");
    for (const e of poolEvents) {
      const handled = source.includes(`"Pool:${e.name}"`) || source.includes(`["${e.name}",`);
      expect(handled, `no indexing function for ${e.name}`).to.equal(true);
    }
  });
});

describe("indexer: feeds carry strangers' text safely", function () {
  const hostile = `]]></title><script>alert(1)</script>&amp; "quoted" 'single' \u0001\u0007 bell \uFFFE`;
  const pool: FeedPool = {
    address: "0x00000000000000000000000000000000000000aa",
    chainId: 31337,
    metadataURI: `data:application/json,${encodeURIComponent(JSON.stringify({ name: hostile }))}`,
    assetSymbol: "<b>mUSD</b>",
    assetDecimals: 6,
  };
  const notice = (kind: string, data: Record<string, unknown>): FeedNotice => ({ id: `${kind}-1`, kind, timestamp: 1_700_000_000n, blockNumber: 1n, tx: "0x01", data });
  const notices: FeedNotice[] = [
    notice("claimFiled", { claimId: "1", line: "0", payee: "0x00000000000000000000000000000000000000bb", amount: "1500000", receiptHash: "0x01", receiptURI: "javascript:alert(1)", payableAt: "1700086400" }),
    notice("changeProposed", { proposalId: "0", kind: "budgetLine", effectiveAt: "1700600000", detail: { line: "1", name: hostile, cap: "0", period: "86400" } }),
    notice("electionCalled", { electionId: "1", kind: "vacancy", votingStartsAt: "1699000000", votingEndsAt: "1700900000" }),
    notice("petitionOpened", { petitionId: "1", contributor: "0x00000000000000000000000000000000000000cc", weight: "5" }),
    notice("woundDown", { left: "2500000" }),
  ];
  const options: FeedOptions = { selfUrl: "https://indexer.example/pools/0xaa/feed.atom", appUrl: "https://app.example/#/pool/0xaa", now: 1_700_000_000n, lineNames: new Map([["0", hostile]]) };

  it("escapes every piece of chain text and drops what XML cannot carry", function () {
    const xml = renderAtom(pool, feedEntries(pool, notices, options), options);
    expect(XMLValidator.validate(xml)).to.equal(true);
    expect(xml).to.not.include("<script>");
    expect(xml).to.not.include("<b>");
    for (const forbidden of ["\u0001", "\u0007", "\uFFFE"]) expect(xml).to.not.include(forbidden);
    expect(xml).to.include("&lt;script&gt;");
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(xml) as { feed: { title: { "#text": string }; entry: unknown[] } };
    expect(doc.feed.title["#text"]).to.include("<script>alert(1)</script>"); // the reader shows the text, as text
    expect(doc.feed.entry).to.have.length(6); // claim, change, election called, voting open, petition, wind-down
  });

  it("links only http(s) and ipfs URIs", function () {
    expect(safeLink("javascript:alert(1)")).to.equal(undefined);
    expect(safeLink("data:text/html,<script>")).to.equal(undefined);
    expect(safeLink("https://example.org/receipt.pdf")).to.equal("https://example.org/receipt.pdf");
    expect(safeLink("ipfs://bafy123/receipt.pdf")).to.equal("https://ipfs.io/ipfs/bafy123/receipt.pdf");
    expect(safeLink("https://example.org/a b")).to.equal(undefined);
    const json = JSON.parse(renderJsonFeed(pool, feedEntries(pool, notices, { ...options, appUrl: undefined }), { ...options, appUrl: undefined })) as { items: Array<{ url?: string; content_text: string }> };
    expect(json.items.every((i) => i.url === undefined || /^https?:\/\//.test(i.url))).to.equal(true);
    expect(json.items.map((i) => i.content_text).join(" ")).to.include("not a web link");
  });

  it("states a claim's amount, line, receipt and when its window closes", function () {
    const [claim] = feedEntries(pool, [notices[0]], options);
    expect(claim.title).to.include("1.5 <b>mUSD</b>");
    expect(claim.text).to.include("budget line 0");
    expect(claim.text).to.include("2023-11-15T22:13:20Z");
  });
});

for (const database of databases) {
  describe(`indexer on ${database.name}`, function () {
    this.timeout(600_000);

    let chain: DemoChain;
    let indexer: Indexer;
    let pgliteDir: string;
    const schema = `potluck_test_${process.pid}`;

    const start = () => startIndexer(chain, { pgliteDir, databaseUrl: database.databaseUrl, schema });

    before(async function () {
      // A fresh chain reuses the same addresses (CREATE2, then the factory's nonces) and block numbers, so
      // Ponder's RPC cache for chain 31337 (the ponder_sync schema, shared by every schema of the database)
      // would replay the logs of an earlier chain: start from none. PGlite gets a new directory instead.
      if (database.databaseUrl !== undefined) resetPostgres(database.databaseUrl, ["ponder_sync", schema]);
      chain = await startDemoChain(hre);
      pgliteDir = mkdtempSync(path.join(tmpdir(), "potluck-pglite-"));
      indexer = await start();
      await waitForIndexer(indexer, chain.url);
    });

    after(async function () {
      await indexer?.stop();
      await chain?.close();
      if (pgliteDir !== undefined) rmSync(pgliteDir, { recursive: true, force: true });
      if (database.databaseUrl !== undefined) resetPostgres(database.databaseUrl, [schema]);
    });

    async function pool(address: string): Promise<IPool> {
      return await chain.connection.ethers.getContractAt("IPool", address);
    }

    /** Every claim's status, every contributor's `given` and every candidate's votes equal the chain's. */
    async function expectMatchesChain() {
      const pools = await get(indexer, "/pools");
      expect(pools.length).to.equal(chain.summary!.pools.length);
      let claims = 0;
      let contributors = 0;
      let candidates = 0;
      let statements = 0;
      for (const p of pools) {
        const address = String(p.address);
        const contract = await pool(address);
        expect(String(p.totalGiven), "totalGiven").to.equal((await contract.totalGiven()).toString());
        for (const c of await get(indexer, `/pools/${address}/claims`)) {
          const [, status] = await contract.claim(BigInt(String(c.id)));
          expect(c.status, `claim ${c.number} of ${address}`).to.equal(CLAIM_STATUS[Number(status)]);
          claims++;
        }
        expect(claims).to.be.greaterThan(0);
        const rows = await get(indexer, `/pools/${address}/contributors`);
        for (const c of rows) {
          const [given] = await contract.contributionOf(String(c.address));
          expect(String(c.given), `given by ${c.address} to ${address}`).to.equal(given.toString());
          contributors++;
        }
        expect(rows.filter((r) => r.givenEver !== "0").length).to.equal(Number(p.contributorCount));
        const elections = await get<Array<Row & { candidates: Row[] }>>(indexer, `/pools/${address}/elections`);
        for (const e of elections) {
          // A candidate's statement is the latest CandidateStatement for them (both empty: withdrawn).
          const said = new Map<string, { name: string; uri: string }>();
          for (const l of await contract.queryFilter(contract.filters.CandidateStatement(BigInt(String(e.id))))) {
            said.set(l.args.candidate.toLowerCase(), { name: l.args.name, uri: l.args.uri });
          }
          for (const k of e.candidates) {
            const [nominated, votes] = await contract.candidate(BigInt(String(e.id)), String(k.address));
            expect(nominated).to.equal(true);
            expect(String(k.votes), `votes for ${k.address} in election ${e.id}`).to.equal(votes.toString());
            const statement = said.get(String(k.address));
            const stated = statement !== undefined && (statement.name !== "" || statement.uri !== "");
            expect(k.name ?? null, `name of ${k.address}`).to.equal(stated ? statement.name : null);
            expect(k.uri ?? null, `statement of ${k.address}`).to.equal(stated ? statement.uri : null);
            if (stated) statements++;
            candidates++;
          }
        }
        const [electionId, , , , leader, leaderVotes] = await contract.election();
        const open = elections.find((e) => String(e.id) === electionId.toString());
        if (open !== undefined && leaderVotes > 0n) {
          const top = open.candidates[0];
          expect(String(top.votes)).to.equal(leaderVotes.toString());
          expect(String(top.address)).to.equal(leader.toLowerCase());
        }
      }
      return { claims, contributors, candidates, statements };
    }

    it("after the seeded demo, every claim's status, contributor's given and candidate's votes equal the contracts' views", async function () {
      const counts = await expectMatchesChain();
      expect(counts.claims).to.be.greaterThanOrEqual(8);
      expect(counts.contributors).to.be.greaterThanOrEqual(20);
      expect(counts.candidates).to.be.greaterThanOrEqual(3);
      expect(counts.statements, "the demo's candidates have statements").to.be.greaterThanOrEqual(3);
    });

    it("keeps every event as emitted, in order", async function () {
      const pools = await get(indexer, "/pools");
      for (const p of pools) {
        const address = String(p.address);
        const logs = await rpc<Array<{ blockNumber: string; logIndex: string }>>(chain.url, "eth_getLogs", [{ address, fromBlock: "0x0", toBlock: "latest" }]);
        const events = await get(indexer, `/pools/${address}/events`);
        expect(events.length, `events of ${address}`).to.equal(logs.length);
        expect(events.map((e) => `${e.blockNumber}:${e.logIndex}`)).to.deep.equal(logs.map((l) => `${BigInt(l.blockNumber)}:${BigInt(l.logIndex)}`));
      }
    });

    it("serves the web app's routes in one request each, with the block their rows are complete to", async function () {
      const at = await indexedBlock(indexer.url);
      const app = await get<{ block: { number: string }; pools: Row[] }>(indexer, "/app/pools");
      expect(Number(app.block.number)).to.be.greaterThanOrEqual(at!);
      expect(app.pools).to.deep.equal(await get(indexer, "/pools"));
      for (const p of app.pools) {
        const address = String(p.address);
        const page = await get<{ block: { number: string }; events: Row[] }>(indexer, `/app/pools/${address}`);
        expect(Number(page.block.number)).to.be.greaterThanOrEqual(at!);
        expect(page.events).to.deep.equal(await get(indexer, `/pools/${address}/events`));
        // Complete to that block: the chain's logs up to it are the same events.
        const logs = await rpc<unknown[]>(chain.url, "eth_getLogs", [{ address, fromBlock: "0x0", toBlock: `0x${BigInt(page.block.number).toString(16)}` }]);
        expect(page.events.length).to.equal(logs.length);
      }
      const bad = await fetch(`${indexer.url}/app/pools/0x1234`);
      expect(bad.status).to.equal(400);
    });

    it("serves a long history in pages of whole blocks, which join to the whole, gzipped", async function () {
      const tiny = chain.summary!.pools[0].address.toLowerCase();
      const whole = await get<{ block: { number: string }; events: Row[]; more: boolean }>(indexer, `/app/pools/${tiny}`);
      expect(whole.more).to.equal(false);
      expect(whole.events.length).to.be.greaterThan(10);
      // Pages of at most 7 events, or of 1 (a block with more is sent whole: the pool's creation emits several),
      // each complete to its block, asked from the next one.
      const blocks = new Set(whole.events.map((e) => String(e.blockNumber)));
      expect(blocks.size, "some block holds several events").to.be.lessThan(whole.events.length);
      for (const limit of [7, 1]) {
        const joined: Row[] = [];
        let route = `/app/pools/${tiny}?limit=${limit}`;
        for (let pages = 0; ; pages++) {
          expect(pages, "pages").to.be.lessThan(whole.events.length);
          const page = await get<{ block: { number: string }; events: Row[]; more: boolean }>(indexer, route);
          for (const e of page.events) expect(BigInt(String(e.blockNumber)) <= BigInt(page.block.number)).to.equal(true);
          if (limit === 1) expect(new Set(page.events.map((e) => String(e.blockNumber))).size).to.equal(1);
          joined.push(...page.events);
          if (!page.more) break;
          route = `/app/pools/${tiny}?limit=${limit}&from=${BigInt(page.block.number) + 1n}`;
        }
        expect(joined, `pages of ${limit}`).to.deep.equal(whole.events);
      }
      const response = await fetch(`${indexer.url}/app/pools/${tiny}`, { headers: { "accept-encoding": "gzip" } });
      expect(response.headers.get("content-encoding")).to.equal("gzip");
    });

    it("serves each pool's Atom feed with the elements Atom requires, and a JSON Feed", async function () {
      const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });
      const pools = await get(indexer, "/pools");
      let entries = 0;
      const kinds = new Set<string>();
      for (const p of pools) {
        const response = await fetch(`${indexer.url}/pools/${String(p.address)}/feed.atom`);
        expect(response.headers.get("content-type")).to.match(/^application\/atom\+xml/);
        const xml = await response.text();
        expect(XMLValidator.validate(xml), xml.slice(0, 400)).to.equal(true);
        const doc = parser.parse(xml) as { feed: Record<string, unknown> };
        const feed = doc.feed;
        expect(feed["@xmlns"]).to.equal("http://www.w3.org/2005/Atom");
        for (const required of ["id", "title", "updated", "author"]) expect(feed[required], `feed ${required}`).to.not.equal(undefined);
        expect(String(feed.updated)).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
        const list = feed.entry === undefined ? [] : Array.isArray(feed.entry) ? feed.entry : [feed.entry];
        for (const e of list as Array<Record<string, unknown>>) {
          for (const required of ["id", "title", "updated", "content"]) expect(e[required], `entry ${required}`).to.not.equal(undefined);
          expect(String(e.updated)).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
          const title = String((e.title as Record<string, unknown>)["#text"] ?? e.title);
          kinds.add(title.split(/[ :]/)[0]);
          entries++;
        }
        const json = (await (await fetch(`${indexer.url}/pools/${String(p.address)}/feed.json`)).json()) as { version: string; title: string; items: Array<{ id: string; content_text: string }> };
        expect(json.version).to.equal("https://jsonfeed.org/version/1.1");
        expect(json.items.length).to.equal(list.length);
      }
      expect(entries).to.be.greaterThan(5);
      // Claims filed, a change proposed, elections called and voting, the wind-down.
      for (const kind of ["Claim", "Change", "Election", "Voting", "The"]) expect([...kinds], kind).to.include(kind);
    });

    it("resumes from its database after a restart (no re-index from the start block)", async function () {
      const before = await indexedBlock(indexer.url);
      await indexer.stop();
      // Meanwhile, a gift.
      const [donor] = await chain.connection.ethers.getSigners();
      const tiny = await pool(chain.summary!.pools[0].address);
      await (await tiny.connect(donor).give(10n ** 15n, { value: 10n ** 15n })).wait();
      for (let i = 0; i < 3; i++) await rpc(chain.url, "evm_mine");
      indexer = await start();
      await waitForIndexer(indexer, chain.url);
      const log = indexer.log();
      // Ponder says where it picked up: the checkpoint it had reached, not the factory's block.
      expect(log, log.slice(-3000)).to.include("Detected crash recovery");
      expect(before).to.be.a("number");
      await expectMatchesChain();
    });

    it("follows a reorganisation (a snapshot reverted, other blocks mined)", async function () {
      const [, , , donorA, donorB] = await chain.connection.ethers.getSigners();
      const tiny = await pool(chain.summary!.pools[0].address);
      const address = (await tiny.getAddress()).toLowerCase();
      const snapshot = await rpc<string>(chain.url, "evm_snapshot");
      await (await tiny.connect(donorA).give(7n * 10n ** 15n, { value: 7n * 10n ** 15n })).wait();
      await rpc(chain.url, "evm_mine");
      await waitForIndexer(indexer, chain.url);
      const seen = await get(indexer, `/pools/${address}/contributors`);
      const a = seen.find((r) => r.address === donorA.address.toLowerCase());
      expect(a, "the gift on the abandoned branch was indexed").to.not.equal(undefined);
      await rpc(chain.url, "evm_revert", [snapshot]);
      // The other branch: a different gift, and enough blocks to be longer than the abandoned one.
      await (await tiny.connect(donorB).give(3n * 10n ** 15n, { value: 3n * 10n ** 15n })).wait();
      for (let i = 0; i < 4; i++) await rpc(chain.url, "evm_mine");
      await waitForIndexer(indexer, chain.url);
      // The indexer's head is the chain's head block (same hash): it left the abandoned branch.
      await expectMatchesChain();
      const after = await get(indexer, `/pools/${address}/contributors`);
      const [givenA] = await tiny.contributionOf(donorA.address);
      const rowA = after.find((r) => r.address === donorA.address.toLowerCase());
      expect(String(rowA?.given ?? "0")).to.equal(givenA.toString());
    });
  });
}
