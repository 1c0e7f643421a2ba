import { createRequire } from "node:module";
import hardhatToolboxMochaEthers from "@nomicfoundation/hardhat-toolbox-mocha-ethers";
import { configVariable, defineConfig } from "hardhat/config";
import type { HardhatPlugin } from "hardhat/types/plugins";
import { potluckTasks } from "./tasks/index.js";

const require = createRequire(import.meta.url);

// Solidity is compiled offline with the npm `solc` package (pinned to this
// exact version in package.json), so Hardhat downloads no compiler.
const SOLC_VERSION = "0.8.30";
const solcVersion = (require("solc/package.json") as { version: string }).version;
if (solcVersion !== SOLC_VERSION) {
  throw new Error(`hardhat.config.ts expects solc ${SOLC_VERSION}, node_modules has ${solcVersion}`);
}

// Drops solc's transient-storage warning on OpenZeppelin's TransientSlot.sol (Pool's reentrancy guard clears
// its slot at the end of every call), and no other warning: see scripts/toolchain/known-warnings.ts.
const knownWarnings: HardhatPlugin = {
  id: "potluck-known-warnings",
  hookHandlers: { solidity: () => import("./scripts/toolchain/known-warnings.js") },
};

export default defineConfig({
  plugins: [hardhatToolboxMochaEthers, knownWarnings],
  tasks: potluckTasks,
  solidity: {
    version: SOLC_VERSION,
    path: require.resolve("solc/soljson.js"),
    settings: {
      // viaIR with a low run count keeps Pool under the 24 KiB limit (EIP-170); the bench prints sizes.
      optimizer: { enabled: true, runs: 200 },
      viaIR: true,
      evmVersion: "cancun",
    },
  },
  paths: { tests: { mocha: "test", solidity: "test" } },
  test: {
    // Solidity test profiles: `default` is what `npm test` and CI run; `long` is for local use
    // (`npm run test:long`, i.e. `hardhat test solidity --test-profile long`; HARDHAT_TEST_PROFILE=long too).
    // The README ("Accounting invariants") gives both profiles' figures and timings.
    solidity: {
      profiles: {
        default: { fuzz: { runs: 200 }, invariant: { runs: 64, depth: 128 } },
        long: { fuzz: { runs: 5_000 }, invariant: { runs: 1_000, depth: 200 } },
      },
    },
  },
  networks: {
    hardhat: { type: "edr-simulated", chainType: "l1" },
    localhost: { type: "http", chainType: "l1", url: "http://127.0.0.1:8545" },
    // A simulated chain with Base's id, which the web app does not treat as local: the browser story of the
    // non-local read path (frontend/e2e/non-local.e2e.ts) serves it with `hardhat node --network base-simulated`.
    "base-simulated": { type: "edr-simulated", chainType: "l1", chainId: 8453 },
    remote: {
      type: "http",
      chainType: "l1",
      url: configVariable("POTLUCK_RPC_URL"),
      accounts: [configVariable("POTLUCK_DEPLOYER_KEY")],
    },
  },
});
