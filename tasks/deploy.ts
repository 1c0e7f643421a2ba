import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { deployCommand } from "../scripts/lib/commands.js";

export default async function deploy({ dryRun, reset }: { dryRun: boolean; reset: boolean }, hre: HardhatRuntimeEnvironment) {
  return deployCommand(hre, { dryRun, reset });
}
