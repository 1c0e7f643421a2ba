// Potluck's command line: Hardhat tasks for donors and maintainers, plus deploy and seed. Registered in
// hardhat.config.ts; each action lives in its own file and is loaded only when its task runs.
// Every task works on localhost unless --network names another network (see README, "Run it").
import { task } from "hardhat/config";
import { ArgumentType } from "hardhat/types/arguments";
import { CREATE_DEFAULTS as D } from "./pool/create-defaults.js";

const POOL = { name: "pool", description: "The pool: its address, or its number in `pool:list` (0, 1, …)" } as const;
const FROM = {
  name: "from",
  description: "Account that signs: a number on this network (0, 1, … on the local node) or an address whose key the network has",
  defaultValue: "0",
} as const;
const CALLDATA = {
  name: "calldata",
  description: "Send nothing: check the call as the pool's maintainer would make it and print the transaction (to, value, data) for a maintainer that is a contract, e.g. a Safe, to propose",
} as const;
const CLAIM = { name: "claim", description: "The claim's number (#3, see `pool:status`) or its id (the receipt hash, 0x…)" } as const;
const PROPOSAL = { name: "proposal", description: "The proposed change's number (#2, see `pool:status`)" } as const;
/** An option with no default: a rule or field not given keeps its value in force. */
const KEEP = (name: string, description: string) => ({ name, description, type: ArgumentType.STRING_WITHOUT_DEFAULT, defaultValue: undefined });

