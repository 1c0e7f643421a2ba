// Summarizes coverage/lcov.info (written by `hardhat test --coverage`) for the production contracts:
// everything under contracts/ except contracts/test/ (mocks and attackers used by the tests).
// Prints lines (and branches, where the report has them: Hardhat 3's does not yet) per file and in total,
// and fails below the floors given as arguments.
import { readFileSync } from "node:fs";

const [minLines = "0", minBranches = "0"] = process.argv.slice(2);
const records = readFileSync("coverage/lcov.info", "utf8").split("end_of_record");
const rows = [];
for (const record of records) {
  const file = /^SF:(.+)$/m.exec(record)?.[1];
  if (!file || !file.startsWith("contracts/") || file.startsWith("contracts/test/")) continue;
  const lines = [...record.matchAll(/^DA:(\d+),(\d+)$/gm)];
  const branches = [...record.matchAll(/^BRDA:\d+,\d+,\d+,(\d+|-)$/gm)];
  rows.push({
    file,
    lines: lines.length,
    linesHit: lines.filter((m) => m[2] !== "0").length,
    missed: lines.filter((m) => m[2] === "0").map((m) => Number(m[1])).sort((a, b) => a - b),
    branches: branches.length,
    branchesHit: branches.filter((m) => m[1] !== "-" && m[1] !== "0").length,
  });
}
const pct = (hit, all) => (all === 0 ? 100 : (100 * hit) / all);
const branchPct = (hit, all) => (all === 0 ? "n/a".padStart(9) : `${pct(hit, all).toFixed(1).padStart(8)}%`);
const total = rows.reduce(
  (t, r) => ({
    lines: t.lines + r.lines,
    linesHit: t.linesHit + r.linesHit,
    branches: t.branches + r.branches,
    branchesHit: t.branchesHit + r.branchesHit,
  }),
  { lines: 0, linesHit: 0, branches: 0, branchesHit: 0 },
);
console.log("\nCoverage of contracts/ (production code; contracts/test/ excluded)\n");
console.log(`${"file".padEnd(40)}${"lines".padStart(9)}${"branches".padStart(10)}  lines not run`);
for (const r of rows.sort((a, b) => a.file.localeCompare(b.file))) {
  console.log(
    `${r.file.padEnd(40)}${pct(r.linesHit, r.lines).toFixed(1).padStart(8)}%${branchPct(r.branchesHit, r.branches).padStart(10)}  ${r.missed.join(", ")}`,
  );
}
const lines = pct(total.linesHit, total.lines);
const branches = pct(total.branchesHit, total.branches);
console.log(`${"total".padEnd(40)}${lines.toFixed(1).padStart(8)}%${branchPct(total.branchesHit, total.branches).padStart(10)}`);
console.log(`(${total.linesHit}/${total.lines} lines, ${total.branchesHit}/${total.branches} branches)`);
if (lines < Number(minLines) || branches < Number(minBranches)) {
  console.error(`\ncoverage below the floor: lines ${lines.toFixed(1)}% (min ${minLines}), branches ${branches.toFixed(1)}% (min ${minBranches})`);
  process.exit(1);
}
