// The create-pool form, read and checked as PoolFactory.createPool and Pool.initialize check it (the same
// bounds, in the same order, and the contract's own error sentence from @potluck/core when one is broken),
// so the button is enabled only when the transaction would go through. Pure: unit-tested without a chain.
import {
  type AssetUnits, encodeMetadata, lineRefusal, MAX_EPOCH, MAX_LINES, MIN_EPOCH, Parameter, type Parsed,
  readAmount, readBps, readDuration, sentenceFor, ZERO_ADDRESS,
} from "@potluck/core";
import { checkRules, RULE_NAMES, type Rules } from "./state";

/** The defaults of the command line's `pool:create` (tasks/pool/create-defaults.ts). */
export const CREATE_FORM_DEFAULTS = {
  epoch: "7 days", claimDelay: "3 days", ruleChangeDelay: "7 days", inactivityPeriod: "90 days", vacancyPeriod: "60 days",
  objectionQuorumBps: "20%", electionQuorumBps: "25%", recallThresholdBps: "30%", inKindWeight: "0%",
} as const;

export interface LineInput { name: string; cap: string; period: string }

/** The form as typed. */
export interface CreateForm {
  name: string;
  description: string;
  /** One per line, or separated by commas. */
  links: string;
  maintainer: string;
  lines: LineInput[];
  epoch: string;
  claimDelay: string;
  ruleChangeDelay: string;
  inactivityPeriod: string;
  vacancyPeriod: string;
  objectionQuorumBps: string;
  electionQuorumBps: string;
  recallThresholdBps: string;
  inKindWeight: string;
  weighting: "linear" | "quadratic";
}

/** `createPool`'s arguments, as the factory's ABI takes them. */
export interface CreateArgs {
  config: {
    asset: `0x${string}`; maintainer: `0x${string}`; metadataURI: string; epochLength: bigint; claimDelay: bigint; ruleChangeDelay: bigint;
    inactivityPeriod: bigint; vacancyPeriod: bigint; objectionQuorumBps: number; electionQuorumBps: number; recallThresholdBps: number;
    inKindWeightBps: number; weighting: number;
  };
  lines: Array<{ name: string; cap: bigint; period: bigint }>;
}

const bytes = (text: string) => new TextEncoder().encode(text).length;
const invalid = (parameter: number, value: bigint | number): Parsed<never> => ({ ok: false, error: sentenceFor("PoolInvalidParameter", [parameter, BigInt(value)]) });
const fail = (error: string): Parsed<never> => ({ ok: false, error });

/**
 * Reads and checks the form for an asset (`assetAddress`, its units, and whether it has code: a token must).
 * The first problem is returned as a sentence, the contract's own where the contract would refuse.
 */
export function readCreateForm(form: CreateForm, asset: { address: `0x${string}`; units: AssetUnits; hasCode: boolean }, sender: `0x${string}` | undefined): Parsed<CreateArgs> {
  const name = form.name.trim();
  if (name === "") return fail("Name the pool.");
  if (bytes(name) > 200) return fail("Keep the pool's name under 200 bytes: it is shown on every card.");
  const links = form.links.split(/[\n,]/).map((l) => l.trim()).filter((l) => l !== "");
  if (links.length > 10) return fail("At most 10 links are shown: keep the ones that matter.");
  const maintainerText = form.maintainer.trim();
  const maintainer = (maintainerText === "" ? sender : maintainerText) as `0x${string}` | undefined;
  if (maintainer === undefined) return fail("Connect a wallet (you become the maintainer), or name the maintainer's address.");
  if (!/^0x[0-9a-fA-F]{40}$/.test(maintainer)) return fail("The maintainer must be an address (0x…).");

  const durations: Record<string, bigint> = {};
  for (const key of ["epoch", "claimDelay", "ruleChangeDelay", "inactivityPeriod", "vacancyPeriod"] as const) {
    const parsed = readDuration(form[key]);
    const label = key === "epoch" ? "Epoch" : `${RULE_NAMES[key].charAt(0).toUpperCase()}${RULE_NAMES[key].slice(1)}`;
    if (!parsed.ok) return fail(`${label}: ${parsed.error}`);
    durations[key] = parsed.value;
  }
  const shares: Record<string, number> = {};
  for (const key of ["objectionQuorumBps", "electionQuorumBps", "recallThresholdBps", "inKindWeight"] as const) {
    const parsed = readBps(form[key]);
    const label = key === "inKindWeight" ? "In-kind weight" : `${RULE_NAMES[key].charAt(0).toUpperCase()}${RULE_NAMES[key].slice(1)}`;
    if (!parsed.ok) return fail(`${label}: ${parsed.error}`);
    shares[key] = parsed.value;
  }

  // PoolFactory.createPool, in its order.
  if (asset.address.toLowerCase() !== ZERO_ADDRESS && !asset.hasCode) return invalid(Parameter.Asset, BigInt(asset.address));
  if (durations.epoch < MIN_EPOCH || durations.epoch > MAX_EPOCH) return invalid(Parameter.EpochLength, durations.epoch);
  if (shares.inKindWeight > 10_000) return invalid(Parameter.InKindWeightBps, shares.inKindWeight);
  // Pool.initialize, in its order.
  if (maintainer.toLowerCase() === ZERO_ADDRESS) return invalid(Parameter.Maintainer, 0);
  if (form.lines.length > MAX_LINES) return invalid(Parameter.LineCount, form.lines.length);
  const rules: Rules = {
    claimDelay: durations.claimDelay, ruleChangeDelay: durations.ruleChangeDelay, inactivityPeriod: durations.inactivityPeriod,
    vacancyPeriod: durations.vacancyPeriod, objectionQuorumBps: shares.objectionQuorumBps, electionQuorumBps: shares.electionQuorumBps,
    recallThresholdBps: shares.recallThresholdBps,
  };
  const rulesGate = checkRules(rules, durations.epoch);
  if (!rulesGate.ok) return fail(rulesGate.reason);
  const lines: CreateArgs["lines"] = [];
  for (const [i, l] of form.lines.entries()) {
    const lineName = l.name.trim();
    const where = `Budget line ${i + 1}${lineName === "" ? "" : ` ("${lineName}")`}`;
    const cap = readAmount(l.cap, asset.units);
    if (!cap.ok) return fail(`${where}: ${cap.error}`);
    const period = readDuration(l.period);
    if (!period.ok) return fail(`${where}: ${period.error}`);
    const refused = lineRefusal({ name: lineName, cap: cap.value, period: period.value }, true);
    if (refused !== undefined) return fail(`${where}: ${sentenceFor("PoolInvalidParameter", [BigInt(refused[0]), refused[1]], { asset: asset.units })}`);
    lines.push({ name: lineName, cap: cap.value, period: period.value });
  }
  return {
    ok: true,
    value: {
      config: {
        asset: asset.address,
        maintainer,
        metadataURI: encodeMetadata({ name, description: form.description.trim(), links }),
        epochLength: durations.epoch,
        claimDelay: durations.claimDelay,
        ruleChangeDelay: durations.ruleChangeDelay,
        inactivityPeriod: durations.inactivityPeriod,
        vacancyPeriod: durations.vacancyPeriod,
        objectionQuorumBps: shares.objectionQuorumBps,
        electionQuorumBps: shares.electionQuorumBps,
        recallThresholdBps: shares.recallThresholdBps,
        inKindWeightBps: shares.inKindWeight,
        weighting: form.weighting === "quadratic" ? 1 : 0,
      },
      lines,
    },
  };
}
