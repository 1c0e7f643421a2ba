// Attack catalogue: weight. Weight is epoch-matured and cannot be borrowed, moved or counted twice: a gift
// (a flash loan's, a whale's) counts only from the next epoch boundary, so it can never object, sign, nominate
// or vote in the epoch it arrived; every ballot takes one mark per contributor; reclaim pays money back
// pro rata to money given, never to weight, and only once. Earlier cases: test/pool/budget.test.ts ("attacks"
// › "cannot object with weight given in the current epoch", "one objection per id and kind"),
// test/pool/succession.test.ts ("petitionRecall", "vote", "reclaim").
import { expect } from "chai";
import { network } from "hardhat";
import type { IPool } from "../../types/ethers-contracts/index.js";
import { ClaimStatus, DAY, ETH, SeatStatus, createPool, defaultConfig, deployPotluck, nextEpoch } from "../helpers/potluck.js";
import { kit } from "./shared.js";

const { ethers, networkHelpers } = await network.create();
const { loadFixture, time } = networkHelpers;
const { giveEth, file } = kit(ethers, networkHelpers);

const STIPEND = 1n;

/**
 * Alice 6, bob 30 and carol 4 ETH, matured (epoch 1; the objection bar is 8 ETH); `claim` (the pool's first, number 0)
 * and proposal 0 pending in their windows. `whale` has nothing yet: each test gives it a fortune in the current epoch.
 */
async function ballotFixture() {
  const [deployer, maintainer, alice, bob, carol, whale, payee, candidate] = await ethers.getSigners();
  const { factory } = await deployPotluck(ethers);
  const pool = await createPool(factory, deployer, defaultConfig(maintainer.address));
  for (const rich of [alice, whale]) await networkHelpers.setBalance(rich.address, 1_000_000n * ETH); // a flash loan's worth
  await giveEth(pool, alice, 6n * ETH);
  await giveEth(pool, bob, 30n * ETH);
  await giveEth(pool, carol, 4n * ETH);
  await nextEpoch(pool, networkHelpers);
  const claim = await file(pool, maintainer, STIPEND, ETH, payee.address);
  await pool.connect(maintainer).proposeBudgetChange(0n, "hosting", 3n * ETH, 30n * DAY);
  return { factory, deployer, pool, maintainer, alice, bob, carol, whale, payee, candidate, claim };
}

/** The same pool after the maintainer stepped down: a vacancy election, nominating; alice nominated `candidate`. */
async function electionFixture() {
  const f = await ballotFixture();
  await f.pool.connect(f.maintainer).stepDown();
  await f.pool.connect(f.alice).nominate(f.candidate.address);
  return f;
}

async function toVoting(pool: IPool) {
  await time.increaseTo((await pool.election()).votingStartsAt + 1n);
}

