// Checks that two contracts sharing one storage (Pool and PoolExtension: the extension runs on the pool's
// storage by DELEGATECALL) agree on it, from the compiler's own output: the storage layout solc reports for each
// (hardhat.config.ts asks for `storageLayout`), and the ERC-7201 namespaced structs (`@custom:storage-location`)
// each contract's sources declare. Both must lay out the same state variables (none, for Potluck) and reach one
// and the same namespaced root. Read from Hardhat 3's build-info files under artifacts/build-info.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** One state variable as solc's `storageLayout` lists it. */
interface StorageEntry {
  label: string;
  slot: string;
  offset: number;
  type: string;
  contract: string;
}

/** A type of solc's `storageLayout.types`. */
interface StorageType {
  label: string;
  encoding: string;
  numberOfBytes: string;
  members?: StorageEntry[];
  key?: string;
  value?: string;
  base?: string;
}

export interface StorageLayout {
  storage: StorageEntry[];
  types: Record<string, StorageType> | null;
}

interface AstNode {
  nodeType: string;
  id: number;
  name?: string;
  absolutePath?: string;
  documentation?: { text?: string } | string | null;
  nodes?: AstNode[];
}

/** What the checker needs of one solc run: each contract's layout, and each source's AST. */
export interface CompilerOutput {
  contracts: Record<string, Record<string, { storageLayout?: StorageLayout }>>;
  sources: Record<string, { ast: AstNode }>;
}

/** A contract by its source name as solc saw it (`project/contracts/Pool.sol`) and its name. */
export interface ContractRef {
  source: string;
  name: string;
}

/** An ERC-7201 namespaced struct: where it is declared and the namespace it claims. */
export interface NamespacedRoot {
  struct: string;
  namespace: string;
}

/**
 * What solc wrote under `artifactsDir` for `sources`: every build-info output, newest first, merged (a source and its
 * contracts come from the newest build that compiled it; Hardhat keeps one build per compilation job).
 */
export function readCompilerOutput(artifactsDir: string, sources: readonly string[]): CompilerOutput {
  const dir = path.join(artifactsDir, "build-info");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".output.json"))
    .map((f) => path.join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  const merged: CompilerOutput = { contracts: {}, sources: {} };
  for (const file of files) {
    const { output } = JSON.parse(readFileSync(file, "utf8")) as { output: CompilerOutput };
    for (const [name, contracts] of Object.entries(output.contracts ?? {})) merged.contracts[name] ??= contracts;
    for (const [name, source] of Object.entries(output.sources ?? {})) merged.sources[name] ??= source;
  }
  const missing = sources.filter((s) => merged.contracts[s] === undefined);
  if (missing.length > 0) throw new Error(`No build under ${dir} compiled ${missing.join(", ")}: run \`npx hardhat build\` first.`);
  return merged;
}

function layoutOf(output: CompilerOutput, c: ContractRef): StorageLayout {
  const layout = output.contracts[c.source]?.[c.name]?.storageLayout;
  if (layout === undefined) {
    throw new Error(`${c.name} has no storage layout in the build: solc's outputSelection must ask for "storageLayout".`);
  }
  return layout;
}

/** A type written out in full (struct members, mapping keys and values), free of the AST ids solc puts in names. */
function describe(types: StorageLayout["types"], id: string): string {
  const t = types?.[id];
  if (t === undefined) return id;
  const shape = `${t.encoding} ${t.numberOfBytes}B`;
  if (t.members !== undefined) {
    const members = t.members.map((m) => `${m.label}@${m.slot}+${m.offset}:${describe(types, m.type)}`).join(", ");
    return `${t.label} (${shape}) { ${members} }`;
  }
  if (t.key !== undefined && t.value !== undefined) return `mapping(${describe(types, t.key)} => ${describe(types, t.value)})`;
  if (t.base !== undefined) return `${t.label} (${shape}) of ${describe(types, t.base)}`;
  return `${t.label} (${shape})`;
}

/** The contract that declares a state variable (solc writes `source:Contract`). */
const declaredIn = (e: StorageEntry): string => e.contract.slice(e.contract.lastIndexOf(":") + 1);

