// pending → confirming → confirmed, or the error as a sentence (with viem's short message for the curious).
import type { TxState } from "../hooks/useTx";
import { chain } from "../wagmi";

export function TxStatus({ state, testId }: { state: TxState; testId?: string }) {
  if (state.phase === "idle") return null;
  const explorer = chain.blockExplorers?.default.url;
  const hash = state.hash === undefined ? null : explorer ? (
    <a href={`${explorer}/tx/${state.hash}`} target="_blank" rel="noreferrer">{state.hash.slice(0, 10)}…</a>
  ) : <code title={state.hash}>{state.hash.slice(0, 10)}…</code>;
  return (
    <div className={`tx tx-${state.phase}`} role="status" data-testid={testId} data-phase={state.phase}>
      {state.phase === "pending" && <>… {state.label}: confirm in your wallet…</>}
      {state.phase === "confirming" && <>… {state.label}: confirming {hash}</>}
      {state.phase === "confirmed" && <>✓ {state.label}: confirmed {hash}{state.outcome !== undefined && <> <strong className="tx-outcome" data-testid="tx-outcome">{state.outcome}</strong></>}</>}
      {state.phase === "failed" && (
        <>
          <strong>✗ {state.label ?? "Transaction"} failed.</strong> <span className="tx-sentence">{state.error?.sentence}</span>
          {state.error?.shortMessage !== undefined && state.error.shortMessage !== state.error.sentence && (
            <details><summary>details</summary><code>{state.error.shortMessage}</code></details>
          )}
        </>
      )}
    </div>
  );
}
