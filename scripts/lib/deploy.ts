// Deploys PoolExtension, Pool(extension) and PoolFactory(pool) (plus the demo token MockUSD on the local
// chain) with CREATE2 through CreateX, so they get the same addresses on every chain (scripts/lib/create2.ts),
// and records them in deployments/<chainId>.json.
//
// Hardhat Ignition sends the transactions (its `create2` strategy, ignition/modules/Potluck.ts) and keeps the
// journal: a deploy cut short (a dropped connection, gas running out) resumes where it stopped, and
// `npx hardhat ignition verify chain-<id>` verifies what it deployed. What this file adds: the addresses are
// known before anything is sent, so a contract that already has code at its address is reused (whoever
// deployed it: the address fixes the code), the dry run shows them, and CreateX is installed on a chain that
// lacks it.
import { deploy as ignitionDeploy, DeploymentResultType, type DeploymentResult } from "@nomicfoundation/ignition-core";
import { errorDeploymentResultToExceptionMessage, HardhatArtifactResolver } from "@nomicfoundation/hardhat-ignition/helpers";
import type { HardhatEthers } from "@nomicfoundation/hardhat-ethers/types";
import { Interface, keccak256, toBeHex, zeroPadValue } from "ethers";
import type { ArtifactManager } from "hardhat/types/artifacts";
import type { NetworkConnection } from "hardhat/types/network";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ETH, formatAmount, PotluckError } from "@potluck/core";
import { MOCK_USD, potluckModule } from "../../ignition/modules/Potluck.js";
import { CREATEX, CREATEX_CODEHASH, CREATEX_DEPLOYER, CREATEX_DEPLOYER_FUNDING, create2Address, POTLUCK_SALT } from "./create2.js";
import { LOCAL_CHAIN_IDS, readDeployment, writeDeployment, type ContractName, type DeploymentRecord } from "./deployments.js";
import { generateFrontend } from "./frontend.js";
import { chainIdOf, signerFor } from "./potluck.js";
import { ignitionDeploymentsDir, session } from "./session.js";

export { MOCK_USD };

export interface DeployOptions {
  artifacts: ArtifactManager;
  dryRun?: boolean;
  /** Forget this chain's Ignition journal first (a node restarted under the same chain id, say). */
  reset?: boolean;
  /** Regenerate the web app's contracts file (default true). */
  frontend?: boolean;
}

export interface DeployResult {
  chainId: number;
  dryRun: boolean;
  deployed: ContractName[];
  reused: ContractName[];
  /** Where each contract is (or, on a dry run, would be). */
  addresses: Partial<Record<ContractName, string>>;
  /** The record as written (undefined on a dry run). */
  record?: DeploymentRecord;
  /** Dry run: estimated gas per contract to deploy. */
  estimates: Partial<Record<ContractName, { gas: bigint; approximate: boolean }>>;
}

interface Step {
  name: ContractName;
  artifact: string;
  /** Constructor arguments, from the addresses of the steps before (name → address). */
  args: (addresses: Map<ContractName, string>) => unknown[];
  describeArgs: (addresses: Map<ContractName, string>) => string;
  dependsOn?: ContractName;
  /** The Ignition future that deploys it (module "Potluck"). */
  futureId: string;
}

interface Planned extends Step {
  address: string;
  initcode: string;
  /** It has code at its address already. */
  onChain: boolean;
}

const CREATEX_ABI = new Interface([
  "function deployCreate2(bytes32 salt, bytes initCode) payable returns (address newContract)",
  "event ContractCreation(address indexed newContract, bytes32 indexed salt)",
]);

const STEPS: Step[] = [
  { name: "PoolExtension", artifact: "PoolExtension", futureId: "Potluck#PoolExtension", args: () => [], describeArgs: () => "no arguments" },
  {
    name: "Pool",
    artifact: "Pool",
    futureId: "Potluck#Pool",
    dependsOn: "PoolExtension",
    args: (a) => [a.get("PoolExtension")],
    describeArgs: (a) => `extension = ${a.get("PoolExtension")}`,
  },
  {
    name: "PoolFactory",
    artifact: "PoolFactory",
    futureId: "Potluck#PoolFactory",
    dependsOn: "Pool",
    args: (a) => [a.get("Pool")],
    describeArgs: (a) => `implementation = ${a.get("Pool")}`,
  },
];

