import { describe, expect, it } from "vitest";
import { ElectionKind, ElectionPhase, isqrt, SeatStatus, sentenceFor } from "@potluck/core";
import {
  canCallElection, canDescribeCandidacy, canFileClaim, canFinalize, canGive, canNominate, canObject, canPayClaim, canPetition, canProposeChange, canReclaim,
  canStepDown, canSubscribe, canSweep, canVote, canWindDown, changedRules, checkRules, lineChangeParts, NEW_LINE, rulesInChange, electionPhase,
  maintainerStatus, maturesAt, parseRules, strayFunds, weightAfterGift, type PoolState, type Rules, type Viewer,
} from "./state";
import { Parameter } from "@potluck/core";

const HOUR = 3_600n;
const ZERO = "0x0000000000000000000000000000000000000000" as const;
const ADA = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" as const;
const BOB = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC" as const;
const NOW = 1_700_000_000n;

function pool(over: Partial<PoolState> = {}): PoolState {
  return {
    isEthPool: true,
    maintainer: ADA,
    seatStatus: SeatStatus.Filled,
    lastActive: NOW - HOUR,
    openedAt: 0n,
    rules: { claimDelay: 6n * HOUR, ruleChangeDelay: 48n * HOUR, inactivityPeriod: 90n * 24n * HOUR, vacancyPeriod: 30n * 24n * HOUR, objectionQuorumBps: 2_000, electionQuorumBps: 2_500, recallThresholdBps: 3_000 },
    election: { id: 0n, kind: ElectionKind.None, votingStartsAt: 0n, votingEndsAt: 0n, leader: ZERO, leaderVotes: 0n },
    petition: { id: 0n, weight: 0n, threshold: 10n, expiresAt: 0n },
    totalWeight: 100n,
    ...over,
  };
}
function viewer(over: Partial<Viewer> = {}): Viewer {
  return { address: BOB, onChain: true, weight: 10n, given: 10n, hasVoted: false, signedPetition: false, reclaimable: 0n, ...over };
}
const electionIn = (phase: "nominating" | "voting" | "counting", over: Partial<PoolState["election"]> = {}): PoolState["election"] => {
  const start = phase === "nominating" ? NOW + HOUR : phase === "voting" ? NOW - 60n : NOW - 2n * HOUR;
  return { id: 1n, kind: ElectionKind.Vacancy, votingStartsAt: start, votingEndsAt: start + HOUR, leader: ZERO, leaderVotes: 0n, ...over };
};
const open = (over: Partial<PoolState> = {}) => pool({ maintainer: ZERO, seatStatus: SeatStatus.Open, openedAt: NOW - HOUR, ...over });

describe("wallet state gates every write", () => {
  it("asks to connect, then to switch networks", () => {
    expect(canGive(pool(), viewer({ address: undefined }))).toEqual({ ok: false, reason: "Connect a wallet to give." });
    expect(canGive(pool(), viewer({ onChain: false }))).toEqual({ ok: false, reason: "Switch your wallet to the pool's network to give." });
    expect(canGive(pool(), viewer())).toEqual({ ok: true });
  });
});

describe("giving", () => {
  it("stops at wind-down; standing orders only in token pools", () => {
    expect(canGive(pool({ seatStatus: SeatStatus.WoundDown }), viewer()).ok).toBe(false);
    expect(canSubscribe(pool(), viewer()).ok).toBe(false);
    expect(canSubscribe(pool({ isEthPool: false }), viewer()).ok).toBe(true);
  });
  it("says when a gift matures and what it will weigh", () => {
    expect(maturesAt(1_000n, HOUR, 1_000n + HOUR + 5n)).toBe(1_000n + 2n * HOUR);
    expect(weightAfterGift(5n, 4n, false)).toBe(9n);
    expect(weightAfterGift(5n, 4n, true)).toBe(3n);
    expect(isqrt(10n ** 36n)).toBe(10n ** 18n);
    expect(isqrt(15n)).toBe(3n);
  });
});

