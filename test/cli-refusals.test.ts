// Issue 18, the command line: a task that cannot succeed fails first, in one Potluck sentence, and changes
// nothing (no approval left standing, no block mined); `pool:status` shows paid and reserved apart and rounds
// monthly rates; candidates' statements go through `pool:nominate` and show in `pool:status`. Run as Hardhat
// runs the tasks (`hre.tasks`) against the in-process network, on the seeded demo.
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import type { NetworkConnection } from "hardhat/types/network";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { negativeAmountIn } from "../scripts/lib/argv.js";
import { ROOT } from "../scripts/lib/session.js";
import { commandLine } from "./helpers/command-line.js";

describe("command-line refusals, paid and reserved, candidate statements", function () {
  this.timeout(300_000);

  const cli = commandLine("cli-refusals");
  const { ok, refuses, poolAt } = cli;
  let connection: NetworkConnection;
  let signers: HardhatEthersSigner[];
  before(() => ({ connection, signers } = cli));

  it("pool:give to a wound-down token pool fails before approving: no allowance is left standing", async function () {
    const wiki = await poolAt(3);
    const musd = await connection.ethers.getContractAt("MockERC20", await wiki.asset());
    const donor = signers[3].address;
    const [allowance, held] = await Promise.all([musd.allowance(donor, await wiki.getAddress()), musd.balanceOf(donor)]);
    await refuses("pool:give", { pool: "3", amount: "1", from: "3" }, /^Error: This pool has wound down: gifts, claims and changes are over\. Contributors can reclaim their share \(`pool:reclaim`\)\.$/);
    expect(await musd.allowance(donor, await wiki.getAddress())).to.equal(allowance);
    expect(await musd.balanceOf(donor)).to.equal(held);
  });

  it("pool:give refuses an amount that looks like base units, saying how to write it", async function () {
    const typeChecker = await poolAt(0);
    const [given, balance] = await Promise.all([typeChecker.totalGiven(), connection.ethers.provider.getBalance(signers[0].address)]);
    await refuses("pool:give", { pool: "0", amount: "1000000000000000000" },
      /^Error: "1000000000000000000" looks like an amount in base units: amounts are written in ETH, e\.g\. "0\.05 ETH" or "0\.05"\. If you mean 1,000,000,000,000,000,000 ETH, write it so\.$/);
    expect(await typeChecker.totalGiven()).to.equal(given);
    expect(await connection.ethers.provider.getBalance(signers[0].address)).to.equal(balance);
  });

  it("a negative amount is refused in Potluck's words before Hardhat reads it as options (no HHE509)", function () {
    expect(negativeAmountIn(["pool:give", "0", "-0.5"])).to.equal('"-0.5" is negative: amounts are always positive.');
    expect(negativeAmountIn(["--network", "localhost", "pool:claim", "0", "hosting", "-.5", "r.pdf"])).to.match(/"-\.5" is negative/);
    expect(negativeAmountIn(["pool:give", "0", "0.5", "--from", "3"])).to.equal(undefined);
    expect(negativeAmountIn(["test", "-0.5"])).to.equal(undefined);
    // The real command line: the config refuses it while loading, before any network is reached.
    const cli = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "hardhat", "dist", "src", "cli.js"), "pool:give", "0", "-0.5"], {
      cwd: ROOT, encoding: "utf8", timeout: 120_000,
    });
    expect(cli.stderr.trim()).to.equal('Error: "-0.5" is negative: amounts are always positive.');
    expect(cli.stdout).to.equal("");
    expect(cli.status).to.equal(1);
  });

  it("pool:status with an unknown --account fails before printing anything", async function () {
    await refuses("pool:status", { pool: "0", account: "99" }, /^Error: Missing key: network ".*" has 20 account\(s\) \(#0 to #19\); there is no #99\.$/);
    await refuses("pool:status", { pool: "0", account: "nobody" }, /The account "nobody" is not an address/);
  });

  it("pool:status shows a line's paid and reserved apart, and monthly rates rounded", async function () {
    const status = await ok("pool:status", { pool: "0" });
    // hosting: 0.25 ETH paid, 0.04 ETH reserved by the pending domain-renewal claim.
    expect(status).to.match(/#\s+name\s+cap \/ period\s+paid\s+reserved\s+left\s+resets/);
    expect(status).to.match(/0 +hosting +0\.3 ETH \/ 30d +0\.25 ETH +0\.04 ETH +0\.01 ETH/);
    const lab = await ok("pool:status", { pool: "1" });
    // Kofi's 40 mUSD a week is 171.428571… per 30 days.
    expect(lab).to.match(/pledged in kind about 171\.43 mUSD\/month/);
    expect(lab).to.match(/standing orders 750 mUSD\/month/);
  });

  it("pool:nominate states a candidate, pool:status shows the statement, and a bad one is refused before sending", async function () {
    const zine = await ok("pool:status", { pool: "2" });
    expect(zine).to.match(/0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65 "Rosa Okafor" .*\(leading\)\n +"Co-edited issues 9 to 12/);
    expect(zine).to.match(/0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc "Sam Lindqvist"/);

    const out = await ok("pool:create", { name: "Statements", lines: "rent=0.5/30d, tools=0.1/7d", epoch: "1h", from: "5" });
    const index = Number(/Pool #(\d+) at/.exec(out)![1]);
    const pool = await poolAt(index);
    // 0.5 a month and 0.1 a week: 0.928571… ETH per 30 days.
    expect(await ok("pool:status", { pool: String(index) })).to.match(/budget +about 0\.929 ETH a month \(30 days\)/);
    await ok("pool:give", { pool: String(index), amount: "0.1", from: "6" });
    await connection.networkHelpers.time.increaseTo((await pool.genesis()) + 3600n + 60n);
    await pool.connect(signers[5]).stepDown();
    await refuses("pool:nominate", { pool: String(index), candidate: "9", from: "6", name: "Ada", uri: "https://ada.example" },
      /^Error: A candidate's statement URI must start with "data:" or "ipfs:" \(it starts with "https"\)\.$/);
    await refuses("pool:nominate", { pool: String(index), candidate: "9", from: "6", name: "x".repeat(65) }, /at most 64 bytes long \(got 65\)/);
    expect(await ok("pool:nominate", { pool: String(index), candidate: "9", from: "6", name: "Ada \u202Eevil", uri: "ipfs://bafyada" }))
      .to.match(/✓ Nominated 0xa0Ee7A142d267C1f36714E4a8F75612F20a79720 \("Ada \uFFFDevil"\)/);
    // The candidate restates their own.
    expect(await ok("pool:nominate", { pool: String(index), candidate: "9", from: "9", name: "Ada L.", uri: "data:text/plain,Twenty%20years%20of%20bikes" }))
      .to.match(/✓ Stated the candidacy of 0xa0Ee7A142d267C1f36714E4a8F75612F20a79720/);
    const status = await ok("pool:status", { pool: String(index) });
    expect(status).to.match(/0xa0Ee7A142d267C1f36714E4a8F75612F20a79720 "Ada L\." .*\n +"Twenty years of bikes"/);
  });
});
