import { readFile } from "node:fs/promises";
import path from "node:path";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { runPotluckTask } from "../../scripts/lib/cli.js";
import { checkMetadata, encodeMetadata, formatAmount, formatBps, formatDuration, inert, parseAmount, parseBps, parseDuration, PotluckError, ZERO_ADDRESS } from "@potluck/core";
import { addressArg, assetInfo, confirm, listPools, openPool, signerFor } from "../../scripts/lib/potluck.js";
import { CREATE_DEFAULTS } from "./create-defaults.js";

type Args = Partial<Record<(typeof KEYS)[number] | "configFile", string>> & { from: string };

/** Settings a config file may hold (the flags' names); anything else is a typo worth reporting. */
const KEYS = [
  "name", "description", "links", "asset", "maintainer", "lines", "epoch", "claimDelay", "ruleChangeDelay",
  "inactivityPeriod", "vacancyPeriod", "objectionQuorum", "electionQuorum", "recallThreshold", "inKindWeight", "weighting",
] as const;

interface LineSpec { name: string; cap: string; period: string }

async function readConfigFile(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path.resolve(file), "utf8");
  } catch {
    throw new PotluckError(`Cannot read the config file "${file}".`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new PotluckError(`The config file "${file}" is not valid JSON: ${(error as Error).message}`);
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) throw new PotluckError(`The config file "${file}" must hold a JSON object.`);
  const unknown = Object.keys(data).filter((k) => !(KEYS as readonly string[]).includes(k));
  if (unknown.length > 0) throw new PotluckError(`The config file has unknown setting(s) ${unknown.join(", ")}; known: ${KEYS.join(", ")}.`);
  return data as Record<string, unknown>;
}

/** "hosting=0.3/30d, CI runners=0.2/30d" → line specs. */
function parseLines(text: string): LineSpec[] {
  return text.split(/[;,]\s*(?=[^=,;/]+=)/).map((s) => s.trim()).filter((s) => s !== "").map((entry) => {
    const match = /^(.+?)\s*=\s*(.+?)\s*\/\s*(.+)$/.exec(entry);
    if (match === null) throw new PotluckError(`"${entry}" is not a budget line: write "name=cap/period", e.g. "hosting=0.3/30d".`);
    return { name: match[1], cap: match[2], period: match[3] };
  });
}

export default async function create(args: Args, hre: HardhatRuntimeEnvironment) {
  return runPotluckTask(hre, async (ctx) => {
    const { potluck } = ctx;
    const file = args.configFile === undefined || args.configFile === "" ? {} : await readConfigFile(args.configFile);
    const defaults: Partial<Record<string, string>> = CREATE_DEFAULTS;
    const setting = (key: (typeof KEYS)[number]): unknown => {
      const flag = args[key];
      if (flag !== undefined && flag !== "" && flag !== defaults[key]) return flag;
      return file[key] ?? flag ?? defaults[key];
    };

    const metadata = checkMetadata({
      name: setting("name"),
      description: setting("description") ?? "",
      links: typeof setting("links") === "string" ? String(setting("links")).split(",").map((l) => l.trim()).filter((l) => l !== "") : setting("links"),
    });
    const signer = await signerFor(potluck, args.from);

    const assetText = String(setting("asset")).trim();
    let assetAddress: string;
    if (assetText.toUpperCase() === "ETH") assetAddress = ZERO_ADDRESS;
    else if (assetText.toLowerCase() === "musd") {
      const mock = potluck.deployment.contracts.MockUSD;
      if (mock === undefined) throw new PotluckError(`There is no mUSD on network "${potluck.network}" (the demo token exists only on the local chain): give a token address.`);
      assetAddress = mock.address;
    } else if (potluck.ethers.isAddress(assetText)) {
      assetAddress = potluck.ethers.getAddress(assetText);
      if ((await potluck.ethers.provider.getCode(assetAddress)) === "0x") throw new PotluckError(`The asset ${assetAddress} has no code on network "${potluck.network}": it is not a token there.`);
    } else {
      // ethers types isAddress() as a type guard, so TypeScript takes this branch's string for `never`.
      // eslint-disable-next-line @typescript-eslint/restrict-template-expressions
      throw new PotluckError(`--asset "${assetText}" is not ETH, mUSD or a token address.`);
    }
    const asset = await assetInfo(potluck.ethers, assetAddress);
    ctx.explain.asset = asset;

    const maintainerText = setting("maintainer");
    const maintainer = maintainerText === undefined || maintainerText === "" || maintainerText === "sender" ? signer.address : await addressArg(potluck, typeof maintainerText === "string" ? maintainerText : JSON.stringify(maintainerText), "maintainer");

    const linesSetting = setting("lines") ?? [];
    const specs: LineSpec[] = typeof linesSetting === "string" ? parseLines(linesSetting) : (linesSetting as LineSpec[]);
    if (!Array.isArray(specs)) throw new PotluckError('"lines" must be an array of { "name", "cap", "period" }.');
    const lines = specs.map((l, i) => {
      if (typeof l?.name !== "string" || l.cap === undefined || l.period === undefined) {
        throw new PotluckError(`Budget line ${i} needs a name, a cap and a period, e.g. { "name": "hosting", "cap": "0.3", "period": "30d" }.`);
      }
      return { name: l.name.trim(), cap: parseAmount(String(l.cap), asset), period: parseDuration(l.period) };
    });

    const weighting = String(setting("weighting")).toLowerCase();
    if (weighting !== "linear" && weighting !== "quadratic") throw new PotluckError(`--weighting must be linear or quadratic (got "${weighting}").`);
    const config = {
      asset: assetAddress,
      maintainer,
      metadataURI: encodeMetadata(metadata),
      epochLength: parseDuration(String(setting("epoch"))),
      claimDelay: parseDuration(String(setting("claimDelay"))),
      ruleChangeDelay: parseDuration(String(setting("ruleChangeDelay"))),
      inactivityPeriod: parseDuration(String(setting("inactivityPeriod"))),
      vacancyPeriod: parseDuration(String(setting("vacancyPeriod"))),
      objectionQuorumBps: parseBps(String(setting("objectionQuorum"))),
      electionQuorumBps: parseBps(String(setting("electionQuorum"))),
      recallThresholdBps: parseBps(String(setting("recallThreshold"))),
      inKindWeightBps: parseBps(String(setting("inKindWeight"))),
      weighting: weighting === "linear" ? 0 : 1,
    };

    const { logs } = await confirm(`Created the pool "${inert(metadata.name, { max: 64 })}"`, potluck.factory.connect(signer).createPool(config, lines));
    const created = logs
      .map((log) => { try { return potluck.factory.interface.parseLog(log); } catch { return null; } })
      .find((e) => e?.name === "PoolCreated");
    const address = created?.args.pool as string;
    const entry = (await listPools(potluck)).find((p) => p.address === address);
    ctx.out(`  Pool #${entry?.index ?? "?"} at ${address}`);
    ctx.out(`  asset ${asset.symbol}, maintainer ${maintainer}, ${weighting} weighting, epochs of ${formatDuration(config.epochLength)}`);
    ctx.out(`  claims wait ${formatDuration(config.claimDelay)}; objections reject at ${formatBps(config.objectionQuorumBps)}; elections need ${formatBps(config.electionQuorumBps)}`);
    for (const [i, l] of lines.entries()) ctx.out(`  line ${i}: ${inert(l.name, { max: 40 })}, ${formatAmount(l.cap, asset)} per ${formatDuration(l.period)}`);
    // The pool is usable at once: open it to check it answers as a pool.
    await openPool(potluck, address);
  });
}
