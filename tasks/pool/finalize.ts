import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { eventIn, poolFor, weightFormatter } from "../../scripts/lib/actions.js";
import { runPotluckTask } from "../../scripts/lib/cli.js";
import { confirm, signerFor } from "../../scripts/lib/potluck.js";

interface Args { pool: string; from: string }

export default async function finalize({ pool: ref, from }: Args, hre: HardhatRuntimeEnvironment) {
  return runPotluckTask(hre, async (ctx) => {
    const opened = await poolFor(ctx, ref);
    ctx.explain.action = "finalize";
    const signer = await signerFor(ctx.potluck, from);
    const { logs } = await confirm(`Finalized the election of ${opened.entry.label}`, opened.pool.connect(signer).finalizeElection());
    const result = eventIn(opened, logs, "ElectionFinalized");
    if (result?.args.installed === true) {
      ctx.out(`  ${result.args.leader} won with ${(await weightFormatter(opened))(result.args.votes as bigint)} and is the new maintainer.`);
    } else {
      ctx.out("  No candidate reached the quorum: the seat stays as it was. A new election can be called.");
    }
  });
}
