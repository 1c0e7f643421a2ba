// The tables a reader of Potluck needs: every pool and its whole history. Amounts are the asset's smallest
// unit; times are chain timestamps (seconds). Addresses are lower-case hex (Ponder's `hex` columns).
// Nothing here is trusted for a transaction: the web app reads balances, weights and phases from the chain.
import { index, onchainTable, primaryKey } from "ponder";

/** A pool: its metadata and asset from PoolCreated, rules in force, the seat and what it holds. */
export const pool = onchainTable(
  "pool",
  (t) => ({
    address: t.hex().primaryKey(),
    factory: t.hex(),
    asset: t.hex(),
    /** The asset's symbol and decimals (ETH for the zero address), read once at creation. */
    assetSymbol: t.text(),
    assetDecimals: t.integer(),
    /** The maintainer it was created with (PoolCreated). */
    firstMaintainer: t.hex(),
    /** The maintainer now (zero while the seat is open or after the wind-down). */
    maintainer: t.hex(),
    metadataURI: t.text(),
    createdBlock: t.bigint(),
    createdAt: t.bigint(),
    createdTx: t.hex(),
    // Rules in force (RulesSet, at creation and on every applied rules change).
    claimDelay: t.bigint().notNull().default(0n),
    ruleChangeDelay: t.bigint().notNull().default(0n),
    inactivityPeriod: t.bigint().notNull().default(0n),
    vacancyPeriod: t.bigint().notNull().default(0n),
    objectionQuorumBps: t.integer().notNull().default(0),
    electionQuorumBps: t.integer().notNull().default(0),
    recallThresholdBps: t.integer().notNull().default(0),
    /** filled | recall | open | woundDown, as the seat's events tell it. */
    status: t.text().notNull().default("filled"),
    /** The election open now, if any. */
    openElection: t.bigint(),
    lastHeartbeatAt: t.bigint(),
    totalGiven: t.bigint().notNull().default(0n),
    swept: t.bigint().notNull().default(0n),
    paid: t.bigint().notNull().default(0n),
    contributorCount: t.integer().notNull().default(0),
    giftCount: t.integer().notNull().default(0),
    claimCount: t.integer().notNull().default(0),
    lineCount: t.integer().notNull().default(0),
    woundDownAt: t.bigint(),
    leftAtWindDown: t.bigint(),
    reclaimed: t.bigint().notNull().default(0n),
    /** The block of the pool's latest event. */
    lastEventBlock: t.bigint(),
  }),
  (table) => ({ createdIdx: index().on(table.createdBlock) }),
);

/** Every event of every pool, as emitted (arguments as JSON, numbers as decimal strings): the history. */
export const poolEvent = onchainTable(
  "pool_event",
  (t) => ({
    id: t.text().primaryKey(),
    pool: t.hex().notNull(),
    name: t.text().notNull(),
    args: t.json().notNull(),
    blockNumber: t.bigint().notNull(),
    logIndex: t.integer().notNull(),
    timestamp: t.bigint().notNull(),
    tx: t.hex().notNull(),
  }),
  (table) => ({ poolIdx: index().on(table.pool, table.blockNumber, table.logIndex) }),
);

export const budgetLine = onchainTable(
  "budget_line",
  (t) => ({
    pool: t.hex().notNull(),
    line: t.bigint().notNull(),
    name: t.text().notNull(),
    cap: t.bigint().notNull(),
    period: t.bigint().notNull(),
    setAt: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.pool, table.line] }) }),
);

/** A contributor of a pool: money given (gifts and collected standing orders), first and last gift. */
export const contributor = onchainTable(
  "contributor",
  (t) => ({
    pool: t.hex().notNull(),
    address: t.hex().notNull(),
    /** As `contributionOf(address).given` reads: zero once they reclaimed their share after a wind-down. */
    given: t.bigint().notNull().default(0n),
    /** Everything they ever gave (kept after a reclaim). */
    givenEver: t.bigint().notNull().default(0n),
    gifts: t.integer().notNull().default(0),
    firstGiftAt: t.bigint(),
    firstGiftBlock: t.bigint(),
    lastGiftAt: t.bigint(),
    lastGiftBlock: t.bigint(),
    /** In-kind value delivered on accepted pledges (weight, not money). */
    delivered: t.bigint().notNull().default(0n),
    reclaimed: t.bigint().notNull().default(0n),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.pool, table.address] }),
    givenIdx: index().on(table.pool, table.given),
  }),
);

