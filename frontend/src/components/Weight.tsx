// Weight as people can read it. Linear weight is money given (shown as an amount without its symbol);
// quadratic weight is a square root ("196,696"), meaningless alone, so it is shown as a share of the pool's
// total weight, with the raw figure in the tooltip (and wherever precision matters, in small print).
import { displayAmount, formatPercent, fraction } from "@potluck/core";
import type { PoolData } from "../hooks/usePool";

type WeightPool = Pick<PoolData, "quadratic" | "asset" | "totalWeight">;
const RAW = { symbol: "", decimals: 0 };

/** The raw weight: an amount for linear pools, a whole number for quadratic ones. */
export function rawWeight(value: bigint, pool: WeightPool): string {
  return displayAmount(value, pool.quadratic ? RAW : pool.asset, { symbol: false });
}

/** "2" (linear: the amount) or "12.5% of the weight" (quadratic: the share of the total). */
export function weightText(value: bigint, pool: WeightPool): string {
  return pool.quadratic ? `${formatPercent(fraction(value, pool.totalWeight))} of the weight` : rawWeight(value, pool);
}

export function Weight({ value, pool, testId }: { value: bigint; pool: WeightPool; testId?: string }) {
  if (!pool.quadratic) return <span data-testid={testId}>{rawWeight(value, pool)}</span>;
  return (
    <span className="weight-share" data-testid={testId} data-raw={value.toString()} title={`weight ${rawWeight(value, pool)} of ${rawWeight(pool.totalWeight, pool)} (the square root of what was given)`}>
      {formatPercent(fraction(value, pool.totalWeight))}
    </span>
  );
}
