import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { poolFor } from "../../scripts/lib/actions.js";
import { runPotluckTask } from "../../scripts/lib/cli.js";
import { addressArg, chainNow, confirm, signerFor } from "../../scripts/lib/potluck.js";
import { formatCountdown, formatDate } from "@potluck/core";

interface Args { pool: string; candidate: string; from: string }

export default async function nominate({ pool: ref, candidate, from }: Args, hre: HardhatRuntimeEnvironment) {
  return runPotluckTask(hre, async (ctx) => {
    const opened = await poolFor(ctx, ref);
    ctx.explain.action = "nominate";
    const who = await addressArg(ctx.potluck, candidate, "candidate");
    const signer = await signerFor(ctx.potluck, from);
    await confirm(`Nominated ${who} for the seat of ${opened.entry.label}`, opened.pool.connect(signer).nominate(who));
    const [, , votingStartsAt] = await opened.pool.election();
    ctx.out(`  Voting starts ${formatDate(votingStartsAt)} (${formatCountdown(votingStartsAt, await chainNow(ctx.potluck.ethers))}).`);
  });
}
