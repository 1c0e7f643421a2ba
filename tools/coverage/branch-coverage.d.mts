// Types of tools/coverage/branch-coverage.mjs (plain JavaScript, so that `node` runs it without a build).
export interface StatementTag {
  tag: string;
  start: number;
  end: number;
}
export interface Arm {
  label: string;
  hits: number;
  how: "statement" | "next statement" | "difference";
}
export interface BranchPoint {
  kind: "if" | "try";
  line: number;
  arms: Arm[];
}
export interface Unmeasured {
  kind: string;
  line: number;
}
export function parseSolidity(sourceName: string, content: string): object;
export function statementTags(sourceName: string, content: string): StatementTag[];
export function loadHits(dataDir: string): Map<string, number>;
export function byteToUtf16(content: string): (byte: number) => number;
export function deriveBranches(args: {
  content: string;
  ast: object;
  tags: StatementTag[];
  hits: Map<string, number>;
}): { branches: BranchPoint[]; unmeasured: Unmeasured[] };
export function branchCoverage(
  root: string,
  files: string[],
  hits?: Map<string, number>,
): { file: string; branches: BranchPoint[]; unmeasured: Unmeasured[]; tags: number; tagsHit: number }[];
