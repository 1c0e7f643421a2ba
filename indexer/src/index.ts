// Indexing functions: each pool event updates the tables a reader needs and is kept as emitted in
// `pool_event` (the web app's history). A successful recall's voiding comes as `PendingVoided`; the one rule
// the contracts apply without an event of its own is applied here the same way: the wind-down (`WoundDown`)
// voids pending claims and cancels pending changes. The indexer's test checks the
// result against the contracts' views.
import { and, desc, eq } from "ponder";
import { ponder, type Context } from "ponder:registry";
import * as s from "ponder:schema";
import { parseAbi, type Hex } from "viem";

const erc20 = parseAbi(["function symbol() view returns (string)", "function decimals() view returns (uint8)"]);

type Db = Context["db"];

interface Meta {
  id: string;
  pool: Hex;
  timestamp: bigint;
  blockNumber: bigint;
  tx: Hex;
}

const lower = (a: string) => a.toLowerCase() as Hex;
const ZERO = "0x0000000000000000000000000000000000000000";

/** Event arguments as JSON: numbers (bigints) as decimal strings, so no precision is lost. */
export function jsonArgs(args: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(args as Record<string, unknown>)) out[k] = toJson(v);
  return out;
}

function toJson(v: unknown): unknown {
  if (typeof v === "bigint") return v.toString();
  if (Array.isArray(v)) return v.map(toJson);
  if (v !== null && typeof v === "object") return jsonArgs(v);
  return v;
}

interface PoolLog {
  id: string;
  args: unknown;
  log: { address: string; logIndex: number };
  block: { number: bigint; timestamp: bigint };
  transaction: { hash: Hex };
}

/** Keeps the event as emitted and returns where and when it happened. */
async function record(name: string, event: PoolLog, db: Db): Promise<Meta> {
  const meta: Meta = { id: event.id, pool: lower(event.log.address), timestamp: event.block.timestamp, blockNumber: event.block.number, tx: event.transaction.hash };
  await db.insert(s.poolEvent).values({
    id: event.id,
    pool: meta.pool,
    name,
    args: jsonArgs(event.args),
    blockNumber: meta.blockNumber,
    logIndex: event.log.logIndex,
    timestamp: meta.timestamp,
    tx: meta.tx,
  });
  return meta;
}

/** The pool's row, created if its initialisation events come before PoolCreated (they do, in one transaction). */
async function ensurePool(db: Db, address: Hex) {
  return db.insert(s.pool).values({ address }).onConflictDoNothing();
}

async function notify(db: Db, m: Meta, kind: string, data: Record<string, unknown>) {
  await db.insert(s.notice).values({ id: `${m.id}-${kind}`, pool: m.pool, kind, timestamp: m.timestamp, blockNumber: m.blockNumber, tx: m.tx, data: jsonArgs(data) });
}

/** A successful recall voided everything pending (the contract's `_voidPending`). */
async function voidPending(db: Db, pool: Hex, at: bigint, tx: Hex) {
  await db.sql.update(s.claim).set({ status: "void", closedAt: at, closedTx: tx }).where(and(eq(s.claim.pool, pool), eq(s.claim.status, "pending")));
  await db.sql.update(s.change).set({ status: "cancelled", voided: true, closedAt: at }).where(and(eq(s.change.pool, pool), eq(s.change.status, "pending")));
}

// ---------------------------------------------------------------- the factory

ponder.on("PoolFactory:PoolCreated", async ({ event, context }) => {
  const address = lower(event.args.pool);
  const asset = lower(event.args.asset);
  let assetSymbol = "ETH";
  let assetDecimals = 18;
  if (asset !== ZERO) {
    // A token that answers neither is still indexed: its amounts are shown in its smallest unit.
    try {
      assetSymbol = await context.client.readContract({ abi: erc20, address: asset, functionName: "symbol" });
      assetDecimals = await context.client.readContract({ abi: erc20, address: asset, functionName: "decimals" });
    } catch {
      assetSymbol = "tokens";
      assetDecimals = 0;
    }
  }
  const values = {
    assetSymbol,
    assetDecimals,
    factory: lower(event.log.address),
    asset,
    firstMaintainer: lower(event.args.maintainer),
    metadataURI: event.args.metadataURI,
    createdBlock: event.block.number,
    createdAt: event.block.timestamp,
    createdTx: event.transaction.hash,
    lastHeartbeatAt: event.block.timestamp,
  };
  await context.db.insert(s.pool).values({ address, ...values }).onConflictDoUpdate(values);
});

