// Give: once (ETH, or the pool's token by approval or signed permit) or every period (standing order),
// in human units, with the weight it will earn and when it starts to count; and the pool's address with a
// QR code for giving from any wallet.
import { useState } from "react";
import { erc20Abi } from "../contracts";
import { useChainClock } from "../hooks/useChainClock";
import { useGive } from "../hooks/useGive";
import type { PoolData } from "../hooks/usePool";
import { usePoolWrite } from "../hooks/usePoolWrite";
import type { ViewerData } from "../hooks/useViewer";
import { displayAmount, formatCountdown, formatDate, formatPercent, formatPeriod, fraction, readAmount } from "@potluck/core";
import { canSubscribe, type Gate } from "../lib/state";
import { chain } from "../wagmi";
import { Action } from "./Action";
import { QrCode } from "./QrCode";
import { TxStatus } from "./TxStatus";
import { rawWeight, Weight } from "./Weight";

const PERIODS: Array<[string, bigint]> = [["day", 86_400n], ["week", 604_800n], ["30 days", 2_592_000n]];
const PREAPPROVED_PERIODS = 12n;

function Subscribe({ pool, viewer }: { pool: PoolData; viewer: ViewerData }) {
  const { now } = useChainClock();
  const [input, setInput] = useState("");
  const [period, setPeriod] = useState(PERIODS[2][1]);
  const tx = usePoolWrite(pool);
  const parsed = input.trim() === "" ? undefined : readAmount(input, pool.asset);
  let gate: Gate = canSubscribe(pool, viewer);
  if (gate.ok && parsed === undefined) gate = { ok: false, reason: "Enter an amount per period." };
  else if (gate.ok && parsed !== undefined && !parsed.ok) gate = { ok: false, reason: parsed.error };
  const amount = parsed?.ok ? parsed.value : 0n;
  const token = pool.asset.address;
  const subscribe = () =>
    void tx.run(async (s) => {
      const needed = amount * PREAPPROVED_PERIODS;
      if ((viewer.allowance ?? 0n) < needed) {
        await s.send(`Approving ${PREAPPROVED_PERIODS} periods`, { address: token, abi: erc20Abi, functionName: "approve", args: [pool.address, needed] });
      }
      await s.pool(`Standing order of ${displayAmount(amount, pool.asset)} every ${formatPeriod(period)}`, "subscribe", [amount, period]);
    }).then((ok) => ok && setInput(""));
  return (
    <div className="subpanel" data-testid="subscribe">
      <h3>Give every period</h3>
      {viewer.subscription && (
        <p>
          Your standing order: {displayAmount(viewer.subscription.amountPerPeriod, pool.asset)} every {formatPeriod(viewer.subscription.period)}, next{" "}
          {viewer.subscription.nextDue <= now ? "due now" : formatCountdown(viewer.subscription.nextDue, now)}.{" "}
          <button type="button" className="btn btn-secondary" disabled={tx.busy}
            onClick={() => void tx.write("Ending the standing order", "unsubscribe", [])}>
            End it
          </button>
        </p>
      )}
      <div className="row">
        <input value={input} onChange={(e) => setInput(e.target.value)} placeholder={`amount in ${pool.asset.symbol}`} inputMode="decimal" aria-label="amount per period" />
        <select value={period.toString()} onChange={(e) => setPeriod(BigInt(e.target.value))} aria-label="period">
          {PERIODS.map(([name, s]) => <option key={name} value={s.toString()}>every {name}</option>)}
        </select>
      </div>
      <Action gate={gate} busy={tx.busy} onClick={subscribe} kind="secondary">Subscribe</Action>
      <p className="muted">Approves {PREAPPROVED_PERIODS.toString()} periods; anyone may collect each period when due. Revoke the allowance or end the order any time.</p>
      <TxStatus state={tx.state} />
    </div>
  );
}

export function GivePanel({ pool, viewer }: { pool: PoolData; viewer: ViewerData }) {
  const { now } = useChainClock();
  const g = useGive(pool, viewer);
  const [copied, setCopied] = useState(false);
  const uri = pool.isEthPool ? `ethereum:${pool.address}@${chain.id}` : pool.address;
  return (
    <section className="panel give" data-testid="give-panel">
      <h2>Give</h2>
      <div className="row">
        <input value={g.input} onChange={(e) => g.setInput(e.target.value)} placeholder={`amount in ${pool.asset.symbol}`} inputMode="decimal" aria-label="amount to give" data-testid="give-amount" />
        <span className="unit">{pool.asset.symbol}</span>
      </div>
      {!pool.isEthPool && g.needsApproval && (
        <div className="row mode" role="radiogroup" aria-label="how to let the pool take the tokens">
          <label><input type="radio" checked={g.mode === "permit"} onChange={() => g.setMode("permit")} /> sign a permit (one transaction)</label>
          <label><input type="radio" checked={g.mode === "approve"} onChange={() => g.setMode("approve")} /> approve, then give</label>
        </div>
      )}
      {g.weightThen !== undefined && (
        <p className="muted" data-testid="give-weight">
          Your weight will be {pool.quadratic
            ? <span title={`weight ${rawWeight(g.weightThen, pool)}: the square root of all you gave`}>{formatPercent(fraction(g.weightThen, pool.totalWeight - viewer.weight + g.weightThen))} of the weight (as it stands now)</span>
            : rawWeight(g.weightThen, pool)} from {formatDate(g.countsFrom)} ({formatCountdown(g.countsFrom, now)}), the next epoch.
        </p>
      )}
      <Action gate={g.gate} busy={g.tx.busy} onClick={g.give} testId="give">Give</Action>
      <TxStatus state={g.tx.state} testId="give-tx" />
      {viewer.address !== undefined && (
        <p className="muted" data-testid="your-gifts">You gave {displayAmount(viewer.given, pool.asset)}; your weight now: <Weight value={viewer.weight} pool={pool} />{pool.quadratic ? " of the weight" : ""}.</p>
      )}
      {!pool.isEthPool && <Subscribe pool={pool} viewer={viewer} />}
      <div className="subpanel">
        <h3>From any wallet</h3>
        <QrCode text={uri} label={`QR code of ${uri}`} />
        <p>
          <code className="break" data-testid="pool-address">{pool.address}</code>{" "}
          <button type="button" className="btn btn-secondary" onClick={() => void navigator.clipboard?.writeText(pool.address).then(() => setCopied(true), () => setCopied(false))}>
            {copied ? "Copied" : "Copy"}
          </button>
        </p>
        <p className="muted">
          {pool.isEthPool
            ? `Send ETH on ${chain.name} to this address: it counts as a gift from the sending account.`
            : `Give ${pool.asset.symbol} with the form above: a plain token transfer to this address counts for nobody (it can only be swept in as an unattributed gift).`}
        </p>
      </div>
    </section>
  );
}
