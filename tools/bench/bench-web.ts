// `npm run bench:web`: how long a visitor waits for history, with logs and with the indexer, as the chain ages.
// For each age (200,000 and 2,000,000 blocks) it starts a fresh local chain, deploys and seeds the demo, ages
// the chain that many blocks, adds 1,000 more contributors to Tiny Type Checker, starts the indexer, puts a proxy adding
// 150 ms to every request in front of both the RPC and the indexer, builds the web app for each mode (logs in
// windows of 10,000 blocks; the indexer; the indexer on a phone-sized, 4× slower page) and, in a fresh headless Chromium for each page (the one @sparticuz/chromium
// ships, or CHROMIUM_PATH's; so every visit starts with an empty cache), measures the time until the explore page
// lists the pools and until a pool page lists its contributors. Writes bench/web.json.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { Interface, Wallet, keccak256, toUtf8Bytes } from "ethers";
import { SourceMapConsumer } from "source-map-js";
import hre from "hardhat";
import { browserSource, launchBrowser } from "../../frontend/e2e/browser.js";
import { generateFrontend } from "../../scripts/lib/frontend.js";
import { ROOT } from "../../scripts/lib/session.js";
import { rpc, startDemoChain, startIndexer, waitForIndexer } from "../../test/helpers/indexer.js";

const AGES = (process.env.POTLUCK_BENCH_AGES ?? "200000,2000000").split(",").map(Number);
type Mode = "logs" | "indexer" | "phone";
/**
 * What to measure (POTLUCK_BENCH_MODES=indexer to re-run only those rows): the app reading history from logs,
 * from the indexer, and from the indexer on a phone (390 × 844, the CPU slowed 4× as Chrome's devtools do).
 */
const MODES = (process.env.POTLUCK_BENCH_MODES ?? "logs,indexer,phone").split(",") as Mode[];
const ORDER: Mode[] = ["logs", "indexer", "phone"];
/** How much slower than this machine's the "phone" rows' CPU is. */
const PHONE_CPU_SLOWDOWN = 4;
const DONORS = Number(process.env.POTLUCK_BENCH_DONORS ?? 1_000);
const DELAY_MS = 150;
const BUDGET_MS = 1_500;
const FRONTEND = path.join(ROOT, "frontend");
const VITE = path.join(ROOT, "node_modules", "vite", "bin", "vite.js");

interface Counts { requests: number; getLogs: number }
/** POTLUCK_BENCH_TRACE=1 prints every request the page made, when it started and ended: where the wait goes. */
const TRACE = process.env.POTLUCK_BENCH_TRACE === "1";
/** POTLUCK_BENCH_PROFILE=1 samples the pool page's main thread and prints where its time went, by package and file. */
const PROFILE = process.env.POTLUCK_BENCH_PROFILE === "1";

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }
interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

/** A CPU profile's self time by where it was spent: the app's files and each package, through the build's source maps. */
async function summarize(profile: CpuProfile, dist: string): Promise<string> {
  const consumers = new Map<string, SourceMapConsumer | null>();
  const consumer = async (url: string) => {
    if (!consumers.has(url)) {
      const file = path.join(dist, new URL(url).pathname);
      consumers.set(url, existsSync(`${file}.map`) ? new SourceMapConsumer(await readFile(`${file}.map`, "utf8")) : null);
    }
    return consumers.get(url)!;
  };
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const where = new Map<string, number>();
  let total = 0;
  for (const [id, us] of self) {
    const { callFrame: f } = byNode.get(id)!;
    total += us;
    let key = f.url === "" ? `(${f.functionName || "program"})` : f.url;
    if (f.url.startsWith("http")) {
      const map = await consumer(f.url);
      const source = map?.originalPositionFor({ line: f.lineNumber + 1, column: f.columnNumber }).source ?? "";
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1];
      key = pkg !== undefined ? pkg : source !== "" ? `app ${source.replace(/^.*?src\//, "src/")}` : `${f.url} (no map)`;
    }
    where.set(key, (where.get(key) ?? 0) + us);
  }
  return [...where].sort((a, b) => b[1] - a[1]).slice(0, 20)
    .map(([k, us]) => `      ${String(Math.round(us / 1000)).padStart(6)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${k}`).join("\n");
}

