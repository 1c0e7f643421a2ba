// The read path of a real network, in a browser: the app built for chain 8453 (Base's id, which it does not
// treat as local), against a Hardhat node with that chain id (hardhat.config.ts's `base-simulated`).
//
//   npm run test:e2e --workspace frontend      (with story.e2e.ts)
//
// On such a chain the app batches its reads through Multicall3 at its canonical address and reads event
// history in windows of at most 10,000 blocks; on the local chain it uses neither, so only this story runs
// them. The node gets Multicall3's canonical runtime code with hardhat_setCode (as every real network has
// it), 12,000 empty blocks before Potluck is deployed, and 25,000 between the story pool's first gifts and
// the events that follow (a second pool, a third gift, a claim), so the factory's and the pool's histories
// each span three or four windows. The story then checks what the page shows and what it asked the node:
// every eth_call an aggregate3 to Multicall3, no JSON-RPC batch, every eth_getLogs at most 10,000 blocks, and
// the windows covering the history without a gap.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { createWalletClient, decodeFunctionData, defineChain, http, keccak256, multicall3Abi, parseEther, stringToHex, toHex, type Abi, type Address, type Hex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserSource, launchBrowser } from "./browser";
import { ensureBuilt, jsonRpc, ROOT, serveApp, setupChain, startNode, stopAll, type Setup } from "./harness";
import { MULTICALL3_ADDRESS, MULTICALL3_CODE_HASH, MULTICALL3_RUNTIME_CODE } from "./multicall3";

const CHAIN_ID = 8453;
const WINDOW = 10_000n;
const BEFORE_DEPLOY = 12_000;
const BETWEEN = 25_000;
const WAIT = 30_000;

interface RpcCall {
  method: string;
  params: unknown[];
}

let browser: Browser | undefined;
let page: Page;
let rpcUrl = "";
let appUrl = "";
let setup: Setup;
let work = "";
let factoryBlock = 0n;
let storyPoolBlock = 0n;
let latePool: Address;
/** Every JSON-RPC request the page sent to the node, and how many bodies were batches (arrays). */
const calls: RpcCall[] = [];
let batches = 0;
const started = Date.now();

