import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { eventIn, poolFor } from "../../scripts/lib/actions.js";
import { runPotluckTask } from "../../scripts/lib/cli.js";
import { confirm, signerFor } from "../../scripts/lib/potluck.js";
import { formatAmount } from "@potluck/core";

interface Args { pool: string; from: string }

export default async function reclaim({ pool: ref, from }: Args, hre: HardhatRuntimeEnvironment) {
  return runPotluckTask(hre, async (ctx) => {
    const opened = await poolFor(ctx, ref);
    const signer = await signerFor(ctx.potluck, from);
    const share = await opened.pool.reclaimable(signer.address);
    const { logs } = await confirm(
      `Reclaimed ${formatAmount(share, opened.asset)} from ${opened.entry.label} to ${signer.address}`,
      opened.pool.connect(signer).reclaim(),
    );
    const amount = eventIn(opened, logs, "Reclaimed")?.args.amount as bigint | undefined;
    if (amount !== undefined && amount !== share) ctx.out(`  (the pool paid ${formatAmount(amount, opened.asset)})`);
  });
}
