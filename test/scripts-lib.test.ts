// Unit tests of the command line's own library in scripts/lib: decoding errors (their sentences, amounts,
// durations and metadata are @potluck/core's, tested in packages/core), deployment records and the web app's
// generated file. No chain needed.
import { expect } from "chai";
import { Interface, id as keccakText } from "ethers";
import hre from "hardhat";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  listDeployments,
  readDeployment,
  requireDeployment,
  writeDeployment,
  type DeploymentRecord,
} from "../scripts/lib/deployments.js";
import { decodeRevert, errorInterface, explainError, findRevertData } from "../scripts/lib/errors.js";
import { GENERATED_HEADER, generateFrontend, renderFrontend } from "../scripts/lib/frontend.js";
import { ROOT, session } from "../scripts/lib/session.js";
import knownWarnings, { isKnownWarning } from "../tools/toolchain/known-warnings.js";
import { ETH, explainedErrors, PotluckError, sentenceFor } from "@potluck/core";
import { describeChange, NEW_LINE } from "../scripts/lib/changes.js";

const ABI = [
  "error PoolOverBudget(uint256 line, uint256 amount, uint256 left)",
  "error PoolChallengeWindowOpen(uint256 claimId, uint256 payableAt)",
  "error PoolUnknownClaim(uint256 claimId)",
  "error PoolInvalidParameter(uint8 parameter, uint256 value)",
  "error PoolNoWeight(address who)",
  "error PoolElectionPhase(uint8 phase)",
  "error Mystery(uint256)",
];

/** The message of a PotluckError the promise rejects with (fails the test if it resolves). */
async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(PotluckError);
    return (error as Error).message;
  }
  expect.fail("expected a PotluckError");
}