describe("maintainer actions", () => {
  it("are for the maintainer of a filled seat only", () => {
    expect(canFileClaim(pool(), viewer({ address: ADA })).ok).toBe(true);
    expect(canFileClaim(pool(), viewer()).ok).toBe(false);
    expect(canFileClaim(pool({ seatStatus: SeatStatus.Recall }), viewer({ address: ADA }))).toEqual({ ok: false, reason: "A recall election runs: the maintainer cannot file a claim until it ends." });
    expect(canFileClaim(open(), viewer({ address: ADA })).ok).toBe(false);
    expect(canStepDown(pool({ seatStatus: SeatStatus.Recall }), viewer({ address: ADA })).ok).toBe(true);
  });
});

describe("claims", () => {
  const claim = { id: 4n, status: 1, payableAt: NOW + HOUR, toReject: 20n };
  it("take objections only in the window, once, with matured weight", () => {
    expect(canObject(claim, viewer(), NOW, false)).toEqual({ ok: true });
    expect(canObject(claim, viewer(), NOW, true)).toEqual({ ok: false, reason: "You have objected to this claim." });
    expect(canObject({ ...claim, payableAt: NOW }, viewer(), NOW, false)).toEqual({ ok: false, reason: "The challenge window has closed." });
    expect(canObject({ ...claim, status: 3 }, viewer(), NOW, false).ok).toBe(false);
    const maturing = canObject(claim, viewer({ weight: 0n, maturingAt: NOW + 600n }), NOW, false);
    expect(maturing.ok).toBe(false);
    expect(!maturing.ok && maturing.reason).toContain("Your gift counts from the next epoch, in 10m");
    expect(canObject(claim, viewer({ weight: 0n, given: 0n }), NOW, false).ok).toBe(false);
  });
  it("are payable by anyone after the window, unless a recall runs", () => {
    expect(canPayClaim(pool(), claim, viewer(), NOW)).toEqual({ ok: false, reason: "Payable in 1h, when the challenge window closes." });
    expect(canPayClaim(pool(), claim, viewer(), NOW + HOUR)).toEqual({ ok: true });
    expect(canPayClaim(pool({ seatStatus: SeatStatus.Recall }), claim, viewer(), NOW + HOUR).ok).toBe(false);
  });
});

