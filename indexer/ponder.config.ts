// Where the indexer reads: one chain, the factory's PoolCreated, and every pool the factory created (Ponder's
// factory pattern). Set by the environment, so the same build indexes the local node or a real network:
//   PONDER_RPC_URL        the chain's JSON-RPC endpoint (default http://127.0.0.1:8545)
//   POTLUCK_CHAIN_ID      its chain id (default 31337)
//   POTLUCK_FACTORY       the PoolFactory's address   } default: from deployments/<chainId>.json,
//   POTLUCK_START_BLOCK   the block it was deployed in } which `npx hardhat deploy` writes
//   DATABASE_URL          Postgres; without it the embedded PGlite, in POTLUCK_PGLITE_DIR (default indexer/.ponder/pglite)
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createConfig, factory } from "ponder";
import { getAbiItem } from "viem";
import { poolEvents, poolFactoryEvents, poolViews } from "./src/abis";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const chainId = Number(process.env.POTLUCK_CHAIN_ID ?? 31337);
const rpc = process.env.PONDER_RPC_URL ?? "http://127.0.0.1:8545";

function deployment(): { address: `0x${string}`; startBlock: number } {
  const address = process.env.POTLUCK_FACTORY;
  if (address !== undefined && address !== "") {
    if (!/^0x[0-9a-fA-F]{40}$/.test(address)) throw new Error(`POTLUCK_FACTORY is not an address: ${address}`);
    return { address: address as `0x${string}`, startBlock: Number(process.env.POTLUCK_START_BLOCK ?? 0) };
  }
  const file = path.join(ROOT, "deployments", `${chainId}.json`);
  let record: { contracts?: { PoolFactory?: { address: `0x${string}`; blockNumber: number } } };
  try {
    record = JSON.parse(readFileSync(file, "utf8")) as typeof record;
  } catch {
    throw new Error(`No factory to index: set POTLUCK_FACTORY (and POTLUCK_START_BLOCK), or deploy so that ${path.relative(process.cwd(), file)} exists.`);
  }
  const f = record.contracts?.PoolFactory;
  if (f === undefined) throw new Error(`${file} has no PoolFactory.`);
  return { address: f.address, startBlock: f.blockNumber };
}

const { address, startBlock } = deployment();

export default createConfig({
  database: process.env.DATABASE_URL !== undefined && process.env.DATABASE_URL !== ""
    ? { kind: "postgres", connectionString: process.env.DATABASE_URL }
    : { kind: "pglite", directory: process.env.POTLUCK_PGLITE_DIR ?? path.join(ROOT, "indexer", ".ponder", "pglite") },
  chains: {
    potluck: {
      id: chainId,
      rpc,
      // A local node mines a block per transaction: poll it often, so the web app sees its own actions soon.
      pollingInterval: chainId === 31337 ? 500 : 2_000,
    },
  },
  contracts: {
    PoolFactory: { chain: "potluck", abi: poolFactoryEvents, address, startBlock },
    Pool: {
      chain: "potluck",
      abi: [...poolEvents, ...poolViews],
      address: factory({ address, event: getAbiItem({ abi: poolFactoryEvents, name: "PoolCreated" }), parameter: "pool" }),
      startBlock,
    },
  },
});
