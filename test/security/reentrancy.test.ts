// Attack catalogue: reentrancy. Every state-changing function of IPool is re-entered from every place where
// a pool hands control to someone else mid-operation:
//   - ETH sent by payClaim to its payee, and by reclaim to the reclaimer (a plain CALL with all the gas);
//   - an ERC-777-style token (HookToken) calling the donor's `tokensToSend` while give, giveWithPermit,
//     collect pull, and the recipient's `tokensReceived` while payClaim and reclaim pay.
// (sweep sends nothing: it only reads balanceOf, so it has no call site of its own; it is re-entered below.)
// The attacker (contracts/test/ReentrantAttacker.sol) replays one prepared call when control reaches it and
// records whether the inner call succeeded and its return or revert data. Each row asserts the exact outcome:
// the guard's error (OpenZeppelin ReentrancyGuardTransient: `ReentrancyGuardReentrantCall()`), the pool's own
// error for that state, or success, in which case the outer operation still moved exactly what it should
// (no double payment, no double credit, ledger == asset held) and the inner one did exactly its own thing.
import { expect } from "chai";
import { network } from "hardhat";
import { type HookToken } from "../../types/ethers-contracts/index.js";
import { ClaimStatus, DAY, DEFAULT_RULES, ETH, SeatStatus, claimIdOf, createPool, defaultConfig, deployPotluck, nextEpoch } from "../helpers/potluck.js";
import {
  GUARD_SELECTOR,
  GUARD_SLOT,
  PledgeStatus,
  ProposalStatus,
  ZERO,
  kit,
  receiptHash,
} from "./shared.js";

const { ethers, networkHelpers } = await network.create();
const { loadFixture } = networkHelpers;
const { at, giveEth } = kit(ethers, networkHelpers);

const UNIT = ETH; // one unit of ETH or of the 18-decimal hook token
const STIPEND = 1n; // default line 1: 10 units per 30 days
const CLAIM0 = 1n * UNIT; // attacker's own claim (payee: the attacker)
const CLAIM1 = 2n * UNIT; // another payee's payable claim
const SUB = 1n * UNIT; // the attacker's standing order, per 30 days
const SUB_PERIOD = 30n * DAY;
const WOUND_SHARE = 2n * UNIT; // the attacker gave 2 of 12 units to the wound-down pool, which holds 12
// Claim ids are receipt hashes, fixed by the labels the fixtures file them under.
const SELF = claimIdOf(receiptHash("self")); // filled pool: the attacker's own payable claim (filed first)
const OTHER = claimIdOf(receiptHash("other")); // filled pool: another payee's payable claim
const IN_WINDOW = claimIdOf(receiptHash("in window")); // filled pool: in its challenge window
const VOID = claimIdOf(receiptHash("void")); // wound-down pool: its only claim, void

// ---------------------------------------------------------------- fixtures

type Kind = "eth" | "hook";

/**
 * A pool whose maintainer is the attacker (the worst case: it may file, cancel, propose, step down), with
 * alice 10, bob 30 and the attacker 1 unit of matured weight. Proposal 0 is past its notice period, claims SELF
 * (to the attacker) and OTHER (to `payee`) are payable, IN_WINDOW is in its challenge window; bob offered pledge 0
 * and has pledge 1 accepted. Token pools: the attacker registered its hooks and has a standing order due.
 */
