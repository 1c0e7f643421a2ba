import { createRequire } from "node:module";
import hardhatToolboxMochaEthers from "@nomicfoundation/hardhat-toolbox-mocha-ethers";
import { configVariable, defineConfig } from "hardhat/config";
import type { HardhatPlugin } from "hardhat/types/plugins";
import { refuseNegativeAmounts } from "./scripts/lib/argv.js";
import { POTLUCK_SALT } from "./scripts/lib/create2.js";
import { potluckTasks } from "./tasks/index.js";

const require = createRequire(import.meta.url);

// `pool:give 0 -0.5`: refused in Potluck's words before Hardhat's parser reads "-0.5" as options.
refuseNegativeAmounts();

// Solidity is compiled offline with the npm `solc` package (pinned to this
// exact version in package.json), so Hardhat downloads no compiler.
const SOLC_VERSION = "0.8.30";
const solcVersion = (require("solc/package.json") as { version: string }).version;
if (solcVersion !== SOLC_VERSION) {
  throw new Error(`hardhat.config.ts expects solc ${SOLC_VERSION}, node_modules has ${solcVersion}`);
}

// Drops solc's transient-storage warning on OpenZeppelin's TransientSlot.sol (Pool's reentrancy guard clears
// its slot at the end of every call), and no other warning: see tools/toolchain/known-warnings.ts.
const knownWarnings: HardhatPlugin = {
  id: "potluck-known-warnings",
  hookHandlers: { solidity: () => import("./tools/toolchain/known-warnings.js") },
};

const SOLC = {
  version: SOLC_VERSION,
  path: require.resolve("solc/soljson.js"),
  settings: {
    // viaIR with a low run count keeps Pool under the 24 KiB limit (EIP-170); the bench prints sizes.
    optimizer: { enabled: true, runs: 200 },
    viaIR: true,
    evmVersion: "cancun",
    // The storage layouts test/storage-layout.test.ts compares (Pool and PoolExtension must agree). Not part of
    // the metadata, so the bytecode and the CREATE2 addresses are the same with or without it.
    outputSelection: { "*": { "*": ["storageLayout"] } },
  },
};

/**
 * Named networks: `npx hardhat deploy --network base-sepolia`. Each reads its RPC URL from the keystore
 * (`npx hardhat keystore set POTLUCK_BASE_SEPOLIA_RPC_URL`) and signs with the one deployer key,
 * POTLUCK_DEPLOYER_KEY; the chain id is checked against the node's. Potluck's contracts get the same
 * addresses on every one of them (CREATE2 through CreateX, see scripts/lib/deploy.ts).
 */
const NAMED_NETWORKS = {
  sepolia: { chainId: 11155111, chainType: "l1" },
  base: { chainId: 8453, chainType: "op" },
  "base-sepolia": { chainId: 84532, chainType: "op" },
  optimism: { chainId: 10, chainType: "op" },
  "optimism-sepolia": { chainId: 11155420, chainType: "op" },
  arbitrum: { chainId: 42161, chainType: "generic" },
  "arbitrum-sepolia": { chainId: 421614, chainType: "generic" },
} as const;

const namedNetworks = Object.fromEntries(
  Object.entries(NAMED_NETWORKS).map(([name, { chainId, chainType }]) => [
    name,
    {
      type: "http" as const,
      chainType,
      chainId,
      url: configVariable(`POTLUCK_${name.toUpperCase().replace(/-/g, "_")}_RPC_URL`),
      accounts: [configVariable("POTLUCK_DEPLOYER_KEY")],
    },
  ]),
);

export default defineConfig({
  plugins: [hardhatToolboxMochaEthers, knownWarnings],
  tasks: potluckTasks,
  solidity: {
    // `production` is what `npx hardhat ignition deploy` builds: the same compiler and settings as `default`,
    // so both give byte-identical bytecode, hence the same CREATE2 addresses (and PoolExtension stays under
    // 24 KiB, which Hardhat's stock production settings would not keep it).
    profiles: { default: SOLC, production: SOLC },
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
    // `npm start` moves the node to another port when 8545 is taken, and says so: POTLUCK_LOCALHOST_URL.
    localhost: { type: "http", chainType: "l1", url: process.env.POTLUCK_LOCALHOST_URL ?? "http://127.0.0.1:8545" },
    // A simulated chain with Base's id, which the web app does not treat as local: the browser story of the
    // non-local read path (frontend/e2e/non-local.e2e.ts) serves it with `hardhat node --network base-simulated`.
    "base-simulated": { type: "edr-simulated", chainType: "l1", chainId: 8453 },
    remote: {
      type: "http",
      chainType: "l1",
      url: configVariable("POTLUCK_RPC_URL"),
      accounts: [configVariable("POTLUCK_DEPLOYER_KEY")],
    },
    ...namedNetworks,
  },
  // The salt of `npx hardhat ignition deploy ignition/modules/Potluck.ts --strategy create2`, the same as
  // `npx hardhat deploy` uses, so both give the same addresses.
  ignition: { strategyConfig: { create2: { salt: POTLUCK_SALT } } },
  // `npx hardhat verify --network base <address> [constructor args]`, or `npx hardhat ignition verify chain-8453
  // --network base` after a deploy: Etherscan's v2 API takes one key for every chain; Blockscout and Sourcify need none.
  verify: { etherscan: { apiKey: configVariable("ETHERSCAN_API_KEY") } },
});
