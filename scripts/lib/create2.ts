// Potluck's contracts are deployed with CREATE2 through CreateX (https://github.com/pcaversaccio/createx), the
// factory Hardhat Ignition's `create2` strategy uses, which sits at the same address on every EVM chain. The
// address of a contract then depends only on CreateX's address, the salt below and the contract's initcode
// (its bytecode and constructor arguments): never on the deployer or its nonce. So PoolExtension, Pool and
// PoolFactory have the same addresses on every chain, and a donor can tell the genuine factory by its address.
import { AbiCoder, getCreate2Address, keccak256, toUtf8Bytes } from "ethers";

export const CREATEX = "0xba5Ed099633D3B313e4D5F7bdc1305d3c28ba5Ed";
/** keccak256 of CreateX's runtime code (v1.0.0), as Ignition checks it. */
export const CREATEX_CODEHASH = "0xbd8a7ea8cfca7b4e5f5041d7d4b17bc317c5ce42cfbc42066a00cf26b43eb53f";
/** The one-time account that deploys CreateX with a presigned (chain-less, pre-EIP-155) transaction. */
export const CREATEX_DEPLOYER = "0xeD456e05CaAb11d66C4c797dD6c1D6f9A7F352b5";
/** What that transaction costs: gas limit 3,000,000 at 100 gwei. */
export const CREATEX_DEPLOYER_FUNDING = 300_000_000_000_000_000n;

/**
 * The salt. CreateX reads its first 20 bytes as "who may deploy" (zero: anyone) and its 21st as "mix in the
 * chain id" (0x00: no), so the address is the same on every chain and anyone may deploy Potluck at it: a
 * front-runner could only deploy the very same code there for us. The last 11 bytes name the generation;
 * change them to deploy a new set of addresses with unchanged code.
 */
export const POTLUCK_SALT = `0x${"00".repeat(21)}${Buffer.from(toUtf8Bytes("potluck-v1")).toString("hex").padEnd(22, "0")}`;

/** The salt CreateX hashes the given one into for a salt that is neither permissioned nor chain-bound. */
export function guardedSalt(salt: string): string {
  return keccak256(AbiCoder.defaultAbiCoder().encode(["bytes32"], [salt]));
}

/** Where `deployCreate2(salt, initcode)` on CreateX deploys. */
export function create2Address(initcode: string, salt = POTLUCK_SALT): string {
  return getCreate2Address(CREATEX, guardedSalt(salt), keccak256(initcode));
}
