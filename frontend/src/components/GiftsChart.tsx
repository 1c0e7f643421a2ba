// Gifts over time: the cumulative total given, drawn as a plain SVG area chart.
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { usePublicClient } from "wagmi";
import type { PoolData } from "../hooks/usePool";
import { cumulative, interpolateTimes, sample } from "../lib/chart";
import { displayAmount, formatDate } from "@potluck/core";
import { Bone } from "./Skeleton";

const MAX_BLOCK_READS = 120;
const W = 560;
const H = 160;
const PAD = 28;

export function GiftsChart({ pool }: { pool: PoolData }) {
  const client = usePublicClient();
  // Derived once per history, not on each of the page's many renders while its reads come in.
  const { gifts, blocks, stamped } = useMemo(() => {
    const given = pool.events.filter((e) => e.eventName === "Given");
    // The indexer serves each event's block time; only blocks read from logs (none, or the few past the
    // indexer's last block) need their headers read.
    const times = new Map<bigint, bigint>();
    for (const g of given) if (g.timestamp !== undefined) times.set(g.blockNumber, g.timestamp);
    return { gifts: given, blocks: [...new Set(given.map((g) => g.blockNumber))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), stamped: times };
  }, [pool.events]);
  const key = `${blocks.length}:${blocks[blocks.length - 1] ?? 0n}:${stamped.size}`;
  const times = useQuery({
    queryKey: ["potluck", "giftTimes", pool.address, key],
    enabled: client !== undefined && blocks.length > 0,
    placeholderData: (previous) => previous,
    staleTime: Infinity,
    // Blocks' times never change, and a new gift changes the key: a new block need not re-read them.
    meta: { eventDriven: true },
    queryFn: async () => {
      const picked = sample(blocks.filter((b) => !stamped.has(b)), MAX_BLOCK_READS);
      const read = await Promise.all(picked.map((blockNumber) => client!.getBlock({ blockNumber })));
      const known = new Map([...stamped, ...read.map((b) => [b.number, b.timestamp] as [bigint, bigint])]);
      const all = interpolateTimes(blocks, known);
      return new Map(blocks.map((b, i) => [b, all[i]] as [bigint, bigint]));
    },
  });
  const decimals = pool.asset.decimals;
  const points = useMemo(
    () => (times.data === undefined ? [] : cumulative(gifts.map((g) => ({ time: times.data.get(g.blockNumber) ?? 0n, amount: g.args.amount as bigint })), decimals)),
    [times.data, gifts, decimals],
  );
  if (!pool.historyKnown) return <section className="panel" aria-busy="true"><h2>Gifts over time</h2><Bone width="100%" height="6em" className="block" /></section>;
  if (gifts.length === 0) return <section className="panel"><h2>Gifts over time</h2><p>No gifts yet.</p></section>;
  const t0 = points[0]?.time ?? 0;
  const t1 = points[points.length - 1]?.time ?? 1;
  const max = points[points.length - 1]?.total ?? 1;
  const x = (t: number) => PAD + ((t - t0) / Math.max(1, t1 - t0)) * (W - 2 * PAD);
  const y = (v: number) => H - PAD - (v / (max || 1)) * (H - 2 * PAD);
  const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(p.time).toFixed(1)},${y(p.total).toFixed(1)}`).join(" ");
  const area = points.length > 0 ? `${path} L${x(t1).toFixed(1)},${H - PAD} L${x(t0).toFixed(1)},${H - PAD} Z` : "";
  return (
    <section className="panel" data-testid="gifts-chart">
      <h2>Gifts over time</h2>
      <p className="muted">{gifts.length} gifts, {displayAmount(pool.totalGiven, pool.asset)} in all</p>
      <svg viewBox={`0 0 ${W} ${H}`} className="chart" role="img" aria-label="cumulative gifts over time">
        <line x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} className="axis" />
        <line x1={PAD} y1={PAD} x2={PAD} y2={H - PAD} className="axis" />
        {area && <path d={area} className="area" />}
        {path && <path d={path} className="line" />}
        {points.length > 0 && (
          <>
            <text x={PAD} y={H - 8} className="tick">{formatDate(t0).slice(5, 16)}</text>
            <text x={W - PAD} y={H - 8} className="tick" textAnchor="end">{formatDate(t1).slice(5, 16)}</text>
            <text x={PAD + 4} y={PAD - 8} className="tick">{max.toLocaleString("en-US", { maximumFractionDigits: 2 })} {pool.asset.symbol}</text>
          </>
        )}
      </svg>
    </section>
  );
}