const rpc = <T = unknown>(method: string, params: unknown[] = []) => jsonRpc<T>(rpcUrl, method, params);
const artifactAbi = async (file: string) => (JSON.parse(await readFile(path.join(ROOT, "artifacts", "contracts", file), "utf8")) as { abi: Abi }).abi;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "potluck-e2e-base-"));
  await ensureBuilt();
  rpcUrl = await startNode(CHAIN_ID, "base-simulated");

  await rpc("hardhat_setCode", [MULTICALL3_ADDRESS, MULTICALL3_RUNTIME_CODE]);
  const code = await rpc<Hex>("eth_getCode", [MULTICALL3_ADDRESS, "latest"]);
  expect(keccak256(code), "Multicall3's runtime code is not the canonical one").toBe(MULTICALL3_CODE_HASH);
  await rpc("hardhat_mine", [toHex(BEFORE_DEPLOY)]);

  setup = await setupChain(rpcUrl, work, { POTLUCK_E2E_SEED: "0" }); // the demo seed is for the local chain only
  expect(setup.chainId).toBe(CHAIN_ID);
  const record = JSON.parse(await readFile(path.join(work, "deployments", `${CHAIN_ID}.json`), "utf8")) as { contracts: { PoolFactory: { blockNumber: number } } };
  factoryBlock = BigInt(record.contracts.PoolFactory.blockNumber);
  expect(factoryBlock).toBeGreaterThan(BigInt(BEFORE_DEPLOY));

  // 25,000 blocks later: a second pool, a third gift to the story pool and a claim on it.
  await rpc("hardhat_mine", [toHex(BETWEEN)]);
  const [factoryAbi, poolAbi] = await Promise.all([artifactAbi("PoolFactory.sol/PoolFactory.json"), artifactAbi("interfaces/IPool.sol/IPool.json")]);
  const chain = defineChain({ id: CHAIN_ID, name: "Base (simulated)", nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 }, rpcUrls: { default: { http: [rpcUrl] } } });
  const wallet = createWalletClient({ chain, transport: http(rpcUrl) });
  const send = async (from: number, to: string, abi: Abi, functionName: string, args: unknown[], value?: bigint) => {
    const hash = await wallet.writeContract({ account: setup.accounts[from] as Address, address: to as Address, abi, functionName, args, value });
    const receipt = await rpc<{ status: string; blockNumber: Hex; logs: Array<{ address: string; topics: Hex[] }> } | null>("eth_getTransactionReceipt", [hash]);
    expect(receipt?.status, `${functionName} failed`).toBe("0x1");
    return receipt!;
  };
  const metadata = `data:application/json,${encodeURIComponent(JSON.stringify({ name: "Late Pool", description: "Created 25,000 blocks after the factory.", links: [] }))}`;
  const config = {
    asset: "0x0000000000000000000000000000000000000000", maintainer: setup.accounts[2], metadataURI: metadata,
    epochLength: 3600, claimDelay: 6 * 3600, ruleChangeDelay: 2 * 86_400, inactivityPeriod: 90 * 86_400, vacancyPeriod: 30 * 86_400,
    objectionQuorumBps: 6_000, electionQuorumBps: 2_500, recallThresholdBps: 3_000, inKindWeightBps: 0, weighting: 0,
  };
  const created = await send(0, setup.factory, factoryAbi, "createPool", [config, [{ name: "rent", cap: parseEther("1"), period: 30 * 86_400 }]]);
  latePool = `0x${created.logs.find((l) => l.address.toLowerCase() === setup.factory.toLowerCase())!.topics[1].slice(26)}`;
  await send(12, setup.storyPool, poolAbi, "give", [parseEther("1")], parseEther("1"));
  await send(1, setup.storyPool, poolAbi, "fileClaim", [0n, parseEther("0.25"), setup.accounts[1], keccak256(stringToHex("Invoice 7: hosting, 25,000 blocks later")), ""]);

  const createdOn = await rpc<Array<{ blockNumber: Hex; topics: Hex[] }>>("eth_getLogs", [{ address: setup.factory, fromBlock: toHex(factoryBlock), toBlock: "latest" }]);
  storyPoolBlock = BigInt(createdOn.find((l) => l.topics[1].toLowerCase().endsWith(setup.storyPool.slice(2).toLowerCase()))!.blockNumber);

  appUrl = await serveApp(work, rpcUrl, CHAIN_ID);
  browser = await launchBrowser();
  console.log(`non-local story: Chromium ${browser.version()} from ${browserSource}`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on("pageerror", (error) => console.error("[page error]", error.message));
  page.on("request", (request) => {
    if (!request.url().startsWith(rpcUrl) || request.method() !== "POST") return;
    const body = JSON.parse(request.postData() ?? "null") as RpcCall | RpcCall[] | null;
    if (body === null) return;
    if (Array.isArray(body)) batches++;
    for (const call of Array.isArray(body) ? body : [body]) calls.push({ method: call.method, params: call.params });
  });
}, 900_000);

afterAll(async () => {
  await browser?.close().catch(() => {});
  stopAll();
  if (work !== "") await rm(work, { recursive: true, force: true }).catch(() => {});
  console.log(`non-local story: ${((Date.now() - started) / 1000).toFixed(1)}s in all`);
});