async function filledFixture(kind: Kind) {
  const [deployer, alice, bob, payee, keeper] = await ethers.getSigners();
  const { implementation, factory } = await deployPotluck(ethers);
  const attacker = await ethers.deployContract("ReentrantAttacker");
  const attackerAddress = await attacker.getAddress();
  let hook: HookToken | undefined;
  let asset = ZERO;
  if (kind === "hook") {
    hook = await ethers.deployContract("HookToken", ["Hook", "HOOK", 18]);
    asset = await hook.getAddress();
  }
  const pool = await createPool(factory, deployer, defaultConfig(attackerAddress, { asset }));
  const poolAddress = await pool.getAddress();
  const asAttacker = (data: string, value = 0n) => attacker.execute(poolAddress, data, value, { value });
  const iface = pool.interface;

  if (hook) {
    for (const [who, amount] of [[alice, 10n], [bob, 30n]] as const) {
      await hook.mint(who.address, amount * UNIT);
      await hook.connect(who).approve(poolAddress, ethers.MaxUint256);
      await pool.connect(who).give(amount * UNIT);
    }
    await hook.mint(attackerAddress, 100n * UNIT);
    await attacker.execute(asset, hook.interface.encodeFunctionData("approve", [poolAddress, ethers.MaxUint256]), 0n);
    await attacker.execute(asset, hook.interface.encodeFunctionData("registerHooks", [true]), 0n);
    await asAttacker(iface.encodeFunctionData("give", [UNIT]));
    await asAttacker(iface.encodeFunctionData("subscribe", [SUB, SUB_PERIOD]));
  } else {
    await giveEth(pool, alice, 10n * UNIT);
    await giveEth(pool, bob, 30n * UNIT);
    await asAttacker(iface.encodeFunctionData("give", [UNIT]), UNIT);
  }
  await pool.connect(bob).pledge("a desk", UNIT, 30n * DAY, 3);
  await pool.connect(bob).pledge("build cores", UNIT, 30n * DAY, 3);
  await asAttacker(iface.encodeFunctionData("acceptPledge", [1n]));
  await nextEpoch(pool, networkHelpers);
  await asAttacker(iface.encodeFunctionData("proposeBudgetChange", [STIPEND, "maintainer stipend", 11n * UNIT, 30n * DAY]));
  const effectiveAt = (await pool.proposal(0n)).effectiveAt;
  await networkHelpers.time.increase(5n * DAY);
  const fileData = (amount: bigint, to: string, label: string) =>
    iface.encodeFunctionData("fileClaim", [STIPEND, amount, to, receiptHash(label), ""]);
  await asAttacker(fileData(CLAIM0, attackerAddress, "self"));
  await asAttacker(fileData(CLAIM1, payee.address, "other"));
  const payableAt = (await pool.claim(SELF))[0].payableAt;
  await at(payableAt);
  await asAttacker(fileData(UNIT, payee.address, "in window"));
  const abandonedAt = (await pool.seat()).lastActive + 90n * DAY;
  return { implementation, factory, pool, poolAddress, hook, attacker, attackerAddress, alice, bob, payee, keeper, effectiveAt, payableAt, abandonedAt, asAttacker };
}

/** The same people in a pool that wound down: the attacker gave 2 units, alice 10; claim VOID and proposal 0 are void. */
async function woundFixture(kind: Kind) {
  const [deployer, alice, maintainer, payee, keeper] = await ethers.getSigners();
  const { implementation, factory } = await deployPotluck(ethers);
  const attacker = await ethers.deployContract("ReentrantAttacker");
  const attackerAddress = await attacker.getAddress();
  let hook: HookToken | undefined;
  let asset = ZERO;
  if (kind === "hook") {
    hook = await ethers.deployContract("HookToken", ["Hook", "HOOK", 18]);
    asset = await hook.getAddress();
  }
  const pool = await createPool(factory, deployer, defaultConfig(maintainer.address, { asset }));
  const poolAddress = await pool.getAddress();
  const asAttacker = (data: string, value = 0n) => attacker.execute(poolAddress, data, value, { value });
  const iface = pool.interface;
  if (hook) {
    await hook.mint(alice.address, 10n * UNIT);
    await hook.connect(alice).approve(poolAddress, ethers.MaxUint256);
    await pool.connect(alice).give(10n * UNIT);
    await hook.mint(attackerAddress, 100n * UNIT);
    await attacker.execute(asset, hook.interface.encodeFunctionData("approve", [poolAddress, ethers.MaxUint256]), 0n);
    await attacker.execute(asset, hook.interface.encodeFunctionData("registerHooks", [true]), 0n);
    await asAttacker(iface.encodeFunctionData("give", [2n * UNIT]));
  } else {
    await giveEth(pool, alice, 10n * UNIT);
    await asAttacker(iface.encodeFunctionData("give", [2n * UNIT]), 2n * UNIT);
  }
  await pool.connect(maintainer).proposeBudgetChange(STIPEND, "maintainer stipend", 11n * UNIT, 30n * DAY);
  await pool.connect(maintainer).fileClaim(STIPEND, CLAIM0, payee.address, receiptHash("void"), "");
  const payableAt = (await pool.claim(VOID))[0].payableAt;
  await pool.connect(maintainer).stepDown();
  await networkHelpers.time.increase(61n * DAY);
  await pool.windDown();
  return { implementation, factory, pool, poolAddress, hook, attacker, attackerAddress, alice, maintainer, payee, keeper, payableAt, asAttacker };
}

