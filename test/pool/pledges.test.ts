// In-kind capital goods, as DESIGN.md "Recurring gifts and in-kind capital goods" describes them: pledge /
// acceptPledge / declinePledge / recordDelivery / withdrawPledge, the weight recorded deliveries earn, and a
// season of a project with both standing orders and a pledge. The set-up is in test/helpers/recurring.ts.
import { expect } from "chai";
import { network } from "hardhat";
import {
  DAY,
  ETH,
  Parameter,
  SeatStatus,
  Weighting,
  createPool,
  defaultConfig,
  defaultLines,
  nextEpoch,
  BPS,
  MAX_AMOUNT,
  MAX_DURATION,
  MIN_DURATION,
  WEIGHTINGS,
  weightFor,
  PledgeStatus,
} from "../helpers/potluck.js";
import { chain, list } from "../helpers/chain.js";
import {
  BUILD_MACHINE, MAX_DESCRIPTION_LENGTH, MONTH, TUSD, recurringKit,
} from "../helpers/recurring.js";

const { ethers, networkHelpers } = await network.create();
const { loadFixture, time } = networkHelpers;
const { minedAt } = chain(ethers, networkHelpers);
const { recall, pledgesFixture } = recurringKit(ethers, networkHelpers);

describe("PoolPledges", function () {
  describe("pledge", function () {
    describe("reverts", function () {
      it("if the description is empty", async function () {
        const { pool, carol } = await loadFixture(pledgesFixture);
        await expect(pool.connect(carol).pledge("", TUSD, MONTH, 1))
          .to.be.revertedWithCustomError(pool, "PoolInvalidParameter")
          .withArgs(Parameter.PledgeDescription, 0n);
      });

      it("if the description is longer than 280 bytes (counted in bytes, not characters)", async function () {
        const { pool, carol } = await loadFixture(pledgesFixture);
        await expect(pool.connect(carol).pledge("x".repeat(MAX_DESCRIPTION_LENGTH + 1), TUSD, MONTH, 1))
          .to.be.revertedWithCustomError(pool, "PoolInvalidParameter")
          .withArgs(Parameter.PledgeDescription, MAX_DESCRIPTION_LENGTH + 1);
        await expect(pool.connect(carol).pledge("€".repeat(100), TUSD, MONTH, 1)) // 300 bytes in UTF-8
          .to.be.revertedWithCustomError(pool, "PoolInvalidParameter")
          .withArgs(Parameter.PledgeDescription, 300n);
      });

      it("if the value per period is zero", async function () {
        const { pool, carol } = await loadFixture(pledgesFixture);
        await expect(pool.connect(carol).pledge(BUILD_MACHINE, 0n, MONTH, 1)).to.be.revertedWithCustomError(
          pool,
          "PoolZeroAmount",
        );
      });

      it("if there are zero periods", async function () {
        const { pool, carol } = await loadFixture(pledgesFixture);
        await expect(pool.connect(carol).pledge(BUILD_MACHINE, TUSD, MONTH, 0)).to.be.revertedWithCustomError(
          pool,
          "PoolZeroAmount",
        );
      });

      it("if the value of all periods leaves the 96-bit range", async function () {
        const { pool, carol } = await loadFixture(pledgesFixture);
        await expect(pool.connect(carol).pledge(BUILD_MACHINE, MAX_AMOUNT, MONTH, 2))
          .to.be.revertedWithCustomError(pool, "PoolAmountOverflow")
          .withArgs(2n * MAX_AMOUNT, MAX_AMOUNT);
        await expect(pool.connect(carol).pledge(BUILD_MACHINE, 2n ** 95n, MONTH, 2))
          .to.be.revertedWithCustomError(pool, "PoolAmountOverflow")
          .withArgs(2n ** 96n, MAX_AMOUNT);
        await expect(pool.connect(carol).pledge(BUILD_MACHINE, MAX_AMOUNT + 1n, MONTH, 1))
          .to.be.revertedWithCustomError(pool, "PoolAmountOverflow")
          .withArgs(MAX_AMOUNT + 1n, MAX_AMOUNT);
      });

      it("with PoolAmountOverflow (not an arithmetic panic) when the value times the periods passes 2^256", async function () {
        const { pool, carol } = await loadFixture(pledgesFixture);
        await expect(pool.connect(carol).pledge(BUILD_MACHINE, ethers.MaxUint256, MONTH, 2)).to.be.revertedWithCustomError(
          pool,
          "PoolAmountOverflow",
        );
      });

      it("if the period is out of range", async function () {
        const { pool, carol } = await loadFixture(pledgesFixture);
        await expect(pool.connect(carol).pledge(BUILD_MACHINE, TUSD, MIN_DURATION - 1n, 1))
          .to.be.revertedWithCustomError(pool, "PoolInvalidParameter")
          .withArgs(Parameter.PledgePeriod, MIN_DURATION - 1n);
        await expect(pool.connect(carol).pledge(BUILD_MACHINE, TUSD, MAX_DURATION + 1n, 1))
          .to.be.revertedWithCustomError(pool, "PoolInvalidParameter")
          .withArgs(Parameter.PledgePeriod, MAX_DURATION + 1n);
      });
    });

    it("records an offered pledge: Pledged, pledgeAt, pledgeCount", async function () {
      const { pool, carol, dave } = await loadFixture(pledgesFixture);
      expect(await pool.pledgeCount()).to.equal(0n);
      expect(await pool.connect(carol).pledge.staticCall(BUILD_MACHINE, 50n * TUSD, MONTH, 12)).to.equal(0n);
      await expect(pool.connect(carol).pledge(BUILD_MACHINE, 50n * TUSD, MONTH, 12))
        .to.emit(pool, "Pledged")
        .withArgs(0n, carol.address, 50n * TUSD, MONTH, 12n, BUILD_MACHINE);
      await expect(pool.connect(dave).pledge("a desk", 5n * TUSD, 7n * DAY, 4))
        .to.emit(pool, "Pledged")
        .withArgs(1n, dave.address, 5n * TUSD, 7n * DAY, 4n, "a desk");
      expect(await pool.pledgeCount()).to.equal(2n);
      const p = await pool.pledgeAt(0n);
      expect([p.pledger, p.valuePerPeriod, p.period, p.periods, p.delivered, p.status, p.description]).to.deep.equal([
        carol.address,
        50n * TUSD,
        MONTH,
        12n,
        0n,
        PledgeStatus.Offered,
        BUILD_MACHINE,
      ]);
      expect((await pool.pledgeAt(1n)).pledger).to.equal(dave.address);
      expect((await pool.pledgeAt(2n)).status).to.equal(PledgeStatus.None);
    });

    it("accepts the bounds: 280 bytes, the whole 96-bit range, an hour and ten years", async function () {
      const { pool, carol } = await loadFixture(pledgesFixture);
      await expect(pool.connect(carol).pledge("x".repeat(MAX_DESCRIPTION_LENGTH), TUSD, MONTH, 1)).to.emit(pool, "Pledged");
      // 2^96 - 1 = 3 * (2^96 - 1) / 3 exactly.
      await expect(pool.connect(carol).pledge(BUILD_MACHINE, MAX_AMOUNT / 3n, MONTH, 3)).to.emit(pool, "Pledged");
      await expect(pool.connect(carol).pledge(BUILD_MACHINE, TUSD, MIN_DURATION, 65_535)).to.emit(pool, "Pledged");
      await expect(pool.connect(carol).pledge(BUILD_MACHINE, TUSD, MAX_DURATION, 1)).to.emit(pool, "Pledged");
      expect(await pool.pledgeCount()).to.equal(4n);
    });

    it("works in an ETH pool too (valued in ETH)", async function () {
      const { factory, deployer, maintainer, carol } = await loadFixture(pledgesFixture);
      const ethPool = await createPool(factory, deployer, defaultConfig(maintainer.address, { inKindWeightBps: 10_000 }));
      await ethPool.connect(carol).pledge(BUILD_MACHINE, ETH / 10n, MONTH, 2);
      await ethPool.connect(maintainer).acceptPledge(0n);
      await expect(ethPool.connect(maintainer).recordDelivery(0n, 1))
        .to.emit(ethPool, "DeliveryRecorded")
        .withArgs(0n, carol.address, 1n, ETH / 10n);
      await nextEpoch(ethPool, networkHelpers);
      expect(await ethPool.weightOf(carol.address)).to.equal(ETH / 10n);
      expect(await ethPool.balance()).to.equal(0n);
    });
  });

  describe("acceptPledge and declinePledge", function () {
    async function offeredFixture() {
      const f = await pledgesFixture();
      await f.pool.connect(f.carol).pledge(BUILD_MACHINE, 50n * TUSD, MONTH, 3);
      return f;
    }

    describe("reverts", function () {
      it("if the caller is not the maintainer", async function () {
        const { pool, carol, stranger } = await loadFixture(offeredFixture);
        for (const who of [carol, stranger]) {
          await expect(pool.connect(who).acceptPledge(0n))
            .to.be.revertedWithCustomError(pool, "PoolNotMaintainer")
            .withArgs(who.address);
          await expect(pool.connect(who).declinePledge(0n))
            .to.be.revertedWithCustomError(pool, "PoolNotMaintainer")
            .withArgs(who.address);
        }
      });

      it("while a recall runs (PoolSeatStatus)", async function () {
        const { pool, maintainer, alice } = await loadFixture(offeredFixture);
        await recall(pool, alice);
        await expect(pool.connect(maintainer).acceptPledge(0n))
          .to.be.revertedWithCustomError(pool, "PoolSeatStatus")
          .withArgs(SeatStatus.Recall);
        await expect(pool.connect(maintainer).declinePledge(0n))
          .to.be.revertedWithCustomError(pool, "PoolSeatStatus")
          .withArgs(SeatStatus.Recall);
      });

      it("once the seat is open: nobody is maintainer, the former one included", async function () {
        const { pool, maintainer } = await loadFixture(offeredFixture);
        await pool.connect(maintainer).stepDown();
        expect((await pool.seat()).status).to.equal(SeatStatus.Open);
        await expect(pool.connect(maintainer).acceptPledge(0n))
          .to.be.revertedWithCustomError(pool, "PoolNotMaintainer")
          .withArgs(maintainer.address);
        await expect(pool.connect(maintainer).declinePledge(0n))
          .to.be.revertedWithCustomError(pool, "PoolNotMaintainer")
          .withArgs(maintainer.address);
      });

      it("if the pledge does not exist", async function () {
        const { pool, maintainer } = await loadFixture(offeredFixture);
        await expect(pool.connect(maintainer).acceptPledge(1n))
          .to.be.revertedWithCustomError(pool, "PoolUnknownPledge")
          .withArgs(1n);
        await expect(pool.connect(maintainer).declinePledge(7n))
          .to.be.revertedWithCustomError(pool, "PoolUnknownPledge")
          .withArgs(7n);
      });

      it("if the pledge is not offered", async function () {
        const { pool, maintainer, carol } = await loadFixture(offeredFixture);
        await pool.connect(maintainer).acceptPledge(0n);
        for (const action of ["acceptPledge", "declinePledge"] as const) {
          await expect(pool.connect(maintainer)[action](0n))
            .to.be.revertedWithCustomError(pool, "PoolPledgeStatus")
            .withArgs(0n, PledgeStatus.Accepted);
        }
        await pool.connect(carol).pledge(BUILD_MACHINE, TUSD, MONTH, 1); // 1
        await pool.connect(maintainer).declinePledge(1n);
        await pool.connect(carol).pledge(BUILD_MACHINE, TUSD, MONTH, 1); // 2
        await pool.connect(carol).withdrawPledge(2n);
        await pool.connect(carol).pledge(BUILD_MACHINE, TUSD, MONTH, 1); // 3
        await pool.connect(maintainer).acceptPledge(3n);
        await pool.connect(maintainer).recordDelivery(3n, 1);
        for (const [id, status] of [
          [1n, PledgeStatus.Declined],
          [2n, PledgeStatus.Withdrawn],
          [3n, PledgeStatus.Completed],
        ] as const) {
          for (const action of ["acceptPledge", "declinePledge"] as const) {
            await expect(pool.connect(maintainer)[action](id))
              .to.be.revertedWithCustomError(pool, "PoolPledgeStatus")
              .withArgs(id, status);
          }
        }
      });
    });

    it("accepts an offered pledge: PledgeAccepted, status Accepted", async function () {
      const { pool, maintainer } = await loadFixture(offeredFixture);
      await expect(pool.connect(maintainer).acceptPledge(0n)).to.emit(pool, "PledgeAccepted").withArgs(0n);
      expect((await pool.pledgeAt(0n)).status).to.equal(PledgeStatus.Accepted);
    });

    it("declines an offered pledge: PledgeDeclined, status Declined, no deliveries", async function () {
      const { pool, maintainer } = await loadFixture(offeredFixture);
      await expect(pool.connect(maintainer).declinePledge(0n)).to.emit(pool, "PledgeDeclined").withArgs(0n);
      expect((await pool.pledgeAt(0n)).status).to.equal(PledgeStatus.Declined);
      await expect(pool.connect(maintainer).recordDelivery(0n, 1))
        .to.be.revertedWithCustomError(pool, "PoolPledgeStatus")
        .withArgs(0n, PledgeStatus.Declined);
    });
  });

  describe("recordDelivery", function () {
    /** Carol's accepted pledge 0 (3 periods of 50 TUSD), Dave's offered pledge 1. */
    async function acceptedFixture() {
      const f = await pledgesFixture();
      await f.pool.connect(f.carol).pledge(BUILD_MACHINE, 50n * TUSD, MONTH, 3);
      await f.pool.connect(f.maintainer).acceptPledge(0n);
      await f.pool.connect(f.dave).pledge("a desk", 5n * TUSD, 7n * DAY, 4);
      return f;
    }

    describe("reverts", function () {
      it("if the caller is not the maintainer", async function () {
        const { pool, carol, stranger } = await loadFixture(acceptedFixture);
        for (const who of [carol, stranger]) {
          await expect(pool.connect(who).recordDelivery(0n, 1))
            .to.be.revertedWithCustomError(pool, "PoolNotMaintainer")
            .withArgs(who.address);
        }
      });

      it("while a recall runs, or once the seat is open", async function () {
        const { pool, maintainer, alice } = await loadFixture(acceptedFixture);
        await recall(pool, alice);
        await expect(pool.connect(maintainer).recordDelivery(0n, 1))
          .to.be.revertedWithCustomError(pool, "PoolSeatStatus")
          .withArgs(SeatStatus.Recall);
        await pool.connect(maintainer).stepDown();
        await expect(pool.connect(maintainer).recordDelivery(0n, 1))
          .to.be.revertedWithCustomError(pool, "PoolNotMaintainer")
          .withArgs(maintainer.address);
      });

      it("for zero periods", async function () {
        const { pool, maintainer } = await loadFixture(acceptedFixture);
        await expect(pool.connect(maintainer).recordDelivery(0n, 0)).to.be.revertedWithCustomError(pool, "PoolZeroAmount");
      });

      it("if the pledge does not exist", async function () {
        const { pool, maintainer } = await loadFixture(acceptedFixture);
        await expect(pool.connect(maintainer).recordDelivery(2n, 1))
          .to.be.revertedWithCustomError(pool, "PoolUnknownPledge")
          .withArgs(2n);
      });

      it("unless the pledge is accepted", async function () {
        const { pool, maintainer, dave } = await loadFixture(acceptedFixture);
        await expect(pool.connect(maintainer).recordDelivery(1n, 1))
          .to.be.revertedWithCustomError(pool, "PoolPledgeStatus")
          .withArgs(1n, PledgeStatus.Offered);
        await pool.connect(dave).withdrawPledge(1n);
        await expect(pool.connect(maintainer).recordDelivery(1n, 1))
          .to.be.revertedWithCustomError(pool, "PoolPledgeStatus")
          .withArgs(1n, PledgeStatus.Withdrawn);
      });

      it("past the periods pledged", async function () {
        const { pool, maintainer } = await loadFixture(acceptedFixture);
        await expect(pool.connect(maintainer).recordDelivery(0n, 4))
          .to.be.revertedWithCustomError(pool, "PoolTooManyDeliveries")
          .withArgs(0n, 4n, 3n);
        await pool.connect(maintainer).recordDelivery(0n, 2);
        await expect(pool.connect(maintainer).recordDelivery(0n, 2))
          .to.be.revertedWithCustomError(pool, "PoolTooManyDeliveries")
          .withArgs(0n, 4n, 3n);
        await expect(pool.connect(maintainer).recordDelivery(0n, 65_535))
          .to.be.revertedWithCustomError(pool, "PoolTooManyDeliveries")
          .withArgs(0n, 65_537n, 3n);
      });

      it("once the pledge is completed", async function () {
        const { pool, maintainer } = await loadFixture(acceptedFixture);
        await pool.connect(maintainer).recordDelivery(0n, 3);
        await expect(pool.connect(maintainer).recordDelivery(0n, 1))
          .to.be.revertedWithCustomError(pool, "PoolPledgeStatus")
          .withArgs(0n, PledgeStatus.Completed);
      });
    });

    it("records delivered periods: DeliveryRecorded, delivered, deliveredOf", async function () {
      const { pool, maintainer, carol } = await loadFixture(acceptedFixture);
      await expect(pool.connect(maintainer).recordDelivery(0n, 1))
        .to.emit(pool, "DeliveryRecorded")
        .withArgs(0n, carol.address, 1n, 50n * TUSD);
      const p = await pool.pledgeAt(0n);
      expect([p.delivered, p.status]).to.deep.equal([1n, PledgeStatus.Accepted]);
      expect(await pool.deliveredOf(carol.address)).to.equal(50n * TUSD);
      expect((await pool.carried()).delivered).to.equal(50n * TUSD);
    });

    it("completes the pledge at its last period", async function () {
      const { pool, maintainer, carol } = await loadFixture(acceptedFixture);
      await pool.connect(maintainer).recordDelivery(0n, 1);
      await expect(pool.connect(maintainer).recordDelivery(0n, 2))
        .to.emit(pool, "DeliveryRecorded")
        .withArgs(0n, carol.address, 2n, 100n * TUSD);
      const p = await pool.pledgeAt(0n);
      expect([p.delivered, p.status]).to.deep.equal([3n, PledgeStatus.Completed]);
      expect(await pool.deliveredOf(carol.address)).to.equal(150n * TUSD);
    });

    it("adds up a pledger's deliveries across pledges", async function () {
      const { pool, maintainer, carol } = await loadFixture(acceptedFixture);
      await pool.connect(carol).pledge("hosting account", 7n * TUSD, MONTH, 2); // 2
      await pool.connect(maintainer).acceptPledge(2n);
      await pool.connect(maintainer).recordDelivery(0n, 1);
      await pool.connect(maintainer).recordDelivery(2n, 2);
      expect(await pool.deliveredOf(carol.address)).to.equal(64n * TUSD);
      expect((await pool.carried()).delivered).to.equal(64n * TUSD);
    });

    it("counts as the maintainer's activity", async function () {
      const { pool, maintainer, stranger } = await loadFixture(acceptedFixture);
      await time.increase(80n * DAY); // inactivityPeriod is 90 days
      const at = await minedAt(pool.connect(maintainer).recordDelivery(0n, 1));
      expect((await pool.seat()).lastActive).to.equal(at);
      await time.increase(20n * DAY); // 100 days since the pledge was accepted, 20 since the delivery
      await expect(pool.connect(stranger).callElection())
        .to.be.revertedWithCustomError(pool, "PoolMaintainerActive")
        .withArgs(at + 90n * DAY);
    });

    it("never puts delivered value in the ledger", async function () {
      const { pool, maintainer, alice } = await loadFixture(acceptedFixture);
      await pool.connect(alice).give(10n * TUSD);
      await pool.connect(maintainer).recordDelivery(0n, 3);
      expect(await pool.totalGiven()).to.equal(10n * TUSD);
      expect(await pool.balance()).to.equal(10n * TUSD);
      expect((await pool.contributionOf(alice.address)).given).to.equal(10n * TUSD);
    });
  });

  describe("withdrawPledge", function () {
    async function offeredFixture() {
      const f = await pledgesFixture();
      await f.pool.connect(f.carol).pledge(BUILD_MACHINE, 50n * TUSD, MONTH, 3);
      return f;
    }

    it("reverts if the pledge does not exist", async function () {
      const { pool, carol } = await loadFixture(offeredFixture);
      await expect(pool.connect(carol).withdrawPledge(1n))
        .to.be.revertedWithCustomError(pool, "PoolUnknownPledge")
        .withArgs(1n);
    });

    it("reverts if the caller is not the pledger (the maintainer neither)", async function () {
      const { pool, maintainer, stranger } = await loadFixture(offeredFixture);
      for (const who of [stranger, maintainer]) {
        await expect(pool.connect(who).withdrawPledge(0n))
          .to.be.revertedWithCustomError(pool, "PoolNotPledger")
          .withArgs(0n, who.address);
      }
    });

    it("withdraws an offered pledge", async function () {
      const { pool, carol } = await loadFixture(offeredFixture);
      await expect(pool.connect(carol).withdrawPledge(0n)).to.emit(pool, "PledgeWithdrawn").withArgs(0n);
      expect((await pool.pledgeAt(0n)).status).to.equal(PledgeStatus.Withdrawn);
    });

    it("withdraws an accepted pledge; what was delivered stays recorded", async function () {
      const { pool, maintainer, carol } = await loadFixture(offeredFixture);
      await pool.connect(maintainer).acceptPledge(0n);
      await pool.connect(maintainer).recordDelivery(0n, 1);
      await expect(pool.connect(carol).withdrawPledge(0n)).to.emit(pool, "PledgeWithdrawn").withArgs(0n);
      const p = await pool.pledgeAt(0n);
      expect([p.delivered, p.status]).to.deep.equal([1n, PledgeStatus.Withdrawn]);
      expect(await pool.deliveredOf(carol.address)).to.equal(50n * TUSD);
      await nextEpoch(pool, networkHelpers);
      expect(await pool.weightOf(carol.address)).to.equal(25n * TUSD);
    });

    it("works while the seat is open or a recall runs", async function () {
      const { pool, maintainer, alice, carol } = await loadFixture(offeredFixture);
      await recall(pool, alice);
      await expect(pool.connect(carol).withdrawPledge(0n)).to.emit(pool, "PledgeWithdrawn");
      await pool.connect(carol).pledge(BUILD_MACHINE, TUSD, MONTH, 1); // 1
      await pool.connect(maintainer).stepDown();
      await expect(pool.connect(carol).withdrawPledge(1n)).to.emit(pool, "PledgeWithdrawn");
    });

    it("reverts once the pledge is completed, declined or withdrawn", async function () {
      const { pool, maintainer, carol } = await loadFixture(offeredFixture);
      await pool.connect(maintainer).acceptPledge(0n);
      await pool.connect(maintainer).recordDelivery(0n, 3);
      await pool.connect(carol).pledge(BUILD_MACHINE, TUSD, MONTH, 1); // 1
      await pool.connect(maintainer).declinePledge(1n);
      await pool.connect(carol).pledge(BUILD_MACHINE, TUSD, MONTH, 1); // 2
      await pool.connect(carol).withdrawPledge(2n);
      for (const [id, status] of [
        [0n, PledgeStatus.Completed],
        [1n, PledgeStatus.Declined],
        [2n, PledgeStatus.Withdrawn],
      ] as const) {
        await expect(pool.connect(carol).withdrawPledge(id))
          .to.be.revertedWithCustomError(pool, "PoolPledgeStatus")
          .withArgs(id, status);
      }
    });
  });

  describe("in-kind weight", function () {
    for (const [name, weighting] of WEIGHTINGS) {
      it(`a delivery adds floor(value * inKindWeightBps / 10,000) from the next epoch on (${name})`, async function () {
        const f = await loadFixture(pledgesFixture);
        const pool = weighting === Weighting.Linear ? f.pool : f.quadPool;
        const { maintainer, alice, bob, carol } = f;
        const everyone = [alice, bob, carol];
        const bps = await pool.inKindWeightBps();
        expect(bps).to.equal(5_000n);
        const sumOfWeights = async () => {
          let sum = 0n;
          for (const who of everyone) sum += await pool.weightOf(who.address);
          return sum;
        };
        // Money first: Alice, Bob and Carol give; all matured next epoch.
        const money = { alice: 1_000_003n, bob: 250_000n, carol: 999n };
        await pool.connect(alice).give(money.alice);
        await pool.connect(bob).give(money.bob);
        await pool.connect(carol).give(money.carol);
        const value = 10_001n; // odd: half of it is not whole
        await pool.connect(carol).pledge(BUILD_MACHINE, value, 7n * DAY, 4);
        await pool.connect(maintainer).acceptPledge(0n);
        await nextEpoch(pool, networkHelpers);
        const carolBefore = weightFor(weighting, money.carol);
        expect(await pool.weightOf(carol.address)).to.equal(carolBefore);
        expect(await pool.totalWeight()).to.equal(await sumOfWeights());

        // One period delivered: basis floor(10,001 * 5,000 / 10,000) = 5,000, pending this epoch.
        await pool.connect(maintainer).recordDelivery(0n, 1);
        const firstBasis = (value * bps) / BPS;
        expect(firstBasis).to.equal(5_000n);
        expect(await pool.weightOf(carol.address)).to.equal(carolBefore);
        expect(list(await pool.contributionOf(carol.address))).to.deep.equal([money.carol, money.carol]);
        expect(await pool.totalWeight()).to.equal(await sumOfWeights());

        await nextEpoch(pool, networkHelpers);
        expect(list(await pool.contributionOf(carol.address))).to.deep.equal([money.carol, money.carol + firstBasis]);
        expect(await pool.weightOf(carol.address)).to.equal(weightFor(weighting, money.carol + firstBasis));
        expect(await pool.totalWeight()).to.equal(await sumOfWeights());

        // Two more periods: the basis is of the value delivered in all, floor(30,003 / 2) = 15,001.
        await pool.connect(maintainer).recordDelivery(0n, 2);
        const basis = (3n * value * bps) / BPS;
        expect(await pool.weightOf(carol.address)).to.equal(weightFor(weighting, money.carol + firstBasis));
        expect(await pool.totalWeight()).to.equal(await sumOfWeights());
        await nextEpoch(pool, networkHelpers);
        expect(list(await pool.contributionOf(carol.address))).to.deep.equal([money.carol, money.carol + basis]);
        expect(await pool.weightOf(carol.address)).to.equal(weightFor(weighting, money.carol + basis));
        expect(await pool.weightOf(alice.address)).to.equal(weightFor(weighting, money.alice));
        expect(await pool.weightOf(bob.address)).to.equal(weightFor(weighting, money.bob));
        expect(await pool.totalWeight()).to.equal(await sumOfWeights());
        // Money stays money: the ledger never sees delivered value.
        const given = money.alice + money.bob + money.carol;
        expect(await pool.totalGiven()).to.equal(given);
        expect(await pool.balance()).to.equal(given);
        expect(await pool.deliveredOf(carol.address)).to.equal(3n * value);
      });

      it(`a pledger who gave no money gets weight from deliveries alone, and money given later adds up (${name})`, async function () {
        const f = await loadFixture(pledgesFixture);
        const pool = weighting === Weighting.Linear ? f.pool : f.quadPool;
        const { maintainer, alice, dave } = f;
        await pool.connect(alice).give(40_000n);
        await pool.connect(dave).pledge("a desk", 2_000n, 7n * DAY, 2);
        await pool.connect(maintainer).acceptPledge(0n);
        await pool.connect(maintainer).recordDelivery(0n, 2);
        expect(await pool.weightOf(dave.address)).to.equal(0n);
        await nextEpoch(pool, networkHelpers);
        expect(await pool.weightOf(dave.address)).to.equal(weightFor(weighting, 2_000n));
        expect(await pool.totalWeight()).to.equal(
          weightFor(weighting, 2_000n) + weightFor(weighting, 40_000n),
        );
        expect(list(await pool.contributionOf(dave.address))).to.deep.equal([0n, 2_000n]);
        await f.token.mint(dave.address, 7_000n);
        await f.token.connect(dave).approve(await pool.getAddress(), 7_000n);
        await pool.connect(dave).give(7_000n);
        await nextEpoch(pool, networkHelpers);
        expect(await pool.weightOf(dave.address)).to.equal(weightFor(weighting, 9_000n));
        expect(await pool.totalWeight()).to.equal(
          weightFor(weighting, 9_000n) + weightFor(weighting, 40_000n),
        );
      });
    }

    it("with inKindWeightBps = 0, deliveries are recorded and shown but give no weight", async function () {
      const { plainPool: pool, maintainer, alice, carol } = await loadFixture(pledgesFixture);
      expect(await pool.inKindWeightBps()).to.equal(0n);
      await pool.connect(alice).give(1_000n);
      await pool.connect(carol).give(500n);
      await pool.connect(carol).pledge(BUILD_MACHINE, 10_000n, MONTH, 2);
      await pool.connect(maintainer).acceptPledge(0n);
      await expect(pool.connect(maintainer).recordDelivery(0n, 2))
        .to.emit(pool, "DeliveryRecorded")
        .withArgs(0n, carol.address, 2n, 20_000n);
      expect(await pool.deliveredOf(carol.address)).to.equal(20_000n);
      expect((await pool.carried()).delivered).to.equal(20_000n);
      expect((await pool.pledgeAt(0n)).status).to.equal(PledgeStatus.Completed);
      await nextEpoch(pool, networkHelpers);
      expect(list(await pool.contributionOf(carol.address))).to.deep.equal([500n, 500n]);
      expect(await pool.weightOf(carol.address)).to.equal(500n);
      expect(await pool.totalWeight()).to.equal(1_500n);
      expect(await pool.totalGiven()).to.equal(1_500n);
      expect(await pool.balance()).to.equal(1_500n);
    });
  });

  // ================================================================ acceptance

  describe("a season of a project", function () {
    it("standing orders through a revoked allowance, and a build machine pledged and delivered", async function () {
      const f = await loadFixture(pledgesFixture);
      const { pool, token, maintainer, alice, bob, carol, stranger: keeper } = f;
      const poolAddress = await pool.getAddress();
      const monthly = 20n * TUSD;
      const value = 50n * TUSD;

      // Month 1: Alice and Bob set up standing orders; a keeper collects both.
      const t0 = await minedAt(pool.connect(alice).subscribe(monthly, MONTH));
      await pool.connect(bob).subscribe(monthly / 2n, MONTH);
      for (const who of [alice, bob]) await pool.connect(keeper).collect(who.address);
      const lines = defaultLines().reduce((sum, l) => sum + (BigInt(l.cap) * MONTH) / BigInt(l.period), 0n);
      expect(list(await pool.carried())).to.deep.equal([lines, monthly + monthly / 2n, 0n, 0n]);

      // Month 2: collected on time.
      await time.increaseTo(t0 + MONTH);
      for (const who of [alice, bob]) await pool.connect(keeper).collect(who.address);
      expect((await pool.contributionOf(alice.address)).given).to.equal(2n * monthly);

      // Month 3: Alice revokes her allowance; her collection fails, Bob's goes on, her order stays.
      await token.connect(alice).approve(poolAddress, 0n);
      await time.increaseTo(t0 + 2n * MONTH + DAY);
      await expect(pool.connect(keeper).collect(alice.address))
        .to.be.revertedWithCustomError(pool, "PoolCollectFailed")
        .withArgs(alice.address, monthly);
      await expect(pool.connect(keeper).collect(bob.address))
        .to.emit(pool, "Collected")
        .withArgs(bob.address, monthly / 2n, 1n);
      expect((await pool.subscriptionOf(alice.address)).nextDue).to.equal(t0 + 2n * MONTH);

      // Carol pledges a build machine; the maintainer accepts it.
      await pool.connect(carol).pledge(BUILD_MACHINE, value, MONTH, 6);
      await pool.connect(maintainer).acceptPledge(0n);
      expect((await pool.carried()).pledgedPerMonth).to.equal(value);

      // Ten days on, Alice re-approves: month 3 is collected late, month 4 is not due yet.
      await time.increaseTo(t0 + 2n * MONTH + 10n * DAY);
      await token.connect(alice).approve(poolAddress, ethers.MaxUint256);
      await expect(pool.connect(keeper).collect(alice.address))
        .to.emit(pool, "Collected")
        .withArgs(alice.address, monthly, 1n);
      expect((await pool.subscriptionOf(alice.address)).nextDue).to.equal(t0 + 3n * MONTH);

      // Two months of the machine delivered.
      await pool.connect(maintainer).recordDelivery(0n, 1);
      await pool.connect(maintainer).recordDelivery(0n, 1);
      expect(await pool.deliveredOf(carol.address)).to.equal(2n * value);

      // The ledger holds money only; the carried view shows both.
      const money = 3n * monthly + 3n * (monthly / 2n);
      expect(await pool.totalGiven()).to.equal(money);
      expect(await pool.balance()).to.equal(money);
      expect(await token.balanceOf(poolAddress)).to.equal(money);
      expect(list(await pool.carried())).to.deep.equal([lines, monthly + monthly / 2n, value, 2n * value]);

      // Next epoch everything has matured: Carol's deliveries at half weight.
      await nextEpoch(pool, networkHelpers);
      expect(await pool.weightOf(alice.address)).to.equal(3n * monthly);
      expect(await pool.weightOf(bob.address)).to.equal(3n * (monthly / 2n));
      expect(await pool.weightOf(carol.address)).to.equal(value); // 2 * value * 50%
      expect(await pool.totalWeight()).to.equal(money + value);
    });
  });
});
