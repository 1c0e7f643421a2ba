import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { claimIdFor, eventIn, poolFor, weightFormatter } from "../../scripts/lib/actions.js";
import { runPotluckTask } from "../../scripts/lib/cli.js";
import { confirm, signerFor } from "../../scripts/lib/potluck.js";

interface Args { pool: string; claim: string; from: string }

export default async function object({ pool: ref, claim, from }: Args, hre: HardhatRuntimeEnvironment) {
  return runPotluckTask(hre, async (ctx) => {
    const opened = await poolFor(ctx, ref);
    const { id, number } = await claimIdFor(ctx, opened, claim);
    const signer = await signerFor(ctx.potluck, from);
    const { logs } = await confirm(`Objected to claim #${number} of ${opened.entry.label} as ${signer.address}`, opened.pool.connect(signer).object(id));
    const objected = eventIn(opened, logs, "ClaimObjected");
    const weight = await weightFormatter(opened);
    if (eventIn(opened, logs, "ClaimRejected") !== undefined) {
      ctx.out(`  Objections reached the quorum: claim #${number} is rejected and its budget freed.`);
    } else if (objected !== undefined) {
      ctx.out(`  Your weight: ${weight(objected.args.weight as bigint)}. Still needed to reject it: ${weight(objected.args.toReject as bigint)}.`);
    }
  });
}
