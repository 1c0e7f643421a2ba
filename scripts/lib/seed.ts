// The local demo: four pools with a day of history, so every screen of the web app and every task has
// something true to show. Runs only on the local Hardhat chain (it moves the clock and impersonates
// donors), and only once per chain: a chain that already has pools is left as it is.
//
//   Tiny Type Checker (ETH)         claims paid, rejected by objections, cancelled, pending (payable now
//                                   and in its challenge window, with one objection), a budget change in notice
//   Riverside Community Lab (mUSD)  quadratic weighting; two standing orders collected twice; a pledge of
//                                   laser-cutter time accepted with a delivery recorded, another offered;
//                                   a claim paid, one pending
//   The Margins (ETH)               the maintainer stepped down: three nominees with statements, votes cast,
//                                   voting epoch open
//   Retro Game Preservation Wiki    (mUSD) the seat stayed open, the pool wound down: a claim void, some
//                                   contributors reclaimed their share, others (account #0) still can
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { ContractTransactionResponse } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";
import type { ConfigStruct } from "../../types/ethers-contracts/Pool.js";
import type { IPool } from "../../types/ethers-contracts/index.js";
import { LOCAL_CHAIN_IDS, type DeploymentRecord } from "./deployments.js";
import { type AssetInfo, encodeMetadata, ETH, formatAmount, type PoolMetadata, PotluckError, statementUri, textReceiptUri } from "@potluck/core";
import { chainIdOf } from "./potluck.js";
import { session } from "./session.js";

const HOUR = 3600;
const DAY = 24 * HOUR;
const MUSD: AssetInfo = { address: "", symbol: "mUSD", decimals: 6 };

export interface SeedSummary {
  pools: Array<{ index: number; name: string; address: string; asset: string; story: string }>;
  accounts: Array<{ index: number; address: string; role: string }>;
  /** How far the chain's clock runs ahead of the wall clock after the seed's time travel, in seconds. */
  clockAheadSeconds: number;
  skipped: boolean;
}

/** Roles of the node's first accounts (the web app's demo logins). */
export const DEMO_ROLES: Record<number, string> = {
  0: "Demo donor (deployer): gave to every pool, can still reclaim from the wound-down wiki",
  1: "Ada: maintainer of Tiny Type Checker",
  2: "Grace: maintainer of Riverside Community Lab",
  3: "Linus: stepped down from The Margins (its election is voting)",
  4: "Rosa: nominee in The Margins' election, leading",
  5: "Sam: ran the Retro Game Preservation Wiki (wound down); nominee in The Margins",
  6: "Kofi: pledged laser-cutter time to Riverside Lab (accepted, one week delivered)",
  7: "Mei: standing order of 15 mUSD a day to Riverside Lab",
  8: "Omar: standing order of 10 mUSD a day to Riverside Lab",
  9: "Priya: objected to a claim; offered desk space to Riverside Lab (awaiting the maintainer)",
};

