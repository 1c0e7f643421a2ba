// Text and links from the chain, shown inert (SECURITY.md, "Text from the chain"): whatever a pool's creator
// wrote goes through @potluck/core's `inert` (no control or bidirectional-override character reaches the page;
// React already shows markup as text), inside <bdi> so that right-to-left text cannot reorder what stands
// next to it (an address, an amount). A link is a link only when it is https:, http: or ipfs:.
import { chainLink, inert } from "@potluck/core";

/** Chain text, inert, cut to `max` characters with an ellipsis (the full text, inert, in the tooltip). */
export function ChainText({ text, max, multiline = false, className }: { text: string; max?: number; multiline?: boolean; className?: string }) {
  const shown = inert(text, { max, multiline });
  const full = inert(text, { multiline });
  return <bdi className={className} title={shown === full ? undefined : full}>{shown}</bdi>;
}

/** A link from the chain: an <a> only for https:, http: and ipfs: (opened through a gateway); else plain text marked as not a link. */
export function ChainLink({ url, max = 80, testId }: { url: string; max?: number; testId?: string }) {
  const judged = chainLink(url, { max });
  if (judged.link) {
    return (
      <a href={judged.href} target="_blank" rel="noopener noreferrer nofollow ugc" title={judged.href} data-testid={testId}>
        <bdi>{judged.text.replace(/^https?:\/\//, "")}</bdi>
      </a>
    );
  }
  return (
    <span className="not-a-link" data-testid="not-a-link" title="Not a link: only https, http and ipfs links are opened">
      <bdi>{judged.text}</bdi> <span className="muted">(not a link)</span>
    </span>
  );
}