/** The eth_getLogs windows the page asked for `address`, in block order. */
function logWindows(address: string): Array<[bigint, bigint]> {
  return calls
    .filter((c) => c.method === "eth_getLogs" && ((c.params[0] as { address?: string }).address ?? "").toLowerCase() === address.toLowerCase())
    .map((c) => {
      const { fromBlock, toBlock } = c.params[0] as { fromBlock: Hex; toBlock: Hex };
      return [BigInt(fromBlock), BigInt(toBlock)] as [bigint, bigint];
    })
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Checks the windows are at most 10,000 blocks each and cover `from` up to at least `through`, without a gap or an overlap. */
function expectWindowsCover(windows: Array<[bigint, bigint]>, from: bigint, through: bigint): void {
  expect(windows.length).toBeGreaterThanOrEqual(3);
  expect(windows[0][0]).toBe(from);
  for (const [i, [a, b]] of windows.entries()) {
    expect(b - a + 1n, `window ${a}..${b}`).toBeLessThanOrEqual(WINDOW);
    if (i > 0) expect(a, `window ${a}..${b} follows ${windows[i - 1][1]}`).toBe(windows[i - 1][1] + 1n);
  }
  expect(windows.at(-1)![1]).toBeGreaterThanOrEqual(through);
}

describe("the web app on a chain it does not treat as local", () => {
  it("lists both pools, found in PoolCreated events 25,000 blocks apart", async () => {
    await page.goto(appUrl);
    const cards = page.getByTestId("pool-card");
    await cards.filter({ hasText: "Late Pool" }).waitFor({ timeout: WAIT });
    await expect.poll(() => cards.count(), { timeout: WAIT }).toBe(2);
    await expect.poll(() => cards.filter({ hasText: "Story Pool" }).getByTestId("pool-balance").innerText(), { timeout: WAIT }).toBe("3 ETH");
    await expect.poll(() => cards.filter({ hasText: "Late Pool" }).getByTestId("pool-balance").innerText(), { timeout: WAIT }).toBe("0 ETH");
    await cards.filter({ hasText: "Late Pool" }).getByTestId("pool-status").filter({ hasText: "maintainer active" }).waitFor({ timeout: WAIT });
    const latest = BigInt(await rpc<Hex>("eth_blockNumber"));
    expect(latest - factoryBlock).toBeGreaterThan(BigInt(BETWEEN));
    expectWindowsCover(logWindows(setup.factory), factoryBlock, latest);
  });

  it("shows the story pool's whole history: gifts before and after the gap, and the claim filed after it", async () => {
    await page.getByTestId("pool-card").filter({ hasText: "Story Pool" }).click();
    await page.getByTestId("pool-name").filter({ hasText: "Story Pool" }).waitFor({ timeout: WAIT });
    await expect.poll(() => page.getByTestId("contributor").count(), { timeout: WAIT }).toBe(3);
    for (const donor of [10, 11, 12]) {
      const a = setup.accounts[donor];
      await page.getByTestId("contributor").filter({ hasText: `${a.slice(0, 6)}…${a.slice(-4)}` }).waitFor({ timeout: WAIT });
    }
    await page.getByTestId("gifts-chart").locator("path.line").waitFor({ timeout: WAIT });
    const claim = page.getByTestId("open-claim");
    await expect.poll(() => claim.count(), { timeout: WAIT }).toBe(1);
    await claim.getByTestId("claim-countdown").filter({ hasText: /payable in/ }).waitFor({ timeout: WAIT });
    expectWindowsCover(logWindows(setup.storyPool), storyPoolBlock, BigInt(await rpc<Hex>("eth_blockNumber")));
    expect(logWindows(latePool).length).toBe(0); // its page was never opened
  });

  it("read every contract through Multicall3's aggregate3, never in JSON-RPC batches", () => {
    const ethCalls = calls.filter((c) => c.method === "eth_call");
    expect(ethCalls.length).toBeGreaterThan(0);
    const sizes = ethCalls.map((c) => {
      const { to, data } = c.params[0] as { to: string; data?: Hex; input?: Hex };
      expect(to.toLowerCase()).toBe(MULTICALL3_ADDRESS.toLowerCase());
      const decoded = decodeFunctionData({ abi: multicall3Abi, data: data ?? (c.params[0] as { input: Hex }).input });
      expect(decoded.functionName).toBe("aggregate3");
      return (decoded.args[0] as readonly unknown[]).length;
    });
    // Reads made together travel together: the pool page's fixed figures alone are some twenty calls.
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(10);
    expect(batches).toBe(0);
  });
});
