import { describe, expect, it } from "vitest";
import { firstPageBytes } from "./bundle-budget";

const chunk = (code: string, imports: string[] = [], isEntry = false) => ({ type: "chunk" as const, isEntry, imports, code, fileName: "" });

describe("the first page's budget", () => {
  it("counts the entry and its static imports, not what loads on demand", () => {
    const bundle = { "index.js": chunk("a".repeat(1000) + Math.random().toString(36).repeat(50), ["vendor.js"], true), "vendor.js": chunk("v"), "CreatePool.js": chunk("x".repeat(5000)), "index.css": { type: "asset" as const } };
    const { files, bytes } = firstPageBytes(bundle);
    expect(files.sort()).toEqual(["index.js", "vendor.js"]);
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(2_000);
  });
});
