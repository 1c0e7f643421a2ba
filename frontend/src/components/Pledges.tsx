// Pledges of capital goods (compute, hosting, space): offered, accepted, delivered.
import type { PoolData } from "../hooks/usePool";
import { usePoolWrite } from "../hooks/usePoolWrite";
import type { ViewerData } from "../hooks/useViewer";
import { displayAmount, formatPeriod, PLEDGE_STATUS, PledgeStatus, SeatStatus } from "@potluck/core";
import { Action } from "./Action";
import { Address } from "./Address";
import { ChainText } from "./ChainText";
import { TxStatus } from "./TxStatus";

export function Pledges({ pool, viewer }: { pool: PoolData; viewer: ViewerData }) {
  const tx = usePoolWrite(pool);
  if (pool.pledges.length === 0) return null;
  const maintainer = viewer.isMaintainer && viewer.onChain && pool.seatStatus === SeatStatus.Filled;
  const call = (label: string, functionName: "acceptPledge" | "declinePledge", id: bigint) =>
    void tx.write(label, functionName, [id]);
  return (
    <section className="panel" data-testid="pledges">
      <h2>Pledges in kind</h2>
      <ul className="plain">
        {pool.pledges.map((p) => (
          <li key={p.id.toString()} data-testid="pledge">
            <strong><ChainText text={p.description} max={140} /></strong> · {displayAmount(p.valuePerPeriod, pool.asset)} per {formatPeriod(p.period)} · {p.delivered}/{p.periods} delivered ·{" "}
            <em>{PLEDGE_STATUS[p.status]}</em> · by <Address address={p.pledger} you={viewer.address} />
            {maintainer && p.status === PledgeStatus.Offered && (
              <div className="actions">
                <Action gate={{ ok: true }} busy={tx.busy} onClick={() => call(`Accepting pledge #${p.id}`, "acceptPledge", p.id)}>Accept</Action>
                <Action gate={{ ok: true }} busy={tx.busy} kind="secondary" onClick={() => call(`Declining pledge #${p.id}`, "declinePledge", p.id)}>Decline</Action>
              </div>
            )}
            {maintainer && p.status === PledgeStatus.Accepted && (
              <div className="actions">
                <Action gate={{ ok: true }} busy={tx.busy} kind="secondary"
                  onClick={() => void tx.write(`Recording a delivery of pledge #${p.id}`, "recordDelivery", [p.id, 1])}>
                  Record one period delivered
                </Action>
              </div>
            )}
          </li>
        ))}
      </ul>
      <TxStatus state={tx.state} />
    </section>
  );
}