const MOCK_USD_STEP: Step = {
  name: "MockUSD",
  artifact: "MockERC20",
  futureId: "Potluck#MockUSD",
  args: () => [MOCK_USD.name, MOCK_USD.symbol, MOCK_USD.decimals],
  describeArgs: () => `"${MOCK_USD.name}", "${MOCK_USD.symbol}", ${MOCK_USD.decimals} decimals`,
};

/** Every contract's CREATE2 address and whether it has code there; the constructor arguments follow from the addresses before. */
async function plan(ethers: HardhatEthers, steps: Step[]): Promise<Planned[]> {
  const addresses = new Map<ContractName, string>();
  const planned: Planned[] = [];
  for (const step of steps) {
    const factory = await ethers.getContractFactory(step.artifact);
    const initcode = (await factory.getDeployTransaction(...step.args(addresses))).data;
    const address = create2Address(initcode);
    addresses.set(step.name, address);
    planned.push({ ...step, address, initcode, onChain: (await ethers.provider.getCode(address)) !== "0x" });
  }
  return planned;
}

export async function deployPotluck(connection: NetworkConnection, options: DeployOptions): Promise<DeployResult> {
  const { ethers } = connection;
  const out = session().out;
  const network = connection.networkName;
  const chainId = await chainIdOf(connection);
  const local = LOCAL_CHAIN_IDS.includes(chainId);
  // A dry run needs no key: without one it estimates as the zero address.
  const deployer = options.dryRun === true && (await ethers.getSigners()).length === 0
    ? undefined
    : await signerFor({ ethers, network }, "0");
  const from = deployer?.address ?? ethers.ZeroAddress;
  const steps = await plan(ethers, local ? [...STEPS, MOCK_USD_STEP] : STEPS);
  const addresses = Object.fromEntries(steps.map((s) => [s.name, s.address])) as DeployResult["addresses"];
  const reused = steps.filter((s) => s.onChain).map((s) => s.name);
  const createx = await ethers.provider.getCode(CREATEX);
  if (createx !== "0x" && keccak256(createx) !== CREATEX_CODEHASH) {
    throw new PotluckError(`The code at CreateX's address ${CREATEX} on network "${network}" is not CreateX: Potluck cannot be deployed at its usual addresses there.`);
  }

  const result: DeployResult = { chainId, dryRun: options.dryRun === true, deployed: [], reused, addresses, estimates: {} };
  out(`${options.dryRun === true ? "Dry run on" : "Deploying to"} network "${network}" (chain ${chainId}) from ${deployer === undefined ? `${from} (no key configured: estimates only)` : from}`);
  out(`CREATE2 through CreateX ${CREATEX}, salt ${POTLUCK_SALT}: the same addresses on every chain.`);

  if (options.dryRun === true || deployer === undefined) {
    await dryRun(connection, steps, createx !== "0x", from, result);
    return result;
  }

  if (options.reset === true) {
    await rm(journalDir(chainId), { recursive: true, force: true });
    out(`  Forgot Ignition's journal ${journalDir(chainId)} (--reset).`);
  }
  const existing = await readDeployment(chainId);
  const missing = steps.filter((s) => !s.onChain);
  const record: DeploymentRecord = { chainId, network, deployedAt: new Date().toISOString(), contracts: {} as DeploymentRecord["contracts"] };
  const lines = new Map<ContractName, string>();
  if (missing.length > 0) {
    if ((await ethers.provider.getBalance(deployer.address)) === 0n) {
      throw new PotluckError(`The deployer ${deployer.address} has no ETH on network "${network}" to pay for gas.`);
    }
    if (createx === "0x") await installCreateX(connection, deployer.address);
    const firstBlock = (await ethers.provider.getBlockNumber()) + 1;
    await runIgnition(connection, options, chainId, deployer.address, steps);
    for (const step of missing) {
      if ((await ethers.provider.getCode(step.address)) === "0x") {
        throw new PotluckError(
          `Ignition reports ${step.name} deployed, but ${step.address} has no code on network "${network}": its journal ` +
            `(${journalDir(chainId)}) belongs to an earlier chain. Deploy again with --reset.`,
        );
      }
    }
    const created = await creationsSince(ethers, firstBlock, missing.map((s) => s.address));
    for (const step of missing) {
      const creation = created.get(step.address.toLowerCase());
      const blockNumber = creation?.blockNumber ?? (await deployedBlock(ethers, step.address, firstBlock));
      record.contracts[step.name] = { address: step.address, blockNumber };
      result.deployed.push(step.name);
      const gas = creation === undefined ? "" : `, gas ${creation.gasUsed.toLocaleString("en-US")}`;
      lines.set(step.name, `  + ${step.name.padEnd(13)} ${step.address}  (block ${blockNumber}${gas})`);
    }
  }
  for (const step of steps.filter((s) => s.onChain)) {
    const known = existing?.contracts[step.name];
    const blockNumber = known !== undefined && sameAddress(known.address, step.address) ? known.blockNumber : await deployedBlock(ethers, step.address, 0);
    record.contracts[step.name] = { address: step.address, blockNumber };
    lines.set(step.name, `  = ${step.name.padEnd(13)} ${step.address}  (has code: reused)`);
  }
  for (const step of steps) out(lines.get(step.name)!);
  const unchanged = existing !== undefined && missing.length === 0 && Object.keys(existing.contracts).length === steps.length &&
    steps.every((s) => existing.contracts[s.name]?.address === s.address && existing.contracts[s.name]?.blockNumber === record.contracts[s.name]?.blockNumber);
  if (unchanged) {
    out("Everything is on chain already and recorded: nothing sent.");
    result.record = existing;
  } else {
    if (missing.length === 0) out("Everything is on chain already: nothing sent.");
    out(`Recorded in ${await writeDeployment(record)}`);
    result.record = record;
  }
  if (options.frontend !== false) {
    const file = await generateFrontend({
      deploymentsDir: session().deploymentsDir,
      outFile: session().frontendFile,
      readAbi: async (name) => (await options.artifacts.readArtifact(name)).abi as readonly unknown[],
    });
    out(`Web app contracts: ${file}`);
  }
  return result;
}

