// A pool's `metadataURI`: what the pool is called and what it is for. Written as a `data:` URI holding
// JSON `{ name, description, links }` (links: an array of URLs), so clients show names without IPFS; other
// URIs (ipfs://, https://) are kept as they are and read back with no name.
import { PotluckError } from "./errors.js";

export interface PoolMetadata {
  name: string;
  description: string;
  links: string[];
}

export function encodeMetadata(metadata: PoolMetadata): string {
  const json = JSON.stringify({ name: metadata.name, description: metadata.description, links: metadata.links });
  return `data:application/json;base64,${Buffer.from(json, "utf8").toString("base64")}`;
}

/** Reads a `data:` URI (base64 or percent-encoded JSON); undefined for any other URI or malformed data. */
export function decodeMetadata(uri: string): PoolMetadata | undefined {
  const match = /^data:([^,]*?)(;base64)?,(.*)$/s.exec(uri);
  if (match === null) return undefined;
  try {
    const text = match[2] !== undefined ? Buffer.from(match[3], "base64").toString("utf8") : decodeURIComponent(match[3]);
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

/** A short label for a pool: its name, or its URI, or its address. */
export function poolLabel(uri: string, address: string): string {
  const metadata = decodeMetadata(uri);
  if (metadata !== undefined) return metadata.name;
  return uri === "" ? address : uri.length > 48 ? `${uri.slice(0, 45)}…` : uri;
}

/** Checks a metadata object read from a config file. */
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