describe("Attacks: weight", function () {
  describe("flash-given weight (a gift in the ballot's epoch counts for nothing)", function () {
    it("object: PoolNoWeight, and the whale's fortune does not move the claim's bar", async function () {
      const { pool, whale, claim } = await loadFixture(ballotFixture);
      const bar = (await pool.claim(claim.id))[0].toReject;
      await giveEth(pool, whale, 10_000n * ETH);
      expect(await pool.weightOf(whale.address)).to.equal(0n);
      await expect(pool.connect(whale).object(claim.id)).to.be.revertedWithCustomError(pool, "PoolNoWeight").withArgs(whale.address);
      expect((await pool.claim(claim.id))[0].toReject).to.equal(bar);
      expect(bar).to.equal(8n * ETH);
    });

    it("objectToChange: PoolNoWeight", async function () {
      const { pool, whale } = await loadFixture(ballotFixture);
      await giveEth(pool, whale, 10_000n * ETH);
      await expect(pool.connect(whale).objectToChange(0n)).to.be.revertedWithCustomError(pool, "PoolNoWeight").withArgs(whale.address);
    });

    it("petitionRecall: PoolNoWeight, and a petition's threshold ignores the fresh gift", async function () {
      const { pool, whale, bob } = await loadFixture(ballotFixture);
      await giveEth(pool, whale, 10_000n * ETH);
      await expect(pool.connect(whale).petitionRecall()).to.be.revertedWithCustomError(pool, "PoolNoWeight").withArgs(whale.address);
      // Bob alone (30 of 40 matured) still reaches the 30% threshold: the whale's gift did not raise it.
      await pool.connect(bob).petitionRecall();
      expect((await pool.seat()).status).to.equal(SeatStatus.Recall);
    });

    it("nominate: PoolNoWeight for a donor whose only gift is from this epoch", async function () {
      const { pool, whale } = await loadFixture(electionFixture);
      await giveEth(pool, whale, 10_000n * ETH);
      await expect(pool.connect(whale).nominate(whale.address)).to.be.revertedWithCustomError(pool, "PoolNoWeight").withArgs(whale.address);
    });

    it("vote: PoolNoWeight for a gift made in the voting epoch; a top-up by a voter with weight adds nothing to the vote", async function () {
      const { pool, whale, alice, candidate } = await loadFixture(electionFixture);
      await toVoting(pool);
      await giveEth(pool, whale, 10_000n * ETH);
      await expect(pool.connect(whale).vote(candidate.address)).to.be.revertedWithCustomError(pool, "PoolNoWeight").withArgs(whale.address);
      await giveEth(pool, alice, 10_000n * ETH);
      await expect(pool.connect(alice).vote(candidate.address))
        .to.emit(pool, "Voted")
        .withArgs((await pool.election()).id, alice.address, candidate.address, 6n * ETH);
    });

    it("matures at the next boundary exactly: the same whale can object to a claim filed after it", async function () {
      const { pool, whale, maintainer, payee } = await loadFixture(ballotFixture);
      await giveEth(pool, whale, 10_000n * ETH);
      await nextEpoch(pool, networkHelpers, 0n);
      expect(await pool.weightOf(whale.address)).to.equal(10_000n * ETH);
      const later = await file(pool, maintainer, STIPEND, ETH, payee.address, "later");
      await expect(pool.connect(whale).object(later.id)).to.emit(pool, "ClaimRejected").withArgs(later.id);
    });
  });

  describe("the first epoch (nobody has matured weight yet)", function () {
    it("a claim filed in epoch 0 and payable before epoch 1 cannot be objected to by anyone: it is paid (maturity with claimDelay < epochLength: reported, not yet decided)", async function () {
      const [deployer, maintainer, alice, payee] = await ethers.getSigners();
      const { factory } = await deployPotluck(ethers);
      const pool = await createPool(factory, deployer, defaultConfig(maintainer.address));
      await giveEth(pool, alice, 40n * ETH);
      const { id, payableAt } = await file(pool, maintainer, STIPEND, 10n * ETH, payee.address, "day one");
      expect(payableAt).to.be.lessThan(await pool.genesis() + (await pool.epochLength()));
      expect((await pool.claim(id))[0].toReject).to.equal(1n); // the bar with no matured weight: any weight at all
      await expect(pool.connect(alice).object(id)).to.be.revertedWithCustomError(pool, "PoolNoWeight").withArgs(alice.address);
      await time.increaseTo(payableAt);
      await expect(pool.payClaim(id)).to.changeEtherBalances(ethers, [pool, payee], [-10n * ETH, 10n * ETH]);
    });
  });

  describe("one mark per contributor and ballot", function () {
    it("double objection to a claim: PoolAlreadyObjected(claimId, who)", async function () {
      const { pool, alice, claim } = await loadFixture(ballotFixture);
      await pool.connect(alice).object(claim.id);
      // The error names the claim by the id the caller passed, as every other claim error and ClaimObjected do.
      await expect(pool.connect(alice).object(claim.id))
        .to.be.revertedWithCustomError(pool, "PoolAlreadyObjected")
        .withArgs(claim.id, alice.address);
      expect((await pool.claim(claim.id))[0].toReject).to.equal(2n * ETH); // 8 - 6, counted once
    });

    it("double objection to a change: PoolAlreadyObjectedToChange(proposalId, who); claim number 0 and proposal 0 are separate ballots", async function () {
      const { pool, alice, claim } = await loadFixture(ballotFixture);
      await pool.connect(alice).objectToChange(0n);
      await expect(pool.connect(alice).objectToChange(0n))
        .to.be.revertedWithCustomError(pool, "PoolAlreadyObjectedToChange")
        .withArgs(0n, alice.address);
      // Claim objections are recorded by claim number: number 0 shares nothing with proposal 0.
      expect(claim.number).to.equal(0n);
      expect(await pool.hasObjected(claim.id, alice.address)).to.equal(false);
      await expect(pool.connect(alice).object(claim.id)).to.emit(pool, "ClaimObjected").withArgs(claim.id, alice.address, 6n * ETH, 2n * ETH);
      expect((await pool.proposal(0n)).toReject).to.equal(2n * ETH);
    });

    it("double signature on one petition: PoolAlreadySigned(who, petitionId)", async function () {
      const { pool, alice } = await loadFixture(ballotFixture);
      await pool.connect(alice).petitionRecall();
      await expect(pool.connect(alice).petitionRecall())
        .to.be.revertedWithCustomError(pool, "PoolAlreadySigned")
        .withArgs(alice.address, 1n);
      expect((await pool.petition()).weight).to.equal(6n * ETH);
    });

    it("double nomination of one candidate, by anyone: PoolAlreadyNominated(candidate)", async function () {
      const { pool, alice, bob, candidate } = await loadFixture(electionFixture);
      await expect(pool.connect(alice).nominate(candidate.address))
        .to.be.revertedWithCustomError(pool, "PoolAlreadyNominated")
        .withArgs(candidate.address);
      await expect(pool.connect(bob).nominate(candidate.address))
        .to.be.revertedWithCustomError(pool, "PoolAlreadyNominated")
        .withArgs(candidate.address);
    });

    it("double vote, even for another candidate: PoolAlreadyVoted(voter, electionId); the tally counts it once", async function () {
      const { pool, alice, bob, candidate } = await loadFixture(electionFixture);
      await pool.connect(bob).nominate(bob.address);
      await toVoting(pool);
      const { id } = await pool.election();
      await pool.connect(alice).vote(candidate.address);
      for (const who of [candidate.address, bob.address]) {
        await expect(pool.connect(alice).vote(who)).to.be.revertedWithCustomError(pool, "PoolAlreadyVoted").withArgs(alice.address, id);
      }
      expect((await pool.candidate(id, candidate.address)).votes).to.equal(6n * ETH);
      expect((await pool.candidate(id, bob.address)).votes).to.equal(0n);
    });
  });

  describe("give-then-reclaim", function () {
    async function windDown(pool: IPool, maintainer: { address: string }) {
      void maintainer;
      await time.increase(61n * DAY);
      await pool.windDown();
    }

    it("a gift made just before wind-down is reclaimed pro rata to money, never more than was given, and shifts nobody else's share", async function () {
      const { pool, maintainer, alice, bob, carol, whale } = await loadFixture(ballotFixture);
      await pool.connect(maintainer).stepDown();
      await time.increase(60n * DAY);
      await giveEth(pool, whale, 40n * ETH); // no weight, but money: 80 ETH given in all
      await windDown(pool, maintainer);
      expect(await pool.totalWeight()).to.equal(0n);
      expect(await pool.weightOf(alice.address)).to.equal(0n);
      // left = 80 ETH (nothing paid): each gets exactly what it gave.
      expect(await pool.reclaimable(whale.address)).to.equal(40n * ETH);
      expect(await pool.reclaimable(alice.address)).to.equal(6n * ETH);
      expect(await pool.reclaimable(bob.address)).to.equal(30n * ETH);
      expect(await pool.reclaimable(carol.address)).to.equal(4n * ETH);
      await expect(pool.connect(whale).reclaim()).to.changeEtherBalances(ethers, [pool, whale], [-40n * ETH, 40n * ETH]);
      await expect(giveEth(pool, whale, ETH)).to.be.revertedWithCustomError(pool, "PoolIsWoundDown");
    });

    it("double reclaim: PoolNothingToReclaim(who), and shares are computed against a fixed total, so order does not matter", async function () {
      const { pool, maintainer, alice, bob, carol, payee, claim } = await loadFixture(ballotFixture);
      await time.increaseTo(claim.payableAt);
      await pool.connect(payee).payClaim(claim.id); // 1 ETH out: 39 left for 40 given
      await pool.connect(maintainer).stepDown();
      await windDown(pool, maintainer);
      await expect(pool.connect(bob).reclaim()).to.changeEtherBalances(ethers, [pool, bob], [-(39n * 30n * ETH) / 40n, (39n * 30n * ETH) / 40n]);
      await expect(pool.connect(bob).reclaim()).to.be.revertedWithCustomError(pool, "PoolNothingToReclaim").withArgs(bob.address);
      expect(await pool.reclaimable(alice.address)).to.equal((39n * 6n * ETH) / 40n);
      await pool.connect(alice).reclaim();
      await pool.connect(carol).reclaim();
      expect([...(await pool.windDownState())]).to.deep.equal([39n * ETH, 39n * ETH]);
    });
  });

  describe("weight is not for sale", function () {
    it("has no transfer: a voter's funds sent on to a second account arrive as a fresh, unmatured gift", async function () {
      const { pool, alice, whale, candidate } = await loadFixture(electionFixture);
      await toVoting(pool);
      await pool.connect(alice).vote(candidate.address);
      // alice "lends" her weight: the second account can only give, and that gift has no weight this epoch.
      await giveEth(pool, whale, 10n * ETH);
      await expect(pool.connect(whale).vote(candidate.address)).to.be.revertedWithCustomError(pool, "PoolNoWeight").withArgs(whale.address);
    });
  });
  describe("in-kind weight is valued by the pledger and booked by the maintainer (a limit SECURITY.md states)", function () {
    // With inKindWeightBps > 0, a pledge's value is whatever the pledger declares, and acceptPledge /
    // recordDelivery are the maintainer's alone. A maintainer who books a self-valued delivery for an account it
    // controls holds, from the next epoch on, more weight than every donor together. This test pins that limit
    // down (SECURITY.md, "Limits we accept"): pools with in-kind weight trust their maintainer's bookkeeping,
    // and the default is inKindWeightBps = 0, where no delivery carries weight.
    it("a booked self-valued delivery outweighs the donors in a pool with in-kind weight, and carries none by default", async function () {
      const [deployer, maintainer, alice, bob, sock, payee] = await ethers.getSigners();
      const { factory } = await deployPotluck(ethers);
      for (const inKindWeightBps of [10_000, 0]) {
        const pool = await createPool(factory, deployer, defaultConfig(maintainer.address, { inKindWeightBps }));
        await giveEth(pool, alice, 40n * ETH);
        await giveEth(pool, bob, 30n * ETH);
        await nextEpoch(pool, networkHelpers);
        await pool.connect(sock).pledge("consulting, valued by myself", 1_000n * ETH, 30n * DAY, 1);
        await pool.connect(maintainer).acceptPledge(0n);
        await pool.connect(maintainer).recordDelivery(0n, 1);
        await nextEpoch(pool, networkHelpers);
        const { id } = await file(pool, maintainer, 1n, 10n * ETH, payee.address, "everything");
        // Every donor objects (all the money in the pool says no), until the claim is rejected.
        await pool.connect(alice).object(id);
        if ((await pool.claim(id))[1] === ClaimStatus.Pending) await pool.connect(bob).object(id);
        if (inKindWeightBps === 0) {
          expect(await pool.weightOf(sock.address)).to.equal(0n);
          expect((await pool.claim(id))[1]).to.equal(ClaimStatus.Rejected);
        } else {
          expect(await pool.weightOf(sock.address)).to.equal(1_000n * ETH);
          expect((await pool.claim(id))[1]).to.equal(ClaimStatus.Pending);
        }
      }
    });
  });
});
