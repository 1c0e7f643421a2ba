/** floor(sqrt(n)), as OpenZeppelin's Math.sqrt rounds: the weight of a matured basis in a Quadratic pool. */
export function isqrt(n: bigint): bigint {
  if (n < 0n) throw new Error("negative");
  if (n < 2n) return n;
  let x = n;
  let y = (x + 1n) / 2n;
  while (y < x) {
    x = y;
    y = (x + n / x) / 2n;
  }
  return x;
}
