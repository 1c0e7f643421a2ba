// ESLint over the TypeScript of the scripts, tasks, tests, Hardhat config and web app (see docs/lint.md).
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  {
    ignores: [
      "artifacts/",
      "cache/",
      "coverage/",
      "dist/",
      "types/",
      "ignition/deployments/",
      "frontend/dist/",
      "frontend/src/generated/",
      "indexer/.ponder/",
      "indexer/generated/",
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: "error" } },
  js.configs.recommended,
  { rules: { eqeqeq: "error" } },
  {
    files: ["**/*.ts", "**/*.tsx"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        project: ["./tsconfig.json", "./frontend/tsconfig.json", "./indexer/tsconfig.json"],
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    files: ["hardhat.config.ts", "ignition/**", "indexer/**", "scripts/**", "tasks/**", "test/**", "tools/**", "frontend/e2e/**", "frontend/*.config.ts", "**/*.{js,mjs,cjs}"],
    languageOptions: { globals: globals.node },
  },
  {
    files: ["**/*.cjs", "tools/lint/solhint-plugin-potluck/**/*.js"],
    languageOptions: { sourceType: "commonjs" },
  },
  {
    // Tests destructure Hardhat's network helpers (`const { loadFixture, time } = networkHelpers`), plain
    // functions that never use `this`, which the rule cannot see.
    files: ["test/**/*.test.ts"],
    rules: { "@typescript-eslint/unbound-method": "off" },
  },
  {
    files: ["frontend/src/**"],
    extends: [reactHooks.configs.flat["recommended-latest"]],
    languageOptions: { globals: globals.browser },
  },
);
