// Giving and epoch-matured weight, as DESIGN.md "Giving and weight" and "Accounting invariants" describe them:
// give / receive / giveWithPermit in ETH and ERC-20 pools (odd tokens included), the Given event with what
// actually arrived, contributionOf / weightOf / totalWeight / totalGiven / balance / epoch at every moment (a
// gift counts only from the next epoch boundary), Linear and Quadratic weighting, totalWeight == Σ weightOf
// through a multi-donor multi-epoch history, sweeping stray funds, reentrancy through a token hook, and the
// 96-bit bound on totals.
import { expect } from "chai";
import type { ContractTransactionResponse } from "ethers";
import { network } from "hardhat";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { PERMIT_TYPES } from "@potluck/core";
import {
  type FeeOnTransferToken,
  type IPool,
  type MockERC20,
} from "../../types/ethers-contracts/index.js";
import {
  BPS,
  DAY,
  EPOCH,
  ETH,
  MAX_AMOUNT,
  WEIGHTINGS,
  Weighting,
  createPool,
  defaultConfig,
  deployPotluck,
  isqrt,
  nextEpoch,
  weightFor,
} from "../helpers/potluck.js";
import { chain } from "../helpers/chain.js";

const { ethers, networkHelpers } = await network.create();
const { loadFixture, time } = networkHelpers;
const { epochStart, windDown } = chain(ethers, networkHelpers);

// ---------------------------------------------------------------- constants mirrored from the contracts

const TUSD = 10n ** 18n; // one unit of the 18-decimal test tokens
const FEE_BPS = 100n; // the fee-on-transfer token keeps 1%
const ZERO = ethers.ZeroAddress;

// ---------------------------------------------------------------- helpers

/** How many `Given` events a transaction emitted from `pool`. */
async function givenEvents(pool: IPool, tx: Promise<ContractTransactionResponse>) {
  const receipt = await (await tx).wait();
  const address = (await pool.getAddress()).toLowerCase();
  return receipt!.logs
    .filter((log) => log.address.toLowerCase() === address)
    .map((log) => pool.interface.parseLog(log))
    .filter((parsed) => parsed?.name === "Given")
    .map((parsed) => [parsed!.args.donor as string, parsed!.args.amount as bigint]);
}

/** Signs an EIP-2612 permit of `owner` for `spender`. */
async function signPermit(
  token: MockERC20 | FeeOnTransferToken,
  owner: HardhatEthersSigner,
  spender: string,
  value: bigint,
  deadline: bigint,
  nonce?: bigint,
) {
  const domain = await token.eip712Domain();
  const signature = await owner.signTypedData(
    { name: domain.name, version: domain.version, chainId: domain.chainId, verifyingContract: domain.verifyingContract },
    { Permit: [...PERMIT_TYPES.Permit] }, // ethers wants mutable arrays
    { owner: owner.address, spender, value, nonce: nonce ?? (await token.nonces(owner.address)), deadline },
  );
  const { v, r, s } = ethers.Signature.from(signature);
  return { v, r, s };
}

/**
 * What DESIGN.md says the giving views must show: per donor, money given and the part of it given before the
 * current epoch (matured); weight is that matured amount (Linear) or its floor square root (Quadratic).
 */
class GivingModel {
  private readonly given = new Map<string, bigint>();
  private readonly last = new Map<string, { epoch: bigint; pending: bigint }>();
  totalGiven = 0n;
  swept = 0n;

  constructor(
    readonly weighting: number,
    readonly genesis: bigint,
    readonly epochLength: bigint,
  ) {}

  epochAt(now: bigint): bigint {
    return (now - this.genesis) / this.epochLength;
  }

  credit(who: string, amount: bigint, at: bigint) {
    const e = this.epochAt(at);
    const last = this.last.get(who);
    const pending = last !== undefined && last.epoch === e ? last.pending : 0n;
    this.last.set(who, { epoch: e, pending: pending + amount });
    this.given.set(who, (this.given.get(who) ?? 0n) + amount);
    this.totalGiven += amount;
  }

  contribution(who: string, now: bigint): [bigint, bigint] {
    const given = this.given.get(who) ?? 0n;
    const last = this.last.get(who);
    const pending = last !== undefined && last.epoch === this.epochAt(now) ? last.pending : 0n;
    return [given, given - pending];
  }

  weight(who: string, now: bigint): bigint {
    return weightFor(this.weighting, this.contribution(who, now)[1]);
  }

  totalWeight(now: bigint, donors: string[]): bigint {
    return donors.reduce((sum, who) => sum + this.weight(who, now), 0n);
  }
}

/** Checks every giving view of `pool` against `model` at the latest block, and totalWeight == Σ weightOf. */
async function expectMatchesModel(pool: IPool, model: GivingModel, donors: string[], step: string) {
  const now = BigInt(await time.latest());
  let sum = 0n;
  for (const who of donors) {
    const [given, matured] = await pool.contributionOf(who);
    const weight = await pool.weightOf(who);
    expect([given, matured], `${step}: contributionOf(${who})`).to.deep.equal(model.contribution(who, now));
    expect(weight, `${step}: weightOf(${who})`).to.equal(model.weight(who, now));
    sum += weight;
  }
  const totalWeight = await pool.totalWeight();
  expect(totalWeight, `${step}: totalWeight == Σ weightOf`).to.equal(sum);
  expect(totalWeight, `${step}: totalWeight`).to.equal(model.totalWeight(now, donors));
  expect(await pool.totalGiven(), `${step}: totalGiven`).to.equal(model.totalGiven + model.swept);
  expect(await pool.balance(), `${step}: balance`).to.equal(model.totalGiven + model.swept);
  expect(await pool.epoch(), `${step}: epoch`).to.equal(model.epochAt(now));
}

/** A deterministic pseudo-random sequence (a 64-bit LCG), so the long scenario is the same on every run. */
function lcg(seed: bigint) {
  let state = seed;
  return (bound: bigint): bigint => {
    state = (state * 6364136223846793005n + 1442695040888963407n) % 2n ** 64n;
    return (state >> 16n) % bound;
  };
}

// ---------------------------------------------------------------- fixture

async function givingFixture() {
  const [deployer, maintainer, alice, bob, carol, dave, feeSink, stranger] = await ethers.getSigners();
  const { implementation, factory } = await deployPotluck(ethers);

  const token = await ethers.deployContract("MockERC20", ["Test USD", "TUSD", 18]);
  const fot = await ethers.deployContract("FeeOnTransferToken", [
    "Fee USD",
    "FUSD",
    18,
    FEE_BPS,
    feeSink.address,
  ]);
  const noReturn = await ethers.deployContract("NoReturnToken", ["Tether-ish", "NRT", 6]);
  const falseToken = await ethers.deployContract("FalseReturningToken", [
    "False",
    "FLS",
    18,
  ]);
  const hook = await ethers.deployContract("HookToken", ["Hook", "HOOK", 18]);

  const pools = async (asset: string) => ({
    linear: await createPool(factory, deployer, defaultConfig(maintainer.address, { asset })),
    quadratic: await createPool(
      factory,
      deployer,
      defaultConfig(maintainer.address, { asset, weighting: Weighting.Quadratic }),
    ),
  });
  const eth = await pools(ZERO);
  const tok = await pools(await token.getAddress());
  const fotPool = await createPool(factory, deployer, defaultConfig(maintainer.address, { asset: await fot.getAddress() }));
  const noReturnPool = await createPool(
    factory,
    deployer,
    defaultConfig(maintainer.address, { asset: await noReturn.getAddress() }),
  );
  const falsePool = await createPool(
    factory,
    deployer,
    defaultConfig(maintainer.address, { asset: await falseToken.getAddress() }),
  );
  const hookPool = await createPool(factory, deployer, defaultConfig(maintainer.address, { asset: await hook.getAddress() }));

  for (const who of [alice, bob, carol, dave]) {
    await token.mint(who.address, 1_000_000n * TUSD);
    for (const p of [tok.linear, tok.quadratic]) await token.connect(who).approve(await p.getAddress(), ethers.MaxUint256);
  }

  return {
    implementation,
    factory,
    token,
    fot,
    noReturn,
    falseToken,
    hook,
    ethPool: eth.linear,
    ethQuad: eth.quadratic,
    tokenPool: tok.linear,
    tokenQuad: tok.quadratic,
    fotPool,
    noReturnPool,
    falsePool,
    hookPool,
    deployer,
    maintainer,
    alice,
    bob,
    carol,
    dave,
    feeSink,
    stranger,
  };
}

