// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {BudgetLine} from "../types/BudgetLine.sol";
import {Config} from "../types/Config.sol";
import {Parameter} from "./IPool.sol";

/// @title IPoolFactory
/// @notice Creates Potluck pools and keeps the registry of every pool it created.
interface IPoolFactory {
    /// @notice Thrown when a parameter is out of its allowed range.
    error PoolInvalidParameter(Parameter parameter, uint256 value);
    /// @notice Thrown when the implementation given to the constructor has no code.
    error PoolFactoryInvalidImplementation(address implementation);
    /// @notice Thrown when `poolAt` is asked for an index past the registry.
    error PoolFactoryIndexOutOfRange(uint256 index, uint256 count);

    /// @notice A pool was created and initialized.
    event PoolCreated(address indexed pool, address indexed asset, address indexed maintainer, string metadataURI);

    /// @notice Creates a pool as a clone of the implementation and initializes it in the same transaction.
    /// @param config The pool's parameters (validated; see `Parameter` for what can be refused).
    /// @param lines The initial budget lines.
    /// @return pool The new pool's address.
    function createPool(Config calldata config, BudgetLine[] calldata lines) external returns (address pool);

    /// @notice Pools created, ever.
    function poolCount() external view returns (uint256);

    /// @notice The pool at `index` in creation order.
    function poolAt(uint256 index) external view returns (address);

    /// @notice The `Pool` implementation every pool clones.
    function implementation() external view returns (address);
}
