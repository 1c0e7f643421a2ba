// Attack catalogue: a pool an indexer rebuilds from its events alone. Every state change an indexer must know is
// an event: a wind-down that ends an election still nominating emits ElectionFinalized(…, false); a recall that a
// stepping-down maintainer turns into a vacancy election emits ElectionCalled again (same id and window, kind
// Vacancy); a successful recall emits PendingVoided. The last test scripts a whole life (gifts, claims paid,
// rejected, cancelled and voided, changes applied out of order, rejected, cancelled and voided, a heartbeat, a
// recall won by a successor, a second recall escaped by stepping down, a failed vacancy election, a wind-down
// during a nominating election, reclaims) and, after every step, rebuilds every claim, line, rule, proposal,
// seat, petition and election from the pool's logs and compares them with the pool's views.
import { expect } from "chai";
import { network } from "hardhat";
import type { Log } from "ethers";
import type { IPool } from "../../types/ethers-contracts/index.js";
import { DAY, ETH, ElectionPhase, SeatStatus, createPool, defaultConfig, deployPotluck, nextEpoch } from "../helpers/potluck.js";
import { ElectionKind, ProposalStatus, ZERO, kit, list } from "./shared.js";

const { ethers, networkHelpers } = await network.create();
const { loadFixture, time } = networkHelpers;
const { giveEth, file, latest } = kit(ethers, networkHelpers);

const ClaimState = { Pending: 1n, Paid: 2n, Rejected: 3n, Cancelled: 4n, Void: 5n } as const;

