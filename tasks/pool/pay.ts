import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { claimIdFor, poolFor } from "../../scripts/lib/actions.js";
import { runPotluckTask } from "../../scripts/lib/cli.js";
import { confirm, signerFor } from "../../scripts/lib/potluck.js";
import { formatAmount } from "@potluck/core";

interface Args { pool: string; claim: string; from: string }

export default async function pay({ pool: ref, claim, from }: Args, hre: HardhatRuntimeEnvironment) {
  return runPotluckTask(hre, async (ctx) => {
    const opened = await poolFor(ctx, ref);
    const { id, number } = await claimIdFor(ctx, opened, claim);
    const signer = await signerFor(ctx.potluck, from);
    const [c] = await opened.pool.claim(id);
    await confirm(
      `Paid claim #${number} of ${opened.entry.label}: ${formatAmount(c.amount, opened.asset)} to ${c.payee}`,
      opened.pool.connect(signer).payClaim(id),
    );
  });
}