const ethFilled = () => filledFixture("eth");
const hookFilled = () => filledFixture("hook");
const ethWound = () => woundFixture("eth");
const hookWound = () => woundFixture("hook");

// ---------------------------------------------------------------- the table

type Outcome = { guard: true } | { error: string; args: unknown[] } | { ok: true };
const GUARD: Outcome = { guard: true };
const OK: Outcome = { ok: true };
const err = (error: string, ...args: unknown[]): Outcome => ({ error, args });

type Site =
  | "eth.payClaim"
  | "eth.reclaim"
  | "hook.give"
  | "hook.giveWithPermit"
  | "hook.collect"
  | "hook.payClaim"
  | "hook.reclaim";
const FILLED_SITES: Site[] = ["eth.payClaim", "hook.give", "hook.giveWithPermit", "hook.collect", "hook.payClaim"];
const WOUND_SITES: Site[] = ["eth.reclaim", "hook.reclaim"];

type Filled = Awaited<ReturnType<typeof filledFixture>>;
type Wound = Awaited<ReturnType<typeof woundFixture>>;
type Ctx = (Filled | Wound) & { wound: boolean; eth: boolean; site: Site };

interface Row {
  /** What is re-entered, as the test title shows it. */
  call: string;
  data: (c: Ctx) => string;
  /** ETH the attacker sends with the reentry. */
  value?: (c: Ctx) => bigint;
  expect: (c: Ctx) => Outcome;
  /** When the reentry succeeded: the inner operation did exactly its own thing. */
  check?: (c: Ctx, before: Snapshot) => Promise<unknown>;
}

interface Snapshot {
  claimCount: bigint;
  proposalCount: bigint;
  pledgeCount: bigint;
  given: bigint;
}

const I = (c: Ctx) => c.pool.interface;
const isPayClaim = (c: Ctx) => c.site === "eth.payClaim" || c.site === "hook.payClaim";
const notMaintainer = (c: Ctx) => err("PoolNotMaintainer", c.attackerAddress);

