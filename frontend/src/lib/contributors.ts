// A pool's contributors as its history names them, largest gift first. The list needs no read per contributor,
// so it shows as soon as the history is in (from the indexer, one request); the chain's figures (given, weight,
// what they may reclaim) are read only for the rows on screen (useContributorFigures).
import type { Address } from "viem";

/** A contributor as the history names them: who, and what their events say. */
export interface Contributor {
  /** Lower case, as the history's events are keyed. */
  address: Address;
  /** What they gave in money, ever (from Given, which collections emit too): still known after they reclaimed. */
  gaveEver: bigint;
  /** What their recorded pledge deliveries were worth (from DeliveryRecorded): in kind, not money. */
  delivered: bigint;
  /** After a wind-down: what they reclaimed (from Reclaimed). */
  reclaimed: bigint;
}

/** The events this reads, as the hooks decode them. */
export interface ContributorEvent {
  eventName: string;
  args: Record<string, unknown>;
}

/**
 * Everyone who gave money or delivered in kind, with their totals: the most money first, then the most in kind,
 * then in order of their first appearance (the sort is stable). One pass over the events.
 */
export function contributorsFrom(events: readonly ContributorEvent[]): Contributor[] {
  const people = new Map<string, Contributor>();
  const person = (who: unknown): Contributor => {
    const key = String(who).toLowerCase();
    let p = people.get(key);
    if (p === undefined) people.set(key, (p = { address: key as Address, gaveEver: 0n, delivered: 0n, reclaimed: 0n }));
    return p;
  };
  for (const e of events) {
    if (e.eventName === "Given") person(e.args.donor).gaveEver += e.args.amount as bigint;
    else if (e.eventName === "DeliveryRecorded") person(e.args.pledger).delivered += e.args.value as bigint;
    else if (e.eventName === "Reclaimed") person(e.args.contributor).reclaimed += e.args.amount as bigint;
  }
  const desc = (a: bigint, b: bigint) => (b > a ? 1 : b < a ? -1 : 0);
  return [...people.values()].sort((a, b) => desc(a.gaveEver, b.gaveEver) || desc(a.delivered, b.delivered));
}
