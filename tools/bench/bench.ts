// Gas benchmark: deploys Potluck on the in-process network, measures each operation's gasUsed from its
// receipt, measures the per-user operations again with 1,000 earlier contributors (and 1,000 earlier
// claims, 100 candidates) to show their cost does not grow, checks the budgets below, prints a table and
// the bytecode sizes, and writes bench/gas.json. Exits non-zero when a budget is exceeded.
import { mkdir, writeFile } from "node:fs/promises";
import { network } from "hardhat";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { ContractTransactionResponse } from "ethers";
import { PERMIT_TYPES } from "@potluck/core";
import {
  DAY,
  ETH,
  EPOCH,
  createPool,
  defaultConfig,
  defaultLines,
  asIPool,
  deployPotluck,
  nextEpoch,
} from "../../test/helpers/potluck.js";
import type { IPool } from "../../types/ethers-contracts/index.js";

/** Gas budgets from the issues: an operation over its budget fails the bench. */
const BUDGETS: Record<string, number> = {
  createPool: 300_000,
  "give.eth.first": 58_000,
  "give.eth.repeat": 40_000,
  "give.erc20.repeat": 65_000,
  fileClaim: 110_000,
  object: 62_000, // issue 13: a void claim stays void (the seat is read too)
  "payClaim.eth": 50_000,
  vote: 60_000,
  reclaim: 50_000,
  collect: 70_000,
};
/** An operation measured at scale may cost at most this much more than at small scale (warm vs cold noise). */
const FLAT_TOLERANCE = 200;
const SIZE_LIMIT = 24_576;

const { ethers, networkHelpers } = await network.create();
const gas: Record<string, number> = {};

async function measure(name: string, tx: Promise<ContractTransactionResponse>) {
  const receipt = await (await tx).wait();
  gas[name] = Number(receipt!.gasUsed);
}

async function donors(count: number, tag: number): Promise<HardhatEthersSigner[]> {
  const out: HardhatEthersSigner[] = [];
  for (let i = 0; i < count; i++) {
    const address = ethers.getAddress(`0x${(tag * 1_000_000 + i + 1).toString(16).padStart(40, "0")}`);
    await networkHelpers.setBalance(address, 10n ** 24n);
    out.push(await ethers.getImpersonatedSigner(address));
  }
  return out;
}

const [deployer, maintainer, alice, bob, carol, payee] = await ethers.getSigners();
const { implementation, factory } = await deployPotluck(ethers);
const token = await ethers.deployContract("MockERC20", ["Test USD", "TUSD", 18]);
const tokenAddress = await token.getAddress();

// --- creation (the factory's first pool also creates its registry's length slot: measured apart)
await measure("createPool.factoryFirst", factory.createPool(defaultConfig(maintainer.address), defaultLines()));
await measure("createPool", factory.createPool(defaultConfig(maintainer.address), [
  { name: "hosting", cap: 2n * ETH, period: 30n * DAY },
  { name: "maintainer stipend", cap: 10n * ETH, period: 30n * DAY },
]));
const config = defaultConfig(maintainer.address);
const ethPool = await createPool(factory, deployer, config);
const tokenPool = await createPool(factory, deployer, defaultConfig(maintainer.address, { asset: tokenAddress }));
const quadPool = await createPool(factory, deployer, defaultConfig(maintainer.address, { weighting: 1 }));

// --- giving, small pool
const gift = ETH / 100n;
// The very first gift to a pool also creates its totals slot; a donor's first gift is measured after it.
await measure("give.eth.poolFirst", ethPool.connect(carol).give(gift, { value: gift }));
await measure("give.eth.first", ethPool.connect(alice).give(gift, { value: gift }));
await measure("give.quadratic.first", quadPool.connect(alice).give(gift, { value: gift }));
await nextEpoch(ethPool, networkHelpers);
await measure("give.eth.repeat", ethPool.connect(alice).give(gift, { value: gift }));
await measure("give.quadratic.repeat", quadPool.connect(alice).give(gift, { value: gift }));
await nextEpoch(ethPool, networkHelpers);
await measure("give.eth.receive.repeat", alice.sendTransaction({ to: await ethPool.getAddress(), value: gift }) as never);

