// Where the scripts and tasks read and write, and where they print. The defaults are the repository's
// `deployments/` and the web app's generated file; tests point them at a temporary directory and hand in
// an in-process network connection, so they never touch the files `npm start` and the web app use.
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
  /** A connection to use instead of creating one (tests: the in-process network). */
  connection?: NetworkConnection;
  /** The network to connect to when no connection is given; undefined: `--network`, else localhost. */
  network?: string;
  /** Normal output (one line per call). */
  out: (line: string) => void;
  /** Error output. */
  err: (line: string) => void;
}

const defaults: Session = {
  deploymentsDir: path.join(ROOT, "deployments"),
  frontendFile: path.join(ROOT, "frontend", "src", "generated", "contracts.ts"),
  out: (line) => console.log(line),
  err: (line) => console.error(line),
};

let current: Session = { ...defaults };

export function session(): Session {
  return current;
}

/** Replaces parts of the session; returns a function that restores the previous one. */
export function useSession(overrides: Partial<Session>): () => void {
  const previous = current;
  current = { ...previous, ...overrides };
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
