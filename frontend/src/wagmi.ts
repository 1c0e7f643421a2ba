// The one wagmi config: the chain the app talks to (the local Hardhat node by default; any EVM network
// through VITE_CHAIN_ID and VITE_RPC_URL), the injected wallets (EIP-6963 discovery plus window.ethereum)
// and how reads are batched.
//
// Batching: on the local node (chain 31337) reads go out as JSON-RPC batches (viem's `http` transport with
// `batch`): the calls a render makes within a few milliseconds travel in one HTTP request, and the node
// has nothing to deploy first (Hardhat has no Multicall3 by default). On any other chain they go through
// Multicall3 at its canonical address (or VITE_MULTICALL3), so a pool page with a thousand contributors is
// a handful of `eth_call`s, not thousands counted against an RPC quota; public RPCs also cap batch sizes.
import { createConfig, http, injected } from "wagmi";
import { defineChain, type Address } from "viem";

const env = import.meta.env;

export const LOCAL_CHAIN_IDS = [31337, 1337];
export const chainId = Number(env.VITE_CHAIN_ID ?? 31337);
export const isLocalChain = LOCAL_CHAIN_IDS.includes(chainId);
export const rpcUrl: string = env.VITE_RPC_URL ?? "http://127.0.0.1:8545";
const MULTICALL3_CANONICAL: Address = "0xcA11bde05977b3631167028862bE2a173976CA11";
const multicall3 = (env.VITE_MULTICALL3 ?? (isLocalChain ? "" : MULTICALL3_CANONICAL)) as Address | "";

/** Blocks per eth_getLogs query (public RPCs often refuse more than 10,000). */
export const logBlockRange = BigInt(env.VITE_LOG_BLOCK_RANGE ?? (isLocalChain ? 100_000 : 10_000));

export const chain = defineChain({
  id: chainId,
  name: env.VITE_CHAIN_NAME ?? (isLocalChain ? "Local Hardhat" : `Chain ${chainId}`),
  nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
  rpcUrls: { default: { http: [rpcUrl] } },
  ...(env.VITE_EXPLORER_URL ? { blockExplorers: { default: { name: "Explorer", url: env.VITE_EXPLORER_URL } } } : {}),
  ...(multicall3 !== "" ? { contracts: { multicall3: { address: multicall3 } } } : {}),
});

export const config = createConfig({
  chains: [chain],
  connectors: [injected()],
  multiInjectedProviderDiscovery: true,
  transports: {
    [chain.id]: http(rpcUrl, { batch: multicall3 === "" ? { batchSize: 1_000, wait: 10 } : false }),
  },
  batch: { multicall: multicall3 !== "" ? { batchSize: 4_096, wait: 10 } : false },
  pollingInterval: isLocalChain ? 1_000 : 4_000,
});

declare module "wagmi" {
  interface Register {
    config: typeof config;
  }
}
