// Branch coverage of the Solidity sources, derived from the statement hits that `hardhat test --coverage`
// records. Hardhat 3 reports lines only (EDR gives no branch data), so this module works it out:
//
// - The statement tags are deterministic: EDR's `addStatementCoverageInstrumentation(source, sourceName,
//   version)` gives the same tags Hardhat compiled in (source name `project/<path>`), each with its UTF-16
//   range. The hits are in coverage/data/{mocha,solidity}/*.json (tag hex -> count).
// - Each source is parsed with the npm `solc` (parsing only), and every branch point is found in the AST.
//   solc's byte offsets are turned into UTF-16 offsets to find each statement's tag.
//
// What counts as a branch (two or more arms each):
// - `if`: the true arm is taken when its body's tag was hit. The false arm: the `else` body's tag; with no
//   `else`, when the true body always leaves (revert, return, break, continue), the tag of the statement
//   after the `if` (reached only through the false arm); otherwise the `if`'s hits minus the true arm's.
// - `try`/`catch`: each clause is an arm; a catch clause is taken when its first statement was hit, an empty
//   clause (`try f() {}`) by the `try`'s hits minus the other arms'.
// Not counted: loops (as in Istanbul), `&&`/`||` short-circuits, modifiers' `_`. Listed as not measurable,
// outside the percentage: `?:` expressions (an expression has no statement tag), `if`/`switch` inside
// inline assembly (not instrumented), `require`/`assert` calls.
//
// What the counts mean: EDR reports each statement at most once per transaction (or call, or Solidity test
// call), so a hit count is the number of transactions that ran the statement. An arm measured by
// difference is therefore under-counted when both arms run in one transaction (in a loop): conservative.
// It over-counts only a transaction that reverted inside the `if`'s own condition.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

/** Parses one Solidity source (no imports resolved) and returns its AST. */
export function parseSolidity(sourceName, content) {
  const solc = require("solc");
  const input = {
    language: "Solidity",
    sources: { [sourceName]: { content } },
    settings: { stopAfter: "parsing", outputSelection: { "*": { "": ["ast"] } } },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input)));
  const errors = (output.errors ?? []).filter((e) => e.severity === "error");
  if (errors.length > 0) throw new Error(`${sourceName}: ${errors.map((e) => e.formattedMessage).join("\n")}`);
  return output.sources[sourceName].ast;
}

/** The statement tags Hardhat's coverage compiles into `content`: [{ tag (hex), start, end }] in UTF-16. */
export function statementTags(sourceName, content) {
  const edr = require("@nomicfoundation/edr");
  // As Hardhat does: instrument for the compiler's version, or EDR's latest if the compiler is newer.
  const solcVersion = require("solc/package.json").version;
  const latest = edr.latestSupportedSolidityVersion();
  const version = compareVersions(solcVersion, latest) <= 0 ? solcVersion : latest;
  const { metadata } = edr.addStatementCoverageInstrumentation(content, sourceName, version);
  return metadata
    .filter((m) => m.kind === "statement")
    .map((m) => ({ tag: Buffer.from(m.tag).toString("hex"), start: m.startUtf16, end: m.endUtf16 }));
}

