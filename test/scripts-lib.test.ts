// Unit tests of the shared script logic in scripts/lib: human amounts and durations, error sentences,
// pool metadata, deployment records and the web app's generated file. No chain needed.
import { expect } from "chai";
import { Interface, id as keccakText } from "ethers";
import hre from "hardhat";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  listDeployments,
  readDeployment,
  requireDeployment,
  writeDeployment,
  type DeploymentRecord,
} from "../scripts/lib/deployments.js";
import { decodeRevert, errorInterface, explainedErrors, explainError, findRevertData, PotluckError, sentenceFor } from "../scripts/lib/errors.js";
import { describeChange, NEW_LINE } from "../scripts/lib/changes.js";
import { GENERATED_HEADER, renderFrontend } from "../scripts/lib/frontend.js";
import { decodeMetadata, encodeMetadata, poolLabel } from "../scripts/lib/metadata.js";
import {
  ETH,
  formatAmount,
  formatCountdown,
  formatDuration,
  parseAmount,
  parseBps,
  parseDuration,
  type AssetInfo,
} from "../scripts/lib/units.js";

const MUSD: AssetInfo = { address: "0x00000000000000000000000000000000000000aa", symbol: "mUSD", decimals: 6 };
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
  describe("parseAmount", function () {
    it("reads amounts with or without the asset's symbol", function () {
      expect(parseAmount("0.05 ETH", ETH)).to.equal(5n * 10n ** 16n);
      expect(parseAmount("0.05", ETH)).to.equal(5n * 10n ** 16n);
      expect(parseAmount("0.05eth", ETH)).to.equal(5n * 10n ** 16n);
      expect(parseAmount("20 mUSD", MUSD)).to.equal(20_000_000n);
      expect(parseAmount(" 20 ", MUSD)).to.equal(20_000_000n);
      expect(parseAmount("1,000.5 musd", MUSD)).to.equal(1_000_500_000n);
      expect(parseAmount(".5", MUSD)).to.equal(500_000n);
      expect(parseAmount("0.000001", MUSD)).to.equal(1n);
    });

    it("refuses what it cannot read without guessing", function () {
      const cases: Array<[string, AssetInfo, RegExp]> = [
        ["", ETH, /No amount given/],
        ["abc", ETH, /is not an amount/],
        ["1.2.3", ETH, /is not an amount/],
        ["-1", ETH, /negative/],
        ["1e18", ETH, /scientific notation/],
        ["0,5", ETH, /ambiguous/],
        ["1,00", MUSD, /ambiguous/],
        ["20 ETH", MUSD, /this pool holds mUSD/],
        ["5 wei", ETH, /in wei/],
        ["0.0000001", MUSD, /7 decimals, but mUSD has only 6/],
        ["0", ETH, /more than zero/],
      ];
      for (const [input, asset, message] of cases) {
        expect(() => parseAmount(input, asset), input).to.throw(PotluckError, message);
      }
      expect(parseAmount("0", ETH, { allowZero: true })).to.equal(0n);
    });
  });

  describe("formatAmount", function () {
    it("prints grouped amounts with the symbol, rounding down when asked", function () {
      expect(formatAmount(1_234_500_000n, MUSD)).to.equal("1,234.5 mUSD");
      expect(formatAmount(10n ** 18n, ETH)).to.equal("1 ETH");
      expect(formatAmount(123_456_789_000_000_000n, ETH, { maxDecimals: 4 })).to.equal("0.1234 ETH");
      expect(formatAmount(0n, ETH)).to.equal("0 ETH");
      expect(formatAmount(1_500_000n, MUSD, { symbol: false })).to.equal("1.5");
    });

    it("round-trips through parseAmount", function () {
      for (const value of [1n, 999_999n, 1_000_000n, 123_456_789_012n]) {
        expect(parseAmount(formatAmount(value, MUSD), MUSD)).to.equal(value);
      }
    });
  });

  describe("durations and shares", function () {
    it("parses durations", function () {
      expect(parseDuration("1h")).to.equal(3600n);
      expect(parseDuration("30d")).to.equal(2_592_000n);
      expect(parseDuration("2 weeks")).to.equal(1_209_600n);
      expect(parseDuration("1h30m")).to.equal(5400n);
      expect(parseDuration("3600")).to.equal(3600n);
      expect(parseDuration(60)).to.equal(60n);
      expect(() => parseDuration("soon")).to.throw(PotluckError, /not a duration/);
      expect(() => parseDuration("1 fortnight")).to.throw(PotluckError, /not a duration/);
    });

    it("formats durations and countdowns with two units", function () {
      expect(formatDuration(0)).to.equal("0s");
      expect(formatDuration(3600)).to.equal("1h");
      expect(formatDuration(90_061)).to.equal("1d 1h");
      expect(formatCountdown(200, 100)).to.equal("in 1m 40s");
      expect(formatCountdown(100, 160)).to.equal("1m ago");
      expect(formatCountdown(100, 100)).to.equal("now");
    });

    it("parses shares into basis points", function () {
      expect(parseBps("20%")).to.equal(2000);
      expect(parseBps("12.5%")).to.equal(1250);
      expect(parseBps("2000bps")).to.equal(2000);
      expect(parseBps("20")).to.equal(2000);
      expect(() => parseBps("120%")).to.throw(PotluckError, /more than 100%/);
      expect(() => parseBps("a lot")).to.throw(PotluckError, /not a share/);
    });
  });

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
      expect(text).to.equal("Line 0 (hosting) has only 1.5 ETH left this period; the claim asks for 2 ETH.");
      const id = BigInt(keccakText("receipt"));
      const open = iface.encodeErrorResult("PoolChallengeWindowOpen", [id, 1_700_003_600n]);
      expect(explainError({ data: open }, iface, { now: 1_700_000_000n, claimNumber: (c) => (c === id ? 3 : undefined) })).to.equal(
        "Claim #3 is still in its challenge window: it can be paid from 2023-11-14 23:13 UTC, in 1h.",
      );
      // Without the pool's record, a claim is named by its id (the receipt hash), shortened.
      expect(explainError({ data: iface.encodeErrorResult("PoolUnknownClaim", [id]) }, iface)).to.equal(
        `There is no claim ${keccakText("receipt").slice(0, 10)}…${keccakText("receipt").slice(-4)} in this pool.`,
      );
      const parameter = iface.encodeErrorResult("PoolInvalidParameter", [2n, 60n]);
      expect(explainError({ data: parameter }, iface)).to.equal("The epoch length must be between 1h and 365d (got 1m).");
    });

    it("reads an election's phase in the light of what was tried", function () {
      const voting = decodeRevert(iface.encodeErrorResult("PoolElectionPhase", [2]), iface)!;
      expect(sentenceFor(voting.name, voting.args, { action: "nominate" })).to.match(/^Nominations are closed/);
      expect(sentenceFor(voting.name, voting.args, { action: "finalize" })).to.match(/still voting/);
      expect(sentenceFor(voting.name, voting.args, { action: "windDown" })).to.match(/cannot wind down/);
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

  describe("metadata", function () {
    it("round-trips { name, description, links } through a data: URI", function () {
      const metadata = { name: "Zine ✂", description: "Photocopies & stamps", links: ["https://example.org"] };
      const uri = encodeMetadata(metadata);
      expect(uri).to.match(/^data:application\/json;base64,/);
      expect(decodeMetadata(uri)).to.deep.equal(metadata);
      expect(decodeMetadata(`data:application/json,${encodeURIComponent(JSON.stringify({ name: "Plain" }))}`)).to.deep.equal({
        name: "Plain",
        description: "",
        links: [],
      });
    });

    it("labels pools without readable metadata by their URI or address", function () {
      expect(decodeMetadata("ipfs://bafy")).to.equal(undefined);
      expect(decodeMetadata("data:application/json,{not json")).to.equal(undefined);
      expect(poolLabel("ipfs://bafy", "0xabc")).to.equal("ipfs://bafy");
      expect(poolLabel("", "0xabc")).to.equal("0xabc");
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
