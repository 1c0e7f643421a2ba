// Attack catalogue: the factory and clones. PoolFactory creates each pool with CREATE (no salt), so a pool's
// address is the factory's next nonce, not something a creator can reserve: a front-runner who copies a
// pending createPool takes that address, and the creator's pool lands at the next one. The copy is a pool
// whose maintainer is the victim (the copier gets no role); changing the maintainer makes a different pool,
// visible as such in PoolCreated. There is nothing to squat and no initializer to front-run (initialize runs
// in the creating transaction). A clone made outside the factory can carry parameters the factory refuses,
// but it is not in the registry: clients must take pools from poolAt/PoolCreated, never from code shape.
// Earlier cases: test/pool/factory.test.ts ("createPool", "initialize").
import { expect } from "chai";
import { network } from "hardhat";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { IPool__factory, type PoolFactory } from "../../types/ethers-contracts/index.js";
import { ETH, claimIdOf, createPool, defaultConfig, defaultLines, deployPotluck } from "../helpers/potluck.js";
import { kit, receiptHash } from "./shared.js";

const { ethers, networkHelpers } = await network.create();
const { loadFixture } = networkHelpers;
const { latest } = kit(ethers, networkHelpers);

async function factoryFixture() {
  const [deployer, victim, copier, donor] = await ethers.getSigners();
  const { implementation, factory } = await deployPotluck(ethers);
  await createPool(factory, deployer, defaultConfig(deployer.address)); // the factory has a history
  return { implementation, factory, deployer, victim, copier, donor };
}

/** The pool addresses created by `hash`'s transaction, read from its PoolCreated events. */
async function createdBy(factory: PoolFactory, hash: string): Promise<string[]> {
  const receipt = await ethers.provider.getTransactionReceipt(hash);
  expect(receipt!.status).to.equal(1);
  return receipt!.logs
    .map((log) => {
      try {
        return factory.interface.parseLog(log);
      } catch {
        return null;
      }
    })
    .filter((e) => e?.name === "PoolCreated")
    .map((e) => e!.args.pool as string);
}

/** Sends the copier's and the victim's createPool in one block, the copier's first (a higher tip). */
async function raceInOneBlock(factory: PoolFactory, victim: HardhatEthersSigner, copier: HardhatEthersSigner, copierMaintainer: string) {
  const config = defaultConfig(victim.address);
  await ethers.provider.send("evm_setAutomine", [false]);
  try {
    const fee = await ethers.provider.getFeeData();
    const victimTx = await factory.connect(victim).createPool(config, defaultLines(), {
      gasLimit: 1_000_000,
      maxFeePerGas: fee.maxFeePerGas! * 2n,
      maxPriorityFeePerGas: fee.maxPriorityFeePerGas!,
    });
    const copierTx = await factory.connect(copier).createPool({ ...config, maintainer: copierMaintainer }, defaultLines(), {
      gasLimit: 1_000_000,
      maxFeePerGas: fee.maxFeePerGas! * 4n,
      maxPriorityFeePerGas: fee.maxPriorityFeePerGas! * 3n,
    });
    await networkHelpers.mine();
    return { victimTx, copierTx };
  } finally {
    await ethers.provider.send("evm_setAutomine", [true]);
  }
}

