import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bigintEnum, CLAIM_STATUS, ELECTION_KIND, ELECTION_PHASE, ENUMS, PLEDGE_STATUS, PROPOSAL_STATUS, SEAT_STATUS } from "./index.ts";

const CONTRACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../contracts");

/** Every `enum Name { A, B }` declared under contracts/ (test mocks aside), members in order. */
function solidityEnums(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of readdirSync(CONTRACTS, { recursive: true, encoding: "utf8" })) {
    if (!file.endsWith(".sol") || file.startsWith("test")) continue;
    const source = readFileSync(path.join(CONTRACTS, file), "utf8").replace(/\/\/.*$/gm, "").replace(/\/\*[\s\S]*?\*\//g, "");
    for (const m of source.matchAll(/\benum\s+(\w+)\s*\{([^}]*)\}/g)) {
      found.set(m[1], m[2].split(",").map((s) => s.trim()).filter((s) => s !== ""));
    }
  }
  return found;
}

describe("enums", () => {
  it("match the contracts' declarations, member for member", () => {
    const declared = solidityEnums();
    expect([...declared.keys()].sort()).toEqual(Object.keys(ENUMS).sort());
    for (const [name, members] of declared) {
      const ours = ENUMS[name as keyof typeof ENUMS] as Record<string, number>;
      expect(Object.entries(ours), name).toEqual(members.map((m, i) => [m, i]));
    }
  });

  it("have a name for people for every member", () => {
    expect(SEAT_STATUS).toHaveLength(Object.keys(ENUMS.SeatStatus).length);
    expect(ELECTION_KIND).toHaveLength(Object.keys(ENUMS.ElectionKind).length);
    expect(ELECTION_PHASE).toHaveLength(Object.keys(ENUMS.ElectionPhase).length);
    expect(CLAIM_STATUS).toHaveLength(Object.keys(ENUMS.ClaimStatus).length);
    expect(PROPOSAL_STATUS).toHaveLength(Object.keys(ENUMS.ProposalStatus).length);
    expect(PLEDGE_STATUS).toHaveLength(Object.keys(ENUMS.PledgeStatus).length);
  });

  it("come as bigints for comparing with what ethers returns", () => {
    expect(bigintEnum(ENUMS.ClaimStatus)).toEqual({ None: 0n, Pending: 1n, Paid: 2n, Rejected: 3n, Cancelled: 4n, Void: 5n });
  });
});
