// What the browser stories share: a Hardhat node on a free port, the chain prepared by setup-chain.ts, the
// production build of the app served by `vite preview`, and the processes stopped afterwards. Each story
// runs its steps against what these start; nothing here is written inside the repository.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@potluck/core/node";

export const FRONTEND = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const ROOT = path.resolve(FRONTEND, "..");
const BIN = path.join(ROOT, "node_modules", ".bin");

/** What setup-chain.ts wrote to <work>/setup.json. */
export interface Setup {
  chainId: number;
  seeded: boolean;
  factory: string;
  storyPool: string;
  accounts: string[];
}

const children: ChildProcess[] = [];

/** Starts a process in its own process group (so the whole tree can be stopped), logging to `log`. */
export function start(command: string, args: string[], env: Record<string, string>, log: string[]): ChildProcess {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, PATH: `${BIN}:${process.env.PATH}`, ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (d: Buffer) => log.push(d.toString()));
  child.stderr?.on("data", (d: Buffer) => log.push(d.toString()));
  children.push(child);
  return child;
}

/** Stops every process this module started (each whole process group). */
export function stopAll(): void {
  for (const child of children) {
    if (child.pid === undefined || child.exitCode !== null) continue;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

/** Runs a command to completion; rejects with its output if it fails. */
export function run(command: string, args: string[], env: Record<string, string>): Promise<string> {
  const log: string[] = [];
  const child = start(command, args, env, log);
  return new Promise((resolve, reject) => {
    child.on("exit", (code) => (code === 0 ? resolve(log.join("")) : reject(new Error(`${command} ${args.join(" ")} exited ${code}:\n${log.join("").slice(-4000)}`))));
  });
}

export async function jsonRpc<T = unknown>(url: string, method: string, params: unknown[] = []): Promise<T> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) });
  const json = (await response.json()) as { result: T; error?: { message: string } };
  if (json.error) throw new Error(json.error.message);
  return json.result;
}

/** Polls `check` until it returns true (no fixed sleeps); fails with `what` after `timeout`. */
export async function until(what: string, check: () => Promise<boolean>, timeout = 120_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Compiles the contracts if this is a fresh clone (minutes with solc-js); skipped after `npm test` or a build. */
export async function ensureBuilt(): Promise<void> {
  if (!existsSync(path.join(ROOT, "artifacts", "contracts", "interfaces", "IPool.sol", "IPool.json"))) {
    await run("hardhat", ["build", "--quiet", "--no-tests"], {});
  }
}

/**
 * Starts `hardhat node` on a free port (on `network`, one of hardhat.config.ts's simulated networks, if
 * given) and returns its URL once it answers with `chainId`.
 */
export async function startNode(chainId: number, network?: string): Promise<string> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  start("hardhat", ["node", ...(network !== undefined ? ["--network", network] : []), "--hostname", "127.0.0.1", "--port", String(port)], {}, []);
  await until(`the Hardhat node (chain ${chainId})`, async () => Number(await jsonRpc<string>(url, "eth_chainId")) === chainId, 180_000);
  return url;
}

/** Deploys Potluck and creates the story's pool (frontend/e2e/setup-chain.ts) into `work`; returns setup.json. */
export async function setupChain(rpcUrl: string, work: string, env: Record<string, string> = {}): Promise<Setup> {
  await run("hardhat", ["run", "frontend/e2e/setup-chain.ts"], { POTLUCK_E2E_RPC: rpcUrl, POTLUCK_E2E_OUT: work, ...env });
  return JSON.parse(await readFile(path.join(work, "setup.json"), "utf8")) as Setup;
}

/**
 * Builds the app for `chainId` at `rpcUrl` with the deployment setup-chain.ts wrote into `work`, serves it
 * with `vite preview` on a free port and returns its URL.
 */
export async function serveApp(work: string, rpcUrl: string, chainId: number): Promise<string> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const dist = path.join(work, "dist");
  const env = { VITE_RPC_URL: rpcUrl, VITE_CHAIN_ID: String(chainId), POTLUCK_CONTRACTS_FILE: path.join(work, "contracts.ts") };
  await run("vite", ["build", FRONTEND, "--outDir", dist, "--emptyOutDir"], env);
  start("vite", ["preview", FRONTEND, "--outDir", dist, "--host", "127.0.0.1", "--port", String(port), "--strictPort"], env, []);
  await until("the preview server", async () => (await fetch(url)).ok, 60_000);
  return url;
}
