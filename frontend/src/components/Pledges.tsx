// Pledges of capital goods (compute, hosting, space): offered by any peer (and withdrawn by them while
// offered or accepted), accepted or declined by the maintainer, and delivered period by period.
import { useState } from "react";
import type { PoolData } from "../hooks/usePool";
import { usePoolWrite } from "../hooks/usePoolWrite";
import type { ViewerData } from "../hooks/useViewer";
import { displayAmount, formatPeriod, PLEDGE_STATUS, PledgeStatus, readAmount, SeatStatus } from "@potluck/core";
import { canOfferPledge, canWithdrawPledge, MAX_PLEDGE_DESCRIPTION, type Gate } from "../lib/state";
import { Action } from "./Action";
import { Address } from "./Address";
import { ChainText } from "./ChainText";
import { TxStatus } from "./TxStatus";

const PERIODS: Array<[string, bigint]> = [["month (30 days)", 2_592_000n], ["week", 604_800n], ["day", 86_400n], ["year", 31_536_000n]];

function OfferPledge({ pool, viewer }: { pool: PoolData; viewer: ViewerData }) {
  const tx = usePoolWrite(pool);
  const [description, setDescription] = useState("");
  const [valueText, setValueText] = useState("");
  const [period, setPeriod] = useState(PERIODS[0][1]);
  const [periodsText, setPeriodsText] = useState("12");
  const value = valueText.trim() === "" ? undefined : readAmount(valueText, pool.asset);
  const periods = /^\d+$/.test(periodsText.trim()) ? Number(periodsText.trim()) : Number.NaN;
  let gate: Gate = canOfferPledge(pool, viewer);
  if (gate.ok && value !== undefined && !value.ok) gate = { ok: false, reason: value.error };
  else if (gate.ok) gate = canOfferPledge(pool, viewer, { description, valuePerPeriod: value?.ok ? value.value : undefined, period, periods });
  const submit = () => {
    if (!gate.ok || !value?.ok) return;
    void tx.write(`Pledging ${displayAmount(value.value, pool.asset)} per ${formatPeriod(period)} for ${periods} periods`, "pledge", [description.trim(), value.value, period, periods])
      .then((ok) => { if (ok) { setDescription(""); setValueText(""); } });
  };
  return (
    <div className="subpanel" data-testid="offer-pledge">
      <h3>Pledge a capital good</h3>
      <p className="muted">A share of something you already own (a build machine's idle cores, a hosting account, a desk). The maintainer accepts it and records each period delivered; delivered value counts towards your weight at {Number(pool.inKindWeightBps) / 100}% of money's.</p>
      <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={2} aria-label="what you pledge" placeholder={`what you pledge (at most ${MAX_PLEDGE_DESCRIPTION} bytes)`} data-testid="pledge-description" />
      <div className="row">
        <input value={valueText} onChange={(e) => setValueText(e.target.value)} inputMode="decimal" aria-label="value per period" placeholder={`worth per period, in ${pool.asset.symbol}`} data-testid="pledge-value" />
        <select value={period.toString()} onChange={(e) => setPeriod(BigInt(e.target.value))} aria-label="pledge period">
          {PERIODS.map(([n, s]) => <option key={n} value={s.toString()}>per {n}</option>)}
        </select>
      </div>
      <label className="row">for <input value={periodsText} onChange={(e) => setPeriodsText(e.target.value)} inputMode="numeric" aria-label="number of periods" className="short" data-testid="pledge-periods" /> periods</label>
      <Action gate={gate} busy={tx.busy} onClick={submit} kind="secondary" testId="pledge-submit">Offer the pledge</Action>
      <TxStatus state={tx.state} testId="pledge-tx" />
    </div>
  );
}

export function Pledges({ pool, viewer }: { pool: PoolData; viewer: ViewerData }) {
  const tx = usePoolWrite(pool);
  const ended = pool.seatStatus === SeatStatus.WoundDown;
  if (pool.pledges.length === 0 && ended) return null;
  const maintainer = viewer.isMaintainer && viewer.onChain && pool.seatStatus === SeatStatus.Filled;
  const call = (label: string, functionName: "acceptPledge" | "declinePledge" | "withdrawPledge", id: bigint) => void tx.write(label, functionName, [id]);
  return (
    <section className="panel" data-testid="pledges">
      <h2>Pledges in kind</h2>
      {pool.pledges.length === 0 && <p className="muted">No pledges yet.</p>}
      <ul className="plain">
        {pool.pledges.map((p) => {
          const mine = viewer.address !== undefined && viewer.address.toLowerCase() === p.pledger.toLowerCase();
          return (
            <li key={p.id.toString()} data-testid="pledge" data-pledge-id={p.id.toString()}>
              <strong><ChainText text={p.description} max={140} /></strong> · <span className="num">{displayAmount(p.valuePerPeriod, pool.asset)}</span> per {formatPeriod(p.period)} · {p.delivered}/{p.periods} delivered ·{" "}
              <em data-testid="pledge-status">{PLEDGE_STATUS[p.status]}</em> · by <Address address={p.pledger} you={viewer.address} />
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
              {mine && (p.status === PledgeStatus.Offered || p.status === PledgeStatus.Accepted) && (
                <div className="actions">
                  <Action gate={canWithdrawPledge(p, viewer)} busy={tx.busy} kind="danger" testId="pledge-withdraw" onClick={() => call(`Withdrawing pledge #${p.id}`, "withdrawPledge", p.id)}>Withdraw my pledge</Action>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <TxStatus state={tx.state} testId="pledges-tx" />
      {!ended && <OfferPledge pool={pool} viewer={viewer} />}
    </section>
  );
}
