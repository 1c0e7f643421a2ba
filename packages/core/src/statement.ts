// A candidate's statement in an election (`CandidateStatement`, emitted by `nominateWithStatement` and
// `describeCandidacy`): a name and a URI, `data:` or `ipfs:`. Both are the stater's own text, so they are
// checked here as the contract checks them (the command line and the web app refuse before sending) and
// shown only through `inert` and `chainLink`: a `data:` URI is read as text when it holds plain text and is
// never opened; an `ipfs:` URI is a link through the public gateway.
import { sentenceFor } from "./errors.ts";
import { receiptText, textReceiptUri } from "./metadata.ts";
import { chainLink, inert, type ChainLink } from "./text.ts";
import type { Parsed } from "./units.ts";

/** The contract's bounds (PoolSuccession): a name as long as a budget line's; a URI up to 1,024 bytes. */
export const STATEMENT_NAME_MAX = 64;
export const STATEMENT_URI_MAX = 1024;

const bytes = (text: string): number => new TextEncoder().encode(text).length;

/**
 * A statement as the contract would take it, or the sentence (@potluck/core's, as for the contract's own
 * error) saying why not. Plain text given as `uri` without a scheme is not guessed: use `statementUri`.
 */
export function readStatement(name: string, uri: string): Parsed<{ name: string; uri: string }> {
  const n = name.trim();
  const u = uri.trim();
  if (bytes(n) > STATEMENT_NAME_MAX) return { ok: false, error: sentenceFor("PoolStatementNameTooLong", [BigInt(bytes(n)), BigInt(STATEMENT_NAME_MAX)]) };
  if (bytes(u) > STATEMENT_URI_MAX) return { ok: false, error: sentenceFor("PoolStatementUriTooLong", [BigInt(bytes(u)), BigInt(STATEMENT_URI_MAX)]) };
  if (u !== "" && !u.startsWith("data:") && !u.startsWith("ipfs:")) {
    const start = `0x${Array.from(new TextEncoder().encode(u).slice(0, 5), (b) => b.toString(16).padStart(2, "0")).join("").padEnd(10, "0")}`;
    return { ok: false, error: sentenceFor("PoolStatementUriScheme", [start]) };
  }
  return { ok: true, value: { name: n, uri: u } };
}

/** A short text statement as a `data:text/plain` URI (what the demo's candidates say about themselves). */
export function statementUri(text: string): string {
  return textReceiptUri(text);
}

/** A statement made safe to show: the name inert, the URI's text (plain-text `data:`) or a judged link. */
export interface ShownStatement {
  /** Inert, at most 64 characters; "" when none was given. */
  name: string;
  /** The text of a `data:text/plain` URI, inert (line breaks kept as "\n"), cut to `maxText`. */
  text?: string;
  /** Any other URI: a link only for `ipfs:` (see `chainLink`); other `data:` URIs are inert text, never opened. */
  link?: ChainLink;
}

export function showStatement(name: string, uri: string, { maxText = 280 }: { maxText?: number } = {}): ShownStatement {
  const shown: ShownStatement = { name: inert(name, { max: STATEMENT_NAME_MAX }).trim() };
  if (uri === "") return shown;
  const text = receiptText(uri);
  if (text !== undefined) return { ...shown, text: inert(text, { multiline: true, max: maxText }) };
  return { ...shown, link: chainLink(uri, { max: 80 }) };
}
