// Where the scripts and tasks read and write, and where they print. The defaults are the repository's
// `deployments/` and the web app's generated file; tests point them at a temporary directory and hand in
// an in-process network connection, so they never touch the files `npm start` and the web app use.
import { inert } from "@potluck/core";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { NetworkConnection } from "hardhat/types/network";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface Session {
  /** Directory of `<chainId>.json` deployment records. */
  deploymentsDir: string;
  /** Hardhat Ignition's journals (`chain-<id>/`); default: ignition/deployments/ for the repository's records, else beside them. */
  ignitionDir?: string;
  /** The web app's generated contracts file. */
  frontendFile: string;
  /**
   * Where the local chain's addresses go instead of `frontendFile` (an ignored file, so `npm start` leaves
   * the tracked one as it is); undefined: into `frontendFile` with the others.
   */
  frontendLocalFile?: string;
  /** A connection to use instead of creating one (tests: the in-process network). */
  connection?: NetworkConnection;
  /** The network to connect to when no connection is given; undefined: `--network`, else localhost. */
  network?: string;
  /** Normal output (one line per call). */
  out: (line: string) => void;
  /** Error output. */
  err: (line: string) => void;
}

// The tasks make chain text inert where they read it; the terminal gets the same filter once more on the way
// out, so that no line Potluck prints can carry an escape sequence or a bidirectional override.
const defaults: Session = {
  deploymentsDir: path.join(ROOT, "deployments"),
  frontendFile: path.join(ROOT, "frontend", "src", "generated", "contracts.ts"),
  frontendLocalFile: path.join(ROOT, "frontend", "src", "generated", "local-deployments.json"),
  out: (line) => console.log(inert(line, { multiline: true })),
  err: (line) => console.error(inert(line, { multiline: true })),
};

let current: Session = { ...defaults };

export function session(): Session {
  return current;
}

/** Replaces parts of the session; returns a function that restores the previous one. */
export function useSession(overrides: Partial<Session>): () => void {
  const previous = current;
  current = { ...previous, ...overrides };
  // A session that writes the web app's file elsewhere (a test) keeps every chain in that one file, and
  // never touches the repository's local file.
  if (overrides.frontendFile !== undefined && !("frontendLocalFile" in overrides)) current.frontendLocalFile = undefined;
  return () => {
    current = previous;
  };
}

/** Where Ignition keeps its journals: ignition/deployments/ (as `npx hardhat ignition …` expects) for the
 * repository's records; beside the records for any other directory (tests), so those never touch the repository. */
export function ignitionDeploymentsDir(): string {
  const s = session();
  if (s.ignitionDir !== undefined) return s.ignitionDir;
  return s.deploymentsDir === defaults.deploymentsDir ? path.join(ROOT, "ignition", "deployments") : path.join(s.deploymentsDir, "ignition");
}
