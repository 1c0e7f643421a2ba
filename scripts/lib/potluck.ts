// Reaching Potluck on a chain: the network connection (localhost unless --network says otherwise), the
// deployment record for its chain id, the factory, a pool by address or number with its asset and name,
// the account that signs, and sending a transaction with a readable receipt line.
import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { ContractTransactionResponse, Interface, Log } from "ethers";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";
import type { IPool, MockERC20, PoolFactory } from "../../types/ethers-contracts/index.js";
import { deploymentFile, requireDeployment, type DeploymentRecord } from "./deployments.js";
import { errorInterface } from "./errors.js";
import { type AssetInfo, decodeMetadata, ETH, type PoolMetadata, poolName, PotluckError, tokenSymbol, ZERO_ADDRESS } from "@potluck/core";
import { session } from "./session.js";

/** The network a script or task works on: the session's, else `--network`, else localhost. */
export function networkName(hre: HardhatRuntimeEnvironment): string {
  const s = session();
  return s.connection?.networkName ?? s.network ?? hre.globalOptions.network ?? "localhost";
}

/**
 * Opens (or reuses, in tests) a connection; `close` is a no-op for a borrowed one. A `readOnly` task on a
 * network whose key is not configured still connects, without accounts: reading needs no key.
 */
export async function openConnection(
  hre: HardhatRuntimeEnvironment,
  { readOnly = false } = {},
): Promise<{ connection: NetworkConnection; close: () => Promise<void> }> {
  const borrowed = session().connection;
  if (borrowed !== undefined) return { connection: borrowed, close: async () => {} };
  const network = networkName(hre);
  let connection = await hre.network.create(network);
  try {
    // Keys are resolved at the first request: probe, so a read-only task can go on without one.
    await connection.provider.request({ method: "eth_chainId" });
  } catch (error) {
    const args = (error as { messageArguments?: { name?: string; key?: string } }).messageArguments;
    const missing = String(args?.name ?? args?.key ?? "");
    if (!readOnly || !/KEY/.test(missing) || hre.config.networks[network]?.type !== "http") throw error;
    await connection.close().catch(() => {});
    connection = await hre.network.create({ network, override: { accounts: [] } });
  }
  return { connection, close: () => connection.close() };
}

/** Builds the project if its artifacts are missing (a fresh clone), so the tasks work before any build. */
export async function ensureArtifacts(hre: HardhatRuntimeEnvironment): Promise<void> {
  if (await hre.artifacts.artifactExists("IPool")) return;
  session().err("Compiling the contracts first (one time, about a minute)…");
  await hre.tasks.getTask("build").run({ quiet: true, noTests: true });
}

/** Every error the pool, the factory and the demo token can revert with, for decoding. */
export async function loadErrorInterface(hre: HardhatRuntimeEnvironment): Promise<Interface> {
  const abis = await Promise.all(
    ["IPool", "Pool", "PoolExtension", "PoolFactory", "MockERC20"].map(async (name) =>
      (await hre.artifacts.artifactExists(name)) ? ((await hre.artifacts.readArtifact(name)).abi as readonly unknown[]) : [],
    ),
  );
  return errorInterface(...abis);
}

export async function chainIdOf(connection: NetworkConnection): Promise<number> {
  return Number(await connection.provider.request({ method: "eth_chainId" }));
}

/** The chain's clock: the latest block's timestamp (what the contracts compare with). */
export async function chainNow(ethers: HardhatEthers): Promise<bigint> {
  const block = await ethers.provider.getBlock("latest");
  return BigInt(block?.timestamp ?? Math.floor(Date.now() / 1000));
}

export interface Potluck {
  connection: NetworkConnection;
  ethers: HardhatEthers;
  network: string;
  chainId: number;
  deployment: DeploymentRecord;
  factory: PoolFactory;
}

/** Potluck on the connected chain, checked: a record for its chain id, and a factory with code there. */
export async function openPotluck(connection: NetworkConnection): Promise<Potluck> {
  const { ethers } = connection;
  const chainId = await chainIdOf(connection);
  const network = connection.networkName;
  const deployment = await requireDeployment(chainId, network);
  const address = deployment.contracts.PoolFactory.address;
  if ((await ethers.provider.getCode(address)) === "0x") {
    throw new PotluckError(
      `The PoolFactory recorded for chain ${chainId} (${deploymentFile(chainId)}) has no code on network "${network}": ` +
        (network === "localhost" || network === "hardhat" || network === "default"
          ? "the local chain was probably restarted since. Deploy again (`npx hardhat deploy`), or run `npm start`."
          : "is it the right network? Deploy again with `npx hardhat deploy --network " + network + "`."),
    );
  }
  const factory = await ethers.getContractAt("PoolFactory", address);
  return { connection, ethers, network, chainId, deployment, factory };
}

export interface PoolEntry {
  index: number;
  address: string;
  asset: string;
  maintainer: string;
  metadataURI: string;
  metadata?: PoolMetadata;
  label: string;
  createdAtBlock: number;
}

/** Every pool the factory created, with the metadata URI from its `PoolCreated` event. */
export async function listPools(potluck: Potluck): Promise<PoolEntry[]> {
  const { factory, deployment } = potluck;
  const count = Number(await factory.poolCount());
  if (count === 0) return [];
  const events = await factory
    .queryFilter(factory.filters.PoolCreated(), deployment.contracts.PoolFactory.blockNumber, "latest")
    .catch(() => []);
  const byAddress = new Map(events.map((e) => [e.args.pool.toLowerCase(), e]));
  const addresses = await Promise.all(Array.from({ length: count }, (_, i) => factory.poolAt(i)));
  return addresses.map((address, index) => {
    const event = byAddress.get(address.toLowerCase());
    const metadataURI = event?.args.metadataURI ?? "";
    return {
      index,
      address,
      asset: event?.args.asset ?? ZERO_ADDRESS,
      maintainer: event?.args.maintainer ?? ZERO_ADDRESS,
      metadataURI,
      metadata: decodeMetadata(metadataURI),
      label: poolName(metadataURI, address),
      createdAtBlock: event?.blockNumber ?? 0,
    };
  });
}

