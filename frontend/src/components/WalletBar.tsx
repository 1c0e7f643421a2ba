// Wallets: every injected wallet the page finds (EIP-6963 announcements, and window.ethereum), the
// connected account, and a prompt to switch when the wallet is on another network. Without a wallet the
// whole app still reads (read-only browsing).
import { useState } from "react";
import { useConnect, useConnection, useConnectors, useDisconnect, useSwitchChain } from "wagmi";
import { explainError } from "../lib/errors";
import { shortAddress } from "@potluck/core";
import { chain } from "../wagmi";

export function WalletBar() {
  const connection = useConnection();
  const connectors = useConnectors();
  const connect = useConnect();
  const disconnect = useDisconnect();
  const switchChain = useSwitchChain();
  const [open, setOpen] = useState(false);

  if (connection.status === "connected") {
    const wrong = connection.chainId !== chain.id;
    return (
      <div className="wallet">
        {wrong ? (
          <span className="wrong-network" data-testid="wrong-network">
            Your wallet is on chain {connection.chainId}; Potluck here runs on {chain.name} ({chain.id}).{" "}
            <button type="button" className="btn btn-primary" onClick={() => switchChain.mutate({ chainId: chain.id })} disabled={switchChain.isPending}>
              Switch to {chain.name}
            </button>
            {switchChain.error && <span className="reason">{explainError(switchChain.error).sentence}</span>}
          </span>
        ) : (
          <span className="network">{chain.name}</span>
        )}
        <span className="account" data-testid="account" title={connection.address}>
          {connection.connector?.name}: <code>{shortAddress(connection.address)}</code>
        </span>
        <button type="button" className="btn btn-secondary" onClick={() => disconnect.mutate({})}>Disconnect</button>
      </div>
    );
  }

  // EIP-6963 wallets first; the generic window.ethereum connector only if nothing announced itself.
  const announced = connectors.filter((c) => c.type === "injected" && c.id !== "injected");
  const shown = announced.length > 0 ? announced : connectors;
  return (
    <div className="wallet">
      <span className="network">{chain.name} · read-only</span>
      {!open ? (
        <button type="button" className="btn btn-primary" onClick={() => setOpen(true)} data-testid="connect">Connect wallet</button>
      ) : (
        <span className="connectors">
          {shown.map((c) => (
            <button key={c.uid} type="button" className="btn btn-secondary" disabled={connect.isPending} onClick={() => connect.mutate({ connector: c })} data-testid={`connector-${c.name}`}>
              {c.icon && <img src={c.icon} alt="" width={16} height={16} />} {c.name === "Injected" ? "Browser wallet" : c.name}
            </button>
          ))}
          {shown.length === 0 && <span className="reason">No browser wallet found: install one, or keep browsing read-only.</span>}
        </span>
      )}
      {connect.error && <span className="reason" role="alert">{explainError(connect.error).sentence}</span>}
    </div>
  );
}