// ---------------------------------------------------------------- rules and budget lines

ponder.on("Pool:RulesSet", async ({ event, context }) => {
  const m = await record("RulesSet", event, context.db);
  await ensurePool(context.db, m.pool);
  const r = event.args.rules;
  await context.db.update(s.pool, { address: m.pool }).set({
    claimDelay: BigInt(r.claimDelay),
    ruleChangeDelay: BigInt(r.ruleChangeDelay),
    inactivityPeriod: BigInt(r.inactivityPeriod),
    vacancyPeriod: BigInt(r.vacancyPeriod),
    objectionQuorumBps: r.objectionQuorumBps,
    electionQuorumBps: r.electionQuorumBps,
    recallThresholdBps: r.recallThresholdBps,
  });
});

ponder.on("Pool:BudgetLineSet", async ({ event, context }) => {
  const m = await record("BudgetLineSet", event, context.db);
  await ensurePool(context.db, m.pool);
  const values = { name: event.args.name, cap: event.args.cap, period: BigInt(event.args.period), setAt: m.timestamp };
  await context.db.insert(s.budgetLine).values({ pool: m.pool, line: event.args.line, ...values }).onConflictDoUpdate(values);
  const lines = Number(event.args.line) + 1;
  await context.db.update(s.pool, { address: m.pool }).set((p) => ({ lineCount: Math.max(p.lineCount, lines) }));
});

// ---------------------------------------------------------------- giving

ponder.on("Pool:Given", async ({ event, context }) => {
  const m = await record("Given", event, context.db);
  const donor = lower(event.args.donor);
  const { amount } = event.args;
  await context.db.insert(s.gift).values({ id: m.id, pool: m.pool, donor, amount, timestamp: m.timestamp, blockNumber: m.blockNumber, tx: m.tx });
  const existing = await context.db.find(s.contributor, { pool: m.pool, address: donor });
  const first = existing === null || existing.gifts === 0;
  if (existing === null) {
    await context.db.insert(s.contributor).values({ pool: m.pool, address: donor });
  }
  await context.db.update(s.contributor, { pool: m.pool, address: donor }).set((c) => ({
    given: c.given + amount,
    givenEver: c.givenEver + amount,
    gifts: c.gifts + 1,
    firstGiftAt: c.firstGiftAt ?? m.timestamp,
    firstGiftBlock: c.firstGiftBlock ?? m.blockNumber,
    lastGiftAt: m.timestamp,
    lastGiftBlock: m.blockNumber,
  }));
  await context.db.update(s.pool, { address: m.pool }).set((p) => ({
    totalGiven: p.totalGiven + amount,
    giftCount: p.giftCount + 1,
    contributorCount: p.contributorCount + (first ? 1 : 0),
    lastEventBlock: m.blockNumber,
  }));
});

ponder.on("Pool:Swept", async ({ event, context }) => {
  const m = await record("Swept", event, context.db);
  const { amount } = event.args;
  await context.db.update(s.pool, { address: m.pool }).set((p) => ({ totalGiven: p.totalGiven + amount, swept: p.swept + amount }));
});

// ---------------------------------------------------------------- claims

