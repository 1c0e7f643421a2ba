// `npm start`: the whole of Potluck on this machine in one command. Builds the contracts, starts a Hardhat
// node on 127.0.0.1:8545, deploys, seeds the demo, starts the indexer (embedded database) and the web app
// (which reads history from it), prints the URLs, the addresses and the demo accounts, and stops everything
// on Ctrl-C or SIGTERM.
//
// Run by Node 22 directly (type stripping: erasable TypeScript only, no local imports), so it works on a
// fresh clone right after `npm install`, before anything is built.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { getAddress } from "ethers";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const HOST = "127.0.0.1";
/** The node's port: 8545 (what wallets and `--network localhost` expect), else the next free one. */
const PORT = 8545;
let port = PORT;
let RPC_URL = `http://${HOST}:${port}`;
const FRONTEND = path.join(ROOT, "frontend");
const LOG_DIR = path.join(ROOT, "cache");
// A second `npm start` (on another port) keeps its own logs and index: the first one's stay untouched.
let NODE_LOG = path.join(LOG_DIR, "potluck-node.log");
let INDEXER_LOG = path.join(LOG_DIR, "potluck-indexer.log");
let INDEXER_DATA = path.join(LOG_DIR, "indexer");

const require = createRequire(import.meta.url);
const hardhatPackage = require.resolve("hardhat/package.json");
const hardhatBin = path.join(path.dirname(hardhatPackage), (JSON.parse(readFileSync(hardhatPackage, "utf8")) as { bin: { hardhat: string } }).bin.hardhat);

const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const dim = (s: string) => (process.stdout.isTTY ? `\x1b[2m${s}\x1b[0m` : s);
const say = (s: string) => console.log(`${bold("potluck")} ${s}`);

const children = new Set<ChildProcess>();
let stopping = false;

/** Runs a Hardhat command to completion, its output shown; fails on a non-zero exit. */
function hardhat(args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [hardhatBin, ...args], { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } });
    children.add(child);
    child.on("exit", (code, signal) => {
      children.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`\`hardhat ${args.join(" ")}\` ${signal !== null ? `was stopped by ${signal}` : `failed (exit code ${code})`}`));
    });
    child.on("error", reject);
  });
}

/** Starts a long-running process in its own process group (so stopping it stops its children too). */
function background(command: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): ChildProcess {
  const child = spawn(command, args, {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  children.add(child);
  child.on("exit", () => children.delete(child));
  return child;
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: HOST, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function rpc(method: string): Promise<unknown> {
  const response = await fetch(RPC_URL, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params: [] }),
  });
  return ((await response.json()) as { result: unknown }).result;
}

