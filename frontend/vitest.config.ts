import { defineConfig } from "vitest/config";

// Unit tests: formatting and state logic, no chain and no browser.
export default defineConfig({
  test: { include: ["src/**/*.test.{ts,tsx}", "bundle-budget.test.ts"], environment: "node" },
});
