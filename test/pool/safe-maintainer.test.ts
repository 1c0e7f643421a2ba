// A maintainer is often a team: a 2-of-3 Safe (Safe's own contracts, @safe-global/safe-contracts 1.4.1, the
// singleton and the proxy factory deployed from their npm artifacts) maintains a pool. Every maintainer act
// goes through `execTransaction` with two owners' real EIP-712 signatures: file, cancel and be paid for
// claims, propose a change, check in, step down and be elected back. An ETH claim is paid to the Safe, whose
// `receive` (a proxy hop to the singleton, then an event) needs more than the 2,300 gas `transfer` would give.
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import { Contract, ContractFactory, type BaseContract, type ContractTransactionResponse } from "ethers";
import { network } from "hardhat";
import { createRequire } from "node:module";
import type { IPool } from "../../types/ethers-contracts/index.js";
import { ClaimStatus, DAY, ETH, SeatStatus, claimIdOf, createPool, defaultConfig, deployPotluck, nextEpoch } from "../helpers/potluck.js";

const require = createRequire(import.meta.url);
const artifact = (name: string) =>
  require(`@safe-global/safe-contracts/build/artifacts/contracts/${name}.json`) as { abi: unknown[]; bytecode: string };
const SAFE = artifact("Safe.sol/Safe");
const PROXY_FACTORY = artifact("proxies/SafeProxyFactory.sol/SafeProxyFactory");

const { ethers, networkHelpers } = await network.create();
const { loadFixture, time } = networkHelpers;
const ZERO = ethers.ZeroAddress;
const HOSTING = 0n;
const STIPEND = 1n;
const RECEIPT_URI = "ipfs://bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku";

const SAFE_TX_TYPES = {
  SafeTx: [
    { name: "to", type: "address" },
    { name: "value", type: "uint256" },
    { name: "data", type: "bytes" },
    { name: "operation", type: "uint8" },
    { name: "safeTxGas", type: "uint256" },
    { name: "baseGas", type: "uint256" },
    { name: "gasPrice", type: "uint256" },
    { name: "gasToken", type: "address" },
    { name: "refundReceiver", type: "address" },
    { name: "nonce", type: "uint256" },
  ],
};

/** A Safe and the owners that sign for it. */
interface Team {
  safe: Contract;
  address: string;
  owners: HardhatEthersSigner[];
}

/** Deploys a Safe proxy with `owners` and `threshold` through the proxy factory, as Safe{Wallet} does. */
async function createSafe(singleton: BaseContract, factory: Contract, owners: HardhatEthersSigner[], threshold: number, saltNonce: bigint): Promise<Team> {
  const setup = new ethers.Interface(SAFE.abi as string[]).encodeFunctionData("setup", [
    owners.map((o) => o.address), threshold, ZERO, "0x", ZERO, ZERO, 0, ZERO,
  ]);
  const tx = (await factory.createProxyWithNonce(await singleton.getAddress(), setup, saltNonce)) as ContractTransactionResponse;
  const receipt = await tx.wait();
  const created = receipt!.logs.map((l) => factory.interface.parseLog(l)).find((e) => e?.name === "ProxyCreation");
  const address = created!.args.proxy as string;
  return { safe: new Contract(address, SAFE.abi as string[], owners[0]), address, owners };
}

/**
 * The owners in `signers` sign the Safe transaction `to.call(data)` (EIP-712, as Safe{Wallet} asks them to)
 * and `relayer` submits it with `execTransaction`. Signatures are sorted by owner address, as the Safe checks.
 */
async function execute(team: Team, signers: HardhatEthersSigner[], to: string, data: string, relayer = signers[0]): Promise<ContractTransactionResponse> {
  const nonce = (await team.safe.nonce()) as bigint;
  const tx = { to, value: 0n, data, operation: 0, safeTxGas: 0n, baseGas: 0n, gasPrice: 0n, gasToken: ZERO, refundReceiver: ZERO, nonce };
  const domain = { chainId: (await ethers.provider.getNetwork()).chainId, verifyingContract: team.address };
  // The hash the owners sign is the one the Safe computes.
  expect(ethers.TypedDataEncoder.hash(domain, SAFE_TX_TYPES, tx)).to.equal(
    await team.safe.getTransactionHash(to, 0n, data, 0, 0n, 0n, 0n, ZERO, ZERO, nonce),
  );
  const sorted = [...signers].sort((a, b) => (BigInt(a.address) < BigInt(b.address) ? -1 : 1));
  const signatures = ethers.concat(await Promise.all(sorted.map((s) => s.signTypedData(domain, SAFE_TX_TYPES, tx))));
  return (await (team.safe.connect(relayer) as Contract).execTransaction(to, 0n, data, 0, 0n, 0n, 0n, ZERO, ZERO, signatures)) as ContractTransactionResponse;
}

/** A Potluck ETH pool maintained by a 2-of-3 Safe, with two donors whose 10 ETH each have matured. */
async function safeMaintainedPool() {
  const signers = await ethers.getSigners();
  const [deployer, alice, bob, owner1, owner2, owner3, outsider] = signers;
  const singleton = await new ContractFactory(SAFE.abi as string[], SAFE.bytecode, deployer).deploy();
  const proxyFactory = (await new ContractFactory(PROXY_FACTORY.abi as string[], PROXY_FACTORY.bytecode, deployer).deploy()) as Contract;
  const team = await createSafe(singleton, proxyFactory, [owner1, owner2, owner3], 2, 1n);
  const { factory } = await deployPotluck(ethers);
  const pool = await createPool(factory, deployer, defaultConfig(team.address));
  for (const donor of [alice, bob]) await pool.connect(donor).give(10n * ETH, { value: 10n * ETH });
  await nextEpoch(pool, networkHelpers);
  return { pool, team, alice, bob, owner1, owner2, owner3, outsider };
}

