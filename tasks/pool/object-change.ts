import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { eventIn, weightFormatter } from "../../scripts/lib/actions.js";
import { runPotluckTask } from "../../scripts/lib/cli.js";
import { describeProposal, pendingProposal, refusal } from "../../scripts/lib/proposals.js";
import { confirm } from "../../scripts/lib/potluck.js";

interface Args { pool: string; proposal: string; from: string }

export default async function objectChange({ pool: ref, proposal, from }: Args, hre: HardhatRuntimeEnvironment) {
  return runPotluckTask(hre, async (ctx) => {
    // What objectToChange would refuse, in its order, checked before anything is sent: first, a change no longer pending.
    const { opened, id, p, fields, signer } = await pendingProposal(ctx, ref, proposal, from);
    const { pool, entry } = opened;
    if (ctx.explain.now !== undefined && ctx.explain.now >= p.effectiveAt) throw refusal(ctx, "PoolChangeWindowClosed", [id, p.effectiveAt]);
    if (await pool.hasObjectedToChange(id, signer.address)) throw refusal(ctx, "PoolAlreadyObjectedToChange", [id, signer.address]);
    if ((await pool.weightOf(signer.address)) === 0n) throw refusal(ctx, "PoolNoWeight", [signer.address]);

    const what = await describeProposal(opened, fields);
    const { logs } = await confirm(`Objected to change #${id} of ${entry.label} (${what}) as ${signer.address}`, pool.connect(signer).objectToChange(id));
    const objected = eventIn(opened, logs, "ChangeObjected");
    const weight = await weightFormatter(opened);
    if (eventIn(opened, logs, "ChangeRejected") !== undefined) {
      ctx.out(`  Objections reached the quorum: change #${id} is rejected and will not take effect.`);
    } else if (objected !== undefined) {
      ctx.out(`  Your weight: ${weight(objected.args.weight as bigint)}. Still needed to reject it: ${weight(objected.args.toReject as bigint)}.`);
    }
  });
}
