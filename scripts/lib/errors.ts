// The command line's side of errors people can act on: `explainError` turns what a chain, a node or Hardhat
// threw (custom errors decoded with ethers, unreachable nodes, missing keys) into one readable sentence, or
// returns undefined for a real bug. The sentences for custom errors are @potluck/core's, shared with the web app.
import { PotluckError, sentenceFor, type SentenceContext } from "@potluck/core";
import { Interface, type ErrorFragment, type Result } from "ethers";

/** What a sentence may need: @potluck/core's context, plus the network's name for hints. */
export interface ExplainContext extends SentenceContext {
  /** The network's name, for hints. */
  network?: string;
}

/** Builds one interface holding every error fragment of the given ABIs (deduplicated by selector). */
export function errorInterface(...abis: ReadonlyArray<ReadonlyArray<unknown>>): Interface {
  const seen = new Map<string, unknown>();
  for (const abi of abis) {
    for (const item of abi as Array<{ type?: string; name?: string; inputs?: Array<{ type: string }> }>) {
      if (item.type !== "error") continue;
      const signature = `${item.name}(${(item.inputs ?? []).map((i) => i.type).join(",")})`;
      if (!seen.has(signature)) seen.set(signature, item);
    }
  }
  return new Interface([...seen.values()] as ErrorFragment[]);
}

/** Finds revert data (`0x` + 4-byte selector + words) anywhere in an error from ethers, Hardhat or a node. */
export function findRevertData(error: unknown, depth = 0): string | undefined {
  if (depth > 6 || error === null || typeof error !== "object") return undefined;
  const e = error as Record<string, unknown>;
  for (const key of ["data", "revertData"]) {
    const value = e[key];
    if (typeof value === "string" && /^0x[0-9a-fA-F]{8}([0-9a-fA-F]{2})*$/.test(value)) return value;
    if (value !== null && typeof value === "object") {
      const inner = findRevertData(value, depth + 1);
      if (inner !== undefined) return inner;
    }
  }
  for (const key of ["error", "info", "cause", "revert", "receipt"]) {
    const inner = findRevertData(e[key], depth + 1);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

/** The custom error a revert carries, decoded with `iface`, or undefined. */
export function decodeRevert(data: string, iface: Interface): { name: string; args: Result } | undefined {
  try {
    const parsed = iface.parseError(data);
    if (parsed !== null) return { name: parsed.name, args: parsed.args };
  } catch {
    // not one of ours: fall through
  }
  return undefined;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function errorCodeOf(error: unknown): string | undefined {
  const e = error as { errorCode?: unknown; code?: unknown };
  return typeof e?.errorCode === "string" ? e.errorCode : undefined;
}

/**
 * One readable sentence for an error, or undefined if it is unexpected (a bug: let it surface with its
 * stack). Knows: PotluckError, custom errors (decoded with `iface`), a node that cannot be reached, a key
 * that is missing from the keystore or the environment, and an account without ETH for gas.
 */
export function explainError(error: unknown, iface: Interface | undefined, ctx: ExplainContext = {}): string | undefined {
  if (error instanceof PotluckError) return error.message;
  const data = findRevertData(error);
  if (data !== undefined && iface !== undefined) {
    const decoded = decodeRevert(data, iface);
    if (decoded !== undefined) return sentenceFor(decoded.name, decoded.args, { commands: true, ...ctx });
    return `The transaction reverted with an error this tool does not know (data ${data.slice(0, 10)}…).`;
  }
  const text = message(error);
  const code = errorCodeOf(error);
  const args = (error as { messageArguments?: Record<string, unknown> })?.messageArguments ?? {};
  // Hardhat: a configuration variable (RPC URL or key) is neither in the keystore nor in the environment.
  if (code === "HHE7" || code === "HHE50002" || /Configuration Variable .* not found|not found in the development keystore/.test(text)) {
    const given = args.name ?? args.key;
    const name = typeof given === "string" ? given : (/"([A-Z0-9_]+)"/.exec(text)?.[1] ?? "the variable");
    const kind = /KEY|PRIVATE/.test(name) ? "Missing key" : "Missing setting";
    return `${kind}: ${name} is not set for network ${ctx.network ?? "?"}. Store it in Hardhat's keystore with ` +
      `\`npx hardhat keystore set ${name}\` (or export it as an environment variable for this shell only).`;
  }
  if (/ECONNREFUSED|ENOTFOUND|ECONNRESET|fetch failed|Cannot connect to the network|connect ECONN/i.test(text) || code === "HHE706") {
    const local = ctx.network === undefined || ctx.network === "localhost";
    return `Cannot reach the ${ctx.network ?? "localhost"} network's node.` +
      (local ? " Is it running? Start the demo with `npm start` (or a bare node with `npx hardhat node`)." : ` Check its RPC URL (${rpcUrlVariable(ctx.network)}).`);
  }
  if (/insufficient funds/i.test(text)) {
    return "The sending account has not enough ETH to pay for this transaction (value plus gas).";
  }
  return undefined;
}

/** The configuration variable holding a network's RPC URL: `remote`'s, or a named network's (hardhat.config.ts). */
export function rpcUrlVariable(network: string | undefined): string {
  return network === undefined || network === "remote" ? "POTLUCK_RPC_URL" : `POTLUCK_${network.toUpperCase().replace(/-/g, "_")}_RPC_URL`;
}