export const potluckTasks = [
  task("deploy", "Deploy Potluck (PoolExtension, Pool, PoolFactory; MockUSD locally) at the same CREATE2 addresses on every chain and record deployments/<chainId>.json")
    .addFlag({ name: "dryRun", description: "Print what would be sent (the addresses, constructor arguments, estimated gas) and send nothing" })
    .addFlag({ name: "reset", description: "Forget this chain's Ignition journal first (ignition/deployments/chain-<id>), e.g. for a node restarted under the same chain id" })
    .setAction(() => import("./deploy.js"))
    .build(),

  task("seed", "Seed the local demo: four pools with contributors, claims in every state, pledges, an election")
    .setAction(() => import("./seed.js"))
    .build(),

  task("pool:list", "List the pools the factory created: name, asset, balance, maintainer")
    .setAction(() => import("./pool/list.js"))
    .build(),

  task("pool:status", "Show a pool: balance, runway, budget lines, pending claims with countdowns, the seat and any election")
    .addPositionalArgument(POOL)
    .addOption({ name: "account", description: "Also show this contributor's standing (an address or account number)", type: ArgumentType.STRING_WITHOUT_DEFAULT, defaultValue: undefined })
    .setAction(() => import("./pool/status.js"))
    .build(),

  task("pool:create", "Create a pool, from flags or a JSON file (--config-file); durations like 1h/7d, shares like 20%")
    .addOption({ name: "configFile", description: "JSON file with the pool's settings, keys named like these flags (a flag not left at its default overrides the file)", type: ArgumentType.STRING_WITHOUT_DEFAULT, defaultValue: undefined })
    .addOption({ name: "name", description: "The pool's name", type: ArgumentType.STRING_WITHOUT_DEFAULT, defaultValue: undefined })
    .addOption({ name: "description", description: "What the pool pays for", type: ArgumentType.STRING_WITHOUT_DEFAULT, defaultValue: undefined })
    .addOption({ name: "links", description: "Comma-separated URLs (project site, repository)", type: ArgumentType.STRING_WITHOUT_DEFAULT, defaultValue: undefined })
    .addOption({ name: "asset", description: "ETH, mUSD (the local demo token) or a token address", defaultValue: D.asset })
    .addOption({ name: "maintainer", description: "Who files claims", defaultValue: D.maintainer })
    .addOption({ name: "lines", description: 'Budget lines "name=cap/period", comma-separated, e.g. "hosting=0.3/30d,stipend=2/30d"', type: ArgumentType.STRING_WITHOUT_DEFAULT, defaultValue: undefined })
    .addOption({ name: "epoch", description: "Epoch length, 1h to 365d", defaultValue: D.epoch })
    .addOption({ name: "claimDelay", description: "Challenge window of a claim", defaultValue: D.claimDelay })
    .addOption({ name: "ruleChangeDelay", description: "Notice before a budget or rule change applies", defaultValue: D.ruleChangeDelay })
    .addOption({ name: "inactivityPeriod", description: "Silence after which the seat counts as abandoned", defaultValue: D.inactivityPeriod })
    .addOption({ name: "vacancyPeriod", description: "Open seat time after which the pool may wind down", defaultValue: D.vacancyPeriod })
    .addOption({ name: "objectionQuorum", description: "Matured weight that rejects a claim or change", defaultValue: D.objectionQuorum })
    .addOption({ name: "electionQuorum", description: "Votes a winner needs, of matured weight", defaultValue: D.electionQuorum })
    .addOption({ name: "recallThreshold", description: "Petition weight that opens a recall election", defaultValue: D.recallThreshold })
    .addOption({ name: "inKindWeight", description: "Weight of delivered in-kind value relative to money", defaultValue: D.inKindWeight })
    .addOption({ name: "weighting", description: "linear or quadratic", defaultValue: D.weighting })
    .addOption(FROM)
    .setAction(() => import("./pool/create.js"))
    .build(),

  task("pool:give", "Give to a pool, in its asset (\"0.05 ETH\", \"20 mUSD\"); a token with a signed permit (one transaction) where it takes one, else approved first")
    .addPositionalArgument(POOL)
    .addPositionalArgument({ name: "amount", description: 'How much, in the pool\'s asset: "0.05", "0.05 ETH", "20 mUSD"' })
    .addOption(FROM)
    .addFlag({ name: "approve", description: "Approve the pool first (a transaction of its own) instead of signing a permit" })
    .setAction(() => import("./pool/give.js"))
    .build(),

  task("pool:collect", "Collect a donor's due standing order in a token pool (anyone may); it counts like a gift")
    .addPositionalArgument(POOL)
    .addPositionalArgument({ name: "donor", description: "The donor whose standing order is due: an address or account number" })
    .addOption(FROM)
    .setAction(() => import("./pool/collect.js"))
    .build(),

  task("pool:claim", "File an expense claim (maintainer): reserves budget and opens the challenge window")
    .addPositionalArgument(POOL)
    .addPositionalArgument({ name: "line", description: "The budget line: its number or its name" })
    .addPositionalArgument({ name: "amount", description: 'How much, in the pool\'s asset: "0.2", "0.2 ETH", "120 mUSD"' })
    .addPositionalArgument({ name: "receipt", description: "The receipt file (invoice, PDF…): its keccak-256 hash is stored in the claim" })
    .addOption({ name: "uri", description: "Where donors can read the receipt (ipfs://…, https://…)", type: ArgumentType.STRING_WITHOUT_DEFAULT, defaultValue: undefined })
    .addOption({ name: "payee", description: "Who is paid: an address, an account number, or the sender", defaultValue: "sender" })
    .addOption(FROM)
    .addFlag(CALLDATA)
    .setAction(() => import("./pool/claim.js"))
    .build(),

  task("pool:object", "Object to a pending claim with your matured weight; enough objections reject it")
    .addPositionalArgument(POOL)
    .addPositionalArgument(CLAIM)
    .addOption(FROM)
    .setAction(() => import("./pool/object.js"))
    .build(),

  task("pool:pay", "Pay a claim whose challenge window has passed (anyone may)")
    .addPositionalArgument(POOL)
    .addPositionalArgument(CLAIM)
    .addOption(FROM)
    .setAction(() => import("./pool/pay.js"))
    .build(),

  task("pool:cancel", "Withdraw a pending claim (maintainer): its budget is freed")
    .addPositionalArgument(POOL)
    .addPositionalArgument(CLAIM)
    .addOption(FROM)
    .addFlag(CALLDATA)
    .setAction(() => import("./pool/cancel.js"))
    .build(),

  task("pool:propose-line", "Propose a budget line change (maintainer): change a line, add one (`new`) or close one (--cap 0); in force after the notice period unless contributors object")
    .addPositionalArgument(POOL)
    .addPositionalArgument({ name: "line", description: "The budget line: its number or its name, or `new` to add one" })
    .addOption(KEEP("name", "The line's name (at most 64 bytes); required for a new line, else kept"))
    .addOption(KEEP("cap", 'Most the line pays per period, in the pool\'s asset ("0.5", "120 mUSD"); 0 closes the line; required for a new line, else kept'))
    .addOption(KEEP("period", "The line's period, 1h to 10 years (30d, 2 weeks); required for a new line, else kept"))
    .addOption(FROM)
    .addFlag(CALLDATA)
    .setAction(() => import("./pool/propose-line.js"))
    .build(),

  task("pool:propose-rules", "Propose new rules (maintainer): each rule not given keeps its value; in force after the notice period unless contributors object")
    .addPositionalArgument(POOL)
    .addOption(KEEP("claimDelay", "Challenge window of a claim (1h to 10 years)"))
    .addOption(KEEP("ruleChangeDelay", "Notice before a budget or rule change applies (1h to 10 years)"))
    .addOption(KEEP("inactivityPeriod", "Silence after which the seat counts as abandoned (1h to 10 years)"))
    .addOption(KEEP("vacancyPeriod", "Open seat time after which the pool may wind down (1h to 10 years, at least two epochs)"))
    .addOption(KEEP("objectionQuorum", "Matured weight that rejects a claim or change (0.01% to 100%)"))
    .addOption(KEEP("electionQuorum", "Votes a winner needs, of matured weight (0.01% to 100%)"))
    .addOption(KEEP("recallThreshold", "Petition weight that opens a recall election (0.01% to 100%)"))
    .addOption(FROM)
    .addFlag(CALLDATA)
    .setAction(() => import("./pool/propose-rules.js"))
    .build(),

  task("pool:object-change", "Object to a proposed change during its notice period with your matured weight; enough objections reject it")
    .addPositionalArgument(POOL)
    .addPositionalArgument(PROPOSAL)
    .addOption(FROM)
    .setAction(() => import("./pool/object-change.js"))
    .build(),

  task("pool:apply-change", "Put a proposed change in force once its notice period has passed (anyone may)")
    .addPositionalArgument(POOL)
    .addPositionalArgument(PROPOSAL)
    .addOption(FROM)
    .setAction(() => import("./pool/apply-change.js"))
    .build(),

  task("pool:cancel-change", "Withdraw a pending proposed change (maintainer)")
    .addPositionalArgument(POOL)
    .addPositionalArgument(PROPOSAL)
    .addOption(FROM)
    .addFlag(CALLDATA)
    .setAction(() => import("./pool/cancel-change.js"))
    .build(),

  task("pool:step-down", "Step down as maintainer: the seat opens and an election is called")
    .addPositionalArgument(POOL)
    .addOption(FROM)
    .addFlag(CALLDATA)
    .setAction(() => import("./pool/step-down.js"))
    .build(),

  task("pool:check-in", "Check in as maintainer (heartbeat): shows the seat is not abandoned, so no election for inactivity")
    .addPositionalArgument(POOL)
    .addOption(FROM)
    .addFlag(CALLDATA)
    .setAction(() => import("./pool/check-in.js"))
    .build(),

  task("pool:call-election", "Call an election on an open seat, or on one whose maintainer was inactive for the inactivity period (anyone may)")
    .addPositionalArgument(POOL)
    .addOption(FROM)
    .setAction(() => import("./pool/call-election.js"))
    .build(),

  task("pool:nominate", "Nominate a candidate for the open seat (needs matured weight; while the election is nominating)")
    .addPositionalArgument(POOL)
    .addPositionalArgument({ name: "candidate", description: "The candidate's address (or account number)" })
    .addOption({ name: "name", description: "The candidate's statement: what to call them (at most 64 bytes)", type: ArgumentType.STRING_WITHOUT_DEFAULT, defaultValue: undefined })
    .addOption({ name: "uri", description: "The candidate's statement: where they say more, a data: or ipfs: URI (a candidate already nominated restates their own with --from themselves)", type: ArgumentType.STRING_WITHOUT_DEFAULT, defaultValue: undefined })
    .addOption(FROM)
    .setAction(() => import("./pool/nominate.js"))
    .build(),

  task("pool:vote", "Vote for a nominated candidate with your matured weight (once, during the voting epoch)")
    .addPositionalArgument(POOL)
    .addPositionalArgument({ name: "candidate", description: "The candidate's address (or account number)" })
    .addOption(FROM)
    .setAction(() => import("./pool/vote.js"))
    .build(),

  task("pool:finalize", "Finalize an election after its voting epoch: installs the leader if they reached quorum")
    .addPositionalArgument(POOL)
    .addOption(FROM)
    .setAction(() => import("./pool/finalize.js"))
    .build(),

  task("pool:wind-down", "Wind a pool down once its seat has stayed open for the vacancy period (anyone may)")
    .addPositionalArgument(POOL)
    .addOption(FROM)
    .setAction(() => import("./pool/wind-down.js"))
    .build(),

  task("pool:reclaim", "Reclaim your pro-rata share of a wound-down pool")
    .addPositionalArgument(POOL)
    .addOption(FROM)
    .setAction(() => import("./pool/reclaim.js"))
    .build(),
];
