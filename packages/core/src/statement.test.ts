import { describe, expect, it } from "vitest";
import { hasUnsafeCharacters, readStatement, sentenceFor, showStatement, STATEMENT_URI_MAX, statementUri } from "./index.ts";

describe("candidate statements", () => {
  it("takes what the contract takes: a name up to 64 bytes, a data: or ipfs: URI up to 1,024 bytes, either empty", () => {
    expect(readStatement(" Rosa ", "ipfs://bafyrosa")).toEqual({ ok: true, value: { name: "Rosa", uri: "ipfs://bafyrosa" } });
    expect(readStatement("", "")).toEqual({ ok: true, value: { name: "", uri: "" } });
    expect(readStatement("é".repeat(32), "").ok).toBe(true); // 64 bytes
    expect(readStatement("é".repeat(33), "")).toEqual({ ok: false, error: "A candidate's name may be at most 64 bytes long (got 66)." });
    expect(readStatement("x", `data:,${"a".repeat(STATEMENT_URI_MAX - 6)}`).ok).toBe(true);
    expect(readStatement("x", `data:,${"a".repeat(STATEMENT_URI_MAX - 5)}`)).toEqual({
      ok: false,
      error: "A candidate's statement URI may be at most 1024 bytes long (got 1025): put a longer statement on IPFS.",
    });
  });
  it("refuses other schemes with the contract's sentence, naming how the URI starts", () => {
    expect(readStatement("Rosa", "https://rosa.example")).toEqual({ ok: false, error: "A candidate's statement URI must start with \"data:\" or \"ipfs:\" (it starts with \"https\")." });
    expect(readStatement("Rosa", "DATA:,x").ok).toBe(false);
    expect(sentenceFor("PoolStatementUriScheme", ["0x6a61000000"])).toBe("A candidate's statement URI must start with \"data:\" or \"ipfs:\" (it starts with \"ja\").");
    expect(hasUnsafeCharacters(sentenceFor("PoolStatementUriScheme", ["0x1b5b324a00"]))).toBe(false);
  });
  it("shows a plain-text data: URI as its text, an ipfs: URI as a gateway link, and anything else as inert text", () => {
    const rosa = showStatement("Rosa\u202e", statementUri("Edited issues 9 to 12.\nLives by the print shop."));
    expect(rosa).toEqual({ name: "Rosa\uFFFD", text: "Edited issues 9 to 12.\nLives by the print shop." });
    expect(showStatement("Sam", "ipfs://bafysam").link).toEqual({ link: true, href: "https://ipfs.io/ipfs/bafysam", text: "ipfs://bafysam" });
    const html = showStatement("Eve", "data:text/html,<script>alert(1)</script>");
    expect(html.link?.link).toBe(false);
    expect(html.text).toBeUndefined();
    expect(showStatement("", "")).toEqual({ name: "" });
    expect(hasUnsafeCharacters(showStatement("x", statementUri("\u001b[2Jgone")).text ?? "")).toBe(false);
  });
});
