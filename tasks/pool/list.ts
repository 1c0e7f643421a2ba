import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { runPotluckTask, short, table } from "../../scripts/lib/cli.js";
import { ellipsize, formatAmount, SEAT_STATUS } from "@potluck/core";
import { assetInfo, listPools } from "../../scripts/lib/potluck.js";

export default async function list(_args: Record<string, unknown>, hre: HardhatRuntimeEnvironment) {
  return runPotluckTask(hre, async ({ potluck, out }) => {
    const pools = await listPools(potluck);
    out(`Potluck on "${potluck.network}" (chain ${potluck.chainId}), factory ${potluck.deployment.contracts.PoolFactory.address}`);
    if (pools.length === 0) {
      out("No pools yet. Create one with `npx hardhat pool:create --name \"My project\" --lines \"hosting=0.1/30d\"`.");
      return;
    }
    const rows = [["#", "name", "balance", "maintainer", "seat", "address"]];
    for (const entry of pools) {
      const pool = await potluck.ethers.getContractAt("IPool", entry.address);
      const [asset, balance, maintainer, seat] = await Promise.all([
        assetInfo(potluck.ethers, entry.asset),
        pool.balance(),
        pool.maintainer(),
        pool.seat(),
      ]);
      rows.push([
        String(entry.index),
        // The name is the creator's text (inert already): cut so the balance and address stay in view.
        ellipsize(entry.label, 32),
        formatAmount(balance, asset, { maxDecimals: 4 }),
        maintainer === potluck.ethers.ZeroAddress ? "—" : short(maintainer),
        SEAT_STATUS[Number(seat[0])] ?? "?",
        entry.address,
      ]);
    }
    for (const line of table(rows)) out(line);
    out("Details: `npx hardhat pool:status <#|address>`");
  }, { readOnly: true });
}
