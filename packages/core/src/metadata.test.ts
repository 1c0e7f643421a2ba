import { describe, expect, it } from "vitest";
import { checkMetadata, decodeMetadata, encodeMetadata, poolName, PotluckError, receiptText, textReceiptUri } from "./index.ts";

describe("pool metadata", () => {
  it("round-trips { name, description, links } through a data: URI", () => {
    const metadata = { name: "Zine ✂", description: "Photocopies & stamps", links: ["https://example.org"] };
    const uri = encodeMetadata(metadata);
    expect(uri).toMatch(/^data:application\/json;base64,/);
    expect(decodeMetadata(uri)).toEqual(metadata);
    expect(decodeMetadata(`data:application/json,${encodeURIComponent(JSON.stringify({ name: "Plain" }))}`)).toEqual({
      name: "Plain",
      description: "",
      links: [],
    });
  });

  it("keeps the links as written (judged when shown) but drops what is not text", () => {
    const json = JSON.stringify({ name: "Zine", description: "d", links: ["https://x.org", "javascript:alert(1)", 7] });
    expect(decodeMetadata(`data:application/json,${encodeURIComponent(json)}`)).toEqual({ name: "Zine", description: "d", links: ["https://x.org", "javascript:alert(1)"] });
    expect(decodeMetadata(`data:application/json;base64,${btoa(json)}`)?.name).toBe("Zine");
  });

  it("names pools without readable metadata by their URI or address", () => {
    expect(decodeMetadata("ipfs://bafy")).toBeUndefined();
    expect(decodeMetadata("data:application/json,{not json")).toBeUndefined();
    expect(decodeMetadata(`data:application/json,${encodeURIComponent(JSON.stringify({ title: "no name" }))}`)).toBeUndefined();
    expect(poolName("ipfs://bafy", "0xabc")).toBe("ipfs://bafy");
    expect(poolName("", "0xabc")).toBe("0xabc");
    expect(poolName(undefined, "0xabc")).toBe("0xabc");
    expect(poolName(`ipfs://${"b".repeat(60)}`, "0xabc")).toHaveLength(48);
  });

  it("names a pool inert", () => {
    expect(poolName(encodeMetadata({ name: "Evil \u202Egnp.exe\u001b[2J", description: "", links: [] }), "0xabc")).toBe("Evil \uFFFDgnp.exe\uFFFD[2J");
  });

  it("checks the command line's own input", () => {
    expect(checkMetadata({ name: " Zine ", links: ["https://x.org"] })).toEqual({ name: "Zine", description: "", links: ["https://x.org"] });
    expect(() => checkMetadata({ name: " " })).toThrow(PotluckError);
    expect(() => checkMetadata({ name: "Z", description: 3 })).toThrow(/"description" must be a string/);
    expect(() => checkMetadata({ name: "Z", links: "https://x.org" })).toThrow(/"links" must be an array/);
  });
});

describe("receipts", () => {
  it("reads back a text receipt, base64 or percent-encoded", () => {
    const uri = textReceiptUri("Invoice № 42");
    expect(uri).toMatch(/^data:text\/plain;charset=utf-8;base64,/);
    expect(receiptText(uri)).toBe("Invoice № 42");
    expect(receiptText(`data:text/plain,${encodeURIComponent("a b")}`)).toBe("a b");
    expect(receiptText("https://example.org/r.pdf")).toBeUndefined();
    expect(receiptText("data:text/plain;base64,%%%")).toBeUndefined();
  });
});
