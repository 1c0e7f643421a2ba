// Maintainer: file a claim with a receipt whose hash is computed here, in the browser (from a file, or from
// the text of a URL); propose a budget change or a rules change; check in; step down.
import { useState } from "react";
import { isAddress, type Address as A } from "viem";
import type { PoolData } from "../hooks/usePool";
import { usePoolWrite } from "../hooks/usePoolWrite";
import type { ViewerData } from "../hooks/useViewer";
import { displayAmount, durationInput, formatBps, formatPeriod, readAmount, textReceiptUri } from "@potluck/core";
import { hashFile, hashText } from "../lib/receipt";
import { canFileClaim, canHeartbeat, canProposeChange, canStepDown, changedRules, checkRules, parseRules, RULE_NAMES, type Gate, type Rules, type RulesInput } from "../lib/state";
import { Action } from "./Action";
import { TxStatus } from "./TxStatus";

const PERIOD_CHOICES: Array<[string, bigint]> = [["30 days", 2_592_000n], ["week", 604_800n], ["year", 31_536_000n]];

function FileClaim({ pool, viewer }: { pool: PoolData; viewer: ViewerData }) {
  const tx = usePoolWrite(pool);
  const open = pool.lines.filter((l) => l.cap > 0n);
  const [line, setLine] = useState(open[0]?.id ?? 0);
  const [amountText, setAmountText] = useState("");
  const [payee, setPayee] = useState("");
  const [receipt, setReceipt] = useState("");
  const [file, setFile] = useState<{ name: string; hash: `0x${string}` } | undefined>(undefined);
  const parsed = amountText.trim() === "" ? undefined : readAmount(amountText, pool.asset);
  const lineView = pool.lines.find((l) => l.id === line);
  const to = (payee.trim() === "" ? viewer.address : payee.trim()) as A | undefined;
  const hash = file?.hash ?? (receipt.trim() === "" ? undefined : hashText(receipt.trim()));
  const uri = receipt.trim() === "" ? (file ? `file:${file.name}` : "") : /^[a-z]+:\/\//i.test(receipt.trim()) ? receipt.trim() : textReceiptUri(receipt.trim());
  let gate: Gate = canFileClaim(pool, viewer);
  if (gate.ok) {
    if (parsed === undefined) gate = { ok: false, reason: "Enter the amount." };
    else if (!parsed.ok) gate = { ok: false, reason: parsed.error };
    else if (lineView !== undefined && parsed.value > lineView.left) gate = { ok: false, reason: `"${lineView.name}" has only ${displayAmount(lineView.left, pool.asset)} left this period.` };
    else if (to === undefined || !isAddress(to)) gate = { ok: false, reason: "The payee must be an address (0x…)." };
    else if (hash === undefined) gate = { ok: false, reason: "Attach the receipt: a file, or its URL or text." };
    else {
      // A receipt backs one claim: its hash is the claim's id.
      const earlier = pool.claims.find((c) => c.id === BigInt(hash));
      if (earlier !== undefined) gate = { ok: false, reason: `This receipt was already filed, as claim #${earlier.number}.` };
    }
  }
  const submit = () => {
    if (!gate.ok || !parsed?.ok || hash === undefined || to === undefined) return;
    void tx.write(`Filing a claim of ${displayAmount(parsed.value, pool.asset)}`, "fileClaim", [BigInt(line), parsed.value, to, hash, uri]).then((ok) => {
      if (ok) { setAmountText(""); setReceipt(""); setFile(undefined); }
    });
  };
  return (
    <div className="subpanel" data-testid="file-claim">
      <h3>File a claim</h3>
      <label>Budget line{" "}
        <select value={line} onChange={(e) => setLine(Number(e.target.value))} aria-label="budget line">
          {open.map((l) => <option key={l.id} value={l.id}>{l.name} ({displayAmount(l.left, pool.asset)} left)</option>)}
        </select>
      </label>
      <input value={amountText} onChange={(e) => setAmountText(e.target.value)} placeholder={`amount in ${pool.asset.symbol}`} aria-label="claim amount" data-testid="claim-amount" />
      <input value={payee} onChange={(e) => setPayee(e.target.value)} placeholder="payee (default: you)" aria-label="payee" />
      <textarea value={receipt} onChange={(e) => setReceipt(e.target.value)} placeholder="receipt: its URL, or its text" aria-label="receipt URL or text" data-testid="claim-receipt" rows={2} />
      <label className="file">or a file:{" "}
        <input type="file" aria-label="receipt file" onChange={(e) => {
          const f = e.target.files?.[0];
          if (f === undefined) { setFile(undefined); return; }
          void hashFile(f).then((h) => setFile({ name: f.name, hash: h }));
        }} />
      </label>
      {hash !== undefined && <p className="muted" data-testid="receipt-hash">receipt hash (keccak-256, computed here): <code className="break">{hash}</code></p>}
      <Action gate={gate} busy={tx.busy} onClick={submit} testId="file-claim-submit">File claim</Action>
      <p className="muted">Donors can object for {formatPeriod(pool.rules.claimDelay)}; then anyone can pay it out.</p>
      <TxStatus state={tx.state} testId="file-claim-tx" />
    </div>
  );
}

