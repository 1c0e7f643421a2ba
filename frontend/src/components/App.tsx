// The shell: header with the wallet, the chain's clock for every countdown, and the pages chosen by the
// URL's hash (#/ explore, #/pool/0x… a pool, #/create the create-pool form), so the production build is static files.
import { lazy, Suspense, useEffect, useState } from "react";
import { isAddress } from "viem";
import { deployedChainIds, deployment } from "../contracts";
import { ChainClockContext, useWatchChainClock } from "../hooks/useChainClock";
import { useHistorySource } from "../lib/history";
import { chain, rpcUrl } from "../wagmi";
import { Explore } from "./Explore";
import { PoolPage } from "./PoolPage";
import { WalletBar } from "./WalletBar";

// The create-pool form is loaded only when opened: the first page (explore, a pool) stays under its budget.
const CreatePool = lazy(() => import("./CreatePool").then((m) => ({ default: m.CreatePool })));

function useHashRoute(): string {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const on = () => setHash(window.location.hash);
    window.addEventListener("hashchange", on);
    return () => window.removeEventListener("hashchange", on);
  }, []);
  return hash;
}

export function App() {
  const clock = useWatchChainClock();
  const history = useHistorySource();
  const hash = useHashRoute();
  const match = /^#\/pool\/(0x[0-9a-fA-F]{40})/.exec(hash);
  const pool = match !== null && isAddress(match[1]) ? match[1] : undefined;
  return (
    <ChainClockContext.Provider value={clock}>
      <header className="top">
        <a href="#/" className="brand">
          <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true"><path d="M3 9h14v3a6 6 0 0 1-6 6H9a6 6 0 0 1-6-6z" fill="#b4531f" /><path d="M1 9h18" stroke="#1f1d1a" strokeWidth="1.5" /><path d="M7 6c0-1.5 1.5-1.5 1.5-3M11.5 6c0-1.5 1.5-1.5 1.5-3" stroke="#6b665e" strokeWidth="1.2" fill="none" /></svg>{" "}
          Potluck
        </a>
        <span className="tagline">community funding pools for peer-produced projects</span>
        <WalletBar />
      </header>
      <main>
        {deployment === undefined ? (
          <div className="notice" role="alert">
            Potluck is not deployed on {chain.name} (chain {chain.id}) as far as this build knows
            {deployedChainIds.length > 0 ? ` (it knows chain ${deployedChainIds.join(", ")})` : ""}. Deploy it and regenerate
            the contracts file (<code>npx hardhat deploy</code>), or start the local demo with <code>npm start</code>.
          </div>
        ) : pool !== undefined ? (
          <PoolPage address={pool} />
        ) : hash.startsWith("#/create") ? (
          <Suspense fallback={<p className="muted" aria-busy="true">Opening the form…</p>}><CreatePool /></Suspense>
        ) : (
          <Explore />
        )}
      </main>
      <footer>
        {chain.name} · block {clock.blockNumber?.toString() ?? "…"} · chain time{" "}
        {clock.blockTime !== undefined ? new Date(Number(clock.now) * 1000).toISOString().replace("T", " ").slice(0, 19) + " UTC" : "…"}
        {clock.blockNumber === undefined && <> · cannot reach {rpcUrl} yet</>}
        {" · "}
        {history.source === "indexer"
          ? `history from the indexer${history.behind === undefined ? "" : history.behind === 0 ? " (up to date)" : ` (${history.behind.toLocaleString("en-US")} blocks behind the chain)`}`
          : history.source === "fallback"
            ? <span role="status" title={history.error}>the indexer is unreachable: history read from the chain's logs (slower)</span>
            : "history read from the chain's logs"}
      </footer>
    </ChainClockContext.Provider>
  );
}