const ROWS: Row[] = [
  {
    call: "give",
    data: (c) => I(c).encodeFunctionData("give", [UNIT]),
    value: (c) => (c.eth ? UNIT : 0n),
    // ETH gifts are not guarded (nothing is pulled); token gifts pull under the guard.
    expect: (c) => (!c.eth ? GUARD : c.wound ? err("PoolIsWoundDown") : OK),
    check: async (c, b) => expect((await c.pool.contributionOf(c.attackerAddress)).given).to.equal(b.given + UNIT),
  },
  {
    call: "receive (plain ETH transfer)",
    data: () => "0x",
    value: (c) => (c.eth ? UNIT : 0n),
    expect: (c) => (!c.eth ? err("PoolEthNotAccepted", 0n) : c.wound ? err("PoolIsWoundDown") : OK),
    check: async (c, b) => expect((await c.pool.contributionOf(c.attackerAddress)).given).to.equal(b.given + UNIT),
  },
  {
    call: "giveWithPermit (bad permit, allowance there)",
    data: (c) => I(c).encodeFunctionData("giveWithPermit", [UNIT, 0n, 0, ethers.ZeroHash, ethers.ZeroHash]),
    expect: (c) => (c.eth ? err("PoolNotTokenPool") : GUARD),
  },
  { call: "sweep", data: (c) => I(c).encodeFunctionData("sweep"), expect: () => GUARD },
  {
    call: "fileClaim",
    data: (c) => I(c).encodeFunctionData("fileClaim", [STIPEND, UNIT, c.attackerAddress, receiptHash("again"), ""]),
    expect: (c) => (c.wound ? notMaintainer(c) : OK),
    check: async (c, b) => {
      expect(await c.pool.claimCount()).to.equal(b.claimCount + 1n);
      const [claim, status] = await c.pool.claim(claimIdOf(receiptHash("again")));
      expect(status).to.equal(ClaimStatus.Pending);
      expect(claim.number).to.equal(b.claimCount);
    },
  },
  {
    call: "object (a claim in its window)",
    data: (c) => I(c).encodeFunctionData("object", [c.wound ? VOID : IN_WINDOW]),
    expect: (c) => (c.wound ? err("PoolChallengeWindowClosed", VOID, c.payableAt) : OK),
    check: async (c) => {
      expect(await c.pool.hasObjected(IN_WINDOW, c.attackerAddress)).to.equal(true);
      expect((await c.pool.claim(IN_WINDOW))[1]).to.equal(ClaimStatus.Pending); // 1 of 41 units: far from the bar
    },
  },
  {
    call: "object (the claim being paid)",
    data: (c) => I(c).encodeFunctionData("object", [c.wound ? VOID : SELF]),
    // Mid-payment the claim is already marked paid, but `object` reads only the window, which closed first.
    expect: (c) => err("PoolChallengeWindowClosed", c.wound ? VOID : SELF, c.payableAt),
  },
  { call: "payClaim (the claim being paid)", data: (c) => I(c).encodeFunctionData("payClaim", [c.wound ? VOID : SELF]), expect: () => GUARD },
  { call: "payClaim (another payable claim)", data: (c) => I(c).encodeFunctionData("payClaim", [c.wound ? VOID : OTHER]), expect: () => GUARD },
  {
    call: "cancelClaim (the claim being paid)",
    data: (c) => I(c).encodeFunctionData("cancelClaim", [c.wound ? VOID : SELF]),
    expect: (c) => (c.wound ? notMaintainer(c) : isPayClaim(c) ? err("PoolClaimNotPending", SELF, ClaimStatus.Paid) : OK),
    check: async (c) => expect((await c.pool.claim(SELF))[1]).to.equal(ClaimStatus.Cancelled),
  },
  {
    call: "cancelClaim (another claim)",
    data: (c) => I(c).encodeFunctionData("cancelClaim", [c.wound ? VOID : OTHER]),
    expect: (c) => (c.wound ? notMaintainer(c) : OK),
    check: async (c) => expect((await c.pool.claim(OTHER))[1]).to.equal(ClaimStatus.Cancelled),
  },
  {
    call: "proposeBudgetChange",
    data: (c) => I(c).encodeFunctionData("proposeBudgetChange", [2n, "new line", UNIT, 30n * DAY]),
    expect: (c) => (c.wound ? notMaintainer(c) : OK),
    check: async (c, b) => expect(await c.pool.proposalCount()).to.equal(b.proposalCount + 1n),
  },
  {
    call: "proposeRulesChange",
    data: (c) => I(c).encodeFunctionData("proposeRulesChange", [{ ...DEFAULT_RULES, claimDelay: 2n * DEFAULT_RULES.claimDelay }]),
    expect: (c) => (c.wound ? notMaintainer(c) : OK),
    check: async (c, b) => expect(await c.pool.proposalCount()).to.equal(b.proposalCount + 1n),
  },
  {
    call: "objectToChange",
    data: (c) => I(c).encodeFunctionData("objectToChange", [0n]),
    expect: (c) =>
      c.wound
        ? err("PoolProposalNotPending", 0n, ProposalStatus.Cancelled)
        : err("PoolChangeWindowClosed", 0n, (c as Filled).effectiveAt),
  },
  {
    call: "applyChange",
    data: (c) => I(c).encodeFunctionData("applyChange", [0n]),
    expect: (c) => (c.wound ? err("PoolProposalNotPending", 0n, ProposalStatus.Cancelled) : OK),
    check: async (c) => {
      expect((await c.pool.proposal(0n)).status).to.equal(ProposalStatus.Applied);
      expect((await c.pool.budgetLine(STIPEND)).cap).to.equal(11n * UNIT);
    },
  },
  {
    call: "cancelChange",
    data: (c) => I(c).encodeFunctionData("cancelChange", [0n]),
    expect: (c) => (c.wound ? notMaintainer(c) : OK),
    check: async (c) => expect((await c.pool.proposal(0n)).status).to.equal(ProposalStatus.Cancelled),
  },
  {
    call: "heartbeat",
    data: (c) => I(c).encodeFunctionData("heartbeat"),
    expect: (c) => (c.wound ? notMaintainer(c) : OK),
    check: async (c) => expect((await c.pool.seat()).lastActive).to.equal(BigInt(await networkHelpers.time.latest())),
  },
  {
    call: "stepDown",
    data: (c) => I(c).encodeFunctionData("stepDown"),
    expect: (c) => (c.wound ? notMaintainer(c) : OK),
    check: async (c) => {
      expect(await c.pool.maintainer()).to.equal(ZERO);
      expect((await c.pool.seat()).status).to.equal(SeatStatus.Open);
    },
  },
  {
    call: "petitionRecall",
    data: (c) => I(c).encodeFunctionData("petitionRecall"),
    expect: (c) => (c.wound ? err("PoolSeatStatus", SeatStatus.WoundDown) : OK),
    check: async (c) => {
      expect((await c.pool.petition()).weight).to.equal(UNIT);
      expect((await c.pool.seat()).status).to.equal(SeatStatus.Filled);
    },
  },
  {
    call: "callElection",
    data: (c) => I(c).encodeFunctionData("callElection"),
    expect: (c) => (c.wound ? err("PoolIsWoundDown") : err("PoolMaintainerActive", (c as Filled).abandonedAt)),
  },
  {
    call: "nominate",
    data: (c) => I(c).encodeFunctionData("nominate", [c.attackerAddress]),
    expect: () => err("PoolElectionPhase", 0n),
  },
  { call: "vote", data: (c) => I(c).encodeFunctionData("vote", [c.attackerAddress]), expect: () => err("PoolElectionPhase", 0n) },
  { call: "finalizeElection", data: (c) => I(c).encodeFunctionData("finalizeElection"), expect: () => err("PoolNoElection") },
  {
    call: "windDown",
    data: (c) => I(c).encodeFunctionData("windDown"),
    expect: (c) => (c.wound ? err("PoolIsWoundDown") : err("PoolSeatStatus", SeatStatus.Filled)),
  },
  { call: "reclaim", data: (c) => I(c).encodeFunctionData("reclaim"), expect: () => GUARD },
  { call: "subscribe", data: (c) => I(c).encodeFunctionData("subscribe", [2n * SUB, SUB_PERIOD]), expect: () => GUARD },
  { call: "unsubscribe", data: (c) => I(c).encodeFunctionData("unsubscribe"), expect: () => GUARD },
  { call: "collect", data: (c) => I(c).encodeFunctionData("collect", [c.attackerAddress]), expect: () => GUARD },
  {
    call: "pledge",
    data: (c) => I(c).encodeFunctionData("pledge", ["spare cores", UNIT, 30n * DAY, 1]),
    expect: (c) => (c.wound ? err("PoolIsWoundDown") : OK),
    check: async (c, b) => expect((await c.pool.pledgeAt(b.pledgeCount)).pledger).to.equal(c.attackerAddress),
  },
  {
    call: "acceptPledge",
    data: (c) => I(c).encodeFunctionData("acceptPledge", [0n]),
    expect: (c) => (c.wound ? notMaintainer(c) : OK),
    check: async (c) => expect((await c.pool.pledgeAt(0n)).status).to.equal(PledgeStatus.Accepted),
  },
  {
    call: "declinePledge",
    data: (c) => I(c).encodeFunctionData("declinePledge", [0n]),
    expect: (c) => (c.wound ? notMaintainer(c) : OK),
    check: async (c) => expect((await c.pool.pledgeAt(0n)).status).to.equal(PledgeStatus.Declined),
  },
  {
    call: "recordDelivery",
    data: (c) => I(c).encodeFunctionData("recordDelivery", [1n, 1]),
    expect: (c) => (c.wound ? notMaintainer(c) : OK),
    check: async (c) => expect((await c.pool.pledgeAt(1n)).delivered).to.equal(1n),
  },
  {
    call: "withdrawPledge",
    data: (c) => I(c).encodeFunctionData("withdrawPledge", [0n]),
    expect: (c) => (c.wound ? err("PoolUnknownPledge", 0n) : err("PoolNotPledger", 0n, c.attackerAddress)),
  },
  {
    call: "initialize",
    data: (c) => I(c).encodeFunctionData("initialize", [defaultConfig(c.attackerAddress), []]),
    expect: () => err("PoolAlreadyInitialized"),
  },
];

