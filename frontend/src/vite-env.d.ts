/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Chain id of the network the app uses (default 31337, the local Hardhat node). */
  readonly VITE_CHAIN_ID?: string;
  /** Its JSON-RPC URL (default http://127.0.0.1:8545). */
  readonly VITE_RPC_URL?: string;
  /** Its name, shown in the wallet bar. */
  readonly VITE_CHAIN_NAME?: string;
  /** A block explorer's base URL, for transaction and address links. */
  readonly VITE_EXPLORER_URL?: string;
  /** Multicall3's address on that chain (default: the canonical one on any non-local chain). */
  readonly VITE_MULTICALL3?: string;
  /** Blocks per eth_getLogs query (default 10,000; 100,000 locally). */
  readonly VITE_LOG_BLOCK_RANGE?: string;
  /** The Potluck indexer's URL: history from it instead of eth_getLogs (facts for transactions stay on chain). */
  readonly VITE_INDEXER_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
