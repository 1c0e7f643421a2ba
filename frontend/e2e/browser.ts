// The browser the stories drive: the Chromium inside the @sparticuz/chromium package (a devDependency, so
// `npm install` brings it and nothing is downloaded), or any Chromium named by CHROMIUM_PATH (for example
// Debian's /usr/bin/chromium).
//
// The package ships Chromium Brotli-compressed and unpacks it into os.tmpdir() on first use, reusing
// whatever a `chromium` file already there is (another project's version, or half a file from an
// interrupted run). So it is unpacked into a directory of its own under node_modules/.cache, named by the
// package's version, and moved into place only once complete.
//
// Its Chromium runs with --single-process: closing a browser context closes the whole browser. Stories
// open pages in one context and close pages, never the context.
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rename, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import sparticuz from "@sparticuz/chromium";
import { chromium, type Browser } from "playwright-core";

const require = createRequire(import.meta.url);

/** Where the packaged Chromium is unpacked: node_modules/.cache/potluck-chromium/<package version>. */
function unpackedDir(): string {
  // The package exports only its entry point (build/index.js): its directory is one level up.
  const packageDir = path.resolve(path.dirname(require.resolve("@sparticuz/chromium")), "..");
  const { version } = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string };
  return path.join(packageDir, "..", "..", ".cache", "potluck-chromium", version);
}

/** Runs `fn` with os.tmpdir() (which @sparticuz/chromium unpacks into) pointing at `dir`. */
async function withTmpdir<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  try {
    return await fn();
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
}

/** The packaged Chromium's executable, unpacked on first use (a few seconds). */
async function packagedChromium(): Promise<string> {
  const dir = unpackedDir();
  if (!existsSync(path.join(dir, "chromium"))) {
    await mkdir(path.dirname(dir), { recursive: true });
    const staging = await mkdtemp(`${dir}.unpacking-`);
    await withTmpdir(staging, () => sparticuz.executablePath());
    await rename(staging, dir).catch(async (error: NodeJS.ErrnoException) => {
      // Another run finished first: keep its copy.
      await rm(staging, { recursive: true, force: true });
      if (!existsSync(path.join(dir, "chromium"))) throw error;
    });
  }
  return withTmpdir(dir, () => sparticuz.executablePath());
}

/** Where the browser comes from, for the test's log. */
export const browserSource = process.env.CHROMIUM_PATH !== undefined ? `CHROMIUM_PATH (${process.env.CHROMIUM_PATH})` : "@sparticuz/chromium";

/** Launches headless Chromium: CHROMIUM_PATH if set, else the packaged one. */
export async function launchBrowser(): Promise<Browser> {
  const systemChromium = process.env.CHROMIUM_PATH;
  if (systemChromium !== undefined) {
    if (!existsSync(systemChromium)) throw new Error(`CHROMIUM_PATH is ${systemChromium}, which does not exist (unset it to use the Chromium from @sparticuz/chromium)`);
    return chromium.launch({
      executablePath: systemChromium,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
    });
  }
  return chromium.launch({
    executablePath: await packagedChromium(),
    headless: true,
    args: [...sparticuz.args, "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
}
