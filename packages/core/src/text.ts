// Text from the chain is written by strangers: anyone can create a pool and name it, its lines, its claims'
// receipts and its pledges as they like. Everything here makes such text inert before it is shown, in the
// terminal and in the page alike (SECURITY.md, "Text from the chain"):
// - control characters (C0, DEL, C1: terminal escapes such as ESC[2J) and the Unicode bidirectional
//   embeddings, overrides, isolates and marks (which can make "gnp.exe" read "exe.png" or reorder an
//   address) are replaced by U+FFFD, so that something visibly stood there; line breaks and tabs become spaces
//   (a description keeps its line breaks when asked);
// - a link is a link only when it is https:, http: or ipfs:; anything else is plain text marked as not a link;
// - long text is cut with an ellipsis where a layout needs it.

/** What replaces a character that must not reach a terminal or a page. */
export const REPLACEMENT = "\uFFFD";

// C0 and C1 controls and DEL; U+061C, U+200E/F (bidi marks); U+202A–U+202E (embeddings and overrides);
// U+2066–U+2069 (isolates). U+2028/U+2029 (line and paragraph separators) are line breaks.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
const BREAKS = /\r\n|[\n\r\u2028\u2029]/g;

/** Whether `text` holds a character that `inert` would replace (for tests and checks). */
export function hasUnsafeCharacters(text: string): boolean {
  return new RegExp(UNSAFE.source, "u").test(text);
}

/** Cuts `text` to at most `max` characters (code points), the last being "…" when something was cut. */
export function ellipsize(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join("").trimEnd()}…`;
}

export interface InertOptions {
  /** Keep line breaks (as "\n"): a description shown as a paragraph. Otherwise they become spaces. */
  multiline?: boolean;
  /** Cut to this many characters with an ellipsis. */
  max?: number;
}

/**
 * Chain text made safe to print in a terminal or put in a page: tabs and line breaks become spaces (or
 * "\n" with `multiline`), every other control or bidirectional-override character becomes U+FFFD. HTML needs
 * no escaping here because React (and the terminal) show markup as text; this is about what markup-free
 * characters can do.
 */
export function inert(text: string, { multiline = false, max }: InertOptions = {}): string {
  const broken = text.replace(BREAKS, multiline ? "\n" : " ");
  const clean = broken.replace(UNSAFE, (c) => (c === "\t" ? " " : multiline && c === "\n" ? "\n" : REPLACEMENT));
  return max === undefined ? clean : ellipsize(clean, max);
}

/** The schemes a chain-supplied link may have to be shown as a link. */
export const LINK_SCHEMES = ["https:", "http:", "ipfs:"] as const;

/** Where an ipfs: link opens in a browser. */
export const IPFS_GATEWAY = "https://ipfs.io/ipfs/";

/** A chain-supplied link: a link only for https:, http: and ipfs: (`href` is where it opens); else plain text. */
export type ChainLink =
  | { link: true; href: string; text: string }
  | { link: false; text: string };

/**
 * Judges a link from the chain. Only an absolute https:, http: or ipfs: URL, with no control, space or
 * override character anywhere, is a link (browsers drop tabs and line breaks inside URLs, so
 * "java\nscript:" must not slip past a check of the scheme); `href` is the parsed URL, and an ipfs: link opens
 * through a public gateway. Anything else (javascript:, data:, relative paths, junk) comes back as inert text.
 */
export function chainLink(raw: string, { max }: { max?: number } = {}): ChainLink {
  const text = inert(raw.trim(), { max });
  if (hasUnsafeCharacters(raw.trim()) || /\s/.test(raw.trim())) return { link: false, text };
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { link: false, text };
  }
  if (url.protocol === "https:" || url.protocol === "http:") {
    return url.hostname === "" ? { link: false, text } : { link: true, href: url.href, text };
  }
  if (url.protocol === "ipfs:") {
    // ipfs://<cid>[/path]: the content id and plain path segments only, so the gateway URL cannot be bent elsewhere.
    const rest = /^ipfs:\/\/([A-Za-z0-9]+(?:\/[A-Za-z0-9._~%-]*)*)$/i.exec(raw.trim())?.[1];
    if (rest === undefined || rest.split("/").some((segment) => segment === "." || segment === "..")) return { link: false, text };
    return { link: true, href: `${IPFS_GATEWAY}${rest}`, text };
  }
  return { link: false, text };
}

/** What the terminal prints after a link that is not one. */
export const NOT_A_LINK = "(not a link: only https, http and ipfs links are shown as links)";

/**
 * A chain-supplied link for the terminal: the URL in full (a cut URL would open elsewhere), or its inert text,
 * cut to `max`, followed by `NOT_A_LINK`.
 */
export function terminalLink(raw: string, { max = 120 }: { max?: number } = {}): string {
  const judged = chainLink(raw, { max });
  return judged.link ? raw.trim() : `${judged.text} ${NOT_A_LINK}`;
}

/** A token's symbol as shown next to amounts (the token's creator wrote it): inert, at most 16 characters. */
export function tokenSymbol(raw: string | undefined, fallback = "tokens"): string {
  const shown = inert(raw ?? "", { max: 16 }).trim();
  return shown === "" ? fallback : shown;
}
