import { useReadContracts } from "wagmi";
import { poolAbi } from "../contracts";
import { useChainClock } from "../hooks/useChainClock";
import type { PoolData } from "../hooks/usePool";
import { usePoolWrite } from "../hooks/usePoolWrite";
import type { ViewerData } from "../hooks/useViewer";
import { approxAmount, displayAmount, formatCountdown, formatPeriod, fraction } from "@potluck/core";
import { Action } from "./Action";
import { Address } from "./Address";
import { TxStatus } from "./TxStatus";

/**
 * How the fixed costs are carried, per 30 days (the pool's `carried()`): the budget, the standing orders
 * (with when each is due; anyone may collect a due one), the in-kind value pledged and delivered.
 */
export function Carried({ pool, viewer }: { pool: PoolData; viewer: ViewerData }) {
  const { now } = useChainClock();
  const tx = usePoolWrite(pool);
  const c = pool.carried;
  const a = pool.asset;
  const orders = useReadContracts({
    allowFailure: false,
    query: { enabled: pool.subscribers.length > 0 },
    contracts: pool.subscribers.map((d) => ({ address: pool.address, abi: poolAbi, functionName: "subscriptionOf", args: [d] }) as const),
  });
  const recurring = fraction(c.recurringPerMonth, c.budgetPerMonth);
  const inKind = fraction(c.pledgedPerMonth, c.budgetPerMonth);
  return (
    <section className="panel" data-testid="carried">
      <h2>Fixed costs covered</h2>
      <p>
        Of a budget of <strong>{approxAmount(c.budgetPerMonth, a)}</strong> per 30 days, standing orders bring{" "}
        <strong data-testid="recurring">{approxAmount(c.recurringPerMonth, a)}</strong> and peers pledge{" "}
        <strong data-testid="pledged">{approxAmount(c.pledgedPerMonth, a)}</strong> in kind; in-kind value delivered so far:{" "}
        <strong data-testid="delivered">{displayAmount(c.delivered, a)}</strong>.
      </p>
      <div className="bar stacked" role="img" aria-label="share of the budget covered by recurring gifts and pledges">
        <div className="bar-fill recurring" style={{ width: `${recurring * 100}%` }} />
        <div className="bar-fill inkind" style={{ width: `${Math.min(inKind, 1 - recurring) * 100}%` }} />
      </div>
      <p className="muted"><span className="swatch recurring" /> recurring gifts <span className="swatch inkind" /> in kind</p>
      {pool.subscribers.length > 0 && (
        <table className="table stack">
          <thead><tr><th>standing order</th><th>amount</th><th>next gift</th><th /></tr></thead>
          <tbody>
            {pool.subscribers.map((donor, i) => {
              const o = orders.data?.[i];
              if (o === undefined || o[0] === 0n) return null;
              const due = now >= o[2];
              return (
                <tr key={donor}>
                  <td data-label="standing order"><Address address={donor} you={viewer.address} /></td>
                  <td data-label="amount"><span className="num">{displayAmount(o[0], a)}</span> every {formatPeriod(o[1])}</td>
                  <td data-label="next gift">{due ? <strong>due now</strong> : formatCountdown(o[2], now)}</td>
                  <td data-label="">
                    <Action kind="secondary" busy={tx.busy}
                      gate={!due ? { ok: false, reason: "not due yet" } : viewer.address === undefined ? { ok: false, reason: "connect to collect" } : { ok: true }}
                      onClick={() => void tx.write("Collecting a standing order", "collect", [donor])}>
                      Collect
                    </Action>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <TxStatus state={tx.state} />
    </section>
  );
}