function ProposeChange({ pool, viewer }: { pool: PoolData; viewer: ViewerData }) {
  const tx = usePoolWrite(pool);
  const [line, setLine] = useState(pool.lines.length);
  const existing = pool.lines.find((l) => l.id === line);
  const [name, setName] = useState("");
  const [capText, setCapText] = useState("");
  const [period, setPeriod] = useState(PERIOD_CHOICES[0][1]);
  const cap = capText.trim() === "" ? undefined : readAmount(capText.trim() === "0" ? "0.0" : capText, pool.asset);
  const closing = capText.trim() === "0";
  const finalName = name.trim() === "" ? existing?.name ?? "" : name.trim();
  let gate: Gate = canProposeChange(pool, viewer);
  if (gate.ok) {
    if (finalName === "") gate = { ok: false, reason: "Name the line." };
    else if (!closing && (cap === undefined || !cap.ok)) gate = { ok: false, reason: cap && !cap.ok ? cap.error : "Enter the cap per period (0 closes the line)." };
    else if (closing && existing === undefined) gate = { ok: false, reason: "A new line needs a cap above zero." };
    else if (existing !== undefined && finalName === existing.name && (closing ? 0n : cap?.ok ? cap.value : -1n) === existing.cap && period === existing.period) {
      gate = { ok: false, reason: "The line already has this name, cap and period: the change would change nothing." };
    }
  }
  const submit = () => {
    const value = closing ? 0n : cap?.ok ? cap.value : undefined;
    if (!gate.ok || value === undefined) return;
    void tx.write(`Proposing a change to "${finalName}"`, "proposeBudgetChange", [BigInt(line), finalName, value, period]);
  };
  return (
    <div className="subpanel">
      <h3>Propose a budget change</h3>
      <select value={line} onChange={(e) => setLine(Number(e.target.value))} aria-label="line to change">
        {pool.lines.map((l) => <option key={l.id} value={l.id}>change "{l.name}"</option>)}
        <option value={pool.lines.length}>add a new line</option>
      </select>
      <input value={name} onChange={(e) => setName(e.target.value)} placeholder={existing ? existing.name : "name"} aria-label="line name" />
      <div className="row">
        <input value={capText} onChange={(e) => setCapText(e.target.value)} placeholder={`cap in ${pool.asset.symbol} (0 closes)`} aria-label="cap" />
        <select value={period.toString()} onChange={(e) => setPeriod(BigInt(e.target.value))} aria-label="period">
          {PERIOD_CHOICES.map(([n, s]) => <option key={n} value={s.toString()}>per {n}</option>)}
        </select>
      </div>
      <Action gate={gate} busy={tx.busy} onClick={submit} kind="secondary">Propose</Action>
      <p className="muted">Takes effect after {formatPeriod(pool.rules.ruleChangeDelay)} of notice unless donors object.</p>
      <TxStatus state={tx.state} />
    </div>
  );
}

/** The rules in force as the form's starting text. */
function rulesInput(r: Rules): RulesInput {
  return {
    claimDelay: durationInput(r.claimDelay),
    ruleChangeDelay: durationInput(r.ruleChangeDelay),
    inactivityPeriod: durationInput(r.inactivityPeriod),
    vacancyPeriod: durationInput(r.vacancyPeriod),
    objectionQuorumBps: formatBps(r.objectionQuorumBps),
    electionQuorumBps: formatBps(r.electionQuorumBps),
    recallThresholdBps: formatBps(r.recallThresholdBps),
  };
}

const RULE_HINTS: Record<keyof Rules, string> = {
  claimDelay: "a claim's challenge window",
  ruleChangeDelay: "notice before a change takes effect",
  inactivityPeriod: "silence after which the seat is abandoned",
  vacancyPeriod: "an open seat's wait before wind-down (at least two epochs)",
  objectionQuorumBps: "share of weight whose objections reject",
  electionQuorumBps: "share of weight an election's winner needs",
  recallThresholdBps: "share of weight whose petition opens a recall",
};