/** A small deterministic generator, so every seed tells the same story. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function receipt(text: string): { uri: string; bytes: Uint8Array } {
  const bytes = new TextEncoder().encode(text);
  return { uri: textReceiptUri(text), bytes };
}

export async function seedDemo(connection: NetworkConnection, deployment: DeploymentRecord): Promise<SeedSummary> {
  const { ethers, networkHelpers } = connection;
  const out = session().out;
  const chainId = await chainIdOf(connection);
  if (!LOCAL_CHAIN_IDS.includes(chainId)) {
    throw new PotluckError(`The demo seed runs only on the local Hardhat chain (chain ${LOCAL_CHAIN_IDS.join(", ")}); "${connection.networkName}" is chain ${chainId}.`);
  }
  const musdRecord = deployment.contracts.MockUSD;
  if (musdRecord === undefined) throw new PotluckError("The deployment has no MockUSD: deploy again on the local chain (`npx hardhat deploy`).");
  const factory = await ethers.getContractAt("PoolFactory", deployment.contracts.PoolFactory.address);
  const musd = await ethers.getContractAt("MockERC20", musdRecord.address);
  const signers = await ethers.getSigners();
  if (signers.length < 20) throw new PotluckError(`The demo needs the node's 20 funded accounts; this network has ${signers.length}.`);

  const existing = Number(await factory.poolCount());
  if (existing > 0) {
    out(`The demo is already seeded on this chain (${existing} pools): nothing to do. Restart the node for a fresh one.`);
    return { pools: [], accounts: demoAccounts(signers), clockAheadSeconds: 0, skipped: true };
  }

  const random = prng(20_240_917);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const eth = (text: string) => ethers.parseEther(text);
  const usd = (text: string) => ethers.parseUnits(text, 6);
  const ETH_GIFTS = ["0.005", "0.01", "0.01", "0.02", "0.025", "0.05", "0.05", "0.08", "0.1", "0.15", "0.25"];
  const USD_GIFTS = ["5", "10", "10", "15", "20", "25", "25", "40", "50", "75", "100", "150"];

  // Thirty more contributors beside the node's accounts: impersonated, funded with ETH and mUSD.
  const extra: HardhatEthersSigner[] = [];
  for (let i = 0; i < 30; i++) {
    const address = ethers.getAddress(`0x${ethers.id(`potluck demo donor ${i}`).slice(26)}`);
    await networkHelpers.setBalance(address, eth("20"));
    extra.push(await ethers.getImpersonatedSigner(address));
  }
  const s = signers;
  const [deployer, ada, grace, linus, rosa, sam, kofi, mei, omar, priya] = s;
  const tokenHolders = [...s, ...extra];
  for (const holder of tokenHolders) await send(musd.mint(holder.address, usd("5000")));

  const started = BigInt((await ethers.provider.getBlock("latest"))!.timestamp);

  // ------------------------------------------------------------ the pools
  const created: Array<{ pool: IPool; name: string; asset: string; story: string }> = [];
  async function createPool(metadata: PoolMetadata, story: string, config: Omit<ConfigStruct, "metadataURI">, lines: Array<{ name: string; cap: bigint; period: number }>): Promise<IPool> {
    const tx = await factory.connect(deployer).createPool({ ...config, metadataURI: encodeMetadata(metadata) }, lines);
    const rc = await tx.wait();
    const event = rc!.logs.map((l) => { try { return factory.interface.parseLog(l); } catch { return null; } }).find((e) => e?.name === "PoolCreated");
    const pool = await ethers.getContractAt("IPool", event!.args.pool as string);
    created.push({ pool, name: metadata.name, asset: config.asset === ethers.ZeroAddress ? "ETH" : "mUSD", story });
    return pool;
  }
  const base = { claimDelay: 6 * HOUR, ruleChangeDelay: 2 * DAY, inactivityPeriod: 90 * DAY, vacancyPeriod: 30 * DAY, inKindWeightBps: 0, weighting: 0 };

  const typeChecker = await createPool(
    {
      name: "Tiny Type Checker",
      description: "A small, fast type checker for JavaScript projects that cannot adopt TypeScript. Funds pay for hosting the docs and playground, CI runners, and a modest stipend for the maintainer.",
      links: ["https://example.org/tiny-type-checker", "https://example.org/tiny-type-checker/roadmap"],
    },
    "claims in every state, a budget change in notice",
    { ...base, asset: ethers.ZeroAddress, maintainer: ada.address, epochLength: HOUR, objectionQuorumBps: 2_000, electionQuorumBps: 2_500, recallThresholdBps: 3_000 },
    [
      { name: "hosting", cap: eth("0.3"), period: 30 * DAY },
      { name: "CI runners", cap: eth("0.2"), period: 30 * DAY },
      { name: "maintainer stipend", cap: eth("2"), period: 30 * DAY },
    ],
  );
  const lab = await createPool(
    {
      name: "Riverside Community Lab",
      description: "A neighbourhood electronics and repair lab. Members carry the rent together; peers lend machine time and desk space.",
      links: ["https://example.org/riverside-lab"],
    },
    "standing orders, pledges in kind, quadratic weighting",
    { ...base, asset: musdRecord.address, maintainer: grace.address, epochLength: HOUR, claimDelay: 12 * HOUR, ruleChangeDelay: 3 * DAY, inactivityPeriod: 60 * DAY, objectionQuorumBps: 2_500, electionQuorumBps: 3_000, recallThresholdBps: 3_500, inKindWeightBps: 5_000, weighting: 1 },
    [
      { name: "rent", cap: usd("800"), period: 30 * DAY },
      { name: "tools & consumables", cap: usd("200"), period: 30 * DAY },
      { name: "insurance", cap: usd("60"), period: 30 * DAY },
    ],
  );
  const zine = await createPool(
    {
      name: "The Margins",
      description: "A quarterly photocopied zine of local writing and drawings. The editor stepped down; contributors are electing the next one.",
      links: ["https://example.org/the-margins"],
    },
    "maintainer stepped down, election voting",
    { ...base, asset: ethers.ZeroAddress, maintainer: linus.address, epochLength: 8 * HOUR, claimDelay: DAY, ruleChangeDelay: 3 * DAY, inactivityPeriod: 60 * DAY, vacancyPeriod: 14 * DAY, objectionQuorumBps: 2_000, electionQuorumBps: 2_000, recallThresholdBps: 3_000 },
    [
      { name: "printing", cap: eth("0.4"), period: 30 * DAY },
      { name: "postage", cap: eth("0.1"), period: 30 * DAY },
    ],
  );
  const wiki = await createPool(
    {
      name: "Retro Game Preservation Wiki",
      description: "Server costs for a wiki documenting out-of-print games. Nobody took over when the admin left, so the pool wound down and contributors are reclaiming what was left.",
      links: ["https://example.org/retro-wiki"],
    },
    "wound down, contributors reclaiming",
    { ...base, asset: musdRecord.address, maintainer: sam.address, epochLength: HOUR, vacancyPeriod: 2 * HOUR, inactivityPeriod: 30 * DAY, objectionQuorumBps: 2_000, electionQuorumBps: 5_000, recallThresholdBps: 3_000 },
    [{ name: "server", cap: usd("40"), period: 30 * DAY }],
  );

  // ------------------------------------------------------------ helpers
  // The local chain mines each transaction as it is sent (automine), so the response is enough: a revert
  // throws at sending.
  async function send(tx: Promise<ContractTransactionResponse>): Promise<void> {
    await tx;
  }
  const approved = new Set<string>();
  async function give(pool: IPool, donor: HardhatEthersSigner, amount: bigint) {
    if ((await pool.asset()) === ethers.ZeroAddress) {
      await send(pool.connect(donor).give(amount, { value: amount }));
      return;
    }
    const key = `${await pool.getAddress()}:${donor.address}`;
    if (!approved.has(key)) {
      await send(musd.connect(donor).approve(await pool.getAddress(), ethers.MaxUint256));
      approved.add(key);
    }
    await send(pool.connect(donor).give(amount));
  }
  async function round(pool: IPool, donors: HardhatEthersSigner[], share: number) {
    const token = (await pool.asset()) !== ethers.ZeroAddress;
    let count = 0;
    for (const donor of donors) {
      if (random() > share) continue;
      await give(pool, donor, token ? usd(pick(USD_GIFTS)) : eth(pick(ETH_GIFTS)));
      count += 1;
    }
    return count;
  }
  async function epochStart(pool: IPool, epoch: number): Promise<bigint> {
    return (await pool.genesis()) + BigInt(epoch) * (await pool.epochLength());
  }
  async function travelTo(timestamp: bigint) {
    const now = BigInt(await networkHelpers.time.latest());
    if (timestamp > now) await networkHelpers.time.increaseTo(timestamp);
  }
  /** Files a claim; returns its id, which is the receipt's hash. */
  async function fileClaim(pool: IPool, maintainer: HardhatEthersSigner, line: number, amount: bigint, text: string): Promise<bigint> {
    const r = receipt(text);
    const hash = ethers.keccak256(r.bytes);
    await send(pool.connect(maintainer).fileClaim(line, amount, maintainer.address, hash, r.uri));
    return BigInt(hash);
  }
  /** Contributors object, heaviest first, until the claim is rejected (or `until` objectors). */
  async function objectUntilRejected(pool: IPool, claimId: bigint, contributors: HardhatEthersSigner[]) {
    const weights = await Promise.all(contributors.map(async (c) => ({ c, w: await pool.weightOf(c.address) })));
    weights.sort((a, b) => (b.w > a.w ? 1 : b.w < a.w ? -1 : 0));
    for (const { c, w } of weights) {
      if (w === 0n) continue;
      await send(pool.connect(c).object(claimId));
      const [, status] = await pool.claim(claimId);
      if (status === 3n) return;
    }
    throw new Error(`seed: objections did not reject claim ${claimId}`);
  }

  // Who gives where (a contributor may give to several pools).
  const typeCheckerDonors = [deployer, priya, ...s.slice(10, 20), ...extra.slice(0, 16)];
  const labDonors = [deployer, rosa, kofi, ...s.slice(10, 16), ...extra.slice(10, 23)];
  const zineDonors = [deployer, rosa, ...s.slice(10, 20), ...extra.slice(20, 26)];
  const wikiDonors = [deployer, ...s.slice(16, 20), ...extra.slice(25, 30)];

  // ------------------------------------------------------------ hour 0: first gifts, orders, pledges
  out("Seeding the demo: four pools and a day of history…");
  let gifts = 0;
  await give(typeChecker, deployer, eth("0.5"));
  await give(lab, deployer, usd("100"));
  await give(zine, deployer, eth("0.2"));
  await give(wiki, deployer, usd("50"));
  gifts += 4;
  gifts += await round(typeChecker, typeCheckerDonors.slice(1), 1);
  gifts += await round(lab, labDonors.slice(1), 1);
  gifts += await round(zine, zineDonors.slice(1), 1);
  gifts += await round(wiki, wikiDonors.slice(1), 1);

  for (const [donor, amount] of [[mei, "15"], [omar, "10"]] as const) {
    await send(musd.connect(donor).approve(await lab.getAddress(), usd("1000")));
    await send(lab.connect(donor).subscribe(usd(amount), DAY));
    await send(lab.connect(deployer).collect(donor.address));
  }
  await send(lab.connect(kofi).pledge("Laser cutter time: 4 hours every week, material not included", usd("40"), 7 * DAY, 12));
  await send(lab.connect(grace).acceptPledge(0));
  await send(lab.connect(priya).pledge("A desk with a monitor and a soldering station, Tuesdays", usd("25"), 7 * DAY, 8));

  const zineClaim = await fileClaim(zine, linus, 0, eth("0.25"), "Copy Corner invoice #4471: 300 copies of issue 13, 24 pages, stapled. Total 0.25 ETH.");
  await fileClaim(wiki, sam, 0, usd("30"), "VPS invoice for the wiki server, next month: 30 mUSD.");
  await send(wiki.connect(sam).stepDown());

  // ------------------------------------------------------------ hour 1: claims, objections
  await travelTo((await epochStart(typeChecker, 1)) + 60n);
  const paidClaim = await fileClaim(typeChecker, ada, 0, eth("0.25"), "Hetzner invoice R0038817: docs and playground hosting, CX22 + 40 GB volume, 3 months. 0.25 ETH.");
  const rejectedClaim = await fileClaim(typeChecker, ada, 2, eth("1.8"), "Maintainer stipend, three months in advance.");
  await objectUntilRejected(typeChecker, rejectedClaim, typeCheckerDonors);
  const cancelledClaim = await fileClaim(typeChecker, ada, 1, eth("0.15"), "GitHub Actions minutes, October (filed twice by mistake).");
  await send(typeChecker.connect(ada).cancelClaim(cancelledClaim));
  const labPaidClaim = await fileClaim(lab, grace, 1, usd("120"), "Two soldering stations and a box of solder, receipt 2231 from Parts & Co. 120 mUSD.");
  gifts += await round(typeChecker, typeCheckerDonors, 0.4);
  gifts += await round(lab, labDonors, 0.35);

  // ------------------------------------------------------------ hour 3: the wiki winds down
  await travelTo((await epochStart(wiki, 3)) + 60n);
  await send(wiki.connect(s[16]).windDown());
  for (const donor of wikiDonors.slice(1, 6)) await send(wiki.connect(donor).reclaim());
  gifts += await round(typeChecker, typeCheckerDonors, 0.3);

  // ------------------------------------------------------------ hour 7: a claim is paid
  await travelTo((await typeChecker.claim(paidClaim))[0].payableAt + 120n);
  await send(typeChecker.connect(deployer).payClaim(paidClaim));
  gifts += await round(typeChecker, typeCheckerDonors, 0.3);
  gifts += await round(lab, labDonors, 0.3);

  // ------------------------------------------------------------ hour 8: the zine's second epoch
  await travelTo((await epochStart(zine, 1)) + 120n);
  gifts += await round(zine, zineDonors, 0.55);

  // ------------------------------------------------------------ hour 13: the lab pays, records a delivery
  await travelTo((await lab.claim(labPaidClaim))[0].payableAt + 120n);
  await send(lab.connect(kofi).payClaim(labPaidClaim));
  await send(lab.connect(grace).recordDelivery(0, 1));
  gifts += await round(lab, labDonors, 0.3);

  // ------------------------------------------------------------ hour 16: the zine's editor steps down
  await travelTo((await epochStart(zine, 2)) + 120n);
  await send(zine.connect(linus).stepDown());
  // Candidates with statements (CandidateStatement events): a nominator's, a candidate's own, and one a
  // candidate states after someone else nominated them.
  await send(zine.connect(s[12]).nominateWithStatement(rosa.address, "Rosa Okafor",
    statementUri("Co-edited issues 9 to 12 and runs the open-mic nights at the library. Wants a spring issue on the river walk.")));
  await send(zine.connect(s[13]).nominate(sam.address));
  await send(zine.connect(sam).describeCandidacy("Sam Lindqvist",
    statementUri("Laid out every issue since 2021; would keep the quarterly schedule and move printing to the co-op.")));
  await send(zine.connect(s[11]).nominateWithStatement(s[11].address, "Jun Park", statementUri("Contributor since issue 3. Would open a drawings section.")));
  gifts += await round(zine, zineDonors, 0.35);

  // ------------------------------------------------------------ hour 18: a claim that will be payable
  await travelTo((await epochStart(typeChecker, 18)) + 60n);
  await fileClaim(typeChecker, ada, 2, eth("0.6"), "Maintainer stipend, October: release 0.9 (incremental checking), 41 issues triaged.");

  // ------------------------------------------------------------ hour 24: the zine votes; fresh activity
  const votingStartsAt = (await zine.election())[2];
  await travelTo(votingStartsAt + 300n);
  await send(zine.connect(deployer).payClaim(zineClaim));
  const ballots: Array<[HardhatEthersSigner, string]> = [
    [s[10], rosa.address], [s[12], rosa.address], [s[14], rosa.address], [rosa, rosa.address], [s[15], rosa.address],
    [s[13], sam.address], [s[16], sam.address], [s[11], s[11].address],
  ];
  for (const [voter, candidate] of ballots) {
    if ((await zine.weightOf(voter.address)) > 0n) await send(zine.connect(voter).vote(candidate));
  }
  for (const donor of [mei, omar]) await send(lab.connect(deployer).collect(donor.address));
  gifts += await round(typeChecker, typeCheckerDonors, 0.35);
  await fileClaim(lab, grace, 2, usd("55"), "Liability insurance, monthly premium, policy RL-2231. 55 mUSD.");
  const openClaim = await fileClaim(typeChecker, ada, 0, eth("0.04"), "Domain renewal tinytypecheck.example, 2 years. 0.04 ETH.");
  await send(typeChecker.connect(priya).object(openClaim));
  await send(typeChecker.connect(ada).proposeBudgetChange(3, "documentation sprint", eth("0.5"), 30 * DAY));

  const ended = BigInt((await ethers.provider.getBlock("latest"))!.timestamp);
  const summary: SeedSummary = {
    pools: await Promise.all(created.map(async (c, index) => ({ index, name: c.name, address: await c.pool.getAddress(), asset: c.asset, story: c.story }))),
    accounts: demoAccounts(signers),
    clockAheadSeconds: Math.max(0, Number(ended) - Math.floor(Date.now() / 1000)),
    skipped: false,
  };
  const contributors = new Set([...typeCheckerDonors, ...labDonors, ...zineDonors, ...wikiDonors, mei, omar].map((d) => d.address)).size;
  out(`Seeded ${created.length} pools: ${gifts} gifts from ${contributors} contributors over ${formatHours(Number(ended - started))} of chain time.`);
  for (const p of summary.pools) out(`  #${p.index}  ${p.name.padEnd(30)} ${p.asset.padEnd(5)} ${p.address}  ${p.story}`);
  const balances = await Promise.all(created.map(async (c) => formatAmount(await c.pool.balance(), c.asset === "ETH" ? ETH : MUSD, { maxDecimals: 4 })));
  out(`  balances: ${balances.join(", ")}`);
  if (summary.clockAheadSeconds > 60) {
    out(`  The seed moved the chain's clock: it now runs ${formatHours(summary.clockAheadSeconds)} ahead of this computer's.`);
  }
  return summary;
}

function formatHours(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return h > 0 ? `${h}h ${m}m` : `${m}m`;
}

function demoAccounts(signers: HardhatEthersSigner[]): SeedSummary["accounts"] {
  return signers.slice(0, 10).map((signer, index) => ({ index, address: signer.address, role: DEMO_ROLES[index] ?? "donor" }));
}
