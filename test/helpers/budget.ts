// Set-up shared by the budget tests (test/pool/budget.test.ts: lines and claims) and the change tests
// (test/pool/changes.test.ts: proposals): the default pool's lines and rules, its matured donors, and helpers
// that file claims, propose and apply changes, run a recall and wind the pool down. `budgetKit` binds them
// to a test file's own network connection.
import { expect } from "chai";
import { id, type ContractTransactionReceipt } from "ethers";
import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { NetworkHelpers } from "@nomicfoundation/hardhat-network-helpers/types";
import type { ConfigStruct } from "../../types/ethers-contracts/Pool.js";
import type { RulesStruct } from "../../types/ethers-contracts/interfaces/IPool.sol/IPool.js";
import type {
  BlocklistToken,
  FalseReturningToken,
  HookToken,
  IPool,
  MockERC20,
  NoReturnToken,
} from "../../types/ethers-contracts/index.js";
import { chain, list } from "./chain.js";
import { BPS, DAY, ETH, SeatStatus, claimIdOf, createPool, defaultConfig, deployPotluck, nextEpoch } from "./potluck.js";

// ---------------------------------------------------------------- constants mirrored from the contracts

export const MAX_LINES = 256n; // PoolBudget.MAX_LINES
export const MAX_NAME_LENGTH = 64; // PoolBudget.MAX_NAME_LENGTH, bytes
export const NEW_LINE = 65_535n; // PoolChanges.NEW_LINE: a proposal's line before the new line gets its id
export const GasMode = { Off: 0, BurnGas: 1, ReturnBomb: 2, RevertBomb: 3 } as const; // GasGriefingPayee.Mode
export const GUARD_ERROR = id("ReentrancyGuardReentrantCall()").slice(0, 10); // OpenZeppelin's guard

// ---------------------------------------------------------------- the default pool (test/helpers/potluck.ts)

export const HOSTING = 0n; // "hosting", 2 ETH per 30 days
export const STIPEND = 1n; // "maintainer stipend", 10 ETH per 30 days
export const HOSTING_CAP = 2n * ETH;
export const STIPEND_CAP = 10n * ETH;
export const LINE_PERIOD = 30n * DAY;
export const CLAIM_DELAY = 3n * DAY;
export const RULE_CHANGE_DELAY = 7n * DAY;
export const VACANCY_PERIOD = 60n * DAY;
export { DEFAULT_RULES } from "./potluck.js";

// The donors of the main fixture, matured: 40 ETH of weight, so the objection bar (20%) is 8 ETH.
// Alice and Carol together reach it (10 ETH); neither alone does; Bob alone does, and can start a recall (30%).
export const ALICE = 6n * ETH;
export const BOB = 30n * ETH;
export const CAROL = 4n * ETH;
export const TOTAL = ALICE + BOB + CAROL;
export const BAR = (TOTAL * 2_000n) / BPS; // 8 ETH, exact

export const TUSD = 10n ** 18n; // one unit of the 18-decimal test tokens

export const receiptHash = (label: string) => id(`receipt: ${label}`);
export const receiptURI = (label: string) => `ipfs://bafybeihostinginvoice/${label}.pdf`;

export function rulesList(r: RulesStruct): bigint[] {
  return [
    r.claimDelay,
    r.ruleChangeDelay,
    r.inactivityPeriod,
    r.vacancyPeriod,
    r.objectionQuorumBps,
    r.electionQuorumBps,
    r.recallThresholdBps,
  ].map((v) => BigInt(v));
}

/** Memory expansion gas for `bytes` bytes (yellow paper): what a return bomb costs whoever copies it. */
export function memoryGas(bytes: bigint): bigint {
  const words = (bytes + 31n) / 32n;
  return 3n * words + (words * words) / 512n;
}

export function logsOf(receipt: ContractTransactionReceipt, pool: IPool, name: string): unknown[][] {
  const address = (pool.target as string).toLowerCase();
  return receipt.logs
    .filter((log) => log.address.toLowerCase() === address)
    .map((log) => pool.interface.parseLog(log))
    .filter((parsed) => parsed?.name === name)
    .map((parsed) => list(parsed!.args));
}

