// Regenerates frontend/src/generated/contracts.ts from deployments/*.json and the compiled artifacts:
// `deployments` keyed by chain id, and `poolAbi` (IPool), `poolFactoryAbi`, `erc20Abi` (MockERC20) as const.
// The local chain's addresses go to the ignored local-deployments.json beside it (see scripts/lib/frontend.ts).
// Every deploy runs it; run it alone after a build changed an ABI:
//
//   npx hardhat run scripts/generate-frontend.ts
import hre from "hardhat";
import { generateFrontendCommand } from "./lib/commands.js";

const result = await generateFrontendCommand(hre);
if (!result.success) process.exitCode = 1;
