import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { seedCommand } from "../scripts/lib/commands.js";

export default async function seed(_args: Record<string, unknown>, hre: HardhatRuntimeEnvironment) {
  return seedCommand(hre);
}
