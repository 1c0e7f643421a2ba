import { describe, expect, it } from "vitest";
import { chainLink, ellipsize, hasUnsafeCharacters, inert, NOT_A_LINK, REPLACEMENT, terminalLink, tokenSymbol } from "./index.ts";

const ESC = "\u001b";
// The name an attacker gave a pool in issue 20: an override to read "exe.png" backwards, markup, and terminal
// escapes that clear the screen and paint a message in red.
const EVIL = `Evil \u202Egnp.exe <img src=x onerror=alert(1)> ${ESC}[2J ${ESC}[1;31m SEND ETH TO 0xBAD ${ESC}[0m`;

describe("inert", () => {
  it("replaces terminal escapes and bidirectional overrides, keeping what can be read", () => {
    const shown = inert(EVIL);
    expect(hasUnsafeCharacters(shown)).toBe(false);
    expect(shown).toBe(`Evil ${REPLACEMENT}gnp.exe <img src=x onerror=alert(1)> ${REPLACEMENT}[2J ${REPLACEMENT}[1;31m SEND ETH TO 0xBAD ${REPLACEMENT}[0m`);
  });

  it("covers C0, DEL, C1 and every embedding, override, isolate and mark", () => {
    const bad = [0x00, 0x07, 0x08, 0x1b, 0x7f, 0x80, 0x9b, 0x9f, 0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];
    for (const code of bad) {
      const c = String.fromCodePoint(code);
      expect(hasUnsafeCharacters(c), code.toString(16)).toBe(true);
      expect(inert(`a${c}b`), code.toString(16)).toBe(`a${REPLACEMENT}b`);
    }
    expect(inert("plain, naïve, 日本語, ✂ and \u05e9\u05dc\u05d5\u05dd")).toBe("plain, naïve, 日本語, ✂ and \u05e9\u05dc\u05d5\u05dd");
  });

  it("turns line breaks and tabs into spaces, or keeps line breaks in a paragraph", () => {
    expect(inert("one\r\ntwo\nthree\u2028four\tfive")).toBe("one two three four five");
    expect(inert("one\r\ntwo\u2029three\ttab\u001b", { multiline: true })).toBe(`one\ntwo\nthree tab${REPLACEMENT}`);
  });

  it("cuts long text with an ellipsis, by characters rather than UTF-16 units", () => {
    expect(ellipsize("short", 10)).toBe("short");
    expect(ellipsize("a long pool name", 8)).toBe("a long…");
    expect(ellipsize("😀😀😀😀", 3)).toBe("😀😀…");
    expect(inert(EVIL, { max: 12 })).toBe(`Evil ${REPLACEMENT}gnp.e…`);
  });
});

describe("tokenSymbol", () => {
  it("shows a token's symbol inert and short, or a fallback", () => {
    expect(tokenSymbol("mUSD")).toBe("mUSD");
    expect(tokenSymbol(`${ESC}[2JUSDC\u202E`)).toBe(`${REPLACEMENT}[2JUSDC${REPLACEMENT}`);
    expect(tokenSymbol("A VERY LONG SYMBOL INDEED")).toBe("A VERY LONG SYM…");
    expect(tokenSymbol(undefined)).toBe("tokens");
    expect(tokenSymbol("  ")).toBe("tokens");
  });
});

describe("chainLink", () => {
  it("links https, http and ipfs", () => {
    expect(chainLink("https://example.org/a?b=c")).toEqual({ link: true, href: "https://example.org/a?b=c", text: "https://example.org/a?b=c" });
    expect(chainLink(" http://example.org ")).toEqual({ link: true, href: "http://example.org/", text: "http://example.org" });
    expect(chainLink("ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/receipt.pdf")).toMatchObject({
      link: true,
      href: "https://ipfs.io/ipfs/bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/receipt.pdf",
    });
  });

  it("shows anything else as plain text", () => {
    for (const raw of [
      "javascript:alert(document.cookie)",
      "JavaScript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "data:text/plain;base64,aGk=",
      "vbscript:msgbox",
      "file:///etc/passwd",
      "/relative/path",
      "example.org",
      "https:",
      "java\nscript:alert(1)",
      "\u0001javascript:alert(1)",
      "https://exa mple.org",
      "https://example.org/\u202Egnp.exe",
      "ipfs://bafy/../../evil.com",
      "ipfs://bafy?x=1",
    ]) {
      const judged = chainLink(raw);
      expect(judged.link, JSON.stringify(raw)).toBe(false);
      expect(hasUnsafeCharacters(judged.text)).toBe(false);
    }
  });

  it("prints a link for the terminal in full, and anything else marked as not a link", () => {
    expect(terminalLink("https://example.org")).toBe("https://example.org");
    expect(terminalLink("javascript:alert(1)")).toBe(`javascript:alert(1) ${NOT_A_LINK}`);
    expect(terminalLink(`data:text/html,${"x".repeat(200)}`, { max: 20 })).toBe(`data:text/html,xxxx… ${NOT_A_LINK}`);
  });
});