export async function assetInfo(ethers: HardhatEthers, address: string): Promise<AssetInfo> {
  if (address === ZERO_ADDRESS) return ETH;
  const token = await ethers.getContractAt("MockERC20", address);
  const [symbol, decimals] = await Promise.all([
    token.symbol().catch(() => "tokens"),
    token.decimals().catch(() => 18n),
  ]);
  // The symbol is the token creator's text: shown inert next to every amount.
  return { address, symbol: tokenSymbol(symbol), decimals: Number(decimals) };
}

export interface OpenPool {
  pool: IPool;
  address: string;
  entry: PoolEntry;
  asset: AssetInfo;
  token?: MockERC20;
}

/**
 * A pool by its address or its number in `pool:list` ("0", "#2"), checked: it has code, and the factory of
 * this chain's deployment created it.
 */
export async function openPool(potluck: Potluck, ref: string): Promise<OpenPool> {
  const { ethers, factory, network, chainId } = potluck;
  const text = ref.trim();
  const pools = await listPools(potluck);
  let entry: PoolEntry | undefined;
  if (/^#?[0-9]+$/.test(text)) {
    const index = Number(text.replace("#", ""));
    entry = pools[index];
    if (entry === undefined) {
      throw new PotluckError(`There is no pool #${index} on network "${network}": the factory has created ${pools.length} (see \`npx hardhat pool:list\`).`);
    }
  } else {
    if (!ethers.isAddress(text)) {
      throw new PotluckError(`"${ref}" is not a pool: give its address (0x…) or its number from \`npx hardhat pool:list\`.`);
    }
    const address = ethers.getAddress(text);
    entry = pools.find((p) => p.address.toLowerCase() === address.toLowerCase());
    if (entry === undefined) {
      const code = await ethers.provider.getCode(address);
      if (code === "0x") {
        throw new PotluckError(`Unknown pool: there is no contract at ${address} on network "${network}" (chain ${chainId}). See \`npx hardhat pool:list\`.`);
      }
      throw new PotluckError(
        `Unknown pool: ${address} is a contract, but not a pool created by the Potluck factory at ${await factory.getAddress()} on this chain.`,
      );
    }
  }
  const pool = await ethers.getContractAt("IPool", entry.address);
  const asset = await assetInfo(ethers, await pool.asset());
  const token = asset.address === ZERO_ADDRESS ? undefined : await ethers.getContractAt("MockERC20", asset.address);
  return { pool, address: entry.address, entry, asset, token };
}

/**
 * The account that signs: `from` is an account number on this network ("0", "#3") or an address whose key
 * the network has. Fails with a "missing key" message when the network has no key at all.
 */
export async function signerFor(potluck: Pick<Potluck, "ethers" | "network">, from = "0"): Promise<HardhatEthersSigner> {
  const { ethers, network } = potluck;
  const signers = await ethers.getSigners();
  if (signers.length === 0) {
    throw new PotluckError(
      `Missing key: network "${network}" has no account to sign with. Store the deployer's key with ` +
        "`npx hardhat keystore set POTLUCK_DEPLOYER_KEY` (used by `remote` and the named networks), or pick another --network.",
    );
  }
  const text = from.trim();
  if (/^#?[0-9]+$/.test(text)) {
    const index = Number(text.replace("#", ""));
    const signer = signers[index];
    if (signer === undefined) {
      throw new PotluckError(`Missing key: network "${network}" has ${signers.length} account(s) (#0 to #${signers.length - 1}); there is no #${index}.`);
    }
    return signer;
  }
  if (!ethers.isAddress(text)) throw new PotluckError(`--from "${from}" is neither an account number (0, 1, …) nor an address.`);
  const signer = signers.find((s) => s.address.toLowerCase() === text.toLowerCase());
  if (signer === undefined) {
    throw new PotluckError(
      `Missing key: network "${network}" has no key for ${ethers.getAddress(text)}. Its accounts are ` +
        `${signers.slice(0, 3).map((s) => s.address).join(", ")}${signers.length > 3 ? ", …" : ""}.`,
    );
  }
  return signer;
}

/** Parses an address argument ("0x…" or an account number on this network). */
export async function addressArg(potluck: Pick<Potluck, "ethers" | "network">, value: string, what: string): Promise<string> {
  const text = value.trim();
  if (/^#?[0-9]+$/.test(text)) return (await signerFor(potluck, text)).address;
  if (!potluck.ethers.isAddress(text)) throw new PotluckError(`The ${what} "${value}" is not an address (0x…) or an account number.`);
  return potluck.ethers.getAddress(text);
}

/** Waits for a transaction and prints one line: what it did, its hash, block and gas. */
export async function confirm(label: string, tx: Promise<ContractTransactionResponse>): Promise<{ hash: string; blockNumber: number; logs: readonly Log[] }> {
  const sent = await tx;
  const receipt = await sent.wait();
  if (receipt === null) throw new PotluckError(`The transaction ${sent.hash} was dropped.`);
  session().out(`✓ ${label}  (tx ${sent.hash.slice(0, 10)}…, block ${receipt.blockNumber}, gas ${receipt.gasUsed.toLocaleString("en-US")})`);
  return { hash: sent.hash, blockNumber: receipt.blockNumber, logs: receipt.logs };
}