// ---------------------------------------------------------------- running one row

async function held(c: Ctx, who: string): Promise<bigint> {
  return c.hook ? c.hook.balanceOf(who) : ethers.provider.getBalance(who);
}

/** Triggers the outer operation of `site`; returns what the attacker should have gained (negative: paid). */
async function trigger(c: Ctx): Promise<bigint> {
  const i = I(c);
  switch (c.site) {
    case "eth.payClaim":
    case "hook.payClaim":
      await c.pool.connect(c.keeper).payClaim(SELF);
      return CLAIM0;
    case "hook.give":
      await c.asAttacker(i.encodeFunctionData("give", [UNIT]));
      return -UNIT;
    case "hook.giveWithPermit":
      await c.asAttacker(i.encodeFunctionData("giveWithPermit", [UNIT, 0n, 0, ethers.ZeroHash, ethers.ZeroHash]));
      return -UNIT;
    case "hook.collect":
      await c.pool.connect(c.keeper).collect(c.attackerAddress);
      return -SUB;
    case "eth.reclaim":
    case "hook.reclaim":
      await c.asAttacker(i.encodeFunctionData("reclaim"));
      return WOUND_SHARE;
  }
}

function describeOutcome(o: Outcome): string {
  if ("guard" in o) return "ReentrancyGuardReentrantCall()";
  if ("error" in o) return `${o.error}`;
  return "succeeds, harmless";
}

