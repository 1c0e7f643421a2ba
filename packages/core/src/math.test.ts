import { describe, expect, it } from "vitest";
import { isqrt } from "./math.ts";

describe("isqrt", () => {
  it("rounds down, as OpenZeppelin's Math.sqrt", () => {
    expect([0n, 1n, 2n, 3n, 4n, 15n, 16n, 17n].map(isqrt)).toEqual([0n, 1n, 1n, 1n, 2n, 3n, 4n, 4n]);
    expect(isqrt(10n ** 36n)).toBe(10n ** 18n);
    expect(isqrt(10n ** 36n - 1n)).toBe(10n ** 18n - 1n);
    expect(isqrt(2n ** 96n - 1n)).toBe(2n ** 48n - 1n);
  });

  it("refuses a negative number", () => {
    expect(() => isqrt(-1n)).toThrow("negative");
  });
});
