import react from "@vitejs/plugin-react";
import path from "node:path";
import { defineConfig } from "vite";
import { firstPageBudget } from "./bundle-budget";

// POTLUCK_CONTRACTS_FILE points the app at another generated contracts file (the browser test's own
// deployment, written outside the repository), so a test never overwrites what `npm start` generated.
const contractsFile = process.env.POTLUCK_CONTRACTS_FILE;

export default defineConfig({
  // firstPageBudget: the build fails if the first page's gzipped JavaScript passes 300 KB (bundle-budget.ts).
  plugins: [react(), firstPageBudget()],
  resolve: {
    alias: contractsFile ? [{ find: /^\.\/generated\/contracts$/, replacement: path.resolve(contractsFile) }] : [],
  },
  server: { host: "127.0.0.1", port: 5173 },
  preview: { host: "127.0.0.1", port: 4173 },
  build: { target: "es2022", sourcemap: false, chunkSizeWarningLimit: 1_000 },
});
