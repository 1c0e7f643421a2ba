// Proposed changes to budget lines and rules: in notice until `effectiveAt`, objectable like claims.
import { useChainClock } from "../hooks/useChainClock";
import type { PoolData } from "../hooks/usePool";
import { usePoolWrite } from "../hooks/usePoolWrite";
import type { ViewerData } from "../hooks/useViewer";
import { displayAmount, formatBps, formatCountdown, formatPeriod, PROPOSAL_STATUS, ProposalStatus } from "@potluck/core";
import { canApplyChange, canObjectToChange, lineChangeParts, NEW_LINE, RULE_NAMES, rulesInChange, type Rules } from "../lib/state";
import { Action } from "./Action";
import { TxStatus } from "./TxStatus";
import { Weight } from "./Weight";

/** A rules change as what it changes (its `changes` bits), each from the rule in force now: "claim delay 6 hours → 12 hours, …". */
function rulesChange(now: Rules, proposed: Rules | undefined, changes: number): string {
  if (proposed === undefined) return "new rules";
  const show = (k: keyof Rules, r: Rules) => (k.endsWith("Bps") ? formatBps(r[k]) : formatPeriod(r[k]));
  return `new rules: ${rulesInChange(changes).map((k) => `${RULE_NAMES[k]} ${show(k, now)} → ${show(k, proposed)}`).join(", ")}`;
}

export function Changes({ pool, viewer }: { pool: PoolData; viewer: ViewerData }) {
  const { now } = useChainClock();
  const tx = usePoolWrite(pool);
  if (pool.proposals.length === 0) return null;
  return (
    <section className="panel" data-testid="changes">
      <h2>Proposed changes</h2>
      <ul className="plain">
        {pool.proposals.map((p) => {
          const current = pool.lines[p.line];
          const what = p.kind === 1
            ? `${p.line === NEW_LINE ? `new line "${p.name}"` : `line "${current?.name ?? p.line}"`}: ${lineChangeParts(p, current, (v) => displayAmount(v, pool.asset), formatPeriod).join(", ")}`
            : rulesChange(pool.rules, p.rules, p.changes);
          const pending = p.status === ProposalStatus.Pending;
          const objected = viewer.objectedChanges.has(p.id);
          return (
            <li key={p.id.toString()}>
              <strong>#{p.id.toString()}</strong> {what} · <em>{PROPOSAL_STATUS[p.status]}</em>
              {pending && <> · takes effect {formatCountdown(p.effectiveAt, now)} unless <Weight value={p.toReject} pool={pool} /> more {pool.quadratic ? "of all weight objects" : "weight objects"}</>}
              {pending && (
                <div className="actions">
                  <Action kind="danger" busy={tx.busy} gate={canObjectToChange(p, viewer, now, objected)}
                    onClick={() => void tx.write(`Objecting to change #${p.id}`, "objectToChange", [p.id])}>Object</Action>
                  <Action kind="secondary" busy={tx.busy} gate={canApplyChange(pool, p, viewer, now)}
                    onClick={() => void tx.write(`Applying change #${p.id}`, "applyChange", [p.id])}>Apply</Action>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <TxStatus state={tx.state} />
    </section>
  );
}