/** The maintainer Safe files a claim on `line` for `amount` to `payee`, signed by owners 1 and 3. */
async function fileClaim(pool: IPool, team: Team, line: bigint, amount: bigint, payee: string, receipt: string): Promise<bigint> {
  const data = pool.interface.encodeFunctionData("fileClaim", [line, amount, payee, receipt, RECEIPT_URI]);
  await expect(execute(team, [team.owners[0], team.owners[2]], await pool.getAddress(), data))
    .to.emit(pool, "ClaimFiled").withArgs(claimIdOf(receipt), line, payee, amount, receipt, RECEIPT_URI);
  return claimIdOf(receipt);
}

describe("A Safe as maintainer (2-of-3, @safe-global/safe-contracts 1.4.1)", function () {
  it("is a working 2-of-3 Safe: one owner's signature is refused, and no owner acts for it alone", async function () {
    const { pool, team, owner1 } = await loadFixture(safeMaintainedPool);
    expect(await team.safe.getThreshold()).to.equal(2n);
    expect(await team.safe.getOwners()).to.have.members(team.owners.map((o) => o.address));
    expect(await pool.maintainer()).to.equal(team.address);
    const data = pool.interface.encodeFunctionData("heartbeat");
    // GS020: fewer signatures than the threshold.
    await expect(execute(team, [owner1], await pool.getAddress(), data)).to.be.revertedWith("GS020");
    await expect(pool.connect(owner1).heartbeat()).to.be.revertedWithCustomError(pool, "PoolNotMaintainer").withArgs(owner1.address);
  });

  it("files a claim, cancels it, and files one that is paid to the Safe (a receive needing more than 2,300 gas)", async function () {
    const { pool, team, outsider } = await loadFixture(safeMaintainedPool);
    const poolAddress = await pool.getAddress();

    const first = await fileClaim(pool, team, HOSTING, ETH, team.address, ethers.id("hosting invoice, March"));
    const left = (await pool.budgetLine(HOSTING))[4];
    await expect(execute(team, [team.owners[1], team.owners[2]], poolAddress, pool.interface.encodeFunctionData("cancelClaim", [first])))
      .to.emit(pool, "ClaimCancelled").withArgs(first);
    expect((await pool.claim(first)).status).to.equal(ClaimStatus.Cancelled);
    expect((await pool.budgetLine(HOSTING))[4]).to.equal(left + ETH); // its reservation is freed

    const second = await fileClaim(pool, team, STIPEND, 2n * ETH, team.address, ethers.id("stipend, March"));
    await time.increase(3n * DAY); // the challenge window
    // The Safe's receive: the proxy loads its singleton and delegates, and the singleton emits SafeReceived.
    const receiveGas = (await ethers.provider.estimateGas({ from: outsider.address, to: team.address, value: 1n })) - 21_000n;
    expect(receiveGas).to.be.greaterThan(2_300n);
    const before = await ethers.provider.getBalance(team.address);
    await expect(pool.connect(outsider).payClaim(second))
      .to.emit(pool, "ClaimPaid").withArgs(second)
      .and.to.emit(team.safe, "SafeReceived").withArgs(poolAddress, 2n * ETH);
    expect(await ethers.provider.getBalance(team.address)).to.equal(before + 2n * ETH);
    expect((await pool.claim(second)).status).to.equal(ClaimStatus.Paid);
  });

  it("proposes a budget change and checks in", async function () {
    const { pool, team } = await loadFixture(safeMaintainedPool);
    const poolAddress = await pool.getAddress();
    const propose = pool.interface.encodeFunctionData("proposeBudgetChange", [HOSTING, "hosting", 3n * ETH, 30n * DAY]);
    await expect(execute(team, [team.owners[0], team.owners[1]], poolAddress, propose)).to.emit(pool, "ChangeProposed");
    expect(await pool.proposalCount()).to.equal(1n);

    await time.increase(10n * DAY);
    const tx = await execute(team, [team.owners[1], team.owners[2]], poolAddress, pool.interface.encodeFunctionData("heartbeat"));
    await expect(tx).to.emit(pool, "Heartbeat").withArgs(team.address);
    const block = await ethers.provider.getBlock((await tx.wait())!.blockNumber);
    expect((await pool.seat())[1]).to.equal(BigInt(block!.timestamp));
  });

  it("steps down, is nominated and voted back in, and maintains again", async function () {
    const { pool, team, alice, bob } = await loadFixture(safeMaintainedPool);
    const poolAddress = await pool.getAddress();
    await expect(execute(team, [team.owners[0], team.owners[2]], poolAddress, pool.interface.encodeFunctionData("stepDown")))
      .to.emit(pool, "MaintainerChanged").withArgs(team.address, ZERO);
    expect((await pool.seat())[0]).to.equal(SeatStatus.Open);

    await pool.connect(alice).nominate(team.address);
    await time.increaseTo((await pool.election()).votingStartsAt + 1n);
    await pool.connect(alice).vote(team.address);
    await pool.connect(bob).vote(team.address);
    await time.increaseTo((await pool.election()).votingEndsAt + 1n);
    await expect(pool.finalizeElection()).to.emit(pool, "MaintainerChanged").withArgs(ZERO, team.address);
    expect(await pool.maintainer()).to.equal(team.address);
    expect((await pool.seat())[0]).to.equal(SeatStatus.Filled);

    // Back in the seat, the Safe files claims again.
    const id = await fileClaim(pool, team, HOSTING, ETH / 2n, team.address, ethers.id("hosting invoice, April"));
    expect((await pool.claim(id)).status).to.equal(ClaimStatus.Pending);
  });
});
