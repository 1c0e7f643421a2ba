// Claims: the open ones with a countdown to payability, the objection bar and the actions; then the
// record (paid, rejected, withdrawn, void) with links to each receipt.
import { useClaims, type OpenClaim } from "../hooks/useClaims";
import type { PoolData } from "../hooks/usePool";
import { usePoolWrite } from "../hooks/usePoolWrite";
import type { ViewerData } from "../hooks/useViewer";
import { parseEventLogs } from "viem";
import { poolAbi } from "../contracts";
import { CLAIM_STATUS, displayAmount, formatCountdown, formatPercent, fraction, receiptText } from "@potluck/core";
import { Action } from "./Action";
import { Address } from "./Address";
import { ChainLink, ChainText } from "./ChainText";
import { TxStatus } from "./TxStatus";
import { rawWeight, Weight, weightText } from "./Weight";

/**
 * A claim's receipt, as its maintainer gave it (chain text): a text receipt is shown inline, inert; a URI is a
 * link only when it is https, http or ipfs, else plain text marked as not a link.
 */
export function Receipt({ uri, hash }: { uri?: string; hash?: string }) {
  if (uri === undefined || uri === "") return <span className="muted">no receipt</span>;
  const text = receiptText(uri);
  return (
    <span className="receipt" title={hash ? `receipt hash ${hash}` : undefined}>
      {text !== undefined
        ? <span className="receipt-text" data-testid="receipt-text">“<ChainText text={text} max={120} />”</span>
        : <ChainLink url={uri} max={40} testId="receipt-link" />}
    </span>
  );
}

export function Claims({ pool, viewer }: { pool: PoolData; viewer: ViewerData }) {
  const { open, settled, now } = useClaims(pool, viewer);
  const tx = usePoolWrite(pool);
  const send = (label: string, functionName: "payClaim" | "cancelClaim", id: bigint) =>
    void tx.write(label, functionName, [id]);
  const line = (l?: number) => (l === undefined ? "?" : pool.lines[l]?.name ?? `line ${l}`);
  // An objection that reaches the bar rejects the claim in the same transaction: say so, and what it freed.
  const object = (c: OpenClaim) =>
    void tx.run(async (s) => {
      const receipt = await s.pool(`Objecting to claim #${c.number}`, "object", [c.id]);
      const rejected = parseEventLogs({ abi: poolAbi, logs: receipt.logs, eventName: "ClaimRejected" }).some((e) => e.args.claimId === c.id);
      if (rejected) {
        s.outcome(`Claim #${c.number} was rejected: its ${displayAmount(c.amount ?? 0n, pool.asset)} is no longer reserved, and "${line(c.line)}" may spend it again this period.`);
      }
    });
  return (
    <section className="panel" data-testid="claims">
      <h2>Claims</h2>
      {open.length === 0 && <p className="muted">No claim is waiting.</p>}
      {open.map((c) => {
        const share = fraction(c.objected, c.bar);
        return (
          <div key={c.id.toString()} className="claim" data-testid="open-claim" data-claim-id={c.id.toString()}>
            <div className="claim-head">
              <strong>#{c.number} · {displayAmount(c.amount ?? 0n, pool.asset)}</strong> from <em>{line(c.line)}</em> to <Address address={c.payee ?? ""} you={viewer.address} />
              <span className="countdown" data-testid="claim-countdown">{now < c.payableAt ? `payable ${formatCountdown(c.payableAt, now)}` : "payable now"}</span>
            </div>
            <Receipt uri={c.receiptURI} hash={c.receiptHash} />
            <div className="objection">
              <div className="bar objections" role="img" aria-label={`objections ${formatPercent(share)} of the bar`}>
                <div className="bar-fill danger" style={{ width: `${share * 100}%` }} />
              </div>
              <span className="muted" data-testid="objection-tally">
                objections: <Weight value={c.objected} pool={pool} /> of <Weight value={c.bar} pool={pool} />{pool.quadratic ? " of all weight" : " weight"} needed to reject ({c.objectors} objector{c.objectors === 1 ? "" : "s"})
                {pool.quadratic && <span className="small"> (raw weight {rawWeight(c.objected, pool)} of {rawWeight(c.bar, pool)})</span>}
              </span>
            </div>
            <div className="actions">
              <Action gate={c.object} busy={tx.busy} kind="danger" testId="object" onClick={() => object(c)}>
                Object{viewer.weight > 0n && c.object.ok ? ` with ${pool.quadratic ? "" : "weight "}${weightText(viewer.weight, pool)}` : ""}
              </Action>
              <Action gate={c.pay} busy={tx.busy} kind="secondary" testId="pay" onClick={() => send(`Paying claim #${c.number}`, "payClaim", c.id)}>Pay out</Action>
              {viewer.isMaintainer && <Action gate={c.cancel} busy={tx.busy} kind="secondary" onClick={() => send(`Withdrawing claim #${c.number}`, "cancelClaim", c.id)}>Withdraw</Action>}
            </div>
          </div>
        );
      })}
      <TxStatus state={tx.state} testId="claims-tx" />
      {settled.length > 0 && (
        <>
          <h3>Record</h3>
          <table className="table stack" data-testid="claim-record">
            <thead><tr><th>#</th><th>status</th><th>amount</th><th>line</th><th>payee</th><th>receipt</th></tr></thead>
            <tbody>
              {settled.map((c) => (
                <tr key={c.id.toString()} className={`claim-${CLAIM_STATUS[c.status]}`}>
                  <td data-label="#">{c.number}</td>
                  <td data-label="status" data-testid="claim-status">{CLAIM_STATUS[c.status]}</td>
                  <td data-label="amount" className="num">{c.amount === undefined ? "…" : displayAmount(c.amount, pool.asset)}</td>
                  <td data-label="line"><ChainText text={line(c.line)} max={40} /></td>
                  <td data-label="payee">{c.payee ? <Address address={c.payee} you={viewer.address} /> : "…"}</td>
                  <td data-label="receipt"><Receipt uri={c.receiptURI} hash={c.receiptHash} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
