// The command line as the CLI tests drive it: Hardhat runs the tasks (`hre.tasks`) against a fresh in-process
// network, in a session of its own (deployments and the generated contracts file in a temporary folder), with
// what they print captured; by default `deploy` and `seed` ran first (the demo). Call inside a `describe`: it
// registers the `before` that sets this up and the `after` that cleans up.
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import hre, { network } from "hardhat";
import type { NetworkConnection } from "hardhat/types/network";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { readDeployment } from "../../scripts/lib/deployments.js";
import type { IPool } from "../../types/ethers-contracts/index.js";
import { useSession } from "../../scripts/lib/session.js";

export interface CommandLine {
  /** The network the tasks ran on, and its accounts (set once the `before` hook has run). */
  connection: NetworkConnection;
  signers: HardhatEthersSigner[];
  /** The session's temporary folder: deployments/ and frontend/contracts.ts are written there. */
  dir: string;
  /** Runs a task: whether it succeeded, and what it printed to stdout and stderr. */
  run(id: string, args?: Record<string, unknown>): Promise<{ success: boolean; out: string; err: string }>;
  /** Runs a task that must succeed and print no error; returns what it printed. */
  ok(id: string, args?: Record<string, unknown>): Promise<string>;
  /** Runs a task that must fail with one "Error: …" line matching `message`, having printed nothing else and mined no block. */
  refuses(id: string, args: Record<string, unknown>, message: RegExp): Promise<void>;
  /** The demo's pool number `index` (`pool:list`'s order). */
  poolAt(index: number): Promise<IPool>;
}

export function commandLine(name: string, { deployAndSeed = true } = {}): CommandLine {
  let restore = () => {};
  const lines = { out: [] as string[], err: [] as string[] };
  const cli: CommandLine = {
    connection: undefined as unknown as NetworkConnection,
    signers: [],
    dir: "",
    async run(id, args = {}) {
      lines.out = [];
      lines.err = [];
      const result = (await hre.tasks.getTask(id).run(args)) as { success: boolean };
      return { success: result.success, out: lines.out.join("\n"), err: lines.err.join("\n") };
    },
    async ok(id, args = {}) {
      const r = await cli.run(id, args);
      expect(r.err, `${id} failed`).to.equal("");
      expect(r.success, `${id} failed`).to.equal(true);
      return r.out;
    },
    async refuses(id, args, message) {
      const before = await cli.connection.ethers.provider.getBlockNumber();
      const r = await cli.run(id, args);
      expect(r.success, `${id} should fail`).to.equal(false);
      expect(r.err.split("\n")).to.have.length(1);
      expect(r.err).to.match(/^Error: /).and.to.match(message);
      expect(r.out, "printed before failing").to.equal("");
      expect(await cli.connection.ethers.provider.getBlockNumber(), "a transaction was sent").to.equal(before);
    },
    async poolAt(index) {
      const record = (await readDeployment(31337, path.join(cli.dir, "deployments")))!;
      const factory = await cli.connection.ethers.getContractAt("PoolFactory", record.contracts.PoolFactory.address);
      return await cli.connection.ethers.getContractAt("IPool", await factory.poolAt(index));
    },
  };

  before(async function () {
    cli.connection = await network.create();
    cli.signers = await cli.connection.ethers.getSigners();
    cli.dir = await mkdtemp(path.join(tmpdir(), `potluck-${name}-`));
    restore = useSession({
      connection: cli.connection,
      deploymentsDir: path.join(cli.dir, "deployments"),
      frontendFile: path.join(cli.dir, "frontend", "contracts.ts"),
      out: (line) => lines.out.push(line),
      err: (line) => lines.err.push(line),
    });
    if (deployAndSeed) {
      await cli.ok("deploy");
      await cli.ok("seed");
    }
  });

  after(async function () {
    restore();
    await rm(cli.dir, { recursive: true, force: true });
  });

  return cli;
}
