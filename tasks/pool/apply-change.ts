import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { MAX_LINES, NEW_LINE } from "../../scripts/lib/changes.js";
import { runPotluckTask } from "../../scripts/lib/cli.js";
import { describeProposal, pendingProposal, refusal } from "../../scripts/lib/proposals.js";
import { Parameter, SeatStatus } from "@potluck/core";
import { confirm } from "../../scripts/lib/potluck.js";

interface Args { pool: string; proposal: string; from: string }

export default async function applyChange({ pool: ref, proposal, from }: Args, hre: HardhatRuntimeEnvironment) {
  return runPotluckTask(hre, async (ctx) => {
    // What applyChange would refuse, in its order, checked before anything is sent: first, a change no longer pending.
    const { opened, id, p, fields, signer } = await pendingProposal(ctx, ref, proposal, from);
    const { pool, entry } = opened;
    const [[seat], count] = await Promise.all([pool.seat(), pool.lineCount()]);
    if (seat === BigInt(SeatStatus.Recall)) throw refusal(ctx, "PoolChangesFrozen", [id]);
    if (ctx.explain.now !== undefined && ctx.explain.now < p.effectiveAt) throw refusal(ctx, "PoolNoticePeriod", [id, p.effectiveAt]);
    // Two additions proposed side by side each saw room for one more line.
    if (p.line === NEW_LINE && count >= BigInt(MAX_LINES)) throw refusal(ctx, "PoolInvalidParameter", [Parameter.LineCount, count + 1n]);

    // Described before it applies: afterwards the values it replaces are gone.
    const what = await describeProposal(opened, fields);
    await confirm(`Applied change #${id} of ${entry.label}: ${what}`, pool.connect(signer).applyChange(id));
    if (p.line === NEW_LINE && p.kind === 1n) ctx.out(`  The new line is line ${count}.`);
  });
}