async function runRow(c: Ctx, row: Row) {
  const data = row.data(c);
  const value = row.value?.(c) ?? 0n;
  const outcome = row.expect(c);
  const before: Snapshot = {
    claimCount: await c.pool.claimCount(),
    proposalCount: await c.pool.proposalCount(),
    pledgeCount: await c.pool.pledgeCount(),
    given: (await c.pool.contributionOf(c.attackerAddress)).given,
  };
  const attackerBefore = await held(c, c.attackerAddress);
  const poolBefore = await held(c, c.poolAddress);
  const totalGivenBefore = await c.pool.totalGiven();
  await c.attacker.arm(c.poolAddress, data, value);
  const gained = await trigger(c);

  // The reentry was attempted exactly once, from the expected trigger, with the expected result.
  const [attempted, succeeded] = await c.attacker.reentries();
  expect(attempted).to.equal(1n);
  expect(await c.attacker.lastTrigger()).to.equal(
    c.eth ? 1n : c.site === "hook.payClaim" || c.site === "hook.reclaim" ? 3n : 2n, // Ether, TokensToSend, TokensReceived
  );
  const returned = await c.attacker.lastReentryReturnData();
  if ("guard" in outcome) {
    expect(succeeded).to.equal(0n);
    expect(returned).to.equal(GUARD_SELECTOR);
  } else if ("error" in outcome) {
    expect(succeeded).to.equal(0n);
    expect(returned).to.equal(c.pool.interface.encodeErrorResult(outcome.error, outcome.args));
  } else {
    expect(succeeded).to.equal(1n);
    await row.check?.(c, before);
  }

  // The outer operation moved exactly its amount, once; a successful ETH gift inside it is counted once too.
  const innerGift = "ok" in outcome && (row.call === "give" || row.call.startsWith("receive")) ? UNIT : 0n;
  expect((await held(c, c.attackerAddress)) - attackerBefore).to.equal(gained - innerGift);
  expect((await held(c, c.poolAddress)) - poolBefore).to.equal(-gained + innerGift);
  if (c.wound) {
    expect(list2(await c.pool.windDownState())).to.deep.equal([12n * UNIT, WOUND_SHARE]);
    expect(await c.pool.reclaimable(c.attackerAddress)).to.equal(0n);
    expect(await held(c, c.poolAddress)).to.equal(12n * UNIT - WOUND_SHARE);
  } else {
    // No stray funds anywhere: the ledger is exactly what the pool holds.
    expect(await c.pool.balance()).to.equal(await held(c, c.poolAddress));
    const credited = gained < 0n ? -gained : 0n; // a gift or a collection
    expect(await c.pool.totalGiven()).to.equal(totalGivenBefore + credited + innerGift);
    if (isPayClaim(c)) {
      // Paid once: only the payout slot is cleared, the rest of the record stays.
      const [claim, status] = await c.pool.claim(SELF);
      expect(status).to.equal(ClaimStatus.Paid);
      expect([claim.payee, claim.amount, claim.number]).to.deep.equal([ZERO, 0n, 0n]);
    }
    if (c.site === "hook.collect") {
      expect((await c.pool.subscriptionOf(c.attackerAddress)).nextDue).to.be.greaterThan(
        BigInt(await networkHelpers.time.latest()),
      );
    }
  }
}

