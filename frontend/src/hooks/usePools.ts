// Every pool the factory created, from its PoolCreated events (they carry the metadataURI, which pools do
// not store), with the few figures the explore page shows, read in one batch.
import { useQuery } from "@tanstack/react-query";
import { getAbiItem, type Address } from "viem";
import { usePublicClient, useReadContracts } from "wagmi";
import { deployment, erc20Abi, poolAbi, poolFactoryAbi } from "../contracts";
import { type Asset, decodeMetadata, ETH, isEth, type PoolMetadata, poolName, runway, type Runway, tokenSymbol } from "@potluck/core";
import { eventHistory, indexedCreatedPools } from "../lib/history";
import { maintainerStatus, type MaintainerStatus } from "../lib/state";
import { logBlockRange } from "../wagmi";
import { useChainClock } from "./useChainClock";

export interface CreatedPool {
  address: Address;
  asset: Address;
  maintainer: Address;
  metadataURI: string;
  metadata?: PoolMetadata;
  /** The block the pool was created in: where its event history starts. */
  createdOnBlock: bigint;
}

const poolCreated = getAbiItem({ abi: poolFactoryAbi, name: "PoolCreated" });

/** PoolCreated events since the factory's deployment (bounded, incremental log queries). */
export function useCreatedPools() {
  const client = usePublicClient();
  const { blockNumber } = useChainClock();
  return useQuery({
    queryKey: ["potluck", "createdPools", deployment?.PoolFactory.address, blockNumber?.toString()],
    enabled: client !== undefined && deployment !== undefined && blockNumber !== undefined,
    placeholderData: (previous) => previous,
    queryFn: async (): Promise<CreatedPool[]> => {
      const factory = deployment!.PoolFactory;
      const logs = await eventHistory(client!, `created:${factory.address}`, factory.address, [poolCreated], BigInt(factory.deployedOnBlock), blockNumber!, logBlockRange, indexedCreatedPools);
      return logs.map((log) => {
        const { args } = log as unknown as { args: { pool: Address; asset: Address; maintainer: Address; metadataURI: string } };
        return { ...args, address: args.pool, metadata: decodeMetadata(args.metadataURI), createdOnBlock: log.blockNumber };
      });
    },
  });
}

/** The asset's symbol and decimals (ETH without a read). */
export function useAssets(addresses: readonly Address[]) {
  const tokens = [...new Set(addresses.filter((a) => !isEth({ address: a })))];
  const reads = useReadContracts({
    allowFailure: true,
    contracts: tokens.flatMap((address) => [
      { address, abi: erc20Abi, functionName: "symbol" } as const,
      { address, abi: erc20Abi, functionName: "decimals" } as const,
    ]),
    query: { staleTime: Infinity },
  });
  const map = new Map<string, Asset>();
  tokens.forEach((address, i) => {
    const symbol = reads.data?.[2 * i]?.result as string | undefined;
    const decimals = reads.data?.[2 * i + 1]?.result as number | undefined;
    // The symbol is the token creator's text: inert, like every text read from the chain.
    map.set(address.toLowerCase(), { address, symbol: tokenSymbol(symbol), decimals: decimals ?? 18 });
  });
  return (address: Address): Asset => (isEth({ address }) ? ETH : map.get(address.toLowerCase()) ?? { address, symbol: "…", decimals: 18 });
}

export interface PoolSummary extends CreatedPool {
  /** What the creator named the pool (inert: see @potluck/core's poolName). */
  name: string;
  asset: Address;
  assetInfo: Asset;
  balance?: bigint;
  budgetPerMonth?: bigint;
  recurringPerMonth?: bigint;
  runway?: Runway;
  status?: MaintainerStatus;
  currentMaintainer?: Address;
}

const PER_POOL = 6;

/** The explore page's list: each pool's balance, budget, runway and maintainer status, in one batch. */
export function usePools() {
  const created = useCreatedPools();
  const { now } = useChainClock();
  const pools = created.data ?? [];
  const assetOf = useAssets(pools.map((p) => p.asset));
  const reads = useReadContracts({
    allowFailure: true,
    contracts: pools.flatMap(({ address }) => [
      { address, abi: poolAbi, functionName: "balance" } as const,
      { address, abi: poolAbi, functionName: "carried" } as const,
      { address, abi: poolAbi, functionName: "seat" } as const,
      { address, abi: poolAbi, functionName: "electionKind" } as const,
      { address, abi: poolAbi, functionName: "rules" } as const,
      { address, abi: poolAbi, functionName: "maintainer" } as const,
    ]),
  });
  const summaries: PoolSummary[] = pools.map((p, i) => {
    const r = reads.data?.slice(i * PER_POOL, (i + 1) * PER_POOL);
    const balance = r?.[0]?.result as bigint | undefined;
    const carried = r?.[1]?.result as readonly [bigint, bigint, bigint, bigint] | undefined;
    const seat = r?.[2]?.result as readonly [number, bigint, bigint] | undefined;
    const kind = r?.[3]?.result as number | undefined;
    const rules = r?.[4]?.result as { inactivityPeriod: number } | undefined;
    const status = seat !== undefined && kind !== undefined && rules !== undefined
      ? maintainerStatus({
          seatStatus: seat[0],
          lastActive: seat[1],
          election: { id: 0n, kind, votingStartsAt: 0n, votingEndsAt: 0n, leader: "0x0000000000000000000000000000000000000000", leaderVotes: 0n },
          rules: { inactivityPeriod: BigInt(rules.inactivityPeriod) } as never,
        }, now)
      : undefined;
    return {
      ...p,
      name: poolName(p.metadataURI, p.address),
      assetInfo: assetOf(p.asset),
      balance,
      budgetPerMonth: carried?.[0],
      recurringPerMonth: carried?.[1],
      runway: balance !== undefined && carried !== undefined ? runway(balance, carried[0], carried[1]) : undefined,
      status,
      currentMaintainer: r?.[5]?.result as Address | undefined,
    };
  });
  // Known only once the factory's history is read: before that, "no pools" would be a wrong figure.
  return { pools: summaries, known: created.data !== undefined, isLoading: created.data === undefined || reads.isLoading, error: created.error ?? reads.error };
}
