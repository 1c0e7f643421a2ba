// Attack catalogue: odd ERC-20s. The pool moves tokens with OpenZeppelin's SafeERC20, credits what actually
// arrived (balance difference) and fails only the operation whose transfer failed. Each token goes through the
// whole life of a pool (give, a collected standing order, a paid claim, wind-down and two reclaims) with the
// ledger checked against what the pool holds at every step; then each token's way of failing is met at each
// place where the pool moves it. Earlier single cases: test/pool/giving.test.ts ("give" › fee-on-transfer,
// false-returning; "sweep"), test/pool/budget.test.ts ("payClaim" › blocklisted, false-returning, no-return),
// test/pool/subscriptions.test.ts ("collect" › fee-on-transfer, false-returning).
import { expect } from "chai";
import { network } from "hardhat";
import type {
  BlocklistToken,
  FalseReturningToken,
  FeeOnTransferToken,
  IPool,
  NoReturnToken,
} from "../../types/ethers-contracts/index.js";
import { ClaimStatus, DAY, createPool, defaultConfig, deployPotluck } from "../helpers/potluck.js";
import { kit } from "./shared.js";

const { ethers, networkHelpers } = await network.create();
const { loadFixture } = networkHelpers;
const { at, file } = kit(ethers, networkHelpers);

const ALICE = 10_000n; // base units (fees of 1% stay whole)
const SUB = 1_000n;
const CLAIM = 2_000n;
const PERIOD = 30n * DAY;
const HOSTING = 0n; // cap 2e18: plenty for base units

type Kind = "FeeOnTransferToken" | "NoReturnToken" | "FalseReturningToken" | "BlocklistToken";
const KINDS: Kind[] = ["FeeOnTransferToken", "NoReturnToken", "FalseReturningToken", "BlocklistToken"];
const arrives = (kind: Kind, amount: bigint) => (kind === "FeeOnTransferToken" ? amount - amount / 100n : amount);

async function deployToken(kind: Kind, feeSink: string) {
  if (kind === "FeeOnTransferToken") return ethers.deployContract(kind, ["Fee", "FEE", 18, 100, feeSink]);
  return ethers.deployContract(kind, [kind, "ODD", 18]);
}

async function tokenFixture(kind: Kind) {
  const [deployer, maintainer, alice, bob, payee, keeper, sink] = await ethers.getSigners();
  const { implementation, factory } = await deployPotluck(ethers);
  const token = (await deployToken(kind, sink.address)) as unknown as FeeOnTransferToken & NoReturnToken & FalseReturningToken & BlocklistToken;
  const tokenAddress = await token.getAddress();
  const pool = await createPool(factory, deployer, defaultConfig(maintainer.address, { asset: tokenAddress }));
  const poolAddress = await pool.getAddress();
  for (const who of [alice, bob]) {
    await token.mint(who.address, 100_000n);
    await token.connect(who).approve(poolAddress, ethers.MaxUint256);
  }
  return { implementation, token, tokenAddress, pool, poolAddress, maintainer, alice, bob, payee, keeper, deployer };
}
const fixtures: Record<Kind, () => ReturnType<typeof tokenFixture>> = {
  FeeOnTransferToken: function feeOnTransferFixture() {
    return tokenFixture("FeeOnTransferToken");
  },
  NoReturnToken: function noReturnFixture() {
    return tokenFixture("NoReturnToken");
  },
  FalseReturningToken: function falseReturningFixture() {
    return tokenFixture("FalseReturningToken");
  },
  BlocklistToken: function blocklistFixture() {
    return tokenFixture("BlocklistToken");
  },
};

async function ledgerIsHeld(pool: IPool, token: { balanceOf(a: string): Promise<bigint> }, poolAddress: string) {
  expect(await pool.balance()).to.equal(await token.balanceOf(poolAddress));
}

