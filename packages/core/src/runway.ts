// Runway: how long the pool's balance carries its budget. A month here is 30 days, as in the pool's
// `carried()` view, so the figures agree with what the contract reports. The command line's pool:status,
// the explore page and the pool page all print this one figure.

export const MONTH = 30n * 86_400n;

export type Runway =
  | { kind: "none" } // nothing budgeted: runway is not meaningful
  | { kind: "empty" } // budgeted but nothing in the pool
  | { kind: "months"; months: number };

/**
 * Balance ÷ monthly burn, where the burn is the budget (`carried()`'s budgetPerMonth) less what standing
 * orders bring in each month (its recurringPerMonth). Standing orders that cover the whole budget make the
 * runway unbounded (Infinity).
 */
export function runway(balance: bigint, budgetPerMonth: bigint, recurringPerMonth = 0n): Runway {
  if (budgetPerMonth <= 0n) return { kind: "none" };
  const burn = budgetPerMonth - recurringPerMonth;
  if (burn <= 0n) return { kind: "months", months: Infinity };
  if (balance <= 0n) return { kind: "empty" };
  return { kind: "months", months: Number((balance * 1000n) / burn) / 1000 };
}

/** "4.2 months", "3 weeks", "12 days", "under a day", "covered by recurring gifts", "no budget", "empty". */
export function formatRunway(r: Runway): string {
  if (r.kind === "none") return "no budget";
  if (r.kind === "empty") return "empty";
  if (r.months === Infinity) return "covered by recurring gifts";
  if (r.months >= 24) return `${Math.floor(r.months / 12)} years`;
  if (r.months >= 1) return `${(Math.floor(r.months * 10) / 10).toString()} month${r.months < 1.1 ? "" : "s"}`;
  const days = Math.floor(r.months * 30);
  if (days >= 14) return `${Math.floor(days / 7)} weeks`;
  if (days >= 1) return `${days} day${days === 1 ? "" : "s"}`;
  return "under a day";
}
