// Stray funds: what the pool's address holds above its ledger (ETH forced in without a gift, tokens sent by a
// plain transfer). Shown only when there are some; anyone may sweep them into the ledger as an unattributed gift.
import type { PoolData } from "../hooks/usePool";
import { usePoolWrite } from "../hooks/usePoolWrite";
import type { ViewerData } from "../hooks/useViewer";
import { displayAmount } from "@potluck/core";
import { canSweep } from "../lib/state";
import { Action } from "./Action";
import { TxStatus } from "./TxStatus";

export function StrayFunds({ pool, viewer }: { pool: PoolData; viewer: ViewerData }) {
  const tx = usePoolWrite(pool);
  // Once swept there is nothing stray left to show, but the confirmation stays in view.
  if (pool.stray <= 0n && tx.state.phase === "idle") return null;
  const how = pool.isEthPool ? "ETH that reached it without a gift" : `${pool.asset.symbol} sent to it by a plain transfer`;
  return (
    <div className="stray" data-testid="stray">
      {pool.stray > 0n && (
        <p className="muted">
          The pool holds <strong data-testid="stray-amount">{displayAmount(pool.stray, pool.asset)}</strong> more than its ledger
          ({pool.held !== undefined && <>{displayAmount(pool.held, pool.asset)} held, </>}{displayAmount(pool.balance, pool.asset)} in the ledger): {how}.
          Anyone can sweep it into the ledger as a gift from no one: it can then pay claims, earns nobody weight, and
          is shared like the rest at wind-down.
        </p>
      )}
      <div>
        <Action gate={canSweep(pool, pool.stray, viewer)} busy={tx.busy} kind="secondary" testId="sweep"
          onClick={() => void tx.write(`Sweeping ${displayAmount(pool.stray, pool.asset)} into the ledger`, "sweep", [])}>
          Sweep into the ledger
        </Action>
      </div>
      <TxStatus state={tx.state} testId="sweep-tx" />
    </div>
  );
}