describe("events an indexer needs", function () {
  async function fixture() {
    const [deployer, m, alice, bob] = await ethers.getSigners();
    const { factory } = await deployPotluck(ethers);
    const pool = await createPool(factory, deployer, defaultConfig(m.address));
    await giveEth(pool, alice, 10n * ETH);
    await giveEth(pool, bob, ETH);
    await nextEpoch(pool, networkHelpers);
    return { pool, m, alice, bob };
  }

  it("a wind-down that ends a nominating election emits ElectionFinalized(id, 0, 0, false)", async function () {
    const { pool, m, alice, bob } = await loadFixture(fixture);
    const openedAt = (await pool.connect(m).stepDown().then((tx) => tx.wait()))!.blockNumber;
    const opened = BigInt((await ethers.provider.getBlock(openedAt))!.timestamp);
    // The first election gets too few votes; a second is called just before the vacancy ends.
    await pool.connect(alice).nominate(bob.address);
    await time.increaseTo((await pool.election()).votingStartsAt);
    await pool.connect(bob).vote(bob.address);
    await time.increaseTo((await pool.election()).votingEndsAt);
    await expect(pool.finalizeElection()).to.emit(pool, "ElectionFinalized").withArgs(1n, bob.address, ETH, false);
    await time.increaseTo(opened + 60n * DAY - DAY);
    await pool.callElection();
    await time.increaseTo(opened + 60n * DAY);
    expect((await pool.election()).phase).to.equal(ElectionPhase.Nominating);
    await expect(pool.windDown()).to.emit(pool, "ElectionFinalized").withArgs(2n, ZERO, 0n, false);
    expect(await pool.electionKind()).to.equal(ElectionKind.None);
  });

  it("a recalled maintainer stepping down emits ElectionCalled for the same election, now a vacancy", async function () {
    const { pool, m, alice } = await loadFixture(fixture);
    await expect(pool.connect(alice).petitionRecall()).to.emit(pool, "ElectionCalled");
    const [id, , startsAt, endsAt] = await pool.election();
    await expect(pool.connect(m).stepDown())
      .to.emit(pool, "ElectionCalled").withArgs(id, ElectionKind.Vacancy, startsAt, endsAt)
      .and.to.emit(pool, "MaintainerChanged").withArgs(m.address, ZERO);
    expect(await pool.electionKind()).to.equal(ElectionKind.Vacancy);
  });

  describe("rebuilding a whole life from the logs", function () {
    it("every claim, line, rule, proposal, seat, petition and election the logs give equals the views, after every step", async function () {
      this.timeout(120_000);
      const [deployer, m, alice, bob, carol, payee, s1, s2] = await ethers.getSigners();
      const { factory } = await deployPotluck(ethers);
      const pool = await createPool(factory, deployer, defaultConfig(m.address));
      const poolAddress = await pool.getAddress();
      const fromBlock = await ethers.provider.getBlockNumber();
      const check = () => compare(pool, poolAddress, fromBlock);
      await check();

      await giveEth(pool, alice, 40n * ETH);
      await giveEth(pool, bob, 30n * ETH);
      await giveEth(pool, carol, 10n * ETH);
      await nextEpoch(pool, networkHelpers);
      const c0 = await file(pool, m, 0n, ETH, payee.address, "c0");
      const c1 = await file(pool, m, 1n, 2n * ETH, m.address, "c1");
      const c2 = await file(pool, m, 1n, ETH, m.address, "c2");
      await pool.connect(alice).object(c1.id); // 40 of 80 ≥ 20 %: rejected
      await pool.connect(carol).object(c0.id); // 10 of 80 < 20 %: still pending
      await pool.connect(m).cancelClaim(c2.id);
      await check();

      const r = await pool.rules();
      const rules = { claimDelay: r.claimDelay, ruleChangeDelay: r.ruleChangeDelay, inactivityPeriod: r.inactivityPeriod, vacancyPeriod: r.vacancyPeriod, objectionQuorumBps: r.objectionQuorumBps, electionQuorumBps: r.electionQuorumBps, recallThresholdBps: r.recallThresholdBps };
      await pool.connect(m).proposeRulesChange({ ...rules, claimDelay: 5n * DAY }); // #0
      await pool.connect(m).proposeRulesChange({ ...rules, objectionQuorumBps: 1_000n }); // #1
      await pool.connect(m).proposeBudgetChange(0n, "hosting", 2n * ETH, 7n * DAY); // #2
      await pool.connect(m).proposeBudgetChange(0n, "hosting", 5n * ETH, 30n * DAY); // #3
      await pool.connect(m).proposeBudgetChange(2n, "design", ETH, 14n * DAY); // #4
      await pool.connect(m).proposeBudgetChange(1n, "stipend", 10n * ETH, 30n * DAY); // #5
      await pool.connect(m).proposeBudgetChange(1n, "maintainer stipend", 0n, 30n * DAY); // #6
      await pool.connect(alice).objectToChange(5n); // rejected
      await pool.connect(m).cancelChange(6n);
      await check();

      await time.increase(7n * DAY);
      await pool.payClaim(c0.id);
      for (const id of [1n, 0n, 3n, 2n, 4n]) await pool.applyChange(id);
      await check();

      await pool.connect(m).proposeBudgetChange(1n, "maintainer stipend", 20n * ETH, 30n * DAY); // #7
      await pool.connect(m).heartbeat();
      const c3 = await file(pool, m, 2n, ETH / 2n, payee.address, "c3");
      await check();

      // A recall that s1 wins: c3 and #7 are void.
      await pool.connect(alice).petitionRecall();
      await check();
      await pool.connect(alice).nominate(s1.address);
      await time.increaseTo((await pool.election()).votingStartsAt);
      await pool.connect(alice).vote(s1.address);
      await pool.connect(bob).vote(m.address);
      await check();
      await time.increaseTo((await pool.election()).votingEndsAt);
      await pool.finalizeElection();
      await check();
      void c3;

      // s1 files and proposes, is recalled, and steps down: the recall goes on as a vacancy election, which fails.
      await file(pool, s1, 0n, ETH, payee.address, "c4");
      await pool.connect(s1).proposeBudgetChange(0n, "servers", 5n * ETH, 7n * DAY); // #8
      await pool.connect(carol).petitionRecall(); // 10 of 80: short of 30 %
      await check();
      await pool.connect(bob).petitionRecall(); // 40 of 80
      await pool.connect(alice).nominate(s2.address);
      await pool.connect(s1).stepDown();
      await check();
      await time.increaseTo((await pool.election()).votingStartsAt);
      await pool.connect(carol).vote(s2.address); // 10 of 80 < 25 %
      await time.increaseTo((await pool.election()).votingEndsAt);
      await pool.finalizeElection();
      await check();

      // A second vacancy election, still nominating when the vacancy ends: the wind-down ends it.
      const [, , openedAt] = await pool.seat();
      await time.increaseTo(openedAt + 60n * DAY - DAY);
      await pool.callElection();
      await pool.connect(bob).nominate(s2.address);
      await time.increaseTo(openedAt + 60n * DAY);
      await pool.windDown();
      await check();
      await pool.connect(alice).reclaim();
      await pool.connect(bob).reclaim();
      await check();
      expect(await latest()).to.be.greaterThan(0n);
    });
  });
});

