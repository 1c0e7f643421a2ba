// `deployments/<chainId>.json`: the one record of where Potluck lives on each chain. The deploy script
// writes it; the seed script, the tasks and the web app (through scripts/generate-frontend.ts) read it.
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { PotluckError } from "@potluck/core";
import { session } from "./session.js";

export const CONTRACT_NAMES = ["PoolFactory", "Pool", "PoolExtension", "MockUSD"] as const;
export type ContractName = (typeof CONTRACT_NAMES)[number];

export interface ContractRecord {
  address: string;
  blockNumber: number;
}

export interface DeploymentRecord {
  chainId: number;
  network: string;
  deployedAt: string;
  contracts: {
    PoolFactory: ContractRecord;
    Pool: ContractRecord;
    PoolExtension: ContractRecord;
    /** Only on the local chain: the demo stablecoin. */
    MockUSD?: ContractRecord;
  };
}

/** Chain ids Potluck treats as the local demo chain (Hardhat's; the demo token and the seed live there). */
export const LOCAL_CHAIN_IDS: readonly number[] = [31337];

export function deploymentFile(chainId: number | bigint, dir = session().deploymentsDir): string {
  return path.join(dir, `${chainId}.json`);
}

function isRecord(value: unknown): value is ContractRecord {
  const v = value as ContractRecord;
  return typeof v?.address === "string" && /^0x[0-9a-fA-F]{40}$/.test(v.address) && Number.isInteger(v.blockNumber);
}

function validate(data: unknown, file: string): DeploymentRecord {
  const d = data as DeploymentRecord;
  const ok = Number.isInteger(d?.chainId) && typeof d.network === "string" && typeof d.deployedAt === "string" &&
    isRecord(d.contracts?.PoolFactory) && isRecord(d.contracts?.Pool) && isRecord(d.contracts?.PoolExtension) &&
    (d.contracts.MockUSD === undefined || isRecord(d.contracts.MockUSD));
  if (!ok) throw new PotluckError(`${file} is not a Potluck deployment record; deploy again to rewrite it.`);
  return d;
}

/** The record for `chainId`, or undefined if there is none. */
export async function readDeployment(chainId: number | bigint, dir = session().deploymentsDir): Promise<DeploymentRecord | undefined> {
  const file = deploymentFile(chainId, dir);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new PotluckError(`${file} is not valid JSON; deploy again to rewrite it.`);
  }
  return validate(data, file);
}

/** The record for `chainId`, or a "wrong network" error that says what to do. */
export async function requireDeployment(chainId: number | bigint, network: string, dir = session().deploymentsDir): Promise<DeploymentRecord> {
  const record = await readDeployment(chainId, dir);
  if (record !== undefined) return record;
  const known = (await listDeployments(dir)).map((d) => `${d.chainId} (${d.network})`);
  throw new PotluckError(
    `Potluck is not deployed on network "${network}" (chain ${chainId}): there is no ${path.relative(process.cwd(), deploymentFile(chainId, dir)) || deploymentFile(chainId, dir)}. ` +
      (known.length > 0 ? `Deployments are recorded for chain ${known.join(", ")}: pick that network with --network, or d` : "D") +
      `eploy first with \`npx hardhat deploy --network ${network}\`${network === "localhost" ? " (or run `npm start`)" : ""}.`,
  );
}

/** Writes the record atomically (a reader never sees half a file). */
export async function writeDeployment(record: DeploymentRecord, dir = session().deploymentsDir): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = deploymentFile(record.chainId, dir);
  const contracts: Record<string, ContractRecord> = {};
  for (const name of CONTRACT_NAMES) {
    const c = record.contracts[name];
    if (c !== undefined) contracts[name] = { address: c.address, blockNumber: c.blockNumber };
  }
  const ordered = { chainId: record.chainId, network: record.network, deployedAt: record.deployedAt, contracts };
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(ordered, null, 2)}\n`);
  await rename(tmp, file);
  return file;
}

/** Every record in the directory, by chain id. */
export async function listDeployments(dir = session().deploymentsDir): Promise<DeploymentRecord[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const ids = names.filter((n) => /^[0-9]+\.json$/.test(n)).map((n) => Number(n.slice(0, -5))).sort((a, b) => a - b);
  const records: DeploymentRecord[] = [];
  for (const id of ids) {
    const record = await readDeployment(id, dir);
    if (record !== undefined) records.push(record);
  }
  return records;
}
