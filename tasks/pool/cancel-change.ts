import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { poolFor } from "../../scripts/lib/actions.js";
import { printMaintainerCall } from "../../scripts/lib/calldata.js";
import { runPotluckTask } from "../../scripts/lib/cli.js";
import { checkMaintainer, checkPending, describeProposal, maintainerToSend, proposalFor } from "../../scripts/lib/proposals.js";
import { confirm, signerFor } from "../../scripts/lib/potluck.js";

interface Args { pool: string; proposal: string; from: string; calldata: boolean }

export default async function cancelChange({ pool: ref, proposal, from, calldata }: Args, hre: HardhatRuntimeEnvironment) {
  return runPotluckTask(hre, async (ctx) => {
    const opened = await poolFor(ctx, ref);
    const { pool, entry } = opened;
    const { id, p, fields } = await proposalFor(opened, proposal);
    // What cancelChange would refuse, in its order, checked before anything is sent: only the maintainer (the
    // seat's status does not matter), and only a pending change.
    const signer = calldata ? undefined : await signerFor(ctx.potluck, from);
    await checkMaintainer(ctx, opened, signer?.address ?? await maintainerToSend(opened), { seat: false });
    checkPending(ctx, id, p.status);

    const what = await describeProposal(opened, fields);
    if (signer === undefined) { // --calldata
      await printMaintainerCall(ctx, opened, `Withdraw change #${id} of ${entry.label} (${what})`, pool.interface.encodeFunctionData("cancelChange", [id]));
      return;
    }
    await confirm(`Withdrew change #${id} of ${entry.label}: ${what}`, pool.connect(signer).cancelChange(id));
    ctx.out("  It will not take effect.");
  }, { readOnly: calldata });
}
