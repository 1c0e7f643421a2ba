#!/usr/bin/env node
// Checks that every leaf of the Bulloak-style trees (test/trees/*.tree) names a mocha test that exists.
//
// A leaf is a node with no child (`└── it should …`); it ends with " ← " and the test that covers it: the end
// of the test's full title, describe names and `it` title joined by " › ", e.g.
//     │   └── it should revert with PoolZeroAmount ← fileClaim › reverts › if the amount is zero
// The tests are read from the mocha files (test/**/*.test.ts) without running them: a `describe(` or `it(`
// with a literal title, nested by indentation (two spaces a level, as the files are written); in a template
// title (a test written once per value), `${…}` stands for any text.
// Usage: node tools/lint/tree-leaves.mjs [tree files…] (default: test/trees/*.tree). Exits 1 naming every
// leaf that names no test, or a test that does not exist; on success prints the count.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const ROOT = join(import.meta.dirname, "..", "..");
const SEP = " › ";

/** The test files under `dir`, recursively. */
function testFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return name.endsWith(".test.ts") ? [path] : [];
  });
}

const TITLE = /^(\s*)(describe|it)(?:\.only|\.skip)?\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|`([^`]*)`)/;

/** Every test's full title in `source`, as its list of describe names and `it` title. */
export function testTitles(source) {
  const stack = []; // { indent, title } of the open describes
  const titles = [];
  for (const line of source.split("\n")) {
    const m = TITLE.exec(line);
    if (!m) continue;
    const indent = m[1].length;
    const title = m[3] !== undefined ? JSON.parse(`"${m[3]}"`) : m[4] !== undefined ? m[4].replace(/\\'/g, "'") : m[5];
    while (stack.length > 0 && stack[stack.length - 1].indent >= indent) stack.pop();
    if (m[2] === "describe") stack.push({ indent, title });
    else titles.push([...stack.map((d) => d.title), title]);
  }
  return titles;
}

/** The leaves of a tree (nodes with no child): line number, text and the test it names after " ← " (or undefined). */
export function leaves(tree) {
  const nodes = tree.split("\n").flatMap((line, i) => {
    const m = /[├└]── (.*?)\s*(?: ← (.+?))?\s*$/.exec(line);
    return m ? [{ depth: m.index, line: i + 1, text: m[1], ref: m[2] }] : [];
  });
  return nodes
    .filter((node, k) => k + 1 === nodes.length || nodes[k + 1].depth <= node.depth)
    .map(({ line, text, ref }) => ({ line, text, ref }));
}

/** Whether `ref` is the end of the full title `title` (whole names; `${…}` in a template title matches any text). */
export function names(title, ref) {
  const pattern = (part) => part.split(/\$\{[^}]*\}/).map((t) => t.replace(/[.*+?^$()|[\]{}\\]/g, "\\$&")).join(".+");
  return title.some((_, k) => new RegExp(`^${title.slice(k).map(pattern).join(SEP)}$`).test(ref));
}

/** The leaves of `tree` whose reference is missing or names no test of `titles`. */
export function unmatched(tree, titles) {
  return leaves(tree).filter(({ ref }) => ref === undefined || !titles.some((title) => names(title, ref)));
}

function main(args) {
  const trees =
    args.length > 0
      ? args
      : readdirSync(join(ROOT, "test", "trees"))
          .filter((n) => n.endsWith(".tree"))
          .map((n) => join(ROOT, "test", "trees", n));
  const titles = testFiles(join(ROOT, "test")).flatMap((f) => testTitles(readFileSync(f, "utf8")));
  let count = 0;
  let failures = 0;
  for (const tree of trees) {
    const text = readFileSync(tree, "utf8");
    count += leaves(text).length;
    for (const leaf of unmatched(text, titles)) {
      failures++;
      const why = leaf.ref === undefined ? "names no test (end it with ← describe › it)" : `names no test: ← ${leaf.ref}`;
      console.error(`${relative(process.cwd(), tree)}:${leaf.line}: leaf "${leaf.text}" ${why}`);
    }
  }
  if (failures > 0) {
    console.error(`${failures} of ${count} tree leaves match no mocha test`);
    process.exit(1);
  }
  console.log(`tree leaves: ${count} leaves, each names a mocha test`);
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
