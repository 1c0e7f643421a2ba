// useGive: a gift in human units, checked before it is sent (amount, balance), with what it will weigh and
// when it starts to count; sent as ETH, or as a token with an approval or a signed permit (EIP-2612).
import { useState } from "react";
import { parseSignature } from "viem";
import { useReadContracts } from "wagmi";
import { erc20Abi } from "../contracts";
import { displayAmount, PERMIT_LIFETIME, PERMIT_TYPES, readAmount } from "@potluck/core";
import { canGive, maturesAt, weightAfterGift, type Gate } from "../lib/state";
import { chain } from "../wagmi";
import { useChainClock } from "./useChainClock";
import type { PoolData } from "./usePool";
import { usePoolWrite } from "./usePoolWrite";
import type { ViewerData } from "./useViewer";

export type TokenMode = "approve" | "permit";

export function useGive(pool: PoolData, viewer: ViewerData) {
  const { now } = useChainClock();
  const [input, setInput] = useState("");
  const [mode, setMode] = useState<TokenMode>("permit");
  const tx = usePoolWrite(pool);
  const token = pool.isEthPool ? undefined : pool.asset.address;
  const domain = useReadContracts({
    allowFailure: false,
    query: { enabled: token !== undefined, staleTime: Infinity },
    contracts: [{ address: token ?? pool.address, abi: erc20Abi, functionName: "eip712Domain" }],
  });

  const parsed = input.trim() === "" ? undefined : readAmount(input, pool.asset);
  const amount = parsed?.ok ? parsed.value : undefined;
  const holding = pool.isEthPool ? viewer.ethBalance : viewer.tokenBalance;
  let gate: Gate = canGive(pool, viewer);
  if (gate.ok && parsed === undefined) gate = { ok: false, reason: "Enter an amount." };
  else if (gate.ok && parsed !== undefined && !parsed.ok) gate = { ok: false, reason: parsed.error };
  else if (gate.ok && amount !== undefined && holding !== undefined && holding < amount) {
    gate = { ok: false, reason: `You hold only ${displayAmount(holding, pool.asset)}.` };
  }
  const needsApproval = token !== undefined && amount !== undefined && (viewer.allowance ?? 0n) < amount;
  const weightThen = amount === undefined ? undefined : weightAfterGift(viewer.given, amount, pool.quadratic);
  const countsFrom = maturesAt(pool.genesis, pool.epochLength, now);

  const give = () => {
    if (amount === undefined || !gate.ok) return;
    const label = `Giving ${displayAmount(amount, pool.asset)}`;
    void tx.run(async (s) => {
      if (token === undefined) {
        await s.pool(label, "give", [amount], amount);
        return;
      }
      if (!needsApproval) {
        await s.pool(label, "give", [amount]);
        return;
      }
      if (mode === "approve") {
        await s.send(`Approving ${displayAmount(amount, pool.asset)}`, { address: token, abi: erc20Abi, functionName: "approve", args: [pool.address, amount] });
        await s.pool(label, "give", [amount]);
        return;
      }
      const [, name, version] = domain.data?.[0] ?? [];
      const deadline = now + PERMIT_LIFETIME;
      const signature = await s.sign(label, {
        domain: { name: name ?? "", version: version ?? "1", chainId: chain.id, verifyingContract: token },
        types: PERMIT_TYPES,
        primaryType: "Permit",
        message: { owner: viewer.address!, spender: pool.address, value: amount, nonce: viewer.nonce ?? 0n, deadline },
      });
      const { r, s: sig, v, yParity } = parseSignature(signature);
      await s.pool(label, "giveWithPermit", [amount, deadline, Number(v ?? BigInt(yParity + 27)), r, sig]);
    }).then((ok) => ok && setInput(""));
  };

  return { input, setInput, mode, setMode, amount, gate, give, tx, needsApproval, weightThen, countsFrom };
}
