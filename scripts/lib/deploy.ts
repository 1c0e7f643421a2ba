// Deploys PoolExtension, Pool(extension) and PoolFactory(pool) (plus the demo token MockUSD on the local
// chain) and records them in deployments/<chainId>.json. Idempotent: a recorded contract that still has
// code on the chain (and is wired to the recorded contract it depends on) is reused, not deployed again.
// A dry run prints what would be sent (contract, constructor arguments, estimated gas) and sends nothing.
import type { ArtifactManager } from "hardhat/types/artifacts";
import type { NetworkConnection } from "hardhat/types/network";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  deploymentFile,
  LOCAL_CHAIN_IDS,
  readDeployment,
  writeDeployment,
  type ContractName,
  type ContractRecord,
  type DeploymentRecord,
} from "./deployments.js";
import { ETH, formatAmount, PotluckError } from "@potluck/core";
import { generateFrontend } from "./frontend.js";
import { chainIdOf, signerFor } from "./potluck.js";
import { session } from "./session.js";

export const MOCK_USD = { name: "Mock USD", symbol: "mUSD", decimals: 6 } as const;

export interface DeployOptions {
  artifacts: ArtifactManager;
  dryRun?: boolean;
  /** Regenerate the web app's contracts file (default true). */
  frontend?: boolean;
}

export interface DeployResult {
  chainId: number;
  dryRun: boolean;
  deployed: ContractName[];
  reused: ContractName[];
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
  /** Whether a recorded contract at `address` can be reused (it has code; checked by the caller). */
  fits?: (address: string, addresses: Map<ContractName, string>) => Promise<boolean>;
  dependsOn?: ContractName;
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
  const existing = await readDeployment(chainId);
  // Contracts a deploy that stopped half-way (a dropped connection, gas running out) did deploy.
  const progress = await readProgress(chainId);
  const recorded = (name: ContractName): ContractRecord | undefined => progress[name] ?? existing?.contracts[name];

  const steps: Step[] = [
    { name: "PoolExtension", artifact: "PoolExtension", args: () => [], describeArgs: () => "no arguments" },
    {
      name: "Pool",
      artifact: "Pool",
      dependsOn: "PoolExtension",
      args: (a) => [a.get("PoolExtension")],
      describeArgs: (a) => `extension = ${a.get("PoolExtension")}`,
      fits: async (address, a) =>
        sameAddress(await (await ethers.getContractAt("Pool", address)).extension().catch(() => ""), a.get("PoolExtension")),
    },
    {
      name: "PoolFactory",
      artifact: "PoolFactory",
      dependsOn: "Pool",
      args: (a) => [a.get("Pool")],
      describeArgs: (a) => `implementation = ${a.get("Pool")}`,
      fits: async (address, a) =>
        sameAddress(await (await ethers.getContractAt("PoolFactory", address)).implementation().catch(() => ""), a.get("Pool")),
    },
  ];
  if (local) {
    steps.push({
      name: "MockUSD",
      artifact: "MockERC20",
      args: () => [MOCK_USD.name, MOCK_USD.symbol, MOCK_USD.decimals],
      describeArgs: () => `"${MOCK_USD.name}", "${MOCK_USD.symbol}", ${MOCK_USD.decimals} decimals`,
      fits: async (address) => (await (await ethers.getContractAt("MockERC20", address)).symbol().catch(() => "")) === MOCK_USD.symbol,
    });
  }

  // Which recorded contracts are still there (and wired to each other)?
  const addresses = new Map<ContractName, string>();
  const reuse = new Set<ContractName>();
  for (const step of steps) {
    const record = recorded(step.name);
    if (record === undefined) continue;
    if (step.dependsOn !== undefined && !reuse.has(step.dependsOn)) continue;
    if ((await ethers.provider.getCode(record.address)) === "0x") continue;
    if (step.fits !== undefined && !(await step.fits(record.address, addresses))) continue;
    reuse.add(step.name);
    addresses.set(step.name, record.address);
  }

  const result: DeployResult = { chainId, dryRun: options.dryRun === true, deployed: [], reused: [...reuse], estimates: {} };
  out(`${options.dryRun === true ? "Dry run on" : "Deploying to"} network "${network}" (chain ${chainId}) from ${deployer === undefined ? `${from} (no key configured: estimates only)` : from}`);

  if (options.dryRun === true || deployer === undefined) {
    await dryRun(connection, options.artifacts, steps, reuse, addresses, from, result);
    return result;
  }

