import react from "@vitejs/plugin-react";
import path from "node:path";
import { defineConfig, type Plugin } from "vite";
import { firstPageBudget } from "./bundle-budget";

// POTLUCK_CONTRACTS_FILE points the app at another generated contracts file (the browser test's own
// deployment, written outside the repository), so a test never overwrites what `npm start` generated.
const contractsFile = process.env.POTLUCK_CONTRACTS_FILE;

/**
 * index.html's first script starts the first screen's requests before the app's script has loaded: it is
 * given the indexer's and the RPC's URLs here, as the build resolved them (unset: none, and it starts nothing).
 */
function earlyRequestUrls(): Plugin {
  let env: Record<string, unknown> = {};
  return {
    name: "potluck-early-request-urls",
    configResolved(config) {
      env = config.env;
    },
    transformIndexHtml(html) {
      const urls = JSON.stringify({ indexer: env.VITE_INDEXER_URL ?? "", rpc: env.VITE_RPC_URL ?? "" }).replace(/</g, "\\u003c");
      return html.replace(/\{\} \/\* potluck:urls [^*]*\*\//, urls);
    },
  };
}

export default defineConfig({
  // firstPageBudget: the build fails if the first page's gzipped JavaScript passes 300 KB (bundle-budget.ts).
  plugins: [react(), earlyRequestUrls(), firstPageBudget()],
  resolve: {
    alias: contractsFile ? [{ find: /^\.\/generated\/contracts$/, replacement: path.resolve(contractsFile) }] : [],
  },
  server: { host: "127.0.0.1", port: 5173 },
  preview: { host: "127.0.0.1", port: 4173 },
  build: { target: "es2022", sourcemap: false, chunkSizeWarningLimit: 1_000 },
});
