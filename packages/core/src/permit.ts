// ABI-level shapes every client signs or encodes the same way.

/** EIP-2612's typed-data type for `permit` (what a token's `permit` checks the signature against). */
export const PERMIT_TYPES = {
  Permit: [
    { name: "owner", type: "address" },
    { name: "spender", type: "address" },
    { name: "value", type: "uint256" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

/** How long a permit signed for one gift stays valid: long enough to confirm, short enough not to linger. */
export const PERMIT_LIFETIME = 3_600n;
