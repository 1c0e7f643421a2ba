// Candidate statements (issue 18): whoever nominates, or the candidate, may say who the candidate is, a name
// and a `data:` or `ipfs:` URI, as a `CandidateStatement` event. One test per rule: the bounds (name 64
// bytes, URI 1,024 bytes, the two schemes), who may state and when, that nothing is stored (nominate costs what
// it cost, a statement only its bytes), and that an empty statement emits nothing.
import { expect } from "chai";
import { network } from "hardhat";
import { ETH, ElectionPhase, createPool, defaultConfig, deployPotluck, nextEpoch } from "../helpers/potluck.js";
import { kit, UNDER_COVERAGE } from "./shared.js";

const { ethers, networkHelpers } = await network.create();
const { loadFixture, time } = networkHelpers;
const { giveEth, gasOf } = kit(ethers, networkHelpers);

const URI = "data:text/plain;charset=utf-8,Edited%20issues%209%20to%2012.";

/** A vacancy election taking nominations; alice and bob have matured weight, carol has none. */
async function nominatingFixture() {
  const [deployer, maintainer, alice, bob, carol, dave] = await ethers.getSigners();
  const { factory } = await deployPotluck(ethers);
  const pool = await createPool(factory, deployer, defaultConfig(maintainer.address));
  await giveEth(pool, alice, ETH);
  await giveEth(pool, bob, ETH);
  await nextEpoch(pool, networkHelpers);
  await pool.connect(maintainer).stepDown();
  return { pool, maintainer, alice, bob, carol, dave };
}