export const gift = onchainTable(
  "gift",
  (t) => ({
    id: t.text().primaryKey(),
    pool: t.hex().notNull(),
    donor: t.hex().notNull(),
    amount: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    tx: t.hex().notNull(),
  }),
  (table) => ({ poolIdx: index().on(table.pool, table.blockNumber), donorIdx: index().on(table.donor) }),
);

/** A claim through its life: pending, then paid, rejected, cancelled or void. */
export const claim = onchainTable(
  "claim",
  (t) => ({
    pool: t.hex().notNull(),
    id: t.bigint().notNull(),
    /** Order of filing in the pool, from 0. */
    number: t.integer().notNull(),
    line: t.bigint().notNull(),
    payee: t.hex().notNull(),
    amount: t.bigint().notNull(),
    receiptHash: t.hex().notNull(),
    receiptURI: t.text().notNull(),
    /** pending | paid | rejected | cancelled | void */
    status: t.text().notNull(),
    filedAt: t.bigint().notNull(),
    filedBlock: t.bigint().notNull(),
    filedTx: t.hex().notNull(),
    /** When its challenge window closes (filing time + the claim delay in force). */
    payableAt: t.bigint().notNull(),
    objected: t.bigint().notNull().default(0n),
    objections: t.integer().notNull().default(0),
    /** Weight still needed to reject it, as of the latest objection (null before any). */
    toReject: t.bigint(),
    closedAt: t.bigint(),
    closedTx: t.hex(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.pool, table.id] }), statusIdx: index().on(table.pool, table.status) }),
);

export const objection = onchainTable(
  "objection",
  (t) => ({
    id: t.text().primaryKey(),
    pool: t.hex().notNull(),
    claimId: t.bigint().notNull(),
    contributor: t.hex().notNull(),
    weight: t.bigint().notNull(),
    toReject: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    tx: t.hex().notNull(),
  }),
  (table) => ({ claimIdx: index().on(table.pool, table.claimId) }),
);

/** A proposed change (a budget line or the rules), with what it changes, read at the proposal's block. */
export const change = onchainTable(
  "change",
  (t) => ({
    pool: t.hex().notNull(),
    id: t.bigint().notNull(),
    /** budgetLine | rules */
    kind: t.text().notNull(),
    /** pending | applied | rejected | cancelled (void: cancelled by a recall or the wind-down) */
    status: t.text().notNull(),
    voided: t.boolean().notNull().default(false),
    effectiveAt: t.bigint().notNull(),
    proposedAt: t.bigint().notNull(),
    proposedTx: t.hex().notNull(),
    /** budgetLine: { line, name, cap, period }; rules: the proposed rules (numbers as strings). */
    detail: t.json().notNull(),
    objected: t.bigint().notNull().default(0n),
    objections: t.integer().notNull().default(0),
    toReject: t.bigint(),
    closedAt: t.bigint(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.pool, table.id] }) }),
);

export const changeObjection = onchainTable(
  "change_objection",
  (t) => ({
    id: t.text().primaryKey(),
    pool: t.hex().notNull(),
    changeId: t.bigint().notNull(),
    contributor: t.hex().notNull(),
    weight: t.bigint().notNull(),
    toReject: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
  }),
  (table) => ({ changeIdx: index().on(table.pool, table.changeId) }),
);

/** A recall petition: its signatures' weight, and whether it opened a recall election. */
export const petition = onchainTable(
  "petition",
  (t) => ({
    pool: t.hex().notNull(),
    id: t.bigint().notNull(),
    openedAt: t.bigint().notNull(),
    openedTx: t.hex().notNull(),
    weight: t.bigint().notNull(),
    signatures: t.integer().notNull(),
    recallElection: t.bigint(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.pool, table.id] }) }),
);

export const signature = onchainTable(
  "signature",
  (t) => ({
    id: t.text().primaryKey(),
    pool: t.hex().notNull(),
    petitionId: t.bigint().notNull(),
    contributor: t.hex().notNull(),
    weight: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
  }),
  (table) => ({ petitionIdx: index().on(table.pool, table.petitionId) }),
);

export const election = onchainTable(
  "election",
  (t) => ({
    pool: t.hex().notNull(),
    id: t.bigint().notNull(),
    /** vacancy | recall */
    kind: t.text().notNull(),
    calledAt: t.bigint().notNull(),
    calledTx: t.hex().notNull(),
    votingStartsAt: t.bigint().notNull(),
    votingEndsAt: t.bigint().notNull(),
    votes: t.integer().notNull().default(0),
    finalized: t.boolean().notNull().default(false),
    finalizedAt: t.bigint(),
    leader: t.hex(),
    leaderVotes: t.bigint(),
    installed: t.boolean(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.pool, table.id] }) }),
);