  const balance = await ethers.provider.getBalance(deployer.address);
  if (reuse.size < steps.length && balance === 0n) {
    throw new PotluckError(`The deployer ${deployer.address} has no ETH on network "${network}" to pay for gas.`);
  }
  const unchanged = existing !== undefined && reuse.size === steps.length && Object.keys(progress).length === 0 &&
    steps.every((step) => existing.contracts[step.name]?.address === addresses.get(step.name));
  const record: DeploymentRecord = unchanged
    ? existing
    : {
        chainId,
        network,
        deployedAt: new Date().toISOString(),
        contracts: {} as DeploymentRecord["contracts"],
      };
  for (const step of steps) {
    if (reuse.has(step.name)) {
      record.contracts[step.name] = recorded(step.name)!;
      out(`  = ${step.name.padEnd(13)} ${addresses.get(step.name)}  (recorded, has code: reused)`);
      continue;
    }
    const contract = await ethers.deployContract(step.artifact, step.args(addresses), deployer);
    const receipt = await contract.deploymentTransaction()!.wait();
    const address = await contract.getAddress();
    addresses.set(step.name, address);
    record.contracts[step.name] = { address, blockNumber: receipt!.blockNumber };
    await writeProgress(chainId, record.contracts);
    result.deployed.push(step.name);
    out(`  + ${step.name.padEnd(13)} ${address}  (block ${receipt!.blockNumber}, gas ${receipt!.gasUsed.toLocaleString("en-US")})`);
  }
  if (unchanged) {
    out("Everything recorded is on chain already: nothing sent.");
  } else {
    const file = await writeDeployment(record);
    out(`Recorded in ${file}`);
  }
  await rm(progressFile(chainId), { force: true });
  result.record = record;
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

/** Where a deploy in progress notes each contract as soon as it is deployed (not a record: no reader uses it). */
function progressFile(chainId: number): string {
  return deploymentFile(chainId).replace(/\.json$/, ".partial.json");
}

async function readProgress(chainId: number): Promise<Partial<Record<ContractName, ContractRecord>>> {
  try {
    return JSON.parse(await readFile(progressFile(chainId), "utf8")) as Partial<Record<ContractName, ContractRecord>>;
  } catch {
    return {};
  }
}

async function writeProgress(chainId: number, contracts: Partial<Record<ContractName, ContractRecord>>): Promise<void> {
  await mkdir(path.dirname(progressFile(chainId)), { recursive: true });
  await writeFile(progressFile(chainId), `${JSON.stringify(contracts, null, 2)}\n`);
}

function sameAddress(a: unknown, b: string | undefined): boolean {
  return typeof a === "string" && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

async function dryRun(
  connection: NetworkConnection,
  artifacts: ArtifactManager,
  steps: Step[],
  reuse: Set<ContractName>,
  addresses: Map<ContractName, string>,
  from: string,
  result: DeployResult,
): Promise<void> {
  const { ethers } = connection;
  const out = session().out;
  let nonce = await ethers.provider.getTransactionCount(from, "pending");
  const predicted = new Set<ContractName>();
  // Constructors only check that their dependency has code, so any contract stands in for one not yet
  // deployed: the gas does not depend on which.
  const standIn = [...addresses.values()][0] ?? (await anyContractNearTip(connection));
  let total = 0n;
  let approximate = false;
  for (const step of steps) {
    if (reuse.has(step.name)) {
      out(`  = ${step.name.padEnd(13)} ${addresses.get(step.name)}  (recorded, has code: would be reused)`);
      continue;
    }
    const address = ethers.getCreateAddress({ from, nonce });
    nonce += 1;
    const factory = await ethers.getContractFactory(step.artifact);
    const tx = await factory.getDeployTransaction(...step.args(addresses));
    const initcodeBytes = (tx.data.length - 2) / 2;
    let gas: bigint | undefined;
    let approx = false;
    const dependencyPending = step.dependsOn !== undefined && predicted.has(step.dependsOn);
    if (!dependencyPending) {
      gas = await ethers.provider.estimateGas({ ...tx, from }).catch(() => undefined);
    } else if (standIn !== undefined) {
      const standInArgs = new Map(addresses);
      standInArgs.set(step.dependsOn!, standIn);
      const standInTx = await factory.getDeployTransaction(...step.args(standInArgs));
      gas = await ethers.provider.estimateGas({ ...standInTx, from }).catch(() => undefined);
    }
    if (gas === undefined) {
      // Nothing on this chain to stand in: the deposit (200 gas a byte) and calldata dominate; add a margin.
      const runtimeBytes = ((await artifacts.readArtifact(step.artifact)).deployedBytecode.length - 2) / 2;
      gas = 21_000n + 32_000n + calldataGas(tx.data) + 200n * BigInt(runtimeBytes) + 60_000n;
      approx = true;
      approximate = true;
    }
    total += gas;
    result.estimates[step.name] = { gas, approximate: approx };
    addresses.set(step.name, address);
    predicted.add(step.name);
    out(`  + ${step.name.padEnd(13)} would deploy at ${address}`);
    out(`      constructor: ${step.describeArgs(addresses)}${step.dependsOn !== undefined && predicted.has(step.dependsOn) ? ` (${step.dependsOn}'s address once deployed)` : ""}`);
    out(`      initcode ${initcodeBytes.toLocaleString("en-US")} bytes, estimated gas ${approx ? "≈ " : ""}${gas.toLocaleString("en-US")}`);
  }
  if (total === 0n) {
    out("Everything recorded is on chain already: nothing would be sent.");
    return;
  }
  const fee = await ethers.provider.getFeeData();
  const price = fee.maxFeePerGas ?? fee.gasPrice;
  const cost = price === null ? "" : ` ≈ ${formatAmount(total * price, ETH, { maxDecimals: 6 })} at ${formatAmount(price, { ...ETH, decimals: 9, symbol: "gwei" }, { maxDecimals: 3 })}`;
  out(`Total: ${approximate ? "≈ " : ""}${total.toLocaleString("en-US")} gas${cost}.`);
  out("Dry run: nothing was sent, nothing was recorded.");
}

function calldataGas(data: string): bigint {
  let gas = 0n;
  for (let i = 2; i < data.length; i += 2) gas += data.slice(i, i + 2) === "00" ? 4n : 16n;
  return gas;
}

/** Some contract in the latest block, to stand in for a dependency in gas estimates. */
async function anyContractNearTip(connection: NetworkConnection): Promise<string | undefined> {
  const { ethers } = connection;
  const block = await ethers.provider.getBlock("latest", true).catch(() => null);
  for (const tx of block?.prefetchedTransactions ?? []) {
    if (tx.to !== null && (await ethers.provider.getCode(tx.to)) !== "0x") return tx.to;
  }
  return undefined;
}