for (const who of [alice, bob, carol]) {
  await token.mint(who.address, 1_000n * ETH);
  await token.connect(who).approve(await tokenPool.getAddress(), ethers.MaxUint256);
}
await tokenPool.connect(carol).give(gift);
await measure("give.erc20.first", tokenPool.connect(alice).give(gift));
await nextEpoch(tokenPool, networkHelpers);
await measure("give.erc20.repeat", tokenPool.connect(alice).give(gift));

async function permit(owner: HardhatEthersSigner, spender: string, value: bigint) {
  const deadline = BigInt((await ethers.provider.getBlock("latest"))!.timestamp) + 3600n;
  const { chainId } = await ethers.provider.getNetwork();
  const signature = await owner.signTypedData(
    { name: await token.name(), version: "1", chainId, verifyingContract: tokenAddress },
    { Permit: [...PERMIT_TYPES.Permit] }, // ethers wants mutable arrays
    { owner: owner.address, spender, value, nonce: await token.nonces(owner.address), deadline },
  );
  const { v, r, s } = ethers.Signature.from(signature);
  return { deadline, v, r, s };
}
await token.connect(bob).approve(await tokenPool.getAddress(), 0n);
{
  const p = await permit(bob, await tokenPool.getAddress(), gift);
  await measure("giveWithPermit", tokenPool.connect(bob).giveWithPermit(gift, p.deadline, p.v, p.r, p.s));
}

// --- giving with 1,000 earlier contributors
const crowd = await donors(1000, 1);
for (const who of crowd) {
  await ethPool.connect(who).give(gift, { value: gift });
  await token.mint(who.address, gift);
  await token.connect(who).approve(await tokenPool.getAddress(), gift);
  await tokenPool.connect(who).give(gift);
}
await nextEpoch(ethPool, networkHelpers);
const [newcomer, newcomer2] = await donors(2, 2);
await measure("give.eth.first@1000", ethPool.connect(newcomer).give(gift, { value: gift }));
await measure("give.eth.repeat@1000", ethPool.connect(crowd[500]).give(gift, { value: gift }));
await measure("give.eth.receive.repeat@1000", crowd[501].sendTransaction({ to: await ethPool.getAddress(), value: gift }) as never);
await token.mint(newcomer2.address, 10n * ETH);
await token.connect(newcomer2).approve(await tokenPool.getAddress(), ethers.MaxUint256);
await measure("give.erc20.first@1000", tokenPool.connect(newcomer2).give(gift));
await measure("give.erc20.repeat@1000", tokenPool.connect(alice).give(gift));

// --- claims, in a fresh pool with three matured donors
async function claimsPool(extraContributors: HardhatEthersSigner[], earlierClaims: number) {
  const pool = await createPool(factory, deployer, config, [{ name: "everything", cap: 10_000n * ETH, period: 30n * DAY }]);
  for (const who of [alice, bob]) await pool.connect(who).give(ETH, { value: ETH });
  await pool.connect(carol).give(gift, { value: gift }); // small: carol's objection does not reach quorum
  for (const who of extraContributors) await pool.connect(who).give(gift, { value: gift });
  await nextEpoch(pool, networkHelpers);
  for (let i = 0; i < earlierClaims; i++) {
    await pool.connect(maintainer).fileClaim(0, 1n, payee.address, ethers.id(`r${i}`), "ipfs://r");
  }
  return pool;
}
async function claimOps(pool: IPool, suffix: string) {
  // A claim's id is its receipt hash (a real one: 32 non-zero-ish bytes of calldata for object and payClaim).
  const receipt = ethers.id("receipt");
  const id = BigInt(receipt);
  await measure(`fileClaim${suffix}`, pool.connect(maintainer).fileClaim(0, ETH / 10n, payee.address, receipt, "ipfs://bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku"));
  await measure(`object${suffix}`, pool.connect(carol).object(id));
  await networkHelpers.time.increase(3n * DAY + 1n);
  await measure(`payClaim.eth${suffix}`, pool.payClaim(id));
  await measure(`proposeChange${suffix}`, asIPool(pool).connect(maintainer).proposeBudgetChange(0, "everything", 20_000n * ETH, 30n * DAY));
}
await claimOps(await claimsPool([], 0), "");
await claimOps(await claimsPool(crowd, 1000), "@1000");

