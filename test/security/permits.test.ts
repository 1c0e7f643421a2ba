// Attack catalogue: permits (EIP-2612). A permit's signature is public once its transaction is in the mempool.
// Someone who submits it first (front-running) sets the allowance the donor wanted and burns the nonce: the
// donor's giveWithPermit then finds the permit spent, checks the allowance, and gives anyway (DESIGN.md:
// "a permit that was already used must not make the gift fail when the allowance is there"). Nobody but the
// signer can use the allowance: the pool only ever pulls from msg.sender. Bad permits fail with
// PoolPermitFailed(allowance, needed). Earlier cases: test/pool/giving.test.ts ("giveWithPermit").
import { expect } from "chai";
import { network } from "hardhat";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { PERMIT_TYPES } from "@potluck/core";
import type { MockERC20 } from "../../types/ethers-contracts/index.js";
import { DAY, ETH, createPool, defaultConfig, deployPotluck } from "../helpers/potluck.js";
import { kit } from "./shared.js";

const { ethers, networkHelpers } = await network.create();
const { loadFixture } = networkHelpers;
const { latest, at } = kit(ethers, networkHelpers);

const AMOUNT = 40n * ETH;

async function signPermit(
  token: MockERC20,
  owner: HardhatEthersSigner,
  spender: string,
  value: bigint,
  deadline: bigint,
  overrides: { chainId?: bigint; nonce?: bigint } = {},
) {
  const domain = await token.eip712Domain();
  const signature = await owner.signTypedData(
    {
      name: domain.name,
      version: domain.version,
      chainId: overrides.chainId ?? domain.chainId,
      verifyingContract: domain.verifyingContract,
    },
    { Permit: [...PERMIT_TYPES.Permit] }, // ethers wants mutable arrays
    { owner: owner.address, spender, value, nonce: overrides.nonce ?? (await token.nonces(owner.address)), deadline },
  );
  return ethers.Signature.from(signature);
}

async function permitFixture() {
  const [deployer, maintainer, donor, attacker] = await ethers.getSigners();
  const { implementation, factory } = await deployPotluck(ethers);
  const token = await ethers.deployContract("MockERC20", ["Permit USD", "pUSD", 18]);
  const tokenAddress = await token.getAddress();
  const pool = await createPool(factory, deployer, defaultConfig(maintainer.address, { asset: tokenAddress }));
  const other = await createPool(factory, deployer, defaultConfig(maintainer.address, { asset: tokenAddress }));
  const poolAddress = await pool.getAddress();
  await token.mint(donor.address, 100n * ETH);
  await token.mint(attacker.address, 100n * ETH);
  const deadline = (await latest()) + DAY;
  const sig = await signPermit(token, donor, poolAddress, AMOUNT, deadline);
  return { implementation, token, tokenAddress, pool, other, poolAddress, donor, attacker, deadline, sig };
}

