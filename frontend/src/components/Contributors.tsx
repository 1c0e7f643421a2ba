// Contributors with what they gave and the weight that counts in ballots now; after a wind-down, what each
// reclaimed and may still reclaim.
import { useState } from "react";
import { useContributorFigures, type PoolData } from "../hooks/usePool";
import type { ViewerData } from "../hooks/useViewer";
import { displayAmount, formatPercent, fraction, SeatStatus } from "@potluck/core";
import { Address } from "./Address";
import { Bone } from "./Skeleton";
import { rawWeight } from "./Weight";

const PAGE = 25;

export function Contributors({ pool, viewer }: { pool: PoolData; viewer: ViewerData }) {
  const [shown, setShown] = useState(PAGE);
  const list = pool.contributors;
  const ended = pool.seatStatus === SeatStatus.WoundDown;
  // The list comes from the history; the chain's figures are read for the rows shown, and show as read.
  const rows = list.slice(0, shown);
  const figures = useContributorFigures(pool.address, rows.map((c) => c.address));
  if (!pool.historyKnown) {
    return (
      <section className="panel" data-testid="contributors" aria-busy="true">
        <h2>Contributors <Bone width="2em" /></h2>
        <Bone width="100%" height="0.8em" className="block" /><Bone width="100%" height="0.8em" className="block" />
      </section>
    );
  }
  return (
    <section className="panel" data-testid="contributors">
      <h2>Contributors ({list.length})</h2>
      {ended ? (
        <p className="muted">The pool wound down: each contributor may reclaim their share of what was left, once.</p>
      ) : (
        <p className="muted">Weight is what counts in objections, petitions and votes: {pool.quadratic ? "the square root of" : ""} what was given, from the epoch after the gift{pool.quadratic ? "; shown as a share of all weight (the raw figure in small print)" : ""}.</p>
      )}
      <table className="table stack">
        <thead>
          {ended
            ? <tr><th>contributor</th><th>gave</th><th>reclaimed</th><th>may still reclaim</th></tr>
            : <tr><th>contributor</th><th>given</th><th>weight now</th><th>share</th></tr>}
        </thead>
        <tbody>
          {rows.map((c, i) => { const f = figures[i]; return ended ? (
            <tr key={c.address} data-testid="contributor">
              <td data-label="contributor"><Address address={c.address} you={viewer.address} /></td>
              <td data-label="gave" className="num">{displayAmount(c.gaveEver, pool.asset)}</td>
              <td data-label="reclaimed" className="num" data-testid="contributor-reclaimed">{c.reclaimed > 0n ? displayAmount(c.reclaimed, pool.asset) : "—"}</td>
              <td data-label="may still reclaim" className="num" data-testid="contributor-reclaimable">{f === undefined ? <Bone width="4em" /> : f.reclaimable > 0n ? displayAmount(f.reclaimable, pool.asset) : "nothing"}</td>
            </tr>
          ) : (
            <tr key={c.address} data-testid="contributor">
              <td data-label="contributor"><Address address={c.address} you={viewer.address} /></td>
              <td data-label="given" className="num">{f === undefined ? <Bone width="4em" /> : displayAmount(f.given, pool.asset)}</td>
              <td data-label="weight now" className="num">
                {f === undefined ? <Bone width="3em" /> : pool.quadratic ? <span className="muted small" title="the square root of what was given">{rawWeight(f.weight, pool)}</span> : rawWeight(f.weight, pool)}
                {f !== undefined && f.matured < f.given ? <span className="muted"> (maturing)</span> : null}
              </td>
              <td data-label="share" className="num" data-testid="contributor-share">{f === undefined ? <Bone width="3em" /> : formatPercent(fraction(f.weight, pool.totalWeight))}</td>
            </tr>
          ); })}
        </tbody>
      </table>
      {list.length > shown && <button type="button" className="btn btn-secondary" onClick={() => setShown(shown + PAGE * 4)}>Show more</button>}
    </section>
  );
}
