// Seeds the local demo (four pools with a day of history) on the local node, after scripts/deploy.ts.
//
//   npx hardhat run scripts/seed.ts        # the same as `npx hardhat seed`
import hre from "hardhat";
import { seedCommand } from "./lib/commands.js";

const result = await seedCommand(hre);
if (!result.success) process.exitCode = 1;
