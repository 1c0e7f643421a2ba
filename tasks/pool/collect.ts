import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { eventIn, poolFor } from "../../scripts/lib/actions.js";
import { runPotluckTask } from "../../scripts/lib/cli.js";
import { formatAmount, formatCountdown, formatDate, PotluckError } from "@potluck/core";
import { addressArg, chainNow, confirm, signerFor } from "../../scripts/lib/potluck.js";

interface Args { pool: string; donor: string; from: string }

export default async function collect({ pool: ref, donor, from }: Args, hre: HardhatRuntimeEnvironment) {
  return runPotluckTask(hre, async (ctx) => {
    const opened = await poolFor(ctx, ref);
    if (opened.token === undefined) throw new PotluckError(`${opened.entry.label} is an ETH pool: standing orders are for token pools only.`);
    const who = await addressArg(ctx.potluck, donor, "donor");
    const signer = await signerFor(ctx.potluck, from);
    const { logs } = await confirm(`Collected the standing order of ${who} to ${opened.entry.label}`, opened.pool.connect(signer).collect(who));
    const collected = eventIn(opened, logs, "Collected");
    const [, , nextDue] = await opened.pool.subscriptionOf(who);
    if (collected !== undefined) {
      const periods = collected.args.periods as bigint;
      ctx.out(`  ${formatAmount(collected.args.amount as bigint, opened.asset)} arrived (${periods} period${periods === 1n ? "" : "s"}); ` +
        `the next is due ${formatDate(nextDue)} (${formatCountdown(nextDue, await chainNow(ctx.potluck.ethers))}).`);
    }
  });
}
