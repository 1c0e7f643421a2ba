import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { eventIn, poolFor, weightFormatter } from "../../scripts/lib/actions.js";
import { runPotluckTask } from "../../scripts/lib/cli.js";
import { addressArg, confirm, signerFor } from "../../scripts/lib/potluck.js";

interface Args { pool: string; candidate: string; from: string }

export default async function vote({ pool: ref, candidate, from }: Args, hre: HardhatRuntimeEnvironment) {
  return runPotluckTask(hre, async (ctx) => {
    const opened = await poolFor(ctx, ref);
    ctx.explain.action = "vote";
    const who = await addressArg(ctx.potluck, candidate, "candidate");
    const signer = await signerFor(ctx.potluck, from);
    const { logs } = await confirm(`Voted for ${who} in ${opened.entry.label} as ${signer.address}`, opened.pool.connect(signer).vote(who));
    const voted = eventIn(opened, logs, "Voted");
    const [, , , , leader, leaderVotes] = await opened.pool.election();
    const weight = await weightFormatter(opened);
    ctx.out(`  Your weight: ${voted === undefined ? "?" : weight(voted.args.weight as bigint)}. Leading: ${leader} with ${weight(leaderVotes)}.`);
  });
}
