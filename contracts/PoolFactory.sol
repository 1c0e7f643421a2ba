// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";

import {IPool, Parameter} from "./interfaces/IPool.sol";
import {IPoolFactory} from "./interfaces/IPoolFactory.sol";
import {BudgetLine} from "./types/BudgetLine.sol";
import {Config} from "./types/Config.sol";
import {PoolArgs, PoolArgsCodec} from "./types/PoolArgs.sol";
import {Weighting} from "./types/Weighting.sol";

/// @title PoolFactory
/// @notice Creates pools as EIP-1167 clones of one `Pool` implementation, with the fixed parameters as the
/// clone's immutable args, and initializes each in the creating transaction, so no initializer can be
/// front-run. It has no owner and takes no fee.
contract PoolFactory is IPoolFactory {
    uint256 private constant MIN_EPOCH = 1 hours;
    uint256 private constant MAX_EPOCH = 365 days;
    uint256 private constant BPS = 10_000;
    /// @dev Where `Config.weighting` (its 13th field) sits in the encoded `Config`.
    uint256 private constant WEIGHTING_OFFSET = 0x180; // 12 words

    address private immutable _implementation;
    address[] private _pools;

    /// @param implementation_ A deployed `Pool` (its constructor locks it).
    constructor(address implementation_) {
        if (implementation_.code.length == 0) revert PoolFactoryInvalidImplementation(implementation_);
        _implementation = implementation_;
    }

    /// @inheritdoc IPoolFactory
    function poolCount() external view returns (uint256) {
        return _pools.length;
    }

    /// @inheritdoc IPoolFactory
    function poolAt(uint256 index) external view returns (address) {
        if (index >= _pools.length) revert PoolFactoryIndexOutOfRange(index, _pools.length);
        return _pools[index];
    }

    /// @inheritdoc IPoolFactory
    function implementation() external view returns (address) {
        return _implementation;
    }

    /// @inheritdoc IPoolFactory
    function createPool(Config calldata config, BudgetLine[] calldata lines) external returns (address pool) {
        if (config.asset != address(0) && config.asset.code.length == 0) {
            revert PoolInvalidParameter(Parameter.Asset, uint160(config.asset));
        }
        if (config.epochLength < MIN_EPOCH || config.epochLength > MAX_EPOCH) {
            revert PoolInvalidParameter(Parameter.EpochLength, config.epochLength);
        }
        if (config.inKindWeightBps > BPS) {
            revert PoolInvalidParameter(Parameter.InKindWeightBps, config.inKindWeightBps);
        }
        // Read raw before `config.weighting` is touched: the ABI decoder would refuse a value past the enum with
        // an empty revert, which says nothing about what was wrong.
        uint256 weighting;
        // solhint-disable-next-line no-inline-assembly, -- the word as sent, which Solidity would not hand over
        assembly ("memory-safe") {
            weighting := calldataload(add(config, WEIGHTING_OFFSET))
        }
        if (weighting > uint8(type(Weighting).max)) revert PoolInvalidParameter(Parameter.Weighting, weighting);
        PoolArgs memory args = PoolArgs({
            asset: config.asset,
            genesis: uint40(block.timestamp),
            epochLength: uint32(config.epochLength),
            weighting: config.weighting,
            inKindWeightBps: config.inKindWeightBps
        });
        pool = Clones.cloneWithImmutableArgs(_implementation, PoolArgsCodec.encode(args));
        IPool(pool).initialize(config, lines);
        _pools.push(pool);
        emit PoolCreated(pool, config.asset, config.maintainer, config.metadataURI);
    }
}
