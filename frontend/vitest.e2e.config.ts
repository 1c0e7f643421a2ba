import { defineConfig } from "vitest/config";

// The browser test: one story, one file, steps in order; it starts (and always stops) its own node and server.
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
