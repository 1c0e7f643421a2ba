// The first page's JavaScript budget: what a visitor's browser must fetch before the app shows anything (the
// entry chunk and every chunk it imports statically), gzipped, must stay under 300 KB, so the app opens fast on
// a phone. A Vite plugin: `vite build` (and so the browser stories, which build the app) fails above it.
import { gzipSync } from "node:zlib";
import type { Plugin } from "vite";

export const FIRST_PAGE_BUDGET = 300 * 1024;

interface ChunkLike { type: "chunk"; isEntry: boolean; imports: string[]; code: string; fileName: string }
type BundleLike = Record<string, ChunkLike | { type: "asset" }>;

/** The gzipped bytes of the entry chunks and their static imports (dynamic imports load later). */
export function firstPageBytes(bundle: BundleLike): { bytes: number; files: string[] } {
  const seen = new Set<string>();
  const visit = (name: string) => {
    const chunk = bundle[name];
    if (seen.has(name) || chunk === undefined || chunk.type !== "chunk") return;
    seen.add(name);
    chunk.imports.forEach(visit);
  };
  for (const [name, chunk] of Object.entries(bundle)) if (chunk.type === "chunk" && chunk.isEntry) visit(name);
  let bytes = 0;
  for (const name of seen) bytes += gzipSync((bundle[name] as ChunkLike).code, { level: 9 }).length;
  return { bytes, files: [...seen] };
}

export function firstPageBudget(limit = FIRST_PAGE_BUDGET): Plugin {
  return {
    name: "potluck-first-page-budget",
    apply: "build",
    generateBundle(_, bundle) {
      const { bytes, files } = firstPageBytes(bundle);
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      if (bytes > limit) {
        this.error(`The first page loads ${kb(bytes)} of gzipped JavaScript (${files.join(", ")}), over its ${kb(limit)} budget: load the new code on demand (import()) or drop a dependency.`);
      }
      this.info(`first page: ${kb(bytes)} of gzipped JavaScript (budget ${kb(limit)})`);
    },
  };
}
