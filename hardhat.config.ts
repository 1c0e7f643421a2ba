import { createRequire } from "node:module";
import hardhatToolboxMochaEthers from "@nomicfoundation/hardhat-toolbox-mocha-ethers";
import { configVariable, defineConfig } from "hardhat/config";
import { potluckTasks } from "./tasks/index.js";

const require = createRequire(import.meta.url);

// Solidity is compiled offline with the npm `solc` package (pinned to this
// exact version in package.json), so Hardhat downloads no compiler.
const SOLC_VERSION = "0.8.30";
const solcVersion = (require("solc/package.json") as { version: string }).version;
if (solcVersion !== SOLC_VERSION) {
  throw new Error(`hardhat.config.ts expects solc ${SOLC_VERSION}, node_modules has ${solcVersion}`);
}

export default defineConfig({
  plugins: [hardhatToolboxMochaEthers],
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
  // CI's profile keeps `npm test` to minutes; `npm run test:long` (POTLUCK_PROFILE=long) searches far deeper.
  test: {
    solidity:
      process.env.POTLUCK_PROFILE === "long"
        ? { fuzz: { runs: 5_000 }, invariant: { runs: 512, depth: 128 } }
        : { fuzz: { runs: 200 }, invariant: { runs: 64, depth: 64 } },
  },
  networks: {
    hardhat: { type: "edr-simulated", chainType: "l1" },
    localhost: { type: "http", chainType: "l1", url: "http://127.0.0.1:8545" },
    remote: {
      type: "http",
      chainType: "l1",
      url: configVariable("POTLUCK_RPC_URL"),
      accounts: [configVariable("POTLUCK_DEPLOYER_KEY")],
    },
  },
});
