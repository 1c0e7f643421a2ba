// PoolFactory, as DESIGN.md "Contracts" describes it: pools are EIP-1167 clones of one `Pool` implementation,
// created and initialized in one transaction, with every parameter validated, an enumerable registry, no
// owner and no fee. Also the `Pool` implementation's lock (it can never be initialized and refuses gifts) and
// the fixed parameters every clone carries in its code.
import { expect } from "chai";
import { network } from "hardhat";
import type { BudgetLineStruct, ConfigStruct } from "../../types/ethers-contracts/Pool.js";
import {
  DAY,
  EPOCH,
  ETH,
  HOUR,
  Parameter,
  SeatStatus,
  Weighting,
  createPool,
  defaultConfig,
  defaultLines,
  deployPotluck,
  MAX_AMOUNT,
  MAX_DURATION,
  MAX_EPOCH,
  MIN_DURATION,
  MIN_EPOCH,
} from "../helpers/potluck.js";
import { chain } from "../helpers/chain.js";
import { IPool__factory } from "../../types/ethers-contracts/index.js";

const { ethers, networkHelpers } = await network.create();
const { loadFixture } = networkHelpers;
const { minedAt } = chain(ethers, networkHelpers);

// ---------------------------------------------------------------- constants mirrored from the contracts

const MAX_LINES = 256; // PoolBudget.MAX_LINES
const MAX_NAME_LENGTH = 64; // PoolBudget.MAX_NAME_LENGTH, bytes
const BPS = 10_000;
const ZERO = ethers.ZeroAddress;

// EIP-1167 runtime code around the implementation's address (OpenZeppelin Clones).
const CLONE_PREFIX = "363d3d373d3d3d363d73";
const CLONE_SUFFIX = "5af43d82803e903d91602b57fd5bf3";

// ---------------------------------------------------------------- helpers

/** The address the factory's next CREATE (its next clone) will have. */
async function nextPoolAddress(factory: { getAddress(): Promise<string> }): Promise<string> {
  const from = await factory.getAddress();
  return ethers.getCreateAddress({ from, nonce: await ethers.provider.getTransactionCount(from) });
}

/** `count` valid budget lines. */
function manyLines(count: number): BudgetLineStruct[] {
  return Array.from({ length: count }, (_, i) => ({ name: `line ${i}`, cap: ETH, period: 30n * DAY }));
}

// ---------------------------------------------------------------- fixture

async function factoryFixture() {
  const [deployer, maintainer, alice, bob, stranger] = await ethers.getSigners();
  const { implementation, extension, factory } = await deployPotluck(ethers);
  const token = await ethers.deployContract("MockERC20", ["Test USD", "TUSD", 6]);
  const tokenAddress = await token.getAddress();
  return { implementation, extension, factory, token, tokenAddress, deployer, maintainer, alice, bob, stranger };
}

// ================================================================ tests