ponder.on("Pool:ClaimFiled", async ({ event, context }) => {
  const m = await record("ClaimFiled", event, context.db);
  const p = await context.db.find(s.pool, { address: m.pool });
  const a = event.args;
  const claimDelay = p?.claimDelay ?? 0n;
  await context.db.insert(s.claim).values({
    pool: m.pool,
    id: a.claimId,
    number: p?.claimCount ?? 0,
    line: a.line,
    payee: lower(a.payee),
    amount: a.amount,
    receiptHash: a.receiptHash,
    receiptURI: a.receiptURI,
    status: "pending",
    filedAt: m.timestamp,
    filedBlock: m.blockNumber,
    filedTx: m.tx,
    payableAt: m.timestamp + claimDelay,
  });
  await context.db.update(s.pool, { address: m.pool }).set((row) => ({ claimCount: row.claimCount + 1, lastEventBlock: m.blockNumber }));
  await notify(context.db, m, "claimFiled", {
    claimId: a.claimId, line: a.line, payee: lower(a.payee), amount: a.amount, receiptHash: a.receiptHash, receiptURI: a.receiptURI,
    payableAt: m.timestamp + claimDelay,
  });
});

ponder.on("Pool:ClaimObjected", async ({ event, context }) => {
  const m = await record("ClaimObjected", event, context.db);
  const a = event.args;
  await context.db.insert(s.objection).values({ id: m.id, pool: m.pool, claimId: a.claimId, contributor: lower(a.contributor), weight: a.weight, toReject: a.toReject, timestamp: m.timestamp, tx: m.tx });
  await context.db.update(s.claim, { pool: m.pool, id: a.claimId }).set((c) => ({ objected: c.objected + a.weight, objections: c.objections + 1, toReject: a.toReject }));
});

async function closeClaim(db: Db, m: Meta, claimId: bigint, status: string) {
  await db.update(s.claim, { pool: m.pool, id: claimId }).set({ status, closedAt: m.timestamp, closedTx: m.tx });
}

ponder.on("Pool:ClaimPaid", async ({ event, context }) => {
  const m = await record("ClaimPaid", event, context.db);
  const c = await context.db.find(s.claim, { pool: m.pool, id: event.args.claimId });
  await closeClaim(context.db, m, event.args.claimId, "paid");
  const amount = c?.amount ?? 0n;
  await context.db.update(s.pool, { address: m.pool }).set((p) => ({ paid: p.paid + amount }));
});

ponder.on("Pool:ClaimRejected", async ({ event, context }) => {
  const m = await record("ClaimRejected", event, context.db);
  await closeClaim(context.db, m, event.args.claimId, "rejected");
});

ponder.on("Pool:ClaimCancelled", async ({ event, context }) => {
  const m = await record("ClaimCancelled", event, context.db);
  await closeClaim(context.db, m, event.args.claimId, "cancelled");
});

// ---------------------------------------------------------------- changes

const PROPOSAL_KINDS = ["none", "budgetLine", "rules"] as const;
/** PoolChanges' NEW_LINE: a proposal to add a budget line. */
const NEW_LINE = 0xffff;

ponder.on("Pool:ChangeProposed", async ({ event, context }) => {
  const m = await record("ChangeProposed", event, context.db);
  const a = event.args;
  const kind = PROPOSAL_KINDS[a.kind] ?? "none";
  // What changes is stored, not emitted: read it at this block.
  const p = await context.client.readContract({ abi: context.contracts.Pool.abi, address: m.pool, functionName: "proposal", args: [a.proposalId] });
  // A proposal is recorded as what it changes: `changes` marks the fields it sets (the others read 0), so a
  // reader shows those fields only. A new line is stored as line 65535 (it gets the next number when applied).
  const detail = kind === "rules"
    ? { ...jsonArgs(p.rules), changes: p.changes }
    : { line: p.line === NEW_LINE ? "new" : String(p.line), name: p.name, cap: p.cap.toString(), period: String(p.period), changes: p.changes };
  await context.db.insert(s.change).values({
    pool: m.pool, id: a.proposalId, kind, status: "pending", effectiveAt: a.effectiveAt, proposedAt: m.timestamp, proposedTx: m.tx, detail, toReject: p.toReject,
  });
  await notify(context.db, m, "changeProposed", { proposalId: a.proposalId, kind, effectiveAt: a.effectiveAt, detail });
});

