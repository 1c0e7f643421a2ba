import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { electionSchedule, eventIn, poolFor } from "../../scripts/lib/actions.js";
import { runPotluckTask } from "../../scripts/lib/cli.js";
import { confirm, signerFor } from "../../scripts/lib/potluck.js";
import { formatDate } from "@potluck/core";

interface Args { pool: string; from: string }

export default async function callElection({ pool: ref, from }: Args, hre: HardhatRuntimeEnvironment) {
  return runPotluckTask(hre, async (ctx) => {
    const opened = await poolFor(ctx, ref);
    const signer = await signerFor(ctx.potluck, from);
    const [, lastActive] = await opened.pool.seat();
    const { logs } = await confirm(`Called an election in ${opened.entry.label}`, opened.pool.connect(signer).callElection());
    // A seat whose maintainer was inactive for the inactivity period opens with the call.
    const previous = eventIn(opened, logs, "MaintainerChanged")?.args.previous as string | undefined;
    if (previous !== undefined) ctx.out(`  The maintainer ${previous} had been inactive since ${formatDate(lastActive)}: the seat is now open.`);
    ctx.out(`  ${await electionSchedule(ctx, opened)}`);
  });
}
