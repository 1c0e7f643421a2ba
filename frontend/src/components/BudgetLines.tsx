import { useChainClock } from "../hooks/useChainClock";
import type { PoolData } from "../hooks/usePool";
import { displayAmount, formatCountdown, formatPeriod, fraction } from "@potluck/core";
import { ChainText } from "./ChainText";

/** Budget lines with what was spent (reserved or paid) and what is left this period, as bars. */
export function BudgetLines({ pool }: { pool: PoolData }) {
  const { now } = useChainClock();
  return (
    <section className="panel" data-testid="budget">
      <h2>Budget</h2>
      {pool.lines.length === 0 && <p>No budget lines.</p>}
      <ul className="lines">
        {pool.lines.map((l) => (
          <li key={l.id} data-testid="budget-line">
            <div className="line-head">
              <strong><ChainText text={l.name} max={40} /></strong>
              <span>{l.cap === 0n ? "closed" : `${displayAmount(l.cap, pool.asset)} per ${formatPeriod(l.period)}`}</span>
            </div>
            {l.cap > 0n && (
              <>
                <div className="bar" role="img" aria-label={`${Math.round(fraction(l.spent, l.cap) * 100)}% spent`}>
                  <div className="bar-fill" style={{ width: `${fraction(l.spent, l.cap) * 100}%` }} />
                </div>
                <div className="line-foot">
                  <span>spent {displayAmount(l.spent, pool.asset)}</span>
                  <span data-testid="line-left">left {displayAmount(l.left, pool.asset)}</span>
                  <span>resets {formatCountdown(l.nextReset, now)}</span>
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