describe("Attacks: odd ERC-20 tokens", function () {
  for (const kind of KINDS) {
    describe(kind, function () {
      it("a whole life (give, collect, payClaim, wind-down, reclaim) keeps the ledger equal to what the pool holds", async function () {
        const { token, pool, poolAddress, maintainer, alice, bob, payee, keeper } = await loadFixture(fixtures[kind]);
        const a = arrives(kind, ALICE);
        await expect(pool.connect(alice).give(ALICE)).to.emit(pool, "Given").withArgs(alice.address, a);
        await ledgerIsHeld(pool, token, poolAddress);

        await pool.connect(bob).subscribe(SUB, PERIOD);
        const s = arrives(kind, SUB);
        await expect(pool.connect(keeper).collect(bob.address)).to.emit(pool, "Collected").withArgs(bob.address, s, 1n);
        await ledgerIsHeld(pool, token, poolAddress);
        expect(await pool.totalGiven()).to.equal(a + s);

        const { id, payableAt } = await file(pool, maintainer, HOSTING, CLAIM, payee.address);
        await at(payableAt);
        await pool.connect(keeper).payClaim(id);
        // The pool sends the claim's amount; a fee on the way is the payee's loss, never the ledger's.
        expect(await token.balanceOf(payee.address)).to.equal(arrives(kind, CLAIM));
        expect(await pool.balance()).to.equal(a + s - CLAIM);
        await ledgerIsHeld(pool, token, poolAddress);

        await pool.connect(maintainer).stepDown();
        await networkHelpers.time.increase(61n * DAY);
        await pool.windDown();
        const left = a + s - CLAIM;
        const aliceShare = (left * a) / (a + s);
        const bobShare = (left * s) / (a + s);
        const aliceBefore = await token.balanceOf(alice.address);
        await expect(pool.connect(alice).reclaim()).to.emit(pool, "Reclaimed").withArgs(alice.address, aliceShare);
        expect((await token.balanceOf(alice.address)) - aliceBefore).to.equal(arrives(kind, aliceShare));
        await expect(pool.connect(bob).reclaim()).to.emit(pool, "Reclaimed").withArgs(bob.address, bobShare);
        expect([...(await pool.windDownState())]).to.deep.equal([left, aliceShare + bobShare]);
        // What is left is the rounding dust, and the pool holds exactly that.
        expect(await token.balanceOf(poolAddress)).to.equal(left - aliceShare - bobShare);
        await expect(pool.connect(alice).reclaim()).to.be.revertedWithCustomError(pool, "PoolNothingToReclaim").withArgs(alice.address);
      });
    });
  }

  describe("FeeOnTransferToken: a 100% fee (the token keeps everything)", function () {
    it("give and collect revert PoolZeroAmount: nothing is credited for nothing received", async function () {
      const { token, pool, alice, bob, keeper } = await loadFixture(fixtures.FeeOnTransferToken);
      await token.setFee(10_000n);
      await expect(pool.connect(alice).give(ALICE)).to.be.revertedWithCustomError(pool, "PoolZeroAmount");
      await pool.connect(bob).subscribe(SUB, PERIOD);
      await expect(pool.connect(keeper).collect(bob.address)).to.be.revertedWithCustomError(pool, "PoolZeroAmount");
      expect(await pool.totalGiven()).to.equal(0n);
    });

    it("a fee switched on after a claim was filed is paid by the payee: the ledger still drops by the claim's amount", async function () {
      const { token, pool, poolAddress, maintainer, alice, payee, keeper } = await loadFixture(fixtures.FeeOnTransferToken);
      await token.setFee(0n);
      await pool.connect(alice).give(ALICE);
      const { id, payableAt } = await file(pool, maintainer, HOSTING, CLAIM, payee.address);
      await token.setFee(5_000n);
      await at(payableAt);
      await pool.connect(keeper).payClaim(id);
      expect(await token.balanceOf(payee.address)).to.equal(CLAIM / 2n);
      expect(await pool.balance()).to.equal(ALICE - CLAIM);
      await ledgerIsHeld(pool, token, poolAddress);
    });
  });

  describe("FalseReturningToken: every transfer returns false", function () {
    it("give reverts with SafeERC20FailedOperation and credits nothing", async function () {
      const { implementation, token, tokenAddress, pool, alice } = await loadFixture(fixtures.FalseReturningToken);
      await token.setFailAll(true);
      await expect(pool.connect(alice).give(ALICE))
        .to.be.revertedWithCustomError(implementation, "SafeERC20FailedOperation")
        .withArgs(tokenAddress);
      expect(await pool.totalGiven()).to.equal(0n);
    });

    it("payClaim fails with PoolPaymentFailed, collect with PoolCollectFailed; each is retried once the token works", async function () {
      const { token, pool, maintainer, alice, bob, payee, keeper } = await loadFixture(fixtures.FalseReturningToken);
      await pool.connect(alice).give(ALICE);
      await pool.connect(bob).subscribe(SUB, PERIOD);
      const { id, payableAt } = await file(pool, maintainer, HOSTING, CLAIM, payee.address);
      await at(payableAt);
      await token.setFailAll(true);
      await expect(pool.connect(keeper).payClaim(id)).to.be.revertedWithCustomError(pool, "PoolPaymentFailed").withArgs(id, payee.address);
      // The failed payment reverted its effects: the payout slot is still there, so the claim is still pending.
      const [pending, status] = await pool.claim(id);
      expect([status, pending.payee, pending.amount]).to.deep.equal([ClaimStatus.Pending, payee.address, CLAIM]);
      await expect(pool.connect(keeper).collect(bob.address))
        .to.be.revertedWithCustomError(pool, "PoolCollectFailed")
        .withArgs(bob.address, SUB);
      const due = (await pool.subscriptionOf(bob.address)).nextDue;
      expect(due).to.be.lessThanOrEqual(BigInt(await networkHelpers.time.latest())); // still due
      expect(await pool.balance()).to.equal(ALICE);
      await token.setFailAll(false);
      await pool.connect(keeper).payClaim(id);
      await pool.connect(keeper).collect(bob.address);
      expect(await pool.balance()).to.equal(ALICE - CLAIM + SUB);
      expect(await token.balanceOf(payee.address)).to.equal(CLAIM);
    });

    it("reclaim fails with PoolReclaimFailed and the share stays reclaimable", async function () {
      const { token, pool, maintainer, alice } = await loadFixture(fixtures.FalseReturningToken);
      await pool.connect(alice).give(ALICE);
      await pool.connect(maintainer).stepDown();
      await networkHelpers.time.increase(61n * DAY);
      await pool.windDown();
      await token.setFailAll(true);
      await expect(pool.connect(alice).reclaim()).to.be.revertedWithCustomError(pool, "PoolReclaimFailed").withArgs(alice.address, ALICE);
      expect(await pool.reclaimable(alice.address)).to.equal(ALICE);
      await token.setFailAll(false);
      await expect(pool.connect(alice).reclaim()).to.emit(pool, "Reclaimed").withArgs(alice.address, ALICE);
    });
  });

  describe("NoReturnToken (USDT-style, no return value)", function () {
    it("a short allowance reverts give with the token's own error; a revoked one fails collect with PoolCollectFailed", async function () {
      const { token, tokenAddress, pool, poolAddress, alice, bob, keeper } = await loadFixture(fixtures.NoReturnToken);
      await token.connect(alice).approve(poolAddress, ALICE - 1n);
      const noReturn = await ethers.getContractAt("NoReturnToken", tokenAddress);
      await expect(pool.connect(alice).give(ALICE))
        .to.be.revertedWithCustomError(noReturn, "NoReturnTokenInsufficientAllowance")
        .withArgs(alice.address, poolAddress, ALICE - 1n, ALICE);
      await pool.connect(bob).subscribe(SUB, PERIOD);
      await token.connect(bob).approve(poolAddress, 0n);
      await expect(pool.connect(keeper).collect(bob.address))
        .to.be.revertedWithCustomError(pool, "PoolCollectFailed")
        .withArgs(bob.address, SUB);
    });
  });

  describe("BlocklistToken (USDC-style blocklist)", function () {
    it("a blocklisted payee fails only its own claim; a blocklisted reclaimer only its own reclaim", async function () {
      const { token, pool, maintainer, alice, bob, payee, keeper } = await loadFixture(fixtures.BlocklistToken);
      await pool.connect(alice).give(ALICE);
      await pool.connect(bob).give(ALICE);
      const blocked = await file(pool, maintainer, HOSTING, CLAIM, payee.address, "blocked");
      const other = await file(pool, maintainer, HOSTING, CLAIM, bob.address, "other");
      await token.setBlocked(payee.address, true);
      await at(other.payableAt);
      await expect(pool.connect(keeper).payClaim(blocked.id))
        .to.be.revertedWithCustomError(pool, "PoolPaymentFailed")
        .withArgs(blocked.id, payee.address);
      await expect(pool.connect(keeper).payClaim(other.id)).to.emit(pool, "ClaimPaid").withArgs(other.id);
      await pool.connect(maintainer).stepDown();
      await networkHelpers.time.increase(61n * DAY);
      await pool.windDown();
      await token.setBlocked(alice.address, true);
      const share = (2n * ALICE - CLAIM) / 2n;
      await expect(pool.connect(alice).reclaim()).to.be.revertedWithCustomError(pool, "PoolReclaimFailed").withArgs(alice.address, share);
      await expect(pool.connect(bob).reclaim()).to.emit(pool, "Reclaimed").withArgs(bob.address, share);
      expect(await pool.reclaimable(alice.address)).to.equal(share);
    });

    it("a blocklisted subscriber fails collect (PoolCollectFailed); the others are still collected", async function () {
      const { token, pool, alice, bob, keeper } = await loadFixture(fixtures.BlocklistToken);
      await pool.connect(alice).subscribe(SUB, PERIOD);
      await pool.connect(bob).subscribe(SUB, PERIOD);
      await token.setBlocked(bob.address, true);
      await expect(pool.connect(keeper).collect(bob.address)).to.be.revertedWithCustomError(pool, "PoolCollectFailed").withArgs(bob.address, SUB);
      await expect(pool.connect(keeper).collect(alice.address)).to.emit(pool, "Collected").withArgs(alice.address, SUB, 1n);
      expect(await pool.totalGiven()).to.equal(SUB);
    });

    it("a blocklisted pool freezes every transfer but loses nothing: payClaim fails, give reverts, and all resumes when unblocked", async function () {
      const { token, tokenAddress, pool, poolAddress, maintainer, alice, payee, keeper } = await loadFixture(
        fixtures.BlocklistToken,
      );
      await pool.connect(alice).give(ALICE);
      const { id, payableAt } = await file(pool, maintainer, HOSTING, CLAIM, payee.address);
      await token.setBlocked(poolAddress, true);
      await at(payableAt);
      await expect(pool.connect(keeper).payClaim(id)).to.be.revertedWithCustomError(pool, "PoolPaymentFailed").withArgs(id, payee.address);
      const blocklist = await ethers.getContractAt("BlocklistToken", tokenAddress);
      await expect(pool.connect(alice).give(1n)).to.be.revertedWithCustomError(blocklist, "BlocklistTokenBlocked").withArgs(poolAddress);
      expect(await pool.balance()).to.equal(ALICE);
      await token.setBlocked(poolAddress, false);
      await expect(pool.connect(keeper).payClaim(id)).to.emit(pool, "ClaimPaid").withArgs(id);
      await ledgerIsHeld(pool, token, poolAddress);
    });
  });
});