/** The budget tests' helpers and fixtures, bound to `ethers` and `networkHelpers` of one connection. */
export function budgetKit(ethers: HardhatEthers, networkHelpers: NetworkHelpers) {
  const { time } = networkHelpers;
  const { at, minedAt, give, windDown: windDownPool } = chain(ethers, networkHelpers);

  /**
   * Files a claim as `maintainer` and returns its id (its receipt hash), its number, the filing time and its
   * payableAt. A receipt backs one claim only, so the default label is the claim's number: distinct in a pool.
   */
  async function file(
    pool: IPool,
    maintainer: HardhatEthersSigner,
    line: bigint,
    amount: bigint,
    payee: string,
    label?: string,
  ) {
    const number = await pool.claimCount();
    const tag = label ?? `invoice ${number}`;
    const id = claimIdOf(receiptHash(tag));
    const filedAt = await minedAt(pool.connect(maintainer).fileClaim(line, amount, payee, receiptHash(tag), receiptURI(tag)));
    const [c] = await pool.claim(id);
    expect(c.number, "the claim's number").to.equal(number);
    return { id, number, filedAt, payableAt: c.payableAt };
  }

  async function statusOf(pool: IPool, id: bigint): Promise<bigint> {
    return (await pool.claim(id)).status;
  }

  async function lineOf(pool: IPool, line: bigint) {
    const l = await pool.budgetLine(line);
    return { name: l.name, cap: l.cap, period: l.period, spent: l.spent, left: l.left, nextReset: l.nextReset };
  }

  /** Proposes a budget change and returns its id and effectiveAt. */
  async function proposeLine(
    pool: IPool,
    maintainer: HardhatEthersSigner,
    line: bigint,
    name: string,
    cap: bigint,
    period: bigint,
  ) {
    const id = await pool.proposalCount();
    await pool.connect(maintainer).proposeBudgetChange(line, name, cap, period);
    return { id, effectiveAt: (await pool.proposal(id)).effectiveAt };
  }

  async function proposeRules(pool: IPool, maintainer: HardhatEthersSigner, rules: RulesStruct) {
    const id = await pool.proposalCount();
    await pool.connect(maintainer).proposeRulesChange(rules);
    return { id, effectiveAt: (await pool.proposal(id)).effectiveAt };
  }

  /** Proposes a budget change and applies it once its notice has passed. */
  async function changeLine(
    pool: IPool,
    maintainer: HardhatEthersSigner,
    line: bigint,
    name: string,
    cap: bigint,
    period: bigint,
  ) {
    const p = await proposeLine(pool, maintainer, line, name, cap, period);
    await at(p.effectiveAt);
    await pool.applyChange(p.id);
    return p;
  }

  /** Opens a recall: `signer` holds more than recallThresholdBps of the matured weight. */
  async function openRecall(pool: IPool, signer: HardhatEthersSigner) {
    await pool.connect(signer).petitionRecall();
    expect((await pool.seat()).status).to.equal(SeatStatus.Recall);
  }

  /** Runs the open election to its end with `voter` voting for `winner` (nominated by `voter` unless `nominate` is false). */
  async function runElection(pool: IPool, voter: HardhatEthersSigner, winner: string, nominate = true) {
    if (nominate) await pool.connect(voter).nominate(winner);
    const el = await pool.election();
    await time.increaseTo(el.votingStartsAt);
    await pool.connect(voter).vote(winner);
    await time.increaseTo(el.votingEndsAt);
    await pool.finalizeElection();
  }

  /** A recall petitioned and won by `voter`'s candidate `successor`: the incumbent's pending claims are void. */
  async function replaceByRecall(pool: IPool, voter: HardhatEthersSigner, successor: HardhatEthersSigner) {
    await openRecall(pool, voter);
    await runElection(pool, voter, successor.address);
    expect(await pool.maintainer()).to.equal(successor.address);
  }

  /** The maintainer steps down, the vacancy election passes unfilled and anyone winds the pool down. */
  async function windDown(pool: IPool, maintainer: HardhatEthersSigner) {
    await windDownPool(pool, maintainer); // VACANCY_PERIOD + DAY
    expect((await pool.seat()).status).to.equal(SeatStatus.WoundDown);
  }



  // ---------------------------------------------------------------- fixtures

  /** An ETH pool (default config and lines) whose donors' gifts have matured, and the signers around it. */
  async function setUp(overrides: Partial<ConfigStruct> = {}) {
    const [deployer, maintainer, alice, bob, carol, dave, keeper, payee, stranger, successor] =
      await ethers.getSigners();
    const { implementation, factory } = await deployPotluck(ethers);
    const pool = await createPool(factory, deployer, defaultConfig(maintainer.address, overrides));
    await give(pool, alice, ALICE);
    await give(pool, bob, BOB);
    await give(pool, carol, CAROL);
    await nextEpoch(pool, networkHelpers); // epoch 1: the gifts count
    const genesis = await pool.genesis();
    return {
      implementation,
      factory,
      pool,
      genesis,
      deployer,
      maintainer,
      alice,
      bob,
      carol,
      dave,
      keeper,
      payee,
      stranger,
      successor,
    };
  }

  async function budgetFixture() {
    return setUp();
  }

  /** Claims wait 90 days: long enough to outlive a recall and a wind-down inside their window. */
  async function longWindowFixture() {
    return setUp({ claimDelay: 90n * DAY });
  }

  /** Matured weight of exactly 10 ETH, with Alice one wei short of the 20% bar and Carol holding that wei. */
  async function quorumFixture() {
    const [deployer, maintainer, alice, bob, carol, dave, keeper, payee] = await ethers.getSigners();
    const { factory } = await deployPotluck(ethers);
    const pool = await createPool(factory, deployer, defaultConfig(maintainer.address));
    await give(pool, alice, 2n * ETH - 1n);
    await give(pool, carol, 1n);
    await give(pool, bob, 8n * ETH);
    await nextEpoch(pool, networkHelpers);
    return { factory, pool, deployer, maintainer, alice, bob, carol, dave, keeper, payee };
  }

  /** ERC-20 pools: a well-behaved token and the odd ones (blocklist, hooks, no return value, false return). */
  async function tokenFixture() {
    const [deployer, maintainer, alice, keeper, payee, stranger] = await ethers.getSigners();
    const { factory } = await deployPotluck(ethers);
    const deploy = async <T>(name: string, args: unknown[]) => (await ethers.deployContract(name, args)) as unknown as T;
    const token = await deploy<MockERC20>("MockERC20", ["Test USD", "TUSD", 18]);
    const blocklist = await deploy<BlocklistToken>("BlocklistToken", ["Blocklist USD", "BUSD", 18]);
    const hook = await deploy<HookToken>("HookToken", ["Hook USD", "HUSD", 18]);
    const noReturn = await deploy<NoReturnToken>("NoReturnToken", ["Tether-like USD", "NUSD", 18]);
    const falseToken = await deploy<FalseReturningToken>("FalseReturningToken", ["False USD", "FUSD", 18]);
    const pools: Record<string, IPool> = {};
    for (const [key, contract] of Object.entries({ token, blocklist, hook, noReturn, falseToken })) {
      const t = contract as unknown as MockERC20; // the odd tokens share mint/approve with the mock
      const asset = await t.getAddress();
      const pool = await createPool(factory, deployer, defaultConfig(maintainer.address, { asset }));
      await t.mint(alice.address, 100n * TUSD);
      await t.connect(alice).approve(await pool.getAddress(), 100n * TUSD);
      await pool.connect(alice).give(100n * TUSD);
      pools[key] = pool;
    }
    return { factory, token, blocklist, hook, noReturn, falseToken, pools, deployer, maintainer, alice, keeper, payee, stranger };
  }

  /** A pool created with 255 budget lines: one short of MAX_LINES. */
  async function manyLinesFixture() {
    const [deployer, maintainer, alice, keeper] = await ethers.getSigners();
    const { factory } = await deployPotluck(ethers);
    const lines = Array.from({ length: Number(MAX_LINES) - 1 }, (_, i) => ({
      name: `line ${i}`,
      cap: ETH,
      period: LINE_PERIOD,
    }));
    const pool = await createPool(factory, deployer, defaultConfig(maintainer.address), lines);
    return { factory, pool, deployer, maintainer, alice, keeper };
  }

  // ================================================================ budget lines

  return { file, statusOf, lineOf, proposeLine, proposeRules, changeLine, openRecall, runElection, replaceByRecall, windDown, setUp, budgetFixture, longWindowFixture, quorumFixture, tokenFixture, manyLinesFixture };
}