/** What a request asks, in a few words: its JSON-RPC methods (with counts) or its path. */
function describe(url: string, body: string | null): string {
  const where = new URL(url);
  if (body === null || body === "") return `GET ${where.pathname}${where.search}`;
  try {
    const parsed = JSON.parse(body) as { method?: string } | Array<{ method?: string }>;
    const counts = new Map<string, number>();
    for (const r of Array.isArray(parsed) ? parsed : [parsed]) counts.set(String(r.method), (counts.get(String(r.method)) ?? 0) + 1);
    return [...counts].map(([m, n]) => (n > 1 ? `${m}×${n}` : m)).join(" ");
  } catch {
    return `POST ${where.pathname}`;
  }
}

/** Forwards to `target` after `delay` ms per request, counting requests and eth_getLogs calls. */
function delayProxy(target: string, delay: number): Promise<{ url: string; counts: Counts; server: Server }> {
  const counts: Counts = { requests: 0, getLogs: 0 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      counts.requests++;
      if (body.length > 0) {
        try {
          const parsed = JSON.parse(body.toString()) as { method?: string } | Array<{ method?: string }>;
          counts.getLogs += (Array.isArray(parsed) ? parsed : [parsed]).filter((r) => r.method === "eth_getLogs").length;
        } catch {
          // not JSON-RPC
        }
      }
      setTimeout(() => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string" && k !== "host" && k !== "content-length") headers[k] = v;
        fetch(`${target}${req.url ?? "/"}`, { method: req.method, headers, body: req.method === "GET" || req.method === "HEAD" ? undefined : body })
          .then(async (r) => {
            const out = Buffer.from(await r.arrayBuffer());
            const h: Record<string, string> = { "access-control-allow-origin": "*", "access-control-allow-headers": "*", "access-control-allow-methods": "GET, POST, OPTIONS" };
            const type = r.headers.get("content-type");
            if (type !== null) h["content-type"] = type;
            res.writeHead(req.method === "OPTIONS" ? 204 : r.status, h);
            res.end(req.method === "OPTIONS" ? undefined : out);
          })
          .catch((e: unknown) => {
            res.writeHead(502);
            res.end(String(e));
          });
      }, delay);
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, counts, server })));
}

/** Serves a built app's files. */
function staticServer(dir: string): Promise<{ url: string; server: Server }> {
  const types: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml" };
  const server = createServer((req, res) => {
    const file = path.join(dir, path.normalize(decodeURIComponent((req.url ?? "/").split("?")[0])).replace(/^(\.\.[/\\])+/, ""));
    const target = existsSync(file) && !file.endsWith("/") ? file : path.join(dir, "index.html");
    readFile(target).then((data) => {
      res.writeHead(200, { "content-type": types[path.extname(target)] ?? "application/octet-stream" });
      res.end(data);
    }).catch(() => {
      res.writeHead(404);
      res.end();
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`, server })));
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [command, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args.join(" ")} failed (${code})`))));
  });
}

const close = (server: Server) => new Promise<void>((r) => server.close(() => r()));

interface Result {
  blocks: number; mode: Mode;
  /** From navigation, in the page: the explore page lists the pools; the pool page lists its contributors. */
  exploreMs: number; poolMs: number;
  /** …and shows what each gave, read from the contract. */
  poolFiguresMs: number;
  /** The same two waits as the bench process saw them (including its own delay in hearing back from the browser). */
  exploreWallMs: number; poolWallMs: number;
  contributors: number; getLogs: number; rpcRequests: number; indexerRequests: number;
  /** The machine's 1-minute load average when measured (a shared machine's figures are noisy). */
  load: number;
}

