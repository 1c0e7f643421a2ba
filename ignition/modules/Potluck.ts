// Potluck as a Hardhat Ignition module: PoolExtension, then Pool(extension), then PoolFactory(pool), and the
// demo token MockUSD on the local chain. `npx hardhat deploy` (scripts/lib/deploy.ts) deploys it with
// Ignition's `create2` strategy, so the addresses are the same on every chain; it builds the module with
// `contractAt` for a contract that already has code at its address (deployed earlier, or by anyone else:
// the address fixes the code), which Ignition then only reads.
//
// The default export is the whole module, for Ignition's own command line:
//   npx hardhat ignition deploy ignition/modules/Potluck.ts --strategy create2 --network base-sepolia
// (the same addresses as `npx hardhat deploy`, whose dry run, record and web app file it lacks).
import { buildModule, type ContractFuture } from "@nomicfoundation/ignition-core";

export const MOCK_USD = { name: "Mock USD", symbol: "mUSD", decimals: 6 } as const;

export interface PotluckModuleOptions {
  /** Contracts that already have code at their deterministic address: their address. */
  existing?: Partial<Record<"PoolExtension" | "Pool" | "PoolFactory" | "MockUSD", string>>;
  /** Also deploy the demo token (the local chain only). */
  mockUsd?: boolean;
}

export function potluckModule({ existing = {}, mockUsd = false }: PotluckModuleOptions = {}) {
  return buildModule("Potluck", (m) => {
    // A contract found on chain gets an id of its own (`…_existing`), so a journal in which Ignition deployed
    // it never conflicts with a run that only reads it.
    const extension = existing.PoolExtension !== undefined
      ? m.contractAt("PoolExtension", existing.PoolExtension, { id: "PoolExtension_existing" })
      : m.contract("PoolExtension", []);
    const pool = existing.Pool !== undefined
      ? m.contractAt("Pool", existing.Pool, { id: "Pool_existing" })
      : m.contract("Pool", [extension]);
    const factory = existing.PoolFactory !== undefined
      ? m.contractAt("PoolFactory", existing.PoolFactory, { id: "PoolFactory_existing" })
      : m.contract("PoolFactory", [pool]);
    const results: Record<string, ContractFuture<string>> = { extension, pool, factory };
    if (mockUsd) {
      results.usd = existing.MockUSD !== undefined
        ? m.contractAt("MockERC20", existing.MockUSD, { id: "MockUSD_existing" })
        : m.contract("MockERC20", [MOCK_USD.name, MOCK_USD.symbol, MOCK_USD.decimals], { id: "MockUSD" });
    }
    return results;
  });
}

export default potluckModule();
