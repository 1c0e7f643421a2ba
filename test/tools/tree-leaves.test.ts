// tools/lint/tree-leaves.mjs (run by `npm run lint`): every leaf of test/trees/*.tree names a mocha test that
// exists. Shown on the repository's trees, and failing on a fixture tree whose leaves name an unknown test
// and no test at all.
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..", "..");
const SCRIPT = join(ROOT, "tools", "lint", "tree-leaves.mjs");
const FIXTURES = join(import.meta.dirname, "fixtures");

function check(...trees: string[]) {
  const run = spawnSync(process.execPath, [SCRIPT, ...trees], { cwd: ROOT, encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("tools/lint/tree-leaves.mjs", function () {
  this.timeout(30_000);

  it("accepts the repository's trees: every leaf names a test", function () {
    const { status, stdout, stderr } = check();
    expect(stderr).to.equal("");
    expect(status).to.equal(0);
    expect(stdout).to.match(/^tree leaves: \d+ leaves, each names a mocha test\n$/);
  });

  const kind = "template";
  it(`accepts a leaf naming a ${kind} title (a test written once per value) by any of its values`, function () {
    const { status, stdout, stderr } = check(join(FIXTURES, "known-leaves.tree"));
    expect(stderr).to.equal("");
    expect(status).to.equal(0);
    expect(stdout).to.equal("tree leaves: 2 leaves, each names a mocha test\n");
  });

  it("exits 1 naming each leaf whose test does not exist or that names no test", function () {
    const { status, stdout, stderr } = check(join(FIXTURES, "unknown-leaf.tree"));
    expect(status).to.equal(1);
    expect(stdout).to.equal("");
    const lines = stderr.trim().split("\n");
    expect(lines).to.have.length(3);
    expect(lines[0]).to.equal(
      'test/tools/fixtures/unknown-leaf.tree:7: leaf "it should be named with the test it names" names no test: ' +
        "← tools/lint/tree-leaves.mjs › a test nobody wrote",
    );
    expect(lines[1]).to.equal(
      'test/tools/fixtures/unknown-leaf.tree:8: leaf "it should be named as naming nothing" names no test (end it with ← describe › it)',
    );
    expect(lines[2]).to.equal("2 of 3 tree leaves match no mocha test");
  });
});
