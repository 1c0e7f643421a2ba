// A local chain served over HTTP (Hardhat's JSON-RPC server on a free port, in this process), deployed and
// optionally seeded with the demo, and the indexer run against it as `ponder start` would be run in
// production: for the indexer's test and `npm run bench:web`. Nothing here touches deployments/ or the
// web app's files: the deployment record goes to a temporary directory.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "@potluck/core/node";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";
import { deployPotluck } from "../../scripts/lib/deploy.js";
import type { DeploymentRecord } from "../../scripts/lib/deployments.js";
import { seedDemo, type SeedSummary } from "../../scripts/lib/seed.js";
import { ROOT, useSession } from "../../scripts/lib/session.js";

export const INDEXER_DIR = path.join(ROOT, "indexer");
const PONDER_BIN = path.join(ROOT, "node_modules", "ponder", "dist", "esm", "bin", "ponder.js");

export async function rpc<T = unknown>(url: string, method: string, params: unknown[] = []): Promise<T> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) });
  const body = (await response.json()) as { result?: T; error?: { message: string } };
  if (body.error !== undefined) throw new Error(`${method}: ${body.error.message}`);
  return body.result as T;
}

export interface DemoChain {
  url: string;
  connection: NetworkConnection;
  deployment: DeploymentRecord;
  summary?: SeedSummary;
  dir: string;
  close(): Promise<void>;
}

/**
 * Starts a fresh simulated chain on a free port, deploys Potluck and (unless `seed` is false) seeds the
 * demo. `before(url)` runs on the bare chain first, `after(url)` once it is seeded (the bench ages it there).
 */
export async function startDemoChain(
  hre: HardhatRuntimeEnvironment,
  options: { seed?: boolean; before?: (url: string) => Promise<void>; after?: (url: string) => Promise<void> } = {},
): Promise<DemoChain> {
  const port = await freePort();
  const server = await hre.network.createServer("hardhat", "127.0.0.1", port);
  const { address, port: actual } = await server.listen();
  const url = `http://${address}:${actual}`;
  if (options.before !== undefined) await options.before(url);
  const connection = await hre.network.create({ network: "localhost", override: { url } });
  const dir = mkdtempSync(path.join(tmpdir(), "potluck-indexer-"));
  const restore = useSession({ deploymentsDir: dir, frontendFile: path.join(dir, "contracts.ts"), connection, out: () => {}, err: () => {} });
  try {
    const { record } = await deployPotluck(connection, { artifacts: hre.artifacts, frontend: false });
    const summary = options.seed === false ? undefined : await seedDemo(connection, record!);
    if (options.after !== undefined) await options.after(url);
    // The seed's time travel can leave blocks without a parent hash near the head (hardhat_mine); normal
    // blocks on top keep the indexer's live sync on a proper chain.
    for (let i = 0; i < 40; i++) await rpc(url, "evm_mine");
    return {
      url,
      connection,
      deployment: record!,
      summary,
      dir,
      close: async () => {
        await connection.close().catch(() => {});
        await server.close().catch(() => {});
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } finally {
    restore();
  }
}

export interface Indexer {
  url: string;
  process: ChildProcess;
  /** Everything it printed (its log). */
  log(): string;
  stop(): Promise<void>;
}

/**
 * Runs `ponder start` for the indexer against `chain`: PGlite in `pgliteDir`, or Postgres when
 * `databaseUrl` is given (in its own schema).
 */
export async function startIndexer(chain: { url: string; deployment: DeploymentRecord }, options: { pgliteDir?: string; databaseUrl?: string; schema?: string; logFile?: string }): Promise<Indexer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PONDER_RPC_URL: chain.url,
    POTLUCK_CHAIN_ID: "31337",
    POTLUCK_FACTORY: chain.deployment.contracts.PoolFactory.address,
    POTLUCK_START_BLOCK: String(chain.deployment.contracts.PoolFactory.blockNumber),
    PONDER_TELEMETRY_DISABLED: "true",
    NO_COLOR: "1",
  };
  delete env.DATABASE_URL;
  delete env.DATABASE_PRIVATE_URL;
  if (options.databaseUrl !== undefined) env.DATABASE_URL = options.databaseUrl;
  if (options.pgliteDir !== undefined) env.POTLUCK_PGLITE_DIR = options.pgliteDir;
  const child = spawn(process.execPath, [PONDER_BIN, "start", "--schema", options.schema ?? "potluck", "--port", String(port), "--log-format", "json"], {
    cwd: INDEXER_DIR,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  const file = options.logFile !== undefined ? createWriteStream(options.logFile, { flags: "a" }) : undefined;
  const onData = (chunk: Buffer) => {
    log += chunk.toString();
    file?.write(chunk);
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    url: `http://127.0.0.1:${port}`,
    process: child,
    log: () => log,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        process.kill(-child.pid!, "SIGTERM");
        const timer = setTimeout(() => {
          try {
            process.kill(-child.pid!, "SIGKILL");
          } catch {
            // gone
          }
        }, 10_000);
        await exited;
        clearTimeout(timer);
      }
      file?.end();
    },
  };
}

/** The block the indexer has indexed up to (Ponder's /status), or undefined while it is not serving. */
export async function indexedBlock(indexerUrl: string): Promise<number | undefined> {
  try {
    const response = await fetch(`${indexerUrl}/status`);
    if (!response.ok) return undefined;
    const status = (await response.json()) as Record<string, { block?: { number: number } | null }>;
    const chain = Object.values(status)[0];
    return chain?.block?.number ?? undefined;
  } catch {
    return undefined;
  }
}

/** Waits until the indexer has indexed the chain's latest block. */
export async function waitForIndexer(indexer: Indexer, chainUrl: string, timeoutMs = 180_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (indexer.process.exitCode !== null) throw new Error(`the indexer exited (code ${indexer.process.exitCode}):\n${indexer.log().slice(-4000)}`);
    const head = Number(BigInt(await rpc<string>(chainUrl, "eth_blockNumber")));
    const at = await indexedBlock(indexer.url);
    if (at !== undefined && at >= head) return at;
    if (Date.now() > deadline) throw new Error(`the indexer did not reach block ${head} in ${timeoutMs / 1000}s (at ${at}):\n${indexer.log().slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
