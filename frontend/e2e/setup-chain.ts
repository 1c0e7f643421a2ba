// Prepares a fresh local chain for the browser test, run by `hardhat run` against the node the test started:
//
//   POTLUCK_E2E_RPC=http://127.0.0.1:PORT POTLUCK_E2E_OUT=DIR npx hardhat run frontend/e2e/setup-chain.ts
//
// 1. Deploys Potluck with scripts/lib/deploy.ts and seeds the demo with scripts/lib/seed.ts, writing the
//    deployment record and the web app's generated contracts file into DIR (never into the repository's
//    deployments/ or frontend/src/generated/, which `npm start` uses). If those scripts are missing, it
//    deploys the contracts itself with ethers and writes the generated file the same way.
// 2. Creates the story's own pool (so the story does not depend on the seed's contents): an ETH pool whose
//    maintainer is account #1, with two donors (#10, #11) whose gifts have matured.
//    POTLUCK_E2E_MINIMAL=1 forces that minimal deploy (no seed); POTLUCK_E2E_SEED=0 skips only the seed.
// 3. Writes DIR/setup.json: { chainId, storyPool, accounts }.
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import hre from "hardhat";

const HOUR = 3600;
const DAY = 24 * HOUR;
const url = process.env.POTLUCK_E2E_RPC;
const out = process.env.POTLUCK_E2E_OUT;
if (url === undefined || out === undefined) throw new Error("set POTLUCK_E2E_RPC and POTLUCK_E2E_OUT");
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const deploymentsDir = path.join(out, "deployments");
const frontendFile = path.join(out, "contracts.ts");
await mkdir(deploymentsDir, { recursive: true });

const connection = await hre.network.create({ network: "localhost", override: { url } });
const { ethers } = connection;
const chainId = Number(await connection.provider.request({ method: "eth_chainId" }));
const signers = await ethers.getSigners();
let factoryAddress: string;
let seeded = false;

const haveScripts = existsSync(path.join(root, "scripts", "lib", "deploy.ts")) && existsSync(path.join(root, "scripts", "lib", "seed.ts"));
if (haveScripts && process.env.POTLUCK_E2E_MINIMAL !== "1") {
  const { useSession } = await import("../../scripts/lib/session.js");
  const { deployPotluck } = await import("../../scripts/lib/deploy.js");
  const { seedDemo } = await import("../../scripts/lib/seed.js");
  useSession({ connection, deploymentsDir, frontendFile, out: (line: string) => console.log(`[setup] ${line}`) });
  const result = await deployPotluck(connection, { artifacts: hre.artifacts });
  factoryAddress = result.record!.contracts.PoolFactory.address;
  if (process.env.POTLUCK_E2E_SEED !== "0") {
    await seedDemo(connection, result.record!);
    seeded = true;
  }
} else {
  factoryAddress = await deployMinimal();
}

// ---------------------------------------------------------------- the story's pool
const factory = await ethers.getContractAt("PoolFactory", factoryAddress);
const metadata = { name: "Story Pool", description: "The browser test's pool: give, claim, object, step down, vote.", links: [] };
const tx = await factory.connect(signers[0]).createPool(
  {
    asset: ethers.ZeroAddress,
    maintainer: signers[1].address,
    metadataURI: `data:application/json,${encodeURIComponent(JSON.stringify(metadata))}`,
    epochLength: HOUR,
    claimDelay: 6 * HOUR,
    ruleChangeDelay: 2 * DAY,
    inactivityPeriod: 90 * DAY,
    vacancyPeriod: 30 * DAY,
    objectionQuorumBps: 6_000,
    electionQuorumBps: 2_500,
    recallThresholdBps: 3_000,
    inKindWeightBps: 0,
    weighting: 0,
  },
  [
    { name: "hosting", cap: ethers.parseEther("1"), period: 30 * DAY },
    { name: "stipend", cap: ethers.parseEther("3"), period: 30 * DAY },
  ],
);
const receipt = await tx.wait();
const created = receipt!.logs.map((l) => { try { return factory.interface.parseLog(l); } catch { return null; } }).find((e) => e?.name === "PoolCreated");
const storyPool = created!.args.pool as string;
const pool = await ethers.getContractAt("IPool", storyPool);
for (const donor of [signers[10], signers[11]]) {
  await (await pool.connect(donor).give(ethers.parseEther("1"), { value: ethers.parseEther("1") })).wait();
}
// Let the two gifts mature: move to the next epoch boundary (plus a minute).
const genesis = await pool.genesis();
const now = BigInt((await ethers.provider.getBlock("latest"))!.timestamp);
const next = genesis + ((now - genesis) / BigInt(HOUR) + 1n) * BigInt(HOUR) + 60n;
await connection.provider.request({ method: "evm_setNextBlockTimestamp", params: [Number(next)] });
await connection.provider.request({ method: "evm_mine", params: [] });

await writeFile(
  path.join(out, "setup.json"),
  JSON.stringify({ chainId, seeded, factory: factoryAddress, storyPool, accounts: signers.slice(0, 20).map((s) => s.address) }, null, 2),
);
console.log(`[setup] story pool ${storyPool}`);
await connection.close();

/** Without the deploy scripts: deploy the four contracts and write the generated file ourselves. */
async function deployMinimal(): Promise<string> {
  const deployer = signers[0];
  const blockOf = async (c: { deploymentTransaction(): { wait(): Promise<{ blockNumber: number } | null> } | null }) =>
    (await c.deploymentTransaction()!.wait())!.blockNumber;
  const extension = await ethers.deployContract("PoolExtension", [], deployer);
  const extBlock = await blockOf(extension);
  const implementation = await ethers.deployContract("Pool", [await extension.getAddress()], deployer);
  const implBlock = await blockOf(implementation);
  const poolFactory = await ethers.deployContract("PoolFactory", [await implementation.getAddress()], deployer);
  const factoryBlock = await blockOf(poolFactory);
  const musd = await ethers.deployContract("MockERC20", ["Mock USD", "mUSD", 6], deployer);
  const musdBlock = await blockOf(musd);
  const entry = (name: string, address: string, block: number) => `    ${name}: { address: "${address}", deployedOnBlock: ${block} },`;
  const abis = await Promise.all(["IPool", "PoolFactory", "MockERC20"].map(async (n) => (await hre.artifacts.readArtifact(n)).abi as readonly unknown[]));
  const text = [
    "// generated by frontend/e2e/setup-chain.ts — do not edit",
    "export const deployments = {",
    `  ${chainId}: {`,
    entry("PoolFactory", await poolFactory.getAddress(), factoryBlock),
    entry("Pool", await implementation.getAddress(), implBlock),
    entry("PoolExtension", await extension.getAddress(), extBlock),
    entry("MockUSD", await musd.getAddress(), musdBlock),
    "  },",
    "} as const;",
    "",
    "export type DeployedChainId = keyof typeof deployments;",
    "",
    `export const poolAbi = ${JSON.stringify(abis[0], null, 2)} as const;`,
    "",
    `export const poolFactoryAbi = ${JSON.stringify(abis[1], null, 2)} as const;`,
    "",
    `export const erc20Abi = ${JSON.stringify(abis[2], null, 2)} as const;`,
    "",
  ].join("\n");
  await writeFile(frontendFile, text);
  return poolFactory.getAddress();
}
