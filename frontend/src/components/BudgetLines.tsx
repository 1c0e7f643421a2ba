import { useChainClock } from "../hooks/useChainClock";
import type { PoolData } from "../hooks/usePool";
import { displayAmount, formatCountdown, formatPercent, formatPeriod, fraction } from "@potluck/core";
import { ChainText } from "./ChainText";

/**
 * Budget lines with what was paid and what pending claims reserve this period (apart: a reserved amount may
 * still be rejected and freed), and what is left, as bars.
 */
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
              <span className="num">{l.cap === 0n ? "closed" : `${displayAmount(l.cap, pool.asset)} per ${formatPeriod(l.period)}`}</span>
            </div>
            {l.cap > 0n && (
              <>
                <div className="bar" role="img" aria-label={`${formatPercent(fraction(l.paid, l.cap))} paid, ${formatPercent(fraction(l.reserved, l.cap))} reserved by pending claims`}>
                  <div className="bar-fill" style={{ width: `${fraction(l.paid, l.cap) * 100}%` }} />
                  <div className="bar-fill reserved" style={{ width: `${fraction(l.reserved, l.cap) * 100}%` }} />
                </div>
                <div className="line-foot">
                  <span data-testid="line-paid">paid {displayAmount(l.paid, pool.asset)}</span>
                  {l.reserved > 0n && <span data-testid="line-reserved"><span className="swatch reserved" /> reserved {displayAmount(l.reserved, pool.asset)}</span>}
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
