// Deploys Potluck (PoolExtension, Pool, PoolFactory; MockUSD on the local chain) to the selected network,
// localhost by default, at the same CREATE2 addresses on every chain, and records deployments/<chainId>.json.
// Re-running reuses what is deployed.
//
//   npx hardhat run scripts/deploy.ts                          # the local node (npx hardhat node / npm start)
//   npx hardhat run scripts/deploy.ts --network base-sepolia   # a named network (or `remote`): RPC URL and key from the keystore
//   POTLUCK_DRY_RUN=1 npx hardhat run scripts/deploy.ts        # print what would be sent, send nothing
//
// The same as `npx hardhat deploy [--dry-run]`.
import hre from "hardhat";
import { deployCommand } from "./lib/commands.js";

const result = await deployCommand(hre, { dryRun: /^(1|true|yes)$/i.test(process.env.POTLUCK_DRY_RUN ?? "") });
if (!result.success) process.exitCode = 1;
