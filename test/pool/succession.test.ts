// Succession, as DESIGN.md "Succession" describes it: the seat opens when the maintainer steps down, goes
// silent for `inactivityPeriod` or is recalled by petition; contributors nominate and vote during exactly one
// epoch with matured weight; the leader is installed if they reach quorum; an open seat left unfilled for
// `vacancyPeriod` lets anyone wind the pool down, and contributors reclaim what is left pro rata.
// The state machine these tests walk is drawn in test/trees/election.tree; each branch there has a test here.
import { expect } from "chai";
import { network } from "hardhat";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { IPool } from "../../types/ethers-contracts/index.js";
import {
  DAY,
  EPOCH,
  ETH,
  ClaimStatus,
  ElectionPhase,
  SeatStatus,
  Weighting,
  claimIdOf,
  createPool,
  defaultConfig,
  deployPotluck,
  nextEpoch,
  BPS,
  ElectionKind,
  ProposalStatus,
} from "../helpers/potluck.js";
import { chain, list } from "../helpers/chain.js";

const { ethers, networkHelpers } = await network.create();
const { loadFixture, time } = networkHelpers;
const { minedAt, give } = chain(ethers, networkHelpers);

// ---------------------------------------------------------------- constants mirrored from the contracts

const PETITION_EPOCHS = 2n; // PoolSuccession.PETITION_EPOCHS
const CLAIM_DELAY = 3n * DAY; // defaultConfig().claimDelay
const RULE_CHANGE_DELAY = 7n * DAY; // defaultConfig().ruleChangeDelay
const INACTIVITY = 90n * DAY; // defaultConfig().inactivityPeriod
const VACANCY = 60n * DAY; // defaultConfig().vacancyPeriod
const QUORUM_BPS = 2_500n; // defaultConfig().electionQuorumBps
const RECALL_BPS = 3_000n; // defaultConfig().recallThresholdBps
const HOSTING = 0n; // defaultLines()[0]: 2 ETH per 30 days
const STIPEND = 1n; // defaultLines()[1]: 10 ETH per 30 days
const ZERO = ethers.ZeroAddress;
const RECEIPT = ethers.id("invoice 2024-07: VPS, 1 month");
/** A receipt for a pool's `n`th claim: a receipt backs one claim only, so each claim needs its own. */
const receiptNo = (n: bigint) => ethers.id(`invoice #${n}`);
const RECEIPT_URI = "ipfs://bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku";

// ---------------------------------------------------------------- helpers

/** Sends `value` wei as a gift from `who`. */
/** Runs `task` on every item, `size` at a time (order within a chunk is not guaranteed: use for order-free work). */
async function inChunks<T, R>(items: T[], size: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(...(await Promise.all(items.slice(i, i + size).map((item, j) => task(item, i + j)))));
  }
  return out;
}

// ---------------------------------------------------------------- fixtures

/**
 * A pool in epoch 1 whose four contributors gave in epoch 0, so their weight has matured:
 * alice 40, bob 30, carol 10, erin 20 (ETH; total 100). Recall threshold 30%, election quorum 25%.
 * The clock stands one second into epoch 1, so an election called now votes in epoch 2.
 */
async function poolFixture() {
  const [deployer, maintainer, alice, bob, carol, erin, dave, frank, stranger] = await ethers.getSigners();
  const { implementation, factory } = await deployPotluck(ethers);
  const pool = await createPool(factory, deployer, defaultConfig(maintainer.address));
  const genesis = await pool.genesis();
  /** When epoch `e` starts, plus `offset` seconds. */
  const at = (e: bigint | number, offset = 0n) => genesis + BigInt(e) * EPOCH + offset;
  await give(pool, alice, 40n * ETH);
  await give(pool, bob, 30n * ETH);
  await give(pool, carol, 10n * ETH);
  await give(pool, erin, 20n * ETH);
  await time.increaseTo(at(1, 1n));
  return { implementation, factory, pool, genesis, at, deployer, maintainer, alice, bob, carol, erin, dave, frank, stranger };
}

type Fx = Awaited<ReturnType<typeof poolFixture>>;

/**
 * A pool at the edges of its thresholds: recall threshold and election quorum both 30%, and alice holds one
 * wei less than 30% of the weight (30 ETH - 1 wei), bob 1 wei, carol 70 ETH (total 100 ETH). Alice alone is
 * one wei short; alice and bob together are exactly at the bar.
 */
async function edgeFixture() {
  const [deployer, maintainer, alice, bob, carol, frank] = await ethers.getSigners();
  const { factory } = await deployPotluck(ethers);
  const pool = await createPool(
    factory,
    deployer,
    defaultConfig(maintainer.address, { electionQuorumBps: 3_000, recallThresholdBps: 3_000 }),
  );
  const genesis = await pool.genesis();
  const at = (e: bigint | number, offset = 0n) => genesis + BigInt(e) * EPOCH + offset;
  await give(pool, alice, 30n * ETH - 1n);
  await give(pool, bob, 1n);
  await give(pool, carol, 70n * ETH);
  await time.increaseTo(at(1, 1n));
  return { pool, at, maintainer, alice, bob, carol, frank };
}

/** A Quadratic pool: alice 16, bob 9, carol 81 (ETH), matured; weights 4e9, 3e9, 9e9 (total 16e9). */
async function quadraticPoolFixture() {
  const [deployer, maintainer, alice, bob, carol, frank] = await ethers.getSigners();
  const { factory } = await deployPotluck(ethers);
  const pool = await createPool(factory, deployer, defaultConfig(maintainer.address, { weighting: Weighting.Quadratic }));
  await give(pool, alice, 16n * ETH);
  await give(pool, bob, 9n * ETH);
  await give(pool, carol, 81n * ETH);
  await nextEpoch(pool, networkHelpers);
  expect(await pool.totalWeight()).to.equal(16n * 10n ** 9n);
  return { pool, maintainer, alice, bob, carol, frank };
}

/** A fresh pool in epoch 0 with no gifts (the scale test brings its own contributors). */
async function barePoolFixture() {
  const [deployer, maintainer] = await ethers.getSigners();
  const { factory } = await deployPotluck(ethers);
  const pool = await createPool(factory, deployer, defaultConfig(maintainer.address));
  const genesis = await pool.genesis();
  const at = (e: bigint | number, offset = 0n) => genesis + BigInt(e) * EPOCH + offset;
  return { pool, at, maintainer };
}

/** Five donors with uneven gifts (matured, epoch 1), so that shares do not divide evenly. */
async function unevenPoolFixture() {
  const [deployer, maintainer, ...donors] = await ethers.getSigners();
  const { factory } = await deployPotluck(ethers);
  const pool = await createPool(factory, deployer, defaultConfig(maintainer.address));
  const gifts = [3n * ETH + 7n, 11n * ETH, ETH / 3n, 5n * ETH + 1n, 13n];
  for (let i = 0; i < gifts.length; i++) await give(pool, donors[i], gifts[i]);
  await nextEpoch(pool, networkHelpers);
  return { pool, maintainer, donors, gifts };
}

/**
 * A wound-down pool. Contributors: alice 40, bob 30, carol 10, erin 20, a `RevertingPayee` 5 and a
 * `ReentrantAttacker` 5 (ETH; total 110). Before stepping down the maintainer had one claim of 1 wei paid
 * (so 110 ETH - 1 wei is left, and every share rounds down by one wei) and left one 5 ETH claim and one
 * budget change pending; `paidClaim` and `pendingClaim` are the two claims' ids.
 */
async function woundDownFixture() {
  const f = await poolFixture();
  const { pool, maintainer, frank, stranger } = f;
  const poolAddress = await pool.getAddress();
  const payee = await ethers.deployContract("RevertingPayee", [false]);
  const attacker = await ethers.deployContract("ReentrantAttacker");
  const gift = pool.interface.encodeFunctionData("give", [5n * ETH]);
  await payee.execute(poolAddress, gift, 5n * ETH, { value: 5n * ETH });
  await attacker.execute(poolAddress, gift, 5n * ETH, { value: 5n * ETH });
  await pool.connect(maintainer).fileClaim(HOSTING, 1n, frank.address, receiptNo(0n), RECEIPT_URI); // number 0
  const paidClaim = claimIdOf(receiptNo(0n));
  await time.increase(CLAIM_DELAY);
  await pool.payClaim(paidClaim);
  await pool.connect(maintainer).fileClaim(STIPEND, 5n * ETH, maintainer.address, receiptNo(1n), RECEIPT_URI); // number 1
  const pendingClaim = claimIdOf(receiptNo(1n));
  await pool.connect(maintainer).proposeBudgetChange(HOSTING, "hosting", 3n * ETH, 30n * DAY); // proposal 0, pending
  const openedAt = await minedAt(pool.connect(maintainer).stepDown());
  await time.increaseTo(openedAt + VACANCY);
  await pool.connect(stranger).windDown();
  const left = 110n * ETH - 1n;
  return { ...f, payee, attacker, poolAddress, left, totalGiven: 110n * ETH, paidClaim, pendingClaim };
}

// ---------------------------------------------------------------- flows

/** The maintainer steps down now (early in epoch 1 in `poolFixture`): voting runs in the next epoch. */
async function stepDown(f: Fx): Promise<bigint> {
  return minedAt(f.pool.connect(f.maintainer).stepDown());
}

/** Alice signs a petition alone: 40 of 100 reaches the 30% threshold and a recall election opens. */
async function recall(f: Fx) {
  await f.pool.connect(f.alice).petitionRecall();
  expect((await f.pool.seat()).status).to.equal(SeatStatus.Recall);
}

/** Moves into the open election's voting epoch (plus `offset` seconds). */
async function toVoting(pool: IPool, offset = 1n) {
  const { votingStartsAt } = await pool.election();
  await time.increaseTo(votingStartsAt + offset);
}

/** Moves past the open election's voting epoch (plus `offset` seconds). */
async function toCounting(pool: IPool, offset = 1n) {
  const { votingEndsAt } = await pool.election();
  await time.increaseTo(votingEndsAt + offset);
}

/** Alice nominates `candidate` (unless already on the ballot); `voters` vote for it; the vote ends. */
async function elect(f: Fx, candidate: string, voters: HardhatEthersSigner[]) {
  const { id } = await f.pool.election();
  if (!(await f.pool.candidate(id, candidate)).nominated) await f.pool.connect(f.alice).nominate(candidate);
  await toVoting(f.pool);
  for (const voter of voters) await f.pool.connect(voter).vote(candidate);
  await toCounting(f.pool);
}