export const candidate = onchainTable(
  "candidate",
  (t) => ({
    pool: t.hex().notNull(),
    electionId: t.bigint().notNull(),
    address: t.hex().notNull(),
    /** Zero for the incumbent, who stands in a recall by right. */
    nominator: t.hex().notNull(),
    nominatedAt: t.bigint().notNull(),
    /** The latest statement (CandidateStatement): the stater's own text, shown inert; null when none. */
    name: t.text(),
    uri: t.text(),
    /** Who made the latest statement: the nominator or the candidate. */
    statedBy: t.hex(),
    votes: t.bigint().notNull().default(0n),
    voters: t.integer().notNull().default(0),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.pool, table.electionId, table.address] }) }),
);

export const vote = onchainTable(
  "vote",
  (t) => ({
    id: t.text().primaryKey(),
    pool: t.hex().notNull(),
    electionId: t.bigint().notNull(),
    voter: t.hex().notNull(),
    candidate: t.hex().notNull(),
    weight: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
  }),
  (table) => ({ electionIdx: index().on(table.pool, table.electionId) }),
);

export const maintainerChange = onchainTable("maintainer_change", (t) => ({
  id: t.text().primaryKey(),
  pool: t.hex().notNull(),
  previous: t.hex().notNull(),
  next: t.hex().notNull(),
  timestamp: t.bigint().notNull(),
  tx: t.hex().notNull(),
}));

/** A standing order (subscription) of a donor to a pool, and what its collections brought. */
export const standingOrder = onchainTable(
  "standing_order",
  (t) => ({
    pool: t.hex().notNull(),
    donor: t.hex().notNull(),
    amountPerPeriod: t.bigint().notNull(),
    period: t.bigint().notNull(),
    active: t.boolean().notNull(),
    subscribedAt: t.bigint().notNull(),
    unsubscribedAt: t.bigint(),
    collected: t.bigint().notNull().default(0n),
    collections: t.integer().notNull().default(0),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.pool, table.donor] }) }),
);

export const collection = onchainTable(
  "collection",
  (t) => ({
    id: t.text().primaryKey(),
    pool: t.hex().notNull(),
    donor: t.hex().notNull(),
    amount: t.bigint().notNull(),
    periods: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    tx: t.hex().notNull(),
  }),
  (table) => ({ poolIdx: index().on(table.pool, table.donor) }),
);

/** An in-kind pledge: offered, then accepted, declined or withdrawn; deliveries recorded against it. */
export const pledge = onchainTable(
  "pledge",
  (t) => ({
    pool: t.hex().notNull(),
    id: t.bigint().notNull(),
    pledger: t.hex().notNull(),
    valuePerPeriod: t.bigint().notNull(),
    period: t.bigint().notNull(),
    periods: t.bigint().notNull(),
    description: t.text().notNull(),
    /** offered | accepted | declined | withdrawn */
    status: t.text().notNull(),
    pledgedAt: t.bigint().notNull(),
    deliveredPeriods: t.bigint().notNull().default(0n),
    deliveredValue: t.bigint().notNull().default(0n),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.pool, table.id] }) }),
);

export const delivery = onchainTable(
  "delivery",
  (t) => ({
    id: t.text().primaryKey(),
    pool: t.hex().notNull(),
    pledgeId: t.bigint().notNull(),
    pledger: t.hex().notNull(),
    periods: t.bigint().notNull(),
    value: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    tx: t.hex().notNull(),
  }),
  (table) => ({ pledgeIdx: index().on(table.pool, table.pledgeId) }),
);

export const reclaim = onchainTable(
  "reclaim",
  (t) => ({
    id: t.text().primaryKey(),
    pool: t.hex().notNull(),
    contributor: t.hex().notNull(),
    amount: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    tx: t.hex().notNull(),
  }),
  (table) => ({ poolIdx: index().on(table.pool) }),
);

/** What a donor must not miss, one row per notice: the feeds are rendered from these. */
export const notice = onchainTable(
  "notice",
  (t) => ({
    id: t.text().primaryKey(),
    pool: t.hex().notNull(),
    /** claimFiled | changeProposed | electionCalled | electionFinalized | petitionOpened | woundDown */
    kind: t.text().notNull(),
    timestamp: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    tx: t.hex().notNull(),
    /** The facts the notice states (numbers as decimal strings). */
    data: t.json().notNull(),
  }),
  (table) => ({ poolIdx: index().on(table.pool, table.timestamp) }),
);
