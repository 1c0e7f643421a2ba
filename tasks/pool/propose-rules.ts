import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { poolFor } from "../../scripts/lib/actions.js";
import { printMaintainerCall } from "../../scripts/lib/calldata.js";
import { RULE_FIELDS, rulesChanges, rulesRefusal, type RuleKey, type RulesFields } from "../../scripts/lib/changes.js";
import { runPotluckTask } from "../../scripts/lib/cli.js";
import { checkMaintainer, describeProposal, maintainerToSend, printProposed, refusal, rulesInForce } from "../../scripts/lib/proposals.js";
import { formatDuration, parseBps, parseDuration, PotluckError } from "@potluck/core";
import { confirm, signerFor } from "../../scripts/lib/potluck.js";

/** Each rule's flag (as the task names it) by its key in `Rules`: the same flags as `pool:create`'s. */
const FLAGS = {
  claimDelay: "claimDelay",
  ruleChangeDelay: "ruleChangeDelay",
  inactivityPeriod: "inactivityPeriod",
  vacancyPeriod: "vacancyPeriod",
  objectionQuorumBps: "objectionQuorum",
  electionQuorumBps: "electionQuorum",
  recallThresholdBps: "recallThreshold",
} as const satisfies Record<RuleKey, string>;

type Args = Partial<Record<(typeof FLAGS)[RuleKey], string>> & { pool: string; from: string; calldata: boolean };

/** `claimDelay` → `--claim-delay`. */
const flag = (name: string) => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

export default async function proposeRules(args: Args, hre: HardhatRuntimeEnvironment) {
  return runPotluckTask(hre, async (ctx) => {
    const opened = await poolFor(ctx, args.pool);
    const { pool, entry } = opened;
    const inForce = await rulesInForce(opened);

    // Rules not given keep the values in force: the contract records only the ones that differ.
    const proposed: RulesFields = { ...inForce };
    let any = false;
    for (const [key] of RULE_FIELDS) {
      const text = args[FLAGS[key]];
      if (text === undefined || text === "") continue;
      any = true;
      try {
        proposed[key] = key.endsWith("Bps") ? BigInt(parseBps(text)) : parseDuration(text);
      } catch (error) {
        if (error instanceof PotluckError) throw new PotluckError(`${flag(FLAGS[key])}: ${error.message}`);
        throw error;
      }
    }
    if (!any) {
      throw new PotluckError(`Say which rules to change: ${Object.values(FLAGS).map(flag).join(", ")} (durations like 3d, shares like 20%).`);
    }

    // What proposeRulesChange would refuse, in its order, checked before anything is sent.
    const signer = args.calldata ? undefined : await signerFor(ctx.potluck, args.from);
    await checkMaintainer(ctx, opened, signer?.address ?? await maintainerToSend(opened));
    const invalid = rulesRefusal(proposed, await pool.epochLength());
    if (invalid !== undefined) throw refusal(ctx, "PoolInvalidParameter", invalid);
    const changes = rulesChanges(inForce, proposed);
    if (changes === 0n) throw refusal(ctx, "PoolChangesNothing", [2n, 0n]);

    const stored = Object.fromEntries(RULE_FIELDS.map(([key], i) => [key, (changes >> BigInt(i)) & 1n ? proposed[key] : 0n])) as RulesFields;
    const what = await describeProposal(opened, { kind: 2n, line: 0n, changes, cap: 0n, period: 0n, name: "", rules: stored });
    if (signer === undefined) { // --calldata
      const data = pool.interface.encodeFunctionData("proposeRulesChange", [proposed]);
      await printMaintainerCall(ctx, opened, `Propose for ${entry.label}: ${what} (in force ${formatDuration(inForce.ruleChangeDelay)} after it is mined, unless contributors object)`, data);
      return;
    }
    const { logs } = await confirm(`Proposed a change to ${entry.label}: ${what}`, pool.connect(signer).proposeRulesChange(proposed));
    await printProposed(ctx, opened, logs);
  }, { readOnly: args.calldata });
}
