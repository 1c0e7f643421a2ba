// Community: the seat and its succession. Nominate and vote (with your weight shown), finalize, sign a
// recall petition, call an election on an abandoned seat, wind the pool down, reclaim your share. Each
// button is enabled only when the contract would take the call, and says why not otherwise.
import { useState } from "react";
import { isAddress, type Address as A } from "viem";
import { useChainClock } from "../hooks/useChainClock";
import type { Candidate, PoolData } from "../hooks/usePool";
import { usePoolWrite } from "../hooks/usePoolWrite";
import type { ViewerData } from "../hooks/useViewer";
import { displayAmount, ELECTION_PHASE, readStatement, ElectionKind, ElectionPhase, formatBps, formatCountdown, formatPercent, fraction, SeatStatus } from "@potluck/core";
import { canCallElection, canDescribeCandidacy, canFinalize, canNominate, canPetition, canReclaim, canVote, canWindDown, petitionLive } from "../lib/state";
import { Action } from "./Action";
import { Address } from "./Address";
import { CandidateStatement } from "./CandidateStatement";
import { TxStatus } from "./TxStatus";
import { rawWeight, weightText } from "./Weight";

type PoolTx = ReturnType<typeof usePoolWrite>;

/**
 * A nominated candidate's own statement (`describeCandidacy`): what they are called and where they say more,
 * changed or withdrawn while nominating or voting. Keyed by the statement, so it starts from the latest one.
 */
function CandidacyForm({ pool, viewer, me, tx }: { pool: PoolData; viewer: ViewerData; me: Candidate; tx: PoolTx }) {
  const { now } = useChainClock();
  const [name, setName] = useState(me.statement?.name ?? "");
  const [uri, setUri] = useState(me.statement?.uri ?? "");
  const statement = readStatement(name, uri);
  const gate = canDescribeCandidacy(pool, viewer, now, true);
  const unchanged = statement.ok && statement.value.name === (me.statement?.name ?? "") && statement.value.uri === (me.statement?.uri ?? "");
  const empty = statement.ok && statement.value.name === "" && statement.value.uri === "";
  const saveGate = !gate.ok ? gate : !statement.ok ? { ok: false as const, reason: statement.error }
    : unchanged ? { ok: false as const, reason: "This is your statement as it stands." }
    : empty ? { ok: false as const, reason: "Enter a name or a statement URI (or withdraw your statement)." } : gate;
  const save = () => {
    if (statement.ok) void tx.write("Stating who you are", "describeCandidacy", [statement.value.name, statement.value.uri]);
  };
  return (
    <div className="subpanel" data-testid="candidacy">
      <h3>Your candidacy</h3>
      <p className="muted">You are nominated. Say who you are: voters see your name and a link to your statement beside your address. The latest statement stands.</p>
      <div className="row">
        <input value={name} onChange={(ev) => setName(ev.target.value)} placeholder="your name" aria-label="your name as a candidate" data-testid="candidacy-name" />
        <input value={uri} onChange={(ev) => setUri(ev.target.value)} placeholder="statement: ipfs://… or data:…" aria-label="your statement URI" data-testid="candidacy-uri" />
        <Action gate={saveGate} busy={tx.busy} testId="candidacy-save" onClick={save}>Save your statement</Action>
      </div>
      {me.statement !== undefined && (
        <Action gate={gate} busy={tx.busy} kind="secondary" testId="candidacy-withdraw" onClick={() => void tx.write("Withdrawing your statement", "describeCandidacy", ["", ""])}>Withdraw your statement</Action>
      )}
    </div>
  );
}

