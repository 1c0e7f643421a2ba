// Which reads a new block (or a confirmed transaction) refreshes. Most of a pool's figures can change in any
// block (someone else gives, a period resets, an epoch passes), so they are re-read: each is one small batch.
// What changes only with an event of the pool's own is not: a settled claim never changes again, and a
// contributor's totals change only with their Given, DeliveryRecorded or Reclaimed (or when the epoch turns). Those reads carry `meta.eventDriven`, and usePool invalidates one of them
// when the history brings an event that touches it.
import type { Query, QueryClient } from "@tanstack/react-query";

export interface ReadMeta extends Record<string, unknown> {
  /** Refreshed only when an event touches it (see `invalidateTouched`), never by a new block. */
  eventDriven?: boolean;
  /** What an event must name for this read to be re-read (a contributor's address, lower case). */
  touchedBy?: string;
  /** Once settled (read says so) the read is final: a new block does not refresh it. */
  settled?: (data: unknown) => boolean;
}

/** Whether a new block or a confirmed transaction re-reads `q`. */
export function isLive(q: Query): boolean {
  if (q.queryKey[0] === "block" || q.queryKey[0] === "blockNumber") return false;
  const meta: ReadMeta | undefined = q.meta;
  if (meta?.eventDriven === true) return false;
  if (meta?.settled !== undefined && q.state.data !== undefined && meta.settled(q.state.data)) return false;
  return true;
}

/** Re-reads what a new block may have changed (everything but the event-driven and settled reads). */
export function invalidateLive(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ predicate: isLive });
}

/** Re-reads the event-driven reads that events naming `names` (addresses, lower case) touched ("all": every one that names someone). */
export function invalidateTouched(queryClient: QueryClient, names: ReadonlySet<string> | "all"): Promise<void> {
  if (names !== "all" && names.size === 0) return Promise.resolve();
  return queryClient.invalidateQueries({
    predicate: (q) => {
      const meta: ReadMeta | undefined = q.meta;
      const touched = meta?.touchedBy;
      return touched !== undefined && (names === "all" || names.has(touched));
    },
  });
}
