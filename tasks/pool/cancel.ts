import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { claimIdFor, poolFor } from "../../scripts/lib/actions.js";
import { printMaintainerCall } from "../../scripts/lib/calldata.js";
import { runPotluckTask } from "../../scripts/lib/cli.js";
import { confirm, signerFor } from "../../scripts/lib/potluck.js";
import { formatAmount } from "@potluck/core";

interface Args { pool: string; claim: string; from: string; calldata: boolean }

export default async function cancel({ pool: ref, claim, from, calldata }: Args, hre: HardhatRuntimeEnvironment) {
  return runPotluckTask(hre, async (ctx) => {
    const opened = await poolFor(ctx, ref);
    const { id, number } = await claimIdFor(ctx, opened, claim);
    const [c] = await opened.pool.claim(id);
    const name = ctx.explain.lineName?.(c.line);
    const line = name === undefined ? `line ${c.line}` : `line ${c.line} (${name})`;
    if (calldata) {
      const data = opened.pool.interface.encodeFunctionData("cancelClaim", [id]);
      await printMaintainerCall(ctx, opened, `Withdraw claim #${number} of ${opened.entry.label} (${formatAmount(c.amount, opened.asset)} from ${line})`, data);
      return;
    }
    const signer = await signerFor(ctx.potluck, from);
    const [, , , , leftBefore] = await opened.pool.budgetLine(c.line);
    await confirm(
      `Withdrew claim #${number} of ${opened.entry.label}: ${formatAmount(c.amount, opened.asset)} from ${line}`,
      opened.pool.connect(signer).cancelClaim(id),
    );
    const [, , , , left] = await opened.pool.budgetLine(c.line);
    // A reservation is freed only while the claim's period is the line's current one.
    ctx.out(left > leftBefore
      ? `  Its budget is freed: ${line} has ${formatAmount(left, opened.asset)} left this period.`
      : `  It was reserved in an earlier period of ${line}, so this period's budget is unchanged (${formatAmount(left, opened.asset)} left).`);
  }, { readOnly: calldata });
}
