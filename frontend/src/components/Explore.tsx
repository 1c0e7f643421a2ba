// Explore: every pool from the factory with its name, asset, balance, runway and maintainer status.
import { displayAmount, formatRunway } from "@potluck/core";
import { usePools, type PoolSummary } from "../hooks/usePools";
import { ChainText } from "./ChainText";

const STATUS_LABEL: Record<string, string> = {
  active: "maintainer active",
  inactive: "maintainer inactive",
  recall: "recall election",
  election: "election",
  "seat open": "seat open",
  "wound down": "wound down",
};

export function Explore() {
  const { pools, known, error } = usePools();
  return (
    <section>
      <div className="explore-head">
        <h1>Pools</h1>
        <a href="#/create" className="btn btn-primary" data-testid="start-pool">Start a pool</a>
      </div>
      <p className="lede">Each pool funds one project and pays its maintainer only by rules you can read before you give.</p>
      {error && <div className="notice" role="alert">Could not read the pools: {error.message.split("\n")[0]}</div>}
      {!known && !error && <p className="muted" aria-busy="true">Reading the pools…</p>}
      {known && pools.length === 0 && !error && <p>No pools yet.</p>}
      <div className="cards" data-testid="pool-list">
        {pools.map((p) => (
          <PoolCard key={p.address} pool={p} />
        ))}
      </div>
    </section>
  );
}

/**
 * One pool's card. Its name and description are the creator's text: inert, the name cut so that the figures
 * below it stay in view.
 */
export function PoolCard({ pool: p }: { pool: PoolSummary }) {
  return (
    <a className="card" href={`#/pool/${p.address}`} data-testid="pool-card">
      <h2><ChainText text={p.name} max={48} /></h2>
      {p.metadata?.description && <p className="desc"><ChainText text={p.metadata.description} max={240} /></p>}
      <dl>
        <dt>asset</dt><dd>{p.assetInfo.symbol}</dd>
        <dt>balance</dt><dd data-testid="pool-balance" className="num">{p.balance === undefined ? "…" : displayAmount(p.balance, p.assetInfo)}</dd>
        {/* A wound-down pool has no runway: it has ended, and contributors reclaim what is left. */}
        <dt>runway</dt><dd>{p.runway === undefined || p.status === undefined ? "…" : p.status === "wound down" ? "ended" : formatRunway(p.runway)}</dd>
        <dt>maintainer</dt>
        <dd><span className={`status status-${(p.status ?? "").replace(" ", "-")}`} data-testid="pool-status">{p.status === undefined ? "…" : STATUS_LABEL[p.status]}</span></dd>
      </dl>
    </a>
  );
}