/** Ignition's journal for this chain (`npx hardhat ignition status|verify chain-<id>` read it). */
function journalDir(chainId: number): string {
  return path.join(ignitionDeploymentsDir(), `chain-${chainId}`);
}

async function runIgnition(connection: NetworkConnection, options: DeployOptions, chainId: number, sender: string, steps: Planned[]): Promise<void> {
  // The in-process network keeps no journal (it is gone when the process ends), as in Ignition's own tasks.
  const deploymentDir = connection.networkConfig.type === "edr-simulated" ? undefined : journalDir(chainId);
  if (deploymentDir !== undefined) await forgetJournalOfRestartedDevNode(connection, deploymentDir);
  const existing = Object.fromEntries(steps.filter((s) => s.onChain).map((s) => [s.name, s.address]));
  const accounts = (await connection.provider.request({ method: "eth_accounts" })) as string[];
  let result: DeploymentResult;
  try {
    result = await ignitionDeploy({
      config: {},
      provider: connection.provider,
      artifactResolver: new HardhatArtifactResolver(options.artifacts),
      deploymentDir,
      ignitionModule: potluckModule({ existing, mockUsd: steps.some((s) => s.name === "MockUSD") }),
      deploymentParameters: {},
      accounts,
      defaultSender: accounts.find((a) => sameAddress(a, sender)) ?? sender,
      strategy: "create2",
      strategyConfig: { salt: POTLUCK_SALT },
    });
  } catch (error) {
    throw new PotluckError(`Ignition could not deploy: ${(error as Error).message}`);
  }
  if (result.type !== DeploymentResultType.SUCCESSFUL_DEPLOYMENT) {
    const reason = errorDeploymentResultToExceptionMessage(result).replace(/\s+/g, " ").trim();
    const hint = deploymentDir === undefined ? "" : ` Its journal is ${deploymentDir}; if it belongs to an earlier chain, deploy again with --reset.`;
    throw new PotluckError(`Ignition could not deploy: ${reason}${hint}`);
  }
  for (const step of steps.filter((s) => !s.onChain)) {
    const address = result.contracts[step.futureId]?.address;
    if (address === undefined || !sameAddress(address, step.address)) {
      throw new PotluckError(`${step.name} was deployed at ${address ?? "no address"}, not at its CREATE2 address ${step.address}.`);
    }
  }
}

/**
 * A Hardhat development node restarts empty under the same chain id: Ignition's journal of its
 * last life would claim contracts that are gone. Like `ignition deploy` does on chain 31337, remember the
 * node's instance id beside the journal and forget the journal when it changes.
 */
