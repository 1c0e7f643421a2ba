// Budget and rules changes through the command line: `pool:propose-line`, `pool:propose-rules`,
// `pool:object-change`, `pool:cancel-change` and `pool:apply-change`, run as Hardhat runs the tasks (`hre.tasks`) against the
// in-process network, on the seeded demo. Each happy path is checked against the pool's views (what the
// proposal records, when it takes effect), `--calldata` against the call it decodes to, and each refusal
// fails in one sentence having printed nothing and mined no block.
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import hre from "hardhat";
import type { NetworkConnection } from "hardhat/types/network";
import { ETH as ETH_UNITS, formatDate } from "@potluck/core";
import { explainError } from "../scripts/lib/errors.js";
import { loadErrorInterface } from "../scripts/lib/potluck.js";
import { commandLine } from "./helpers/command-line.js";

const DAY = 86_400n;
const ETH = 10n ** 18n;
const ProposalStatus = { Pending: 1n, Rejected: 3n, Cancelled: 4n } as const;

describe("budget and rules changes through the command line", function () {
  this.timeout(300_000);

  const cli = commandLine("cli-changes");
  const { run, ok, refuses, poolAt } = cli;
  let connection: NetworkConnection;
  let signers: HardhatEthersSigner[];
  before(() => ({ connection, signers } = cli));
  const latest = async () => BigInt((await connection.ethers.provider.getBlock("latest"))!.timestamp);
  /** The transaction `--calldata` printed: to, value, data. */
  const printed = (out: string) => ({
    to: /^ {2}to {5}(0x[0-9a-fA-F]{40})$/m.exec(out)![1],
    value: /^ {2}value {2}(\d+)$/m.exec(out)![1],
    data: /^ {2}data {3}(0x[0-9a-f]*)$/m.exec(out)![1],
  });
  /** The fields a proposal records, as plain values. */
  const recorded = async (index: number, id: bigint) => {
    const p = await (await poolAt(index)).proposal(id);
    return {
      kind: p.kind, status: p.status, effectiveAt: p.effectiveAt, line: p.line, changes: p.changes, cap: p.cap, period: p.period, name: p.name,
      rules: [p.rules.claimDelay, p.rules.ruleChangeDelay, p.rules.inactivityPeriod, p.rules.vacancyPeriod, p.rules.objectionQuorumBps, p.rules.electionQuorumBps, p.rules.recallThresholdBps],
    };
  };
  const NO_RULES = [0n, 0n, 0n, 0n, 0n, 0n, 0n];

  // Tiny Type Checker (pool 0): maintainer account 1, two days' notice, lines hosting 0.3 ETH, CI runners 0.2 ETH
  // and maintainer stipend 2 ETH, each per 30 days; the seed left change #0 (a new line) pending.

  it("pool:propose-line changes a line by name or number; fields not given keep their values, and the proposal records only what differs", async function () {
    const pool = await poolAt(0);
    expect(await pool.proposalCount()).to.equal(1n);
    const out = await ok("pool:propose-line", { pool: "0", line: "hosting", cap: "0.5 ETH", from: "1" });
    const at = await latest();
    expect(out).to.match(/^✓ Proposed a change to Tiny Type Checker: line 0 "hosting": cap 0\.3 ETH → 0\.5 ETH {2}\(tx /);
    expect(await recorded(0, 1n)).to.deep.equal({
      kind: 1n, status: ProposalStatus.Pending, effectiveAt: at + 2n * DAY, line: 0n, changes: 2n, cap: 5n * ETH / 10n, period: 0n, name: "", rules: NO_RULES,
    });
    expect(out).to.include(`  Change #1 takes effect from ${formatDate(at + 2n * DAY)} (in 2d), once anyone applies it (\`pool:apply-change 0 1\`).`);
    expect(out).to.match(/Until then contributors can object \(`pool:object-change 0 1`\): [\d.]+ ETH of weight rejects it\./);
    expect(out).to.include("`pool:cancel-change 0 1`");

    // By number, renaming and changing the period: the cap, not given, is kept (and not recorded).
    expect(await ok("pool:propose-line", { pool: "0", line: "#1", name: "CI", period: "7d", from: "1" }))
      .to.match(/✓ Proposed a change to Tiny Type Checker: line 1 "CI runners": renamed "CI", period 30d → 7d /);
    expect(await recorded(0, 2n)).to.deep.include({ line: 1n, changes: 5n, cap: 0n, period: 7n * DAY, name: "CI" });
    // The line itself is unchanged until the change is applied.
    expect((await pool.budgetLine(1)).slice(0, 3)).to.deep.equal(["CI runners", 2n * ETH / 10n, 30n * DAY]);
  });

  it("pool:propose-line adds a line with `new` and closes one with --cap 0; pool:status lists them pending", async function () {
    const out = await ok("pool:propose-line", { pool: "0", line: "new", name: "translations", cap: "0.2", period: "2 weeks", from: "1" });
    expect(out).to.match(/✓ Proposed a change to Tiny Type Checker: new line "translations": 0\.2 ETH per 14d /);
    expect(await recorded(0, 3n)).to.deep.include({ line: 0xffffn, changes: 7n, cap: 2n * ETH / 10n, period: 14n * DAY, name: "translations" });

    expect(await ok("pool:propose-line", { pool: "0", line: "maintainer stipend", cap: "0", from: "1" }))
      .to.match(/✓ Proposed a change to Tiny Type Checker: line 2 "maintainer stipend": closed \(cap 2 ETH → 0\) /);
    expect(await recorded(0, 4n)).to.deep.include({ line: 2n, changes: 2n, cap: 0n, period: 0n, name: "" });

    const status = await ok("pool:status", { pool: "0" });
    expect(status).to.match(/Proposed changes: 5 in all, 5 pending/);
    expect(status).to.match(/#1 line 0 "hosting": cap 0\.3 ETH → 0\.5 ETH; takes effect in (2d|1d 23h)/);
    expect(status).to.match(/#3 new line "translations": 0\.2 ETH per 14d; takes effect in (2d|1d 23h)/);
    expect(status).to.match(/#4 line 2 "maintainer stipend": closed \(cap 2 ETH → 0\); takes effect in (2d|1d 23h)/);
  });

  it("pool:propose-line refuses before sending: not the maintainer, an unknown line, bad input, a change that changes nothing", async function () {
    const notMaintainer = new RegExp(`^Error: Only the pool's maintainer can do this, and ${signers[2].address} is not the maintainer\\.$`);
    await refuses("pool:propose-line", { pool: "0", line: "hosting", cap: "0.5", from: "2" }, notMaintainer);
    await refuses("pool:propose-line", { pool: "0", line: "catering", cap: "0.5", from: "1" },
      /^Error: Tiny Type Checker has no budget line named "catering"\. Its lines: 0 hosting, 1 CI runners, 2 maintainer stipend \(or `new` to add one\)\.$/);
    // The number of the next line would add one on chain: adding is said with `new`.
    await refuses("pool:propose-line", { pool: "0", line: "3", cap: "0.5", from: "1" }, /^Error: Tiny Type Checker has no budget line 3: its lines are 0 to 2\. Write `new` to add one\.$/);
    await refuses("pool:propose-line", { pool: "0", line: "new", name: "design", cap: "0.5", from: "1" }, /^Error: A new line needs --name, --cap and --period/);
    await refuses("pool:propose-line", { pool: "0", line: "hosting", from: "1" }, /^Error: Say what to change on line 0 \("hosting"\): --name, --cap \(0 closes it\) or --period\.$/);
    await refuses("pool:propose-line", { pool: "0", line: "hosting", period: "soon", from: "1" }, /^Error: "soon" is not a duration/);
    await refuses("pool:propose-line", { pool: "0", line: "hosting", period: "10m", from: "1" }, /^Error: The budget line's period must be between 1 hour and 10 years \(got 10m\)\.$/);
    await refuses("pool:propose-line", { pool: "0", line: "hosting", cap: "1 mUSD", from: "1" }, /^Error: "1 mUSD" is in mUSD, but this pool holds ETH/);
    await refuses("pool:propose-line", { pool: "0", line: "new", name: "design", cap: "0", period: "30d", from: "1" },
      /^Error: The budget line cap must be more than zero and fit in 96 bits \(got 0 ETH\)\.$/);
    await refuses("pool:propose-line", { pool: "0", line: "hosting", name: "x".repeat(65), from: "1" }, /^Error: The budget line's name must be 1 to 64 bytes long \(got 65 bytes\)\.$/);
    await refuses("pool:propose-line", { pool: "0", line: "hosting", cap: "0.3", period: "30 days", from: "1" },
      /^Error: Budget line 0 already has this name, cap and period: the change would change nothing\.$/);
    // The Margins (pool 2): the seat is open.
    await refuses("pool:propose-line", { pool: "2", line: "0", cap: "1", from: "3" }, new RegExp(`^Error: Only the pool's maintainer can do this, and ${signers[3].address} is not the maintainer\\.$`));
    await refuses("pool:propose-line", { pool: "2", line: "0", cap: "1", calldata: true }, /^Error: The Margins has no maintainer: the seat is open, so there is no one to send this\.$/);
  });

  it("pool:propose-rules changes the rules given, keeps the others, and refuses before sending when nothing changes or a rule is out of range", async function () {
    const out = await ok("pool:propose-rules", { pool: "0", claimDelay: "1d", objectionQuorum: "25%", from: "1" });
    const at = await latest();
    expect(out).to.match(/^✓ Proposed a change to Tiny Type Checker: rules: claim delay 6h → 1d, objection quorum 20% → 25% {2}\(tx /);
    expect(out).to.include(`  Change #5 takes effect from ${formatDate(at + 2n * DAY)} (in 2d), once anyone applies it (\`pool:apply-change 0 5\`).`);
    // Bit 0 (claimDelay) and bit 4 (objectionQuorumBps); the rules not changed read 0.
    expect(await recorded(0, 5n)).to.deep.equal({
      kind: 2n, status: ProposalStatus.Pending, effectiveAt: at + 2n * DAY, line: 0n, changes: 17n, cap: 0n, period: 0n, name: "",
      rules: [DAY, 0n, 0n, 0n, 2_500n, 0n, 0n],
    });
    expect((await (await poolAt(0)).rules()).claimDelay).to.equal(6n * 3_600n);

    await refuses("pool:propose-rules", { pool: "0", from: "1" }, /^Error: Say which rules to change: --claim-delay, --rule-change-delay, --inactivity-period, --vacancy-period, --objection-quorum, --election-quorum, --recall-threshold/);
    await refuses("pool:propose-rules", { pool: "0", claimDelay: "6h", objectionQuorum: "20%", from: "1" }, /^Error: These are the rules in force: the change would change nothing\.$/);
    await refuses("pool:propose-rules", { pool: "0", claimDelay: "1d", from: "2" }, new RegExp(`^Error: Only the pool's maintainer can do this, and ${signers[2].address} is not the maintainer\\.$`));
    // Epochs of an hour: a vacancy shorter than two of them is refused, as is anything beyond ten years.
    await refuses("pool:propose-rules", { pool: "0", vacancyPeriod: "1h", from: "1" }, /^Error: The vacancy period must be between 1 hour and 10 years, and at least two epochs \(got 1h\)\.$/);
    await refuses("pool:propose-rules", { pool: "0", claimDelay: "4000d", from: "1" }, /^Error: The claim delay must be between 1 hour and 10 years \(got 10y 350d\)\.$/);
    await refuses("pool:propose-rules", { pool: "0", inactivityPeriod: "100y", from: "1" }, /^Error: The inactivity period must be between 1 hour and 10 years \(got 100y/);
    await refuses("pool:propose-rules", { pool: "0", objectionQuorum: "0%", from: "1" }, /^Error: The objection quorum must be between 0\.01% and 100% \(got 0%\)\.$/);
    await refuses("pool:propose-rules", { pool: "0", electionQuorum: "120%", from: "1" }, /^Error: --election-quorum: "120%" is more than 100%\.$/);
    await refuses("pool:propose-rules", { pool: "0", recallThreshold: "12.345%", from: "1" }, /^Error: --recall-threshold: "12\.345%" is finer than the contract counts/);
    await refuses("pool:propose-rules", { pool: "0", ruleChangeDelay: "a while", from: "1" }, /^Error: --rule-change-delay: "a while" is not a duration/);
  });

  it("each refusal checked before sending is the sentence the contract's own revert decodes to", async function () {
    const pool = await poolAt(0);
    const errors = await loadErrorInterface(hre);
    const rules = await pool.rules();
    const inForce = {
      claimDelay: rules.claimDelay, ruleChangeDelay: rules.ruleChangeDelay, inactivityPeriod: rules.inactivityPeriod, vacancyPeriod: rules.vacancyPeriod,
      objectionQuorumBps: rules.objectionQuorumBps, electionQuorumBps: rules.electionQuorumBps, recallThresholdBps: rules.recallThresholdBps,
    };
    /** The sentence the pool's revert of `call` decodes to, as the tasks decode a failed transaction. */
    const decoded = async (call: () => Promise<unknown>) => {
      try {
        await call();
      } catch (error) {
        return explainError(error, errors, { asset: ETH_UNITS, commands: true, now: await latest() });
      }
      throw new Error("the contract took it");
    };
    const cliSentence = async (id: string, args: Record<string, unknown>) => {
      const r = await run(id, args);
      expect(r.success, `${id} should fail`).to.equal(false);
      return r.err.replace(/^Error: /, "");
    };
    const maintainer = pool.connect(signers[1]);
    const cases: Array<[string, Record<string, unknown>, () => Promise<unknown>]> = [
      ["pool:propose-line", { pool: "0", line: "hosting", cap: "0.5", from: "2" }, () => pool.connect(signers[2]).proposeBudgetChange.staticCall(0, "hosting", ETH / 2n, 30n * DAY)],
      ["pool:propose-line", { pool: "0", line: "hosting", period: "10m", from: "1" }, () => maintainer.proposeBudgetChange.staticCall(0, "hosting", 3n * ETH / 10n, 600)],
      ["pool:propose-line", { pool: "0", line: "hosting", name: "x".repeat(65), from: "1" }, () => maintainer.proposeBudgetChange.staticCall(0, "x".repeat(65), 3n * ETH / 10n, 30n * DAY)],
      ["pool:propose-line", { pool: "0", line: "new", name: "design", cap: "0", period: "30d", from: "1" }, () => maintainer.proposeBudgetChange.staticCall(3, "design", 0, 30n * DAY)],
      ["pool:propose-line", { pool: "0", line: "hosting", cap: "0.3", from: "1" }, () => maintainer.proposeBudgetChange.staticCall(0, "hosting", 3n * ETH / 10n, 30n * DAY)],
      ["pool:propose-rules", { pool: "0", claimDelay: "1d", from: "2" }, () => pool.connect(signers[2]).proposeRulesChange.staticCall({ ...inForce, claimDelay: DAY })],
      ["pool:propose-rules", { pool: "0", vacancyPeriod: "1h", from: "1" }, () => maintainer.proposeRulesChange.staticCall({ ...inForce, vacancyPeriod: 3_600n })],
      ["pool:propose-rules", { pool: "0", claimDelay: "4000d", from: "1" }, () => maintainer.proposeRulesChange.staticCall({ ...inForce, claimDelay: 4_000n * DAY })],
      ["pool:propose-rules", { pool: "0", objectionQuorum: "0%", from: "1" }, () => maintainer.proposeRulesChange.staticCall({ ...inForce, objectionQuorumBps: 0n })],
      ["pool:propose-rules", { pool: "0", claimDelay: "6h", from: "1" }, () => maintainer.proposeRulesChange.staticCall(inForce)],
      ["pool:object-change", { pool: "0", proposal: "1", from: "2" }, () => pool.connect(signers[2]).objectToChange.staticCall(1n)],
      ["pool:cancel-change", { pool: "0", proposal: "1", from: "2" }, () => pool.connect(signers[2]).cancelChange.staticCall(1n)],
      ["pool:apply-change", { pool: "0", proposal: "1", from: "2" }, () => pool.connect(signers[2]).applyChange.staticCall(1n)],
    ];
    for (const [id, args, call] of cases) {
      const sentence = await decoded(call);
      expect(sentence, `${id} ${JSON.stringify(args)}: the contract's refusal is decoded`).to.be.a("string").and.not.match(/does not know/);
      expect(await cliSentence(id, args), `${id} ${JSON.stringify(args)}`).to.equal(sentence);
    }
  });

  it("--calldata prints proposeBudgetChange, proposeRulesChange and cancelChange for a Safe to propose, checked as the maintainer, and sends nothing", async function () {
    const pool = await poolAt(0);
    const maintainer = signers[1];
    const before = await connection.ethers.provider.getBlockNumber();

    const lineOut = await ok("pool:propose-line", { pool: "0", line: "CI runners", cap: "0.25", calldata: true });
    expect(lineOut).to.include(`Propose for Tiny Type Checker: line 1 "CI runners": cap 0.2 ETH → 0.25 ETH (in force 2d after it is mined, unless contributors object): the transaction for the maintainer ${maintainer.address} to send`);
    expect(lineOut).to.include("Nothing was sent.");
    const lineTx = printed(lineOut);
    expect([lineTx.to, lineTx.value]).to.deep.equal([await pool.getAddress(), "0"]);
    // The fields not given are the line's own: the contract records only the cap.
    expect(pool.interface.decodeFunctionData("proposeBudgetChange", lineTx.data).toArray()).to.deep.equal([1n, "CI runners", 25n * ETH / 100n, 30n * DAY]);

    const rulesOut = await ok("pool:propose-rules", { pool: "0", inactivityPeriod: "60d", calldata: true });
    expect(rulesOut).to.include("Propose for Tiny Type Checker: rules: inactivity period 90d → 60d (in force 2d after it is mined");
    const rulesTx = printed(rulesOut);
    const [rules] = pool.interface.decodeFunctionData("proposeRulesChange", rulesTx.data).toArray() as [bigint[]];
    expect([...rules]).to.deep.equal([6n * 3_600n, 2n * DAY, 60n * DAY, 30n * DAY, 2_000n, 2_500n, 3_000n]);

    // Checked as the maintainer would send it: a refusal reads as usual.
    await refuses("pool:propose-rules", { pool: "0", claimDelay: "6h", calldata: true }, /^Error: These are the rules in force: the change would change nothing\.$/);
    expect(await connection.ethers.provider.getBlockNumber()).to.equal(before);

    // Sent by the maintainer, the printed transactions make the proposals.
    const count = await pool.proposalCount();
    await (await maintainer.sendTransaction({ to: lineTx.to, data: lineTx.data })).wait();
    await (await maintainer.sendTransaction({ to: rulesTx.to, data: rulesTx.data })).wait();
    expect(await recorded(0, count)).to.deep.include({ kind: 1n, line: 1n, changes: 2n, cap: 25n * ETH / 100n });
    expect(await recorded(0, count + 1n)).to.deep.include({ kind: 2n, changes: 4n, rules: [0n, 0n, 60n * DAY, 0n, 0n, 0n, 0n] });

    const cancelOut = await ok("pool:cancel-change", { pool: "0", proposal: String(count), calldata: true });
    expect(cancelOut).to.include(`Withdraw change #${count} of Tiny Type Checker (line 1 "CI runners": cap 0.2 ETH → 0.25 ETH)`);
    const cancelTx = printed(cancelOut);
    expect(cancelTx.data).to.equal(pool.interface.encodeFunctionData("cancelChange", [count]));
    await (await maintainer.sendTransaction({ to: cancelTx.to, data: cancelTx.data })).wait();
    expect((await pool.proposal(count)).status).to.equal(ProposalStatus.Cancelled);
    await refuses("pool:cancel-change", { pool: "0", proposal: String(count), calldata: true }, new RegExp(`^Error: Proposed change #${count} is no longer pending: it is cancelled\\.$`));
    await refuses("pool:cancel-change", { pool: "2", proposal: "0", calldata: true }, /has no proposed change #0: no change was proposed yet\./);
  });

  it("pool:object-change objects with matured weight and pool:cancel-change withdraws a change; each refusal comes before sending", async function () {
    const pool = await poolAt(0);
    const objector = signers[10]; // gave to Tiny Type Checker in the seed
    const { toReject } = await pool.proposal(1n);
    const out = await ok("pool:object-change", { pool: "0", proposal: "#1", from: "10" });
    expect(out).to.match(new RegExp(`^✓ Objected to change #1 of Tiny Type Checker \\(line 0 "hosting": cap 0\\.3 ETH → 0\\.5 ETH\\) as ${objector.address} `));
    const weight = await pool.weightOf(objector.address);
    expect(weight).to.be.greaterThan(0n);
    expect(weight).to.be.lessThan(toReject);
    expect(await pool.hasObjectedToChange(1n, objector.address)).to.equal(true);
    expect((await pool.proposal(1n)).toReject).to.equal(toReject - weight);
    expect(out).to.match(/Your weight: [\d.]+ ETH\. Still needed to reject it: [\d.]+ ETH\./);

    await refuses("pool:object-change", { pool: "0", proposal: "1", from: "10" }, new RegExp(`^Error: ${objector.address} has already objected to proposed change #1\\.$`));
    // Account 2 never gave to this pool.
    await refuses("pool:object-change", { pool: "0", proposal: "1", from: "2" },
      new RegExp(`^Error: ${signers[2].address} has no matured weight in this pool: a gift counts from the start of the epoch after it was made\\.$`));
    const count = await pool.proposalCount();
    await refuses("pool:object-change", { pool: "0", proposal: "#99", from: "10" }, new RegExp(`^Error: Tiny Type Checker has no proposed change #99: its changes are #0 to #${count - 1n}\\.$`));
    await refuses("pool:object-change", { pool: "0", proposal: "latest", from: "10" }, /^Error: "latest" is not a proposed change: give its number/);

    await refuses("pool:cancel-change", { pool: "0", proposal: "1", from: "2" }, new RegExp(`^Error: Only the pool's maintainer can do this, and ${signers[2].address} is not the maintainer\\.$`));
    expect(await ok("pool:cancel-change", { pool: "0", proposal: "1", from: "1" }))
      .to.match(/^✓ Withdrew change #1 of Tiny Type Checker: line 0 "hosting": cap 0\.3 ETH → 0\.5 ETH {2}\(tx [\s\S]*It will not take effect\.$/);
    expect((await pool.proposal(1n)).status).to.equal(ProposalStatus.Cancelled);
    await refuses("pool:cancel-change", { pool: "0", proposal: "1", from: "1" }, /^Error: Proposed change #1 is no longer pending: it is cancelled\.$/);
    await refuses("pool:object-change", { pool: "0", proposal: "1", from: "11" }, /^Error: Proposed change #1 is no longer pending: it is cancelled\.$/);
  });

  it("objections that reach the quorum reject a change; once the notice period is over they are refused and pool:apply-change puts it in force", async function () {
    const created = await ok("pool:create", { name: "Changes", lines: "rent=0.5/30d", epoch: "1h", ruleChangeDelay: "1d", from: "5" });
    const index = /Pool #(\d+) at/.exec(created)![1];
    const pool = await poolAt(Number(index));
    await ok("pool:give", { pool: index, amount: "0.1", from: "6" });
    await connection.networkHelpers.time.increaseTo((await pool.genesis()) + 3_600n + 60n);

    await ok("pool:propose-line", { pool: index, line: "rent", cap: "0.6", from: "5" });
    // Account 6 holds all the matured weight: its objection alone rejects the change.
    expect(await ok("pool:object-change", { pool: index, proposal: "0", from: "6" })).to.match(/Objections reached the quorum: change #0 is rejected and will not take effect\./);
    expect((await pool.proposal(0n)).status).to.equal(ProposalStatus.Rejected);
    await refuses("pool:cancel-change", { pool: index, proposal: "0", from: "5" }, /^Error: Proposed change #0 is no longer pending: it is rejected\.$/);

    await ok("pool:propose-rules", { pool: index, claimDelay: "12h", from: "5" });
    await ok("pool:propose-line", { pool: index, line: "new", name: "tools", cap: "0.1", period: "7d", from: "5" });
    const { effectiveAt } = await pool.proposal(1n);
    await refuses("pool:apply-change", { pool: index, proposal: "1", from: "7" },
      new RegExp(`^Error: Proposed change #1 is still in its notice period: it can take effect from ${formatDate(effectiveAt)} \\(in (1d|23h 59m)\\)\\.$`));
    await connection.networkHelpers.time.increaseTo(effectiveAt + 10n);
    expect(await ok("pool:status", { pool: index })).to.match(/#1 rules: claim delay 3d → 12h; takes effect now \(anyone may apply it\)/);
    await refuses("pool:object-change", { pool: index, proposal: "1", from: "6" },
      new RegExp(`^Error: The notice period of proposed change #1 ended at ${formatDate(effectiveAt)} \\(10s ago\\): objections are no longer taken\\.$`));

    // pool:apply-change: anyone puts a change in force once its notice is over.
    expect(await ok("pool:apply-change", { pool: index, proposal: "1", from: "7" })).to.match(/^✓ Applied change #1 of Changes: rules: claim delay 3d → 12h /);
    expect((await pool.rules()).claimDelay).to.equal(12n * 3_600n);
    expect(await ok("pool:apply-change", { pool: index, proposal: "#2", from: "7" })).to.match(/^✓ Applied change #2 of Changes: new line "tools": 0\.1 ETH per 7d [\s\S]*The new line is line 1\.$/);
    expect((await pool.budgetLine(1)).slice(0, 3)).to.deep.equal(["tools", ETH / 10n, 7n * DAY]);
    expect((await pool.proposal(2n)).status).to.equal(2n); // applied
    await refuses("pool:apply-change", { pool: index, proposal: "1", from: "7" }, /^Error: Proposed change #1 is no longer pending: it is applied\.$/);
    await refuses("pool:apply-change", { pool: index, proposal: "0", from: "7" }, /^Error: Proposed change #0 is no longer pending: it is rejected\.$/);
  });
});
