import { defineConfig } from "vitest/config";

// The browser tests: one story per file (the local demo's, and the read path of a chain the app does not
// treat as local), steps in order, one file at a time; each starts (and always stops) its own node and server.
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    bail: 1,
  },
});