async function forgetJournalOfRestartedDevNode(connection: NetworkConnection, deploymentDir: string): Promise<void> {
  let instanceId: string;
  try {
    instanceId = ((await connection.provider.request({ method: "hardhat_metadata" })) as { instanceId: string }).instanceId;
  } catch {
    return; // not a Hardhat node: a real chain, whose journal is the truth
  }
  const file = path.join(path.dirname(deploymentDir), ".dev-node-instances.json");
  const instances = JSON.parse(await readFile(file, "utf8").catch(() => "{}")) as Record<string, string>;
  const id = path.basename(deploymentDir);
  if (instances[id] !== instanceId) await rm(deploymentDir, { recursive: true, force: true });
  instances[id] = instanceId;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(instances, null, 2)}\n`);
}

/**
 * Puts CreateX at its address with the presigned transaction every chain's CreateX came from (it carries no
 * chain id, so it is valid everywhere; ignition-core ships it). Its sender must hold 0.3 ETH for the gas:
 * a development node sets the balance, elsewhere the deployer sends it.
 */
export async function installCreateX(connection: NetworkConnection, deployerAddress: string): Promise<void> {
  const { ethers } = connection;
  const out = session().out;
  const have = await ethers.provider.getBalance(CREATEX_DEPLOYER);
  if (have < CREATEX_DEPLOYER_FUNDING) {
    const funded = await connection.provider
      .request({ method: "hardhat_setBalance", params: [CREATEX_DEPLOYER, toBeHex(CREATEX_DEPLOYER_FUNDING)] })
      .then(() => true, () => false);
    if (!funded) {
      const deployer = await ethers.getSigner(deployerAddress);
      out(`  CreateX is not on this chain: sending its deployer ${CREATEX_DEPLOYER} ${formatAmount(CREATEX_DEPLOYER_FUNDING - have, ETH)} for its presigned deployment.`);
      await (await deployer.sendTransaction({ to: CREATEX_DEPLOYER, value: CREATEX_DEPLOYER_FUNDING - have })).wait();
    }
  }
  const hash = (await connection.provider.request({ method: "eth_sendRawTransaction", params: [await createXPresignedTx()] })) as string;
  const receipt = await ethers.provider.waitForTransaction(hash);
  if (receipt?.status !== 1 || keccak256(await ethers.provider.getCode(CREATEX)) !== CREATEX_CODEHASH) {
    throw new PotluckError(`Installing CreateX failed (transaction ${hash}).`);
  }
  out(`  + CreateX       ${CREATEX}  (block ${receipt.blockNumber}, its presigned deployment)`);
}

/** The presigned CreateX deployment that ignition-core ships (not in its public exports: read from its file). */
async function createXPresignedTx(): Promise<string> {
  const require = createRequire(import.meta.url);
  const root = path.dirname(require.resolve("@nomicfoundation/ignition-core/package.json"));
  const file = path.join(root, "dist", "src", "internal", "execution", "strategy", "createx-artifact.js");
  if (!existsSync(file)) throw new PotluckError(`ignition-core has moved CreateX's presigned deployment (no ${file}).`);
  const { presignedTx } = (await import(pathToFileURL(file).href)) as { presignedTx: string };
  return presignedTx;
}

/** CreateX's ContractCreation events of `contracts` since `fromBlock`: where each was deployed, and the gas. */
async function creationsSince(ethers: HardhatEthers, fromBlock: number, contracts: string[]): Promise<Map<string, { blockNumber: number; gasUsed: bigint }>> {
  const found = new Map<string, { blockNumber: number; gasUsed: bigint }>();
  const topics = [CREATEX_ABI.getEvent("ContractCreation")!.topicHash, contracts.map((a) => zeroPadValue(a, 32))];
  const logs = await ethers.provider.getLogs({ address: CREATEX, topics, fromBlock, toBlock: "latest" });
  for (const log of logs) {
    const receipt = await ethers.provider.getTransactionReceipt(log.transactionHash);
    found.set(`0x${log.topics[1].slice(26)}`.toLowerCase(), { blockNumber: log.blockNumber, gasUsed: receipt?.gasUsed ?? 0n });
  }
  return found;
}

/**
 * The block a contract was deployed in, for the web app's log queries: the first block from `lo` at which
 * it has code (a binary search over `eth_getCode` at past blocks). A node that keeps no old state answers
 * with its latest block, which the web app then reads from.
 */
