// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Weighting} from "./Weighting.sol";

/// @notice A pool's fixed parameters, carried as the immutable args of its clone (read from code, not storage).
/// @custom:member asset address(0) for ETH, else the ERC-20.
/// @custom:member genesis Creation time: epoch 0 and every budget period start here.
/// @custom:member epochLength Seconds per epoch.
/// @custom:member weighting Linear or Quadratic.
/// @custom:member inKindWeightBps Weight of delivered in-kind value, in basis points of money's weight.
// solhint-disable-next-line gas-struct-packing, -- 160+40+32+8+16 bits: one word already, and never stored
struct PoolArgs {
    address asset;
    uint40 genesis;
    uint32 epochLength;
    Weighting weighting;
    uint16 inKindWeightBps;
}

/// @title PoolArgsCodec
/// @notice Packs `PoolArgs` into exactly one 32-byte word, the clone's immutable args.
/// @dev Word layout (high to low bits): asset(160) | genesis(40) | epochLength(32) | weighting(8) | inKindBps(16).
library PoolArgsCodec {
    /// @notice The 32 bytes appended to the clone's code.
    function encode(PoolArgs memory args) internal pure returns (bytes memory) {
        return abi.encodePacked(
            args.asset, args.genesis, args.epochLength, uint8(args.weighting), args.inKindWeightBps
        );
    }

    /// @notice Reads back what `encode` wrote, as the one word it is.
    function decode(uint256 word) internal pure returns (PoolArgs memory args) {
        args.asset = address(uint160(word >> 96));
        args.genesis = uint40(word >> 56);
        args.epochLength = uint32(word >> 24);
        args.weighting = Weighting(uint8(word >> 16));
        args.inKindWeightBps = uint16(word);
    }
}
