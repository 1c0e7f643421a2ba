// A claim's receipt: its hash is computed in the browser from the bytes of a file or of a text (say, a
// URL), so the maintainer never has to trust a server with it, and anyone can check it later.
import { keccak256, toBytes, toHex } from "viem";

/** keccak256 of the exact bytes (what the pool stores as `receiptHash`). */
export function hashBytes(bytes: Uint8Array): `0x${string}` {
  return keccak256(bytes);
}

/** keccak256 of a text's UTF-8 bytes. */
export function hashText(text: string): `0x${string}` {
  return keccak256(toBytes(text));
}

/** A `data:` URI for a short text receipt, so the receipt travels with the claim's event. */
export function textReceiptUri(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return `data:text/plain;charset=utf-8;base64,${btoa(binary)}`;
}

/** Reads a File's bytes and hashes them. */
export async function hashFile(file: Blob): Promise<`0x${string}`> {
  return hashBytes(new Uint8Array(await file.arrayBuffer()));
}

export const ZERO_HASH = toHex(0n, { size: 32 });
