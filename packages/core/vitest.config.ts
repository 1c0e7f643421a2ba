import { defineConfig } from "vitest/config";

// The core's unit tests: pure functions, no chain and no browser.
export default defineConfig({
  test: { include: ["src/**/*.test.ts"], environment: "node" },
});
