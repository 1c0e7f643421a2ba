// The deploy, seed and generate-frontend commands, shared by their Hardhat tasks (`npx hardhat deploy`,
// `npx hardhat seed`) and their scripts (`npx hardhat run scripts/deploy.ts`, …).
import { writeFile } from "node:fs/promises";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { guard, type TaskResult } from "./cli.js";
import { deployPotluck } from "./deploy.js";
import type { ExplainContext } from "./errors.js";
import { generateFrontend } from "./frontend.js";
import { ensureArtifacts, loadErrorInterface, networkName, openConnection, openPotluck } from "./potluck.js";
import { seedDemo } from "./seed.js";
import { session } from "./session.js";

export async function deployCommand(hre: HardhatRuntimeEnvironment, { dryRun = false, reset = false } = {}): Promise<TaskResult> {
  const explain: ExplainContext = { network: networkName(hre) };
  return guard(explain, async (setErrors) => {
    await ensureArtifacts(hre);
    setErrors(await loadErrorInterface(hre));
    const { connection, close } = await openConnection(hre, { readOnly: dryRun });
    try {
      await deployPotluck(connection, { artifacts: hre.artifacts, dryRun, reset });
    } finally {
      await close().catch(() => {});
    }
  });
}

/** Seeds the local demo; with POTLUCK_DEMO_SUMMARY set, also writes the summary there as JSON (for npm start). */
export async function seedCommand(hre: HardhatRuntimeEnvironment): Promise<TaskResult> {
  const explain: ExplainContext = { network: networkName(hre) };
  return guard(explain, async (setErrors) => {
    await ensureArtifacts(hre);
    setErrors(await loadErrorInterface(hre));
    const { connection, close } = await openConnection(hre);
    try {
      const potluck = await openPotluck(connection);
      const summary = await seedDemo(connection, potluck.deployment);
      const file = process.env.POTLUCK_DEMO_SUMMARY;
      if (file !== undefined && file !== "") await writeFile(file, JSON.stringify(summary, null, 2));
    } finally {
      await close().catch(() => {});
    }
  });
}

export async function generateFrontendCommand(hre: HardhatRuntimeEnvironment): Promise<TaskResult> {
  return guard({}, async () => {
    await ensureArtifacts(hre);
    const file = await generateFrontend({
      deploymentsDir: session().deploymentsDir,
      outFile: session().frontendFile,
      readAbi: async (name) => (await hre.artifacts.readArtifact(name)).abi as readonly unknown[],
    });
    session().out(`Wrote ${file}`);
  });
}
