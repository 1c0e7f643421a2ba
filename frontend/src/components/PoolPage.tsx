// A pool: its figures, budget, history and people, and the panels to give, maintain and take part.
import type { ReactNode } from "react";
import type { Address as A } from "viem";
import { useChainClock } from "../hooks/useChainClock";
import { usePool, type PoolData } from "../hooks/usePool";
import { useViewer } from "../hooks/useViewer";
import { displayAmount, formatBps, formatCountdown, formatPeriod, formatRunway } from "@potluck/core";
import { feedUrl } from "../lib/history";
import { Address } from "./Address";
import { BudgetLines } from "./BudgetLines";
import { Carried } from "./Carried";
import { ChainLink, ChainText } from "./ChainText";
import { Changes } from "./Changes";
import { Claims } from "./Claims";
import { CommunityPanel } from "./CommunityPanel";
import { Contributors } from "./Contributors";
import { GiftsChart } from "./GiftsChart";
import { GivePanel } from "./GivePanel";
import { MaintainerPanel } from "./MaintainerPanel";
import { Pledges } from "./Pledges";
import { StrayFunds } from "./StrayFunds";

const STATUS_TEXT: Record<string, string> = {
  active: "Maintainer active",
  inactive: "Maintainer inactive: anyone may call an election",
  recall: "Recall election running",
  election: "Election under way",
  "seat open": "Seat open",
  "wound down": "Wound down: contributors reclaim",
};

/**
 * The pool's name, status, description and links. All but the status are the creator's text: inert, the
 * name cut so that it never pushes the figures out of view, and only https, http and ipfs links as links.
 */
export function PoolHeader({ pool }: { pool: Pick<PoolData, "name" | "status" | "metadata"> }) {
  return (
    <>
      <header className="pool-head">
        <h1 data-testid="pool-name"><ChainText text={pool.name} max={64} /></h1>
        <span className={`status status-${pool.status.replace(" ", "-")}`} data-testid="maintainer-status">{STATUS_TEXT[pool.status]}</span>
      </header>
      {pool.metadata?.description && <p className="desc" data-testid="pool-description"><ChainText text={pool.metadata.description} max={2_000} multiline /></p>}
      {pool.metadata?.links && pool.metadata.links.length > 0 && (
        <p className="links" data-testid="pool-links">{pool.metadata.links.slice(0, 10).map((l, i) => <ChainLink key={i} url={l} />)}</p>
      )}
    </>
  );
}

function Stat({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="stat">
      <div className="stat-label">{label}</div>
      <div className="stat-value" data-testid={testId}>{children}</div>
    </div>
  );
}

export function PoolPage({ address }: { address: A }) {
  const { data: pool, isLoading, error, notFound } = usePool(address);
  const viewer = useViewer(pool);
  const { now } = useChainClock();
  if (notFound) return <div className="notice" role="alert">No pool at {address} was created by this deployment's factory.</div>;
  if (error && pool === undefined) return <div className="notice" role="alert">Could not read this pool: {error.message.split("\n")[0]}</div>;
  if (isLoading || pool === undefined) return <p>Loading the pool…</p>;
  const nextEpoch = pool.genesis + (pool.epoch + 1n) * pool.epochLength;
  return (
    <article className="pool" data-testid="pool-page">
      <a href="#/" className="back">← all pools</a>
      <PoolHeader pool={pool} />
      <p className="meta">
        Pool <Address address={pool.address} /> · {pool.asset.symbol} · maintainer{" "}
        {pool.maintainer === "0x0000000000000000000000000000000000000000" ? <em>none (seat open)</em> : <span data-testid="maintainer"><Address address={pool.maintainer} you={viewer.address} /></span>}
        {" "}· {pool.quadratic ? "quadratic" : "linear"} weight · epochs of {formatPeriod(pool.epochLength)} (epoch {pool.epoch.toString()}, next {formatCountdown(nextEpoch, now)})
        {" "}· claims wait {formatPeriod(pool.rules.claimDelay)}, {formatBps(pool.rules.objectionQuorumBps)} of weight rejects
        {feedUrl(pool.address) !== undefined && (
          <>{" "}· follow claims, changes and elections in a feed reader: <a href={feedUrl(pool.address)} data-testid="feed-atom">Atom</a>, <a href={feedUrl(pool.address, "json")}>JSON Feed</a></>
        )}
      </p>
      <div className="stats">
        <Stat label="balance" testId="balance">{displayAmount(pool.balance, pool.asset)}</Stat>
        <Stat label="runway" testId="runway">{formatRunway(pool.runway)}</Stat>
        <Stat label="budget / 30 days">{displayAmount(pool.carried.budgetPerMonth, pool.asset)}</Stat>
        <Stat label="given, ever">{displayAmount(pool.totalGiven, pool.asset)}</Stat>
        <Stat label="contributors">{pool.contributors.length}</Stat>
      </div>
      <StrayFunds pool={pool} viewer={viewer} />
      <div className="columns">
        <div className="main-col">
          <BudgetLines pool={pool} />
          <Carried pool={pool} viewer={viewer} />
          <GiftsChart pool={pool} />
          <Claims pool={pool} viewer={viewer} />
          <Changes pool={pool} viewer={viewer} />
          <Pledges pool={pool} viewer={viewer} />
          <Contributors pool={pool} viewer={viewer} />
        </div>
        <aside className="side-col">
          <GivePanel pool={pool} viewer={viewer} />
          <CommunityPanel pool={pool} viewer={viewer} />
          <MaintainerPanel pool={pool} viewer={viewer} />
        </aside>
      </div>
    </article>
  );
}