describe("succession: phase → enabled buttons", () => {
  it("computes the phase from the election's clock", () => {
    expect(electionPhase(electionIn("nominating"), NOW)).toBe(ElectionPhase.Nominating);
    expect(electionPhase(electionIn("voting"), NOW)).toBe(ElectionPhase.Voting);
    expect(electionPhase(electionIn("counting"), NOW)).toBe(ElectionPhase.Counting);
    expect(electionPhase(pool().election, NOW)).toBe(ElectionPhase.None);
  });

  const table: Array<[string, PoolState, { nominate: boolean; vote: boolean; finalize: boolean; windDown: boolean; callElection: boolean; petition: boolean }]> = [
    ["seat filled, no election", pool(), { nominate: false, vote: false, finalize: false, windDown: false, callElection: false, petition: true }],
    ["maintainer inactive", pool({ lastActive: NOW - 91n * 24n * HOUR }), { nominate: false, vote: false, finalize: false, windDown: false, callElection: true, petition: true }],
    ["nominating", open({ election: electionIn("nominating") }), { nominate: true, vote: false, finalize: false, windDown: false, callElection: false, petition: false }],
    ["voting", open({ election: electionIn("voting") }), { nominate: false, vote: true, finalize: false, windDown: false, callElection: false, petition: false }],
    ["counting", open({ election: electionIn("counting", { leaderVotes: 5n }) }), { nominate: false, vote: false, finalize: true, windDown: false, callElection: false, petition: false }],
    ["seat open past the vacancy period", open({ openedAt: NOW - 31n * 24n * HOUR }), { nominate: false, vote: false, finalize: false, windDown: true, callElection: true, petition: false }],
    ["counting without votes, vacancy over", open({ openedAt: NOW - 31n * 24n * HOUR, election: electionIn("counting") }), { nominate: false, vote: false, finalize: true, windDown: true, callElection: false, petition: false }],
    ["wound down", pool({ maintainer: ZERO, seatStatus: SeatStatus.WoundDown }), { nominate: false, vote: false, finalize: false, windDown: false, callElection: false, petition: false }],
  ];
  for (const [name, p, expected] of table) {
    it(name, () => {
      const v = viewer();
      expect({
        nominate: canNominate(p, v, NOW).ok,
        vote: canVote(p, v, NOW).ok,
        finalize: canFinalize(p, v, NOW).ok,
        windDown: canWindDown(p, v, NOW).ok,
        callElection: canCallElection(p, v, NOW).ok,
        petition: canPetition(p, v, NOW).ok,
      }).toEqual(expected);
    });
  }

  it("explains why a vote is refused", () => {
    expect(canVote(open({ election: electionIn("nominating") }), viewer(), NOW)).toEqual({ ok: false, reason: "Voting starts in 1h." });
    expect(canVote(open({ election: electionIn("voting") }), viewer({ hasVoted: true }), NOW)).toEqual({ ok: false, reason: "You have voted in this election." });
    expect(canVote(open({ election: electionIn("voting") }), viewer({ weight: 0n, given: 0n }), NOW).ok).toBe(false);
  });
  it("checks the candidate when nominating", () => {
    const p = open({ election: electionIn("nominating") });
    expect(canNominate(p, viewer(), NOW, { address: "0x12", nominated: false }).ok).toBe(false);
    expect(canNominate(p, viewer(), NOW, { address: ZERO, nominated: false }).ok).toBe(false);
    expect(canNominate(p, viewer(), NOW, { address: ADA, nominated: true })).toEqual({ ok: false, reason: "0x7099…79C8 is already nominated." });
    expect(canNominate(p, viewer(), NOW, { address: ADA, nominated: false })).toEqual({ ok: true });
  });
  it("lets only a nominated candidate restate who they are, while nominating or voting", () => {
    expect(canDescribeCandidacy(open({ election: electionIn("nominating") }), viewer(), NOW, true)).toEqual({ ok: true });
    expect(canDescribeCandidacy(open({ election: electionIn("voting") }), viewer(), NOW, true)).toEqual({ ok: true });
    expect(canDescribeCandidacy(open({ election: electionIn("counting") }), viewer(), NOW, true)).toEqual({ ok: false, reason: "Voting has ended: statements can no longer change." });
    expect(canDescribeCandidacy(pool(), viewer(), NOW, true)).toEqual({ ok: false, reason: "No election is open." });
    expect(canDescribeCandidacy(open({ election: electionIn("voting") }), viewer(), NOW, false)).toEqual({ ok: false, reason: "Only a candidate nominated in this election can state who they are." });
    expect(canDescribeCandidacy(open({ election: electionIn("voting") }), viewer({ address: undefined }), NOW, true).ok).toBe(false);
  });
  it("does not let a signer sign the live petition twice", () => {
    const p = pool({ petition: { id: 1n, weight: 5n, threshold: 30n, expiresAt: NOW + HOUR } });
    expect(canPetition(p, viewer({ signedPetition: true }), NOW).ok).toBe(false);
    expect(canPetition({ ...p, petition: { ...p.petition, expiresAt: NOW - 1n } }, viewer({ signedPetition: true }), NOW).ok).toBe(true);
  });
  it("reclaims only after wind-down, only a share that is there", () => {
    expect(canReclaim(pool(), viewer({ reclaimable: 5n })).ok).toBe(false);
    expect(canReclaim(pool({ seatStatus: SeatStatus.WoundDown }), viewer({ reclaimable: 5n })).ok).toBe(true);
    expect(canReclaim(pool({ seatStatus: SeatStatus.WoundDown }), viewer()).ok).toBe(false);
  });
  it("names the maintainer's status", () => {
    expect(maintainerStatus(pool(), NOW)).toBe("active");
    expect(maintainerStatus(pool({ lastActive: 0n }), NOW)).toBe("inactive");
    expect(maintainerStatus(open(), NOW)).toBe("seat open");
    expect(maintainerStatus(open({ election: electionIn("voting") }), NOW)).toBe("election");
    expect(maintainerStatus(pool({ seatStatus: SeatStatus.Recall, election: electionIn("voting", { kind: ElectionKind.Recall }) }), NOW)).toBe("recall");
    expect(maintainerStatus(pool({ seatStatus: SeatStatus.WoundDown }), NOW)).toBe("wound down");
  });
});

