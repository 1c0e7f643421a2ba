// `--calldata` on the maintainer's tasks: for a maintainer that is a contract (a Safe, a DAO's executor), which
// no key on this machine can sign for. The task checks the call as the maintainer would make it (an `eth_call`
// from the maintainer's address, so a refusal reads as it would on chain) and prints the transaction for the
// Safe's owners to propose, e.g. in Safe{Wallet}'s Transaction Builder. Nothing is sent; no key is needed.
import { PotluckError, ZERO_ADDRESS } from "@potluck/core";
import type { TaskContext } from "./cli.js";
import type { OpenPool } from "./potluck.js";

export async function printMaintainerCall(ctx: TaskContext, opened: OpenPool, what: string, data: string): Promise<void> {
  const maintainer = await opened.pool.maintainer();
  if (maintainer === ZERO_ADDRESS) throw new PotluckError(`${opened.entry.label} has no maintainer: the seat is open, so there is no one to send this.`);
  await ctx.potluck.ethers.provider.call({ from: maintainer, to: opened.address, data });
  ctx.out(`${what}: the transaction for the maintainer ${maintainer} to send`);
  ctx.out("(a Safe's owners propose it, e.g. in Safe{Wallet}'s Transaction Builder: \"Enter data manually\"):");
  ctx.out(`  to     ${opened.address}`);
  ctx.out("  value  0");
  ctx.out(`  data   ${data}`);
  ctx.out("Checked as the maintainer: it would succeed now. Nothing was sent.");
}
