// Gifts over time, as points for a plain SVG chart. Block timestamps are read for at most `maxBlocks`
// blocks; the others are interpolated between their neighbours (blocks are roughly evenly spaced).

/** Timestamps for `blocks` (ascending), from the known ones, interpolating (or extrapolating) the rest. */
export function interpolateTimes(blocks: readonly bigint[], known: ReadonlyMap<bigint, bigint>): bigint[] {
  const pts = [...known.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return blocks.map((b) => {
    const exact = known.get(b);
    if (exact !== undefined) return exact;
    if (pts.length === 0) return 0n;
    if (pts.length === 1) return pts[0][1];
    let i = pts.findIndex(([n]) => n > b);
    if (i <= 0) i = i === 0 ? 1 : pts.length - 1;
    const [b0, t0] = pts[i - 1];
    const [b1, t1] = pts[i];
    return b1 === b0 ? t0 : t0 + ((t1 - t0) * (b - b0)) / (b1 - b0);
  });
}

/** Evenly spread sample of `items` of at most `max` (always keeping the first and the last). */
export function sample<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  const out: T[] = [];
  for (let i = 0; i < max; i++) out.push(items[Math.round((i * (items.length - 1)) / (max - 1))]);
  return out;
}

export interface Point {
  time: number;
  total: number;
}

/** Cumulative totals after each gift, as numbers in the asset's units (for drawing only). */
export function cumulative(gifts: ReadonlyArray<{ time: bigint; amount: bigint }>, decimals: number): Point[] {
  let sum = 0n;
  const scale = 10 ** Math.min(decimals, 18);
  return [...gifts].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0)).map((g) => {
    sum += g.amount;
    return { time: Number(g.time), total: Number(sum) / scale };
  });
}