function list2(r: readonly bigint[]): bigint[] {
  return [...r];
}

// ---------------------------------------------------------------- the tests

describe("Attacks: reentrancy", function () {
  describe("the guard", function () {
    it("is OpenZeppelin's ReentrancyGuardTransient: its slot is never written to storage", async function () {
      const { pool, poolAddress, keeper } = await loadFixture(ethFilled);
      await pool.connect(keeper).payClaim(SELF);
      await pool.connect(keeper).sweep().catch(() => undefined);
      expect(await ethers.provider.getStorage(poolAddress, GUARD_SLOT)).to.equal(ethers.ZeroHash);
    });

    it("reverts with ReentrancyGuardReentrantCall() (selector 0x3ee5aeb5), the error IPool's ABI does not carry", async function () {
      const { implementation } = await loadFixture(ethFilled);
      expect((implementation).interface.getError("ReentrancyGuardReentrantCall")!.selector).to.equal(
        GUARD_SELECTOR,
      );
    });
  });

  const fixtures: Record<Site, () => Promise<Filled | Wound>> = {
    "eth.payClaim": ethFilled,
    "hook.give": hookFilled,
    "hook.giveWithPermit": hookFilled,
    "hook.collect": hookFilled,
    "hook.payClaim": hookFilled,
    "eth.reclaim": ethWound,
    "hook.reclaim": hookWound,
  };
  const where: Record<Site, string> = {
    "eth.payClaim": "an ETH payee, from its receive() during payClaim",
    "hook.give": "a hooked donor, from tokensToSend during give's transferFrom",
    "hook.giveWithPermit": "a hooked donor, from tokensToSend during giveWithPermit's transferFrom",
    "hook.collect": "a hooked subscriber, from tokensToSend during collect's transferFrom",
    "hook.payClaim": "a hooked token payee, from tokensReceived during payClaim's transfer",
    "eth.reclaim": "an ETH reclaimer, from its receive() during reclaim",
    "hook.reclaim": "a hooked token reclaimer, from tokensReceived during reclaim's transfer",
  };

  for (const site of [...FILLED_SITES, ...WOUND_SITES]) {
    describe(`re-entered by ${where[site]}`, function () {
      const wound = WOUND_SITES.includes(site);
      const eth = site.startsWith("eth.");
      for (const row of ROWS) {
        // The outcome is known before the fixture loads: it depends on the site only, not on addresses.
        const probe = row.expect({ wound, eth, site, attackerAddress: ZERO, payableAt: 0n, effectiveAt: 0n, abandonedAt: 0n } as unknown as Ctx);
        it(`${row.call}: ${describeOutcome(probe)}`, async function () {
          const f = await loadFixture(fixtures[site]);
          await runRow({ ...f, wound, eth, site }, row);
        });
      }
    });
  }

  describe("nested and repeated reentry", function () {
    it("an ETH payee re-entering payClaim three times deep is still paid once", async function () {
      const { pool, poolAddress, attacker, attackerAddress, keeper } = await loadFixture(ethFilled);
      await attacker.armTimes(poolAddress, pool.interface.encodeFunctionData("payClaim", [SELF]), 0n, 3n);
      const balanceBefore = await pool.balance();
      await expect(pool.connect(keeper).payClaim(SELF)).to.changeEtherBalances(ethers, [pool, attacker], [-CLAIM0, CLAIM0]);
      expect([...(await attacker.reentries())]).to.deep.equal([1n, 0n]); // the refused reentry pays nothing, so no second trigger
      expect(await pool.balance()).to.equal(balanceBefore - CLAIM0);
      await expect(pool.connect(keeper).payClaim(SELF))
        .to.be.revertedWithCustomError(pool, "PoolClaimNotPending")
        .withArgs(SELF, ClaimStatus.Paid);
      expect(await ethers.provider.getBalance(attackerAddress)).to.equal(CLAIM0);
    });

    it("an ETH payee that gives back inside its payment (allowed) is credited once, and the ledger stays exact", async function () {
      const { pool, poolAddress, attacker, attackerAddress, keeper } = await loadFixture(ethFilled);
      await attacker.armTimes(poolAddress, pool.interface.encodeFunctionData("give", [CLAIM0 / 4n]), CLAIM0 / 4n, 3n);
      const before = await pool.balance();
      await pool.connect(keeper).payClaim(SELF);
      // Only the payment sends ETH to the attacker, so only one gift happens.
      expect([...(await attacker.reentries())]).to.deep.equal([1n, 1n]);
      expect(await pool.balance()).to.equal(before - CLAIM0 + CLAIM0 / 4n);
      expect(await pool.balance()).to.equal(await ethers.provider.getBalance(poolAddress));
      expect((await pool.contributionOf(attackerAddress)).given).to.equal(UNIT + CLAIM0 / 4n);
    });

    it("a hooked reclaimer cannot reclaim twice, and the next contributor still gets an exact share", async function () {
      const { pool, hook, attacker, alice, poolAddress } = await loadFixture(hookWound);
      await attacker.armTimes(poolAddress, pool.interface.encodeFunctionData("reclaim"), 0n, 5n);
      await attacker.execute(poolAddress, pool.interface.encodeFunctionData("reclaim"), 0n);
      expect(await attacker.lastReentryReturnData()).to.equal(GUARD_SELECTOR);
      await expect(pool.connect(alice).reclaim()).to.changeTokenBalances(ethers, hook!, [alice, pool], [10n * UNIT, -10n * UNIT]);
      expect(await hook!.balanceOf(poolAddress)).to.equal(0n);
      await expect(attacker.execute(poolAddress, pool.interface.encodeFunctionData("reclaim"), 0n))
        .to.be.revertedWithCustomError(pool, "PoolNothingToReclaim")
        .withArgs(await attacker.getAddress());
    });
  });
});