// ================================================================ tests

describe("PoolGiving", function () {
  describe("give", function () {
    describe("in an ETH pool", function () {
      it("takes msg.value, credits it to the donor and emits Given", async function () {
        const { ethPool, alice } = await loadFixture(givingFixture);
        const tx = ethPool.connect(alice).give(3n * ETH, { value: 3n * ETH });
        await expect(tx).to.emit(ethPool, "Given").withArgs(alice.address, 3n * ETH);
        await expect(tx).to.changeEtherBalances(ethers, [alice, ethPool], [-3n * ETH, 3n * ETH]);
        expect([...(await ethPool.contributionOf(alice.address))]).to.deep.equal([3n * ETH, 0n]);
        expect(await ethPool.totalGiven()).to.equal(3n * ETH);
        expect(await ethPool.balance()).to.equal(3n * ETH);
      });

      it("accepts one wei", async function () {
        const { ethPool, alice } = await loadFixture(givingFixture);
        await expect(ethPool.connect(alice).give(1n, { value: 1n })).to.emit(ethPool, "Given").withArgs(alice.address, 1n);
        expect(await ethPool.totalGiven()).to.equal(1n);
      });

      it("keeps donors apart", async function () {
        const { ethPool, alice, bob } = await loadFixture(givingFixture);
        await ethPool.connect(alice).give(ETH, { value: ETH });
        await ethPool.connect(bob).give(2n * ETH, { value: 2n * ETH });
        expect((await ethPool.contributionOf(alice.address)).given).to.equal(ETH);
        expect((await ethPool.contributionOf(bob.address)).given).to.equal(2n * ETH);
        expect(await ethPool.totalGiven()).to.equal(3n * ETH);
      });

      describe("reverts", function () {
        it("if msg.value is less than the amount", async function () {
          const { ethPool, alice } = await loadFixture(givingFixture);
          await expect(ethPool.connect(alice).give(ETH, { value: ETH - 1n }))
            .to.be.revertedWithCustomError(ethPool, "PoolWrongValue")
            .withArgs(ETH - 1n, ETH);
        });

        it("if msg.value is more than the amount", async function () {
          const { ethPool, alice } = await loadFixture(givingFixture);
          await expect(ethPool.connect(alice).give(ETH, { value: ETH + 1n }))
            .to.be.revertedWithCustomError(ethPool, "PoolWrongValue")
            .withArgs(ETH + 1n, ETH);
        });

        it("if no ETH is sent with a non-zero amount", async function () {
          const { ethPool, alice } = await loadFixture(givingFixture);
          await expect(ethPool.connect(alice).give(ETH))
            .to.be.revertedWithCustomError(ethPool, "PoolWrongValue")
            .withArgs(0n, ETH);
          expect(await ethPool.totalGiven()).to.equal(0n);
        });

        it("if the amount is zero", async function () {
          const { ethPool, alice } = await loadFixture(givingFixture);
          await expect(ethPool.connect(alice).give(0n)).to.be.revertedWithCustomError(ethPool, "PoolZeroAmount");
        });

        it("if the amount is zero, even with ETH sent", async function () {
          const { ethPool, alice } = await loadFixture(givingFixture);
          await expect(ethPool.connect(alice).give(0n, { value: 1n })).to.be.revertedWithCustomError(
            ethPool,
            "PoolZeroAmount",
          );
        });

        it("if the pool has wound down", async function () {
          const { ethPool, maintainer, alice } = await loadFixture(givingFixture);
          await windDown(ethPool, maintainer);
          await expect(ethPool.connect(alice).give(ETH, { value: ETH })).to.be.revertedWithCustomError(
            ethPool,
            "PoolIsWoundDown",
          );
        });
      });
    });

    describe("in an ERC-20 pool", function () {
      it("pulls the amount with the donor's allowance, credits it and emits Given", async function () {
        const { tokenPool, token, alice } = await loadFixture(givingFixture);
        const tx = tokenPool.connect(alice).give(250n * TUSD);
        await expect(tx).to.emit(tokenPool, "Given").withArgs(alice.address, 250n * TUSD);
        await expect(tx).to.changeTokenBalances(ethers, token, [alice, tokenPool], [-250n * TUSD, 250n * TUSD]);
        expect([...(await tokenPool.contributionOf(alice.address))]).to.deep.equal([250n * TUSD, 0n]);
        expect(await tokenPool.totalGiven()).to.equal(250n * TUSD);
        expect(await tokenPool.balance()).to.equal(250n * TUSD);
      });

      it("uses exactly the allowance it needs", async function () {
        const { tokenPool, token, stranger } = await loadFixture(givingFixture);
        await token.mint(stranger.address, 100n);
        await token.connect(stranger).approve(await tokenPool.getAddress(), 100n);
        await tokenPool.connect(stranger).give(60n);
        expect(await token.allowance(stranger.address, await tokenPool.getAddress())).to.equal(40n);
        await tokenPool.connect(stranger).give(40n);
        expect(await token.allowance(stranger.address, await tokenPool.getAddress())).to.equal(0n);
        expect((await tokenPool.contributionOf(stranger.address)).given).to.equal(100n);
      });

      it("credits what arrived from a fee-on-transfer token, in Given too", async function () {
        const { fotPool, fot, alice, feeSink } = await loadFixture(givingFixture);
        await fot.mint(alice.address, 1_000n * TUSD);
        await fot.connect(alice).approve(await fotPool.getAddress(), ethers.MaxUint256);
        const fee = (1_000n * TUSD * FEE_BPS) / BPS;
        const tx = fotPool.connect(alice).give(1_000n * TUSD);
        await expect(tx).to.emit(fotPool, "Given").withArgs(alice.address, 1_000n * TUSD - fee);
        await expect(tx).to.changeTokenBalances(
          ethers,
          fot,
          [alice, fotPool, feeSink],
          [-1_000n * TUSD, 1_000n * TUSD - fee, fee],
        );
        expect((await fotPool.contributionOf(alice.address)).given).to.equal(1_000n * TUSD - fee);
        expect(await fotPool.totalGiven()).to.equal(1_000n * TUSD - fee);
        expect(await fotPool.balance()).to.equal(await fot.balanceOf(await fotPool.getAddress()));
        await nextEpoch(fotPool, networkHelpers);
        expect(await fotPool.weightOf(alice.address)).to.equal(1_000n * TUSD - fee);
        // The ledger matches what the pool holds: nothing is left to sweep.
        await expect(fotPool.sweep()).to.be.revertedWithCustomError(fotPool, "PoolNothingToSweep");
      });

      it("works with a token whose transfers return nothing (USDT-style)", async function () {
        const { noReturnPool, noReturn, alice } = await loadFixture(givingFixture);
        await noReturn.mint(alice.address, 500_000_000n);
        await noReturn.connect(alice).approve(await noReturnPool.getAddress(), 300_000_000n);
        const tx = noReturnPool.connect(alice).give(300_000_000n);
        await expect(tx).to.emit(noReturnPool, "Given").withArgs(alice.address, 300_000_000n);
        await expect(tx).to.changeTokenBalances(ethers, noReturn, [alice, noReturnPool], [-300_000_000n, 300_000_000n]);
        expect(await noReturnPool.totalGiven()).to.equal(300_000_000n);
      });

      it("credits only the donor's transfer when stray tokens already sit in the pool", async function () {
        const { tokenPool, token, alice, bob } = await loadFixture(givingFixture);
        await token.connect(bob).transfer(await tokenPool.getAddress(), 50n * TUSD);
        await expect(tokenPool.connect(alice).give(100n * TUSD))
          .to.emit(tokenPool, "Given")
          .withArgs(alice.address, 100n * TUSD);
        expect(await tokenPool.totalGiven()).to.equal(100n * TUSD);
        expect((await tokenPool.contributionOf(bob.address)).given).to.equal(0n);
      });

      describe("reverts", function () {
        it("if ETH is sent with it", async function () {
          const { tokenPool, alice } = await loadFixture(givingFixture);
          await expect(tokenPool.connect(alice).give(TUSD, { value: 1n }))
            .to.be.revertedWithCustomError(tokenPool, "PoolEthNotAccepted")
            .withArgs(1n);
        });

        it("if ETH equal to the amount is sent with it", async function () {
          const { tokenPool, alice } = await loadFixture(givingFixture);
          await expect(tokenPool.connect(alice).give(TUSD, { value: TUSD }))
            .to.be.revertedWithCustomError(tokenPool, "PoolEthNotAccepted")
            .withArgs(TUSD);
        });

        it("if the amount is zero", async function () {
          const { tokenPool, alice } = await loadFixture(givingFixture);
          await expect(tokenPool.connect(alice).give(0n)).to.be.revertedWithCustomError(tokenPool, "PoolZeroAmount");
        });

        it("if the allowance is short", async function () {
          const { tokenPool, token, stranger } = await loadFixture(givingFixture);
          await token.mint(stranger.address, 100n);
          await token.connect(stranger).approve(await tokenPool.getAddress(), 99n);
          await expect(tokenPool.connect(stranger).give(100n))
            .to.be.revertedWithCustomError(token, "ERC20InsufficientAllowance")
            .withArgs(await tokenPool.getAddress(), 99n, 100n);
        });

        it("if the balance is short", async function () {
          const { tokenPool, token, stranger } = await loadFixture(givingFixture);
          await token.mint(stranger.address, 10n);
          await token.connect(stranger).approve(await tokenPool.getAddress(), ethers.MaxUint256);
          await expect(tokenPool.connect(stranger).give(11n))
            .to.be.revertedWithCustomError(token, "ERC20InsufficientBalance")
            .withArgs(stranger.address, 10n, 11n);
        });

        it("if a USDT-style token's allowance is short", async function () {
          const { noReturnPool, noReturn, alice } = await loadFixture(givingFixture);
          await noReturn.mint(alice.address, 100n);
          await expect(noReturnPool.connect(alice).give(100n))
            .to.be.revertedWithCustomError(noReturn, "NoReturnTokenInsufficientAllowance")
            .withArgs(alice.address, await noReturnPool.getAddress(), 0n, 100n);
        });

        it("if the token returns false instead of moving anything", async function () {
          const { falsePool, falseToken, implementation, alice } = await loadFixture(givingFixture);
          await falseToken.mint(alice.address, 100n);
          await falseToken.connect(alice).approve(await falsePool.getAddress(), 100n);
          await falseToken.setFailAll(true);
          await expect(falsePool.connect(alice).give(100n))
            .to.be.revertedWithCustomError(implementation, "SafeERC20FailedOperation")
            .withArgs(await falseToken.getAddress());
          expect(await falsePool.totalGiven()).to.equal(0n);
        });

        it("if the token returns false for want of allowance", async function () {
          const { falsePool, falseToken, implementation, alice } = await loadFixture(givingFixture);
          await falseToken.mint(alice.address, 100n);
          await expect(falsePool.connect(alice).give(100n))
            .to.be.revertedWithCustomError(implementation, "SafeERC20FailedOperation")
            .withArgs(await falseToken.getAddress());
        });

        it("if a fee-on-transfer token delivers nothing", async function () {
          const { fotPool, fot, alice } = await loadFixture(givingFixture);
          await fot.mint(alice.address, 1_000n);
          await fot.connect(alice).approve(await fotPool.getAddress(), ethers.MaxUint256);
          await fot.setFee(BPS);
          await expect(fotPool.connect(alice).give(1_000n)).to.be.revertedWithCustomError(fotPool, "PoolZeroAmount");
          expect(await fot.balanceOf(alice.address)).to.equal(1_000n);
        });

        it("if the pool has wound down", async function () {
          const { tokenPool, maintainer, alice } = await loadFixture(givingFixture);
          await windDown(tokenPool, maintainer);
          await expect(tokenPool.connect(alice).give(TUSD)).to.be.revertedWithCustomError(tokenPool, "PoolIsWoundDown");
        });
      });
    });
  });

  describe("receive", function () {
    it("gives the ETH sent to an ETH pool's address", async function () {
      const { ethPool, alice } = await loadFixture(givingFixture);
      const tx = alice.sendTransaction({ to: await ethPool.getAddress(), value: 2n * ETH });
      await expect(tx).to.emit(ethPool, "Given").withArgs(alice.address, 2n * ETH);
      await expect(tx).to.changeEtherBalances(ethers, [alice, ethPool], [-2n * ETH, 2n * ETH]);
      expect((await ethPool.contributionOf(alice.address)).given).to.equal(2n * ETH);
      expect(await ethPool.totalGiven()).to.equal(2n * ETH);
      expect(await ethPool.balance()).to.equal(2n * ETH);
    });

    it("adds up with give", async function () {
      const { ethPool, alice } = await loadFixture(givingFixture);
      await alice.sendTransaction({ to: await ethPool.getAddress(), value: ETH });
      await ethPool.connect(alice).give(ETH, { value: ETH });
      expect((await ethPool.contributionOf(alice.address)).given).to.equal(2n * ETH);
    });

    describe("reverts", function () {
      it("if nothing is sent", async function () {
        const { ethPool, alice } = await loadFixture(givingFixture);
        await expect(alice.sendTransaction({ to: await ethPool.getAddress(), value: 0n })).to.be.revertedWithCustomError(
          ethPool,
          "PoolZeroAmount",
        );
      });

      it("if the pool holds an ERC-20", async function () {
        const { tokenPool, alice } = await loadFixture(givingFixture);
        await expect(alice.sendTransaction({ to: await tokenPool.getAddress(), value: ETH }))
          .to.be.revertedWithCustomError(tokenPool, "PoolEthNotAccepted")
          .withArgs(ETH);
        expect(await ethers.provider.getBalance(await tokenPool.getAddress())).to.equal(0n);
      });

      it("if the pool holds an ERC-20, even with nothing sent", async function () {
        const { tokenPool, alice } = await loadFixture(givingFixture);
        await expect(alice.sendTransaction({ to: await tokenPool.getAddress(), value: 0n }))
          .to.be.revertedWithCustomError(tokenPool, "PoolEthNotAccepted")
          .withArgs(0n);
      });

      it("if ETH comes with calldata that matches no function (the fallback does not give)", async function () {
        const { ethPool, alice } = await loadFixture(givingFixture);
        for (const data of ["0x12", "0xdeadbeef", "0xdeadbeef00"]) {
          await expect(alice.sendTransaction({ to: await ethPool.getAddress(), data, value: ETH })).to.be.revertedWithoutReason(
            ethers,
          );
        }
        expect(await ethers.provider.getBalance(await ethPool.getAddress())).to.equal(0n);
      });

      it("if the pool has wound down", async function () {
        const { ethPool, maintainer, alice } = await loadFixture(givingFixture);
        await windDown(ethPool, maintainer);
        await expect(alice.sendTransaction({ to: await ethPool.getAddress(), value: ETH })).to.be.revertedWithCustomError(
          ethPool,
          "PoolIsWoundDown",
        );
      });
    });
  });

  describe("giveWithPermit", function () {
    it("approves with the permit, pulls and credits the amount", async function () {
      const { tokenPool, token, stranger } = await loadFixture(givingFixture);
      const poolAddress = await tokenPool.getAddress();
      await token.mint(stranger.address, 100n * TUSD);
      const deadline = BigInt(await time.latest()) + DAY;
      const { v, r, s } = await signPermit(token, stranger, poolAddress, 40n * TUSD, deadline);
      const tx = tokenPool.connect(stranger).giveWithPermit(40n * TUSD, deadline, v, r, s);
      await expect(tx).to.emit(tokenPool, "Given").withArgs(stranger.address, 40n * TUSD);
      await expect(tx).to.changeTokenBalances(ethers, token, [stranger, tokenPool], [-40n * TUSD, 40n * TUSD]);
      expect(await token.nonces(stranger.address)).to.equal(1n);
      expect(await token.allowance(stranger.address, poolAddress)).to.equal(0n);
      expect([...(await tokenPool.contributionOf(stranger.address))]).to.deep.equal([40n * TUSD, 0n]);
      expect(await tokenPool.totalGiven()).to.equal(40n * TUSD);
    });

    it("still gives when someone submitted the same permit first (front-run)", async function () {
      const { tokenPool, token, stranger, bob } = await loadFixture(givingFixture);
      const poolAddress = await tokenPool.getAddress();
      await token.mint(stranger.address, 100n * TUSD);
      const deadline = BigInt(await time.latest()) + DAY;
      const { v, r, s } = await signPermit(token, stranger, poolAddress, 40n * TUSD, deadline);
      await token.connect(bob).permit(stranger.address, poolAddress, 40n * TUSD, deadline, v, r, s);
      expect(await token.allowance(stranger.address, poolAddress)).to.equal(40n * TUSD);
      const tx = tokenPool.connect(stranger).giveWithPermit(40n * TUSD, deadline, v, r, s);
      await expect(tx).to.emit(tokenPool, "Given").withArgs(stranger.address, 40n * TUSD);
      await expect(tx).to.changeTokenBalances(ethers, token, [stranger, tokenPool], [-40n * TUSD, 40n * TUSD]);
      expect(await token.nonces(stranger.address)).to.equal(1n);
      expect((await tokenPool.contributionOf(stranger.address)).given).to.equal(40n * TUSD);
    });

    it("gives with a plain allowance when the token has no permit", async function () {
      const { noReturnPool, noReturn, alice } = await loadFixture(givingFixture);
      await noReturn.mint(alice.address, 1_000n);
      await noReturn.connect(alice).approve(await noReturnPool.getAddress(), 1_000n);
      await expect(noReturnPool.connect(alice).giveWithPermit(1_000n, 0n, 0, ethers.ZeroHash, ethers.ZeroHash))
        .to.emit(noReturnPool, "Given")
        .withArgs(alice.address, 1_000n);
      expect(await noReturnPool.totalGiven()).to.equal(1_000n);
    });

    it("credits what arrived from a fee-on-transfer token", async function () {
      const { fotPool, fot, stranger } = await loadFixture(givingFixture);
      await fot.mint(stranger.address, 10_000n);
      const deadline = BigInt(await time.latest()) + DAY;
      const { v, r, s } = await signPermit(fot, stranger, await fotPool.getAddress(), 10_000n, deadline);
      await expect(fotPool.connect(stranger).giveWithPermit(10_000n, deadline, v, r, s))
        .to.emit(fotPool, "Given")
        .withArgs(stranger.address, 9_900n);
      expect(await fotPool.totalGiven()).to.equal(9_900n);
    });

    describe("reverts", function () {
      it("if the pool holds ETH", async function () {
        const { ethPool, alice } = await loadFixture(givingFixture);
        await expect(
          ethPool.connect(alice).giveWithPermit(ETH, 0n, 0, ethers.ZeroHash, ethers.ZeroHash),
        ).to.be.revertedWithCustomError(ethPool, "PoolNotTokenPool");
        await expect(
          ethPool.connect(alice).giveWithPermit(0n, 0n, 0, ethers.ZeroHash, ethers.ZeroHash),
        ).to.be.revertedWithCustomError(ethPool, "PoolNotTokenPool");
      });

      it("if the amount is zero", async function () {
        const { tokenPool, token, stranger } = await loadFixture(givingFixture);
        const deadline = BigInt(await time.latest()) + DAY;
        const { v, r, s } = await signPermit(token, stranger, await tokenPool.getAddress(), 0n, deadline);
        await expect(tokenPool.connect(stranger).giveWithPermit(0n, deadline, v, r, s)).to.be.revertedWithCustomError(
          tokenPool,
          "PoolZeroAmount",
        );
      });

      it("if the permit is bad and there is no allowance", async function () {
        const { tokenPool, token, stranger } = await loadFixture(givingFixture);
        await token.mint(stranger.address, 100n);
        await expect(tokenPool.connect(stranger).giveWithPermit(100n, ethers.MaxUint256, 27, ethers.ZeroHash, ethers.ZeroHash))
          .to.be.revertedWithCustomError(tokenPool, "PoolPermitFailed")
          .withArgs(0n, 100n);
      });

      it("if the permit is bad and the allowance is short", async function () {
        const { tokenPool, token, stranger } = await loadFixture(givingFixture);
        await token.mint(stranger.address, 100n);
        await token.connect(stranger).approve(await tokenPool.getAddress(), 99n);
        await expect(tokenPool.connect(stranger).giveWithPermit(100n, ethers.MaxUint256, 27, ethers.ZeroHash, ethers.ZeroHash))
          .to.be.revertedWithCustomError(tokenPool, "PoolPermitFailed")
          .withArgs(99n, 100n);
      });

      it("if the permit has expired", async function () {
        const { tokenPool, token, stranger } = await loadFixture(givingFixture);
        await token.mint(stranger.address, 100n);
        const deadline = BigInt(await time.latest()) - 1n;
        const { v, r, s } = await signPermit(token, stranger, await tokenPool.getAddress(), 100n, deadline);
        await expect(tokenPool.connect(stranger).giveWithPermit(100n, deadline, v, r, s))
          .to.be.revertedWithCustomError(tokenPool, "PoolPermitFailed")
          .withArgs(0n, 100n);
      });

      it("if the permit was signed for a smaller amount", async function () {
        const { tokenPool, token, stranger } = await loadFixture(givingFixture);
        await token.mint(stranger.address, 100n);
        const deadline = BigInt(await time.latest()) + DAY;
        const { v, r, s } = await signPermit(token, stranger, await tokenPool.getAddress(), 50n, deadline);
        await expect(tokenPool.connect(stranger).giveWithPermit(100n, deadline, v, r, s))
          .to.be.revertedWithCustomError(tokenPool, "PoolPermitFailed")
          .withArgs(0n, 100n);
      });

      it("if someone else submits the donor's permit (it binds the signer, not the caller)", async function () {
        const { tokenPool, token, stranger, bob } = await loadFixture(givingFixture);
        const poolAddress = await tokenPool.getAddress();
        await token.mint(stranger.address, 100n);
        const deadline = BigInt(await time.latest()) + DAY;
        const { v, r, s } = await signPermit(token, stranger, poolAddress, 100n, deadline);
        // bob has tokens but never approved the pool: the permit recovers to stranger, not bob.
        await token.connect(bob).approve(poolAddress, 0n);
        await expect(tokenPool.connect(bob).giveWithPermit(100n, deadline, v, r, s))
          .to.be.revertedWithCustomError(tokenPool, "PoolPermitFailed")
          .withArgs(0n, 100n);
        expect(await token.nonces(stranger.address)).to.equal(0n);
        expect(await token.balanceOf(stranger.address)).to.equal(100n);
      });

      it("if the permit is replayed after its allowance was spent", async function () {
        const { tokenPool, token, stranger } = await loadFixture(givingFixture);
        await token.mint(stranger.address, 200n);
        const deadline = BigInt(await time.latest()) + DAY;
        const { v, r, s } = await signPermit(token, stranger, await tokenPool.getAddress(), 100n, deadline);
        await tokenPool.connect(stranger).giveWithPermit(100n, deadline, v, r, s);
        await expect(tokenPool.connect(stranger).giveWithPermit(100n, deadline, v, r, s))
          .to.be.revertedWithCustomError(tokenPool, "PoolPermitFailed")
          .withArgs(0n, 100n);
        expect((await tokenPool.contributionOf(stranger.address)).given).to.equal(100n);
      });

      it("if the pool has wound down", async function () {
        const { tokenPool, token, maintainer, stranger } = await loadFixture(givingFixture);
        await windDown(tokenPool, maintainer);
        await token.mint(stranger.address, 100n);
        const deadline = BigInt(await time.latest()) + DAY;
        const { v, r, s } = await signPermit(token, stranger, await tokenPool.getAddress(), 100n, deadline);
        await expect(tokenPool.connect(stranger).giveWithPermit(100n, deadline, v, r, s)).to.be.revertedWithCustomError(
          tokenPool,
          "PoolIsWoundDown",
        );
      });
    });
  });

  describe("epoch", function () {
    it("counts whole epochs since genesis", async function () {
      const { ethPool } = await loadFixture(givingFixture);
      const genesis = await ethPool.genesis();
      expect(await ethPool.epochLength()).to.equal(EPOCH);
      await time.increaseTo(genesis + EPOCH - 1n);
      expect(await ethPool.epoch()).to.equal(0n);
      await time.increaseTo(genesis + EPOCH);
      expect(await ethPool.epoch()).to.equal(1n);
      await time.increaseTo(genesis + 5n * EPOCH + 17n);
      expect(await ethPool.epoch()).to.equal(5n);
    });
  });

  describe("maturity", function () {
    for (const [mode, key] of [
      ["an ETH pool", "ethPool"],
      ["an ERC-20 pool", "tokenPool"],
    ] as const) {
      it(`counts a gift only from the next epoch boundary (${mode})`, async function () {
        const f = await loadFixture(givingFixture);
        const pool = f[key];
        const boundary = await epochStart(pool, 1n);
        await pool.connect(f.alice).give(5n * ETH, { value: key === "ethPool" ? 5n * ETH : 0n });
        // One second before the boundary: given, not matured, no weight.
        await time.increaseTo(boundary - 1n);
        expect([...(await pool.contributionOf(f.alice.address))]).to.deep.equal([5n * ETH, 0n]);
        expect(await pool.weightOf(f.alice.address)).to.equal(0n);
        expect(await pool.totalWeight()).to.equal(0n);
        expect(await pool.totalGiven()).to.equal(5n * ETH);
        // At the boundary: matured.
        await time.increaseTo(boundary);
        expect([...(await pool.contributionOf(f.alice.address))]).to.deep.equal([5n * ETH, 5n * ETH]);
        expect(await pool.weightOf(f.alice.address)).to.equal(5n * ETH);
        expect(await pool.totalWeight()).to.equal(5n * ETH);
      });
    }

    it("matures at the next boundary, not one epoch length after the gift", async function () {
      const { ethPool, alice } = await loadFixture(givingFixture);
      const start = await epochStart(ethPool, 3n);
      await time.setNextBlockTimestamp(start + EPOCH - 10n);
      await ethPool.connect(alice).give(ETH, { value: ETH });
      await time.increaseTo(start + EPOCH - 1n);
      expect(await ethPool.weightOf(alice.address)).to.equal(0n);
      await time.increaseTo(start + EPOCH);
      expect(await ethPool.weightOf(alice.address)).to.equal(ETH);
    });

    it("makes a gift in the last second of an epoch count one second later", async function () {
      const { ethPool, alice } = await loadFixture(givingFixture);
      const boundary = await epochStart(ethPool, 2n);
      await time.setNextBlockTimestamp(boundary - 1n);
      await ethPool.connect(alice).give(ETH, { value: ETH });
      expect(await ethPool.weightOf(alice.address)).to.equal(0n);
      await time.increaseTo(boundary);
      expect(await ethPool.weightOf(alice.address)).to.equal(ETH);
      expect(await ethPool.totalWeight()).to.equal(ETH);
    });

    it("makes a gift in the first second of an epoch wait a whole epoch", async function () {
      const { ethPool, alice } = await loadFixture(givingFixture);
      const boundary = await epochStart(ethPool, 2n);
      await time.setNextBlockTimestamp(boundary);
      await ethPool.connect(alice).give(ETH, { value: ETH });
      expect(await ethPool.weightOf(alice.address)).to.equal(0n);
      await time.increaseTo(boundary + EPOCH - 1n);
      expect(await ethPool.weightOf(alice.address)).to.equal(0n);
      await time.increaseTo(boundary + EPOCH);
      expect(await ethPool.weightOf(alice.address)).to.equal(ETH);
    });

    it("adds up repeated gifts within one epoch, all pending until the boundary", async function () {
      const { ethPool, alice } = await loadFixture(givingFixture);
      for (const amount of [ETH, 2n * ETH, 3n]) await ethPool.connect(alice).give(amount, { value: amount });
      expect([...(await ethPool.contributionOf(alice.address))]).to.deep.equal([3n * ETH + 3n, 0n]);
      expect(await ethPool.totalWeight()).to.equal(0n);
      await nextEpoch(ethPool, networkHelpers, 0n);
      expect([...(await ethPool.contributionOf(alice.address))]).to.deep.equal([3n * ETH + 3n, 3n * ETH + 3n]);
      expect(await ethPool.weightOf(alice.address)).to.equal(3n * ETH + 3n);
      expect(await ethPool.totalWeight()).to.equal(3n * ETH + 3n);
    });

    it("keeps matured gifts matured when the donor gives again in a later epoch", async function () {
      const { ethPool, alice } = await loadFixture(givingFixture);
      await ethPool.connect(alice).give(ETH, { value: ETH });
      await nextEpoch(ethPool, networkHelpers);
      await ethPool.connect(alice).give(4n * ETH, { value: 4n * ETH });
      expect([...(await ethPool.contributionOf(alice.address))]).to.deep.equal([5n * ETH, ETH]);
      expect(await ethPool.weightOf(alice.address)).to.equal(ETH);
      expect(await ethPool.totalWeight()).to.equal(ETH);
      await nextEpoch(ethPool, networkHelpers);
      expect([...(await ethPool.contributionOf(alice.address))]).to.deep.equal([5n * ETH, 5n * ETH]);
      expect(await ethPool.totalWeight()).to.equal(5n * ETH);
    });

    it("matures gifts across several silent epochs (lazy roll-forward)", async function () {
      const { ethPool, alice, bob } = await loadFixture(givingFixture);
      await ethPool.connect(alice).give(ETH, { value: ETH });
      await time.increaseTo((await epochStart(ethPool, 6n)) + 100n);
      expect(await ethPool.epoch()).to.equal(6n);
      expect(await ethPool.totalWeight()).to.equal(ETH);
      await ethPool.connect(bob).give(2n * ETH, { value: 2n * ETH });
      expect(await ethPool.totalWeight()).to.equal(ETH);
      expect(await ethPool.weightOf(alice.address)).to.equal(ETH);
      expect(await ethPool.weightOf(bob.address)).to.equal(0n);
    });

    it("does not let one donor's gift change another's weight", async function () {
      const { ethPool, alice, bob } = await loadFixture(givingFixture);
      await ethPool.connect(alice).give(ETH, { value: ETH });
      await nextEpoch(ethPool, networkHelpers);
      await ethPool.connect(bob).give(9n * ETH, { value: 9n * ETH });
      expect(await ethPool.weightOf(alice.address)).to.equal(ETH);
      expect([...(await ethPool.contributionOf(alice.address))]).to.deep.equal([ETH, ETH]);
      expect([...(await ethPool.contributionOf(bob.address))]).to.deep.equal([9n * ETH, 0n]);
    });

    it("shows nothing for someone who never gave", async function () {
      const { ethPool, stranger } = await loadFixture(givingFixture);
      expect([...(await ethPool.contributionOf(stranger.address))]).to.deep.equal([0n, 0n]);
      expect(await ethPool.weightOf(stranger.address)).to.equal(0n);
    });

    it("reads no weight after wind-down, while contributions stay readable", async function () {
      const { ethPool, maintainer, alice } = await loadFixture(givingFixture);
      await ethPool.connect(alice).give(ETH, { value: ETH });
      await nextEpoch(ethPool, networkHelpers);
      expect(await ethPool.weightOf(alice.address)).to.equal(ETH);
      await windDown(ethPool, maintainer);
      expect(await ethPool.weightOf(alice.address)).to.equal(0n);
      expect(await ethPool.totalWeight()).to.equal(0n);
      expect((await ethPool.contributionOf(alice.address)).given).to.equal(ETH);
    });
  });

  describe("Quadratic weighting", function () {
    it("weighs a donor with the floor of the square root of their matured amount", async function () {
      const { ethQuad, alice, bob, carol } = await loadFixture(givingFixture);
      await ethQuad.connect(alice).give(10n, { value: 10n }); // floor(sqrt(10)) = 3
      await ethQuad.connect(bob).give(16n, { value: 16n }); // 4
      await ethQuad.connect(carol).give(ETH, { value: ETH }); // 1e9
      expect(await ethQuad.totalWeight()).to.equal(0n);
      await nextEpoch(ethQuad, networkHelpers, 0n);
      expect(await ethQuad.weightOf(alice.address)).to.equal(3n);
      expect(await ethQuad.weightOf(bob.address)).to.equal(4n);
      expect(await ethQuad.weightOf(carol.address)).to.equal(10n ** 9n);
      expect([...(await ethQuad.contributionOf(alice.address))]).to.deep.equal([10n, 10n]);
      // The sum of the roots, not the root of the sum.
      expect(await ethQuad.totalWeight()).to.equal(3n + 4n + 10n ** 9n);
    });

    it("weighs repeated gifts by the root of their sum, not the sum of their roots", async function () {
      const { ethQuad, alice } = await loadFixture(givingFixture);
      await ethQuad.connect(alice).give(5n, { value: 5n });
      await ethQuad.connect(alice).give(4n, { value: 4n });
      await nextEpoch(ethQuad, networkHelpers);
      expect(await ethQuad.weightOf(alice.address)).to.equal(3n); // sqrt(9), not 2 + 2
      expect(await ethQuad.totalWeight()).to.equal(3n);
    });

    it("re-roots the whole matured amount when gifts span epochs", async function () {
      const { ethQuad, alice } = await loadFixture(givingFixture);
      await ethQuad.connect(alice).give(9n, { value: 9n });
      await nextEpoch(ethQuad, networkHelpers);
      await ethQuad.connect(alice).give(7n, { value: 7n });
      expect(await ethQuad.weightOf(alice.address)).to.equal(3n);
      expect(await ethQuad.totalWeight()).to.equal(3n);
      await nextEpoch(ethQuad, networkHelpers);
      expect(await ethQuad.weightOf(alice.address)).to.equal(4n); // sqrt(16)
      expect(await ethQuad.totalWeight()).to.equal(4n);
      await ethQuad.connect(alice).give(8n, { value: 8n });
      await nextEpoch(ethQuad, networkHelpers);
      expect(await ethQuad.weightOf(alice.address)).to.equal(4n); // floor(sqrt(24))
      expect(await ethQuad.totalWeight()).to.equal(4n);
    });

    it("reaches the largest amount: weight floor(sqrt(2^96 - 1))", async function () {
      const { tokenQuad, token, stranger } = await loadFixture(givingFixture);
      await token.mint(stranger.address, MAX_AMOUNT);
      await token.connect(stranger).approve(await tokenQuad.getAddress(), MAX_AMOUNT);
      await tokenQuad.connect(stranger).give(MAX_AMOUNT);
      await nextEpoch(tokenQuad, networkHelpers);
      expect(await tokenQuad.weightOf(stranger.address)).to.equal(isqrt(MAX_AMOUNT));
      expect(await tokenQuad.totalWeight()).to.equal(isqrt(MAX_AMOUNT));
    });
  });

  describe("totalWeight", function () {
    for (const [mode, weighting] of WEIGHTINGS) {
      for (const asset of ["ETH", "ERC-20"] as const) {
        it(`equals Σ weightOf after every step of a multi-donor multi-epoch history (${mode}, ${asset})`, async function () {
          const f = await loadFixture(givingFixture);
          const pool =
            asset === "ETH"
              ? weighting === Weighting.Linear
                ? f.ethPool
                : f.ethQuad
              : weighting === Weighting.Linear
                ? f.tokenPool
                : f.tokenQuad;
          const donors = [f.alice, f.bob, f.carol, f.dave];
          const addresses = donors.map((d) => d.address);
          const genesis = await pool.genesis();
          const model = new GivingModel(weighting, genesis, await pool.epochLength());
          const random = lcg(weighting === Weighting.Linear ? 20_240_601n : 31_415_926n);
          let step = 0;

          const gift = async (donor: HardhatEthersSigner, amount: bigint, at: bigint) => {
            await time.setNextBlockTimestamp(at);
            const viaReceive = asset === "ETH" && random(3n) === 0n;
            const tx = viaReceive
              ? donor.sendTransaction({ to: await pool.getAddress(), value: amount })
              : pool.connect(donor).give(amount, { value: asset === "ETH" ? amount : 0n });
            await expect(tx).to.emit(pool, "Given").withArgs(donor.address, amount);
            model.credit(donor.address, amount, at);
            await expectMatchesModel(pool, model, addresses, `step ${++step} (gift at ${at - genesis}s)`);
          };
          const moveTo = async (at: bigint) => {
            await time.increaseTo(at);
            await expectMatchesModel(pool, model, addresses, `step ${++step} (clock at ${at - genesis}s)`);
          };
          const amount = (): bigint => {
            // From one wei to ~10 ETH, with small amounts often (Quadratic floors bite there).
            const digits = random(20n);
            return random(10n ** digits) + 1n;
          };

          // Scripted edges first: a gift in the last second of epoch 1 and one in the first second of epoch 2.
          const e1 = genesis + EPOCH;
          await moveTo(e1);
          await gift(f.alice, 1_000n, e1 + 10n);
          await gift(f.bob, 37n, e1 + EPOCH - 1n);
          await gift(f.carol, 2n, e1 + EPOCH);
          await gift(f.alice, 24n, e1 + EPOCH + 100n);
          await gift(f.alice, 1n, e1 + EPOCH + 200n);
          await moveTo(e1 + 2n * EPOCH - 1n);
          await moveTo(e1 + 2n * EPOCH);

          // Then eight epochs of pseudo-random gifts, some epochs silent, each checked around its boundaries.
          for (let e = 4n; e < 12n; e++) {
            const start = genesis + e * EPOCH;
            if (BigInt(await time.latest()) < start - 1n) await moveTo(start - 1n);
            const gifts = Number(random(5n)); // 0 to 4 gifts this epoch
            if (gifts === 0) {
              await moveTo(start);
              continue;
            }
            const offsets = new Set<bigint>();
            if (random(2n) === 0n) offsets.add(0n); // a gift right at the boundary
            if (random(2n) === 0n) offsets.add(EPOCH - 1n); // and one at the epoch's last second
            while (offsets.size < gifts) offsets.add(random(EPOCH - 2n) + 1n);
            if (!offsets.has(0n)) await moveTo(start);
            for (const offset of [...offsets].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
              await gift(donors[Number(random(4n))], amount(), start + offset);
            }
          }
          await moveTo(BigInt(await time.latest()) + EPOCH);

          expect(step).to.be.greaterThan(25);
          // Every donor has given by now, and everything has matured.
          const now = BigInt(await time.latest());
          for (const who of addresses) expect(model.contribution(who, now)[0]).to.be.greaterThan(0n);
          expect(await pool.totalWeight()).to.equal(model.totalWeight(now, addresses));
        });
      }
    }
  });

  describe("sweep", function () {
    it("sweeps forced ETH into the ledger as an unattributed gift", async function () {
      const { ethPool, alice, stranger } = await loadFixture(givingFixture);
      const poolAddress = await ethPool.getAddress();
      await ethPool.connect(alice).give(ETH, { value: ETH });
      await nextEpoch(ethPool, networkHelpers);
      const ForceEther = await ethers.getContractFactory("ForceEther");
      await ForceEther.deploy(poolAddress, { value: 3n * ETH });
      // Held above the ledger; the ledger is unchanged.
      expect(await ethers.provider.getBalance(poolAddress)).to.equal(4n * ETH);
      expect(await ethPool.balance()).to.equal(ETH);
      expect(await ethPool.totalGiven()).to.equal(ETH);

      expect(await ethPool.connect(stranger).sweep.staticCall()).to.equal(3n * ETH);
      const tx = ethPool.connect(stranger).sweep();
      await expect(tx).to.emit(ethPool, "Swept").withArgs(stranger.address, 3n * ETH);
      await expect(tx).to.not.emit(ethPool, "Given");
      await expect(tx).to.changeEtherBalances(ethers, [ethPool, stranger], [0n, 0n]);
      expect(await ethPool.totalGiven()).to.equal(4n * ETH);
      expect(await ethPool.balance()).to.equal(4n * ETH);
      // Nobody's weight grows, now or later.
      expect(await ethPool.totalWeight()).to.equal(ETH);
      await nextEpoch(ethPool, networkHelpers);
      expect(await ethPool.totalWeight()).to.equal(ETH);
      expect(await ethPool.weightOf(alice.address)).to.equal(ETH);
      expect(await ethPool.weightOf(stranger.address)).to.equal(0n);
      expect([...(await ethPool.contributionOf(stranger.address))]).to.deep.equal([0n, 0n]);
    });

    it("sweeps a plain token transfer into the ledger as an unattributed gift", async function () {
      const { tokenPool, token, alice, bob, stranger } = await loadFixture(givingFixture);
      await tokenPool.connect(alice).give(100n * TUSD);
      await token.connect(bob).transfer(await tokenPool.getAddress(), 7n * TUSD);
      expect(await tokenPool.balance()).to.equal(100n * TUSD);
      const tx = tokenPool.connect(stranger).sweep();
      await expect(tx).to.emit(tokenPool, "Swept").withArgs(stranger.address, 7n * TUSD);
      await expect(tx).to.changeTokenBalances(ethers, token, [tokenPool, stranger], [0n, 0n]);
      expect(await tokenPool.totalGiven()).to.equal(107n * TUSD);
      expect(await tokenPool.balance()).to.equal(107n * TUSD);
      await nextEpoch(tokenPool, networkHelpers);
      expect(await tokenPool.totalWeight()).to.equal(100n * TUSD);
      expect(await tokenPool.weightOf(alice.address)).to.equal(100n * TUSD);
      expect(await tokenPool.weightOf(bob.address)).to.equal(0n);
      expect((await tokenPool.contributionOf(bob.address)).given).to.equal(0n);
    });

    it("leaves Quadratic weight unchanged too", async function () {
      const { tokenQuad, token, alice, bob } = await loadFixture(givingFixture);
      await tokenQuad.connect(alice).give(100n);
      await token.connect(bob).transfer(await tokenQuad.getAddress(), 1_000_000n);
      await tokenQuad.sweep();
      await nextEpoch(tokenQuad, networkHelpers);
      expect(await tokenQuad.totalWeight()).to.equal(10n);
      expect(await tokenQuad.totalGiven()).to.equal(1_000_100n);
      // A gift after the sweep still adds its own root, and only that.
      await tokenQuad.connect(bob).give(44n);
      await nextEpoch(tokenQuad, networkHelpers);
      expect(await tokenQuad.weightOf(bob.address)).to.equal(6n);
      expect(await tokenQuad.totalWeight()).to.equal(16n);
    });

    it("sweeps what arrived of a fee-on-transfer token's plain transfer", async function () {
      const { fotPool, fot, bob, stranger } = await loadFixture(givingFixture);
      await fot.mint(bob.address, 1_000n);
      await fot.connect(bob).transfer(await fotPool.getAddress(), 1_000n);
      await expect(fotPool.connect(stranger).sweep()).to.emit(fotPool, "Swept").withArgs(stranger.address, 990n);
      expect(await fotPool.totalGiven()).to.equal(990n);
    });

    it("sweeps again when more stray funds arrive", async function () {
      const { ethPool, stranger } = await loadFixture(givingFixture);
      const ForceEther = await ethers.getContractFactory("ForceEther");
      await ForceEther.deploy(await ethPool.getAddress(), { value: 1n });
      await ethPool.connect(stranger).sweep();
      await ForceEther.deploy(await ethPool.getAddress(), { value: 2n });
      await expect(ethPool.connect(stranger).sweep()).to.emit(ethPool, "Swept").withArgs(stranger.address, 2n);
      expect(await ethPool.totalGiven()).to.equal(3n);
      expect(await ethPool.totalWeight()).to.equal(0n);
    });

    describe("reverts", function () {
      it("if nothing was ever held", async function () {
        const { ethPool, tokenPool } = await loadFixture(givingFixture);
        await expect(ethPool.sweep()).to.be.revertedWithCustomError(ethPool, "PoolNothingToSweep");
        await expect(tokenPool.sweep()).to.be.revertedWithCustomError(tokenPool, "PoolNothingToSweep");
      });

      it("if what is held is exactly the ledger", async function () {
        const { ethPool, tokenPool, alice } = await loadFixture(givingFixture);
        await ethPool.connect(alice).give(ETH, { value: ETH });
        await tokenPool.connect(alice).give(TUSD);
        await expect(ethPool.sweep()).to.be.revertedWithCustomError(ethPool, "PoolNothingToSweep");
        await expect(tokenPool.sweep()).to.be.revertedWithCustomError(tokenPool, "PoolNothingToSweep");
      });

      it("if the stray funds were already swept", async function () {
        const { tokenPool, token, bob } = await loadFixture(givingFixture);
        await token.connect(bob).transfer(await tokenPool.getAddress(), 5n);
        await tokenPool.sweep();
        await expect(tokenPool.sweep()).to.be.revertedWithCustomError(tokenPool, "PoolNothingToSweep");
      });

      it("if the total would leave 96 bits", async function () {
        const { tokenPool, token, stranger, bob } = await loadFixture(givingFixture);
        await token.mint(stranger.address, MAX_AMOUNT);
        await token.connect(stranger).approve(await tokenPool.getAddress(), MAX_AMOUNT);
        await tokenPool.connect(stranger).give(MAX_AMOUNT);
        await token.connect(bob).transfer(await tokenPool.getAddress(), 1n);
        await expect(tokenPool.sweep())
          .to.be.revertedWithCustomError(tokenPool, "PoolAmountOverflow")
          .withArgs(MAX_AMOUNT + 1n, MAX_AMOUNT);
      });

      it("if the pool has wound down", async function () {
        const { tokenPool, token, maintainer, bob } = await loadFixture(givingFixture);
        await windDown(tokenPool, maintainer);
        await token.connect(bob).transfer(await tokenPool.getAddress(), 5n);
        await expect(tokenPool.sweep()).to.be.revertedWithCustomError(tokenPool, "PoolIsWoundDown");
      });
    });
  });

  describe("reentrancy", function () {
    /** An attacker holding 2 × `amount` hook tokens, hooked, with the hook pool approved for all of them. */
    async function attackerFixture() {
      const f = await givingFixture();
      const amount = 100n * TUSD;
      const attacker = await ethers.deployContract("ReentrantAttacker");
      const attackerAddress = await attacker.getAddress();
      const hookAddress = await f.hook.getAddress();
      const poolAddress = await f.hookPool.getAddress();
      await f.hook.mint(attackerAddress, 2n * amount);
      await attacker.execute(hookAddress, f.hook.interface.encodeFunctionData("registerHooks", [true]), 0n);
      await attacker.execute(hookAddress, f.hook.interface.encodeFunctionData("approve", [poolAddress, ethers.MaxUint256]), 0n);
      return { ...f, amount, attacker, attackerAddress, poolAddress };
    }

    it("gives normally through a hooked token when nobody re-enters", async function () {
      const { hookPool, hook, attacker, attackerAddress, poolAddress, amount } = await loadFixture(attackerFixture);
      expect(await hook.hasHooks(attackerAddress)).to.equal(true);
      await expect(attacker.execute(poolAddress, hookPool.interface.encodeFunctionData("give", [amount]), 0n))
        .to.emit(hookPool, "Given")
        .withArgs(attackerAddress, amount);
      expect(await hookPool.totalGiven()).to.equal(amount);
    });

    for (const [name, call] of [
      ["give", "give"],
      ["sweep", "sweep"],
    ] as const) {
      it(`refuses a ${name} re-entered from the token's hook during transferFrom, crediting the gift once`, async function () {
        const { hookPool, hook, implementation, attacker, attackerAddress, poolAddress, amount } =
          await loadFixture(attackerFixture);
        const data =
          call === "give"
            ? hookPool.interface.encodeFunctionData("give", [amount])
            : hookPool.interface.encodeFunctionData("sweep");
        await attacker.arm(poolAddress, data, 0n);
        const tx = attacker.execute(poolAddress, hookPool.interface.encodeFunctionData("give", [amount]), 0n);
        expect(await givenEvents(hookPool, tx)).to.deep.equal([[attackerAddress, amount]]);

        // The reentry was attempted from the sender hook, and the guard refused it.
        const [attempted, succeeded] = await attacker.reentries();
        expect([attempted, succeeded]).to.deep.equal([1n, 0n]);
        expect(await attacker.lastTrigger()).to.equal(2n); // Trigger.TokensToSend
        expect(await attacker.lastReentryReturnData()).to.equal(
          implementation.interface.getError("ReentrancyGuardReentrantCall")!.selector,
        );

        // Credited once, and the ledger is what the pool holds.
        expect([...(await hookPool.contributionOf(attackerAddress))]).to.deep.equal([amount, 0n]);
        expect(await hookPool.totalGiven()).to.equal(amount);
        expect(await hookPool.balance()).to.equal(amount);
        expect(await hook.balanceOf(poolAddress)).to.equal(amount);
        expect(await hook.balanceOf(attackerAddress)).to.equal(amount);
        await nextEpoch(hookPool, networkHelpers);
        expect(await hookPool.weightOf(attackerAddress)).to.equal(amount);
        expect(await hookPool.totalWeight()).to.equal(amount);
      });
    }

    it("credits each of a chain of nested gifts at most once, if any were let through", async function () {
      // Armed to re-enter several times: however the code handles it, the ledger must equal what arrived.
      const { hookPool, hook, attacker, attackerAddress, poolAddress, amount } = await loadFixture(attackerFixture);
      await attacker.armTimes(poolAddress, hookPool.interface.encodeFunctionData("give", [amount / 2n]), 0n, 3n);
      await attacker.execute(poolAddress, hookPool.interface.encodeFunctionData("give", [amount / 2n]), 0n);
      const held = await hook.balanceOf(poolAddress);
      expect(await hookPool.totalGiven()).to.equal(held);
      expect((await hookPool.contributionOf(attackerAddress)).given).to.equal(held);
      expect(held).to.equal(amount / 2n);
    });
  });

  describe("PoolAmountOverflow", function () {
    it("accepts a total of exactly 2^96 - 1", async function () {
      const { tokenPool, token, stranger } = await loadFixture(givingFixture);
      await token.mint(stranger.address, MAX_AMOUNT);
      await token.connect(stranger).approve(await tokenPool.getAddress(), MAX_AMOUNT);
      await expect(tokenPool.connect(stranger).give(MAX_AMOUNT))
        .to.emit(tokenPool, "Given")
        .withArgs(stranger.address, MAX_AMOUNT);
      expect(await tokenPool.totalGiven()).to.equal(MAX_AMOUNT);
      await nextEpoch(tokenPool, networkHelpers);
      expect(await tokenPool.totalWeight()).to.equal(MAX_AMOUNT);
    });

    describe("reverts", function () {
      it("if one gift exceeds 2^96 - 1", async function () {
        const { tokenPool, token, stranger } = await loadFixture(givingFixture);
        await token.mint(stranger.address, MAX_AMOUNT + 1n);
        await token.connect(stranger).approve(await tokenPool.getAddress(), ethers.MaxUint256);
        await expect(tokenPool.connect(stranger).give(MAX_AMOUNT + 1n))
          .to.be.revertedWithCustomError(tokenPool, "PoolAmountOverflow")
          .withArgs(MAX_AMOUNT + 1n, MAX_AMOUNT);
        expect(await token.balanceOf(stranger.address)).to.equal(MAX_AMOUNT + 1n);
      });

      it("if a donor's gifts together would exceed it", async function () {
        const { tokenPool, token, stranger } = await loadFixture(givingFixture);
        await token.mint(stranger.address, MAX_AMOUNT + 1n);
        await token.connect(stranger).approve(await tokenPool.getAddress(), ethers.MaxUint256);
        await tokenPool.connect(stranger).give(MAX_AMOUNT);
        await expect(tokenPool.connect(stranger).give(1n))
          .to.be.revertedWithCustomError(tokenPool, "PoolAmountOverflow")
          .withArgs(MAX_AMOUNT + 1n, MAX_AMOUNT);
        expect(await tokenPool.totalGiven()).to.equal(MAX_AMOUNT);
        expect(await token.balanceOf(stranger.address)).to.equal(1n);
      });

      it("if several donors together would exceed it, in a later epoch", async function () {
        const { tokenQuad, token, stranger, alice } = await loadFixture(givingFixture);
        await token.mint(stranger.address, MAX_AMOUNT);
        await token.connect(stranger).approve(await tokenQuad.getAddress(), MAX_AMOUNT);
        await tokenQuad.connect(stranger).give(MAX_AMOUNT - 1_000_000n * TUSD); // alice holds 1e6 TUSD
        await nextEpoch(tokenQuad, networkHelpers);
        await tokenQuad.connect(alice).give(1_000_000n * TUSD); // exactly the max
        await expect(tokenQuad.connect(stranger).give(1n))
          .to.be.revertedWithCustomError(tokenQuad, "PoolAmountOverflow")
          .withArgs(MAX_AMOUNT + 1n, MAX_AMOUNT);
      });

      it("if swept stray funds and gifts together would exceed it", async function () {
        // totalGiven() counts swept funds, and wind-down stores the ledger in 96 bits: a gift must not take
        // gifts + swept past 2^96 - 1, whichever came first (the sweep-after-gifts order is checked above).
        const { tokenPool, token, stranger, bob } = await loadFixture(givingFixture);
        await token.connect(bob).transfer(await tokenPool.getAddress(), 1n);
        await tokenPool.sweep();
        await token.mint(stranger.address, MAX_AMOUNT);
        await token.connect(stranger).approve(await tokenPool.getAddress(), MAX_AMOUNT);
        await expect(tokenPool.connect(stranger).give(MAX_AMOUNT))
          .to.be.revertedWithCustomError(tokenPool, "PoolAmountOverflow")
          .withArgs(MAX_AMOUNT + 1n, MAX_AMOUNT);
        expect(await tokenPool.totalGiven()).to.equal(1n);
      });

      it("in an ETH pool, through give and receive", async function () {
        const { ethPool, stranger } = await loadFixture(givingFixture);
        await networkHelpers.setBalance(stranger.address, 2n ** 100n);
        await expect(ethPool.connect(stranger).give(MAX_AMOUNT + 1n, { value: MAX_AMOUNT + 1n }))
          .to.be.revertedWithCustomError(ethPool, "PoolAmountOverflow")
          .withArgs(MAX_AMOUNT + 1n, MAX_AMOUNT);
        await ethPool.connect(stranger).give(MAX_AMOUNT, { value: MAX_AMOUNT });
        await expect(stranger.sendTransaction({ to: await ethPool.getAddress(), value: 1n }))
          .to.be.revertedWithCustomError(ethPool, "PoolAmountOverflow")
          .withArgs(MAX_AMOUNT + 1n, MAX_AMOUNT);
        expect(await ethPool.totalGiven()).to.equal(MAX_AMOUNT);
      });
    });
  });

  describe("balance", function () {
    it("is the ledger, not what the address holds", async function () {
      const { ethPool, alice } = await loadFixture(givingFixture);
      await ethPool.connect(alice).give(ETH, { value: ETH });
      const ForceEther = await ethers.getContractFactory("ForceEther");
      await ForceEther.deploy(await ethPool.getAddress(), { value: 5n });
      expect(await ethPool.balance()).to.equal(ETH);
      expect(await ethers.provider.getBalance(await ethPool.getAddress())).to.equal(ETH + 5n);
    });
  });
});