describe("scripts/lib", function () {
  describe("errors", function () {
    const iface = new Interface(ABI);
    const overBudget = iface.encodeErrorResult("PoolOverBudget", [0n, 2n * 10n ** 18n, 15n * 10n ** 17n]);

    it("finds revert data however deep an error nests it", function () {
      expect(findRevertData({ data: overBudget })).to.equal(overBudget);
      expect(findRevertData({ error: { info: { error: { data: overBudget } } } })).to.equal(overBudget);
      expect(findRevertData({ cause: { data: { data: overBudget } } })).to.equal(overBudget);
      expect(findRevertData(new Error("no data"))).to.equal(undefined);
    });

    it("turns custom errors into sentences with amounts in the pool's asset", function () {
      const text = explainError({ data: overBudget }, iface, { asset: ETH, lineName: (l) => (l === 0n ? "hosting" : undefined) });
      expect(text).to.equal('Budget line 0 ("hosting") has only 1.5 ETH left this period; the claim asks for 2 ETH.');
      const id = BigInt(keccakText("receipt"));
      const open = iface.encodeErrorResult("PoolChallengeWindowOpen", [id, 1_700_003_600n]);
      expect(explainError({ data: open }, iface, { now: 1_700_000_000n, claimNumber: (c) => (c === id ? 3 : undefined) })).to.equal(
        "Claim #3 is still in its challenge window: it can be paid from 2023-11-14 23:13 UTC (in 1h).",
      );
      // Without the pool's record, a claim is named by its id (the receipt hash), shortened.
      expect(explainError({ data: iface.encodeErrorResult("PoolUnknownClaim", [id]) }, iface)).to.equal(
        `There is no claim ${keccakText("receipt").slice(0, 10)}…${keccakText("receipt").slice(-4)} in this pool.`,
      );
      const parameter = iface.encodeErrorResult("PoolInvalidParameter", [2n, 60n]);
      expect(explainError({ data: parameter }, iface)).to.equal("The epoch length must be between 1 hour and 365 days (got 1m).");
    });

    it("names the command that helps, which the web app's sentences leave out", function () {
      const voting = decodeRevert(iface.encodeErrorResult("PoolElectionPhase", [3]), iface)!;
      expect(sentenceFor(voting.name, voting.args, { action: "vote" })).to.equal("Voting has ended: the election can be finalized.");
      expect(explainError({ data: iface.encodeErrorResult("PoolElectionPhase", [3]) }, iface, { action: "vote" })).to.equal(
        "Voting has ended: the election can be finalized (`pool:finalize`).",
      );
    });

    it("names errors it has no sentence for, and unknown data by its selector", function () {
      const mystery = iface.encodeErrorResult("Mystery", [7n]);
      expect(explainError({ data: mystery }, iface)).to.equal("The transaction reverted with Mystery(7).");
      expect(explainError({ data: "0xdeadbeef" }, iface)).to.match(/does not know \(data 0xdeadbeef/);
    });

    it("explains missing keys, unreachable nodes and empty accounts, and leaves bugs alone", function () {
      const missing = Object.assign(new Error('HHE7: Configuration Variable "POTLUCK_DEPLOYER_KEY" not found.'), {
        errorCode: "HHE7",
        messageArguments: { name: "POTLUCK_DEPLOYER_KEY" },
      });
      expect(explainError(missing, iface, { network: "remote" })).to.match(
        /^Missing key: POTLUCK_DEPLOYER_KEY is not set for network remote\. .*npx hardhat keystore set POTLUCK_DEPLOYER_KEY/,
      );
      expect(explainError(new Error("connect ECONNREFUSED 127.0.0.1:8545"), iface, { network: "localhost" })).to.match(
        /Cannot reach the localhost network's node.*npm start/,
      );
      expect(explainError(new Error("fetch failed"), iface, { network: "base-sepolia" })).to.equal(
        "Cannot reach the base-sepolia network's node. Check its RPC URL (POTLUCK_BASE_SEPOLIA_RPC_URL).",
      );
      expect(explainError(new Error("fetch failed"), iface, { network: "remote" })).to.match(/\(POTLUCK_RPC_URL\)\.$/);
      expect(explainError(new Error("insufficient funds for intrinsic transaction cost"), iface)).to.match(/not enough ETH/);
      expect(explainError(new TypeError("x is undefined"), iface)).to.equal(undefined);
      expect(explainError(new PotluckError("plain words"), undefined)).to.equal("plain words");
    });

    it("has a sentence for every custom error a pool or the factory can revert with", async function () {
      const names = new Set<string>();
      for (const artifact of ["IPool", "Pool", "PoolExtension", "IPoolFactory", "PoolFactory"]) {
        const abi = (await hre.artifacts.readArtifact(artifact)).abi as Array<{ type: string; name: string }>;
        for (const item of abi) if (item.type === "error") names.add(item.name);
      }
      expect([...names].filter((name) => !explainedErrors().includes(name))).to.deep.equal([]);
    });

    it("merges the error fragments of several ABIs once each", function () {
      const merged = errorInterface(
        [{ type: "error", name: "A", inputs: [] }, { type: "function", name: "f", inputs: [] }],
        [{ type: "error", name: "A", inputs: [] }, { type: "error", name: "B", inputs: [{ type: "uint256" }] }],
      );
      expect(merged.fragments.map((f) => f.format())).to.deep.equal(["A()", "B(uint256)"]);
    });
  });

  describe("deployments and the generated web app file", function () {
    let dir: string;
    const record: DeploymentRecord = {
      chainId: 11155111,
      network: "remote",
      deployedAt: "2026-01-01T00:00:00.000Z",
      contracts: {
        PoolFactory: { address: "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0", blockNumber: 12 },
        Pool: { address: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512", blockNumber: 11 },
        PoolExtension: { address: "0x5FbDB2315678afecb367f032d93F642f64180aa3", blockNumber: 10 },
      },
    };

    beforeEach(async function () {
      dir = await mkdtemp(path.join(tmpdir(), "potluck-lib-"));
    });
    afterEach(async function () {
      await rm(dir, { recursive: true, force: true });
    });

    it("writes the record in the documented shape and reads it back", async function () {
      const file = await writeDeployment(record, dir);
      expect(path.basename(file)).to.equal("11155111.json");
      const json = JSON.parse(await readFile(file, "utf8")) as { contracts: Record<string, unknown> };
      expect(Object.keys(json)).to.deep.equal(["chainId", "network", "deployedAt", "contracts"]);
      expect(Object.keys(json.contracts)).to.deep.equal(["PoolFactory", "Pool", "PoolExtension"]);
      expect(await readDeployment(11155111, dir)).to.deep.equal(record);
      expect(await readDeployment(1, dir)).to.equal(undefined);
      expect((await listDeployments(dir)).map((d) => d.chainId)).to.deep.equal([11155111]);
    });

    it("says what to do when the chain has no record, and refuses a broken one", async function () {
      await writeDeployment(record, dir);
      const message = await failure(requireDeployment(1, "mainnet", dir));
      expect(message).to.match(/Potluck is not deployed on network "mainnet" \(chain 1\)/);
      expect(message).to.match(/recorded for chain 11155111 \(remote\)/);
      expect(message).to.match(/npx hardhat deploy --network mainnet/);
      await writeFile(path.join(dir, "5.json"), "{ nope");
      expect(await failure(readDeployment(5, dir))).to.match(/not valid JSON/);
      await writeFile(path.join(dir, "5.json"), JSON.stringify({ chainId: 5 }));
      expect(await failure(readDeployment(5, dir))).to.match(/not a Potluck deployment record/);
    });

    it("renders every chain's addresses and the ABIs as const, headed do-not-edit", async function () {
      await writeDeployment(record, dir);
      await writeDeployment({ ...record, chainId: 31337, network: "localhost", contracts: { ...record.contracts, MockUSD: { address: "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9", blockNumber: 4 } } }, dir);
      const text = await renderFrontend({ deploymentsDir: dir, readAbi: (name) => Promise.resolve([{ type: "function", name: `of${name}`, inputs: [] }]) });
      expect(text.split("\n")[0]).to.equal(GENERATED_HEADER);
      expect(text).to.include('  31337: {\n    PoolFactory: { address: "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0", deployedOnBlock: 12 },');
      expect(text).to.include('    MockUSD: { address: "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9", deployedOnBlock: 4 },');
      expect(text).to.include("  11155111: {");
      for (const [name, artifact] of [["poolAbi", "IPool"], ["poolFactoryAbi", "PoolFactory"], ["erc20Abi", "MockERC20"]]) {
        expect(text).to.match(new RegExp(`export const ${name} = \\[[\\s\\S]*?"name": "of${artifact}"[\\s\\S]*?\\] as const;`));
      }
    });

    it("keeps the local chain out of the tracked file: its addresses go to the local file, which the tracked one merges in", async function () {
      const readAbi = (name: string) => Promise.resolve([{ type: "function", name: `of${name}`, inputs: [] }]);
      const deploymentsDir = path.join(dir, "deployments");
      const outFile = path.join(dir, "generated", "contracts.ts");
      const localFile = path.join(dir, "generated", "local-deployments.json");
      const local = (factory: string, block: number): DeploymentRecord => ({ ...record, chainId: 31337, network: "localhost", contracts: { ...record.contracts, PoolFactory: { address: factory, blockNumber: block } } });
      await writeDeployment(record, deploymentsDir);
      await writeDeployment(local("0x0000000000000000000000000000000000000001", 3), deploymentsDir);
      await generateFrontend({ deploymentsDir, outFile, localFile, readAbi });
      const tracked = await readFile(outFile, "utf8");
      expect(tracked).to.include("  11155111: {");
      expect(tracked).not.to.include("31337");
      expect(tracked).to.include('import.meta.glob<Record<string, Record<string, { address: `0x${string}`; deployedOnBlock: number }>>>("./local-deployments.json", { eager: true, import: "default" })');
      expect(tracked).to.include("export const deployments = { ...recorded, ...local };");
      expect(JSON.parse(await readFile(localFile, "utf8"))).to.deep.equal({
        31337: {
          PoolFactory: { address: "0x0000000000000000000000000000000000000001", deployedOnBlock: 3 },
          Pool: { address: record.contracts.Pool.address, deployedOnBlock: 11 },
          PoolExtension: { address: record.contracts.PoolExtension.address, deployedOnBlock: 10 },
        },
      });
      // The next `npm start`: a fresh local chain, new addresses. The tracked file is not even rewritten.
      const before = await stat(outFile);
      await writeDeployment(local("0x0000000000000000000000000000000000000002", 5), deploymentsDir);
      await generateFrontend({ deploymentsDir, outFile, localFile, readAbi });
      expect(await readFile(outFile, "utf8")).to.equal(tracked);
      expect((await stat(outFile)).mtimeMs).to.equal(before.mtimeMs);
      expect(JSON.parse(await readFile(localFile, "utf8"))).to.have.nested.property("31337.PoolFactory.address", "0x0000000000000000000000000000000000000002");
    });

    it("is what the repository holds: regenerating the tracked file from the tracked records and today's artifacts changes nothing", async function () {
      // So `npm start` (which deploys, then regenerates) leaves `git status` clean; and an ABI change that was
      // not regenerated fails here rather than in the web app.
      const tracked = session().frontendFile;
      expect(path.relative(ROOT, tracked)).to.equal(path.join("frontend", "src", "generated", "contracts.ts"));
      expect(path.relative(ROOT, session().frontendLocalFile!)).to.equal(path.join("frontend", "src", "generated", "local-deployments.json"));
      const text = await renderFrontend({
        deploymentsDir: session().deploymentsDir,
        readAbi: async (name) => (await hre.artifacts.readArtifact(name)).abi as readonly unknown[],
        localImport: "./local-deployments.json",
      });
      expect(text === (await readFile(tracked, "utf8")), "frontend/src/generated/contracts.ts is stale: run `npx hardhat run scripts/generate-frontend.ts`").to.equal(true);
    });
  });
  describe("the one known compiler warning", function () {
    const warning = (errorCode: string, file: string, severity: "warning" | "error" = "warning") =>
      ({ type: severity === "error" ? "TypeError" : "Warning", component: "general", message: "…", severity, errorCode, sourceLocation: { file, start: 0, end: 1 } });
    const TRANSIENT_SLOT = "npm/@openzeppelin/contracts@5.7.0/utils/TransientSlot.sol";

    it("is solc's transient-storage warning (2394) on OpenZeppelin's TransientSlot.sol, and nothing else", function () {
      expect(isKnownWarning(warning("2394", TRANSIENT_SLOT))).to.equal(true);
      expect(isKnownWarning(warning("2394", "npm/@openzeppelin/contracts@6.0.0/utils/TransientSlot.sol"))).to.equal(true);
      expect(isKnownWarning(warning("2394", "project/contracts/pool/PoolGiving.sol"))).to.equal(false);
      expect(isKnownWarning(warning("2394", "npm/@openzeppelin/contracts@5.7.0/utils/StorageSlot.sol"))).to.equal(false);
      expect(isKnownWarning(warning("2394", "npm/evil/node_modules/@openzeppelin/contracts@5.7.0/utils/TransientSlot.sol"))).to.equal(false);
      expect(isKnownWarning(warning("5574", TRANSIENT_SLOT))).to.equal(false);
      expect(isKnownWarning(warning("2394", TRANSIENT_SLOT, "error"))).to.equal(false);
      expect(isKnownWarning({ type: "Warning", component: "general", message: "…", severity: "warning", errorCode: "2394" })).to.equal(false);
    });

    it("is dropped from what a build reports, the other warnings kept, the compiler output left as it was", async function () {
      const errors = [warning("2394", TRANSIENT_SLOT), warning("2072", TRANSIENT_SLOT), warning("2394", "project/contracts/Pool.sol")];
      const output = { sources: {}, errors };
      const hooks = await knownWarnings();
      type Handler = (context: unknown, job: unknown, output: unknown, next: (c: unknown, j: unknown, o: { errors?: unknown[] }) => Promise<unknown[]>) => Promise<unknown[]>;
      const reported = await (hooks.getCompilationJobErrors as unknown as Handler)({}, {}, output, (_c, _j, o) => Promise.resolve(o.errors ?? []));
      expect(reported).to.deep.equal([errors[1], errors[2]]);
      expect(output.errors).to.have.length(3);
    });
  });
  describe("changes: a proposal shown as what it changes (its `changes` bits, not a snapshot)", function () {
    const rules = { claimDelay: 3n * 86_400n, ruleChangeDelay: 7n * 86_400n, inactivityPeriod: 90n * 86_400n, vacancyPeriod: 60n * 86_400n, objectionQuorumBps: 2_000n, electionQuorumBps: 2_500n, recallThresholdBps: 3_000n };
    const none = { claimDelay: 0n, ruleChangeDelay: 0n, inactivityPeriod: 0n, vacancyPeriod: 0n, objectionQuorumBps: 0n, electionQuorumBps: 0n, recallThresholdBps: 0n };
    const inForce = { lines: [{ name: "hosting", cap: 2n * 10n ** 18n, period: 30n * 86_400n }], rules };
    const money = (v: bigint) => `${Number(v) / 1e18} ETH`;
    const line = { kind: 1n, line: 0n, changes: 0n, cap: 0n, period: 0n, name: "", rules: none };
    it("names only the fields a line change changes", function () {
      expect(describeChange({ ...line, changes: 2n, cap: 5n * 10n ** 18n }, inForce, money)).to.equal('line 0 "hosting": cap 2 ETH → 5 ETH');
      expect(describeChange({ ...line, changes: 4n, period: 7n * 86_400n }, inForce, money)).to.equal('line 0 "hosting": period 30d → 7d');
      expect(describeChange({ ...line, changes: 3n, name: "servers" }, inForce, money)).to.equal('line 0 "hosting": renamed "servers", closed (cap 2 ETH → 0)');
      expect(describeChange({ ...line, line: NEW_LINE, changes: 7n, name: "design", cap: 10n ** 18n, period: 14n * 86_400n }, inForce, money)).to.equal('new line "design": 1 ETH per 14d');
    });
    it("names only the rules a rules change changes, whatever else its snapshot would say", function () {
      expect(describeChange({ ...line, kind: 2n, changes: 1n | 16n, rules: { ...none, claimDelay: 5n * 86_400n, objectionQuorumBps: 1_000n } }, inForce, money))
        .to.equal("rules: claim delay 3d → 5d, objection quorum 20% → 10%");
    });
  });
});