ponder.on("Pool:ChangeObjected", async ({ event, context }) => {
  const m = await record("ChangeObjected", event, context.db);
  const a = event.args;
  await context.db.insert(s.changeObjection).values({ id: m.id, pool: m.pool, changeId: a.proposalId, contributor: lower(a.contributor), weight: a.weight, toReject: a.toReject, timestamp: m.timestamp });
  await context.db.update(s.change, { pool: m.pool, id: a.proposalId }).set((c) => ({ objected: c.objected + a.weight, objections: c.objections + 1, toReject: a.toReject }));
});

for (const [name, status] of [["ChangeApplied", "applied"], ["ChangeRejected", "rejected"], ["ChangeCancelled", "cancelled"]] as const) {
  ponder.on(`Pool:${name}`, async ({ event, context }) => {
    const m = await record(name, event, context.db);
    await context.db.update(s.change, { pool: m.pool, id: event.args.proposalId }).set({ status, closedAt: m.timestamp });
  });
}

// ---------------------------------------------------------------- the seat, petitions and elections

ponder.on("Pool:Heartbeat", async ({ event, context }) => {
  const m = await record("Heartbeat", event, context.db);
  await context.db.update(s.pool, { address: m.pool }).set({ lastHeartbeatAt: m.timestamp });
});

ponder.on("Pool:MaintainerChanged", async ({ event, context }) => {
  const m = await record("MaintainerChanged", event, context.db);
  const previous = lower(event.args.previous);
  const next = lower(event.args.next);
  await context.db.insert(s.maintainerChange).values({ id: m.id, pool: m.pool, previous, next, timestamp: m.timestamp, tx: m.tx });
  await ensurePool(context.db, m.pool); // the first one is emitted by initialize, before PoolCreated
  const p = await context.db.find(s.pool, { address: m.pool });
  if (previous !== ZERO && next === ZERO && p?.status === "recall") {
    // A recalled maintainer stepped down: the recall election goes on as a vacancy election (what was pending
    // is voided by the PendingVoided event in the same transaction).
    if (p.openElection !== null && p.openElection !== undefined) {
      await context.db.update(s.election, { pool: m.pool, id: p.openElection }).set({ kind: "vacancy" });
    }
  }
  await context.db.update(s.pool, { address: m.pool }).set({
    maintainer: next,
    status: next === ZERO ? "open" : "filled",
    ...(next === ZERO ? {} : { lastHeartbeatAt: m.timestamp }),
  });
});

// A successful recall (someone else installed, or the recalled maintainer stepping down) voids every claim and
// change still pending, whoever filed it: the contract's `_voidPending`, announced by this event.
ponder.on("Pool:PendingVoided", async ({ event, context }) => {
  const m = await record("PendingVoided", event, context.db);
  await voidPending(context.db, m.pool, m.timestamp, m.tx);
});

ponder.on("Pool:RecallSigned", async ({ event, context }) => {
  const m = await record("RecallSigned", event, context.db);
  const a = event.args;
  await context.db.insert(s.signature).values({ id: m.id, pool: m.pool, petitionId: a.petitionId, contributor: lower(a.contributor), weight: a.weight, timestamp: m.timestamp });
  const existing = await context.db.find(s.petition, { pool: m.pool, id: a.petitionId });
  if (existing === null) {
    await context.db.insert(s.petition).values({ pool: m.pool, id: a.petitionId, openedAt: m.timestamp, openedTx: m.tx, weight: a.total, signatures: 1 });
    await notify(context.db, m, "petitionOpened", { petitionId: a.petitionId, weight: a.weight, contributor: lower(a.contributor) });
  } else {
    await context.db.update(s.petition, { pool: m.pool, id: a.petitionId }).set((p) => ({ weight: a.total, signatures: p.signatures + 1 }));
  }
});

const ELECTION_KINDS = ["none", "vacancy", "recall"] as const;