async function main() {
  const results: Result[] = [];
  console.log(`browser: ${browserSource}`);
  for (const age of AGES) {
    console.log(`\n${age.toLocaleString("en-US")} blocks: a fresh chain, the demo and ${DONORS} more contributors…`);
    // The demo's history at the start, then `age` blocks, then the new contributors: history spans the age.
    const chain = await startDemoChain(hre, { after: async (url) => void (await rpc(url, "hardhat_mine", [`0x${age.toString(16)}`])) });
    const work = await mkdtemp(path.join(tmpdir(), "potluck-bench-web-"));
    let indexer: Awaited<ReturnType<typeof startIndexer>> | undefined;
    const servers: Server[] = [];
    try {
      const tiny = chain.summary!.pools[0].address;
      const give = new Interface(["function give(uint256 amount) payable"]);
      const value = 10n ** 15n;
      for (let i = 0; i < DONORS; i += 100) {
        const batch = Array.from({ length: Math.min(100, DONORS - i) }, (_, j) => new Wallet(keccak256(toUtf8Bytes(`potluck bench donor ${i + j}`))).address);
        const body = (calls: Array<[string, unknown[]]>) => JSON.stringify(calls.map(([method, params], id) => ({ jsonrpc: "2.0", id, method, params })));
        const post = (calls: Array<[string, unknown[]]>) => fetch(chain.url, { method: "POST", headers: { "content-type": "application/json" }, body: body(calls) });
        await post(batch.flatMap((a) => [["hardhat_impersonateAccount", [a]], ["hardhat_setBalance", [a, "0xde0b6b3a7640000"]]] as Array<[string, unknown[]]>));
        await post(batch.map((a) => ["eth_sendTransaction", [{ from: a, to: tiny, value: `0x${value.toString(16)}`, data: give.encodeFunctionData("give", [value]) }]]));
      }
      for (let i = 0; i < 40; i++) await rpc(chain.url, "evm_mine");
      const head = Number(BigInt(await rpc<string>(chain.url, "eth_blockNumber")));
      indexer = await startIndexer(chain, { pgliteDir: path.join(work, "pglite") });
      await waitForIndexer(indexer, chain.url, 600_000);
      const contributors = ((await (await fetch(`${indexer.url}/pools/${tiny.toLowerCase()}`)).json()) as { contributorCount: number }).contributorCount;
      console.log(`  chain at block ${head.toLocaleString("en-US")}; indexer caught up; Tiny Type Checker has ${contributors} contributors`);
      const rpcProxy = await delayProxy(chain.url, DELAY_MS);
      const indexerProxy = await delayProxy(indexer.url, DELAY_MS);
      servers.push(rpcProxy.server, indexerProxy.server);
      const contractsFile = path.join(work, "contracts.ts");
      await generateFrontend({ deploymentsDir: chain.dir, outFile: contractsFile, readAbi: async (name) => (await hre.artifacts.readArtifact(name)).abi as readonly unknown[] });
      for (const mode of MODES) {
        const dist = path.join(work, `dist-${mode}`);
        await run(VITE, ["build", FRONTEND, "--outDir", dist, "--emptyOutDir", "--logLevel", "error", ...(PROFILE ? ["--sourcemap"] : [])], {
          VITE_CHAIN_ID: "31337",
          VITE_RPC_URL: rpcProxy.url,
          VITE_LOG_BLOCK_RANGE: "10000",
          VITE_INDEXER_URL: mode === "logs" ? "" : indexerProxy.url,
          POTLUCK_CONTRACTS_FILE: contractsFile,
        });
        const site = await staticServer(dist);
        servers.push(site.server);
        // Conditions evaluated in the page (strings: this file is type-checked without the DOM's types), each
        // timed in the page from its navigation when first seen: the bench process, which also runs the node and
        // the proxies, may hear back from the browser late while the node works through a batch of reads.
        const measure = async (hash: string, conditions: string[]) => {
          // A browser of its own: a cold visit (the packaged Chromium runs single-process, so it is closed
          // whole rather than by context).
          const browser = await launchBrowser();
          const page = await browser.newPage(mode === "phone" ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : undefined);
          const cdp = await page.context().newCDPSession(page);
          if (mode === "phone") await cdp.send("Emulation.setCPUThrottlingRate", { rate: PHONE_CPU_SLOWDOWN });
          if (PROFILE) {
            await cdp.send("Profiler.enable");
            await cdp.send("Profiler.setSamplingInterval", { interval: 500 });
            await cdp.send("Profiler.start");
          }
          const trace: string[] = [];
          const started = Date.now();
          if (TRACE) {
            page.on("requestfinished", (request) => {
              const t = request.timing();
              trace.push(`${String(Math.round(t.startTime - started)).padStart(6)} → ${String(Math.round(t.startTime + t.responseEnd - started)).padStart(6)} ms  ${describe(request.url(), request.postData())}`);
            });
          }
          const before = { ...rpcProxy.counts };
          const beforeIndexer = indexerProxy.counts.requests;
          // Watched from the document's start, every 20 ms: the first time each condition holds.
          await page.addInitScript(`window.potluckSeen = []; const conditions = [${conditions.map((c) => `() => (${c})`).join(", ")}];
            const poll = setInterval(() => {
              conditions.forEach((c, i) => { if (window.potluckSeen[i] === undefined && c()) window.potluckSeen[i] = performance.now(); });
              if (window.potluckSeen.filter((t) => t !== undefined).length === conditions.length) clearInterval(poll);
            }, 20);`);
          await page.goto(`${site.url}${hash}`);
          await page.waitForFunction(`window.potluckSeen.filter((t) => t !== undefined).length === ${conditions.length}`, undefined, { timeout: 180_000, polling: 100 });
          const ms = (await page.evaluate<number[]>("window.potluckSeen")).map(Math.round);
          const wallMs = Date.now() - started;
          if (PROFILE) {
            const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: CpuProfile };
            console.log(`    ${hash} (${mode}): the main thread's time to the last condition, by where it was spent:\n${await summarize(profile, dist)}`);
          }
          if (TRACE) console.log(`    ${hash}: ${ms.join(", ")} ms in the page, ${wallMs} ms as the bench saw it:\n${trace.sort().map((l) => `      ${l}`).join("\n")}`);
          const counts = { getLogs: rpcProxy.counts.getLogs - before.getLogs, rpc: rpcProxy.counts.requests - before.requests, indexer: indexerProxy.counts.requests - beforeIndexer };
          await browser.close();
          return { ms, wallMs, counts };
        };
        const explore = await measure("#/", [`document.querySelectorAll('[data-testid="pool-card"]').length >= 4`]);
        const poolPage = await measure(`#/pool/${tiny}`, [
          // Its contributors listed (the list of addresses, from history)…
          `(() => { const h = document.querySelector('[data-testid="contributors"] h2'); return h !== null && Number((/\\((\\d+)\\)/.exec(h.textContent || "") || [])[1] || 0) >= ${contributors} && document.querySelectorAll('[data-testid="contributor"]').length > 0; })()`,
          // …and what each gave as the contract reads it (the largest gift first).
          `(() => { const c = document.querySelector('[data-testid="contributor"] td:nth-child(2)'); const t = (c && c.textContent) || ""; return /\\d/.test(t) && !/^0(\\.0+)?(\\s|$)/.test(t); })()`,
        ]);
        const r: Result = { blocks: age, mode, exploreMs: explore.ms[0], poolMs: poolPage.ms[0], poolFiguresMs: poolPage.ms[1], exploreWallMs: explore.wallMs, poolWallMs: poolPage.wallMs, contributors, getLogs: explore.counts.getLogs + poolPage.counts.getLogs, rpcRequests: explore.counts.rpc + poolPage.counts.rpc, indexerRequests: explore.counts.indexer + poolPage.counts.indexer, load: Math.round(loadavg()[0] * 10) / 10 };
        results.push(r);
        console.log(`  ${mode.padEnd(8)} explore ${(r.exploreMs / 1000).toFixed(2)} s (${explore.counts.getLogs} eth_getLogs), pool page ${(r.poolMs / 1000).toFixed(2)} s, figures ${(r.poolFiguresMs / 1000).toFixed(2)} s (${poolPage.counts.getLogs} eth_getLogs, ${poolPage.counts.indexer} indexer requests), load ${r.load}`);
      }
    } finally {
      for (const s of servers) await close(s);
      await indexer?.stop();
      await chain.close();
      await rm(work, { recursive: true, force: true });
    }
  }
  const file = path.join(ROOT, "bench", "web.json");
  mkdirSync(path.dirname(file), { recursive: true });
  // A partial run (some ages or modes) keeps the other rows of an earlier run with the same settings.
  let kept: Result[] = [];
  try {
    const before = JSON.parse(readFileSync(file, "utf8")) as { proxyDelayMs: number; extraContributors: number; results: Result[] };
    if (before.proxyDelayMs === DELAY_MS && before.extraContributors === DONORS) kept = before.results.filter((r) => !results.some((n) => n.blocks === r.blocks && n.mode === r.mode));
  } catch {
    // no earlier run
  }
  const rows = [...kept, ...results].sort((a, b) => a.blocks - b.blocks || ORDER.indexOf(a.mode) - ORDER.indexOf(b.mode));
  writeFileSync(file, `${JSON.stringify({ proxyDelayMs: DELAY_MS, logWindow: 10_000, extraContributors: DONORS, budgetMs: BUDGET_MS, browser: browserSource, phoneCpuSlowdown: PHONE_CPU_SLOWDOWN, results: rows }, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
  const slow = results.filter((r) => r.mode === "indexer" && r.poolMs > BUDGET_MS);
  if (slow.length > 0) {
    console.error(`with the indexer, the pool page took more than ${BUDGET_MS} ms at ${slow.map((r) => r.blocks.toLocaleString("en-US")).join(", ")} blocks`);
    process.exitCode = 1;
  }
}

await main();
