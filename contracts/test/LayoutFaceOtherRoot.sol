// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice A root of its own in the pool's namespace, with a different field: what a face that copied the struct
/// (instead of importing `PoolState`) would drift into.
/// @custom:storage-location erc7201:potluck.pool
/// @custom:member given A field `PoolState` does not have at this place.
struct OtherPoolState {
    uint256 given;
}

/// @title LayoutFaceOtherRoot
/// @notice A face without state variables that reaches another namespaced struct than `PoolState`: the
/// storage-layout test shows the check naming it.
contract LayoutFaceOtherRoot {
    /// @dev keccak256(abi.encode(uint256(keccak256("potluck.pool")) - 1)) & ~bytes32(uint256(0xff)), as `PoolStorage`.
    bytes32 private constant SLOT = 0xceef447ddac56f4345dbeb5828539c2107d3bdec72b7e194ae94a241fc218f00;

    /// @notice The first word of the namespace, read through the copied struct.
    function given() external view returns (uint256) {
        return _state().given;
    }

    function _state() private pure returns (OtherPoolState storage $) {
        // solhint-disable-next-line no-inline-assembly, -- ERC-7201: pointing a storage struct at its namespace
        assembly {
            $.slot := SLOT
        }
    }
}