ponder.on("Pool:ElectionCalled", async ({ event, context }) => {
  const m = await record("ElectionCalled", event, context.db);
  const a = event.args;
  const kind = ELECTION_KINDS[a.kind] ?? "none";
  await context.db.insert(s.election).values({
    pool: m.pool, id: a.electionId, kind, calledAt: m.timestamp, calledTx: m.tx, votingStartsAt: a.votingStartsAt, votingEndsAt: a.votingEndsAt,
  });
  await context.db.update(s.pool, { address: m.pool }).set((p) => ({ openElection: a.electionId, status: kind === "recall" ? "recall" : p.status }));
  if (kind === "recall") {
    // The petition that reached its threshold is the latest one.
    const [last] = await context.db.sql.select().from(s.petition).where(eq(s.petition.pool, m.pool)).orderBy(desc(s.petition.id)).limit(1);
    if (last !== undefined) await context.db.update(s.petition, { pool: m.pool, id: last.id }).set({ recallElection: a.electionId });
  }
  await notify(context.db, m, "electionCalled", { electionId: a.electionId, kind, votingStartsAt: a.votingStartsAt, votingEndsAt: a.votingEndsAt });
});

ponder.on("Pool:Nominated", async ({ event, context }) => {
  const m = await record("Nominated", event, context.db);
  const a = event.args;
  await context.db.insert(s.candidate).values({ pool: m.pool, electionId: a.electionId, address: lower(a.candidate), nominator: lower(a.nominator), nominatedAt: m.timestamp });
});

ponder.on("Pool:CandidateStatement", async ({ event, context }) => {
  const m = await record("CandidateStatement", event, context.db);
  const a = event.args;
  // The latest statement stands; both empty is a withdrawn one.
  const withdrawn = a.name === "" && a.uri === "";
  await context.db.update(s.candidate, { pool: m.pool, electionId: a.electionId, address: lower(a.candidate) })
    .set({ name: withdrawn ? null : a.name, uri: withdrawn ? null : a.uri, statedBy: lower(a.by) });
});

ponder.on("Pool:Voted", async ({ event, context }) => {
  const m = await record("Voted", event, context.db);
  const a = event.args;
  const who = lower(a.candidate);
  await context.db.insert(s.vote).values({ id: m.id, pool: m.pool, electionId: a.electionId, voter: lower(a.voter), candidate: who, weight: a.weight, timestamp: m.timestamp });
  await context.db.update(s.candidate, { pool: m.pool, electionId: a.electionId, address: who }).set((c) => ({ votes: c.votes + a.weight, voters: c.voters + 1 }));
  await context.db.update(s.election, { pool: m.pool, id: a.electionId }).set((e) => ({ votes: e.votes + 1 }));
});

ponder.on("Pool:ElectionFinalized", async ({ event, context }) => {
  const m = await record("ElectionFinalized", event, context.db);
  const a = event.args;
  await context.db.update(s.election, { pool: m.pool, id: a.electionId }).set({
    finalized: true, finalizedAt: m.timestamp, leader: lower(a.leader), leaderVotes: a.votes, installed: a.installed,
  });
  // A recall ends with the seat filled (by the incumbent or the winner); a vacancy election leaves it as
  // MaintainerChanged set it.
  await context.db.update(s.pool, { address: m.pool }).set((p) => ({ openElection: null, status: p.status === "recall" ? "filled" : p.status }));
  await notify(context.db, m, "electionFinalized", { electionId: a.electionId, leader: lower(a.leader), votes: a.votes, installed: a.installed });
});

// ---------------------------------------------------------------- wind-down

ponder.on("Pool:WoundDown", async ({ event, context }) => {
  const m = await record("WoundDown", event, context.db);
  await context.db.sql.update(s.claim).set({ status: "void", closedAt: m.timestamp, closedTx: m.tx }).where(and(eq(s.claim.pool, m.pool), eq(s.claim.status, "pending")));
  await context.db.sql.update(s.change).set({ status: "cancelled", voided: true, closedAt: m.timestamp }).where(and(eq(s.change.pool, m.pool), eq(s.change.status, "pending")));
  await context.db.update(s.pool, { address: m.pool }).set({ status: "woundDown", openElection: null, woundDownAt: m.timestamp, leftAtWindDown: event.args.left });
  await notify(context.db, m, "woundDown", { left: event.args.left });
});

