// The browser test: a whole story on a fresh local chain, in headless Chromium driven by playwright-core
// (the Chromium npm installed with @sparticuz/chromium, or CHROMIUM_PATH's: see browser.ts), through the
// production build of the app.
//
//   npm run test:web            (from the repository root: unit tests, then this)
//
// It starts a Hardhat node on a free port, deploys and seeds with the project's scripts (its own minimal
// deploy if they are missing), builds the app against that node, serves it with `vite preview` on a free
// port, injects a wallet, and walks: explore → connect (wrong network → switch) → give → file a claim →
// object → step down → nominate → vote → finalize, with the chain's clock moved between phases. It saves
// screenshots to e2e/screenshots/ and always stops the node, the server and the browser.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { toFunctionSelector } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserSource, launchBrowser } from "./browser";
import { ensureBuilt, FRONTEND, jsonRpc, serveApp, setupChain, startNode, stopAll, until, type Setup } from "./harness";
import { walletScript } from "./wallet";

const SHOTS = path.join(FRONTEND, "e2e", "screenshots");
const WAIT = 30_000;

let browser: Browser | undefined;
let page: Page;
let rpcUrl = "";
let appUrl = "";
let setup: Setup;
let work = "";
const started = Date.now();

const rpc = <T = unknown>(method: string, params: unknown[] = []) => jsonRpc<T>(rpcUrl, method, params);

/** Moves the chain's clock to `timestamp` and mines a block there. */
async function travelTo(timestamp: bigint): Promise<void> {
  await rpc("evm_setNextBlockTimestamp", [Number(timestamp)]);
  await rpc("evm_mine");
}

/** Reads the story pool's election() through eth_call (selector of `election()`). */
async function election(): Promise<{ votingStartsAt: bigint; votingEndsAt: bigint }> {
  const data = await rpc<string>("eth_call", [{ to: setup.storyPool, data: toFunctionSelector("election()") }, "latest"]).catch(() => "0x");
  const words = data.slice(2).match(/.{64}/g) ?? [];
  return { votingStartsAt: BigInt(`0x${words[2] ?? "0"}`), votingEndsAt: BigInt(`0x${words[3] ?? "0"}`) };
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

async function setAccount(index: number): Promise<void> {
  const address = setup.accounts[index];
  await page.evaluate((a) => (window as unknown as { __potluckWallet: { setAccount(a: string): void } }).__potluckWallet.setAccount(a), address);
  await page.getByTestId("account").filter({ hasText: `${address.slice(0, 6)}…${address.slice(-4)}` }).waitFor({ timeout: WAIT });
}

/** Waits for the transaction status `testId` to say confirmed (or fails with what it says). */
async function confirmed(testId: string): Promise<void> {
  const status = page.getByTestId(testId);
  await expect.poll(async () => (await status.getAttribute("data-phase")) ?? "", { timeout: WAIT, interval: 100 }).toMatch(/confirmed|failed/);
  const phase = await status.getAttribute("data-phase");
  if (phase !== "confirmed") throw new Error(`transaction failed: ${await status.innerText()}`);
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  work = await mkdtemp(path.join(tmpdir(), "potluck-e2e-"));
  await ensureBuilt();
  rpcUrl = await startNode(31337);
  setup = await setupChain(rpcUrl, work);
  appUrl = await serveApp(work, rpcUrl, setup.chainId);

  browser = await launchBrowser();
  console.log(`browser story: Chromium ${browser.version()} from ${browserSource}`);
  // One context for the whole story: the packaged Chromium runs in a single process, so closing a context
  // would close the browser.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ content: walletScript({ rpcUrl, nodeChainId: setup.chainId, startChainId: 1, account: setup.accounts[0] }) });
  page = await context.newPage();
  page.on("pageerror", (error) => console.error("[page error]", error.message));
}, 900_000);

afterAll(async () => {
  await browser?.close().catch(() => {});
  stopAll();
  if (work !== "") await rm(work, { recursive: true, force: true }).catch(() => {});
  console.log(`browser story: ${((Date.now() - started) / 1000).toFixed(1)}s in all`);
});

