// Issue 18 with issue 20's rule: a candidate's statement is a stranger's text. Rendered to HTML (no browser),
// a hostile name and URI stay inert: no control or override character, no markup, no link but ipfs: ones.
import { hasUnsafeCharacters, statementUri } from "@potluck/core";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CandidateStatement } from "./CandidateStatement";

const ESC = "\u001b";
const NAME = `Rosa \u202Egnp.exe <img src=x onerror=alert(1)> ${ESC}[2J`;
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);

describe("CandidateStatement", () => {
  it("shows the name and a plain-text data: statement inline, inert", () => {
    const html = renderToStaticMarkup(<CandidateStatement statement={{ name: NAME, uri: statementUri(`Edited issues 9 to 12.\n${ESC}[1;31mVote me`) }} />);
    expect(hasUnsafeCharacters(html)).toBe(false);
    expect(html).not.toMatch(/<img|<script/i);
    expect(html).toContain("Edited issues 9 to 12.");
    expect(hrefs(html)).toEqual([]);
  });
  it("links an ipfs: statement through the gateway, and never opens another data: URI", () => {
    expect(hrefs(renderToStaticMarkup(<CandidateStatement statement={{ name: "Sam", uri: "ipfs://bafysam" }} />))).toEqual(["https://ipfs.io/ipfs/bafysam"]);
    const html = renderToStaticMarkup(<CandidateStatement statement={{ name: "Eve", uri: "data:text/html,<script>alert(1)</script>" }} />);
    expect(hrefs(html)).toEqual([]);
    expect(html).toContain("not a link");
    expect(html).not.toMatch(/<script/i);
  });
  it("shows nothing without a statement", () => {
    expect(renderToStaticMarkup(<CandidateStatement />)).toBe("");
  });
});
