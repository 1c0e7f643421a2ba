// Hardhat 3 needs Node >= 22.13, and its native simulator (EDR) ships as an
// optional dependency that declares `engines.node >= 22`. When `npm install`
// runs under an older Node, npm silently skips that package, so this
// postinstall (which npm runs with node_modules/.bin first on PATH, i.e. under
// the Node 22 from the `node` devDependency) completes the install under
// Node 22. It re-runs npm only when something is missing, so the nested
// install's own postinstall finds everything and stops.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const [major, minor] = process.versions.node.split(".").map(Number);

if (major < 22 || (major === 22 && minor < 13)) {
  console.error(
    `potluck: postinstall runs under Node ${process.version}, but Hardhat 3 needs >= 22.13.\n` +
      "The `node` devDependency should provide it in node_modules/.bin; run `npm install` again.",
  );
  process.exit(1);
}

const nativeEdr = `@nomicfoundation/edr-${process.platform}-${process.arch}${
  process.platform === "linux" ? "-gnu" : ""
}`;

function has(pkg) {
  try {
    require.resolve(`${pkg}/package.json`);
    return true;
  } catch {
    return false;
  }
}

if (!has("hardhat") || has(nativeEdr)) process.exit(0);

if (process.env.POTLUCK_COMPLETING_INSTALL) {
  console.error(`potluck: ${nativeEdr} is still missing after completing the install under ${process.version}.`);
  process.exit(1);
}

const npmCli = process.env.npm_execpath;
if (!npmCli) {
  console.error("potluck: run this through `npm install`.");
  process.exit(1);
}
console.log(`potluck: completing the install under Node ${process.version} (${nativeEdr} was skipped)`);
execFileSync(process.execPath, [npmCli, "install", "--no-audit", "--no-fund"], {
  stdio: "inherit",
  env: { ...process.env, POTLUCK_COMPLETING_INSTALL: "1" },
});