describe("PoolFactory", function () {
  describe("constructor", function () {
    it("records the implementation", async function () {
      const { factory, implementation } = await loadFixture(factoryFixture);
      expect(await factory.implementation()).to.equal(await implementation.getAddress());
    });

    it("starts with an empty registry", async function () {
      const { factory } = await loadFixture(factoryFixture);
      expect(await factory.poolCount()).to.equal(0n);
    });

    describe("reverts", function () {
      it("if the implementation has no code (an account)", async function () {
        const { stranger } = await loadFixture(factoryFixture);
        const Factory = await ethers.getContractFactory("PoolFactory");
        await expect(Factory.deploy(stranger.address))
          .to.be.revertedWithCustomError(Factory, "PoolFactoryInvalidImplementation")
          .withArgs(stranger.address);
      });

      it("if the implementation is address(0)", async function () {
        await loadFixture(factoryFixture);
        const Factory = await ethers.getContractFactory("PoolFactory");
        await expect(Factory.deploy(ZERO))
          .to.be.revertedWithCustomError(Factory, "PoolFactoryInvalidImplementation")
          .withArgs(ZERO);
      });
    });
  });

  describe("createPool", function () {
    describe("an ETH pool", function () {
      it("returns the clone's address and emits PoolCreated with the asset, maintainer and metadata URI", async function () {
        const { factory, maintainer, alice } = await loadFixture(factoryFixture);
        const config = defaultConfig(maintainer.address, { metadataURI: "ipfs://potluck-zine" });
        const expected = await nextPoolAddress(factory);
        expect(await factory.connect(alice).createPool.staticCall(config, defaultLines())).to.equal(expected);
        await expect(factory.connect(alice).createPool(config, defaultLines()))
          .to.emit(factory, "PoolCreated")
          .withArgs(expected, ZERO, maintainer.address, "ipfs://potluck-zine");
      });

      it("registers the pool", async function () {
        const { factory, maintainer, alice } = await loadFixture(factoryFixture);
        const pool = await createPool(factory, alice, defaultConfig(maintainer.address));
        expect(await factory.poolCount()).to.equal(1n);
        expect(await factory.poolAt(0)).to.equal(await pool.getAddress());
      });

      it("deploys an EIP-1167 clone of the implementation carrying the fixed parameters as immutable args", async function () {
        const { factory, implementation, maintainer, alice } = await loadFixture(factoryFixture);
        const config = defaultConfig(maintainer.address, {
          epochLength: 2n * DAY,
          weighting: Weighting.Quadratic,
          inKindWeightBps: 2_500,
        });
        const expected = await nextPoolAddress(factory);
        const genesis = await minedAt(factory.connect(alice).createPool(config, defaultLines()));
        const args = ethers.solidityPacked(
          ["address", "uint40", "uint32", "uint8", "uint16"],
          [ZERO, genesis, 2n * DAY, Weighting.Quadratic, 2_500],
        );
        const implementationHex = (await implementation.getAddress()).slice(2).toLowerCase();
        expect(await ethers.provider.getCode(expected)).to.equal(
          `0x${CLONE_PREFIX}${implementationHex}${CLONE_SUFFIX}${args.slice(2)}`,
        );
      });

      it("initializes the pool in the creating transaction", async function () {
        const { factory, maintainer, alice } = await loadFixture(factoryFixture);
        const expected = await nextPoolAddress(factory);
        const tx = factory.connect(alice).createPool(defaultConfig(maintainer.address), defaultLines());
        const pool = await ethers.getContractAt("IPool", expected);
        await expect(tx).to.emit(pool, "MaintainerChanged").withArgs(ZERO, maintainer.address);
        const at = await minedAt(tx);
        expect(await pool.maintainer()).to.equal(maintainer.address);
        const seat = await pool.seat();
        expect(seat.status).to.equal(SeatStatus.Filled);
        expect(seat.lastActive).to.equal(at);
      });

      it("sets the rules and the budget lines of the config", async function () {
        const { factory, maintainer, alice } = await loadFixture(factoryFixture);
        const config = defaultConfig(maintainer.address, {
          claimDelay: 2n * DAY,
          ruleChangeDelay: 10n * DAY,
          inactivityPeriod: 45n * DAY,
          vacancyPeriod: 20n * DAY,
          objectionQuorumBps: 1_500,
          electionQuorumBps: 4_000,
          recallThresholdBps: 6_000,
        });
        const lines = [
          { name: "hosting", cap: 3n * ETH, period: 30n * DAY },
          { name: "CI minutes", cap: ETH / 2n, period: 7n * DAY },
        ];
        const expected = await nextPoolAddress(factory);
        const pool = await ethers.getContractAt("IPool", expected);
        const tx = factory.connect(alice).createPool(config, lines);
        await expect(tx)
          .to.emit(pool, "RulesSet")
          .withArgs([2n * DAY, 10n * DAY, 45n * DAY, 20n * DAY, 1_500, 4_000, 6_000]);
        await expect(tx).to.emit(pool, "BudgetLineSet").withArgs(0n, "hosting", 3n * ETH, 30n * DAY);
        await expect(tx).to.emit(pool, "BudgetLineSet").withArgs(1n, "CI minutes", ETH / 2n, 7n * DAY);
        expect([...(await pool.rules())]).to.deep.equal([2n * DAY, 10n * DAY, 45n * DAY, 20n * DAY, 1_500n, 4_000n, 6_000n]);
        expect(await pool.lineCount()).to.equal(2n);
        const hosting = await pool.budgetLine(0);
        expect([hosting.name, hosting.cap, hosting.period, hosting.spent, hosting.left]).to.deep.equal([
          "hosting",
          3n * ETH,
          30n * DAY,
          0n,
          3n * ETH,
        ]);
        const ci = await pool.budgetLine(1);
        expect([ci.name, ci.cap, ci.period]).to.deep.equal(["CI minutes", ETH / 2n, 7n * DAY]);
      });

      it("accepts no budget lines", async function () {
        const { factory, maintainer, alice } = await loadFixture(factoryFixture);
        const pool = await createPool(factory, alice, defaultConfig(maintainer.address), []);
        expect(await pool.lineCount()).to.equal(0n);
      });

      it("starts empty: nothing given, no weight, epoch 0", async function () {
        const { factory, maintainer, alice } = await loadFixture(factoryFixture);
        const pool = await createPool(factory, alice, defaultConfig(maintainer.address));
        expect(await pool.totalGiven()).to.equal(0n);
        expect(await pool.balance()).to.equal(0n);
        expect(await pool.totalWeight()).to.equal(0n);
        expect(await pool.epoch()).to.equal(0n);
        expect(await ethers.provider.getBalance(await pool.getAddress())).to.equal(0n);
      });
    });

    describe("an ERC-20 pool", function () {
      it("emits PoolCreated with the token as asset and registers the pool", async function () {
        const { factory, tokenAddress, maintainer, alice } = await loadFixture(factoryFixture);
        const config = defaultConfig(maintainer.address, { asset: tokenAddress });
        const expected = await nextPoolAddress(factory);
        await expect(factory.connect(alice).createPool(config, defaultLines()))
          .to.emit(factory, "PoolCreated")
          .withArgs(expected, tokenAddress, maintainer.address, config.metadataURI);
        expect(await factory.poolCount()).to.equal(1n);
        expect(await factory.poolAt(0)).to.equal(expected);
        const pool = await ethers.getContractAt("IPool", expected);
        expect(await pool.asset()).to.equal(tokenAddress);
        expect(await pool.maintainer()).to.equal(maintainer.address);
      });
    });

    describe("the fixed parameters", function () {
      it("are readable: asset, epochLength, genesis, weighting, inKindWeightBps", async function () {
        const { factory, tokenAddress, maintainer, alice } = await loadFixture(factoryFixture);
        const config = defaultConfig(maintainer.address, {
          asset: tokenAddress,
          epochLength: 3n * DAY,
          weighting: Weighting.Quadratic,
          inKindWeightBps: 7_500,
        });
        const expected = await nextPoolAddress(factory);
        const genesis = await minedAt(factory.connect(alice).createPool(config, defaultLines()));
        const pool = await ethers.getContractAt("IPool", expected);
        expect(await pool.asset()).to.equal(tokenAddress);
        expect(await pool.epochLength()).to.equal(3n * DAY);
        expect(await pool.genesis()).to.equal(genesis);
        expect(await pool.weighting()).to.equal(BigInt(Weighting.Quadratic));
        expect(await pool.inKindWeightBps()).to.equal(7_500n);
      });

      it("default to Linear weighting and no in-kind weight in the default config", async function () {
        const { factory, maintainer, alice } = await loadFixture(factoryFixture);
        const pool = await createPool(factory, alice, defaultConfig(maintainer.address));
        expect(await pool.asset()).to.equal(ZERO);
        expect(await pool.epochLength()).to.equal(EPOCH);
        expect(await pool.weighting()).to.equal(BigInt(Weighting.Linear));
        expect(await pool.inKindWeightBps()).to.equal(0n);
      });

      it("differ per pool: each clone carries its own", async function () {
        const { factory, tokenAddress, maintainer, alice } = await loadFixture(factoryFixture);
        const a = await createPool(factory, alice, defaultConfig(maintainer.address, { epochLength: HOUR }));
        const b = await createPool(
          factory,
          alice,
          defaultConfig(maintainer.address, { asset: tokenAddress, epochLength: MAX_EPOCH, vacancyPeriod: 2n * MAX_EPOCH, weighting: Weighting.Quadratic }),
        );
        expect([await a.asset(), await a.epochLength(), await a.weighting()]).to.deep.equal([ZERO, HOUR, 0n]);
        expect([await b.asset(), await b.epochLength(), await b.weighting()]).to.deep.equal([tokenAddress, MAX_EPOCH, 1n]);
        expect(await b.genesis()).to.be.greaterThan(await a.genesis());
      });
    });

    it("can be called by anyone, and creates independent pools from identical configs", async function () {
      const { factory, maintainer, alice, bob, stranger } = await loadFixture(factoryFixture);
      const config = defaultConfig(maintainer.address);
      const first = await createPool(factory, stranger, config);
      const second = await createPool(factory, bob, config);
      expect(await first.getAddress()).to.not.equal(await second.getAddress());
      await first.connect(alice).give(ETH, { value: ETH });
      expect(await first.totalGiven()).to.equal(ETH);
      expect(await second.totalGiven()).to.equal(0n);
      expect(await ethers.provider.getBalance(await factory.getAddress())).to.equal(0n);
    });

    it("accepts every bound of every parameter", async function () {
      const { factory, tokenAddress, maintainer, alice } = await loadFixture(factoryFixture);
      const lows = defaultConfig(maintainer.address, {
        epochLength: MIN_EPOCH,
        claimDelay: MIN_DURATION,
        ruleChangeDelay: MIN_DURATION,
        inactivityPeriod: MIN_DURATION,
        vacancyPeriod: 2n * MIN_EPOCH, // the least vacancy: two epochs
        objectionQuorumBps: 1,
        electionQuorumBps: 1,
        recallThresholdBps: 1,
        inKindWeightBps: 0,
      });
      const highs = defaultConfig(maintainer.address, {
        asset: tokenAddress,
        epochLength: MAX_EPOCH,
        claimDelay: MAX_DURATION,
        ruleChangeDelay: MAX_DURATION,
        inactivityPeriod: MAX_DURATION,
        vacancyPeriod: MAX_DURATION,
        objectionQuorumBps: BPS,
        electionQuorumBps: BPS,
        recallThresholdBps: BPS,
        inKindWeightBps: BPS,
        weighting: Weighting.Quadratic,
      });
      const lowLines = [{ name: "x", cap: 1n, period: MIN_DURATION }];
      const highLines = [{ name: "n".repeat(MAX_NAME_LENGTH), cap: MAX_AMOUNT, period: MAX_DURATION }];
      const low = await createPool(factory, alice, lows, lowLines);
      const high = await createPool(factory, alice, highs, highLines);
      expect([...(await low.rules())]).to.deep.equal([HOUR, HOUR, HOUR, 2n * HOUR, 1n, 1n, 1n]);
      expect([...(await high.rules())]).to.deep.equal([
        MAX_DURATION,
        MAX_DURATION,
        MAX_DURATION,
        MAX_DURATION,
        10_000n,
        10_000n,
        10_000n,
      ]);
      expect((await low.budgetLine(0)).cap).to.equal(1n);
      expect((await high.budgetLine(0)).cap).to.equal(MAX_AMOUNT);
      expect((await high.budgetLine(0)).name).to.equal("n".repeat(MAX_NAME_LENGTH));
      expect(await high.inKindWeightBps()).to.equal(10_000n);
      expect(await factory.poolCount()).to.equal(2n);
    });

    it(`accepts ${MAX_LINES} budget lines`, async function () {
      const { factory, maintainer, alice } = await loadFixture(factoryFixture);
      const pool = await createPool(factory, alice, defaultConfig(maintainer.address), manyLines(MAX_LINES));
      expect(await pool.lineCount()).to.equal(BigInt(MAX_LINES));
      expect((await pool.budgetLine(MAX_LINES - 1)).name).to.equal(`line ${MAX_LINES - 1}`);
    });

    describe("reverts", function () {
      /** Expects `createPool(config, lines)` to revert with PoolInvalidParameter(parameter, value) and create nothing. */
      async function expectInvalid(
        overrides: Partial<ConfigStruct>,
        parameter: number,
        value: bigint,
        lines: BudgetLineStruct[] = defaultLines(),
      ) {
        const { factory, maintainer, alice } = await loadFixture(factoryFixture);
        await expect(factory.connect(alice).createPool(defaultConfig(maintainer.address, overrides), lines))
          .to.be.revertedWithCustomError(factory, "PoolInvalidParameter")
          .withArgs(parameter, value);
        expect(await factory.poolCount()).to.equal(0n);
      }

      it("if the asset has no code (an account)", async function () {
        const { stranger } = await loadFixture(factoryFixture);
        await expectInvalid({ asset: stranger.address }, Parameter.Asset, BigInt(stranger.address));
      });

      it("if the maintainer is address(0)", async function () {
        await expectInvalid({ maintainer: ZERO }, Parameter.Maintainer, 0n);
      });

      describe("if the epoch length", function () {
        it("is below one hour", async function () {
          await expectInvalid({ epochLength: MIN_EPOCH - 1n }, Parameter.EpochLength, MIN_EPOCH - 1n);
        });

        it("is zero", async function () {
          await expectInvalid({ epochLength: 0n }, Parameter.EpochLength, 0n);
        });

        it("is above 365 days", async function () {
          await expectInvalid({ epochLength: MAX_EPOCH + 1n }, Parameter.EpochLength, MAX_EPOCH + 1n);
        });

        it("would only fit in 64 bits (no truncation before the check)", async function () {
          await expectInvalid({ epochLength: 2n ** 32n + HOUR }, Parameter.EpochLength, 2n ** 32n + HOUR);
        });
      });

      const durations = [
        ["claimDelay", Parameter.ClaimDelay],
        ["ruleChangeDelay", Parameter.RuleChangeDelay],
        ["inactivityPeriod", Parameter.InactivityPeriod],
        ["vacancyPeriod", Parameter.VacancyPeriod],
      ] as const;
      for (const [field, parameter] of durations) {
        describe(`if ${field}`, function () {
          it("is below one hour", async function () {
            await expectInvalid({ [field]: MIN_DURATION - 1n }, parameter, MIN_DURATION - 1n);
          });

          it("is zero", async function () {
            await expectInvalid({ [field]: 0n }, parameter, 0n);
          });

          it("is above 3650 days", async function () {
            await expectInvalid({ [field]: MAX_DURATION + 1n }, parameter, MAX_DURATION + 1n);
          });

          it("would only fit in 64 bits (no truncation before the check)", async function () {
            await expectInvalid({ [field]: 2n ** 32n + HOUR }, parameter, 2n ** 32n + HOUR);
          });
        });
      }

      const quorums = [
        ["objectionQuorumBps", Parameter.ObjectionQuorumBps],
        ["electionQuorumBps", Parameter.ElectionQuorumBps],
        ["recallThresholdBps", Parameter.RecallThresholdBps],
      ] as const;
      for (const [field, parameter] of quorums) {
        describe(`if ${field}`, function () {
          it("is zero", async function () {
            await expectInvalid({ [field]: 0 }, parameter, 0n);
          });

          it("is above 10000", async function () {
            await expectInvalid({ [field]: BPS + 1 }, parameter, BigInt(BPS + 1));
          });

          it("is the largest uint16", async function () {
            await expectInvalid({ [field]: 65_535 }, parameter, 65_535n);
          });
        });
      }

      it("if inKindWeightBps is above 10000", async function () {
        await expectInvalid({ inKindWeightBps: BPS + 1 }, Parameter.InKindWeightBps, BigInt(BPS + 1));
      });

      it("if the weighting is not a Weighting (PoolInvalidParameter, not the ABI decoder's empty revert)", async function () {
        await expectInvalid({ weighting: 2 }, Parameter.Weighting, 2n);
        await expectInvalid({ weighting: 255 }, Parameter.Weighting, 255n);
      });

      it("if the weighting's word, sent raw, is past any uint8 (the whole word is reported)", async function () {
        const { factory, maintainer, alice } = await loadFixture(factoryFixture);
        const data = factory.interface.encodeFunctionData("createPool", [
          defaultConfig(maintainer.address, { weighting: Weighting.Quadratic }),
          defaultLines(),
        ]);
        // createPool(Config, BudgetLine[]): selector, the offset of the Config, then the Config's head.
        const configAt = 4 + Number(BigInt(ethers.dataSlice(data, 4, 36)));
        const weightingAt = configAt + 12 * 32; // Config.weighting is its 13th field
        expect(BigInt(ethers.dataSlice(data, weightingAt, weightingAt + 32))).to.equal(BigInt(Weighting.Quadratic));
        const word = 2n ** 255n + 1n;
        const raw = ethers.concat([
          ethers.dataSlice(data, 0, weightingAt),
          ethers.toBeHex(word, 32),
          ethers.dataSlice(data, weightingAt + 32),
        ]);
        await expect(alice.sendTransaction({ to: await factory.getAddress(), data: raw }))
          .to.be.revertedWithCustomError(factory, "PoolInvalidParameter")
          .withArgs(Parameter.Weighting, word);
        expect(await factory.poolCount()).to.equal(0n);
      });

      it(`if there are more than ${MAX_LINES} budget lines`, async function () {
        await expectInvalid({}, Parameter.LineCount, BigInt(MAX_LINES + 1), manyLines(MAX_LINES + 1));
      });

      describe("if a budget line's name", function () {
        it("is empty", async function () {
          await expectInvalid({}, Parameter.LineName, 0n, [{ name: "", cap: ETH, period: DAY }]);
        });

        it(`is longer than ${MAX_NAME_LENGTH} bytes`, async function () {
          await expectInvalid({}, Parameter.LineName, BigInt(MAX_NAME_LENGTH + 1), [
            { name: "n".repeat(MAX_NAME_LENGTH + 1), cap: ETH, period: DAY },
          ]);
        });

        it(`is ${MAX_NAME_LENGTH} characters but more bytes (UTF-8)`, async function () {
          // "é" is two bytes: 33 of them are 66 bytes.
          await expectInvalid({}, Parameter.LineName, 66n, [{ name: "é".repeat(33), cap: ETH, period: DAY }]);
        });
      });

      describe("if a budget line's cap", function () {
        it("is zero", async function () {
          await expectInvalid({}, Parameter.LineCap, 0n, [{ name: "hosting", cap: 0n, period: DAY }]);
        });

        it("is above 2^96 - 1", async function () {
          await expectInvalid({}, Parameter.LineCap, MAX_AMOUNT + 1n, [
            { name: "hosting", cap: MAX_AMOUNT + 1n, period: DAY },
          ]);
        });
      });

      describe("if a budget line's period", function () {
        it("is below one hour", async function () {
          await expectInvalid({}, Parameter.LinePeriod, MIN_DURATION - 1n, [
            { name: "hosting", cap: ETH, period: MIN_DURATION - 1n },
          ]);
        });

        it("is zero", async function () {
          await expectInvalid({}, Parameter.LinePeriod, 0n, [{ name: "hosting", cap: ETH, period: 0n }]);
        });

        it("is above 3650 days", async function () {
          await expectInvalid({}, Parameter.LinePeriod, MAX_DURATION + 1n, [
            { name: "hosting", cap: ETH, period: MAX_DURATION + 1n },
          ]);
        });
      });

      it("if any line is invalid, not only the first", async function () {
        const lines = [...defaultLines(), { name: "rent", cap: ETH, period: MAX_DURATION + 1n }];
        await expectInvalid({}, Parameter.LinePeriod, MAX_DURATION + 1n, lines);
      });
    });
  });

  describe("poolAt", function () {
    it("lists the pools in creation order", async function () {
      const { factory, tokenAddress, maintainer, alice, bob } = await loadFixture(factoryFixture);
      const created: string[] = [];
      for (const [signer, asset] of [
        [alice, ZERO],
        [bob, tokenAddress],
        [alice, tokenAddress],
      ] as const) {
        const pool = await createPool(factory, signer, defaultConfig(maintainer.address, { asset }));
        created.push(await pool.getAddress());
        expect(await factory.poolCount()).to.equal(BigInt(created.length));
      }
      for (let i = 0; i < created.length; i++) expect(await factory.poolAt(i)).to.equal(created[i]);
      expect(new Set(created).size).to.equal(3);
    });

    describe("reverts", function () {
      it("if the registry is empty", async function () {
        const { factory } = await loadFixture(factoryFixture);
        await expect(factory.poolAt(0)).to.be.revertedWithCustomError(factory, "PoolFactoryIndexOutOfRange").withArgs(0n, 0n);
      });

      it("if the index is the pool count", async function () {
        const { factory, maintainer, alice } = await loadFixture(factoryFixture);
        await createPool(factory, alice, defaultConfig(maintainer.address));
        await createPool(factory, alice, defaultConfig(maintainer.address));
        await expect(factory.poolAt(2)).to.be.revertedWithCustomError(factory, "PoolFactoryIndexOutOfRange").withArgs(2n, 2n);
        await expect(factory.poolAt(ethers.MaxUint256))
          .to.be.revertedWithCustomError(factory, "PoolFactoryIndexOutOfRange")
          .withArgs(ethers.MaxUint256, 2n);
      });
    });
  });
});