async function deployedBlock(ethers: HardhatEthers, address: string, lo: number): Promise<number> {
  let hi = await ethers.provider.getBlockNumber();
  try {
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if ((await ethers.provider.getCode(address, mid)) === "0x") lo = mid + 1;
      else hi = mid;
    }
  } catch {
    session().out(`  (the node keeps no state of old blocks: ${address}'s deployment block is recorded as ${hi})`);
  }
  return hi;
}

function sameAddress(a: unknown, b: string | undefined): boolean {
  return typeof a === "string" && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

async function dryRun(connection: NetworkConnection, steps: Planned[], haveCreateX: boolean, from: string, result: DeployResult): Promise<void> {
  const { ethers } = connection;
  const out = session().out;
  if (!haveCreateX) {
    out(`  + CreateX       ${CREATEX}  not on this chain: would be installed by its presigned deployment, its sender ${CREATEX_DEPLOYER}`);
    out(`      funded with ${formatAmount(CREATEX_DEPLOYER_FUNDING, ETH)} (by the node on a development chain, else by the deployer)`);
  }
  let total = 0n;
  let approximate = false;
  for (const step of steps) {
    if (step.onChain) {
      out(`  = ${step.name.padEnd(13)} ${step.address}  (has code: would be reused)`);
      continue;
    }
    const pending = step.dependsOn !== undefined && !steps.find((s) => s.name === step.dependsOn)!.onChain;
    let gas: bigint | undefined;
    if (haveCreateX) {
      // A constructor only checks that its dependency has code, so while that is not deployed yet CreateX
      // itself stands in for it: the gas does not depend on which contract it is.
      const initcode = pending
        ? (await (await ethers.getContractFactory(step.artifact)).getDeployTransaction(...step.args(new Map([[step.dependsOn!, CREATEX]])))).data
        : step.initcode;
      gas = await ethers.provider
        .estimateGas({ from, to: CREATEX, data: CREATEX_ABI.encodeFunctionData("deployCreate2", [POTLUCK_SALT, initcode]) })
        .catch(() => undefined);
    }
    let approx = false;
    if (gas === undefined) {
      // Nothing to estimate against: the deposit (200 gas a byte) and calldata dominate; add a margin.
      const runtime = await ethers.provider.call({ data: step.initcode }).catch(() => "0x");
      const runtimeBytes = runtime === "0x" ? (step.initcode.length - 2) / 2 : (runtime.length - 2) / 2;
      gas = 21_000n + 32_000n + calldataGas(step.initcode) + 200n * BigInt(runtimeBytes) + 60_000n;
      approx = true;
      approximate = true;
    }
    total += gas;
    result.estimates[step.name] = { gas, approximate: approx };
    out(`  + ${step.name.padEnd(13)} would deploy at ${step.address}`);
    const addresses = new Map(steps.map((s) => [s.name, s.address]));
    out(`      constructor: ${step.describeArgs(addresses)}${pending ? ` (${step.dependsOn}'s address once deployed)` : ""}`);
    out(`      initcode ${((step.initcode.length - 2) / 2).toLocaleString("en-US")} bytes, estimated gas ${approx ? "≈ " : ""}${gas.toLocaleString("en-US")}`);
  }
  if (total === 0n) {
    out("Everything is on chain already: nothing would be sent.");
    return;
  }
  const fee = await ethers.provider.getFeeData();
  const price = fee.maxFeePerGas ?? fee.gasPrice;
  const cost = price === null ? "" : ` ≈ ${formatAmount(total * price, ETH, { maxDecimals: 6 })} at ${formatAmount(price, { ...ETH, decimals: 9, symbol: "gwei" }, { maxDecimals: 3 })}`;
  out(`Total: ${approximate ? "≈ " : ""}${total.toLocaleString("en-US")} gas${cost}${haveCreateX ? "" : `, plus CreateX's ${formatAmount(CREATEX_DEPLOYER_FUNDING, ETH)} if the deployer funds it`}.`);
  out("Dry run: nothing was sent, nothing was recorded.");
}

function calldataGas(data: string): bigint {
  let gas = 0n;
  for (let i = 2; i < data.length; i += 2) gas += data.slice(i, i + 2) === "00" ? 4n : 16n;
  return gas;
}
