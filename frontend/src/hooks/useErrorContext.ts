// The context every error sentence of a pool needs: its asset (amounts), the chain's clock (times), the
// connected account ("you"), and its lines' names and claims' numbers (what a custom error names by id).
import { useCallback } from "react";
import { useAccount } from "wagmi";
import type { ErrorContext } from "../lib/errors";
import { useChainClock } from "./useChainClock";
import type { PoolData } from "./usePool";

export function useErrorContext(pool: PoolData | undefined): () => ErrorContext {
  const { now } = useChainClock();
  const { address: sender } = useAccount();
  return useCallback(
    () => ({
      asset: pool?.asset,
      now,
      sender,
      lineName: (l: bigint) => pool?.lines[Number(l)]?.name,
      claimNumber: (id: bigint) => pool?.claims.find((c) => c.id === id)?.number,
    }),
    [pool, now, sender],
  );
}
