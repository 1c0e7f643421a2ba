import { readFile } from "node:fs/promises";
import path from "node:path";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { eventIn, lineFor, poolFor, weightFormatter } from "../../scripts/lib/actions.js";
import { printMaintainerCall } from "../../scripts/lib/calldata.js";
import { runPotluckTask } from "../../scripts/lib/cli.js";
import { formatAmount, formatCountdown, formatDate, inert, parseAmount, PotluckError } from "@potluck/core";
import { addressArg, chainNow, confirm, signerFor } from "../../scripts/lib/potluck.js";

interface Args { pool: string; line: string; amount: string; receipt: string; uri?: string; payee: string; from: string; calldata: boolean }

export default async function claim(args: Args, hre: HardhatRuntimeEnvironment) {
  return runPotluckTask(hre, async (ctx) => {
    const opened = await poolFor(ctx, args.pool);
    const { pool, asset, entry } = opened;
    const line = await lineFor(opened, args.line);
    const [lineName] = await pool.budgetLine(line);
    // What the pool's creator named the line, as printed (inert).
    const shownName = inert(lineName, { max: 40 });
    const amount = parseAmount(args.amount, asset);
    let bytes: Buffer;
    try {
      bytes = await readFile(path.resolve(args.receipt));
    } catch (error) {
      throw new PotluckError(`Cannot read the receipt "${args.receipt}": ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}.`);
    }
    const hash = ctx.potluck.ethers.keccak256(bytes);
    const sender = args.payee === "" || args.payee === "sender";
    if (args.calldata) {
      const payee = sender ? await pool.maintainer() : await addressArg(ctx.potluck, args.payee, "payee");
      const data = pool.interface.encodeFunctionData("fileClaim", [line, amount, payee, hash, args.uri ?? ""]);
      await printMaintainerCall(ctx, opened, `Claim ${formatAmount(amount, asset)} from line ${line} (${shownName}) of ${entry.label} for ${payee}`, data);
      return;
    }
    const signer = await signerFor(ctx.potluck, args.from);
    const payee = sender ? signer.address : await addressArg(ctx.potluck, args.payee, "payee");
    const { logs } = await confirm(
      `Filed a claim on ${entry.label}: ${formatAmount(amount, asset)} from line ${line} (${shownName}) to ${payee}`,
      pool.connect(signer).fileClaim(line, amount, payee, hash, args.uri ?? ""),
    );
    const id = eventIn(opened, logs, "ClaimFiled")?.args.claimId as bigint;
    const [c] = await pool.claim(id);
    // The claim's id is the receipt hash; people call it by its number.
    ctx.out(`  Claim #${c.number}; receipt ${path.basename(args.receipt)} (keccak-256 ${hash.slice(0, 18)}…, the claim's id).`);
    const weight = await weightFormatter(opened);
    ctx.out(`  Payable from ${formatDate(c.payableAt)} (${formatCountdown(c.payableAt, await chainNow(ctx.potluck.ethers))}) unless objections reach ${weight(c.toReject)} of weight.`);
    if ((args.uri ?? "") === "") ctx.out("  No --uri given: donors see only the receipt's hash. Publish the receipt and give its URI next time.");
  }, { readOnly: args.calldata });
}
