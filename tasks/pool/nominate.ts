import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { poolFor } from "../../scripts/lib/actions.js";
import { runPotluckTask } from "../../scripts/lib/cli.js";
import { addressArg, chainNow, confirm, signerFor } from "../../scripts/lib/potluck.js";
import { formatCountdown, formatDate, inert, orThrow, readStatement } from "@potluck/core";

interface Args { pool: string; candidate: string; from: string; name?: string; uri?: string }

export default async function nominate({ pool: ref, candidate, from, name, uri }: Args, hre: HardhatRuntimeEnvironment) {
  return runPotluckTask(hre, async (ctx) => {
    const opened = await poolFor(ctx, ref);
    ctx.explain.action = "nominate";
    const who = await addressArg(ctx.potluck, candidate, "candidate");
    const signer = await signerFor(ctx.potluck, from);
    // The statement is checked as the contract checks it, before anything is sent.
    const stated = orThrow(readStatement(name ?? "", uri ?? ""));
    const hasStatement = stated.name !== "" || stated.uri !== "";
    const [electionId] = await opened.pool.election();
    const [nominated] = await opened.pool.candidate(electionId, who);
    if (nominated && hasStatement && who === signer.address) {
      // Already standing: a candidate restates their own statement.
      await confirm(`Stated the candidacy of ${who} in ${opened.entry.label}`, opened.pool.connect(signer).describeCandidacy(stated.name, stated.uri));
      return;
    }
    const label = `Nominated ${who}${stated.name !== "" ? ` ("${inert(stated.name)}")` : ""} for the seat of ${opened.entry.label}`;
    await confirm(label, hasStatement
      ? opened.pool.connect(signer).nominateWithStatement(who, stated.name, stated.uri)
      : opened.pool.connect(signer).nominate(who));
    const [, , votingStartsAt] = await opened.pool.election();
    ctx.out(`  Voting starts ${formatDate(votingStartsAt)} (${formatCountdown(votingStartsAt, await chainNow(ctx.potluck.ethers))}).`);
  });
}
