// A test wallet injected into the page before the app loads: an EIP-1193 provider announced through
// EIP-6963 and set as window.ethereum, which answers accounts and chain itself and forwards everything else
// (eth_sendTransaction, eth_signTypedData_v4, reads) to the local Hardhat node, whose accounts are unlocked.
// The test drives it through window.__potluckWallet: switch account, switch chain, reject the next request.

export interface WalletOptions {
  rpcUrl: string;
  /** The node's chain id (what wallet_switchEthereumChain accepts). */
  nodeChainId: number;
  /** The chain the wallet starts on (another one shows the app's wrong-network prompt). */
  startChainId: number;
  account: string;
}

/** The init script's source, to pass to `page.addInitScript({ content })`. */
export function walletScript(options: WalletOptions): string {
  return `(${install.toString()})(${JSON.stringify(options)});`;
}

function install(options: WalletOptions): void {
  type Listener = (arg: unknown) => void;
  const listeners: Record<string, Listener[]> = {};
  let account = options.account;
  let chainId = options.startChainId;
  let rejectNext = false;
  // Like a real wallet, it shows no account to the page until the page asks (eth_requestAccounts).
  let authorized = false;
  let id = 0;
  const hex = (n: number) => `0x${n.toString(16)}`;
  const emit = (event: string, arg: unknown) => (listeners[event] ?? []).slice().forEach((f) => f(arg));
  const fail = (code: number, message: string, data?: unknown) => Object.assign(new Error(message), { code, data });

  async function node(method: string, params: unknown[] = []): Promise<unknown> {
    const response = await fetch(options.rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: ++id, method, params }),
    });
    const json = (await response.json()) as { result?: unknown; error?: { code: number; message: string; data?: unknown } };
    if (json.error) throw fail(json.error.code, json.error.message, json.error.data);
    return json.result;
  }

  function userAction(): void {
    if (rejectNext) {
      rejectNext = false;
      throw fail(4001, "User rejected the request.");
    }
  }

  const provider = {
    isPotluckTestWallet: true,
    async request({ method, params }: { method: string; params?: unknown[] }): Promise<unknown> {
      switch (method) {
        case "eth_requestAccounts":
          userAction();
          authorized = true;
          return [account];
        case "eth_accounts":
          return authorized ? [account] : [];
        case "eth_chainId":
          return hex(chainId);
        case "net_version":
          return String(chainId);
        case "wallet_requestPermissions":
          userAction();
          authorized = true;
          return [{ parentCapability: "eth_accounts" }];
        case "wallet_getPermissions":
          return authorized ? [{ parentCapability: "eth_accounts" }] : [];
        case "wallet_revokePermissions":
          return null;
        case "wallet_switchEthereumChain": {
          userAction();
          const wanted = Number.parseInt((params?.[0] as { chainId: string }).chainId, 16);
          if (wanted !== options.nodeChainId) throw fail(4902, `Unrecognized chain ${wanted}.`);
          chainId = wanted;
          emit("chainChanged", hex(wanted));
          return null;
        }
        case "wallet_addEthereumChain":
          return null;
        case "eth_sendTransaction": {
          if (chainId !== options.nodeChainId) throw fail(4901, "The wallet is on another chain.");
          userAction();
          const tx = { ...(params?.[0] as Record<string, unknown>), from: account };
          return node(method, [tx]);
        }
        case "eth_signTypedData_v4":
        case "personal_sign":
          userAction();
          return node(method, params);
        default:
          if (chainId !== options.nodeChainId) throw fail(4901, "The wallet is on another chain.");
          return node(method, params);
      }
    },
    on(event: string, listener: Listener) {
      (listeners[event] ??= []).push(listener);
      return provider;
    },
    removeListener(event: string, listener: Listener) {
      listeners[event] = (listeners[event] ?? []).filter((l) => l !== listener);
      return provider;
    },
  };

  const w = window as unknown as Record<string, unknown>;
  w.ethereum = provider;
  w.__potluckWallet = {
    setAccount(next: string) {
      account = next;
      if (authorized) emit("accountsChanged", [next]);
    },
    rejectNextRequest() {
      rejectNext = true;
    },
    get account() {
      return account;
    },
  };
  const info = {
    uuid: "6b1c1d5e-2f4c-4b1f-9a35-7e0d1c9b0a11",
    name: "Potluck Test Wallet",
    icon: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Ccircle cx='8' cy='8' r='7' fill='%23b4531f'/%3E%3C/svg%3E",
    rdns: "org.potluck.testwallet",
  };
  const announce = () => window.dispatchEvent(new CustomEvent("eip6963:announceProvider", { detail: Object.freeze({ info, provider }) }));
  window.addEventListener("eip6963:requestProvider", announce);
  announce();
}