// --- succession: step down, 100 candidates, 1,000 voters, finalize
async function election(voters: HardhatEthersSigner[], candidates: number, suffix: string) {
  const pool = await createPool(factory, deployer, config);
  for (const who of [alice, bob, carol, ...voters]) await pool.connect(who).give(gift, { value: gift });
  await nextEpoch(pool, networkHelpers);
  await pool.connect(maintainer).stepDown();
  const others = await donors(Math.max(candidates - 1, 0), 3 + candidates);
  for (const c of others) await pool.connect(alice).nominate(c.address);
  await measure(`nominate${suffix}`, pool.connect(bob).nominate(carol.address));
  // A statement as the demo's candidates make them: a name and a short data: text (the UI's typical case).
  const uri = `data:text/plain;charset=utf-8;base64,${Buffer.from("Kept the books for three years; would publish them monthly.").toString("base64")}`;
  await measure(`nominateWithStatement${suffix}`, pool.connect(bob).nominateWithStatement(payee.address, "Pat Payee", uri));
  await measure(`describeCandidacy${suffix}`, pool.connect(carol).describeCandidacy("Carol", uri));
  const [, , startsAt] = await pool.election();
  await networkHelpers.time.increaseTo(startsAt);
  for (const [i, v] of voters.entries()) await pool.connect(v).vote(i % 2 === 0 ? carol.address : others[i % others.length]?.address ?? carol.address);
  await measure(`vote${suffix}`, pool.connect(alice).vote(carol.address));
  await pool.connect(bob).vote(carol.address);
  await networkHelpers.time.increase(EPOCH);
  await measure(`finalizeElection${suffix}`, pool.finalizeElection());
  return pool;
}
await election([], 1, "");
await election(crowd, 100, "@1000");

// --- recall petition, wind-down, reclaim
{
  const pool = await createPool(factory, deployer, config);
  for (const who of [alice, bob, carol]) await pool.connect(who).give(ETH, { value: ETH });
  await nextEpoch(pool, networkHelpers);
  await measure("petitionRecall", pool.connect(alice).petitionRecall());
  await measure("heartbeat", pool.connect(maintainer).heartbeat());
  await pool.connect(maintainer).stepDown();
  await networkHelpers.time.increase(61n * DAY);
  await measure("windDown", pool.windDown());
  await measure("reclaim", pool.connect(alice).reclaim());
}
{
  const pool = await createPool(factory, deployer, config);
  for (const who of [alice, bob, carol, ...crowd]) await pool.connect(who).give(gift, { value: gift });
  await nextEpoch(pool, networkHelpers);
  await measure("petitionRecall@1000", pool.connect(alice).petitionRecall());
  await pool.connect(maintainer).stepDown();
  await networkHelpers.time.increase(61n * DAY);
  await measure("windDown@1000", pool.windDown());
  await measure("reclaim@1000", pool.connect(crowd[999]).reclaim());
}

