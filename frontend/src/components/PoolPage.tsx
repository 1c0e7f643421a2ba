// A pool: its figures, budget, history and people, and the panels to give, maintain and take part.
import type { ReactNode } from "react";
import type { Address as A } from "viem";
import { useChainClock } from "../hooks/useChainClock";
import { usePool, type PoolData } from "../hooks/usePool";
import { useViewer } from "../hooks/useViewer";
import { approxAmount, displayAmount, formatBps, formatCountdown, formatPeriod, formatRunway, SeatStatus } from "@potluck/core";
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
import { Bone, PoolSkeleton } from "./Skeleton";
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

/** A wound-down pool: what was left, what each contributor may still reclaim, and who has reclaimed. */
function WoundDownPanel({ pool }: { pool: PoolData }) {
  const still = pool.windDown.left - pool.windDown.reclaimed;
  const reclaimers = pool.contributors.filter((c) => c.reclaimed > 0n).length;
  return (
    <section className="panel ended" data-testid="wound-down">
      <h2>This pool has ended</h2>
      <p>
        It wound down with <strong data-testid="wound-down-left">{displayAmount(pool.windDown.left, pool.asset)}</strong> left.
        Contributors have reclaimed <strong>{displayAmount(pool.windDown.reclaimed, pool.asset)}</strong>
        {pool.historyKnown ? <> ({reclaimers} of {pool.contributors.length})</> : null}; <strong>{displayAmount(still < 0n ? 0n : still, pool.asset)}</strong> may still be reclaimed,
        each contributor their share. It takes no more gifts, pays no claims, and has no budget.
      </p>
    </section>
  );
}

export function PoolPage({ address }: { address: A }) {
  const { data: pool, error, notFound } = usePool(address);
  const viewer = useViewer(pool);
  const clock = useChainClock();
  const now = clock.now;
  if (notFound) return <div className="notice" role="alert">No pool at {address} was created by this deployment's factory.</div>;
  if (error && pool === undefined) return <div className="notice" role="alert">Could not read this pool: {error.message.split("\n")[0]}</div>;
  if (pool === undefined) return <PoolSkeleton />;
  const ended = pool.seatStatus === SeatStatus.WoundDown;
  const nextEpoch = pool.genesis + (pool.epoch + 1n) * pool.epochLength;
  const contributors = pool.historyKnown ? pool.contributors.length : <Bone width="2em" />;
  return (
    <article className={`pool${ended ? " pool-ended" : ""}`} data-testid="pool-page">
      <a href="#/" className="back">← all pools</a>
      <PoolHeader pool={pool} />
      <p className="meta">
        {!ended && <>Pool <Address address={pool.address} /> · </>}{pool.asset.symbol} · maintainer{" "}
        {pool.maintainer === "0x0000000000000000000000000000000000000000" ? <em>none{ended ? "" : " (seat open)"}</em> : <span data-testid="maintainer"><Address address={pool.maintainer} you={viewer.address} /></span>}
        {" "}· {pool.quadratic ? "quadratic" : "linear"} weight
        {!ended && (
          <>
            {" "}· epochs of {formatPeriod(pool.epochLength)} (epoch {pool.epoch.toString()}, next{" "}
            {clock.blockTime === undefined ? <Bone width="3em" /> : formatCountdown(nextEpoch, now)})
            {" "}· claims wait {formatPeriod(pool.rules.claimDelay)}, {formatBps(pool.rules.objectionQuorumBps)} of weight rejects
          </>
        )}
        {feedUrl(pool.address) !== undefined && (
          <>{" "}· follow claims, changes and elections in a feed reader: <a href={feedUrl(pool.address)} data-testid="feed-atom">Atom</a>, <a href={feedUrl(pool.address, "json")}>JSON Feed</a></>
        )}
      </p>
      {ended ? (
        <div className="stats">
          <Stat label="left at wind-down" testId="balance">{displayAmount(pool.windDown.left, pool.asset)}</Stat>
          <Stat label="reclaimed">{displayAmount(pool.windDown.reclaimed, pool.asset)}</Stat>
          <Stat label="given, ever">{displayAmount(pool.totalGiven, pool.asset)}</Stat>
          <Stat label="contributors" testId="contributor-count">{contributors}</Stat>
        </div>
      ) : (
        <div className="stats">
          <Stat label="balance" testId="balance">{displayAmount(pool.balance, pool.asset)}</Stat>
          <Stat label="runway" testId="runway">{formatRunway(pool.runway)}</Stat>
          <Stat label="budget / 30 days" testId="budget-month">{approxAmount(pool.carried.budgetPerMonth, pool.asset)}</Stat>
          <Stat label="given, ever">{displayAmount(pool.totalGiven, pool.asset)}</Stat>
          <Stat label="contributors" testId="contributor-count">{contributors}</Stat>
        </div>
      )}
      {!ended && <StrayFunds pool={pool} viewer={viewer} />}
      <div className="columns">
        <div className="main-col">
          {ended && <WoundDownPanel pool={pool} />}
          {!ended && <BudgetLines pool={pool} />}
          {!ended && <Carried pool={pool} viewer={viewer} />}
          <GiftsChart pool={pool} />
          <Claims pool={pool} viewer={viewer} />
          <Changes pool={pool} viewer={viewer} />
          <Pledges pool={pool} viewer={viewer} />
          <Contributors pool={pool} viewer={viewer} />
        </div>
        <aside className="side-col">
          {!ended && <GivePanel pool={pool} viewer={viewer} />}
          <CommunityPanel pool={pool} viewer={viewer} />
          {!ended && <MaintainerPanel pool={pool} viewer={viewer} />}
        </aside>
      </div>
    </article>
  );
}
