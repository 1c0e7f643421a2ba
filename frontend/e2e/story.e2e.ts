// The browser test: a whole story on a fresh local chain, in headless Chromium driven by playwright-core
// (the Chromium npm installed with @sparticuz/chromium, or CHROMIUM_PATH's: see browser.ts), through the
// production build of the app.
//
//   npm run test:web            (from the repository root: unit tests, then this)
//
// It starts a Hardhat node on a free port, deploys and seeds with the project's scripts (its own minimal
// deploy if they are missing), builds the app against that node, serves it with `vite preview` on a free
// port, injects a wallet, and walks: explore → connect (wrong network → switch) → give → file a claim →
// object (a second objection rejects the claim) → step down → nominate → vote → finalize, with the chain's clock
// moved between phases; then, at a phone's size (390 × 844), creates a pool from the form and offers and
// withdraws a pledge. Every page is checked to fit 390 and 320 px wide with no sideways scrolling, and fresh
// loads never to show a wrong figure (the address as a name, "0" contributors, "No gifts yet."). It saves
// screenshots to e2e/screenshots/ (or POTLUCK_SCREENSHOTS, e.g. docs/screenshots for the README) and always
// stops the node, the server and the browser.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { toFunctionSelector } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserSource, launchBrowser } from "./browser";
import { ensureBuilt, FRONTEND, jsonRpc, ROOT, serveApp, setupChain, startNode, stopAll, until, type Setup } from "./harness";
import { walletScript } from "./wallet";

const SHOTS = process.env.POTLUCK_SCREENSHOTS ? path.resolve(ROOT, process.env.POTLUCK_SCREENSHOTS) : path.join(FRONTEND, "e2e", "screenshots");
const WAIT = 30_000;
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/**
 * Records, from the first paint, every text the page ever showed as a pool's name, its contributor count and
 * its gifts chart, so a story can check that no wrong figure flashed while the page loaded.
 */
const WATCH_FIGURES = `(() => {
  const seen = { names: [], counts: [], noGifts: 0 };
  window.__potluckSeen = seen;
  const look = () => {
    for (const el of document.querySelectorAll('[data-testid="pool-name"]')) if (!seen.names.includes(el.textContent)) seen.names.push(el.textContent);
    for (const el of document.querySelectorAll('[data-testid="contributor-count"]')) if (el.textContent !== "" && !seen.counts.includes(el.textContent)) seen.counts.push(el.textContent);
    if (document.body && document.body.textContent.includes("No gifts yet.")) seen.noGifts++;
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true });
})();`;

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

/** Whether the page is wider than the window (sideways scrolling), at the size it has now. */
const overflow = () => page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));

/** Checks the page as it stands fits phones 390 and 320 px wide without sideways scrolling, then goes back to `after`. */
async function fitsPhones(what: string, after = DESKTOP): Promise<void> {
  for (const width of [390, 320]) {
    await page.setViewportSize({ width, height: 844 });
    await expect.poll(async () => { const o = await overflow(); return o.scroll <= o.inner; }, { timeout: 5_000, interval: 100, message: `${what} at ${width} px: ${JSON.stringify(await overflow())}` }).toBe(true);
  }
  await page.setViewportSize(after);
}