async function waitForNode(node: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (node.exitCode !== null) throw new Error(`the Hardhat node exited (code ${node.exitCode}); see ${path.relative(ROOT, NODE_LOG)}`);
    try {
      if ((await rpc("eth_chainId")) !== undefined) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the Hardhat node did not answer on ${RPC_URL} within ${timeoutMs / 1000}s; see ${path.relative(ROOT, NODE_LOG)}`);
}

/** Stops every child (its whole process group), politely first; resolves when all have exited. */
async function stopAll(): Promise<void> {
  const running = [...children].filter((c) => c.exitCode === null && c.signalCode === null);
  const exited = running.map((c) => new Promise<void>((r) => (c.exitCode !== null || c.signalCode !== null ? r() : c.once("exit", () => r()))));
  for (const child of running) kill(child, "SIGTERM");
  const timer = setTimeout(() => {
    for (const child of running) kill(child, "SIGKILL");
  }, 5000);
  await Promise.all(exited);
  clearTimeout(timer);
}

function kill(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal); // the process group (background children)
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

async function shutdown(code: number, reason?: string) {
  if (stopping) return;
  stopping = true;
  if (reason !== undefined) say(reason);
  say("stopping the web app, the indexer and the node…");
  await stopAll();
  say("stopped.");
  process.exit(code);
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => void shutdown(0, `${signal} received`));
}
// `npm start` runs this under npm and sh; if they are killed (SIGTERM to npm), this process is orphaned and
// re-parented: notice it and stop too.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void shutdown(0, "npm stopped");
}, 1000).unref();
// Last resort (an exception, process.exit elsewhere): never leave a node behind.
process.on("exit", () => {
  for (const child of children) kill(child, "SIGKILL");
});

interface Summary {
  pools: Array<{ index: number; name: string; address: string; asset: string; story: string }>;
  accounts: Array<{ index: number; address: string; role: string }>;
  clockAheadSeconds: number;
}

async function main() {
  const started = Date.now();
  if (await portInUse(PORT)) {
    port = await freePort(PORT + 1);
    RPC_URL = `http://${HOST}:${port}`;
    NODE_LOG = path.join(LOG_DIR, `potluck-node-${port}.log`);
    INDEXER_LOG = path.join(LOG_DIR, `potluck-indexer-${port}.log`);
    INDEXER_DATA = path.join(LOG_DIR, `indexer-${port}`);
    say(`something already listens on ${HOST}:${PORT} (another \`npm start\` or \`npx hardhat node\`?): this node uses port ${port}.`);
  }
  // Hardhat's `localhost` network (deploy, seed, the CLI) reads the node's URL from here (hardhat.config.ts).
  process.env.POTLUCK_LOCALHOST_URL = RPC_URL;

  say("building the contracts (the first build takes a minute or two)…");
  await hardhat(["build", "--quiet", "--no-tests"]);

  say(`starting a Hardhat node on ${RPC_URL} ${dim(`(log: ${path.relative(ROOT, NODE_LOG)})`)}`);
  mkdirSync(LOG_DIR, { recursive: true });
  const log = createWriteStream(NODE_LOG);
  const node = background(process.execPath, [hardhatBin, "node", "--hostname", HOST, "--port", String(port)]);
  let nodeOutput = "";
  node.stdout!.on("data", (chunk: Buffer) => {
    if (nodeOutput.length < 20_000) nodeOutput += chunk.toString();
    log.write(chunk);
  });
  node.stderr!.on("data", (chunk: Buffer) => log.write(chunk));
  node.on("exit", (code, signal) => {
    if (!stopping) void shutdown(1, `the Hardhat node stopped unexpectedly (${signal ?? `exit code ${code}`}); see ${path.relative(ROOT, NODE_LOG)}`);
  });
  await waitForNode(node, 60_000);

  say("deploying…");
  await hardhat(["deploy", "--network", "localhost"]);
  say("seeding the demo…");
  const summaryFile = path.join(os.tmpdir(), `potluck-demo-${process.pid}.json`);
  await hardhat(["seed", "--network", "localhost"], { POTLUCK_DEMO_SUMMARY: summaryFile });
  const summary = existsSync(summaryFile) ? (JSON.parse(readFileSync(summaryFile, "utf8")) as Summary) : undefined;
  rmSync(summaryFile, { force: true });

  const indexerUrl = await startIndexer();

  let webUrl: string | undefined;
  if (existsSync(path.join(FRONTEND, "package.json"))) {
    webUrl = await startWebApp(indexerUrl);
  }

  // The banner.
  const deployment = JSON.parse(readFileSync(path.join(ROOT, "deployments", "31337.json"), "utf8")) as { contracts: Record<string, { address: string }> };
  const keys = [...nodeOutput.matchAll(/Account #(\d+):\s+(0x[0-9a-fA-F]{40})[^\n]*\n\s*Private Key:\s+(0x[0-9a-fA-F]{64})/g)];
  const lines: string[] = ["", bold("Potluck is running"), ""];
  lines.push(webUrl !== undefined ? `  Web app       ${bold(webUrl)}` : existsSync(path.join(FRONTEND, "package.json")) ? "  Web app       starting (see its output above)" : "  Web app       not there yet (no frontend/package.json): the contracts are below");
  lines.push(`  Chain         ${RPC_URL}  (chain id 31337; add it to your wallet as a custom network)`);
  if (indexerUrl !== undefined) lines.push(`  Indexer       ${indexerUrl}  (history and each pool's feed: /pools/<address>/feed.atom)`);
  for (const [name, c] of Object.entries(deployment.contracts)) lines.push(`  ${name.padEnd(14)}${c.address}`);
  if (summary !== undefined && summary.pools.length > 0) {
    lines.push("", "  Pools");
    for (const p of summary.pools) lines.push(`    #${p.index}  ${p.name.padEnd(30)} ${p.asset.padEnd(5)} ${p.address}`);
    if (summary.clockAheadSeconds > 60) {
      lines.push(dim(`    (the seed moved the chain's clock ${Math.round(summary.clockAheadSeconds / 3600)}h ahead: countdowns follow block time)`));
    }
  }
  lines.push("", "  Demo accounts (import a key into your wallet to act as that person):");
  for (const [, index, address, key] of keys.slice(0, 10)) {
    const role = summary?.accounts.find((a) => a.index === Number(index))?.role ?? "";
    lines.push(`    #${index.padEnd(2)} ${getAddress(address)}  ${dim(key)}`);
    if (role !== "") lines.push(`         ${role}`);
  }
  lines.push(
    "",
    `  ${bold("WARNING")}: these are Hardhat's well-known development keys. Anyone can take what is sent to them on a`,
    "  real network: use them on this local chain only.",
    "",
    port === PORT ? "  From another terminal:" : `  From another terminal (first: export POTLUCK_LOCALHOST_URL=${RPC_URL}):`,
    "    npx hardhat pool:list",
    "    npx hardhat pool:status 0",
    "    npx hardhat pool:give 0 \"0.05 ETH\" --from 3",
    "    npx hardhat pool:pay 0 3",
    "",
    `  Ready in ${Math.round((Date.now() - started) / 1000)}s. Press Ctrl-C to stop everything.`,
    "",
  );
  console.log(lines.join("\n"));
}

/** The root package.json's npm workspaces (the web app may be one: then the root `npm install` installed it). */
function workspaces(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { workspaces?: string[] | { packages?: string[] } };
  const list = Array.isArray(pkg.workspaces) ? pkg.workspaces : pkg.workspaces?.packages ?? [];
  return list.map((w) => path.normalize(w).replace(/\/$/, ""));
}

async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 100; port++) if (!(await portInUse(port))) return port;
  throw new Error(`no free port from ${from} to ${from + 99}`);
}