/** The maintainer files a claim on `line` under a receipt of its own (never `RECEIPT`); returns its id. */
async function fileClaim(f: Fx, line: bigint, amount: bigint, payee: string): Promise<bigint> {
  const receipt = receiptNo(await f.pool.claimCount());
  const pool = f.pool.connect(f.maintainer);
  const id = await pool.fileClaim.staticCall(line, amount, payee, receipt, RECEIPT_URI);
  expect(id).to.equal(claimIdOf(receipt));
  await pool.fileClaim(line, amount, payee, receipt, RECEIPT_URI);
  return id;
}

async function claimStatus(pool: IPool, claimId: bigint): Promise<bigint> {
  return (await pool.claim(claimId)).status;
}

// ================================================================ the seat

describe("PoolSuccession", function () {
  describe("election (view)", function () {
    it("reads all zeros before any election", async function () {
      const { pool } = await loadFixture(poolFixture);
      expect(list(await pool.election())).to.deep.equal([0n, ElectionPhase.None, 0n, 0n, ZERO, 0n]);
      expect(await pool.electionKind()).to.equal(ElectionKind.None);
    });

    it("walks Nominating → Voting → Counting at the voting epoch's exact bounds", async function () {
      const f = await loadFixture(poolFixture);
      const { pool, at } = f;
      await stepDown(f);
      expect(list(await pool.election())).to.deep.equal([1n, ElectionPhase.Nominating, at(2), at(3), ZERO, 0n]);
      await time.increaseTo(at(2) - 1n);
      expect((await pool.election()).phase).to.equal(ElectionPhase.Nominating);
      await time.increaseTo(at(2));
      expect((await pool.election()).phase).to.equal(ElectionPhase.Voting);
      await time.increaseTo(at(3) - 1n);
      expect((await pool.election()).phase).to.equal(ElectionPhase.Voting);
      await time.increaseTo(at(3));
      expect((await pool.election()).phase).to.equal(ElectionPhase.Counting);
      await time.increaseTo(at(40));
      expect((await pool.election()).phase).to.equal(ElectionPhase.Counting); // until someone finalizes
    });

    it("tracks the leader and their votes as votes arrive, and keeps them once finalized (phase None)", async function () {
      const f = await loadFixture(poolFixture);
      const { pool, at, alice, bob, frank, dave } = f;
      await stepDown(f);
      await pool.connect(alice).nominate(frank.address);
      await pool.connect(alice).nominate(dave.address);
      await toVoting(pool);
      await pool.connect(bob).vote(dave.address);
      expect(list(await pool.election())).to.deep.equal([1n, ElectionPhase.Voting, at(2), at(3), dave.address, 30n * ETH]);
      await pool.connect(alice).vote(frank.address);
      expect(list(await pool.election())).to.deep.equal([1n, ElectionPhase.Voting, at(2), at(3), frank.address, 40n * ETH]);
      await toCounting(pool);
      await pool.finalizeElection();
      expect(list(await pool.election())).to.deep.equal([1n, ElectionPhase.None, at(2), at(3), frank.address, 40n * ETH]);
      expect(await pool.electionKind()).to.equal(ElectionKind.None);
    });
  });

  describe("half-epoch nomination rule", function () {
    it("votes in the next epoch when exactly half of the current one has elapsed", async function () {
      const f = await loadFixture(poolFixture);
      const { pool, at, maintainer } = f;
      await time.setNextBlockTimestamp(at(1, EPOCH / 2n));
      await expect(pool.connect(maintainer).stepDown())
        .to.emit(pool, "ElectionCalled")
        .withArgs(1n, ElectionKind.Vacancy, at(2), at(3));
      const { votingStartsAt } = await pool.election();
      expect(votingStartsAt - at(1, EPOCH / 2n)).to.equal(EPOCH / 2n); // nominations get exactly half an epoch
    });

    it("votes in the epoch after the next when more than half has elapsed", async function () {
      const f = await loadFixture(poolFixture);
      const { pool, at, maintainer } = f;
      await time.setNextBlockTimestamp(at(1, EPOCH / 2n + 1n));
      await expect(pool.connect(maintainer).stepDown())
        .to.emit(pool, "ElectionCalled")
        .withArgs(1n, ElectionKind.Vacancy, at(3), at(4));
      const { votingStartsAt } = await pool.election();
      expect(votingStartsAt - at(1, EPOCH / 2n + 1n)).to.equal(EPOCH + EPOCH / 2n - 1n);
    });

    it("votes in the next epoch when called at the very start of an epoch", async function () {
      const f = await loadFixture(poolFixture);
      const { pool, at, maintainer } = f;
      await time.setNextBlockTimestamp(at(2));
      await expect(pool.connect(maintainer).stepDown())
        .to.emit(pool, "ElectionCalled")
        .withArgs(1n, ElectionKind.Vacancy, at(3), at(4));
    });

    it("applies to recalls too (called in the second half: voting two epochs on)", async function () {
      const f = await loadFixture(poolFixture);
      const { pool, at, alice } = f;
      await time.setNextBlockTimestamp(at(1, EPOCH - 1n));
      await expect(pool.connect(alice).petitionRecall())
        .to.emit(pool, "ElectionCalled")
        .withArgs(1n, ElectionKind.Recall, at(3), at(4));
    });
  });

  describe("stepDown", function () {
    describe("reverts", function () {
      it("if the caller is not the maintainer", async function () {
        const { pool, alice } = await loadFixture(poolFixture);
        await expect(pool.connect(alice).stepDown())
          .to.be.revertedWithCustomError(pool, "PoolNotMaintainer")
          .withArgs(alice.address);
      });

      it("if the seat is already open (the former maintainer holds nothing)", async function () {
        const f = await loadFixture(poolFixture);
        await stepDown(f);
        await expect(f.pool.connect(f.maintainer).stepDown())
          .to.be.revertedWithCustomError(f.pool, "PoolNotMaintainer")
          .withArgs(f.maintainer.address);
      });
    });

    it("opens the seat and a vacancy election", async function () {
      const f = await loadFixture(poolFixture);
      const { pool, at, maintainer } = f;
      const tx = pool.connect(maintainer).stepDown();
      await expect(tx).to.emit(pool, "MaintainerChanged").withArgs(maintainer.address, ZERO);
      await expect(tx).to.emit(pool, "ElectionCalled").withArgs(1n, ElectionKind.Vacancy, at(2), at(3));
      const openedAt = await minedAt(tx);
      expect(await pool.maintainer()).to.equal(ZERO);
      const seat = await pool.seat();
      expect(seat.status).to.equal(SeatStatus.Open);
      expect(seat.openedAt).to.equal(openedAt);
      expect(await pool.electionKind()).to.equal(ElectionKind.Vacancy);
      expect(list(await pool.election())).to.deep.equal([1n, ElectionPhase.Nominating, at(2), at(3), ZERO, 0n]);
    });

    it("takes the former maintainer's powers: no claims, no proposals, no heartbeat", async function () {
      const f = await loadFixture(poolFixture);
      const { pool, maintainer } = f;
      await stepDown(f);
      await expect(pool.connect(maintainer).fileClaim(HOSTING, ETH, maintainer.address, RECEIPT, RECEIPT_URI))
        .to.be.revertedWithCustomError(pool, "PoolNotMaintainer")
        .withArgs(maintainer.address);
      await expect(pool.connect(maintainer).proposeBudgetChange(HOSTING, "hosting", 3n * ETH, 30n * DAY))
        .to.be.revertedWithCustomError(pool, "PoolNotMaintainer")
        .withArgs(maintainer.address);
      await expect(pool.connect(maintainer).heartbeat())
        .to.be.revertedWithCustomError(pool, "PoolNotMaintainer")
        .withArgs(maintainer.address);
    });

    it("leaves pending claims payable (only a recall or a wind-down voids them)", async function () {
      const f = await loadFixture(poolFixture);
      const { pool, frank } = f;
      const id = await fileClaim(f, HOSTING, ETH, frank.address);
      await stepDown(f);
      await time.increase(CLAIM_DELAY);
      await expect(pool.payClaim(id)).to.changeEtherBalances(ethers, [frank, pool], [ETH, -ETH]);
      expect(await pool.maintainer()).to.equal(ZERO);
      expect(await pool.balance()).to.equal(99n * ETH);
    });
  });

  describe("heartbeat", function () {
    it("reverts if the caller is not the maintainer", async function () {
      const { pool, alice } = await loadFixture(poolFixture);
      await expect(pool.connect(alice).heartbeat())
        .to.be.revertedWithCustomError(pool, "PoolNotMaintainer")
        .withArgs(alice.address);
    });

    it("records the maintainer's activity and emits Heartbeat", async function () {
      const { pool, maintainer } = await loadFixture(poolFixture);
      const tx = pool.connect(maintainer).heartbeat();
      await expect(tx).to.emit(pool, "Heartbeat").withArgs(maintainer.address);
      expect((await pool.seat()).lastActive).to.equal(await minedAt(tx));
    });
  });

  // ================================================================ abandonment

  describe("callElection", function () {
    describe("reverts", function () {
      it("if the maintainer has been active within inactivityPeriod (one second early)", async function () {
        const { pool, genesis, stranger } = await loadFixture(poolFixture);
        expect((await pool.seat()).lastActive).to.equal(genesis); // set at creation
        await time.setNextBlockTimestamp(genesis + INACTIVITY - 1n);
        await expect(pool.connect(stranger).callElection())
          .to.be.revertedWithCustomError(pool, "PoolMaintainerActive")
          .withArgs(genesis + INACTIVITY);
      });

      it("if an election is open, in every phase until it is finalized", async function () {
        const f = await loadFixture(poolFixture);
        const { pool, stranger } = f;
        await stepDown(f);
        await expect(pool.connect(stranger).callElection()).to.be.revertedWithCustomError(pool, "PoolElectionOpen").withArgs(1n);
        await toVoting(pool);
        await expect(pool.connect(stranger).callElection()).to.be.revertedWithCustomError(pool, "PoolElectionOpen").withArgs(1n);
        await toCounting(pool);
        await expect(pool.connect(stranger).callElection()).to.be.revertedWithCustomError(pool, "PoolElectionOpen").withArgs(1n);
      });

      it("if a recall election is open", async function () {
        const f = await loadFixture(poolFixture);
        await recall(f);
        await time.increase(INACTIVITY);
        await expect(f.pool.connect(f.stranger).callElection())
          .to.be.revertedWithCustomError(f.pool, "PoolElectionOpen")
          .withArgs(1n);
      });

      it("if the pool has wound down", async function () {
        const { pool, stranger } = await loadFixture(woundDownFixture);
        await expect(pool.connect(stranger).callElection()).to.be.revertedWithCustomError(pool, "PoolIsWoundDown");
      });
    });

    describe("activity postpones abandonment", function () {
      for (const [what, act] of [
        ["heartbeat", (f: Fx) => f.pool.connect(f.maintainer).heartbeat()],
        ["filing a claim", (f: Fx) => f.pool.connect(f.maintainer).fileClaim(HOSTING, ETH, f.frank.address, RECEIPT, RECEIPT_URI)],
        ["proposing a change", (f: Fx) => f.pool.connect(f.maintainer).proposeBudgetChange(HOSTING, "hosting", 3n * ETH, 30n * DAY)],
      ] as const) {
        it(`a ${what} restarts the inactivity clock`, async function () {
          const f = await loadFixture(poolFixture);
          await time.increase(30n * DAY);
          const activeAt = await minedAt(act(f));
          expect((await f.pool.seat()).lastActive).to.equal(activeAt);
          await time.setNextBlockTimestamp(f.genesis + INACTIVITY); // abandoned, had nothing happened
          await expect(f.pool.connect(f.stranger).callElection())
            .to.be.revertedWithCustomError(f.pool, "PoolMaintainerActive")
            .withArgs(activeAt + INACTIVITY);
        });
      }

      it("a cancelled claim restarts the inactivity clock", async function () {
        const f = await loadFixture(poolFixture);
        const id = await fileClaim(f, HOSTING, ETH, f.frank.address);
        await time.increase(30n * DAY);
        const activeAt = await minedAt(f.pool.connect(f.maintainer).cancelClaim(id));
        expect((await f.pool.seat()).lastActive).to.equal(activeAt);
      });
    });

    it("opens an abandoned seat exactly inactivityPeriod after the last action", async function () {
      const f = await loadFixture(poolFixture);
      const { pool, genesis, at, maintainer, stranger } = f;
      await time.setNextBlockTimestamp(genesis + INACTIVITY);
      // 90 days is 12 epochs and 6 days: more than half of epoch 12 is gone, so voting runs in epoch 14.
      const tx = pool.connect(stranger).callElection();
      await expect(tx).to.emit(pool, "MaintainerChanged").withArgs(maintainer.address, ZERO);
      await expect(tx).to.emit(pool, "ElectionCalled").withArgs(1n, ElectionKind.Vacancy, at(14), at(15));
      const seat = await pool.seat();
      expect(seat.status).to.equal(SeatStatus.Open);
      expect(seat.openedAt).to.equal(genesis + INACTIVITY);
      expect(await pool.maintainer()).to.equal(ZERO);
    });

    it("opens a new election on an open seat after a failed one, keeping the vacancy clock", async function () {
      const f = await loadFixture(poolFixture);
      const { pool, stranger, frank, alice } = f;
      const openedAt = await stepDown(f);
      await pool.connect(alice).nominate(frank.address);
      await toCounting(pool);
      await expect(pool.finalizeElection()).to.emit(pool, "ElectionFinalized").withArgs(1n, ZERO, 0n, false);
      const tx = pool.connect(stranger).callElection();
      await expect(tx).to.emit(pool, "ElectionCalled");
      await expect(tx).not.to.emit(pool, "MaintainerChanged");
      const { id, phase } = await pool.election();
      expect([id, phase]).to.deep.equal([2n, ElectionPhase.Nominating]);
      expect((await pool.seat()).openedAt).to.equal(openedAt);
      // Nominations do not carry over from one election to the next.
      expect(list(await pool.candidate(2n, frank.address))).to.deep.equal([false, 0n]);
    });
  });

  // ================================================================ recall petitions

  describe("petitionRecall", function () {
    describe("reverts", function () {
      it("if the contributor signs the same petition twice", async function () {
        const { pool, carol } = await loadFixture(poolFixture);
        await pool.connect(carol).petitionRecall();
        await expect(pool.connect(carol).petitionRecall())
          .to.be.revertedWithCustomError(pool, "PoolAlreadySigned")
          .withArgs(carol.address, 1n);
      });

      it("if the signer has no matured weight (never gave, or gave this epoch)", async function () {
        const { pool, dave, frank } = await loadFixture(poolFixture);
        await expect(pool.connect(dave).petitionRecall()).to.be.revertedWithCustomError(pool, "PoolNoWeight").withArgs(dave.address);
        await give(pool, frank, 50n * ETH);
        await expect(pool.connect(frank).petitionRecall()).to.be.revertedWithCustomError(pool, "PoolNoWeight").withArgs(frank.address);
      });

      it("if a recall is already running (seat Recall)", async function () {
        const f = await loadFixture(poolFixture);
        await recall(f);
        await expect(f.pool.connect(f.bob).petitionRecall())
          .to.be.revertedWithCustomError(f.pool, "PoolSeatStatus")
          .withArgs(SeatStatus.Recall);
      });

      it("if the seat is open", async function () {
        const f = await loadFixture(poolFixture);
        await stepDown(f);
        await expect(f.pool.connect(f.alice).petitionRecall())
          .to.be.revertedWithCustomError(f.pool, "PoolSeatStatus")
          .withArgs(SeatStatus.Open);
      });

      it("if the pool has wound down", async function () {
        const { pool, alice } = await loadFixture(woundDownFixture);
        await expect(pool.connect(alice).petitionRecall())
          .to.be.revertedWithCustomError(pool, "PoolSeatStatus")
          .withArgs(SeatStatus.WoundDown);
      });
    });

    it("records a signature below the threshold and shows the petition", async function () {
      const { pool, at, carol } = await loadFixture(poolFixture);
      expect(list(await pool.petition())).to.deep.equal([0n, 0n, (100n * ETH * RECALL_BPS) / BPS, 0n]);
      await expect(pool.connect(carol).petitionRecall())
        .to.emit(pool, "RecallSigned")
        .withArgs(1n, carol.address, 10n * ETH, 10n * ETH);
      expect(list(await pool.petition())).to.deep.equal([1n, 10n * ETH, 30n * ETH, at(1n + PETITION_EPOCHS)]);
      expect((await pool.seat()).status).to.equal(SeatStatus.Filled);
      expect(await pool.electionKind()).to.equal(ElectionKind.None);
    });

    it("does not open a recall one wei below the threshold", async function () {
      const { pool, alice } = await loadFixture(edgeFixture);
      await expect(pool.connect(alice).petitionRecall())
        .to.emit(pool, "RecallSigned")
        .withArgs(1n, alice.address, 30n * ETH - 1n, 30n * ETH - 1n)
        .and.not.to.emit(pool, "ElectionCalled");
      const p = await pool.petition();
      expect([p.weight, p.threshold]).to.deep.equal([30n * ETH - 1n, 30n * ETH]);
      expect((await pool.seat()).status).to.equal(SeatStatus.Filled);
    });

    it("opens a recall election at exactly the threshold", async function () {
      const { pool, at, maintainer, alice, bob } = await loadFixture(edgeFixture);
      await pool.connect(alice).petitionRecall();
      const tx = pool.connect(bob).petitionRecall();
      await expect(tx).to.emit(pool, "RecallSigned").withArgs(1n, bob.address, 1n, 30n * ETH);
      await expect(tx).to.emit(pool, "ElectionCalled").withArgs(1n, ElectionKind.Recall, at(2), at(3));
      // The incumbent stands by right (nominator address(0)).
      await expect(tx).to.emit(pool, "Nominated").withArgs(1n, maintainer.address, ZERO);
      await expect(tx).not.to.emit(pool, "MaintainerChanged");
      expect((await pool.seat()).status).to.equal(SeatStatus.Recall);
      expect(await pool.maintainer()).to.equal(maintainer.address);
      expect(await pool.electionKind()).to.equal(ElectionKind.Recall);
      expect(list(await pool.candidate(1n, maintainer.address))).to.deep.equal([true, 0n]);
      expect((await pool.petition()).weight).to.equal(0n); // spent
    });

    it("sums signatures from different contributors up to the threshold", async function () {
      const { pool, carol, erin } = await loadFixture(poolFixture);
      await pool.connect(carol).petitionRecall(); // 10
      await expect(pool.connect(erin).petitionRecall()) // 10 + 20 = 30 of 100: exactly 30%
        .to.emit(pool, "ElectionCalled");
      expect((await pool.seat()).status).to.equal(SeatStatus.Recall);
    });

    it("collects signatures through the epoch after its start (one second before expiry)", async function () {
      const { pool, at, carol, erin } = await loadFixture(poolFixture);
      await pool.connect(carol).petitionRecall(); // petition 1, started in epoch 1
      await time.setNextBlockTimestamp(at(3) - 1n);
      await expect(pool.connect(erin).petitionRecall())
        .to.emit(pool, "RecallSigned")
        .withArgs(1n, erin.address, 20n * ETH, 30n * ETH);
      expect((await pool.seat()).status).to.equal(SeatStatus.Recall);
    });

    it("expires after two epochs: the next signature starts a fresh petition with a new id", async function () {
      const { pool, at, carol, erin } = await loadFixture(poolFixture);
      await pool.connect(carol).petitionRecall();
      await time.setNextBlockTimestamp(at(3));
      await expect(pool.connect(erin).petitionRecall())
        .to.emit(pool, "RecallSigned")
        .withArgs(2n, erin.address, 20n * ETH, 20n * ETH);
      expect(list(await pool.petition())).to.deep.equal([2n, 20n * ETH, 30n * ETH, at(5)]);
      expect((await pool.seat()).status).to.equal(SeatStatus.Filled);
      // Carol's old signature expired with petition 1: she may sign petition 2, which then reaches 30%.
      await expect(pool.connect(carol).petitionRecall())
        .to.emit(pool, "RecallSigned")
        .withArgs(2n, carol.address, 10n * ETH, 30n * ETH);
      expect((await pool.seat()).status).to.equal(SeatStatus.Recall);
    });

    it("starts a new petition after one that opened a recall (the spent one takes no more signatures)", async function () {
      const f = await loadFixture(poolFixture);
      const { pool, carol } = f;
      await recall(f); // petition 1 spent
      await toCounting(pool);
      await pool.finalizeElection(); // nobody voted: the recall failed, the seat is Filled again
      expect((await pool.seat()).status).to.equal(SeatStatus.Filled);
      // The incumbent survived: petitions pause for the rest of this epoch and two more.
      const opensAt = f.at((await pool.epoch()) + 3n);
      await expect(pool.connect(carol).petitionRecall()).to.be.revertedWithCustomError(pool, "PoolPetitionsClosed").withArgs(opensAt);
      await time.setNextBlockTimestamp(opensAt);
      await expect(pool.connect(carol).petitionRecall())
        .to.emit(pool, "RecallSigned")
        .withArgs(2n, carol.address, 10n * ETH, 10n * ETH);
    });
  });

  // ================================================================ elections

  describe("nominate", function () {
    describe("reverts", function () {
      it("if no election is open (phase None)", async function () {
        const { pool, alice, frank } = await loadFixture(poolFixture);
        await expect(pool.connect(alice).nominate(frank.address))
          .to.be.revertedWithCustomError(pool, "PoolElectionPhase")
          .withArgs(ElectionPhase.None);
      });

      it("once voting has started (from the voting epoch's first second)", async function () {
        const f = await loadFixture(poolFixture);
        const { pool, at, alice, bob, frank, dave } = f;
        await stepDown(f);
        await time.setNextBlockTimestamp(at(2) - 1n);
        await expect(pool.connect(alice).nominate(frank.address)).to.emit(pool, "Nominated"); // last second
        await time.setNextBlockTimestamp(at(2));
        await expect(pool.connect(bob).nominate(dave.address))
          .to.be.revertedWithCustomError(pool, "PoolElectionPhase")
          .withArgs(ElectionPhase.Voting);
      });

      it("while counting", async function () {
        const f = await loadFixture(poolFixture);
        await stepDown(f);
        await toCounting(f.pool);
        await expect(f.pool.connect(f.alice).nominate(f.frank.address))
          .to.be.revertedWithCustomError(f.pool, "PoolElectionPhase")
          .withArgs(ElectionPhase.Counting);
      });

      it("if the candidate is address(0)", async function () {
        const f = await loadFixture(poolFixture);
        await stepDown(f);
        await expect(f.pool.connect(f.alice).nominate(ZERO)).to.be.revertedWithCustomError(f.pool, "PoolZeroCandidate");
      });

      it("if the nominator has no matured weight (never gave, or gave this epoch)", async function () {
        const f = await loadFixture(poolFixture);
        const { pool, dave, frank } = f;
        await stepDown(f);
        await expect(pool.connect(dave).nominate(frank.address))
          .to.be.revertedWithCustomError(pool, "PoolNoWeight")
          .withArgs(dave.address);
        await give(pool, dave, 10n * ETH);
        await expect(pool.connect(dave).nominate(frank.address))
          .to.be.revertedWithCustomError(pool, "PoolNoWeight")
          .withArgs(dave.address);
      });

      it("if the candidate is already nominated (by anyone)", async function () {
        const f = await loadFixture(poolFixture);
        const { pool, alice, bob, frank } = f;
        await stepDown(f);
        await pool.connect(alice).nominate(frank.address);
        await expect(pool.connect(bob).nominate(frank.address))
          .to.be.revertedWithCustomError(pool, "PoolAlreadyNominated")
          .withArgs(frank.address);
      });

      it("if the candidate is the incumbent of a recall (nominated by right)", async function () {
        const f = await loadFixture(poolFixture);
        await recall(f);
        await expect(f.pool.connect(f.bob).nominate(f.maintainer.address))
          .to.be.revertedWithCustomError(f.pool, "PoolAlreadyNominated")
          .withArgs(f.maintainer.address);
      });
    });

    it("puts a candidate (who needs no weight) on the ballot", async function () {
      const f = await loadFixture(poolFixture);
      const { pool, alice, frank } = f;
      await stepDown(f);
      await expect(pool.connect(alice).nominate(frank.address))
        .to.emit(pool, "Nominated")
        .withArgs(1n, frank.address, alice.address);
      expect(list(await pool.candidate(1n, frank.address))).to.deep.equal([true, 0n]);
    });
  });

  describe("vote", function () {
    describe("reverts", function () {
      it("if no election is open (phase None)", async function () {
        const { pool, alice, frank } = await loadFixture(poolFixture);
        await expect(pool.connect(alice).vote(frank.address))
          .to.be.revertedWithCustomError(pool, "PoolElectionPhase")
          .withArgs(ElectionPhase.None);
      });

      it("while nominating (up to the voting epoch's last second before)", async function () {
        const f = await loadFixture(poolFixture);
        const { pool, at, alice, frank } = f;
        await stepDown(f);
        await pool.connect(alice).nominate(frank.address);
        await time.setNextBlockTimestamp(at(2) - 1n);
        await expect(pool.connect(alice).vote(frank.address))
          .to.be.revertedWithCustomError(pool, "PoolElectionPhase")
          .withArgs(ElectionPhase.Nominating);
      });

      it("once the voting epoch has ended (counting)", async function () {
        const f = await loadFixture(poolFixture);
        const { pool, at, alice, bob, frank } = f;
        await stepDown(f);
        await pool.connect(alice).nominate(frank.address);
        await time.setNextBlockTimestamp(at(3) - 1n);
        await expect(pool.connect(alice).vote(frank.address)).to.emit(pool, "Voted"); // last second
        await time.setNextBlockTimestamp(at(3));
        await expect(pool.connect(bob).vote(frank.address))
          .to.be.revertedWithCustomError(pool, "PoolElectionPhase")
          .withArgs(ElectionPhase.Counting);
      });

      it("if the candidate is not nominated", async function () {
        const f = await loadFixture(poolFixture);
        await stepDown(f);
        await toVoting(f.pool);
        await expect(f.pool.connect(f.alice).vote(f.dave.address))
          .to.be.revertedWithCustomError(f.pool, "PoolNotNominated")
          .withArgs(f.dave.address);
      });

      it("if the voter already voted in this election (for anyone)", async function () {
        const f = await loadFixture(poolFixture);
        const { pool, alice, frank, dave } = f;
        await stepDown(f);
        await pool.connect(alice).nominate(frank.address);
        await pool.connect(alice).nominate(dave.address);
        await toVoting(pool);
        await pool.connect(alice).vote(frank.address);
        await expect(pool.connect(alice).vote(frank.address))
          .to.be.revertedWithCustomError(pool, "PoolAlreadyVoted")
          .withArgs(alice.address, 1n);
        await expect(pool.connect(alice).vote(dave.address))
          .to.be.revertedWithCustomError(pool, "PoolAlreadyVoted")
          .withArgs(alice.address, 1n);
      });

      it("if the voter has no matured weight (never gave, or gave during the voting epoch)", async function () {
        const f = await loadFixture(poolFixture);
        const { pool, alice, dave, frank, stranger } = f;
        await stepDown(f);
        await pool.connect(alice).nominate(frank.address);
        await toVoting(pool);
        await expect(pool.connect(stranger).vote(frank.address))
          .to.be.revertedWithCustomError(pool, "PoolNoWeight")
          .withArgs(stranger.address);
        await give(pool, dave, 1_000n * ETH); // a flash of money during the vote buys no vote
        await expect(pool.connect(dave).vote(frank.address))
          .to.be.revertedWithCustomError(pool, "PoolNoWeight")
          .withArgs(dave.address);
      });
    });

    it("counts the voter's matured weight for the candidate", async function () {
      const f = await loadFixture(poolFixture);
      const { pool, alice, frank } = f;
      await stepDown(f);
      await pool.connect(alice).nominate(frank.address);
      await toVoting(pool);
      expect(await pool.hasVoted(1n, alice.address)).to.equal(false);
      await expect(pool.connect(alice).vote(frank.address))
        .to.emit(pool, "Voted")
        .withArgs(1n, alice.address, frank.address, 40n * ETH);
      expect(list(await pool.candidate(1n, frank.address))).to.deep.equal([true, 40n * ETH]);
      expect(await pool.hasVoted(1n, alice.address)).to.equal(true);
      expect(await pool.hasVoted(0n, alice.address)).to.equal(false);
    });

    it("ignores weight given during the voting epoch: the vote uses the pre-election weight", async function () {
      const f = await loadFixture(poolFixture);
      const { pool, alice, frank } = f;
      await stepDown(f);
      await pool.connect(alice).nominate(frank.address);
      await toVoting(pool);
      await give(pool, alice, 500n * ETH);
      expect((await pool.contributionOf(alice.address)).given).to.equal(540n * ETH);
      await expect(pool.connect(alice).vote(frank.address))
        .to.emit(pool, "Voted")
        .withArgs(1n, alice.address, frank.address, 40n * ETH);
      expect((await pool.election()).leaderVotes).to.equal(40n * ETH);
    });

    it("counts a gift made before the voting epoch (weight is fixed for the whole vote)", async function () {
      const f = await loadFixture(poolFixture);
      const { pool, alice, dave, frank } = f;
      await stepDown(f);
      await pool.connect(alice).nominate(frank.address);
      await give(pool, dave, 7n * ETH); // nominating epoch: matures at the voting epoch's start
      await toVoting(pool);
      await expect(pool.connect(dave).vote(frank.address))
        .to.emit(pool, "Voted")
        .withArgs(1n, dave.address, frank.address, 7n * ETH);
    });

    it("keeps the earlier leader on a tie and passes the lead only on strictly more votes", async function () {
      const f = await loadFixture(poolFixture);
      const { pool, alice, bob, carol, erin, frank, dave } = f;
      await stepDown(f);
      await pool.connect(alice).nominate(frank.address);
      await pool.connect(alice).nominate(dave.address);
      await toVoting(pool);
      await pool.connect(alice).vote(frank.address); // frank 40
      await pool.connect(bob).vote(dave.address); // dave 30
      await pool.connect(carol).vote(dave.address); // dave 40: a tie
      let e = await pool.election();
      expect([e.leader, e.leaderVotes]).to.deep.equal([frank.address, 40n * ETH]);
      expect((await pool.candidate(1n, dave.address)).votes).to.equal(40n * ETH);
      await pool.connect(erin).vote(dave.address); // dave 60
      e = await pool.election();
      expect([e.leader, e.leaderVotes]).to.deep.equal([dave.address, 60n * ETH]);
      await toCounting(pool);
      await expect(pool.finalizeElection()).to.emit(pool, "ElectionFinalized").withArgs(1n, dave.address, 60n * ETH, true);
    });

    it("lets a contributor vote again in a later election", async function () {
      const f = await loadFixture(poolFixture);
      const { pool, alice, frank } = f;
      await stepDown(f);
      await pool.connect(alice).nominate(frank.address);
      await toVoting(pool);
      await pool.connect(f.carol).vote(frank.address); // 10 of 100: below quorum
      await toCounting(pool);
      await pool.finalizeElection();
      await pool.callElection();
      await pool.connect(alice).nominate(frank.address);
      await toVoting(pool);
      await expect(pool.connect(f.carol).vote(frank.address)).to.emit(pool, "Voted").withArgs(2n, f.carol.address, frank.address, 10n * ETH);
      expect(await pool.hasVoted(2n, f.carol.address)).to.equal(true);
    });

    it("hasVoted keeps only a contributor's latest election (one slot each)", async function () {
      const f = await loadFixture(poolFixture);
      const { pool, alice, carol, frank } = f;
      await stepDown(f);
      await elect(f, frank.address, [carol]); // 10 of 100: fails
      await pool.finalizeElection();
      await pool.callElection();
      await pool.connect(alice).nominate(frank.address);
      await toVoting(pool);
      await pool.connect(carol).vote(frank.address);
      // IPoolSuccession.hasVoted documents it: the vote flag lives in the contributor's one slot.
      expect(await pool.hasVoted(2n, carol.address)).to.equal(true);
      expect(await pool.hasVoted(1n, carol.address)).to.equal(false);
    });

    it("counts square roots in a Quadratic pool, for votes and for the quorum", async function () {
      const { pool, maintainer, alice, bob, frank } = await loadFixture(quadraticPoolFixture);
      await pool.connect(maintainer).stepDown();
      await pool.connect(alice).nominate(frank.address);
      await toVoting(pool);
      await expect(pool.connect(bob).vote(frank.address)).to.emit(pool, "Voted").withArgs(1n, bob.address, frank.address, 3n * 10n ** 9n);
      await toCounting(pool);
      // sqrt(9 ETH) = 3e9 of sqrt(16) + sqrt(9) + sqrt(81) ETH = 16e9 total: 18.75% < 25%.
      await expect(pool.finalizeElection()).to.emit(pool, "ElectionFinalized").withArgs(1n, frank.address, 3n * 10n ** 9n, false);
      await pool.callElection();
      await pool.connect(alice).nominate(frank.address);
      await toVoting(pool);
      await pool.connect(alice).vote(frank.address); // 4e9 of 16e9: exactly 25%
      await toCounting(pool);
      await expect(pool.finalizeElection()).to.emit(pool, "ElectionFinalized").withArgs(2n, frank.address, 4n * 10n ** 9n, true);
    });
  });

  describe("finalizeElection", function () {
    describe("reverts", function () {
      it("if no election was ever called", async function () {
        const { pool } = await loadFixture(poolFixture);
        await expect(pool.finalizeElection()).to.be.revertedWithCustomError(pool, "PoolNoElection");
      });

      it("if the election is already finalized", async function () {
        const f = await loadFixture(poolFixture);
        await stepDown(f);
        await toCounting(f.pool);
        await f.pool.finalizeElection();
        await expect(f.pool.finalizeElection()).to.be.revertedWithCustomError(f.pool, "PoolNoElection");
      });

      it("early, while nominating", async function () {
        const f = await loadFixture(poolFixture);
        await stepDown(f);
        await expect(f.pool.finalizeElection())
          .to.be.revertedWithCustomError(f.pool, "PoolElectionPhase")
          .withArgs(ElectionPhase.Nominating);
      });

      it("early, during the voting epoch's last second", async function () {
        const f = await loadFixture(poolFixture);
        const { pool, at, alice, frank } = f;
        await stepDown(f);
        await pool.connect(alice).nominate(frank.address);
        await toVoting(pool);
        await pool.connect(alice).vote(frank.address);
        await time.setNextBlockTimestamp(at(3) - 1n);
        await expect(pool.finalizeElection())
          .to.be.revertedWithCustomError(pool, "PoolElectionPhase")
          .withArgs(ElectionPhase.Voting);
      });
    });

    it("installs the leader of a vacancy election that reaches quorum", async function () {
      const f = await loadFixture(poolFixture);
      const { pool, alice, frank, stranger } = f;
      await stepDown(f);
      await elect(f, frank.address, [alice]);
      const tx = pool.connect(stranger).finalizeElection();
      await expect(tx).to.emit(pool, "MaintainerChanged").withArgs(ZERO, frank.address);
      await expect(tx).to.emit(pool, "ElectionFinalized").withArgs(1n, frank.address, 40n * ETH, true);
      const finalizedAt = await minedAt(tx);
      expect(await pool.maintainer()).to.equal(frank.address);
      const seat = await pool.seat();
      expect([seat.status, seat.lastActive]).to.deep.equal([SeatStatus.Filled, finalizedAt]); // inactivity clock restarts
      expect(await pool.electionKind()).to.equal(ElectionKind.None);
    });

    it("installs at exactly the quorum", async function () {
      const { pool, maintainer, alice, bob, frank } = await loadFixture(edgeFixture);
      await pool.connect(maintainer).stepDown();
      await pool.connect(alice).nominate(frank.address);
      await toVoting(pool);
      await pool.connect(alice).vote(frank.address);
      await pool.connect(bob).vote(frank.address); // 30 ETH of 100 ETH: exactly the 30% quorum
      await toCounting(pool);
      await expect(pool.finalizeElection()).to.emit(pool, "ElectionFinalized").withArgs(1n, frank.address, 30n * ETH, true);
      expect(await pool.maintainer()).to.equal(frank.address);
    });

    it("fails one wei below the quorum: the seat stays open", async function () {
      const { pool, maintainer, alice, frank } = await loadFixture(edgeFixture);
      const openedAt = await minedAt(pool.connect(maintainer).stepDown());
      await pool.connect(alice).nominate(frank.address);
      await toVoting(pool);
      await pool.connect(alice).vote(frank.address); // 30 ETH - 1 wei of 100 ETH
      await toCounting(pool);
      const tx = pool.finalizeElection();
      await expect(tx).to.emit(pool, "ElectionFinalized").withArgs(1n, frank.address, 30n * ETH - 1n, false);
      await expect(tx).not.to.emit(pool, "MaintainerChanged");
      expect(await pool.maintainer()).to.equal(ZERO);
      const seat = await pool.seat();
      expect([seat.status, seat.openedAt]).to.deep.equal([SeatStatus.Open, openedAt]);
      expect(await pool.electionKind()).to.equal(ElectionKind.None);
    });

    it("fails when nobody voted", async function () {
      const f = await loadFixture(poolFixture);
      await stepDown(f);
      await toCounting(f.pool);
      await expect(f.pool.finalizeElection()).to.emit(f.pool, "ElectionFinalized").withArgs(1n, ZERO, 0n, false);
      expect((await f.pool.seat()).status).to.equal(SeatStatus.Open);
    });

    it("measures quorum against the voting epoch's total weight (gifts before voting raise the bar)", async function () {
      const f = await loadFixture(poolFixture);
      const { pool, alice, dave, frank } = f;
      await stepDown(f); // total weight 100 when called
      await give(pool, dave, 70n * ETH); // matures at the voting epoch: the total becomes 170
      await elect(f, frank.address, [alice]); // 40 of 170 < 25%
      await expect(pool.finalizeElection()).to.emit(pool, "ElectionFinalized").withArgs(1n, frank.address, 40n * ETH, false);
    });

    it("does not let gifts during the voting epoch raise the bar", async function () {
      const f = await loadFixture(poolFixture);
      const { pool, alice, dave, frank } = f;
      await stepDown(f);
      await pool.connect(alice).nominate(frank.address);
      await toVoting(pool);
      await pool.connect(alice).vote(frank.address); // 40 of 100
      await give(pool, dave, 1_000n * ETH); // pending until the voting epoch ends
      await toCounting(pool);
      expect(await pool.totalWeight()).to.equal(1_100n * ETH); // matured now, but not in the voting epoch
      await expect(pool.finalizeElection()).to.emit(pool, "ElectionFinalized").withArgs(1n, frank.address, 40n * ETH, true);
    });
  });

  // ================================================================ recall elections

  describe("recall", function () {
    it("freezes the incumbent while it runs: no payments, no new claims, no proposals, no applied changes", async function () {
      const f = await loadFixture(poolFixture);
      const { pool, maintainer, frank, stranger } = f;
      const claimId = await fileClaim(f, STIPEND, 10n * ETH, maintainer.address);
      await pool.connect(maintainer).proposeBudgetChange(HOSTING, "hosting", 3n * ETH, 30n * DAY); // proposal 0
      await recall(f);
      await time.increase(RULE_CHANGE_DELAY); // the claim's window and the change's notice have passed
      await expect(pool.connect(stranger).payClaim(claimId)).to.be.revertedWithCustomError(pool, "PoolPaymentsFrozen");
      await expect(pool.connect(stranger).applyChange(0n)).to.be.revertedWithCustomError(pool, "PoolChangesFrozen").withArgs(0n);
      await expect(pool.connect(maintainer).fileClaim(HOSTING, ETH, frank.address, RECEIPT, RECEIPT_URI))
        .to.be.revertedWithCustomError(pool, "PoolSeatStatus")
        .withArgs(SeatStatus.Recall);
      await expect(pool.connect(maintainer).proposeBudgetChange(HOSTING, "hosting", 3n * ETH, 30n * DAY))
        .to.be.revertedWithCustomError(pool, "PoolSeatStatus")
        .withArgs(SeatStatus.Recall);
      expect(await claimStatus(pool, claimId)).to.equal(ClaimStatus.Pending);
      expect(await pool.balance()).to.equal(100n * ETH);
    });

    it("won by someone else: installs them and voids the incumbent's pending claims and proposals", async function () {
      const f = await loadFixture(poolFixture);
      const { pool, maintainer, alice, bob, frank, stranger } = f;
      const claimId = await fileClaim(f, STIPEND, 10n * ETH, maintainer.address);
      await pool.connect(maintainer).proposeBudgetChange(HOSTING, "hosting", 3n * ETH, 30n * DAY); // proposal 0
      await recall(f);
      await elect(f, frank.address, [alice, bob]);
      const tx = pool.finalizeElection();
      await expect(tx).to.emit(pool, "MaintainerChanged").withArgs(maintainer.address, frank.address);
      await expect(tx).to.emit(pool, "ElectionFinalized").withArgs(1n, frank.address, 70n * ETH, true);
      expect(await pool.maintainer()).to.equal(frank.address);
      expect((await pool.seat()).status).to.equal(SeatStatus.Filled);
      expect(await claimStatus(pool, claimId)).to.equal(ClaimStatus.Void);
      await expect(pool.connect(stranger).payClaim(claimId))
        .to.be.revertedWithCustomError(pool, "PoolClaimNotPending")
        .withArgs(claimId, ClaimStatus.Void);
      await expect(pool.connect(alice).objectToChange(0n))
        .to.be.revertedWithCustomError(pool, "PoolProposalNotPending")
        .withArgs(0n, ProposalStatus.Cancelled);
      await expect(pool.connect(stranger).applyChange(0n))
        .to.be.revertedWithCustomError(pool, "PoolProposalNotPending")
        .withArgs(0n, ProposalStatus.Cancelled);
      await expect(pool.connect(maintainer).cancelClaim(claimId))
        .to.be.revertedWithCustomError(pool, "PoolNotMaintainer")
        .withArgs(maintainer.address);
    });

    it("voids by filing number, not by id: the successor's claim stays payable though its id is smaller", async function () {
      const f = await loadFixture(poolFixture);
      const { pool, maintainer, alice, bob, frank, stranger } = f;
      // Ids are receipt hashes, in no particular order. The successor's id 1 is below both voided ids and below
      // the claim count at the recall (2), so voiding by id, against either mark, would catch it too.
      const firstReceipt = ethers.toBeHex(ethers.MaxUint256, 32);
      const secondReceipt = ethers.toBeHex(ethers.MaxUint256 - 1n, 32);
      const successorReceipt = ethers.toBeHex(1n, 32);
      await pool.connect(maintainer).fileClaim(STIPEND, 6n * ETH, maintainer.address, firstReceipt, RECEIPT_URI);
      await pool.connect(maintainer).fileClaim(HOSTING, ETH, maintainer.address, secondReceipt, RECEIPT_URI);
      await recall(f);
      await elect(f, frank.address, [alice, bob]);
      await pool.finalizeElection();
      await pool.connect(frank).fileClaim(STIPEND, ETH, frank.address, successorReceipt, RECEIPT_URI);
      const voided = [claimIdOf(firstReceipt), claimIdOf(secondReceipt)];
      const fresh = claimIdOf(successorReceipt);
      for (const id of voided) expect(fresh).to.be.lessThan(id);
      const numbers = await Promise.all([...voided, fresh].map(async (id) => (await pool.claim(id))[0].number));
      expect(numbers).to.deep.equal([0n, 1n, 2n]); // in filing order, the reverse of the ids' order
      for (const id of voided) expect(await claimStatus(pool, id)).to.equal(ClaimStatus.Void);
      expect(await claimStatus(pool, fresh)).to.equal(ClaimStatus.Pending);
      await time.increase(CLAIM_DELAY);
      for (const id of voided) {
        await expect(pool.connect(stranger).payClaim(id))
          .to.be.revertedWithCustomError(pool, "PoolClaimNotPending")
          .withArgs(id, ClaimStatus.Void);
      }
      await expect(pool.connect(stranger).payClaim(fresh)).to.changeEtherBalances(ethers, [frank, pool], [ETH, -ETH]);
    });

    it("won by the incumbent: the seat is filled again and their claims are payable", async function () {
      const f = await loadFixture(poolFixture);
      const { pool, maintainer, bob, erin, frank } = f;
      const claimId = await fileClaim(f, STIPEND, 10n * ETH, frank.address);
      const lastAct = (await pool.seat()).lastActive; // the claim: the maintainer's last act
      await recall(f);
      await pool.connect(bob).nominate(frank.address);
      await toVoting(pool);
      await pool.connect(bob).vote(maintainer.address); // 30
      await pool.connect(erin).vote(frank.address); // 20
      await toCounting(pool);
      const tx = pool.finalizeElection();
      await expect(tx).to.emit(pool, "ElectionFinalized").withArgs(1n, maintainer.address, 30n * ETH, true);
      await expect(tx).not.to.emit(pool, "MaintainerChanged");
      expect(await pool.maintainer()).to.equal(maintainer.address);
      // Winning the recall is no act of the maintainer's: the clock stays at their last act.
      const seat = await pool.seat();
      expect([seat.status, seat.lastActive]).to.deep.equal([SeatStatus.Filled, lastAct]);
      expect(await claimStatus(pool, claimId)).to.equal(ClaimStatus.Pending);
      await expect(pool.payClaim(claimId)).to.changeEtherBalances(ethers, [frank, pool], [10n * ETH, -10n * ETH]);
    });

    it("failed (no quorum): the seat is filled again and payments resume", async function () {
      const f = await loadFixture(poolFixture);
      const { pool, maintainer, carol, frank } = f;
      const claimId = await fileClaim(f, STIPEND, 10n * ETH, frank.address);
      await recall(f);
      await elect(f, frank.address, [carol]); // 10 of 100 < 25%
      await expect(pool.finalizeElection()).to.emit(pool, "ElectionFinalized").withArgs(1n, frank.address, 10n * ETH, false);
      expect(await pool.maintainer()).to.equal(maintainer.address);
      expect((await pool.seat()).status).to.equal(SeatStatus.Filled);
      await expect(pool.payClaim(claimId)).to.changeEtherBalances(ethers, [frank, pool], [10n * ETH, -10n * ETH]);
      await expect(pool.connect(maintainer).fileClaim(HOSTING, ETH, frank.address, RECEIPT, RECEIPT_URI)).to.emit(
        pool,
        "ClaimFiled",
      );
    });

    it("stepping down during it voids pending claims and proposals and turns it into a vacancy election", async function () {
      const f = await loadFixture(poolFixture);
      const { pool, at, maintainer, alice, bob, frank, stranger } = f;
      const claimId = await fileClaim(f, STIPEND, 10n * ETH, maintainer.address);
      await pool.connect(maintainer).proposeBudgetChange(HOSTING, "hosting", 3n * ETH, 30n * DAY);
      await recall(f);
      const tx = pool.connect(maintainer).stepDown();
      await expect(tx).to.emit(pool, "MaintainerChanged").withArgs(maintainer.address, ZERO);
      // The same election goes on, now for the vacancy: said with ElectionCalled (same id and window).
      await expect(tx).to.emit(pool, "ElectionCalled").withArgs(1n, ElectionKind.Vacancy, at(2), at(3));
      await expect(tx).to.emit(pool, "PendingVoided");
      const openedAt = await minedAt(tx);
      expect(await pool.electionKind()).to.equal(ElectionKind.Vacancy);
      expect(list(await pool.election())).to.deep.equal([1n, ElectionPhase.Nominating, at(2), at(3), ZERO, 0n]);
      const seat = await pool.seat();
      expect([seat.status, seat.openedAt]).to.deep.equal([SeatStatus.Open, openedAt]);
      expect(await claimStatus(pool, claimId)).to.equal(ClaimStatus.Void);
      await time.increase(CLAIM_DELAY);
      await expect(pool.connect(stranger).applyChange(0n))
        .to.be.revertedWithCustomError(pool, "PoolProposalNotPending")
        .withArgs(0n, ProposalStatus.Cancelled);
      await expect(pool.connect(stranger).payClaim(claimId))
        .to.be.revertedWithCustomError(pool, "PoolClaimNotPending")
        .withArgs(claimId, ClaimStatus.Void);
      // The election then fills the open seat like any vacancy election.
      await elect(f, frank.address, [alice, bob]);
      await expect(pool.finalizeElection()).to.emit(pool, "MaintainerChanged").withArgs(ZERO, frank.address);
      expect(await claimStatus(pool, claimId)).to.equal(ClaimStatus.Void);
      expect(await pool.balance()).to.equal(100n * ETH);
    });

    it("keeps a voided claim's reservation until the line's period ends (no loop over claims)", async function () {
      const f = await loadFixture(poolFixture);
      const { pool, maintainer, alice, bob, frank } = f;
      await fileClaim(f, STIPEND, 10n * ETH, maintainer.address); // the whole line for this period
      await recall(f);
      await elect(f, frank.address, [alice, bob]);
      await pool.finalizeElection();
      // Freeing every voided claim would be a loop over claims; the reservation lapses with the period.
      const line = await pool.budgetLine(STIPEND);
      expect(line.left).to.equal(0n);
      await expect(pool.connect(frank).fileClaim(STIPEND, 10n * ETH, frank.address, RECEIPT, RECEIPT_URI))
        .to.be.revertedWithCustomError(pool, "PoolOverBudget")
        .withArgs(STIPEND, 10n * ETH, 0n);
      await time.increaseTo(line.nextReset);
      expect((await pool.budgetLine(STIPEND)).left).to.equal(10n * ETH);
      await expect(pool.connect(frank).fileClaim(STIPEND, 10n * ETH, frank.address, RECEIPT, RECEIPT_URI)).to.emit(
        pool,
        "ClaimFiled",
      );
    });

    it("a recalled maintainer cannot drain pending claims: frozen, then void once someone else wins", async function () {
      const f = await loadFixture(poolFixture);
      const { pool, maintainer, alice, bob, frank, stranger } = f;
      const stipend = await fileClaim(f, STIPEND, 10n * ETH, maintainer.address);
      const hosting = await fileClaim(f, HOSTING, 2n * ETH, maintainer.address);
      await recall(f);
      await time.increase(CLAIM_DELAY);
      for (const id of [stipend, hosting]) {
        await expect(pool.connect(maintainer).payClaim(id)).to.be.revertedWithCustomError(pool, "PoolPaymentsFrozen");
      }
      await elect(f, frank.address, [alice, bob]);
      await pool.finalizeElection();
      for (const id of [stipend, hosting]) {
        await expect(pool.connect(stranger).payClaim(id))
          .to.be.revertedWithCustomError(pool, "PoolClaimNotPending")
          .withArgs(id, ClaimStatus.Void);
      }
      expect(await ethers.provider.getBalance(pool)).to.equal(100n * ETH);
      expect(await pool.balance()).to.equal(100n * ETH);
    });
  });

  describe("proposal (view) of a voided change", function () {
    it("reads a change voided by a recall as Cancelled, as applyChange reports it", async function () {
      const f = await loadFixture(poolFixture);
      const { pool, maintainer, alice, bob, frank } = f;
      await pool.connect(maintainer).proposeBudgetChange(HOSTING, "hosting", 3n * ETH, 30n * DAY); // proposal 0
      await recall(f);
      await elect(f, frank.address, [alice, bob]);
      await pool.finalizeElection();
      await expect(pool.applyChange(0n))
        .to.be.revertedWithCustomError(pool, "PoolProposalNotPending")
        .withArgs(0n, ProposalStatus.Cancelled);
      // `claim()` computes Void for a voided claim; `proposal()` should not show a void change as Pending.
      expect((await pool.proposal(0n)).status).to.equal(ProposalStatus.Cancelled);
    });
  });

  // ================================================================ wind-down

  describe("windDown", function () {
    /** Steps down, lets the vacancy election fail, returns when the seat opened and when it may wind down. */
    async function failedVacancy(f: Fx) {
      const openedAt = await stepDown(f);
      await toCounting(f.pool);
      await f.pool.finalizeElection();
      const windDownAt = openedAt + VACANCY;
      const windDownEpoch = (windDownAt - f.genesis) / EPOCH;
      return { openedAt, windDownAt, windDownEpoch };
    }

    /** Calls a second election whose voting epoch contains the vacancy's end. */
    async function electionVotingAtWindDown(f: Fx) {
      const v = await failedVacancy(f);
      await time.increaseTo(f.at(v.windDownEpoch - 1n, 1n));
      await f.pool.callElection();
      expect((await f.pool.election()).votingStartsAt).to.equal(f.at(v.windDownEpoch));
      await f.pool.connect(f.alice).nominate(f.frank.address);
      return v;
    }

    describe("reverts", function () {
      it("if the seat is filled", async function () {
        const { pool } = await loadFixture(poolFixture);
        await time.increase(365n * DAY);
        await expect(pool.windDown()).to.be.revertedWithCustomError(pool, "PoolSeatStatus").withArgs(SeatStatus.Filled);
      });

      it("if a recall runs", async function () {
        const f = await loadFixture(poolFixture);
        await recall(f);
        await time.increase(VACANCY);
        await expect(f.pool.windDown()).to.be.revertedWithCustomError(f.pool, "PoolSeatStatus").withArgs(SeatStatus.Recall);
      });

      it("one second before the seat has been open for vacancyPeriod", async function () {
        const f = await loadFixture(poolFixture);
        const { windDownAt } = await failedVacancy(f);
        await time.setNextBlockTimestamp(windDownAt - 1n);
        await expect(f.pool.windDown()).to.be.revertedWithCustomError(f.pool, "PoolVacancyNotExpired").withArgs(windDownAt);
      });

      it("while an election is voting", async function () {
        const f = await loadFixture(poolFixture);
        const { windDownAt } = await electionVotingAtWindDown(f);
        await time.setNextBlockTimestamp(windDownAt);
        await expect(f.pool.windDown())
          .to.be.revertedWithCustomError(f.pool, "PoolElectionPhase")
          .withArgs(ElectionPhase.Voting);
      });

      it("while an ended election with a winner waits to be finalized", async function () {
        const f = await loadFixture(poolFixture);
        const { pool, alice, frank } = f;
        await electionVotingAtWindDown(f);
        await toVoting(pool);
        await pool.connect(alice).vote(frank.address);
        await toCounting(pool);
        await expect(pool.windDown())
          .to.be.revertedWithCustomError(pool, "PoolElectionPhase")
          .withArgs(ElectionPhase.Counting);
        await expect(pool.finalizeElection()).to.emit(pool, "MaintainerChanged").withArgs(ZERO, frank.address);
        await expect(pool.windDown()).to.be.revertedWithCustomError(pool, "PoolSeatStatus").withArgs(SeatStatus.Filled);
      });

      it("if the pool has already wound down", async function () {
        const { pool } = await loadFixture(woundDownFixture);
        await expect(pool.windDown()).to.be.revertedWithCustomError(pool, "PoolIsWoundDown");
      });
    });

    it("winds down exactly vacancyPeriod after the seat opened", async function () {
      const f = await loadFixture(poolFixture);
      const { windDownAt } = await failedVacancy(f);
      await time.setNextBlockTimestamp(windDownAt);
      await expect(f.pool.connect(f.stranger).windDown()).to.emit(f.pool, "WoundDown").withArgs(100n * ETH);
      expect((await f.pool.seat()).status).to.equal(SeatStatus.WoundDown);
      expect(list(await f.pool.windDownState())).to.deep.equal([100n * ETH, 0n]);
    });

    it("closes an ended election that missed quorum (ElectionFinalized with installed false)", async function () {
      const f = await loadFixture(poolFixture);
      const { pool, carol, frank } = f;
      await electionVotingAtWindDown(f);
      await toVoting(pool);
      await pool.connect(carol).vote(frank.address); // 10 of 100
      await toCounting(pool);
      const tx = pool.windDown();
      await expect(tx).to.emit(pool, "ElectionFinalized").withArgs(2n, frank.address, 10n * ETH, false);
      await expect(tx).to.emit(pool, "WoundDown").withArgs(100n * ETH);
      expect(await pool.electionKind()).to.equal(ElectionKind.None);
      await expect(pool.finalizeElection()).to.be.revertedWithCustomError(pool, "PoolNoElection");
    });

    it("closes the step-down election that nobody voted in", async function () {
      const f = await loadFixture(poolFixture);
      const openedAt = await stepDown(f);
      await time.increaseTo(openedAt + VACANCY);
      const tx = f.pool.windDown();
      await expect(tx).to.emit(f.pool, "ElectionFinalized").withArgs(1n, ZERO, 0n, false);
      await expect(tx).to.emit(f.pool, "WoundDown").withArgs(100n * ETH);
    });

    it("closes an election that is still nominating", async function () {
      const f = await loadFixture(poolFixture);
      const { pool, frank, alice } = f;
      const { windDownAt } = await failedVacancy(f);
      await time.setNextBlockTimestamp(windDownAt - 60n);
      await pool.callElection();
      await pool.connect(alice).nominate(frank.address);
      await time.setNextBlockTimestamp(windDownAt);
      const tx = pool.windDown();
      await expect(tx).to.emit(pool, "WoundDown").withArgs(100n * ETH);
      expect((await pool.election()).phase).to.equal(ElectionPhase.None);
      expect(await pool.electionKind()).to.equal(ElectionKind.None);
      await expect(pool.connect(alice).nominate(alice.address))
        .to.be.revertedWithCustomError(pool, "PoolElectionPhase")
        .withArgs(ElectionPhase.None);
    });

    it("after it: gifts stop, weights are 0, pending claims are void, the seat stays empty", async function () {
      const f = await loadFixture(woundDownFixture);
      const { pool, poolAddress, alice, maintainer, frank, stranger } = f;
      expect((await pool.seat()).status).to.equal(SeatStatus.WoundDown);
      expect(await pool.maintainer()).to.equal(ZERO);
      expect(await pool.weightOf(alice.address)).to.equal(0n);
      expect(await pool.totalWeight()).to.equal(0n);
      expect(await claimStatus(pool, f.paidClaim)).to.equal(ClaimStatus.Paid);
      expect(await claimStatus(pool, f.pendingClaim)).to.equal(ClaimStatus.Void);
      // Filed first and second; no recall marked them, so the wind-down alone voids the pending one.
      expect((await pool.claim(f.paidClaim))[0].number).to.equal(0n);
      expect((await pool.claim(f.pendingClaim))[0].number).to.equal(1n);
      await expect(pool.connect(stranger).payClaim(f.pendingClaim))
        .to.be.revertedWithCustomError(pool, "PoolClaimNotPending")
        .withArgs(f.pendingClaim, ClaimStatus.Void);
      await expect(pool.connect(stranger).applyChange(0n))
        .to.be.revertedWithCustomError(pool, "PoolProposalNotPending")
        .withArgs(0n, ProposalStatus.Cancelled);
      await expect(pool.connect(alice).give(ETH, { value: ETH })).to.be.revertedWithCustomError(pool, "PoolIsWoundDown");
      await expect(alice.sendTransaction({ to: poolAddress, value: ETH })).to.be.revertedWithCustomError(
        pool,
        "PoolIsWoundDown",
      );
      await expect(pool.connect(maintainer).fileClaim(HOSTING, ETH, frank.address, RECEIPT, RECEIPT_URI))
        .to.be.revertedWithCustomError(pool, "PoolNotMaintainer")
        .withArgs(maintainer.address);
      await expect(pool.connect(alice).vote(frank.address))
        .to.be.revertedWithCustomError(pool, "PoolElectionPhase")
        .withArgs(ElectionPhase.None);
      expect(await pool.balance()).to.equal(f.left);
    });
  });

  describe("reclaim", function () {
    describe("reverts", function () {
      it("before the pool has wound down", async function () {
        const { pool, alice } = await loadFixture(poolFixture);
        await expect(pool.connect(alice).reclaim()).to.be.revertedWithCustomError(pool, "PoolNotWoundDown");
        expect(await pool.reclaimable(alice.address)).to.equal(0n);
      });

      it("if the caller never gave", async function () {
        const { pool, dave } = await loadFixture(woundDownFixture);
        await expect(pool.connect(dave).reclaim())
          .to.be.revertedWithCustomError(pool, "PoolNothingToReclaim")
          .withArgs(dave.address);
      });

      it("the second time (the contribution is forgotten)", async function () {
        const { pool, alice } = await loadFixture(woundDownFixture);
        await pool.connect(alice).reclaim();
        expect(list(await pool.contributionOf(alice.address))).to.deep.equal([0n, 0n]);
        expect(await pool.reclaimable(alice.address)).to.equal(0n);
        await expect(pool.connect(alice).reclaim())
          .to.be.revertedWithCustomError(pool, "PoolNothingToReclaim")
          .withArgs(alice.address);
      });

      it("if the reclaimer refuses the ETH, leaving the share reclaimable for a retry", async function () {
        const { pool, poolAddress, payee, left, totalGiven } = await loadFixture(woundDownFixture);
        const share = (left * 5n * ETH) / totalGiven;
        const reclaim = pool.interface.encodeFunctionData("reclaim");
        await payee.setRejecting(true);
        await expect(payee.execute(poolAddress, reclaim, 0n))
          .to.be.revertedWithCustomError(pool, "PoolReclaimFailed")
          .withArgs(await payee.getAddress(), share);
        expect(await pool.reclaimable(payee)).to.equal(share);
        expect(list(await pool.windDownState())).to.deep.equal([left, 0n]);
        await payee.setRejecting(false);
        await expect(payee.execute(poolAddress, reclaim, 0n)).to.changeEtherBalances(ethers, [payee, pool], [share, -share]);
      });
    });

    it("pays each contributor left × given / totalGiven, rounded down", async function () {
      const { pool, alice, bob, left, totalGiven } = await loadFixture(woundDownFixture);
      // 110 ETH - 1 wei is left of 110 ETH given: every share is what was given minus one wei.
      expect(await pool.reclaimable(alice.address)).to.equal(40n * ETH - 1n);
      expect((left * 40n * ETH) / totalGiven).to.equal(40n * ETH - 1n);
      const tx = pool.connect(alice).reclaim();
      await expect(tx).to.emit(pool, "Reclaimed").withArgs(alice.address, 40n * ETH - 1n);
      await expect(tx).to.changeEtherBalances(ethers, [alice, pool], [40n * ETH - 1n, -(40n * ETH - 1n)]);
      await expect(pool.connect(bob).reclaim()).to.changeEtherBalances(ethers, [bob, pool], [30n * ETH - 1n, -(30n * ETH - 1n)]);
      expect(list(await pool.windDownState())).to.deep.equal([left, 70n * ETH - 2n]);
      expect(await pool.balance()).to.equal(left - (70n * ETH - 2n));
    });

    it("does not let a reentrant reclaimer reclaim twice", async function () {
      const { pool, poolAddress, attacker, implementation, left, totalGiven } = await loadFixture(woundDownFixture);
      const share = (left * 5n * ETH) / totalGiven;
      const reclaim = pool.interface.encodeFunctionData("reclaim");
      await attacker.armTimes(poolAddress, reclaim, 0n, 3n);
      await expect(attacker.execute(poolAddress, reclaim, 0n)).to.changeEtherBalances(
        ethers,
        [attacker, pool],
        [share, -share],
      );
      expect(list(await attacker.reentries())).to.deep.equal([1n, 0n]);
      expect(await attacker.lastReentrySucceeded()).to.equal(false);
      expect(await attacker.lastReentryReturnData()).to.equal(
        implementation.interface.encodeErrorResult("ReentrancyGuardReentrantCall", []),
      );
      expect(list(await pool.windDownState())).to.deep.equal([left, share]);
      await expect(attacker.execute(poolAddress, reclaim, 0n))
        .to.be.revertedWithCustomError(pool, "PoolNothingToReclaim")
        .withArgs(await attacker.getAddress());
    });

    it("pays everyone no more than was left; the rounding dust stays in the pool", async function () {
      const { pool, poolAddress, alice, bob, carol, erin, payee, attacker, left } = await loadFixture(woundDownFixture);
      const reclaim = pool.interface.encodeFunctionData("reclaim");
      let paid = 0n;
      for (const who of [alice, bob, carol, erin]) {
        const before = await pool.reclaimable(who.address);
        await expect(pool.connect(who).reclaim()).to.emit(pool, "Reclaimed").withArgs(who.address, before);
        paid += before;
      }
      for (const mock of [payee, attacker]) {
        const before = await pool.reclaimable(mock);
        await mock.execute(poolAddress, reclaim, 0n);
        paid += before;
      }
      expect(paid).to.equal(110n * ETH - 6n); // six shares, each one wei short
      expect(paid).to.be.at.most(left);
      expect(list(await pool.windDownState())).to.deep.equal([left, paid]);
      expect(await ethers.provider.getBalance(poolAddress)).to.equal(5n); // the dust
      expect(await pool.balance()).to.equal(5n);
    });
  });

  // ================================================================ whole successions

  describe("successions end to end", function () {
    it("step-down → election → the new maintainer files and is paid a claim", async function () {
      const f = await loadFixture(poolFixture);
      const { pool, maintainer, alice, bob, frank, stranger } = f;
      await stepDown(f);
      await elect(f, frank.address, [alice, bob]);
      await expect(pool.connect(stranger).finalizeElection()).to.emit(pool, "MaintainerChanged").withArgs(ZERO, frank.address);
      const number = await pool.claimCount();
      const id = claimIdOf(RECEIPT);
      await expect(pool.connect(frank).fileClaim(HOSTING, ETH, frank.address, RECEIPT, RECEIPT_URI))
        .to.emit(pool, "ClaimFiled")
        .withArgs(id, HOSTING, frank.address, ETH, RECEIPT, RECEIPT_URI);
      expect((await pool.claim(id))[0].number).to.equal(number);
      await time.increase(CLAIM_DELAY);
      await expect(pool.connect(stranger).payClaim(id)).to.changeEtherBalances(ethers, [frank, pool], [ETH, -ETH]);
      await expect(pool.connect(maintainer).fileClaim(HOSTING, ETH, maintainer.address, RECEIPT, RECEIPT_URI))
        .to.be.revertedWithCustomError(pool, "PoolNotMaintainer")
        .withArgs(maintainer.address);
    });

    it("abandonment → election → a new maintainer", async function () {
      const f = await loadFixture(poolFixture);
      const { pool, genesis, at, maintainer, alice, erin, dave, stranger } = f;
      await time.increaseTo(genesis + INACTIVITY);
      await expect(pool.connect(stranger).callElection())
        .to.emit(pool, "MaintainerChanged")
        .withArgs(maintainer.address, ZERO);
      await pool.connect(erin).nominate(dave.address);
      await toVoting(pool);
      expect(await pool.epoch()).to.equal(14n);
      await pool.connect(alice).vote(dave.address);
      await time.increaseTo(at(15));
      await expect(pool.finalizeElection()).to.emit(pool, "MaintainerChanged").withArgs(ZERO, dave.address);
      expect(await pool.maintainer()).to.equal(dave.address);
      await expect(pool.connect(dave).heartbeat()).to.emit(pool, "Heartbeat").withArgs(dave.address);
    });

    it("recall → someone else wins → the old maintainer's claims are void, the new one's are paid", async function () {
      const f = await loadFixture(poolFixture);
      const { pool, maintainer, alice, bob, frank } = f;
      const old = await fileClaim(f, STIPEND, 6n * ETH, maintainer.address);
      await recall(f);
      await elect(f, frank.address, [alice, bob]);
      await pool.finalizeElection();
      expect(await claimStatus(pool, old)).to.equal(ClaimStatus.Void);
      // The new maintainer's claims are not caught by the void (numbered from the mark up).
      const fresh = claimIdOf(RECEIPT);
      await pool.connect(frank).fileClaim(STIPEND, ETH, frank.address, RECEIPT, RECEIPT_URI);
      expect(await claimStatus(pool, fresh)).to.equal(ClaimStatus.Pending);
      await time.increase(CLAIM_DELAY);
      await expect(pool.payClaim(old)).to.be.revertedWithCustomError(pool, "PoolClaimNotPending").withArgs(old, ClaimStatus.Void);
      await expect(pool.payClaim(fresh)).to.changeEtherBalances(ethers, [frank, pool], [ETH, -ETH]);
    });

    it("vacancy → wind-down → everyone reclaims and only dust stays", async function () {
      const { pool, maintainer, donors, gifts } = await loadFixture(unevenPoolFixture);
      // The maintainer spends a little, then leaves; nobody takes over.
      await pool.connect(maintainer).fileClaim(HOSTING, ETH / 7n, maintainer.address, RECEIPT, RECEIPT_URI);
      await time.increase(CLAIM_DELAY);
      await pool.payClaim(claimIdOf(RECEIPT));
      const openedAt = await minedAt(pool.connect(maintainer).stepDown());
      await toCounting(pool);
      await pool.finalizeElection(); // nobody voted
      await time.increaseTo(openedAt + VACANCY);
      const total = gifts.reduce((a, b) => a + b, 0n);
      const left = total - ETH / 7n;
      await expect(pool.windDown()).to.emit(pool, "WoundDown").withArgs(left);
      let paid = 0n;
      for (let i = 0; i < gifts.length; i++) {
        const share = (left * gifts[i]) / total;
        expect(await pool.reclaimable(donors[i].address)).to.equal(share);
        await expect(pool.connect(donors[i]).reclaim()).to.changeEtherBalances(ethers, [donors[i], pool], [share, -share]);
        paid += share;
      }
      const dust = left - paid;
      expect(dust).to.be.greaterThan(0n); // these amounts do not divide evenly
      expect(dust).to.be.lessThan(BigInt(gifts.length)); // under one wei per share
      expect(await ethers.provider.getBalance(pool)).to.equal(dust);
      expect(await pool.balance()).to.equal(dust);
      expect(list(await pool.windDownState())).to.deep.equal([left, paid]);
      for (const donor of donors.slice(0, gifts.length)) {
        await expect(pool.connect(donor).reclaim()).to.be.revertedWithCustomError(pool, "PoolNothingToReclaim");
      }
    });
  });

  // ================================================================ scale

  describe("scale", function () {
    it("elects the right winner among 100 candidates with 1,000 voters", async function () {
      this.timeout(180_000);
      const { pool, at, maintainer } = await loadFixture(barePoolFixture);
      const VOTERS = 1_000;
      const CANDIDATES = 100;
      const addressAt = (base: bigint, i: number) => ethers.getAddress("0x" + (base + BigInt(i)).toString(16).padStart(40, "0"));
      const voterAddresses = Array.from({ length: VOTERS }, (_, i) => addressAt(0x7070_0000_0000_0000_0000_0000_0000_0000_0001_0000n, i));
      const candidates = Array.from({ length: CANDIDATES }, (_, i) => addressAt(0xca2d_0000_0000_0000_0000_0000_0000_0000_0001_0000n, i));
      const weights = voterAddresses.map((_, i) => BigInt(1 + ((i * 37) % 10)) * ETH + BigInt(i)); // all distinct
      // Candidate 7 leads the first half, candidate 42 overtakes it in the second; the rest are spread.
      const choice = (i: number) => {
        const r = i % 5;
        if (i < VOTERS / 2) return r <= 1 ? 7 : r === 2 ? 42 : (i * 31 + 3) % CANDIDATES;
        return r <= 2 ? 42 : r === 3 ? 7 : (i * 31 + 3) % CANDIDATES;
      };

      await inChunks(voterAddresses, 100, (a) => networkHelpers.setBalance(a, 100n * ETH));
      const voters = await inChunks(voterAddresses, 100, (a) => ethers.getImpersonatedSigner(a));
      await inChunks(voters, 50, (v, i) => give(pool, v, weights[i])); // order-free: all mature together
      await time.increaseTo(at(1, 1n));
      const total = weights.reduce((a, b) => a + b, 0n);
      expect(await pool.totalWeight()).to.equal(total);

      await pool.connect(maintainer).stepDown(); // voting in epoch 2
      await inChunks(candidates, 50, (c, i) => pool.connect(voters[i]).nominate(c));
      const { id } = await pool.election();

      await toVoting(pool);
      const tally = new Map<string, bigint>();
      let leader = ZERO;
      let leaderVotes = 0n;
      for (let i = 0; i < VOTERS; i++) {
        const c = candidates[choice(i)];
        await pool.connect(voters[i]).vote(c); // in order: the leader depends on arrival order
        const votes = (tally.get(c) ?? 0n) + weights[i];
        tally.set(c, votes);
        if (votes > leaderVotes) [leader, leaderVotes] = [c, votes];
        if (i === VOTERS / 2 - 1) {
          const e = await pool.election();
          expect([e.leader, e.leaderVotes]).to.deep.equal([leader, leaderVotes]);
          expect(leader).to.equal(candidates[7]);
        }
      }
      const e = await pool.election();
      expect([e.leader, e.leaderVotes]).to.deep.equal([leader, leaderVotes]);
      expect(leader).to.equal(candidates[42]);
      const onChain = await inChunks(candidates, 50, (c) => pool.candidate(id, c));
      candidates.forEach((c, i) => expect(list(onChain[i])).to.deep.equal([true, tally.get(c) ?? 0n]));
      expect(leaderVotes * BPS >= QUORUM_BPS * total).to.equal(true);

      await toCounting(pool);
      const tx = pool.finalizeElection();
      await expect(tx).to.emit(pool, "ElectionFinalized").withArgs(id, candidates[42], leaderVotes, true);
      await expect(tx).to.emit(pool, "MaintainerChanged").withArgs(ZERO, candidates[42]);
      expect(await pool.maintainer()).to.equal(candidates[42]);
    });
  });
});