/** What the figure watcher saw since the page was loaded. */
const seenFigures = () => page.evaluate(() => (window as unknown as { __potluckSeen: { names: string[]; counts: string[]; noGifts: number } }).__potluckSeen);

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
  const context = await browser.newContext({ viewport: DESKTOP });
  await context.addInitScript({ content: walletScript({ rpcUrl, nodeChainId: setup.chainId, startChainId: 1, account: setup.accounts[0] }) });
  await context.addInitScript({ content: WATCH_FIGURES });
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
    await fitsPhones("the explore page");
  });

  it("shows the seeded pools' pages (read-only)", async (ctx) => {
    if (!setup.seeded) ctx.skip(); // the project's seed script was not there
    for (const [name, file] of [["Tiny Type Checker", "pool-claims"], ["Riverside Community Lab", "pool-recurring-in-kind"], ["The Margins", "pool-election"]] as const) {
      await page.goto(appUrl);
      const href = await page.getByTestId("pool-card").filter({ hasText: name }).getAttribute("href");
      // A fresh load of the pool's page: from its first paint, no wrong figure may show.
      await page.goto(`${appUrl}${href ?? ""}`);
      await page.reload();
      await page.getByTestId("pool-name").filter({ hasText: name }).waitFor({ timeout: WAIT });
      await page.getByTestId("contributor").first().waitFor({ timeout: WAIT });
      await page.getByTestId("gifts-chart").locator("path.line").waitFor({ timeout: WAIT });
      const seen = await seenFigures();
      expect(seen.names, "the pool's name, never its address, as its title").toEqual([name]);
      expect(seen.counts.length, "a contributor count only once known").toBe(1);
      expect(seen.counts[0]).not.toBe("0");
      expect(seen.noGifts, '"No gifts yet." never flashes for a pool with gifts').toBe(0);
      if (name === "Tiny Type Checker") {
        await page.getByTestId("claim-record").getByText("rejected").first().waitFor({ timeout: WAIT });
        await page.getByTestId("claim-record").getByText("paid").first().waitFor({ timeout: WAIT });
        await page.getByTestId("receipt-text").first().waitFor({ timeout: WAIT });
        await page.getByTestId("claim-countdown").first().waitFor({ timeout: WAIT });
      }
      if (name === "Riverside Community Lab") {
        await page.getByTestId("pledge").first().waitFor({ timeout: WAIT });
        await expect.poll(() => page.getByTestId("recurring").innerText(), { timeout: WAIT }).not.toBe("0 mUSD");
        // Quadratic weights read as shares of the total, the raw square root only in small print and tooltips.
        await expect.poll(() => page.getByTestId("contributor-share").first().innerText(), { timeout: WAIT }).toMatch(/^[0-9.]+%$/);
        expect(await page.getByTestId("objection-tally").first().innerText()).toMatch(/objections: [0-9.]+% of [0-9.]+% of all weight/);
        // A derived monthly figure is rounded and marked as such, never "171.4285 mUSD".
        expect(await page.getByTestId("pledged").innerText()).toMatch(/^(≈[0-9.,]{1,5}|[0-9,]+(\.[0-9]{1,3})?) mUSD$/);
      }
      if (name === "The Margins") {
        await page.getByTestId("election-phase").filter({ hasText: "voting" }).waitFor({ timeout: WAIT });
        await expect.poll(() => page.getByTestId("candidate").count(), { timeout: WAIT }).toBeGreaterThanOrEqual(3);
        // Candidates are recognisable: the demo's statements (a name and a plain-text data: URI) show beside them.
        await page.getByTestId("candidate").filter({ hasText: "Rosa Okafor" }).getByTestId("candidate-text").waitFor({ timeout: WAIT });
      }
      await shot(file);
      await fitsPhones(name);
    }
  });

  it("shows a wound-down pool as ended: what was left, who reclaimed, what each may still reclaim, nothing inviting money in", async (ctx) => {
    if (!setup.seeded) ctx.skip();
    await page.goto(appUrl);
    await page.getByTestId("pool-card").filter({ hasText: "Retro Game" }).click();
    await page.getByTestId("wound-down").waitFor({ timeout: WAIT });
    await expect.poll(() => page.getByTestId("contributor-reclaimed").filter({ hasText: "mUSD" }).count(), { timeout: WAIT }).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId("contributor-reclaimable").filter({ hasText: "mUSD" }).count(), { timeout: WAIT }).toBeGreaterThan(0);
    for (const gone of ["give-panel", "qr", "pool-address", "runway", "budget", "subscribe"]) expect(await page.getByTestId(gone).count(), gone).toBe(0);
    expect(await page.locator("main").innerText()).not.toMatch(/resets in|given 0 /);
    await shot("pool-wound-down");
    await page.setViewportSize(PHONE);
    await shot("phone-wound-down");
    await fitsPhones("the wound-down pool");
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
    // "spent" shows paid and reserved apart: the pending claim reserves 0.5 ETH of hosting, nothing is paid.
    const hosting = page.getByTestId("budget-line").filter({ hasText: "hosting" });
    await hosting.getByTestId("line-reserved").filter({ hasText: "reserved 0.5 ETH" }).waitFor({ timeout: WAIT });
    await hosting.getByTestId("line-paid").filter({ hasText: "paid 0 ETH" }).waitFor({ timeout: WAIT });
    await shot("claim-objected");
    await fitsPhones("the story pool with an open claim");
  });

  it("says so when an objection rejects the claim, and what that freed", async () => {
    await setAccount(11);
    const object = page.getByTestId("object");
    await expect.poll(() => object.isEnabled(), { timeout: WAIT }).toBe(true);
    await object.click();
    await confirmed("claims-tx");
    await page.getByTestId("claims-tx").getByTestId("tx-outcome").filter({ hasText: /Claim #\d+ was rejected: its 0\.5 ETH is no longer reserved, and "hosting" may spend it again/ }).waitFor({ timeout: WAIT });
    await page.getByTestId("claim-record").getByText("rejected").waitFor({ timeout: WAIT });
    const hosting = page.getByTestId("budget-line").filter({ hasText: "hosting" });
    await hosting.getByTestId("line-left").filter({ hasText: "left 1 ETH" }).waitFor({ timeout: WAIT });
    expect(await hosting.getByTestId("line-reserved").count()).toBe(0);
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
    // With a statement: a name and an ipfs: URI, recorded as a CandidateStatement event and shown as a link.
    await page.getByTestId("nominee-name").fill("Ines Ferreira");
    await page.getByTestId("nominee-uri").fill("ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi");
    await page.getByTestId("nominate").click();
    await confirmed("community-tx");
    const nominated = page.getByTestId("candidate").filter({ hasText: setup.accounts[12].slice(0, 6) });
    await nominated.getByTestId("candidate-name").filter({ hasText: "Ines Ferreira" }).waitFor({ timeout: WAIT });
    await nominated.getByTestId("candidate-link").waitFor({ timeout: WAIT });
    await page.getByTestId("vote-reason").first().filter({ hasText: "Voting starts in" }).waitFor({ timeout: WAIT });
    await shot("election-nominating");
  });

  it("lets the candidate restate who they are", async () => {
    await setAccount(12);
    const form = page.getByTestId("candidacy");
    await form.waitFor({ timeout: WAIT });
    // It starts from their statement as it stands, and refuses to resend it unchanged.
    expect(await page.getByTestId("candidacy-name").inputValue()).toBe("Ines Ferreira");
    await page.getByTestId("candidacy-save-reason").filter({ hasText: "as it stands" }).waitFor({ timeout: WAIT });
    await page.getByTestId("candidacy-name").fill("Inês Ferreira");
    await page.getByTestId("candidacy-uri").fill("data:text/plain,Ten%20years%20of%20maintaining%20type%20checkers.");
    await page.getByTestId("candidacy-save").click();
    await confirmed("community-tx");
    const row = page.getByTestId("candidate").filter({ hasText: setup.accounts[12].slice(0, 6) });
    await row.getByTestId("candidate-name").filter({ hasText: "Inês Ferreira" }).waitFor({ timeout: WAIT });
    await row.filter({ hasText: "Ten years of maintaining type checkers." }).waitFor({ timeout: WAIT });
    // Someone else is not offered the form.
    await setAccount(10);
    await until("the form is only the candidate's", async () => (await page.getByTestId("candidacy").count()) === 0);
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

  it("creates a pool from the form at a phone's size, checked as the contract checks it, with its cost shown first", async () => {
    await page.setViewportSize(PHONE);
    await setAccount(0);
    await page.evaluate(() => (window.location.hash = "#/"));
    await page.getByTestId("start-pool").click();
    const form = page.getByTestId("create-pool");
    await form.waitFor({ timeout: WAIT });
    await page.getByTestId("create-submit-reason").filter({ hasText: "Name the pool." }).waitFor({ timeout: WAIT });
    await page.getByTestId("create-name").fill("Phone Pool");
    await page.getByTestId("create-description").fill("Launched from a phone in the browser story.");
    await page.getByTestId("create-links").fill("https://example.org/phone-pool");
    await form.getByLabel("line 1 cap").fill("0.3");
    await form.getByLabel("line 1 period").fill("7 days");
    // The factory's bound, in the contract's own words.
    await page.getByTestId("create-epoch").fill("30m");
    await page.getByTestId("create-submit-reason").filter({ hasText: /^The epoch length/ }).waitFor({ timeout: WAIT });
    await page.getByTestId("create-epoch").fill("1 hour");
    await page.getByTestId("create-vacancyPeriod").fill("1 hour");
    await page.getByTestId("create-submit-reason").filter({ hasText: /^The vacancy period/ }).waitFor({ timeout: WAIT });
    await page.getByTestId("create-vacancyPeriod").fill("30 days");
    await page.getByTestId("create-quadratic").check();
    await page.getByTestId("create-cost").filter({ hasText: /Creating it costs about [0-9.e-]+ ETH \([0-9,]+ gas at [0-9.]+ gwei\)/ }).waitFor({ timeout: WAIT });
    await fitsPhones("the create-pool form", PHONE);
    await shot("phone-create-pool");
    await page.getByTestId("create-submit").click();
    await page.getByTestId("pool-name").filter({ hasText: "Phone Pool" }).waitFor({ timeout: WAIT });
    expect(page.url()).toMatch(/#\/pool\/0x[0-9a-fA-F]{40}$/);
    // A new pool's budget per 30 days is an estimate from a weekly cap: rounded, never "1.2857 ETH".
    await page.getByTestId("budget-month").filter({ hasText: "≈1.29 ETH" }).waitFor({ timeout: WAIT });
    await page.getByTestId("maintainer").filter({ hasText: `${setup.accounts[0].slice(0, 6)}…` }).waitFor({ timeout: WAIT });
    await fitsPhones("the new pool", PHONE);
  });

  it("offers and withdraws a pledge of a capital good at a phone's size", async () => {
    await setAccount(13);
    const offer = page.getByTestId("offer-pledge");
    await offer.scrollIntoViewIfNeeded();
    await page.getByTestId("pledge-description").fill("Two idle cores of a build server, for CI");
    await page.getByTestId("pledge-value").fill("0.05");
    await page.getByTestId("pledge-periods").fill("0");
    await page.getByTestId("pledge-submit-reason").filter({ hasText: "Enter how many periods you pledge (1 or more)." }).waitFor({ timeout: WAIT });
    await page.getByTestId("pledge-periods").fill("6");
    await page.getByTestId("pledge-submit").click();
    await confirmed("pledge-tx");
    const pledge = page.getByTestId("pledge").filter({ hasText: "Two idle cores" });
    await pledge.getByTestId("pledge-status").filter({ hasText: "offered" }).waitFor({ timeout: WAIT });
    await shot("phone-pledge");
    await fitsPhones("a pool with a pledge", PHONE);
    await pledge.getByTestId("pledge-withdraw").click();
    await confirmed("pledges-tx");
    await pledge.getByTestId("pledge-status").filter({ hasText: "withdrawn" }).waitFor({ timeout: WAIT });
    await page.setViewportSize(PHONE);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SHOTS, "phone-pool.png") });
    await page.setViewportSize(DESKTOP);
  });
});
