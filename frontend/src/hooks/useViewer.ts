// What the connected account has in a pool: weight, votes, objections, reclaimable share, standing order,
// token balance and allowance; all in one batch. Without a wallet: zeros (read-only browsing).
import type { Address } from "viem";
import { useBalance, useConnection, useReadContracts } from "wagmi";
import { erc20Abi, poolAbi } from "../contracts";
import { maturesAt, petitionLive, type Viewer } from "../lib/state";
import { chain } from "../wagmi";
import { useChainClock } from "./useChainClock";
import type { PoolData } from "./usePool";

export interface ViewerData extends Viewer {
  matured: bigint;
  objectedClaims: Set<bigint>;
  objectedChanges: Set<bigint>;
  subscription?: { amountPerPeriod: bigint; period: bigint; nextDue: bigint };
  ethBalance?: bigint;
  tokenBalance?: bigint;
  allowance?: bigint;
  nonce?: bigint;
  isMaintainer: boolean;
}

export function useViewer(pool: PoolData | undefined): ViewerData {
  const connection = useConnection();
  const { now } = useChainClock();
  const me = connection.address;
  const onChain = connection.chainId === chain.id;
  const at = pool?.address ?? "0x0000000000000000000000000000000000000000";
  const token = pool !== undefined && !pool.isEthPool ? pool.asset.address : undefined;
  const pending = pool?.claims.filter((c) => c.status === 1) ?? [];
  const pendingChanges = pool?.proposals.filter((p) => p.status === 1) ?? [];
  const enabled = me !== undefined && pool !== undefined;
  const who = me ?? at;
  const base = useReadContracts({
    allowFailure: false,
    query: { enabled },
    contracts: [
      { address: at, abi: poolAbi, functionName: "contributionOf", args: [who] },
      { address: at, abi: poolAbi, functionName: "weightOf", args: [who] },
      { address: at, abi: poolAbi, functionName: "hasVoted", args: [pool?.election.id ?? 0n, who] },
      { address: at, abi: poolAbi, functionName: "reclaimable", args: [who] },
      { address: at, abi: poolAbi, functionName: "subscriptionOf", args: [who] },
    ],
  });
  const objected = useReadContracts({
    allowFailure: false,
    query: { enabled: enabled && pending.length + pendingChanges.length > 0 },
    contracts: [
      ...pending.map((c) => ({ address: at, abi: poolAbi, functionName: "hasObjected", args: [c.id, who] }) as const),
      ...pendingChanges.map((p) => ({ address: at, abi: poolAbi, functionName: "hasObjectedToChange", args: [p.id, who] }) as const),
    ],
  });
  const tokenReads = useReadContracts({
    allowFailure: false,
    query: { enabled: enabled && token !== undefined },
    contracts: [
      { address: token ?? at, abi: erc20Abi, functionName: "balanceOf", args: [who] },
      { address: token ?? at, abi: erc20Abi, functionName: "allowance", args: [who, at] },
      { address: token ?? at, abi: erc20Abi, functionName: "nonces", args: [who] },
    ],
  });
  const eth = useBalance({ address: me, query: { enabled: me !== undefined } });

  const given = base.data?.[0][0] ?? 0n;
  const matured = base.data?.[0][1] ?? 0n;
  const weight = base.data?.[1] ?? 0n;
  // A gift made this epoch matures at the next boundary; the signatures of the live petition come from events.
  const maturing = pool !== undefined && given > 0n && matured < given;
  const signed = pool !== undefined && me !== undefined && petitionLive(pool.petition, now) && pool.events.some(
    (e) => e.eventName === "RecallSigned" && e.args.petitionId === pool.petition.id && String(e.args.contributor).toLowerCase() === me.toLowerCase(),
  );
  const sub = base.data?.[4];
  return {
    address: me,
    onChain,
    given,
    matured,
    weight,
    maturingAt: maturing && pool !== undefined ? maturesAt(pool.genesis, pool.epochLength, now) : undefined,
    hasVoted: base.data?.[2] ?? false,
    signedPetition: signed,
    reclaimable: base.data?.[3] ?? 0n,
    objectedClaims: new Set(pending.filter((_, i) => objected.data?.[i] === true).map((c) => c.id)),
    objectedChanges: new Set(pendingChanges.filter((_, i) => objected.data?.[pending.length + i] === true).map((p) => p.id)),
    subscription: sub !== undefined && sub[0] > 0n ? { amountPerPeriod: sub[0], period: sub[1], nextDue: sub[2] } : undefined,
    ethBalance: eth.data?.value,
    tokenBalance: tokenReads.data?.[0],
    allowance: tokenReads.data?.[1],
    nonce: tokenReads.data?.[2],
    isMaintainer: me !== undefined && pool !== undefined && me.toLowerCase() === pool.maintainer.toLowerCase(),
  };
}

export type { Address };