ponder.on("Pool:Reclaimed", async ({ event, context }) => {
  const m = await record("Reclaimed", event, context.db);
  const who = lower(event.args.contributor);
  const { amount } = event.args;
  await context.db.insert(s.reclaim).values({ id: m.id, pool: m.pool, contributor: who, amount, timestamp: m.timestamp, tx: m.tx });
  // The contract forgets a contribution once its share is reclaimed (so it cannot be reclaimed twice).
  await context.db.update(s.contributor, { pool: m.pool, address: who }).set((c) => ({ reclaimed: c.reclaimed + amount, given: 0n }));
  await context.db.update(s.pool, { address: m.pool }).set((p) => ({ reclaimed: p.reclaimed + amount }));
});

// ---------------------------------------------------------------- standing orders

ponder.on("Pool:Subscribed", async ({ event, context }) => {
  const m = await record("Subscribed", event, context.db);
  const a = event.args;
  const values = { amountPerPeriod: a.amountPerPeriod, period: a.period, active: true, subscribedAt: m.timestamp, unsubscribedAt: null };
  await context.db.insert(s.standingOrder).values({ pool: m.pool, donor: lower(a.donor), ...values }).onConflictDoUpdate(values);
});

ponder.on("Pool:Unsubscribed", async ({ event, context }) => {
  const m = await record("Unsubscribed", event, context.db);
  await context.db.update(s.standingOrder, { pool: m.pool, donor: lower(event.args.donor) }).set({ active: false, unsubscribedAt: m.timestamp });
});

ponder.on("Pool:Collected", async ({ event, context }) => {
  const m = await record("Collected", event, context.db);
  const a = event.args;
  const donor = lower(a.donor);
  await context.db.insert(s.collection).values({ id: m.id, pool: m.pool, donor, amount: a.amount, periods: a.periods, timestamp: m.timestamp, tx: m.tx });
  // The collection's money is credited by the Given event emitted with it.
  const order = await context.db.find(s.standingOrder, { pool: m.pool, donor });
  if (order !== null) {
    await context.db.update(s.standingOrder, { pool: m.pool, donor }).set((o) => ({ collected: o.collected + a.amount, collections: o.collections + 1 }));
  }
});

// ---------------------------------------------------------------- pledges

ponder.on("Pool:Pledged", async ({ event, context }) => {
  const m = await record("Pledged", event, context.db);
  const a = event.args;
  await context.db.insert(s.pledge).values({
    pool: m.pool, id: a.pledgeId, pledger: lower(a.pledger), valuePerPeriod: a.valuePerPeriod, period: a.period, periods: a.periods,
    description: a.description, status: "offered", pledgedAt: m.timestamp,
  });
});

for (const [name, status] of [["PledgeAccepted", "accepted"], ["PledgeDeclined", "declined"], ["PledgeWithdrawn", "withdrawn"]] as const) {
  ponder.on(`Pool:${name}`, async ({ event, context }) => {
    const m = await record(name, event, context.db);
    await context.db.update(s.pledge, { pool: m.pool, id: event.args.pledgeId }).set({ status });
  });
}

ponder.on("Pool:DeliveryRecorded", async ({ event, context }) => {
  const m = await record("DeliveryRecorded", event, context.db);
  const a = event.args;
  const pledger = lower(a.pledger);
  await context.db.insert(s.delivery).values({ id: m.id, pool: m.pool, pledgeId: a.pledgeId, pledger, periods: a.periods, value: a.value, timestamp: m.timestamp, tx: m.tx });
  await context.db.update(s.pledge, { pool: m.pool, id: a.pledgeId }).set((p) => ({ deliveredPeriods: p.deliveredPeriods + a.periods, deliveredValue: p.deliveredValue + a.value }));
  const existing = await context.db.find(s.contributor, { pool: m.pool, address: pledger });
  if (existing === null) {
    await context.db.insert(s.contributor).values({ pool: m.pool, address: pledger, delivered: a.value });
  } else {
    await context.db.update(s.contributor, { pool: m.pool, address: pledger }).set((c) => ({ delivered: c.delivered + a.value }));
  }
});