interface ClaimRecord { number: bigint; line: bigint; payee: string; amount: bigint; payableAt: bigint; status: bigint }
interface ElectionRecord { id: bigint; kind: bigint; startsAt: bigint; endsAt: bigint; open: boolean; leader: string; leaderVotes: bigint; candidates: Map<string, bigint> }

/** Rebuilds the pool from its logs alone (as an indexer would) and compares every record with the views. */
async function compare(pool: IPool, poolAddress: string, fromBlock: number) {
  const logs: Log[] = await ethers.provider.getLogs({ address: poolAddress, fromBlock, toBlock: "latest" });
  const claims = new Map<bigint, ClaimRecord>();
  const lines: { name: string; cap: bigint; period: bigint }[] = [];
  let rules: bigint[] = [];
  const proposals: { kind: bigint; effectiveAt: bigint; status: bigint }[] = [];
  const elections: ElectionRecord[] = [];
  const seat = { status: SeatStatus.Filled, maintainer: ZERO, lastActive: 0n, openedAt: 0n };
  const petition = { id: 0n, weight: 0n };
  let totalGiven = 0n;
  let outflows = 0n;
  const given = new Map<string, bigint>();
  const times = new Map<number, bigint>();
  const timeOf = async (block: number) => {
    if (!times.has(block)) times.set(block, BigInt((await ethers.provider.getBlock(block))!.timestamp));
    return times.get(block)!;
  };
  const MAINTAINER_ACTS = new Set(["ClaimFiled", "ClaimCancelled", "ChangeProposed", "ChangeCancelled", "Heartbeat", "PledgeAccepted", "PledgeDeclined", "DeliveryRecorded"]);
  for (const log of logs) {
    const e = pool.interface.parseLog(log);
    if (e === null) continue;
    const t = await timeOf(log.blockNumber);
    const a = e.args;
    if (MAINTAINER_ACTS.has(e.name)) seat.lastActive = t;
    switch (e.name) {
      case "Given": totalGiven += a.amount as bigint; given.set(a.donor as string, (given.get(a.donor as string) ?? 0n) + (a.amount as bigint)); break;
      case "Swept": totalGiven += a.amount as bigint; break;
      case "Reclaimed": outflows += a.amount as bigint; given.set(a.contributor as string, 0n); break;
      case "RulesSet": rules = list(a.rules as readonly unknown[]) as bigint[]; break;
      case "BudgetLineSet": lines[Number(a.line)] = { name: a.name as string, cap: a.cap as bigint, period: a.period as bigint }; break;
      case "ClaimFiled":
        claims.set(a.claimId as bigint, { number: BigInt(claims.size), line: a.line as bigint, payee: a.payee as string, amount: a.amount as bigint, payableAt: t + rules[0], status: ClaimState.Pending });
        break;
      case "ClaimPaid": { const c = claims.get(a.claimId as bigint)!; c.status = ClaimState.Paid; outflows += c.amount; break; }
      case "ClaimRejected": claims.get(a.claimId as bigint)!.status = ClaimState.Rejected; break;
      case "ClaimCancelled": claims.get(a.claimId as bigint)!.status = ClaimState.Cancelled; break;
      case "ChangeProposed": proposals[Number(a.proposalId)] = { kind: a.kind as bigint, effectiveAt: a.effectiveAt as bigint, status: ProposalStatus.Pending }; break;
      case "ChangeApplied": proposals[Number(a.proposalId)].status = ProposalStatus.Applied; break;
      case "ChangeRejected": proposals[Number(a.proposalId)].status = ProposalStatus.Rejected; break;
      case "ChangeCancelled": proposals[Number(a.proposalId)].status = ProposalStatus.Cancelled; break;
      case "PendingVoided":
        for (const c of claims.values()) if (c.status === ClaimState.Pending && c.number < (a.claimsBelow as bigint)) c.status = ClaimState.Void;
        proposals.forEach((p, id) => { if (p.status === ProposalStatus.Pending && BigInt(id) < (a.proposalsBelow as bigint)) p.status = ProposalStatus.Cancelled; });
        break;
      case "MaintainerChanged":
        seat.maintainer = a.next as string;
        if (seat.maintainer === ZERO) { seat.status = SeatStatus.Open; seat.openedAt = t; }
        else { seat.status = SeatStatus.Filled; seat.lastActive = t; }
        break;
      case "RecallSigned": petition.id = a.petitionId as bigint; petition.weight = a.total as bigint; break;
      case "ElectionCalled": {
        const id = a.electionId as bigint;
        const existing = elections.find((x) => x.id === id);
        if (existing !== undefined) existing.kind = a.kind as bigint; // a recall gone on as a vacancy election
        else elections.push({ id, kind: a.kind as bigint, startsAt: a.votingStartsAt as bigint, endsAt: a.votingEndsAt as bigint, open: true, leader: ZERO, leaderVotes: 0n, candidates: new Map() });
        if (a.kind === ElectionKind.Recall) { seat.status = SeatStatus.Recall; petition.weight = 0n; }
        break;
      }
      case "Nominated": elections.find((x) => x.id === a.electionId)!.candidates.set(a.candidate as string, 0n); break;
      case "Voted": {
        const el = elections.find((x) => x.id === a.electionId)!;
        const votes = el.candidates.get(a.candidate as string)! + (a.weight as bigint);
        el.candidates.set(a.candidate as string, votes);
        if (votes > el.leaderVotes) { el.leader = a.candidate as string; el.leaderVotes = votes; }
        break;
      }
      case "ElectionFinalized": {
        const el = elections.find((x) => x.id === a.electionId)!;
        el.open = false;
        expect([a.leader, a.votes]).to.deep.equal([el.leader, el.leaderVotes]);
        if (el.kind === ElectionKind.Recall) seat.status = SeatStatus.Filled;
        break;
      }
      case "WoundDown":
        seat.status = SeatStatus.WoundDown;
        for (const c of claims.values()) if (c.status === ClaimState.Pending) c.status = ClaimState.Void;
        for (const p of proposals) if (p.status === ProposalStatus.Pending) p.status = ProposalStatus.Cancelled;
        break;
      default: break;
    }
  }

  // Claims.
  expect(await pool.claimCount()).to.equal(BigInt(claims.size));
  for (const [id, c] of claims) {
    const [stored, status] = await pool.claim(id);
    expect(status, `claim #${c.number}`).to.equal(c.status);
    expect([stored.number, stored.line, stored.payableAt]).to.deep.equal([c.number, c.line, c.payableAt]);
    if (c.status !== ClaimState.Paid) expect([stored.payee, stored.amount]).to.deep.equal([c.payee, c.amount]);
  }
  // Lines and rules.
  expect(await pool.lineCount()).to.equal(BigInt(lines.length));
  for (const [i, l] of lines.entries()) {
    const [name, cap, period, , left] = await pool.budgetLine(i);
    expect({ name, cap, period }, `line ${i}`).to.deep.equal(l);
    if (seat.status === SeatStatus.WoundDown) expect(left).to.equal(0n);
  }
  expect(list(await pool.rules())).to.deep.equal(rules);
  // Proposals (their content is read once from `proposal(id)`: it never changes after ChangeProposed).
  expect(await pool.proposalCount()).to.equal(BigInt(proposals.length));
  for (const [id, p] of proposals.entries()) {
    const stored = await pool.proposal(id);
    expect([stored.kind, stored.effectiveAt, stored.status], `proposal #${id}`).to.deep.equal([p.kind, p.effectiveAt, p.status]);
  }
  // The seat and the petition.
  expect(await pool.maintainer()).to.equal(seat.maintainer);
  const [status, lastActive, openedAt] = await pool.seat();
  expect({ status, lastActive, openedAt }).to.deep.equal({ status: seat.status, lastActive: seat.lastActive, openedAt: seat.openedAt });
  const [petitionId, petitionWeight] = await pool.petition();
  expect([petitionId, petitionWeight]).to.deep.equal([petition.id, petition.weight]);
  // Elections: the current one and every candidate of every one.
  const last = elections.at(-1);
  const [id, phase, startsAt, endsAt, leader, leaderVotes] = await pool.election();
  if (last === undefined) expect(id).to.equal(0n);
  else {
    expect([id, startsAt, endsAt, leader, leaderVotes]).to.deep.equal([last.id, last.startsAt, last.endsAt, last.leader, last.leaderVotes]);
    expect(phase === ElectionPhase.None).to.equal(!last.open);
    expect(await pool.electionKind()).to.equal(last.open ? last.kind : ElectionKind.None);
  }
  for (const el of elections) {
    for (const [who, votes] of el.candidates) expect(list(await pool.candidate(el.id, who))).to.deep.equal([true, votes]);
  }
  // Money.
  expect(await pool.totalGiven()).to.equal(totalGiven);
  expect(await pool.balance()).to.equal(totalGiven - outflows);
  for (const [who, g] of given) expect((await pool.contributionOf(who))[0]).to.equal(g);
}
