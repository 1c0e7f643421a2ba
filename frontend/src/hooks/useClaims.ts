// useClaims: the pool's claims split into the ones still open and the record, with what the viewer may do
// with each open one (object, pay, withdraw) and the reason when not.
import type { ClaimRecord, PoolData } from "./usePool";
import type { ViewerData } from "./useViewer";
import { ClaimStatus } from "@potluck/core";
import { canCancelClaim, canObject, canPayClaim, type Gate } from "../lib/state";
import { useChainClock } from "./useChainClock";

export interface OpenClaim extends ClaimRecord {
  object: Gate;
  pay: Gate;
  cancel: Gate;
  hasObjected: boolean;
}

export function useClaims(pool: PoolData, viewer: ViewerData) {
  const { now } = useChainClock();
  const open: OpenClaim[] = pool.claims
    .filter((c) => c.status === ClaimStatus.Pending)
    .map((c) => {
      const hasObjected = viewer.objectedClaims.has(c.id);
      return {
        ...c,
        hasObjected,
        object: canObject(c, viewer, now, hasObjected),
        pay: canPayClaim(pool, c, viewer, now),
        cancel: canCancelClaim(pool, c, viewer),
      };
    });
  const settled = pool.claims.filter((c) => c.status !== ClaimStatus.Pending && c.status !== ClaimStatus.None);
  return { open, settled, now };
}
