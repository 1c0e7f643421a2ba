import { formatDate } from "@potluck/core";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { poolFor } from "../../scripts/lib/actions.js";
import { printMaintainerCall } from "../../scripts/lib/calldata.js";
import { runPotluckTask } from "../../scripts/lib/cli.js";
import { confirm, signerFor } from "../../scripts/lib/potluck.js";

interface Args { pool: string; from: string; calldata: boolean }

export default async function checkIn({ pool: ref, from, calldata }: Args, hre: HardhatRuntimeEnvironment) {
  return runPotluckTask(hre, async (ctx) => {
    const opened = await poolFor(ctx, ref);
    if (calldata) {
      await printMaintainerCall(ctx, opened, `Check in as maintainer of ${opened.entry.label}`, opened.pool.interface.encodeFunctionData("heartbeat"));
      return;
    }
    const signer = await signerFor(ctx.potluck, from);
    await confirm(`Checked in as maintainer of ${opened.entry.label} (${signer.address})`, opened.pool.connect(signer).heartbeat());
    const [, lastActive] = await opened.pool.seat();
    const inactivity = (await opened.pool.rules()).inactivityPeriod;
    ctx.out(`  Nobody can call an election for inactivity before ${formatDate(lastActive + inactivity)}.`);
  }, { readOnly: calldata });
}
