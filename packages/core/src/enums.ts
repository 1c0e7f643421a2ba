// The enums of the contracts' public interface (contracts/types/*.sol and `Parameter` in IPool.sol), in
// declaration order, once: the values as the ABI encodes them, and names for people. Plain objects, not
// TypeScript enums, so that Node's type stripping runs this file as it is. `enums.test.ts` reads the Solidity
// declarations and fails when either side changes alone.

export const SeatStatus = { Filled: 0, Recall: 1, Open: 2, WoundDown: 3 } as const;
export const ElectionKind = { None: 0, Vacancy: 1, Recall: 2 } as const;
export const ElectionPhase = { None: 0, Nominating: 1, Voting: 2, Counting: 3 } as const;
export const ClaimStatus = { None: 0, Pending: 1, Paid: 2, Rejected: 3, Cancelled: 4, Void: 5 } as const;
export const ProposalKind = { None: 0, BudgetLine: 1, Rules: 2 } as const;
export const ProposalStatus = { None: 0, Pending: 1, Applied: 2, Rejected: 3, Cancelled: 4 } as const;
export const PledgeStatus = { None: 0, Offered: 1, Accepted: 2, Declined: 3, Withdrawn: 4, Completed: 5 } as const;
export const Weighting = { Linear: 0, Quadratic: 1 } as const;
export const Parameter = {
  Asset: 0,
  Maintainer: 1,
  EpochLength: 2,
  ClaimDelay: 3,
  RuleChangeDelay: 4,
  InactivityPeriod: 5,
  VacancyPeriod: 6,
  ObjectionQuorumBps: 7,
  ElectionQuorumBps: 8,
  RecallThresholdBps: 9,
  InKindWeightBps: 10,
  Weighting: 11,
  LineCount: 12,
  LineCap: 13,
  LinePeriod: 14,
  LineName: 15,
  SubscriptionPeriod: 16,
  PledgePeriod: 17,
  PledgeDescription: 18,
} as const;

/** Every enum by its Solidity name (what the check against the contracts walks). */
export const ENUMS = { SeatStatus, ElectionKind, ElectionPhase, ClaimStatus, ProposalKind, ProposalStatus, PledgeStatus, Weighting, Parameter } as const;

/** The value of an enum member: `EnumValue<typeof ClaimStatus>` is 0 | 1 | … | 5. */
export type EnumValue<E extends Record<string, number>> = E[keyof E];

/** An enum with bigint values, as ethers returns uint8 (the mocha tests compare with these). */
export function bigintEnum<E extends Record<string, number>>(e: E): { readonly [K in keyof E]: bigint } {
  return Object.fromEntries(Object.entries(e).map(([k, v]) => [k, BigInt(v)])) as { [K in keyof E]: bigint };
}

// Names for people, indexed by value.
export const SEAT_STATUS = ["filled", "under recall", "open", "wound down"] as const;
export const ELECTION_KIND = ["none", "vacancy", "recall"] as const;
export const ELECTION_PHASE = ["none", "nominating", "voting", "counting"] as const;
export const CLAIM_STATUS = ["none", "pending", "paid", "rejected", "cancelled", "void"] as const;
export const PROPOSAL_STATUS = ["none", "pending", "applied", "rejected", "cancelled"] as const;
export const PLEDGE_STATUS = ["none", "offered", "accepted", "declined", "withdrawn", "completed"] as const;

/** A status's name for people ("rejected"), or "status 9" for a value this table does not know. */
export function statusName(names: readonly string[], value: bigint | number): string {
  return names[Number(value)] ?? `status ${value}`;
}
