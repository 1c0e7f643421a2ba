import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { eventIn, poolFor } from "../../scripts/lib/actions.js";
import { runPotluckTask } from "../../scripts/lib/cli.js";
import { confirm, signerFor } from "../../scripts/lib/potluck.js";
import { formatAmount } from "@potluck/core";

interface Args { pool: string; from: string }

export default async function windDown({ pool: ref, from }: Args, hre: HardhatRuntimeEnvironment) {
  return runPotluckTask(hre, async (ctx) => {
    const opened = await poolFor(ctx, ref);
    ctx.explain.action = "windDown";
    const signer = await signerFor(ctx.potluck, from);
    const { logs } = await confirm(`Wound down ${opened.entry.label}`, opened.pool.connect(signer).windDown());
    const left = eventIn(opened, logs, "WoundDown")?.args.left as bigint | undefined;
    if (left !== undefined) {
      ctx.out(`  ${formatAmount(left, opened.asset)} is left; each contributor can reclaim their share with \`npx hardhat pool:reclaim ${opened.entry.index}\`.`);
    }
  });
}
