// @potluck/core/node: what Node-side code shares (the tests' chains and indexers, the browser stories' harness),
// kept out of the package's main entry so the web app's bundle never sees `node:` modules.
import { createServer } from "node:net";

/** A free TCP port on 127.0.0.1 (the system picks it; the probe closes before it is returned). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