describe("the web app, in a real browser", () => {
  it("explores every pool without a wallet", async () => {
    await page.goto(appUrl);
    const cards = page.getByTestId("pool-card");
    await cards.filter({ hasText: "Story Pool" }).waitFor({ timeout: WAIT });
    if (setup.seeded) {
      await expect.poll(() => cards.count(), { timeout: WAIT }).toBe(5);
      await cards.filter({ hasText: "Tiny Type Checker" }).getByTestId("pool-status").filter({ hasText: "maintainer active" }).waitFor({ timeout: WAIT });
      await cards.filter({ hasText: "The Margins" }).getByTestId("pool-status").filter({ hasText: "election" }).waitFor({ timeout: WAIT });
      await cards.filter({ hasText: "Retro Game" }).getByTestId("pool-status").filter({ hasText: "wound down" }).waitFor({ timeout: WAIT });
      await expect.poll(() => cards.filter({ hasText: "Tiny Type Checker" }).innerText(), { timeout: WAIT }).toMatch(/runway\s+[0-9.]+ months?/);
    }
    await expect.poll(() => cards.filter({ hasText: "Story Pool" }).getByTestId("pool-balance").innerText(), { timeout: WAIT }).toBe("2 ETH");
    await page.getByTestId("connect").waitFor();
    await shot("explore");
  });

  it("shows the seeded pools' pages (read-only)", async (ctx) => {
    if (!setup.seeded) ctx.skip(); // the project's seed script was not there
    for (const [name, file] of [["Tiny Type Checker", "pool-claims"], ["Riverside Community Lab", "pool-recurring-in-kind"], ["The Margins", "pool-election"]] as const) {
      await page.goto(appUrl);
      await page.getByTestId("pool-card").filter({ hasText: name }).click();
      await page.getByTestId("pool-name").filter({ hasText: name }).waitFor({ timeout: WAIT });
      await page.getByTestId("contributor").first().waitFor({ timeout: WAIT });
      await page.getByTestId("gifts-chart").locator("path.line").waitFor({ timeout: WAIT });
      if (name === "Tiny Type Checker") {
        await page.getByTestId("claim-record").getByText("rejected").first().waitFor({ timeout: WAIT });
        await page.getByTestId("claim-record").getByText("paid").first().waitFor({ timeout: WAIT });
        await page.getByTestId("receipt-text").first().waitFor({ timeout: WAIT });
        await page.getByTestId("claim-countdown").first().waitFor({ timeout: WAIT });
      }
      if (name === "Riverside Community Lab") {
        await page.getByTestId("pledge").first().waitFor({ timeout: WAIT });
        await expect.poll(() => page.getByTestId("recurring").innerText(), { timeout: WAIT }).not.toBe("0 mUSD");
      }
      if (name === "The Margins") {
        await page.getByTestId("election-phase").filter({ hasText: "voting" }).waitFor({ timeout: WAIT });
        await expect.poll(() => page.getByTestId("candidate").count(), { timeout: WAIT }).toBeGreaterThanOrEqual(3);
      }
      await shot(file);
    }
  });

  it("opens the story pool read-only, then connects (wrong network → switch)", async () => {
    await page.goto(`${appUrl}#/pool/${setup.storyPool}`);
    await page.getByTestId("pool-name").filter({ hasText: "Story Pool" }).waitFor({ timeout: WAIT });
    await page.getByTestId("give-amount").fill("2");
    await expect(page.getByTestId("give-reason").innerText()).resolves.toContain("Connect a wallet");
    await page.getByTestId("connect").click();
    await page.getByTestId("connector-Potluck Test Wallet").click();
    await page.getByTestId("wrong-network").waitFor({ timeout: WAIT });
    await shot("wrong-network");
    await page.getByRole("button", { name: /Switch to/ }).click();
    await page.getByTestId("wrong-network").waitFor({ state: "detached", timeout: WAIT });
    await page.getByTestId("account").waitFor({ timeout: WAIT });
  });

  it("handles a rejected signature, then gives 2 ETH and shows when its weight counts", async () => {
    await page.getByTestId("give-amount").fill("2");
    await page.getByTestId("give-weight").filter({ hasText: "Your weight will be 2 from" }).waitFor({ timeout: WAIT });
    await page.evaluate(() => (window as unknown as { __potluckWallet: { rejectNextRequest(): void } }).__potluckWallet.rejectNextRequest());
    await page.getByTestId("give").click();
    await page.getByTestId("give-tx").filter({ hasText: "You rejected the request in your wallet" }).waitFor({ timeout: WAIT });
    await page.getByTestId("give").click();
    await confirmed("give-tx");
    await page.getByTestId("balance").filter({ hasText: "4 ETH" }).waitFor({ timeout: WAIT });
    await page.getByTestId("your-gifts").filter({ hasText: "You gave 2 ETH" }).waitFor({ timeout: WAIT });
    await shot("give");
  });

  it("lets the maintainer file a claim with a receipt hashed in the browser (and decodes a refusal)", async () => {
    await setAccount(1);
    const form = page.getByTestId("file-claim");
    await form.getByTestId("claim-amount").fill("0.5");
    await form.getByTestId("claim-receipt").fill("Invoice 42, Hetzner: docs hosting, November. 0.5 ETH.");
    await form.getByTestId("receipt-hash").filter({ hasText: /0x[0-9a-f]{64}/ }).waitFor({ timeout: WAIT });
    // A payee the contract refuses: the custom error comes back as a sentence.
    await form.getByLabel("payee").fill("0x0000000000000000000000000000000000000000");
    await page.getByTestId("file-claim-submit").click();
    await page.getByTestId("file-claim-tx").filter({ hasText: "The payee cannot be the zero address or the pool itself." }).waitFor({ timeout: WAIT });
    await form.getByLabel("payee").fill("");
    await page.getByTestId("file-claim-submit").click();
    await confirmed("file-claim-tx");
    const claim = page.getByTestId("open-claim").first();
    await claim.getByTestId("claim-countdown").filter({ hasText: /payable in (5h|6h)/ }).waitFor({ timeout: WAIT });
    await claim.getByTestId("objection-tally").filter({ hasText: "objections: 0 of 1.2" }).waitFor({ timeout: WAIT });
    // The claim is stored under the receipt's hash: the same receipt cannot back a second claim.
    await form.getByTestId("claim-amount").fill("0.1");
    await form.getByTestId("claim-receipt").fill("Invoice 42, Hetzner: docs hosting, November. 0.5 ETH.");
    await page.getByTestId("file-claim-submit-reason").filter({ hasText: /This receipt was already filed, as claim #\d+\./ }).waitFor({ timeout: WAIT });
    await form.getByTestId("claim-receipt").fill("");
    await form.getByTestId("claim-amount").fill("");
  });

  it("lets a contributor with matured weight object, and says why one without cannot", async () => {
    await setAccount(0);
    await page.getByTestId("object-reason").filter({ hasText: "Your gift counts from the next epoch" }).waitFor({ timeout: WAIT });
    await setAccount(10);
    const object = page.getByTestId("object");
    await expect.poll(() => object.isEnabled(), { timeout: WAIT }).toBe(true);
    await object.click();
    await confirmed("claims-tx");
    await page.getByTestId("objection-tally").filter({ hasText: "objections: 1 of 1.2" }).waitFor({ timeout: WAIT });
    await page.getByTestId("object-reason").filter({ hasText: "You have objected" }).waitFor({ timeout: WAIT });
    await shot("claim-objected");
  });

  it("lets the maintainer propose a rules change, checked as the contract checks it", async () => {
    await setAccount(1);
    const form = page.getByTestId("propose-rules");
    await form.getByTestId("rule-claimDelay").fill("30m");
    await page.getByTestId("propose-rules-submit-reason").filter({ hasText: /The claim delay must be between 1 hour and 10 years/ }).waitFor({ timeout: WAIT });
    await form.getByTestId("rule-claimDelay").fill("12h");
    await page.getByTestId("propose-rules-submit").click();
    await confirmed("propose-rules-tx");
    await page.getByTestId("changes").filter({ hasText: "claim delay 6 hours → 12 hours" }).waitFor({ timeout: WAIT });
  });

  it("shows ETH forced into the pool as stray, and lets anyone sweep it into the ledger", async () => {
    const held = BigInt(await rpc<string>("eth_getBalance", [setup.storyPool, "latest"]));
    await rpc("hardhat_setBalance", [setup.storyPool, `0x${(held + 3n * 10n ** 17n).toString(16)}`]);
    await rpc("evm_mine");
    await page.getByTestId("stray-amount").filter({ hasText: "0.3 ETH" }).waitFor({ timeout: WAIT });
    await page.getByTestId("sweep").click();
    await confirmed("sweep-tx");
    await until("the stray ETH is in the ledger", async () => (await page.getByTestId("stray-amount").count()) === 0);
  });

  it("lets the maintainer step down, which opens an election", async () => {
    await setAccount(1);
    await page.getByTestId("step-down").click();
    await page.getByTestId("step-down-confirm").click();
    await confirmed("seat-tx");
    await page.getByTestId("maintainer-status").filter({ hasText: "Election under way" }).waitFor({ timeout: WAIT });
    await page.getByTestId("election-phase").filter({ hasText: "nominating" }).waitFor({ timeout: WAIT });
  });

  it("lets a contributor nominate a candidate", async () => {
    await setAccount(10);
    await page.getByTestId("nominee").fill(setup.accounts[12]);
    await page.getByTestId("nominate").click();
    await confirmed("community-tx");
    await page.getByTestId("candidate").filter({ hasText: setup.accounts[12].slice(0, 6) }).waitFor({ timeout: WAIT });
    await page.getByTestId("vote-reason").first().filter({ hasText: "Voting starts in" }).waitFor({ timeout: WAIT });
    await shot("election-nominating");
  });

  it("votes in the voting epoch, with the voter's weight shown", async () => {
    const e = await election();
    expect(e.votingStartsAt).toBeGreaterThan(0n);
    await travelTo(e.votingStartsAt + 30n);
    await setAccount(0);
    await page.getByTestId("election-phase").filter({ hasText: "voting" }).waitFor({ timeout: WAIT });
    const vote = page.getByTestId("vote").first();
    await vote.filter({ hasText: "Vote with weight 2" }).waitFor({ timeout: WAIT });
    await vote.click();
    await confirmed("community-tx");
    await page.getByTestId("candidate-votes").first().filter({ hasText: /^2 / }).waitFor({ timeout: WAIT });
    await page.getByTestId("vote-reason").first().filter({ hasText: "You have voted" }).waitFor({ timeout: WAIT });
    await shot("election-voting");
  });

  it("finalizes after the voting epoch and installs the winner", async () => {
    const e = await election();
    await travelTo(e.votingEndsAt + 30n);
    await page.getByTestId("election-phase").filter({ hasText: "counting" }).waitFor({ timeout: WAIT });
    await page.getByTestId("finalize").click();
    await confirmed("community-tx");
    await page.getByTestId("maintainer-status").filter({ hasText: "Maintainer active" }).waitFor({ timeout: WAIT });
    const winner = setup.accounts[12];
    await page.getByTestId("maintainer").filter({ hasText: `${winner.slice(0, 6)}…${winner.slice(-4)}` }).waitFor({ timeout: WAIT });
    await shot("finalized");
  });

  it("gives a token with a signed permit and sets up a standing order", async (ctx) => {
    if (!setup.seeded) ctx.skip(); // the project's seed script was not there
    await page.evaluate(() => (window.location.hash = "#/"));
    await page.getByTestId("pool-card").filter({ hasText: "Riverside Community Lab" }).click();
    await page.getByTestId("pool-name").filter({ hasText: "Riverside Community Lab" }).waitFor({ timeout: WAIT });
    await page.getByTestId("give-amount").fill("10");
    await page.getByTestId("give-weight").waitFor({ timeout: WAIT });
    await page.getByTestId("give").click();
    await confirmed("give-tx");
    await page.getByTestId("give-tx").filter({ hasText: "Giving 10 mUSD" }).waitFor({ timeout: WAIT });
    const sub = page.getByTestId("subscribe");
    await sub.getByLabel("amount per period").fill("5");
    await sub.getByRole("button", { name: "Subscribe" }).click();
    await sub.getByText("Your standing order: 5 mUSD every 30 days").waitFor({ timeout: WAIT });
    await shot("permit-and-standing-order");
  });
});
