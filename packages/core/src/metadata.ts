// A pool's `metadataURI` (emitted in PoolCreated, not stored): what the pool is called and what it is for.
// Written as a `data:application/json` URI (base64 or percent-encoded) holding `{ name, description, links }`,
// so clients show names without IPFS; other URIs (ipfs://, https://) carry no name and are shown as they are.
// A claim's receipt URI is read here too. What comes back is what the creator wrote: show it through
// `inert` and `chainLink` (text.ts); `poolName` already does.
import { inert } from "./text.ts";
import { PotluckError } from "./units.ts";

export interface PoolMetadata {
  name: string;
  description: string;
  /** As written: judge each with `chainLink` before showing it as a link. */
  links: string[];
}

function toBase64(text: string): string {
  return btoa(Array.from(new TextEncoder().encode(text), (b) => String.fromCharCode(b)).join(""));
}

function fromBase64(text: string): string {
  return new TextDecoder().decode(Uint8Array.from(atob(text), (c) => c.charCodeAt(0)));
}

/** `{ name, description, links }` as a base64 `data:application/json` URI. */
export function encodeMetadata(metadata: PoolMetadata): string {
  const json = JSON.stringify({ name: metadata.name, description: metadata.description, links: metadata.links });
  return `data:application/json;base64,${toBase64(json)}`;
}

/** The metadata in a `data:` URI (base64 or percent-encoded JSON); undefined for any other URI or malformed data. */
export function decodeMetadata(uri: string): PoolMetadata | undefined {
  const match = /^data:([^,]*?)(;base64)?,(.*)$/s.exec(uri);
  if (match === null) return undefined;
  try {
    const text = match[2] !== undefined ? fromBase64(match[3]) : decodeURIComponent(match[3]);
    const data = JSON.parse(text) as Partial<PoolMetadata>;
    if (typeof data.name !== "string") return undefined;
    return {
      name: data.name,
      description: typeof data.description === "string" ? data.description : "",
      links: Array.isArray(data.links) ? data.links.filter((l): l is string => typeof l === "string") : [],
    };
  } catch {
    return undefined;
  }
}

/** What to call a pool, inert: its name, else its URI (cut to 48 characters), else its address. */
export function poolName(uri: string | undefined, address: string): string {
  if (uri === undefined || uri === "") return address;
  return inert(decodeMetadata(uri)?.name ?? uri, { max: 48 });
}

/** Checks a metadata object read from flags or a config file (the command line's own input). */
export function checkMetadata(value: { name?: unknown; description?: unknown; links?: unknown }): PoolMetadata {
  if (typeof value.name !== "string" || value.name.trim() === "") {
    throw new PotluckError("A pool needs a name (--name, or \"name\" in the config file).");
  }
  if (value.description !== undefined && typeof value.description !== "string") {
    throw new PotluckError("\"description\" must be a string.");
  }
  const links = value.links === undefined ? [] : value.links;
  if (!Array.isArray(links) || links.some((l) => typeof l !== "string")) {
    throw new PotluckError("\"links\" must be an array of URLs.");
  }
  return { name: value.name.trim(), description: value.description ?? "", links: links as string[] };
}

/** A receipt written as text: its URI (`data:text/plain;charset=utf-8;base64,…`), which `receiptText` reads back. */
export function textReceiptUri(text: string): string {
  return `data:text/plain;charset=utf-8;base64,${toBase64(text)}`;
}

/** The text of a `data:text/plain` receipt (shown inline, through `inert`), else undefined. */
export function receiptText(uri: string): string | undefined {
  const match = /^data:text\/plain[^,]*?(;base64)?,(.*)$/is.exec(uri);
  if (match === null) return undefined;
  try {
    return match[1] !== undefined ? fromBase64(match[2]) : decodeURIComponent(match[2]);
  } catch {
    return undefined;
  }
}