describe("Pool (implementation and initialize)", function () {
  describe("constructor", function () {
    describe("reverts", function () {
      it("if the extension has no code", async function () {
        const { stranger } = await loadFixture(factoryFixture);
        const PoolCF = await ethers.getContractFactory("Pool");
        await expect(PoolCF.deploy(stranger.address))
          .to.be.revertedWithCustomError(PoolCF, "PoolInvalidExtension")
          .withArgs(stranger.address);
      });
    });

    it("records the extension", async function () {
      const { implementation, extension } = await loadFixture(factoryFixture);
      expect(await implementation.extension()).to.equal(await extension.getAddress());
    });
  });

  describe("initialize", function () {
    describe("reverts", function () {
      it("if called on the implementation (it can never be initialized)", async function () {
        const { implementation, maintainer, stranger } = await loadFixture(factoryFixture);
        await expect(
          implementation.connect(stranger).initialize(defaultConfig(maintainer.address), defaultLines()),
        ).to.be.revertedWithCustomError(implementation, "PoolAlreadyInitialized");
        await expect(
          implementation.connect(stranger).initialize(defaultConfig(stranger.address), []),
        ).to.be.revertedWithCustomError(implementation, "PoolAlreadyInitialized");
      });

      it("if called again on a created pool, by anyone", async function () {
        const { factory, maintainer, alice, stranger } = await loadFixture(factoryFixture);
        const pool = await createPool(factory, alice, defaultConfig(maintainer.address));
        for (const caller of [stranger, maintainer, alice]) {
          await expect(
            pool.connect(caller).initialize(defaultConfig(caller.address), defaultLines()),
          ).to.be.revertedWithCustomError(pool, "PoolAlreadyInitialized");
        }
        expect(await pool.maintainer()).to.equal(maintainer.address);
      });

      it("if the factory itself tried again (a pool is initialized once, in its creating transaction)", async function () {
        const { factory, maintainer, alice } = await loadFixture(factoryFixture);
        const pool = await createPool(factory, alice, defaultConfig(maintainer.address));
        const factorySigner = await ethers.getImpersonatedSigner(await factory.getAddress());
        await networkHelpers.setBalance(await factory.getAddress(), ETH);
        await expect(
          pool.connect(factorySigner).initialize(defaultConfig(alice.address), []),
        ).to.be.revertedWithCustomError(pool, "PoolAlreadyInitialized");
      });
    });
  });

  describe("the implementation", function () {
    it("refuses gifts and holds nothing", async function () {
      const { implementation, stranger } = await loadFixture(factoryFixture);
      const address = await implementation.getAddress();
      await expect(stranger.sendTransaction({ to: address, value: ETH })).to.revert(ethers);
      await expect(implementation.connect(stranger).give(ETH, { value: ETH })).to.revert(ethers);
      await expect(implementation.connect(stranger).give(ETH)).to.revert(ethers);
      await expect(
        implementation.connect(stranger).giveWithPermit(ETH, 0n, 0, ethers.ZeroHash, ethers.ZeroHash),
      ).to.revert(ethers);
      await expect(implementation.connect(stranger).sweep()).to.revert(ethers);
      expect(await ethers.provider.getBalance(address)).to.equal(0n);
      expect(await implementation.totalGiven()).to.equal(0n);
    });

    it("answers every call with the pool's own error or a wound-down pool's figures, never a panic (it is no clone: it has no args)", async function () {
      const { implementation, extension, stranger } = await loadFixture(factoryFixture);
      const pool = IPool__factory.connect(await implementation.getAddress(), stranger);
      await expect(pool.give(ETH, { value: ETH })).to.be.revertedWithCustomError(pool, "PoolIsWoundDown");
      await expect(stranger.sendTransaction({ to: await pool.getAddress(), value: ETH })).to.be.revertedWithCustomError(
        pool,
        "PoolIsWoundDown",
      );
      await expect(pool.give(ETH)).to.be.revertedWithCustomError(pool, "PoolWrongValue").withArgs(0n, ETH);
      await expect(pool.giveWithPermit(ETH, 0n, 0, ethers.ZeroHash, ethers.ZeroHash)).to.be.revertedWithCustomError(
        pool,
        "PoolNotTokenPool",
      );
      await expect(pool.subscribe(ETH, HOUR)).to.be.revertedWithCustomError(pool, "PoolNotTokenPool");
      await expect(pool.sweep()).to.be.revertedWithCustomError(pool, "PoolIsWoundDown");
      await expect(pool.nominate(stranger.address)).to.be.revertedWithCustomError(pool, "PoolElectionPhase").withArgs(0n);
      await expect(pool.vote(stranger.address)).to.be.revertedWithCustomError(pool, "PoolElectionPhase").withArgs(0n);
      await expect(pool.describeCandidacy("", "")).to.be.revertedWithCustomError(pool, "PoolElectionPhase").withArgs(0n);
      await expect(pool.finalizeElection()).to.be.revertedWithCustomError(pool, "PoolNoElection");
      expect(await pool.epoch()).to.equal(0n);
      expect(await pool.asset()).to.equal(ZERO);
      expect(await pool.weighting()).to.equal(BigInt(Weighting.Linear));
      expect(await pool.inKindWeightBps()).to.equal(0n);
      expect(await pool.totalWeight()).to.equal(0n);
      expect(await pool.weightOf(stranger.address)).to.equal(0n);
      expect([...(await pool.contributionOf(stranger.address))]).to.deep.equal([0n, 0n]);
      // The views the extension serves, through the implementation's fallback and on the extension itself.
      for (const face of [pool, IPool__factory.connect(await extension.getAddress(), stranger)]) {
        expect([...(await face.election())]).to.deep.equal([0n, 0n, 0n, 0n, ZERO, 0n]);
        expect([...(await face.petition())]).to.deep.equal([0n, 0n, ethers.MaxUint256, 0n]);
        expect([...(await face.carried())]).to.deep.equal([0n, 0n, 0n, 0n]);
        await expect(face.budgetLine(0n)).to.be.revertedWithCustomError(face, "PoolUnknownLine").withArgs(0n, 0n);
      }
    });

    it("has no maintainer and is wound down", async function () {
      const { implementation } = await loadFixture(factoryFixture);
      expect(await implementation.maintainer()).to.equal(ZERO);
      expect((await implementation.seat()).status).to.equal(SeatStatus.WoundDown);
    });
  });
});
