// Hardhat reads every argument that starts with "-" as an option, so `pool:give 0 -0.5` fails in Hardhat's
// own parser (HHE509, "options cannot be grouped") before any task runs. The config calls `refuseNegativeAmounts`
// with the command line while it loads, before Hardhat parses the task's arguments, so such an amount is
// refused in Potluck's sentence instead, with nothing sent.
import { ETH, readAmount } from "@potluck/core";

/** The sentence for the first negative number given to a `pool:*` task, else undefined. */
export function negativeAmountIn(args: readonly string[]): string | undefined {
  const task = args.findIndex((a) => a.startsWith("pool:"));
  if (task < 0) return undefined;
  for (const arg of args.slice(task + 1)) {
    if (arg === "--") break;
    if (/^-(?:[0-9]|\.[0-9])/.test(arg)) {
      const read = readAmount(arg, ETH);
      return read.ok ? undefined : read.error;
    }
  }
  return undefined;
}

/** Prints the sentence as the tasks print errors and exits 1, when the command line gives a negative amount. */
export function refuseNegativeAmounts(args: readonly string[] = process.argv.slice(2)): void {
  const sentence = negativeAmountIn(args);
  if (sentence === undefined) return;
  console.error(`Error: ${sentence}`);
  process.exit(1);
}