function compareVersions(a, b) {
  const [x, y] = [a, b].map((v) => v.split(".").map(Number));
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

/** Sums the hit counts of every data file under `dataDir` (coverage/data): tag hex -> count. */
export function loadHits(dataDir) {
  const hits = new Map();
  if (!existsSync(dataDir)) return hits;
  for (const run of readdirSync(dataDir)) {
    const runDir = path.join(dataDir, run);
    for (const file of readdirSync(runDir).filter((f) => f.endsWith(".json"))) {
      for (const [tag, count] of Object.entries(JSON.parse(readFileSync(path.join(runDir, file), "utf8")))) {
        hits.set(tag, (hits.get(tag) ?? 0) + count);
      }
    }
  }
  return hits;
}

/** Maps a UTF-8 byte offset of `content` to its UTF-16 offset. */
export function byteToUtf16(content) {
  const map = [0];
  let utf16 = 0;
  for (const ch of content) {
    const cp = ch.codePointAt(0);
    const bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    utf16 += ch.length;
    for (let i = 1; i < bytes; i++) map.push(undefined); // inside a character: never a node boundary
    map.push(utf16);
  }
  return (byte) => {
    const offset = map[byte];
    if (offset === undefined) throw new Error(`byte offset ${byte} is not a character boundary`);
    return offset;
  };
}

/** Whether `text` is only whitespace and comments. */
function isTrivia(text) {
  return /^(?:\s|\/\/[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*$/.test(text);
}

function terminates(node) {
  if (!node) return false;
  switch (node.nodeType) {
    case "Return":
    case "RevertStatement":
    case "Break":
    case "Continue":
      return true;
    case "ExpressionStatement": {
      const e = node.expression;
      return e.nodeType === "FunctionCall" && e.expression.nodeType === "Identifier" && e.expression.name === "revert";
    }
    case "Block":
    case "UncheckedBlock":
      return terminates(node.statements.at(-1));
    case "IfStatement":
      return node.falseBody !== undefined && node.falseBody !== null && terminates(node.trueBody) && terminates(node.falseBody);
    default:
      return false;
  }
}

/**
 * Finds the branch points of one source and each arm's hits.
 * @param {{ content: string, ast: object, tags: {tag: string, start: number, end: number}[], hits: Map<string, number> }} args
 * @returns {{ branches: { kind: string, line: number, arms: { label: string, hits: number, how: string }[] }[],
 *   unmeasured: { kind: string, line: number }[] }}
 */
export function deriveBranches({ content, ast, tags, hits }) {
  const toUtf16 = byteToUtf16(content);
  const lineStarts = [0];
  for (let i = 0; i < content.length; i++) if (content[i] === "\n") lineStarts.push(i + 1);
  const lineOf = (utf16) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= utf16) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const rangeOf = (node) => {
    const [start, length] = node.src.split(":").map(Number);
    return [toUtf16(start), toUtf16(start + length)];
  };
  // A statement's tag: the narrowest instrumented range that holds the statement and starts at it (only
  // whitespace and comments before it).
  const tagOf = (node) => {
    const [start, end] = rangeOf(node);
    let best;
    for (const t of tags) {
      if (t.start <= start && t.end >= end && isTrivia(content.slice(t.start, start))) {
        if (!best || t.end - t.start < best.end - best.start) best = t;
      }
    }
    return best?.tag;
  };
  const hitsOf = (tag) => hits.get(tag) ?? 0;
  // An arm's entry tag: the body's own, else its first statement's (a catch clause's block has none).
  const entryTag = (body) => {
    const own = tagOf(body);
    if (own) return own;
    if (body.nodeType === "Block" || body.nodeType === "UncheckedBlock") {
      for (const statement of body.statements) {
        const tag = entryTag(statement);
        if (tag) return tag;
        if (statement.nodeType !== "Block" && statement.nodeType !== "UncheckedBlock") return undefined;
      }
    }
    return undefined;
  };

  const branches = [];
  const unmeasured = [];
  const lineAt = (node) => lineOf(rangeOf(node)[0]);

  // Completes arms that have no entry tag (empty bodies) by difference; null if that is impossible.
  const finish = (kind, node, arms) => {
    const missing = arms.filter((a) => a.hits === undefined);
    if (missing.length > 1) return unmeasured.push({ kind: `${kind} (empty arms)`, line: lineAt(node) });
    const own = tagOf(node);
    if (missing.length === 1) {
      if (!own) return unmeasured.push({ kind, line: lineAt(node) });
      const others = arms.filter((a) => a !== missing[0]).reduce((sum, a) => sum + a.hits, 0);
      missing[0].hits = Math.max(0, hitsOf(own) - others);
      missing[0].how = "difference";
    }
    branches.push({ kind, line: lineAt(node), arms });
  };
  const arm = (label, body) => {
    const tag = body ? entryTag(body) : undefined;
    return tag ? { label, hits: hitsOf(tag), how: "statement" } : { label, hits: undefined, how: "" };
  };

  const visit = (node, next) => {
    if (Array.isArray(node)) return node.forEach((child) => visit(child));
    if (!node || typeof node !== "object") return;
    switch (node.nodeType) {
      case "IfStatement": {
        const t = arm("true", node.trueBody);
        let f;
        if (node.falseBody) f = arm("false", node.falseBody);
        else if (terminates(node.trueBody) && next && tagOf(next)) {
          f = { label: "false", hits: hitsOf(tagOf(next)), how: "next statement" };
        } else f = { label: "false", hits: undefined, how: "" };
        finish("if", node, [t, f]);
        break;
      }
      case "TryStatement":
        finish(
          "try",
          node,
          node.clauses.map((clause, i) => arm(i === 0 ? "success" : `catch${clause.errorName ? ` ${clause.errorName}` : ""}`, clause.block)),
        );
        break;
      case "Conditional":
        unmeasured.push({ kind: "?:", line: lineAt(node) });
        break;
      case "YulIf":
      case "YulSwitch":
        unmeasured.push({ kind: `assembly ${node.nodeType === "YulIf" ? "if" : "switch"}`, line: lineAt(node) });
        break;
      case "FunctionCall":
        if (node.expression.nodeType === "Identifier" && ["require", "assert"].includes(node.expression.name)) {
          unmeasured.push({ kind: node.expression.name, line: lineAt(node) });
        }
        break;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === "statements" && Array.isArray(value)) value.forEach((s, i) => visit(s, value[i + 1]));
      else if (value && typeof value === "object") visit(value);
    }
  };
  visit(ast);
  branches.sort((a, b) => a.line - b.line);
  unmeasured.sort((a, b) => a.line - b.line);
  return { branches, unmeasured };
}

/** Branch coverage of `files` (paths relative to `root`), from the hits under `root`/coverage/data. */
export function branchCoverage(root, files, hits = loadHits(path.join(root, "coverage", "data"))) {
  return files.map((file) => {
    const content = readFileSync(path.join(root, file), "utf8");
    const tags = statementTags(`project/${file}`, content);
    const { branches, unmeasured } = deriveBranches({ content, ast: parseSolidity(file, content), tags, hits });
    const tagsHit = tags.filter((t) => hits.has(t.tag)).length;
    return { file, branches, unmeasured, tags: tags.length, tagsHit };
  });
}