describe("candidate statements", () => {
  it("nominateWithStatement nominates and emits the statement, naming who stated it", async () => {
    const { pool, alice, carol } = await loadFixture(nominatingFixture);
    const [id] = await pool.election();
    await expect(pool.connect(alice).nominateWithStatement(carol.address, "Carol", URI))
      .to.emit(pool, "Nominated").withArgs(id, carol.address, alice.address)
      .and.to.emit(pool, "CandidateStatement").withArgs(id, carol.address, alice.address, "Carol", URI);
    expect((await pool.candidate(id, carol.address))[0]).to.equal(true);
  });

  it("an empty statement nominates and emits no statement", async () => {
    const { pool, alice, carol } = await loadFixture(nominatingFixture);
    await expect(pool.connect(alice).nominateWithStatement(carol.address, "", "")).to.emit(pool, "Nominated").and.not.to.emit(pool, "CandidateStatement");
  });

  it("takes a name alone, a URI alone, ipfs: URIs, and exactly 64 bytes of name and 1,024 of URI", async () => {
    const { pool, alice, bob, carol, dave } = await loadFixture(nominatingFixture);
    await expect(pool.connect(alice).nominateWithStatement(carol.address, "é".repeat(32), "")).to.emit(pool, "CandidateStatement");
    await expect(pool.connect(alice).nominateWithStatement(dave.address, "", "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi"))
      .to.emit(pool, "CandidateStatement");
    await expect(pool.connect(bob).nominateWithStatement(bob.address, "Bob", `data:,${"a".repeat(1024 - 6)}`)).to.emit(pool, "CandidateStatement");
  });

  it("refuses a name over 64 bytes (PoolStatementNameTooLong), counting bytes, not characters", async () => {
    const { pool, alice, carol } = await loadFixture(nominatingFixture);
    await expect(pool.connect(alice).nominateWithStatement(carol.address, "é".repeat(32) + "x", ""))
      .to.be.revertedWithCustomError(pool, "PoolStatementNameTooLong").withArgs(65, 64);
    expect((await pool.candidate((await pool.election())[0], carol.address))[0]).to.equal(false);
  });

  it("refuses a URI over 1,024 bytes (PoolStatementUriTooLong)", async () => {
    const { pool, alice, carol } = await loadFixture(nominatingFixture);
    await expect(pool.connect(alice).nominateWithStatement(carol.address, "Carol", `data:,${"a".repeat(1024 - 5)}`))
      .to.be.revertedWithCustomError(pool, "PoolStatementUriTooLong").withArgs(1025, 1024);
  });

  it("refuses any scheme but data: and ipfs: (PoolStatementUriScheme), with the URI's first five bytes", async () => {
    const { pool, alice, carol } = await loadFixture(nominatingFixture);
    for (const [uri, start] of [
      ["https://carol.example", "0x6874747073"],
      ["javascript:alert(1)", "0x6a61766173"],
      ["DATA:,x", "0x444154413a"],
      ["ipfs", "0x6970667300"], // shorter than five bytes: zero-padded
    ] as const) {
      await expect(pool.connect(alice).nominateWithStatement(carol.address, "Carol", uri))
        .to.be.revertedWithCustomError(pool, "PoolStatementUriScheme").withArgs(start);
    }
  });

  it("keeps nominate's own rules: phase, weight, one nomination per candidate", async () => {
    const { pool, alice, carol, dave } = await loadFixture(nominatingFixture);
    await expect(pool.connect(carol).nominateWithStatement(dave.address, "Dave", URI)).to.be.revertedWithCustomError(pool, "PoolNoWeight").withArgs(carol.address);
    await pool.connect(alice).nominate(carol.address);
    await expect(pool.connect(alice).nominateWithStatement(carol.address, "Carol", URI))
      .to.be.revertedWithCustomError(pool, "PoolAlreadyNominated").withArgs(carol.address);
    await time.increaseTo((await pool.election())[2]);
    await expect(pool.connect(alice).nominateWithStatement(dave.address, "Dave", URI))
      .to.be.revertedWithCustomError(pool, "PoolElectionPhase").withArgs(ElectionPhase.Voting);
  });

  it("a nominated candidate states and restates their own while nominating and voting; the statement is theirs", async () => {
    const { pool, alice, carol } = await loadFixture(nominatingFixture);
    await pool.connect(alice).nominateWithStatement(carol.address, "Carol?", "");
    const [id] = await pool.election();
    await expect(pool.connect(carol).describeCandidacy("Carol", URI)).to.emit(pool, "CandidateStatement").withArgs(id, carol.address, carol.address, "Carol", URI);
    await time.increaseTo((await pool.election())[2]);
    await expect(pool.connect(carol).describeCandidacy("", "")).to.emit(pool, "CandidateStatement").withArgs(id, carol.address, carol.address, "", "");
  });

  it("describeCandidacy: only a candidate of the open election, and not once voting has ended", async () => {
    const { pool, alice, carol, dave } = await loadFixture(nominatingFixture);
    await expect(pool.connect(dave).describeCandidacy("Dave", URI)).to.be.revertedWithCustomError(pool, "PoolNotNominated").withArgs(dave.address);
    await pool.connect(alice).nominate(carol.address);
    await expect(pool.connect(carol).describeCandidacy("Carol", "https://x")).to.be.revertedWithCustomError(pool, "PoolStatementUriScheme");
    await expect(pool.connect(carol).describeCandidacy("x".repeat(65), "")).to.be.revertedWithCustomError(pool, "PoolStatementNameTooLong").withArgs(65, 64);
    await time.increaseTo((await pool.election())[3]);
    await expect(pool.connect(carol).describeCandidacy("Carol", URI)).to.be.revertedWithCustomError(pool, "PoolElectionPhase").withArgs(ElectionPhase.Counting);
    await pool.finalizeElection();
    await expect(pool.connect(carol).describeCandidacy("Carol", URI)).to.be.revertedWithCustomError(pool, "PoolElectionPhase").withArgs(ElectionPhase.None);
  });

  it("stores nothing: a statement costs its bytes over nominate, and nominate costs the same beside it", async () => {
    const { pool, alice, bob, carol, dave } = await loadFixture(nominatingFixture);
    const plain = await gasOf(pool.connect(alice).nominate(carol.address));
    const stated = await gasOf(pool.connect(bob).nominateWithStatement(dave.address, "Dave", URI));
    // Calldata (at most 16 a byte) and log data (8 a byte, ABI-padded) plus the event's four topics: about 6,700,
    // less than one fresh storage slot (22,100), so nothing is stored. Under --coverage the instrumented code costs
    // more per statement: there only the slot bound holds.
    expect(stated - plain).to.be.greaterThan(0n).and.lessThan(UNDER_COVERAGE ? 22_100n : 8_000n);
    // Each byte more costs calldata and log data only: 320 bytes more stay under 320 × (16 + 8) plus padding.
    const shorter = await gasOf(pool.connect(dave).describeCandidacy("Dave", URI));
    const longer = await gasOf(pool.connect(dave).describeCandidacy("Dave", `${URI}${"a".repeat(320)}`));
    expect(longer - shorter).to.be.lessThan(320n * 24n + 500n);
  });
});