/**
 * Starts the indexer (indexer/, Ponder, embedded PGlite in cache/indexer/) on the fresh chain and returns its
 * URL once it has caught up, or undefined (the web app then reads logs) if it cannot start.
 */
async function startIndexer(): Promise<string | undefined> {
  const indexerDir = path.join(ROOT, "indexer");
  if (!existsSync(path.join(indexerDir, "package.json"))) return undefined;
  const deployment = JSON.parse(readFileSync(path.join(ROOT, "deployments", "31337.json"), "utf8")) as { contracts: { PoolFactory: { address: string; blockNumber: number } } };
  // The chain is new on every start: so is the index (an old one would describe another chain).
  const dataDir = INDEXER_DATA;
  rmSync(dataDir, { recursive: true, force: true });
  const port = await freePort(42069);
  const url = `http://${HOST}:${port}`;
  // Hoisted to the root's node_modules by npm workspaces, or kept in the workspace's own.
  const ponderBin = [ROOT, indexerDir].map((dir) => path.join(dir, "node_modules", "ponder", "dist", "esm", "bin", "ponder.js")).find((file) => existsSync(file));
  if (ponderBin === undefined) {
    say("the indexer is not installed (no node_modules/ponder: run `npm install`): the web app reads the chain's logs.");
    return undefined;
  }
  say(`starting the indexer ${dim(`(log: ${path.relative(ROOT, INDEXER_LOG)})`)}…`);
  const log = createWriteStream(INDEXER_LOG);
  const indexer = background(process.execPath, [ponderBin, "start", "--schema", "potluck", "--port", String(port), "--log-format", "json"], {
    cwd: indexerDir,
    env: {
      PONDER_RPC_URL: RPC_URL,
      POTLUCK_CHAIN_ID: "31337",
      POTLUCK_FACTORY: deployment.contracts.PoolFactory.address,
      POTLUCK_START_BLOCK: String(deployment.contracts.PoolFactory.blockNumber),
      POTLUCK_PGLITE_DIR: path.join(dataDir, "pglite"),
      DATABASE_URL: "",
      PONDER_TELEMETRY_DISABLED: "true",
    },
  });
  indexer.stdout!.pipe(log);
  indexer.stderr!.pipe(log);
  indexer.on("exit", (code, signal) => {
    if (!stopping) say(`the indexer stopped (${signal ?? `exit code ${code}`}; see ${path.relative(ROOT, INDEXER_LOG)}); the web app falls back to the chain's logs.`);
  });
  // The seed's time travel can leave blocks without a parent hash at the head; normal blocks on top keep the
  // indexer's live sync on a proper chain.
  for (let i = 0; i < 40; i++) await rpc("evm_mine");
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && indexer.exitCode === null) {
    try {
      const head = Number(BigInt((await rpc("eth_blockNumber")) as string));
      const status = (await (await fetch(`${url}/status`)).json()) as Record<string, { block?: { number: number } | null }>;
      const at = Object.values(status)[0]?.block?.number;
      if (at !== undefined && at >= head) {
        console.log(`indexer: ${url}`);
        return url;
      }
    } catch {
      // not serving yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  say(`the indexer did not catch up within 2 minutes (see ${path.relative(ROOT, INDEXER_LOG)}): the web app reads the chain's logs instead.`);
  kill(indexer, "SIGTERM");
  return undefined;
}

/** Installs the web app's dependencies if needed, starts its dev server and returns its URL once printed. */
async function startWebApp(indexerUrl?: string): Promise<string | undefined> {
  const npmCli = process.env.npm_execpath;
  const npm = (args: string[]): [string, string[]] => (npmCli !== undefined && npmCli.endsWith(".js") ? [process.execPath, [npmCli, ...args]] : ["npm", args]);
  const isWorkspace = workspaces().includes("frontend");
  if (!isWorkspace && !existsSync(path.join(FRONTEND, "node_modules"))) {
    say("installing the web app's dependencies (frontend/)…");
    const [command, args] = npm(["--prefix", FRONTEND, "install", "--no-audit", "--no-fund"]);
    await new Promise<void>((resolve, reject) => {
      const child = spawn(command, args, { cwd: ROOT, stdio: "inherit" });
      children.add(child);
      child.on("exit", (code) => {
        children.delete(child);
        if (code === 0) resolve();
        else reject(new Error(`installing the web app's dependencies failed (exit code ${code})`));
      });
    });
  }
  say("starting the web app…");
  const [command, args] = npm(isWorkspace ? ["run", "dev", "--workspace", "frontend"] : ["--prefix", FRONTEND, "run", "dev"]);
  const web = background(command, args, {
    env: { VITE_CHAIN_ID: "31337", VITE_RPC_URL: RPC_URL, VITE_INDEXER_URL: indexerUrl ?? "", BROWSER: "none" },
  });
  web.on("exit", (code, signal) => {
    if (!stopping) say(`the web app exited (${signal ?? `exit code ${code}`}); the chain keeps running. Ctrl-C to stop.`);
  });
  return new Promise((resolve) => {
    let done = false;
    const finish = (url: string | undefined) => {
      if (!done) {
        done = true;
        resolve(url);
      }
    };
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      for (const line of text.split("\n")) if (line.trim() !== "") process.stdout.write(`${dim("[web]")} ${line}\n`);
      // eslint-disable-next-line no-control-regex -- strips the colour codes (ESC [ … m) Vite prints
      const plain = text.replace(/\x1b\[[0-9;]*m/g, "");
      const match = /(https?:\/\/(?:localhost|127\.0\.0\.1|\[::1\]|0\.0\.0\.0):\d+\/?\S*)/.exec(plain);
      if (match !== null) finish(match[1]);
    };
    web.stdout!.on("data", onData);
    web.stderr!.on("data", onData);
    web.on("exit", () => finish(undefined));
    setTimeout(() => finish(undefined), 90_000);
  });
}

main().catch((error: unknown) => {
  console.error(`\n${bold("potluck")} could not start: ${error instanceof Error ? error.message : String(error)}`);
  void shutdown(1);
});
