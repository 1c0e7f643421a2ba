// Contributors with what they gave and the weight that counts in ballots now.
import { useState } from "react";
import type { PoolData } from "../hooks/usePool";
import type { ViewerData } from "../hooks/useViewer";
import { displayAmount, formatPercent, fraction } from "@potluck/core";
import { Address } from "./Address";

const PAGE = 25;

export function Contributors({ pool, viewer }: { pool: PoolData; viewer: ViewerData }) {
  const [shown, setShown] = useState(PAGE);
  const list = pool.contributors;
  const weightUnit = pool.quadratic ? { symbol: "", decimals: 0 } : pool.asset;
  return (
    <section className="panel" data-testid="contributors">
      <h2>Contributors ({list.length})</h2>
      <p className="muted">Weight is what counts in objections, petitions and votes: {pool.quadratic ? "the square root of" : ""} what was given, from the epoch after the gift.</p>
      <table className="table">
        <thead><tr><th>contributor</th><th>given</th><th>weight now</th><th>share</th></tr></thead>
        <tbody>
          {list.slice(0, shown).map((c) => (
            <tr key={c.address} data-testid="contributor">
              <td><Address address={c.address} you={viewer.address} /></td>
              <td>{displayAmount(c.given, pool.asset)}</td>
              <td>{displayAmount(c.weight, weightUnit, { symbol: false })}{c.matured < c.given ? <span className="muted"> (maturing)</span> : null}</td>
              <td>{formatPercent(fraction(c.weight, pool.totalWeight))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.length > shown && <button type="button" className="btn btn-secondary" onClick={() => setShown(shown + PAGE * 4)}>Show more</button>}
    </section>
  );
}
