// A claim's receipt: its hash is computed in the browser from the bytes of a file or of a text (say, a
// URL), so the maintainer never has to trust a server with it, and anyone can check it later.
import { keccak256, toBytes } from "viem";

/** keccak256 of the exact bytes (what the pool stores as `receiptHash`). */
export function hashBytes(bytes: Uint8Array): `0x${string}` {
  return keccak256(bytes);
}

/** keccak256 of a text's UTF-8 bytes. */
export function hashText(text: string): `0x${string}` {
  return keccak256(toBytes(text));
}

/** Reads a File's bytes and hashes them. */
export async function hashFile(file: Blob): Promise<`0x${string}`> {
  return hashBytes(new Uint8Array(await file.arrayBuffer()));
}
