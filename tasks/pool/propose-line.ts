import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { lineFor, poolFor } from "../../scripts/lib/actions.js";
import { printMaintainerCall } from "../../scripts/lib/calldata.js";
import { LINE_CHANGE, lineChanges, lineRefusal, MAX_LINES, NEW_LINE, NO_RULES, type LineFields } from "../../scripts/lib/changes.js";
import { runPotluckTask } from "../../scripts/lib/cli.js";
import { checkMaintainer, describeProposal, maintainerToSend, printProposed, refusal } from "../../scripts/lib/proposals.js";
import { formatDuration, inert, Parameter, parseAmount, parseDuration, PotluckError } from "@potluck/core";
import { confirm, signerFor } from "../../scripts/lib/potluck.js";

interface Args { pool: string; line: string; name?: string; cap?: string; period?: string; from: string; calldata: boolean }

const given = (value: string | undefined): value is string => value !== undefined && value !== "";

export default async function proposeLine(args: Args, hre: HardhatRuntimeEnvironment) {
  return runPotluckTask(hre, async (ctx) => {
    const opened = await poolFor(ctx, args.pool);
    const { pool, asset, entry } = opened;
    const count = Number(await pool.lineCount());
    const text = args.line.trim();
    const isNew = text.toLowerCase() === "new";

    // The line: `new`, its number, or its name as stored (matched without regard to case, like `pool:claim`).
    let line: number;
    let inForce: LineFields | undefined;
    if (isNew) {
      line = count;
      if (!given(args.name) || !given(args.cap) || !given(args.period)) {
        throw new PotluckError('A new line needs --name, --cap and --period, e.g. --name "design" --cap 0.5 --period 30d.');
      }
    } else {
      line = await lineFor(opened, args.line, { orNew: true });
      const [name, cap, period] = await pool.budgetLine(line);
      inForce = { name, cap, period };
      if (!given(args.name) && !given(args.cap) && !given(args.period)) {
        throw new PotluckError(`Say what to change on line ${line} ("${inert(name, { max: 40 })}"): --name, --cap (0 closes it) or --period.`);
      }
    }

    // Fields not given keep the line's values: the contract records only the ones that differ.
    const proposed: LineFields = {
      name: given(args.name) ? args.name.trim() : inForce!.name,
      cap: given(args.cap) ? parseAmount(args.cap, asset, { allowZero: true }) : inForce!.cap,
      period: given(args.period) ? parseDuration(args.period) : inForce!.period,
    };

    // What proposeBudgetChange would refuse, in its order, checked before anything is sent.
    const signer = args.calldata ? undefined : await signerFor(ctx.potluck, args.from);
    await checkMaintainer(ctx, opened, signer?.address ?? await maintainerToSend(opened));
    if (isNew && count >= MAX_LINES) throw refusal(ctx, "PoolInvalidParameter", [Parameter.LineCount, BigInt(count + 1)]);
    const invalid = lineRefusal(proposed, isNew);
    if (invalid !== undefined) throw refusal(ctx, "PoolInvalidParameter", invalid);
    const changes = isNew ? LINE_CHANGE.name | LINE_CHANGE.cap | LINE_CHANGE.period : lineChanges(inForce!, proposed);
    if (changes === 0n) throw refusal(ctx, "PoolChangesNothing", [1n, BigInt(line)]);

    const what = await describeProposal(opened, {
      kind: 1n,
      line: isNew ? NEW_LINE : BigInt(line),
      changes,
      cap: changes & LINE_CHANGE.cap ? proposed.cap : 0n,
      period: changes & LINE_CHANGE.period ? proposed.period : 0n,
      name: changes & LINE_CHANGE.name ? proposed.name : "",
      rules: NO_RULES,
    });
    const callArgs = [BigInt(line), proposed.name, proposed.cap, proposed.period] as const;
    if (signer === undefined) { // --calldata
      const notice = (await pool.rules()).ruleChangeDelay;
      const data = pool.interface.encodeFunctionData("proposeBudgetChange", [...callArgs]);
      await printMaintainerCall(ctx, opened, `Propose for ${entry.label}: ${what} (in force ${formatDuration(notice)} after it is mined, unless contributors object)`, data);
      return;
    }
    const { logs } = await confirm(`Proposed a change to ${entry.label}: ${what}`, pool.connect(signer).proposeBudgetChange(...callArgs));
    await printProposed(ctx, opened, logs);
  }, { readOnly: args.calldata });
}
