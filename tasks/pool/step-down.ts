import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { electionSchedule, poolFor } from "../../scripts/lib/actions.js";
import { printMaintainerCall } from "../../scripts/lib/calldata.js";
import { runPotluckTask } from "../../scripts/lib/cli.js";
import { confirm, signerFor } from "../../scripts/lib/potluck.js";

interface Args { pool: string; from: string; calldata: boolean }

export default async function stepDown({ pool: ref, from, calldata }: Args, hre: HardhatRuntimeEnvironment) {
  return runPotluckTask(hre, async (ctx) => {
    const opened = await poolFor(ctx, ref);
    if (calldata) {
      await printMaintainerCall(ctx, opened, `Step down as maintainer of ${opened.entry.label}`, opened.pool.interface.encodeFunctionData("stepDown"));
      return;
    }
    const signer = await signerFor(ctx.potluck, from);
    const [status] = await opened.pool.seat();
    await confirm(`Stepped down as maintainer of ${opened.entry.label} (${signer.address})`, opened.pool.connect(signer).stepDown());
    // Under recall, leaving voids the pending claims and the recall election goes on for the vacancy.
    if (status === 1n) ctx.out("  A recall was running: your pending claims are void, and its election now fills the seat.");
    ctx.out(`  The seat is open. ${await electionSchedule(ctx, opened)}`);
  }, { readOnly: calldata });
}