describe("Attacks: permits", function () {
  describe("front-running the permit", function () {
    it("in the same block: the front-runner's permit lands first, the donor's giveWithPermit still gives", async function () {
      const { token, pool, poolAddress, donor, attacker, deadline, sig } = await loadFixture(permitFixture);
      await ethers.provider.send("evm_setAutomine", [false]);
      try {
        const front = await token.connect(attacker).permit(donor.address, poolAddress, AMOUNT, deadline, sig.v, sig.r, sig.s, {
          gasLimit: 200_000,
        });
        const gift = await pool.connect(donor).giveWithPermit(AMOUNT, deadline, sig.v, sig.r, sig.s, { gasLimit: 300_000 });
        await networkHelpers.mine();
        expect((await ethers.provider.getTransactionReceipt(front.hash))!.status).to.equal(1);
        expect((await ethers.provider.getTransactionReceipt(gift.hash))!.status).to.equal(1);
      } finally {
        await ethers.provider.send("evm_setAutomine", [true]);
      }
      expect((await pool.contributionOf(donor.address)).given).to.equal(AMOUNT);
      expect(await token.balanceOf(poolAddress)).to.equal(AMOUNT);
      expect(await token.allowance(donor.address, poolAddress)).to.equal(0n);
      expect(await token.nonces(donor.address)).to.equal(1n);
    });

    it("the front-runner cannot use the allowance it set: give pulls from msg.sender only, and the donor's tokens stay put", async function () {
      const { token, pool, poolAddress, donor, attacker, deadline, sig } = await loadFixture(permitFixture);
      await token.connect(attacker).permit(donor.address, poolAddress, AMOUNT, deadline, sig.v, sig.r, sig.s);
      await expect(pool.connect(attacker).give(AMOUNT))
        .to.be.revertedWithCustomError(token, "ERC20InsufficientAllowance")
        .withArgs(poolAddress, 0n, AMOUNT);
      await expect(pool.connect(attacker).giveWithPermit(AMOUNT, deadline, sig.v, sig.r, sig.s))
        .to.be.revertedWithCustomError(pool, "PoolPermitFailed")
        .withArgs(0n, AMOUNT);
      expect(await token.balanceOf(donor.address)).to.equal(100n * ETH);
      expect(await token.allowance(donor.address, poolAddress)).to.equal(AMOUNT);
      expect(await pool.totalGiven()).to.equal(0n);
    });

    it("a front-runner replaying the signature through giveWithPermit spends nothing of the donor's and leaves the permit usable", async function () {
      const { token, pool, donor, attacker, deadline, sig } = await loadFixture(permitFixture);
      await expect(pool.connect(attacker).giveWithPermit(AMOUNT, deadline, sig.v, sig.r, sig.s))
        .to.be.revertedWithCustomError(pool, "PoolPermitFailed")
        .withArgs(0n, AMOUNT);
      expect(await token.nonces(donor.address)).to.equal(0n);
      await expect(pool.connect(donor).giveWithPermit(AMOUNT, deadline, sig.v, sig.r, sig.s))
        .to.emit(pool, "Given")
        .withArgs(donor.address, AMOUNT);
    });
  });

  describe("bad permits: PoolPermitFailed(allowance, needed)", function () {
    it("a deadline equal to the block's timestamp is still good; one second earlier is expired", async function () {
      const { token, pool, poolAddress, donor } = await loadFixture(permitFixture);
      const t = (await latest()) + 100n;
      const expired = await signPermit(token, donor, poolAddress, AMOUNT, t - 1n);
      await at(t);
      await expect(pool.connect(donor).giveWithPermit(AMOUNT, t - 1n, expired.v, expired.r, expired.s))
        .to.be.revertedWithCustomError(pool, "PoolPermitFailed")
        .withArgs(0n, AMOUNT);
      const good = await signPermit(token, donor, poolAddress, AMOUNT, t);
      await at(t); // the failed estimate mined nothing: the gift is mined at t
      await expect(pool.connect(donor).giveWithPermit(AMOUNT, t, good.v, good.r, good.s)).to.emit(pool, "Given").withArgs(donor.address, AMOUNT);
    });

    it("a permit for another pool (spender) does not open this one, nor the reverse", async function () {
      const { token, pool, other, donor, deadline } = await loadFixture(permitFixture);
      const forOther = await signPermit(token, donor, await other.getAddress(), AMOUNT, deadline);
      await expect(pool.connect(donor).giveWithPermit(AMOUNT, deadline, forOther.v, forOther.r, forOther.s))
        .to.be.revertedWithCustomError(pool, "PoolPermitFailed")
        .withArgs(0n, AMOUNT);
      await expect(other.connect(donor).giveWithPermit(AMOUNT, deadline, forOther.v, forOther.r, forOther.s))
        .to.emit(other, "Given")
        .withArgs(donor.address, AMOUNT);
    });

    it("a permit signed for another chain, or with a future nonce, is refused", async function () {
      const { token, pool, poolAddress, donor, deadline } = await loadFixture(permitFixture);
      for (const overrides of [{ chainId: 1n }, { nonce: 1n }]) {
        const bad = await signPermit(token, donor, poolAddress, AMOUNT, deadline, overrides);
        await expect(pool.connect(donor).giveWithPermit(AMOUNT, deadline, bad.v, bad.r, bad.s))
          .to.be.revertedWithCustomError(pool, "PoolPermitFailed")
          .withArgs(0n, AMOUNT);
      }
      expect(await token.nonces(donor.address)).to.equal(0n);
    });

    it("a permit signed for more than the gift is refused (the pool asks the token for a permit of exactly the amount)", async function () {
      const { token, pool, poolAddress, donor, deadline } = await loadFixture(permitFixture);
      const big = await signPermit(token, donor, poolAddress, 100n * ETH, deadline);
      await expect(pool.connect(donor).giveWithPermit(AMOUNT, deadline, big.v, big.r, big.s))
        .to.be.revertedWithCustomError(pool, "PoolPermitFailed")
        .withArgs(0n, AMOUNT);
      // Submitted to the token directly, the same permit sets 100; the pool then takes only the gift.
      await token.permit(donor.address, poolAddress, 100n * ETH, deadline, big.v, big.r, big.s);
      await expect(pool.connect(donor).giveWithPermit(AMOUNT, deadline, big.v, big.r, big.s)).to.emit(pool, "Given").withArgs(donor.address, AMOUNT);
      expect(await token.allowance(donor.address, poolAddress)).to.equal(100n * ETH - AMOUNT);
    });
  });
});
