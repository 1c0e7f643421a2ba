import { shortAddress } from "@potluck/core";
import { chain } from "../wagmi";

/** A short address with the full one on hover, linked to the explorer when there is one. */
export function Address({ address, you }: { address: string; you?: string }) {
  const explorer = chain.blockExplorers?.default.url;
  const label = shortAddress(address);
  const isYou = you !== undefined && you.toLowerCase() === address.toLowerCase();
  const inner = <code title={address}>{label}</code>;
  return (
    <span className="addr">
      {explorer ? <a href={`${explorer}/address/${address}`} target="_blank" rel="noreferrer">{inner}</a> : inner}
      {isYou && <span className="you"> (you)</span>}
    </span>
  );
}