describe("sweeping stray funds", () => {
  it("is refused once the pool wound down, even with funds stray (the contract checks that first)", () => {
    expect(canSweep(pool({ seatStatus: SeatStatus.WoundDown }), 5n, viewer()))
      .toEqual({ ok: false, reason: "This pool has wound down: stray funds can no longer be swept into its ledger." });
  });
  it("is refused when nothing is held beyond the ledger", () => {
    expect(canSweep(pool(), 0n, viewer())).toEqual({ ok: false, reason: "The pool holds nothing beyond its ledger: there is nothing to sweep." });
  });
  it("needs a wallet on the pool's network", () => {
    expect(canSweep(pool(), 5n, viewer({ address: undefined }))).toEqual({ ok: false, reason: "Connect a wallet to sweep stray funds." });
    expect(canSweep(pool(), 5n, viewer({ onChain: false }))).toEqual({ ok: false, reason: "Switch your wallet to the pool's network to sweep stray funds." });
  });
  it("is open to anyone, weight or not, in any seat state short of wind-down", () => {
    expect(canSweep(pool(), 5n, viewer({ weight: 0n, given: 0n }))).toEqual({ ok: true });
    expect(canSweep(open(), 1n, viewer())).toEqual({ ok: true });
    expect(canSweep(pool({ seatStatus: SeatStatus.Recall }), 1n, viewer())).toEqual({ ok: true });
  });
  it("counts stray funds as what is held above the ledger", () => {
    expect(strayFunds(120n, 100n)).toBe(20n);
    expect(strayFunds(100n, 100n)).toBe(0n);
    expect(strayFunds(90n, 100n)).toBe(0n);
    expect(strayFunds(undefined, 100n)).toBe(0n);
  });
});

