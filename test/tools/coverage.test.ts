// Unit tests of tools/coverage/branch-coverage.mjs, which derives branch coverage from Hardhat's statement hits:
// a tiny inline contract, its real statement tags (from EDR, as Hardhat compiles them) and a fabricated hits
// map. No chain needed.
import { expect } from "chai";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  byteToUtf16,
  deriveBranches,
  loadHits,
  parseSolidity,
  statementTags,
  type StatementTag,
} from "../../tools/coverage/branch-coverage.mjs";

// Non-ASCII text before the statements (a 3-byte "—" and a 4-byte emoji, which is 2 UTF-16 units) shifts
// solc's byte offsets away from EDR's UTF-16 ones: a wrong conversion would find no tags.
const SOURCE = `// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// Tiny — a contract with one branch point of each kind 🍲
contract Tiny {
    error Zero();
    uint256 public total;

    function ifElse(uint256 x) external returns (uint256) {
        if (x > 10) {
            total += x; // big — counted whole
        } else {
            total += 1;
        }
        return total;
    }

    function guard(uint256 x) external {
        if (x == 0) revert Zero(); // 🍲
        total = x;
    }

    function noElse(uint256 x) external {
        if (x > 5) total += x;
        total += 1;
    }

    function last(uint256 x) external {
        total = x;
        if (x == 7) revert Zero();
    }

    function tryIt(address a) external {
        try Tiny(a).guard(1) {} catch {
            total = 0;
        }
    }

    function early(uint256 x) external {
        if (x == 9) {
            total = 9;
            return;
        }
        total = x;
    }

    function unmeasured(uint256 x) external view returns (uint256 y) {
        y = x > 1 ? x : total;
        require(x != 3, "three");
        assembly {
            if iszero(x) { y := 1 }
        }
    }
}
`;

/** The tag of the statement that starts on `line` (1-based) with `text`. */
function tagAt(tags: StatementTag[], line: number, text: string): string {
  const found = tags.filter((t) => {
    const start = t.start + (SOURCE.slice(t.start).length - SOURCE.slice(t.start).trimStart().length);
    return SOURCE.slice(0, start).split("\n").length === line && SOURCE.startsWith(text, start);
  });
  expect(found, `${line}: ${text}`).to.have.length(1);
  return found[0].tag;
}

describe("tools/coverage/branch-coverage.mjs", function () {
  const tags = statementTags("project/contracts/Tiny.sol", SOURCE);
  const ast = parseSolidity("contracts/Tiny.sol", SOURCE);

  /** Runs the derivation with the hits given as [line, the statement's first characters, count]. */
  function derive(hits: Array<[number, string, number]>) {
    const map = new Map(hits.map(([line, text, count]) => [tagAt(tags, line, text), count]));
    const { branches, unmeasured } = deriveBranches({ content: SOURCE, ast, tags, hits: map });
    const at = (line: number) => {
      const found = branches.filter((b) => b.line === line);
      expect(found, `branch point at line ${line}`).to.have.length(1);
      return found[0].arms.map((a) => `${a.label}=${a.hits} ${a.how}`);
    };
    return { branches, unmeasured, at };
  }

  it("converts solc's UTF-8 byte offsets to UTF-16 offsets", function () {
    const toUtf16 = byteToUtf16("a—🍲b");
    expect([0, 1, 4, 8, 9].map(toUtf16)).to.deep.equal([0, 1, 2, 4, 5]);
    expect(() => toUtf16(2)).to.throw(/not a character boundary/);
  });

  it("finds every if and try, and measures each arm from the statement hits", function () {
    const { branches, at } = derive([
      [10, "if (x > 10)", 5],
      [10, "{", 3], // the true body: a block has its own tag
      [11, "total += x", 3],
      [12, "{", 2], // the else body
      [13, "total += 1", 2],
      [15, "return total", 5],
      [19, "if (x == 0)", 4],
      [19, "revert Zero()", 1],
      [20, "total = x", 3], // the statement after the guard
      [24, "if (x > 5)", 4],
      [24, "total += x", 1],
      [25, "total += 1", 4],
      [29, "total = x", 6],
      [30, "if (x == 7)", 6],
      [30, "revert Zero()", 2],
      [34, "try Tiny(a)", 3],
      [35, "total = 0", 1],
      [40, "if (x == 9)", 3],
      [40, "{", 1],
      [41, "total = 9", 1],
      [44, "total = x", 2],
    ]);
    expect(branches).to.have.length(6);
    expect(at(10)).to.deep.equal(["true=3 statement", "false=2 statement"]);
    // The true arm always leaves: the next statement is reached only through the false arm.
    expect(at(19)).to.deep.equal(["true=1 statement", "false=3 next statement"]);
    // The true arm falls through: the false arm is the if's hits less the true arm's.
    expect(at(24)).to.deep.equal(["true=1 statement", "false=3 difference"]);
    // No statement after it: by difference too.
    expect(at(30)).to.deep.equal(["true=2 statement", "false=4 difference"]);
    // The success clause is empty: the try's hits less the catch clause's.
    expect(at(34)).to.deep.equal(["success=2 difference", "catch=1 statement"]);
    // A block that ends in a return leaves too.
    expect(at(40)).to.deep.equal(["true=1 statement", "false=2 next statement"]);
  });

  it("reports arms that were never taken as 0, and never below 0", function () {
    // (The last two counts disagree, as no run records them: the difference stops at 0.)
    const { at } = derive([
      [10, "if (x > 10)", 2],
      [10, "{", 2],
      [11, "total += x", 2],
      [19, "if (x == 0)", 1],
      [19, "revert Zero()", 1],
      [24, "if (x > 5)", 1],
      [24, "total += x", 1],
      [34, "try Tiny(a)", 1],
      [35, "total = 0", 2],
    ]);
    expect(at(10)).to.deep.equal(["true=2 statement", "false=0 statement"]);
    expect(at(19)).to.deep.equal(["true=1 statement", "false=0 next statement"]);
    expect(at(24)).to.deep.equal(["true=1 statement", "false=0 difference"]);
    expect(at(30)).to.deep.equal(["true=0 statement", "false=0 difference"]);
    expect(at(34)).to.deep.equal(["success=0 difference", "catch=2 statement"]);
    expect(at(40)).to.deep.equal(["true=0 statement", "false=0 next statement"]);
  });

  it("lists ?:, require/assert and inline assembly branches as not measured", function () {
    const { unmeasured } = derive([]);
    expect(unmeasured).to.deep.equal([
      { kind: "?:", line: 48 },
      { kind: "require", line: 49 },
      { kind: "assembly if", line: 51 },
    ]);
  });

  it("sums the hits of every data file", async function () {
    const dir = await mkdtemp(path.join(tmpdir(), "potluck-coverage-"));
    try {
      await mkdir(path.join(dir, "mocha"));
      await mkdir(path.join(dir, "solidity"));
      await writeFile(path.join(dir, "mocha", "a.json"), JSON.stringify({ aa: 2, bb: 1 }));
      await writeFile(path.join(dir, "solidity", "b.json"), JSON.stringify({ aa: 3 }));
      expect(Object.fromEntries(loadHits(dir))).to.deep.equal({ aa: 5, bb: 1 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
