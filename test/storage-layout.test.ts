// Pool and PoolExtension share one storage (the extension runs on the pool's by DELEGATECALL), so they must agree
// on it. Both keep all their state in one ERC-7201 root (`PoolState`, contracts/pool/PoolStorage.sol) and declare
// no state variable: this test reads the compiler's storage layouts and ASTs (test/helpers/storage-layout.ts) and
// fails when the two disagree. The pairs under contracts/test/ show it failing, naming what disagrees.
import { expect } from "chai";
import { fileURLToPath } from "node:url";
import {
  checkSharedStorage,
  compareLayouts,
  namespacedRoots,
  readCompilerOutput,
  type ContractRef,
} from "./helpers/storage-layout.js";

const ARTIFACTS = fileURLToPath(new URL("../artifacts", import.meta.url));
const POOL: ContractRef = { source: "project/contracts/Pool.sol", name: "Pool" };
const EXTENSION: ContractRef = { source: "project/contracts/PoolExtension.sol", name: "PoolExtension" };
const SOUND: ContractRef = { source: "project/contracts/test/LayoutFaces.sol", name: "LayoutFaceSound" };
const STRAY: ContractRef = { source: "project/contracts/test/LayoutFaces.sol", name: "LayoutFaceStray" };
const OTHER_ROOT: ContractRef = { source: "project/contracts/test/LayoutFaceOtherRoot.sol", name: "LayoutFaceOtherRoot" };
const ROOT = { struct: "project/contracts/pool/PoolStorage.sol:PoolState", namespace: "erc7201:potluck.pool" };

const output = readCompilerOutput(ARTIFACTS, [POOL.source, EXTENSION.source, SOUND.source, OTHER_ROOT.source]);

describe("storage layout", () => {
  describe("Pool and PoolExtension", () => {
    it("agree on their storage: the same layout and the same one namespaced root", () => {
      expect(checkSharedStorage(output, POOL, EXTENSION)).to.deep.equal([]);
    });

    it("declare no state variable: all their state is in PoolState", () => {
      expect(output.contracts[POOL.source][POOL.name].storageLayout?.storage).to.deep.equal([]);
      expect(output.contracts[EXTENSION.source][EXTENSION.name].storageLayout?.storage).to.deep.equal([]);
    });

    it("each reach exactly one namespaced root, PoolState at erc7201:potluck.pool", () => {
      expect(namespacedRoots(output, POOL)).to.deep.equal([ROOT]);
      expect(namespacedRoots(output, EXTENSION)).to.deep.equal([ROOT]);
    });
  });

  describe("the check, on deliberately mismatched pairs", () => {
    it("passes a sound face against Pool", () => {
      expect(checkSharedStorage(output, POOL, SOUND)).to.deep.equal([]);
    });

    it("names a state variable only one face declares", () => {
      const problems = compareLayouts(output, SOUND, STRAY);
      expect(problems).to.have.length(1);
      expect(problems[0]).to.match(/^LayoutFaceStray declares state variable `stray` \(LayoutFaceStray, slot 0, offset 0, uint256/);
      expect(problems[0]).to.contain("that LayoutFaceSound does not have");
      expect(checkSharedStorage(output, EXTENSION, STRAY)).to.deep.equal(
        compareLayouts(output, EXTENSION, STRAY),
      );
    });

    it("names the struct of a face that reaches another namespaced root", () => {
      const problems = checkSharedStorage(output, POOL, OTHER_ROOT);
      expect(problems).to.deep.equal([
        "Pool and LayoutFaceOtherRoot reach different namespaced storage roots: " +
          "project/contracts/pool/PoolStorage.sol:PoolState (erc7201:potluck.pool) against " +
          "project/contracts/test/LayoutFaceOtherRoot.sol:OtherPoolState (erc7201:potluck.pool)",
      ]);
    });
  });
});
