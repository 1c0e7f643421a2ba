// @potluck/core: what the command line, the tasks, the web app and the tests share, with no chain in it.
// Plain, erasable TypeScript (no enums, no parameter properties), imported as source: Hardhat's loader, Node's
// type stripping, Vite and Vitest all run it without a build step.
export * from "./enums.ts";
export * from "./limits.ts";
export * from "./errors.ts";
export * from "./math.ts";
export * from "./metadata.ts";
export * from "./permit.ts";
export * from "./runway.ts";
export * from "./statement.ts";
export * from "./text.ts";
export * from "./units.ts";
