// The chain's clock: the latest block's number and timestamp (what the contracts compare with), ticking
// forward every second between blocks. On the local node the seed (and the browser test) move the chain's
// clock ahead of the wall clock, so countdowns must never read Date.now() alone. Each new block also
// refreshes every live read of the page (lib/queries.ts).
import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useRef, useState } from "react";
import { useBlock } from "wagmi";
import { resetLogCaches } from "../lib/logs";
import { invalidateLive } from "../lib/queries";

export interface ChainClock {
  /** Chain time now, in seconds (latest block's timestamp plus wall seconds since it was seen). */
  now: bigint;
  blockNumber?: bigint;
  /** The latest block's timestamp. */
  blockTime?: bigint;
}

export const ChainClockContext = createContext<ChainClock>({ now: BigInt(Math.floor(Date.now() / 1000)) });

export function useChainClock(): ChainClock {
  return useContext(ChainClockContext);
}

/** Watches blocks; used once, at the top of the app. */
export function useWatchChainClock(): ChainClock {
  const block = useBlock({ watch: true, query: { refetchOnWindowFocus: true } });
  const queryClient = useQueryClient();
  const seen = useRef<{ number: bigint; timestamp: bigint; wall: number } | undefined>(undefined);
  const [tick, setTick] = useState(0);

  const number = block.data?.number ?? undefined;
  const timestamp = block.data?.timestamp;
  useEffect(() => {
    if (number === undefined || timestamp === undefined) return;
    const previous = seen.current;
    if (previous !== undefined && number === previous.number) return;
    seen.current = { number, timestamp, wall: Date.now() };
    if (previous !== undefined) {
      if (number < previous.number) resetLogCaches(); // the node was restarted under the page
      void invalidateLive(queryClient);
    }
  }, [number, timestamp, queryClient]);

  useEffect(() => {
    const id = setInterval(() => setTick((t) => t + 1), 1_000);
    return () => clearInterval(id);
  }, []);

  // Deliberately impure: each render (a new block, or the tick every second) reads the wall clock and the last
  // block seen, which the effect above keeps in a ref so that a re-fetch of the same block does not reset it.
  /* eslint-disable react-hooks/purity, react-hooks/refs */
  void tick;
  // The first block counts as soon as it is read, not at the next tick: the page's history waits for it.
  const s = seen.current ?? (number !== undefined && timestamp !== undefined ? { number, timestamp, wall: Date.now() } : undefined);
  if (s === undefined) return { now: BigInt(Math.floor(Date.now() / 1000)) };
  const elapsed = BigInt(Math.max(0, Math.floor((Date.now() - s.wall) / 1000)));
  return { now: s.timestamp + elapsed, blockNumber: s.number, blockTime: s.timestamp };
  /* eslint-enable react-hooks/purity, react-hooks/refs */
}