describe("proposing a rules change", () => {
  const DAY = 24n * HOUR;
  const EPOCH = 7n * DAY;
  const rules = (over: Partial<Rules> = {}): Rules => ({ ...pool().rules, ...over });
  const invalid = (parameter: number, value: bigint | number) => ({ ok: false, reason: sentenceFor("PoolInvalidParameter", [parameter, BigInt(value)]) });

  it("is for the active maintainer, and says it is a rules change", () => {
    expect(canProposeChange(pool(), viewer(), "propose a rules change")).toEqual({ ok: false, reason: "Only the maintainer (0x7099…79C8) can propose a rules change." });
    expect(canProposeChange(pool(), viewer({ address: ADA }), "propose a rules change")).toEqual({ ok: true });
    expect(canProposeChange(pool({ seatStatus: SeatStatus.Recall }), viewer({ address: ADA }), "propose a rules change").ok).toBe(false);
  });
  it("takes rules the contract takes", () => {
    expect(checkRules(rules(), EPOCH)).toEqual({ ok: true });
    expect(checkRules(rules({ claimDelay: HOUR, ruleChangeDelay: 3_650n * DAY, vacancyPeriod: 2n * EPOCH, objectionQuorumBps: 1, electionQuorumBps: 10_000 }), EPOCH)).toEqual({ ok: true });
  });
  it("refuses a duration under an hour or over ten years, with the contract's sentence", () => {
    expect(checkRules(rules({ claimDelay: HOUR - 1n }), EPOCH)).toEqual(invalid(Parameter.ClaimDelay, HOUR - 1n));
    expect(checkRules(rules({ claimDelay: HOUR - 1n }), EPOCH)).toEqual({ ok: false, reason: "The claim delay must be between 1 hour and 10 years (got 59m 59s)." });
    expect(checkRules(rules({ ruleChangeDelay: 3_650n * DAY + 1n }), EPOCH)).toEqual(invalid(Parameter.RuleChangeDelay, 3_650n * DAY + 1n));
    expect(checkRules(rules({ inactivityPeriod: 0n }), EPOCH)).toEqual(invalid(Parameter.InactivityPeriod, 0n));
    expect(checkRules(rules({ vacancyPeriod: 4_000n * DAY }), EPOCH)).toEqual(invalid(Parameter.VacancyPeriod, 4_000n * DAY));
  });
  it("wants a vacancy period of at least two epochs", () => {
    expect(checkRules(rules({ vacancyPeriod: 2n * EPOCH - 1n }), EPOCH)).toEqual(invalid(Parameter.VacancyPeriod, 2n * EPOCH - 1n));
    expect(checkRules(rules({ vacancyPeriod: 13n * DAY }), EPOCH)).toEqual({ ok: false, reason: "The vacancy period must be between 1 hour and 10 years, and at least two epochs (got 13d)." });
  });
  it("refuses a share of 0 or above 100%", () => {
    expect(checkRules(rules({ objectionQuorumBps: 0 }), EPOCH)).toEqual({ ok: false, reason: "The objection quorum must be between 0.01% and 100% (got 0%)." });
    expect(checkRules(rules({ electionQuorumBps: 10_001 }), EPOCH)).toEqual(invalid(Parameter.ElectionQuorumBps, 10_001));
    expect(checkRules(rules({ recallThresholdBps: 0 }), EPOCH)).toEqual(invalid(Parameter.RecallThresholdBps, 0));
  });
  it("reports the first problem in the contract's order", () => {
    expect(checkRules(rules({ recallThresholdBps: 0, claimDelay: 0n, vacancyPeriod: DAY }), EPOCH)).toEqual(invalid(Parameter.ClaimDelay, 0n));
    expect(checkRules(rules({ recallThresholdBps: 0, vacancyPeriod: DAY }), EPOCH)).toEqual(invalid(Parameter.VacancyPeriod, DAY));
  });
  it("names what a change changes", () => {
    expect(changedRules(rules(), rules())).toEqual([]);
    expect(changedRules(rules(), rules({ vacancyPeriod: 60n * DAY, claimDelay: 12n * HOUR, electionQuorumBps: 3_000 }))).toEqual(["claimDelay", "vacancyPeriod", "electionQuorumBps"]);
  });
  it("shows a proposal as what it changes: its `changes` bits, not a comparison of snapshots", () => {
    expect(rulesInChange(0)).toEqual([]);
    expect(rulesInChange(1 | 8 | 64)).toEqual(["claimDelay", "vacancyPeriod", "recallThresholdBps"]);
    const money = (v: bigint) => `${v} wei`;
    const period = (s: bigint) => `${s}s`;
    const hosting = { name: "hosting", cap: 2n, period: 30n };
    const change = { line: 0, changes: 0, name: "", cap: 0n, period: 0n };
    expect(lineChangeParts({ ...change, changes: 2, cap: 5n }, hosting, money, period)).toEqual(["cap 2 wei → 5 wei"]);
    expect(lineChangeParts({ ...change, changes: 1 | 4, name: "servers", period: 7n }, hosting, money, period)).toEqual(['renamed "servers"', "period 30s → 7s"]);
    expect(lineChangeParts({ ...change, changes: 2 }, hosting, money, period)).toEqual(["closed (cap 2 wei → 0)"]);
    expect(lineChangeParts({ ...change, line: NEW_LINE, changes: 7, name: "design", cap: 1n, period: 14n }, undefined, money, period)).toEqual(["1 wei per 14s"]);
  });
  it("reads the form, naming the field it cannot read", () => {
    const form = { claimDelay: "6 hours", ruleChangeDelay: "2 days", inactivityPeriod: "90d", vacancyPeriod: "30 days", objectionQuorumBps: "20%", electionQuorumBps: "25", recallThresholdBps: "3000bps" };
    expect(parseRules(form)).toEqual({ ok: true, value: pool().rules });
    expect(parseRules({ ...form, inactivityPeriod: "90" })).toEqual({ ok: false, error: 'Inactivity period: "90" has no unit: write it like "6h", "30d", "2 weeks" or "1h30m".' });
    expect(parseRules({ ...form, electionQuorumBps: "half" })).toEqual({ ok: false, error: 'Election quorum: "half" is not a share: write it like "20%" or "12.5%" (or "2000bps").' });
  });
});