function ProposeRules({ pool, viewer }: { pool: PoolData; viewer: ViewerData }) {
  const tx = usePoolWrite(pool);
  const [text, setText] = useState<RulesInput>(() => rulesInput(pool.rules));
  const parsed = parseRules(text);
  const keys = Object.keys(RULE_NAMES) as Array<keyof Rules>;
  const changed = parsed.ok ? changedRules(pool.rules, parsed.value) : [];
  let gate: Gate = canProposeChange(pool, viewer, "propose a rules change");
  if (gate.ok) gate = parsed.ok ? checkRules(parsed.value, pool.epochLength) : { ok: false, reason: parsed.error };
  if (gate.ok && changed.length === 0) gate = { ok: false, reason: "These are the rules in force: the change would change nothing." };
  const submit = () => {
    if (!gate.ok || !parsed.ok) return;
    const r = parsed.value;
    void tx.write("Proposing new rules", "proposeRulesChange", [{
      claimDelay: Number(r.claimDelay), ruleChangeDelay: Number(r.ruleChangeDelay), inactivityPeriod: Number(r.inactivityPeriod),
      vacancyPeriod: Number(r.vacancyPeriod), objectionQuorumBps: r.objectionQuorumBps, electionQuorumBps: r.electionQuorumBps,
      recallThresholdBps: r.recallThresholdBps,
    }]);
  };
  return (
    <div className="subpanel" data-testid="propose-rules">
      <h3>Propose a rules change</h3>
      <div className="rules-grid">
        {keys.map((k) => (
          <label key={k}>
            <span title={RULE_HINTS[k]}>{RULE_NAMES[k]}</span>
            <input value={text[k]} onChange={(e) => setText({ ...text, [k]: e.target.value })} aria-label={RULE_NAMES[k]}
              placeholder={k.endsWith("Bps") ? "e.g. 20%" : "e.g. 30 days, 48h"} data-testid={`rule-${k}`} />
          </label>
        ))}
      </div>
      <p className="muted">
        {parsed.ok && (changed.length === 0 ? "These are the rules in force. " : `Changes: ${changed.map((k) => RULE_NAMES[k]).join(", ")}. `)}
        <button type="button" className="link" onClick={() => setText(rulesInput(pool.rules))}>Reset to the rules in force</button>
      </p>
      <Action gate={gate} busy={tx.busy} onClick={submit} kind="secondary" testId="propose-rules-submit">Propose</Action>
      <p className="muted">Takes effect only after {formatPeriod(pool.rules.ruleChangeDelay)} of notice, and contributors can object: {formatBps(pool.rules.objectionQuorumBps)} of weight rejects it.</p>
      <TxStatus state={tx.state} testId="propose-rules-tx" />
    </div>
  );
}

export function MaintainerPanel({ pool, viewer }: { pool: PoolData; viewer: ViewerData }) {
  const tx = usePoolWrite(pool);
  const [confirming, setConfirming] = useState(false);
  return (
    <details className="panel" open={viewer.isMaintainer} data-testid="maintainer-panel">
      <summary><h2>Maintainer</h2>{!viewer.isMaintainer && <span className="muted"> (for the maintainer)</span>}</summary>
      <FileClaim pool={pool} viewer={viewer} />
      <ProposeChange pool={pool} viewer={viewer} />
      <ProposeRules pool={pool} viewer={viewer} />
      <div className="subpanel">
        <h3>Seat</h3>
        <Action gate={canHeartbeat(pool, viewer)} busy={tx.busy} kind="secondary"
          onClick={() => void tx.write("Checking in", "heartbeat", [])}>
          Check in (heartbeat)
        </Action>
        {!confirming ? (
          <Action gate={canStepDown(pool, viewer)} busy={tx.busy} kind="danger" testId="step-down" onClick={() => setConfirming(true)}>Step down…</Action>
        ) : (
          <span className="confirm">
            Leave the seat? Contributors will elect a successor.{" "}
            <Action gate={canStepDown(pool, viewer)} busy={tx.busy} kind="danger" testId="step-down-confirm"
              onClick={() => void tx.write("Stepping down", "stepDown", []).then(() => setConfirming(false))}>
              Yes, step down
            </Action>
            <button type="button" className="btn btn-secondary" onClick={() => setConfirming(false)}>Cancel</button>
          </span>
        )}
        <TxStatus state={tx.state} testId="seat-tx" />
      </div>
    </details>
  );
}