/**
 * Where two contracts' state variables disagree, one sentence per variable, naming it: a variable only one of
 * them declares, or one they place or type differently. Empty when the layouts agree.
 */
export function compareLayouts(output: CompilerOutput, a: ContractRef, b: ContractRef): string[] {
  const la = layoutOf(output, a);
  const lb = layoutOf(output, b);
  const at = (l: StorageLayout, e: StorageEntry) => `slot ${e.slot}, offset ${e.offset}, ${describe(l.types, e.type)}`;
  const problems: string[] = [];
  const count = Math.max(la.storage.length, lb.storage.length);
  for (let i = 0; i < count; i++) {
    const ea = la.storage[i];
    const eb = lb.storage[i];
    if (ea === undefined) {
      problems.push(`${b.name} declares state variable \`${eb.label}\` (${declaredIn(eb)}, ${at(lb, eb)}) that ${a.name} does not have`);
    } else if (eb === undefined) {
      problems.push(`${a.name} declares state variable \`${ea.label}\` (${declaredIn(ea)}, ${at(la, ea)}) that ${b.name} does not have`);
    } else if (ea.label !== eb.label || at(la, ea) !== at(lb, eb)) {
      problems.push(`state variable \`${ea.label}\` of ${a.name} (${at(la, ea)}) and \`${eb.label}\` of ${b.name} (${at(lb, eb)}) share a place but disagree`);
    }
  }
  return problems;
}

function docText(node: AstNode): string {
  const d = node.documentation;
  return typeof d === "string" ? d : (d?.text ?? "");
}

/** Every source the contract's source file imports, directly or not, itself included. */
function reachableSources(output: CompilerOutput, source: string): string[] {
  const seen = new Set<string>();
  const queue = [source];
  while (queue.length > 0) {
    const next = queue.pop()!;
    if (seen.has(next) || output.sources[next] === undefined) continue;
    seen.add(next);
    for (const node of output.sources[next].ast.nodes ?? []) {
      if (node.nodeType === "ImportDirective" && node.absolutePath !== undefined) queue.push(node.absolutePath);
    }
  }
  return [...seen].sort();
}

/** The ERC-7201 namespaced structs (`@custom:storage-location erc7201:…`) in the sources a contract reaches. */
export function namespacedRoots(output: CompilerOutput, c: ContractRef): NamespacedRoot[] {
  const roots: NamespacedRoot[] = [];
  const visit = (source: string, node: AstNode, scope: string) => {
    if (node.nodeType === "StructDefinition") {
      const m = /@custom:storage-location\s+(\S+)/.exec(docText(node));
      if (m !== null) roots.push({ struct: `${source}:${scope}${node.name}`, namespace: m[1] });
    }
    const inner = node.nodeType === "ContractDefinition" ? `${scope}${node.name}.` : scope;
    for (const child of node.nodes ?? []) visit(source, child, inner);
  };
  for (const source of reachableSources(output, c.source)) visit(source, output.sources[source].ast, "");
  return roots;
}

/**
 * Everything that would let two faces of one storage disagree: their layouts (see `compareLayouts`), and their
 * namespaced roots (each must reach exactly one, and the same struct). Empty when they agree.
 */
export function checkSharedStorage(output: CompilerOutput, a: ContractRef, b: ContractRef): string[] {
  const problems = compareLayouts(output, a, b);
  const ra = namespacedRoots(output, a);
  const rb = namespacedRoots(output, b);
  const show = (roots: NamespacedRoot[]) => roots.map((r) => `${r.struct} (${r.namespace})`).join(", ") || "none";
  for (const [c, roots] of [[a, ra], [b, rb]] as const) {
    if (roots.length !== 1) problems.push(`${c.name} reaches ${roots.length} namespaced storage roots, not one: ${show(roots)}`);
  }
  const key = (roots: NamespacedRoot[]) => roots.map((r) => `${r.struct} ${r.namespace}`).sort().join("; ");
  if (key(ra) !== key(rb)) {
    problems.push(`${a.name} and ${b.name} reach different namespaced storage roots: ${show(ra)} against ${show(rb)}`);
  }
  return problems;
}
