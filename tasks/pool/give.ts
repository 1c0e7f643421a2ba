import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { poolFor } from "../../scripts/lib/actions.js";
import { runPotluckTask } from "../../scripts/lib/cli.js";
import { formatAmount, formatCountdown, MAX_AMOUNT, parseAmount, PERMIT_LIFETIME, PERMIT_TYPES, PotluckError, sentenceFor } from "@potluck/core";
import type { MockERC20 } from "../../types/ethers-contracts/index.js";
import { chainNow, confirm, signerFor } from "../../scripts/lib/potluck.js";

interface Args { pool: string; amount: string; from: string; approve?: boolean }

/**
 * The token's EIP-712 domain and `owner`'s permit nonce when it takes EIP-2612 permits and says its domain
 * (EIP-5267's `eip712Domain`, as OpenZeppelin's ERC20Permit does), else undefined: such a token is given to with
 * an approval instead.
 */
async function permitFor(token: MockERC20, owner: string) {
  try {
    const [[, name, version, chainId, verifyingContract], nonce] = await Promise.all([token.eip712Domain(), token.nonces(owner)]);
    return { domain: { name, version, chainId, verifyingContract }, nonce };
  } catch {
    return undefined;
  }
}

export default async function give({ pool: ref, amount: text, from, approve }: Args, hre: HardhatRuntimeEnvironment) {
  return runPotluckTask(hre, async (ctx) => {
    const opened = await poolFor(ctx, ref);
    const { pool, asset, token, entry } = opened;
    const amount = parseAmount(text, asset);
    const signer = await signerFor(ctx.potluck, from);
    const shown = formatAmount(amount, asset);
    // The pool's own refusals are checked before anything is sent: an approval sent for a gift the pool then
    // refuses would leave the allowance standing.
    const [[seat], totalGiven] = await Promise.all([pool.seat(), pool.totalGiven()]);
    const refuse = (name: string, args: unknown[] = []) => new PotluckError(sentenceFor(name, args, { commands: true, ...ctx.explain }));
    if (seat === 3n) throw refuse("PoolIsWoundDown");
    if (totalGiven + amount > MAX_AMOUNT) throw refuse("PoolAmountOverflow", [totalGiven + amount, MAX_AMOUNT]);
    if (token === undefined) {
      const held = await ctx.potluck.ethers.provider.getBalance(signer.address);
      if (held < amount) throw new PotluckError(`${signer.address} holds only ${formatAmount(held, asset)}; the gift is ${shown} (plus gas).`);
      await confirm(`Gave ${shown} to ${entry.label} from ${signer.address}`, pool.connect(signer).give(amount, { value: amount }));
    } else {
      const held = await token.balanceOf(signer.address);
      if (held < amount) throw new PotluckError(`${signer.address} holds only ${formatAmount(held, asset)}; the gift is ${shown}.`);
      const allowance = await token.allowance(signer.address, opened.address);
      const permit = allowance < amount && approve !== true ? await permitFor(token, signer.address) : undefined;
      if (permit !== undefined) {
        // One transaction: a permit signed here (no gas) and the gift. The pool pulls only `amount`, and a permit
        // someone sends first still leaves the allowance the gift needs (giveWithPermit goes on).
        const deadline = (await chainNow(ctx.potluck.ethers)) + PERMIT_LIFETIME;
        const signature = await signer.signTypedData(permit.domain, { Permit: [...PERMIT_TYPES.Permit] }, { owner: signer.address, spender: opened.address, value: amount, nonce: permit.nonce, deadline });
        const { v, r, s } = ctx.potluck.ethers.Signature.from(signature);
        await confirm(`Gave ${shown} to ${entry.label} from ${signer.address}, with a signed permit`, pool.connect(signer).giveWithPermit(amount, deadline, v, r, s));
      } else {
        if (allowance < amount) await confirm(`Approved the pool to take ${shown}`, token.connect(signer).approve(opened.address, amount));
        await confirm(`Gave ${shown} to ${entry.label} from ${signer.address}`, pool.connect(signer).give(amount));
      }
    }
    const [given] = await pool.contributionOf(signer.address);
    const [genesis, length, epoch] = await Promise.all([pool.genesis(), pool.epochLength(), pool.epoch()]);
    const matures = genesis + (epoch + 1n) * length;
    ctx.out(
      `  You have given ${formatAmount(given, asset)} in all. This gift counts towards your weight from epoch ${epoch + 1n} ` +
        `(${formatCountdown(matures, await chainNow(ctx.potluck.ethers))}).`,
    );
  });
}