// --- recurring gifts and pledges (served by the extension through the pool's fallback)
{
  const pool = asIPool(await createPool(factory, deployer, defaultConfig(maintainer.address, { asset: tokenAddress, inKindWeightBps: 5_000 })));
  const poolAddress = await pool.getAddress();
  const monthly = 20n * ETH;
  for (const who of [alice, bob]) await token.connect(who).approve(poolAddress, ethers.MaxUint256);
  await measure("subscribe", pool.connect(alice).subscribe(monthly, 30n * DAY));
  await pool.connect(bob).subscribe(monthly, 30n * DAY);
  await pool.collect(bob.address);
  await measure("collect.first", pool.collect(alice.address));
  await networkHelpers.time.increase(30n * DAY);
  await measure("collect", pool.collect(alice.address));
  const subscribers = crowd.slice(0, 1000);
  for (const who of subscribers) {
    await token.mint(who.address, 3n * monthly);
    await token.connect(who).approve(poolAddress, ethers.MaxUint256);
    await pool.connect(who).subscribe(monthly, 30n * DAY);
    await pool.collect(who.address);
  }
  await networkHelpers.time.increase(30n * DAY);
  await pool.collect(bob.address);
  await measure("collect@1000", pool.collect(alice.address));
  await measure("pledge", pool.connect(carol).pledge("4 idle cores of a build machine, nights and weekends", 50n * ETH, 30n * DAY, 12));
  await measure("acceptPledge", pool.connect(maintainer).acceptPledge(0));
  await measure("recordDelivery", pool.connect(maintainer).recordDelivery(0, 1));
  await networkHelpers.time.increase(30n * DAY);
  await measure("recordDelivery.repeat", pool.connect(maintainer).recordDelivery(0, 1));
}

// --- report
const sizes: Record<string, number> = {};
for (const name of ["Pool", "PoolExtension", "PoolFactory"]) {
  const artifact = (await import(`../../artifacts/contracts/${name}.sol/${name}.json`, { with: { type: "json" } })) as {
    default: { deployedBytecode: string };
  };
  sizes[name] = (artifact.default.deployedBytecode.length - 2) / 2;
}

const failures: string[] = [];
console.log("\nGas per operation (gasUsed, including the 21,000 of a transaction)\n");
console.log(`${"operation".padEnd(30)}${"gas".padStart(10)}${"budget".padStart(10)}  note`);
for (const [name, used] of Object.entries(gas)) {
  const base = name.replace(/@\d+$/, "");
  const budget = BUDGETS[base];
  let note = "";
  if (budget !== undefined && used > budget) {
    note = "OVER BUDGET";
    failures.push(`${name}: ${used} > ${budget}`);
  }
  if (name.includes("@") && gas[base] !== undefined && used > gas[base] + FLAT_TOLERANCE) {
    note = `${note} grows by ${used - gas[base]}`.trim();
    if (!["nominate", "vote", "finalizeElection"].includes(base)) failures.push(`${name} grows: ${used} vs ${gas[base]}`);
  }
  console.log(`${name.padEnd(30)}${used.toLocaleString("en-US").padStart(10)}${(budget?.toLocaleString("en-US") ?? "").padStart(10)}  ${note}`);
}
console.log("\nBytecode size (EIP-170 limit 24,576 bytes)\n");
for (const [name, size] of Object.entries(sizes)) {
  const headroom = SIZE_LIMIT - size;
  console.log(`${name.padEnd(30)}${size.toLocaleString("en-US").padStart(10)}  ${headroom >= 0 ? `${headroom.toLocaleString("en-US")} left` : "OVER THE LIMIT"}`);
  if (headroom < 0) failures.push(`${name} is ${size} bytes`);
}
await mkdir("bench", { recursive: true });
await writeFile("bench/gas.json", `${JSON.stringify(gas, null, 2)}\n`);
await writeFile("bench/sizes.json", `${JSON.stringify(sizes, null, 2)}\n`);
console.log("\nwrote bench/gas.json and bench/sizes.json");
void implementation;
if (failures.length > 0) {
  console.error(`\n${failures.length} budget(s) exceeded:\n  ${failures.join("\n  ")}`);
  process.exitCode = 1;
}
