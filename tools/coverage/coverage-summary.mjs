// Summarizes the coverage of the production contracts: everything under contracts/ except contracts/test/
// (mocks and attackers used by the tests), after `hardhat test --coverage`.
// Lines come from Hardhat's report (coverage/lcov.info). Branches are derived by tools/coverage/branch-coverage.mjs
// from the statement hits in coverage/data (Hardhat 3 reports no branches): the arms of every `if`/`else`
// and `try`/`catch`; see that file for the method and for what is not measured.
// Prints both per file and in total, the lines not run and the branch arms not taken, and fails below the
// floors given as arguments: `node tools/coverage/coverage-summary.mjs <min lines %> <min branches %>`.
import { readdirSync, readFileSync } from "node:fs";
import { branchCoverage } from "./branch-coverage.mjs";

const [minLines = "0", minBranches = "0"] = process.argv.slice(2);
const isProduction = (file) => file.startsWith("contracts/") && !file.startsWith("contracts/test/");

const lineRows = new Map();
for (const record of readFileSync("coverage/lcov.info", "utf8").split("end_of_record")) {
  const file = /^SF:(.+)$/m.exec(record)?.[1];
  if (!file || !isProduction(file)) continue;
  const lines = [...record.matchAll(/^DA:(\d+),(\d+)$/gm)];
  lineRows.set(file, {
    lines: lines.length,
    linesHit: lines.filter((m) => m[2] !== "0").length,
    missed: lines.filter((m) => m[2] === "0").map((m) => Number(m[1])).sort((a, b) => a - b),
  });
}

// Every production source, so that one no test compiled is not left out unnoticed.
const sources = readdirSync("contracts", { recursive: true })
  .map((f) => `contracts/${f.split("\\").join("/")}`)
  .filter((f) => f.endsWith(".sol") && isProduction(f));
const problems = [];
const rows = [];
for (const b of branchCoverage(process.cwd(), sources)) {
  const lines = lineRows.get(b.file);
  if (!lines) {
    if (b.tags > 0) problems.push(`${b.file} has statements but is not in coverage/lcov.info (no test compiles it)`);
    continue;
  }
  // The tags are recomputed here: if they were not Hardhat's, no hit would match them.
  if (lines.linesHit > 0 && b.tagsHit === 0) {
    problems.push(`${b.file}: lines were run but none of its statement tags has a hit (instrumentation mismatch?)`);
  }
  const arms = b.branches.flatMap((br) => br.arms.map((arm) => ({ ...arm, line: br.line })));
  rows.push({
    file: b.file,
    ...lines,
    branches: arms.length,
    branchesHit: arms.filter((arm) => arm.hits > 0).length,
    untaken: arms.filter((arm) => arm.hits === 0),
    unmeasured: b.unmeasured,
  });
}

const pct = (hit, all) => (all === 0 ? 100 : (100 * hit) / all);
const branchCell = (hit, all) => (all === 0 ? "n/a".padStart(9) : `${pct(hit, all).toFixed(1).padStart(8)}%`);
const sum = (key) => rows.reduce((total, r) => total + r[key], 0);
const total = { lines: sum("lines"), linesHit: sum("linesHit"), branches: sum("branches"), branchesHit: sum("branchesHit") };

console.log("\nCoverage of contracts/ (production code; contracts/test/ excluded)");
console.log("lines: Hardhat's report; branches: arms of if/else and try/catch, derived from statement hits");
console.log("(tools/coverage/branch-coverage.mjs; hit counts there are transactions, not executions)\n");
console.log(`${"file".padEnd(40)}${"lines".padStart(9)}${"branches".padStart(10)}${"arms".padStart(9)}  lines not run`);
rows.sort((a, b) => a.file.localeCompare(b.file));
for (const r of rows) {
  const arms = r.branches === 0 ? "" : `${r.branchesHit}/${r.branches}`;
  console.log(
    `${r.file.padEnd(40)}${pct(r.linesHit, r.lines).toFixed(1).padStart(8)}%${branchCell(r.branchesHit, r.branches).padStart(10)}${arms.padStart(9)}  ${r.missed.join(", ")}`,
  );
}
const lines = pct(total.linesHit, total.lines);
const branches = pct(total.branchesHit, total.branches);
console.log(`${"total".padEnd(40)}${lines.toFixed(1).padStart(8)}%${branchCell(total.branchesHit, total.branches).padStart(10)}`);
console.log(`(${total.linesHit}/${total.lines} lines, ${total.branchesHit}/${total.branches} branch arms)`);

const untaken = rows.flatMap((r) => r.untaken.map((arm) => `${r.file}:${arm.line} (${arm.label})`));
console.log(`\nbranch arms not taken: ${untaken.length === 0 ? "none" : ""}`);
for (const arm of untaken) console.log(`  ${arm}`);

const unmeasured = rows.filter((r) => r.unmeasured.length > 0);
const unmeasuredCount = unmeasured.reduce((n, r) => n + r.unmeasured.length, 0);
console.log(`not measured (outside the percentage): ${unmeasuredCount === 0 ? "none" : `${unmeasuredCount} branch points`}`);
for (const r of unmeasured) {
  const byKind = Map.groupBy(r.unmeasured, (u) => u.kind);
  const list = [...byKind].map(([kind, at]) => `${kind} at line${at.length > 1 ? "s" : ""} ${at.map((u) => u.line).join(", ")}`);
  console.log(`  ${r.file}: ${list.join("; ")}`);
}

for (const problem of problems) console.error(`\n${problem}`);
if (lines < Number(minLines) || branches < Number(minBranches)) {
  console.error(
    `\ncoverage below the floor: lines ${total.linesHit}/${total.lines} (min ${minLines}%), ` +
      `branch arms ${total.branchesHit}/${total.branches} (min ${minBranches}%)`,
  );
}
if (problems.length > 0 || lines < Number(minLines) || branches < Number(minBranches)) process.exit(1);
