import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { filedClaims, poolFor } from "../../scripts/lib/actions.js";
import { describeChange, RULE_FIELDS, type RulesFields } from "../../scripts/lib/changes.js";
import { runPotluckTask, short, table } from "../../scripts/lib/cli.js";
import {
  CLAIM_STATUS, ELECTION_PHASE, formatAmount, formatBps, formatCountdown, formatDate as date, formatDuration, formatRoundedAmount, formatRunway, inert,
  PLEDGE_STATUS, receiptText, runway, showStatement, terminalLink,
} from "@potluck/core";
import { addressArg, chainNow } from "../../scripts/lib/potluck.js";

interface Args { pool: string; account?: string }

/** How many of the latest claims are read (older ones are summed up by status only if among them). */
const CLAIMS_SHOWN = 200;

/** How wide a budget line's name may be in the tables: a long name must not push the amounts out of view. */
const NAME_WIDTH = 32;

/** A receipt URI as one short line: embedded text is shown quoted, a link only as links are (see chainLink). */
function receiptLine(uri: string): string {
  const text = receiptText(uri);
  return text !== undefined ? `"${inert(text, { max: 88 })}"` : terminalLink(uri, { max: 90 });
}

export default async function status({ pool: ref, account }: Args, hre: HardhatRuntimeEnvironment) {
  return runPotluckTask(hre, async (ctx) => {
    const { out, potluck } = ctx;
    const opened = await poolFor(ctx, ref);
    const { pool, asset, entry } = opened;
    // The account is read first: a wrong one fails before anything is printed.
    const who = account !== undefined && account !== "" ? await addressArg(potluck, account, "account") : undefined;
    const money = (v: bigint) => formatAmount(v, asset, { maxDecimals: asset.decimals > 6 ? 6 : 2 });
    // Rates worked out per 30 days from caps and orders of other periods: rounded, and said to be.
    const rate = (v: bigint) => {
      const { text, approximate } = formatRoundedAmount(v, asset);
      return approximate ? `about ${text}` : text;
    };
    const now = await chainNow(potluck.ethers);

    const [balance, totalGiven, totalWeight, weighting, epoch, epochLength, genesis, maintainer, seat, rules, carried, lineCount, claimCount, election, electionKind, petition, windDown] =
      await Promise.all([
        pool.balance(), pool.totalGiven(), pool.totalWeight(), pool.weighting(), pool.epoch(), pool.epochLength(), pool.genesis(),
        pool.maintainer(), pool.seat(), pool.rules(), pool.carried(), pool.lineCount(), pool.claimCount(), pool.election(),
        pool.electionKind(), pool.petition(), pool.windDownState(),
      ]);
    const quadratic = weighting === 1n;
    const weight = (v: bigint) => (quadratic ? `${v.toLocaleString("en-US")} (quadratic)` : money(v));
    const [seatStatus, lastActive, openedAt] = seat;
    const [budgetPerMonth, recurringPerMonth, pledgedPerMonth, delivered] = carried;
    const woundDown = seatStatus === 3n;

    // The name, description and links are whatever the pool's creator wrote: printed inert (@potluck/core).
    out(`${entry.label}  (pool #${entry.index}, ${opened.address})`);
    for (const line of inert(entry.metadata?.description ?? "", { multiline: true, max: 600 }).split("\n")) {
      if (line.trim() !== "") out(`  ${line}`);
    }
    for (const link of entry.metadata?.links.slice(0, 10) ?? []) out(`  ${terminalLink(link)}`);
    out("");
    const rows: string[][] = [
      ["asset", asset.address === potluck.ethers.ZeroAddress ? "ETH" : `${asset.symbol} (${asset.address}, ${asset.decimals} decimals)`],
      ["balance", `${money(balance)}   (given ${money(totalGiven)} in all)`],
    ];
    if (woundDown) {
      rows.push(["budget", "none: the pool wound down"]);
    } else if (budgetPerMonth > 0n) {
      rows.push(["budget", `${rate(budgetPerMonth)} a month (30 days)`]);
      rows.push(["runway", `${formatRunway(runway(balance, budgetPerMonth, recurringPerMonth))} at the full budget${recurringPerMonth > 0n ? ", counting standing orders" : ""}`]);
    } else {
      rows.push(["budget", "no open budget lines"]);
    }
    if (recurringPerMonth > 0n || pledgedPerMonth > 0n || delivered > 0n) {
      rows.push(["carried", `standing orders ${rate(recurringPerMonth)}/month, pledged in kind ${rate(pledgedPerMonth)}/month, delivered in kind ${money(delivered)}`]);
    }
    if (!woundDown) rows.push(["weight", `${weight(totalWeight)} matured in all; ${quadratic ? "quadratic" : "linear"} weighting`]);
    rows.push(["epoch", `${epoch}, ${formatDuration(epochLength)} each; the next starts ${formatCountdown(genesis + (epoch + 1n) * epochLength, now)}`]);
    const seatLine =
      seatStatus === 0n ? `filled by ${maintainer}, last active ${formatCountdown(lastActive, now)}; abandoned ${formatCountdown(lastActive + rules.inactivityPeriod, now)} if silent`
      : seatStatus === 1n ? `under recall: ${maintainer} holds it while the recall election runs; payments are frozen`
      : seatStatus === 2n ? `open since ${date(openedAt)}; the pool may wind down ${formatCountdown(openedAt + rules.vacancyPeriod, now)} unless an election fills it`
      : `wound down: ${money(windDown[0])} was left, ${money(windDown[1])} reclaimed so far`;
    rows.push(["seat", seatLine]);
    rows.push(["rules", `claims wait ${formatDuration(rules.claimDelay)}, objections reject at ${formatBps(rules.objectionQuorumBps)}, elections need ${formatBps(rules.electionQuorumBps)}, recall at ${formatBps(rules.recallThresholdBps)}`]);
    for (const line of table(rows)) out(line);

    // Claims are stored under their receipt hash, so their ids come from ClaimFiled (filing order: a claim's
    // number is its place there).
    const filed = claimCount > 0n ? await filedClaims(opened) : [];
    const first = Math.max(0, filed.length - CLAIMS_SHOWN);
    const claims = await Promise.all(filed.slice(first).map(async (f, i) => ({ ...f, number: first + i, read: await pool.claim(f.id) })));

    // Budget lines. A line's `spent` counts what pending claims reserve in its current period (and what void
    // ones still hold): shown apart, so "paid" is money that left the pool.
    out("");
    out("Budget lines");
    const lines = await Promise.all(Array.from({ length: Number(lineCount) }, (_, i) => pool.budgetLine(i)));
    const held = (line: number, period: bigint, nextReset: bigint, status: bigint) => {
      if (period === 0n) return 0n;
      const index = (nextReset - genesis) / period - 1n;
      return claims
        .filter(({ read: [c, st] }) => st === status && Number(c.line) === line && c.period === period && c.periodIndex === index)
        .reduce((sum, { read: [c] }) => sum + c.amount, 0n);
    };
    const lineRows = [["#", "name", "cap / period", "paid", "reserved", "left", "resets"]];
    lines.forEach(([name, cap, period, spent, left, nextReset], i) => {
      const reserved = held(i, period, nextReset, 1n);
      const voided = held(i, period, nextReset, 5n);
      const paid = spent - reserved - voided;
      lineRows.push([
        String(i), inert(name, { max: NAME_WIDTH }), cap === 0n ? "closed" : `${money(cap)} / ${formatDuration(period)}`, money(paid > 0n ? paid : 0n),
        `${money(reserved)}${voided > 0n ? ` (+${money(voided)} void)` : ""}`, money(left), formatCountdown(nextReset, now),
      ]);
    });
    if (lines.length === 0) out("  none");
    else for (const line of table(lineRows)) out(line);

    // Claims: pending ones in full, the rest counted by status.
    const counts = new Map<string, number>();
    for (const c of claims) counts.set(CLAIM_STATUS[Number(c.read[1])], (counts.get(CLAIM_STATUS[Number(c.read[1])]) ?? 0) + 1);
    const pending = claims.filter((c) => c.read[1] === 1n);
    out("");
    out(`Claims: ${claimCount} filed${counts.size > 0 ? ` (${[...counts].map(([s, n]) => `${n} ${s}`).join(", ")}${first > 0 ? `, among the latest ${CLAIMS_SHOWN}` : ""})` : ""}`);
    if (pending.length > 0) {
      const frozen = seatStatus === 1n;
      const claimRows = [["#", "line", "amount", "payee", "payable", "to reject"]];
      for (const { number, read: [c] } of pending) {
        const payable = woundDown ? "never (wound down)" : frozen ? "frozen (recall)" : c.payableAt <= now ? "now (pool:pay)" : formatCountdown(c.payableAt, now);
        claimRows.push([String(number), `${c.line} ${inert(lines[Number(c.line)]?.[0] ?? "", { max: NAME_WIDTH })}`.trim(), money(c.amount), short(c.payee), payable, c.payableAt <= now ? "window closed" : weight(c.toReject)]);
      }
      for (const line of table(claimRows)) out(line);
      for (const { number, receiptURI } of pending) {
        if (receiptURI !== "") out(`  #${number} receipt: ${receiptLine(receiptURI)}`);
      }
    }

    // Proposed changes still pending, each as what it changes (its `changes` bits: the fields it writes).
    const proposalCount = await pool.proposalCount();
    if (proposalCount > 0n) {
      const ids = Array.from({ length: Math.min(Number(proposalCount), CLAIMS_SHOWN) }, (_, i) => proposalCount - 1n - BigInt(i)).reverse();
      const proposals = await Promise.all(ids.map(async (id) => ({ id, p: await pool.proposal(id) })));
      const pendingChanges = proposals.filter(({ p }) => p.status === 1n);
      const inForce = {
        lines: lines.map(([name, cap, period]) => ({ name, cap, period })),
        rules: Object.fromEntries(RULE_FIELDS.map(([key]) => [key, rules[key]])) as RulesFields,
      };
      out("");
      out(`Proposed changes: ${proposalCount} in all, ${pendingChanges.length} pending`);
      for (const { id, p } of pendingChanges) {
        const rulesOf = Object.fromEntries(RULE_FIELDS.map(([key]) => [key, p.rules[key]])) as RulesFields;
        const what = describeChange({ kind: p.kind, line: p.line, changes: p.changes, cap: p.cap, period: p.period, name: p.name, rules: rulesOf }, inForce, money);
        const when = woundDown ? "never (wound down)" : p.effectiveAt <= now ? "now (anyone may apply it)" : formatCountdown(p.effectiveAt, now);
        out(`  #${id} ${what}; takes effect ${when}${p.effectiveAt > now ? `, unless ${weight(p.toReject)} more weight objects` : ""}`);
      }
    }

    // The seat: election and petition.
    const [electionId, phase, votingStartsAt, votingEndsAt, leader, leaderVotes] = election;
    out("");
    if (phase !== 0n) {
      const kind = electionKind === 2n ? "recall" : "vacancy";
      const when =
        phase === 1n ? `nominating; voting from ${date(votingStartsAt)} (${formatCountdown(votingStartsAt, now)}) to ${date(votingEndsAt)}`
        : phase === 2n ? `voting until ${date(votingEndsAt)} (${formatCountdown(votingEndsAt, now)})`
        : `counting: voting ended ${formatCountdown(votingEndsAt, now)}; anyone can \`pool:finalize\``;
      out(`Election #${electionId} (${kind}): ${ELECTION_PHASE[Number(phase)]}; ${when}`);
      const nominees = await pool.queryFilter(pool.filters.Nominated(electionId), entry.createdAtBlock).catch(() => []);
      const candidates = [...new Set(nominees.map((n) => n.args.candidate))];
      const tallies = await Promise.all(candidates.map(async (c) => ({ c, votes: (await pool.candidate(electionId, c))[1] })));
      tallies.sort((a, b) => (b.votes > a.votes ? 1 : b.votes < a.votes ? -1 : 0));
      // Statements are events (the latest for a candidate stands) and the stater's own text: shown inert.
      const stated = await pool.queryFilter(pool.filters.CandidateStatement(electionId), entry.createdAtBlock).catch(() => []);
      const statements = new Map(stated.map((e) => [e.args.candidate, { name: e.args.name, uri: e.args.uri }]));
      for (const { c, votes } of tallies) {
        const said = statements.get(c);
        const shown = said === undefined ? undefined : showStatement(said.name, said.uri, { maxText: 160 });
        out(`  ${c}${shown !== undefined && shown.name !== "" ? ` "${shown.name}"` : ""}  ${weight(votes)}${c === leader && votes > 0n ? "  (leading)" : ""}`);
        if (shown?.text !== undefined) out(`    "${shown.text.replaceAll("\n", " ")}"`);
        else if (shown?.link !== undefined && said !== undefined) out(`    ${terminalLink(said.uri, { max: 90 })}`);
      }
      if (tallies.length === 0) out("  no nominees yet (pool:nominate)");
      const needed = (totalWeight * rules.electionQuorumBps + 9_999n) / 10_000n;
      out(`  The winner needs ${formatBps(rules.electionQuorumBps)} of the matured weight (about ${weight(needed)}); the leader has ${weight(leaderVotes)}.`);
    } else {
      out(electionId > 0n ? `No election open (the last was #${electionId}).` : "No election has been held.");
    }
    const [petitionId, signed, threshold, expiresAt] = petition;
    if (petitionId > 0n && signed > 0n && expiresAt > now) {
      out(`Recall petition #${petitionId}: ${weight(signed)} of ${weight(threshold)} signed; open ${formatCountdown(expiresAt, now)}`);
    }

    // Pledges in kind.
    const pledgeCount = await pool.pledgeCount();
    if (pledgeCount > 0n) {
      out("");
      out("Pledges in kind");
      const pledges = await Promise.all(Array.from({ length: Math.min(Number(pledgeCount), 50) }, (_, i) => pool.pledgeAt(i)));
      pledges.forEach((p, i) => {
        out(`  #${i} ${PLEDGE_STATUS[Number(p.status)]}: "${inert(p.description, { max: 120 })}" by ${short(p.pledger)}, ${money(p.valuePerPeriod)} per ${formatDuration(p.period)}, ${p.delivered}/${p.periods} delivered`);
      });
    }

    if (who !== undefined) {
      const [[given, matured], weightNow, reclaimable] = await Promise.all([pool.contributionOf(who), pool.weightOf(who), pool.reclaimable(who)]);
      out("");
      out(`${who}: gave ${money(given)}; matured weight ${weight(weightNow)}${matured !== weightNow ? ` (basis ${matured})` : ""}${woundDown ? `; can reclaim ${money(reclaimable)}` : ""}`);
    }
  }, { readOnly: true });
}
