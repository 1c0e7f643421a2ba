// A pool's metadataURI (emitted in PoolCreated, not stored): a `data:application/json,…` URI (base64 or
// percent-encoded) holding { name, description, links }. Other URIs (ipfs://, https://) carry no name here.

export interface PoolMetadata {
  name: string;
  description: string;
  links: string[];
}

function decodeBase64Utf8(text: string): string {
  const binary = atob(text);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** The metadata in a `data:` URI, or undefined for any other URI or malformed data. */
export function decodeMetadata(uri: string): PoolMetadata | undefined {
  const match = /^data:([^,]*?)(;base64)?,(.*)$/s.exec(uri);
  if (match === null) return undefined;
  try {
    const text = match[2] !== undefined ? decodeBase64Utf8(match[3]) : decodeURIComponent(match[3]);
    const data = JSON.parse(text) as Partial<PoolMetadata>;
    if (typeof data.name !== "string") return undefined;
    return {
      name: data.name,
      description: typeof data.description === "string" ? data.description : "",
      links: Array.isArray(data.links) ? data.links.filter((l): l is string => typeof l === "string" && /^https?:\/\//.test(l)) : [],
    };
  } catch {
    return undefined;
  }
}

/** What to call a pool: its name, else its URI, else its address. */
export function poolName(uri: string | undefined, address: string): string {
  if (uri === undefined || uri === "") return address;
  return decodeMetadata(uri)?.name ?? (uri.length > 48 ? `${uri.slice(0, 45)}…` : uri);
}

/** A receipt URI that is safe to link to (http(s), ipfs, or a data: URI shown inline), else undefined. */
export function receiptHref(uri: string): string | undefined {
  if (/^https?:\/\//i.test(uri)) return uri;
  if (/^ipfs:\/\//i.test(uri)) return `https://ipfs.io/ipfs/${uri.slice(7)}`;
  if (/^data:text\/plain/i.test(uri)) return uri;
  return undefined;
}

/** The text of a `data:text/plain` receipt (for showing it inline), else undefined. */
export function receiptText(uri: string): string | undefined {
  const match = /^data:text\/plain[^,]*?(;base64)?,(.*)$/is.exec(uri);
  if (match === null) return undefined;
  try {
    return match[1] !== undefined ? decodeBase64Utf8(match[2]) : decodeURIComponent(match[2]);
  } catch {
    return undefined;
  }
}