export function CommunityPanel({ pool, viewer }: { pool: PoolData; viewer: ViewerData }) {
  const { now } = useChainClock();
  const tx = usePoolWrite(pool);
  const [nominee, setNominee] = useState("");
  const [statementName, setStatementName] = useState("");
  const [statementUri, setStatementUri] = useState("");
  // Quadratic weights read as shares of the total (the raw figure in each tooltip), linear ones as amounts.
  const weight = (v: bigint) => weightText(v, pool);
  const send = (label: string, functionName: "nominate" | "vote", args: readonly [A]) =>
    void tx.write(label, functionName, args);
  const call = (label: string, functionName: "finalizeElection" | "petitionRecall" | "callElection" | "windDown" | "reclaim") =>
    void tx.write(label, functionName, []);
  const e = pool.election;
  const open = e.kind !== ElectionKind.None;
  const quorum = (pool.totalWeight * BigInt(pool.rules.electionQuorumBps) + 9_999n) / 10_000n;
  const nomineeNominated = pool.candidates.some((c) => c.address.toLowerCase() === nominee.trim().toLowerCase());
  // A statement is checked as the contract checks it; with none, the plain nominate is sent.
  const statement = readStatement(statementName, statementUri);
  const canNominateNominee = canNominate(pool, viewer, now, { address: nominee.trim(), nominated: nomineeNominated });
  const nominateGate = canNominateNominee.ok && !statement.ok ? { ok: false as const, reason: statement.error } : canNominateNominee;
  const nominateNominee = () => {
    if (!isAddress(nominee.trim()) || !statement.ok) return;
    const who = nominee.trim() as A;
    const { name, uri } = statement.value;
    const label = `Nominating ${name !== "" ? name.slice(0, 24) : `${who.slice(0, 8)}…`}`;
    if (name === "" && uri === "") send(label, "nominate", [who]);
    else void tx.write(label, "nominateWithStatement", [who, name, uri]);
  };
  const voteGate = canVote(pool, viewer, now);
  const me = viewer.address === undefined ? undefined : pool.candidates.find((c) => c.address.toLowerCase() === viewer.address!.toLowerCase());
  const p = pool.petition;
  const live = petitionLive(p, now);

  return (
    <section className="panel" data-testid="community-panel">
      <h2>Community</h2>
      <p className="muted">
        Your weight: <strong data-testid="your-weight" title={`weight ${rawWeight(viewer.weight, pool)} of ${rawWeight(pool.totalWeight, pool)}`}>{pool.quadratic ? weight(viewer.weight) : <>{weight(viewer.weight)} of {weight(pool.totalWeight)}</>}</strong>
        {viewer.maturingAt !== undefined && <> · more from {formatCountdown(viewer.maturingAt, now)}</>}
      </p>
      {open && (
        <div className="subpanel election" data-testid="election">
          <h3>{e.kind === ElectionKind.Recall ? "Recall election" : "Election"} #{e.id.toString()} · <span data-testid="election-phase">{ELECTION_PHASE[pool.phase]}</span></h3>
          <p className="muted">
            {pool.phase === ElectionPhase.Nominating && <>Nominations close and voting opens {formatCountdown(e.votingStartsAt, now)}. </>}
            {pool.phase === ElectionPhase.Voting && <>Voting closes {formatCountdown(e.votingEndsAt, now)}. </>}
            {pool.phase === ElectionPhase.Counting && <>Voting closed {formatCountdown(e.votingEndsAt, now)}: anyone can finalize. </>}
            The winner needs {formatBps(pool.rules.electionQuorumBps)} of matured weight (about {weight(quorum)}).
          </p>
          <table className="table stack" data-testid="candidates">
            <thead><tr><th>candidate</th><th>votes</th><th /></tr></thead>
            <tbody>
              {pool.candidates.map((c) => (
                <tr key={c.address} data-testid="candidate">
                  <td data-label="candidate"><CandidateStatement statement={c.statement} /><Address address={c.address} you={viewer.address} />{e.leader.toLowerCase() === c.address.toLowerCase() && c.votes > 0n && <span className="badge">leading</span>}</td>
                  <td data-label="votes" data-testid="candidate-votes" title={`weight ${rawWeight(c.votes, pool)}`}>{pool.quadratic ? formatPercent(fraction(c.votes, pool.totalWeight)) : <>{weight(c.votes)} <span className="muted">({formatPercent(fraction(c.votes, pool.totalWeight))})</span></>}</td>
                  <td data-label="">
                    <Action gate={voteGate} busy={tx.busy} kind="secondary" testId="vote" onClick={() => send(`Voting for ${c.address.slice(0, 8)}…`, "vote", [c.address])}>
                      Vote{voteGate.ok ? ` with ${pool.quadratic ? "" : "weight "}${weight(viewer.weight)}` : ""}
                    </Action>
                  </td>
                </tr>
              ))}
              {pool.candidates.length === 0 && <tr><td colSpan={3} className="muted">Nobody nominated yet.</td></tr>}
            </tbody>
          </table>
          {pool.phase === ElectionPhase.Nominating && (
            <div className="row">
              <input value={nominee} onChange={(ev) => setNominee(ev.target.value)} placeholder="candidate address 0x…" aria-label="candidate address" data-testid="nominee" />
              <input value={statementName} onChange={(ev) => setStatementName(ev.target.value)} placeholder="their name (optional)" aria-label="candidate name" data-testid="nominee-name" />
              <input value={statementUri} onChange={(ev) => setStatementUri(ev.target.value)} placeholder="statement: ipfs://… or data:… (optional)" aria-label="candidate statement URI" data-testid="nominee-uri" />
              <Action gate={nominateGate} busy={tx.busy} testId="nominate" onClick={nominateNominee}>Nominate</Action>
            </div>
          )}
          {me !== undefined && (pool.phase === ElectionPhase.Nominating || pool.phase === ElectionPhase.Voting) && (
            <CandidacyForm key={`${e.id}:${me.statement?.name ?? ""}:${me.statement?.uri ?? ""}`} pool={pool} viewer={viewer} me={me} tx={tx} />
          )}
          <Action gate={canFinalize(pool, viewer, now)} busy={tx.busy} testId="finalize" onClick={() => call("Finalizing the election", "finalizeElection")}>Finalize</Action>
        </div>
      )}
      {pool.seatStatus === SeatStatus.Filled && (
        <div className="subpanel">
          <h3>Recall petition</h3>
          <p className="muted">
            {live ? <>Petition #{p.id.toString()}: {weight(p.weight)} of {weight(p.threshold)} weight signed, open {formatCountdown(p.expiresAt, now)}.</>
              : <>No petition is open. Signing starts one; at {formatBps(pool.rules.recallThresholdBps)} of weight ({weight(p.threshold)}) a recall election opens.</>}
          </p>
          <Action gate={canPetition(pool, viewer, now)} busy={tx.busy} kind="danger" onClick={() => call("Signing the recall petition", "petitionRecall")}>Sign the recall petition</Action>
        </div>
      )}
      {!open && pool.seatStatus !== SeatStatus.WoundDown && (
        <div className="subpanel">
          <Action gate={canCallElection(pool, viewer, now)} busy={tx.busy} kind="secondary" onClick={() => call("Calling an election", "callElection")}>Call an election</Action>
        </div>
      )}
      {pool.seatStatus === SeatStatus.Open && (
        <div className="subpanel">
          <Action gate={canWindDown(pool, viewer, now)} busy={tx.busy} kind="danger" onClick={() => call("Winding the pool down", "windDown")}>Wind the pool down</Action>
        </div>
      )}
      {pool.seatStatus === SeatStatus.WoundDown && (
        <div className="subpanel" data-testid="reclaim">
          <h3>Reclaim</h3>
          <p className="muted">
            Left at wind-down: {displayAmount(pool.windDown.left, pool.asset)}; reclaimed so far {displayAmount(pool.windDown.reclaimed, pool.asset)}.
            {viewer.address !== undefined && <> Your share: <strong>{displayAmount(viewer.reclaimable, pool.asset)}</strong>.</>}
          </p>
          <Action gate={canReclaim(pool, viewer)} busy={tx.busy} onClick={() => call("Reclaiming your share", "reclaim")}>Reclaim</Action>
        </div>
      )}
      <TxStatus state={tx.state} testId="community-tx" />
    </section>
  );
}