describe("Attacks: factory and clones", function () {
  it("pool addresses come from the factory's nonce (CREATE, no salt): a front-runner copying createPool takes the expected address, the victim's pool lands at the next", async function () {
    const { factory, victim, copier } = await loadFixture(factoryFixture);
    const factoryAddress = await factory.getAddress();
    const nonce = await ethers.provider.getTransactionCount(factoryAddress);
    const expected = ethers.getCreateAddress({ from: factoryAddress, nonce });
    const { victimTx, copierTx } = await raceInOneBlock(factory, victim, copier, victim.address);
    const [copied] = await createdBy(factory, copierTx.hash);
    const [mine] = await createdBy(factory, victimTx.hash);
    expect(copied).to.equal(expected);
    expect(mine).to.equal(ethers.getCreateAddress({ from: factoryAddress, nonce: nonce + 1 }));
    // Both pools exist, both are registered, and the victim's transaction did not fail.
    expect(await factory.poolCount()).to.equal(3n);
    expect([await factory.poolAt(1n), await factory.poolAt(2n)]).to.deep.equal([copied, mine]);
  });

  it("the verbatim copy is the victim's pool in all but address: the copier has no role in it", async function () {
    const { factory, victim, copier, donor } = await loadFixture(factoryFixture);
    const { copierTx } = await raceInOneBlock(factory, victim, copier, victim.address);
    const [copiedAddress] = await createdBy(factory, copierTx.hash);
    const copied = IPool__factory.connect(copiedAddress, copier);
    expect(await copied.maintainer()).to.equal(victim.address);
    await copied.connect(donor).give(ETH, { value: ETH });
    await expect(copied.connect(copier).fileClaim(1n, ETH, copier.address, receiptHash("mine now"), ""))
      .to.be.revertedWithCustomError(copied, "PoolNotMaintainer")
      .withArgs(copier.address);
    await expect(copied.connect(copier).stepDown()).to.be.revertedWithCustomError(copied, "PoolNotMaintainer").withArgs(copier.address);
    const receipt = receiptHash("the real maintainer");
    await expect(copied.connect(victim).fileClaim(1n, ETH, victim.address, receipt, ""))
      .to.emit(copied, "ClaimFiled")
      .withArgs(claimIdOf(receipt), 1n, victim.address, ETH, receipt, "");
  });

  it("a copy with the copier as maintainer is a different pool, and PoolCreated says so (same metadata, other maintainer)", async function () {
    const { factory, victim, copier } = await loadFixture(factoryFixture);
    const { victimTx, copierTx } = await raceInOneBlock(factory, victim, copier, copier.address);
    const [copied] = await createdBy(factory, copierTx.hash);
    const [mine] = await createdBy(factory, victimTx.hash);
    const events = await factory.queryFilter(factory.filters.PoolCreated(), "latest");
    const byPool = new Map(events.map((e) => [e.args.pool, e.args]));
    expect(byPool.get(copied)!.maintainer).to.equal(copier.address);
    expect(byPool.get(mine)!.maintainer).to.equal(victim.address);
    expect(byPool.get(copied)!.metadataURI).to.equal(byPool.get(mine)!.metadataURI);
    expect(await IPool__factory.connect(mine, victim).maintainer()).to.equal(victim.address);
  });

  it("nobody can initialize a factory pool a second time, nor the implementation ever (PoolAlreadyInitialized)", async function () {
    const { implementation, factory, copier } = await loadFixture(factoryFixture);
    const pool = IPool__factory.connect(await factory.poolAt(0n), copier);
    await expect(pool.initialize(defaultConfig(copier.address), [])).to.be.revertedWithCustomError(pool, "PoolAlreadyInitialized");
    await expect(implementation.connect(copier).initialize(defaultConfig(copier.address), [])).to.be.revertedWithCustomError(
      implementation,
      "PoolAlreadyInitialized",
    );
  });

  it("a clone made outside the factory can carry a 1-second epoch (flash weight) that the factory refuses, and is in no registry", async function () {
    const { implementation, factory, copier, donor } = await loadFixture(factoryFixture);
    // EIP-1167 with immutable args, as OpenZeppelin's Clones writes it, around the genuine implementation.
    const args = ethers.solidityPacked(
      ["address", "uint40", "uint32", "uint8", "uint16"],
      [ethers.ZeroAddress, await latest(), 1, 0, 0],
    );
    const runtimeLength = 0x2d + 32;
    const initCode = ethers.concat([
      "0x61",
      ethers.toBeHex(runtimeLength, 2),
      "0x3d81600a3d39f3363d3d373d3d3d363d73",
      await implementation.getAddress(),
      "0x5af43d82803e903d91602b57fd5bf3",
      args,
    ]);
    const tx = await copier.sendTransaction({ data: initCode });
    const rogueAddress = (await tx.wait())!.contractAddress!;
    const rogue = IPool__factory.connect(rogueAddress, copier);
    await rogue.initialize(defaultConfig(copier.address), defaultLines());
    expect(await rogue.epochLength()).to.equal(1n);
    await rogue.connect(donor).give(ETH, { value: ETH });
    await networkHelpers.mine();
    expect(await rogue.weightOf(donor.address)).to.equal(ETH); // matured a second later
    await expect(factory.createPool(defaultConfig(copier.address, { epochLength: 1n }), []))
      .to.be.revertedWithCustomError(factory, "PoolInvalidParameter")
      .withArgs(2, 1n); // Parameter.EpochLength
    const registered: string[] = [];
    for (let i = 0n; i < (await factory.poolCount()); i++) registered.push(await factory.poolAt(i));
    expect(registered).to.not.include(rogueAddress);
  });
});
