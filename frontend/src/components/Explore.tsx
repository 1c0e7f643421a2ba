// Explore: every pool from the factory with its name, asset, balance, runway and maintainer status.
import { usePools } from "../hooks/usePools";
import { formatAmount } from "../lib/format";
import { formatRunway } from "../lib/runway";

const STATUS_LABEL: Record<string, string> = {
  active: "maintainer active",
  inactive: "maintainer inactive",
  recall: "recall election",
  election: "election",
  "seat open": "seat open",
  "wound down": "wound down",
};

export function Explore() {
  const { pools, isLoading, error } = usePools();
  return (
    <section>
      <h1>Pools</h1>
      <p className="lede">Each pool funds one project and pays its maintainer only by rules you can read before you give.</p>
      {error && <div className="notice" role="alert">Could not read the pools: {error.message.split("\n")[0]}</div>}
      {isLoading && <p>Loading pools…</p>}
      {!isLoading && pools.length === 0 && !error && <p>No pools yet.</p>}
      <div className="cards" data-testid="pool-list">
        {pools.map((p) => (
          <a key={p.address} className="card" href={`#/pool/${p.address}`} data-testid="pool-card">
            <h2>{p.name}</h2>
            {p.metadata?.description && <p className="desc">{p.metadata.description}</p>}
            <dl>
              <dt>asset</dt><dd>{p.assetInfo.symbol}</dd>
              <dt>balance</dt><dd data-testid="pool-balance">{p.balance === undefined ? "…" : formatAmount(p.balance, p.assetInfo)}</dd>
              <dt>runway</dt><dd>{p.runway === undefined ? "…" : formatRunway(p.runway)}</dd>
              <dt>maintainer</dt>
              <dd><span className={`status status-${(p.status ?? "").replace(" ", "-")}`} data-testid="pool-status">{p.status === undefined ? "…" : STATUS_LABEL[p.status]}</span></dd>
            </dl>
          </a>
        ))}
      </div>
    </section>
  );
}
