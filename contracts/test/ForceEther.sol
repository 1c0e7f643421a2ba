// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title ForceEther
/// @notice Sends its whole value to `to` through SELFDESTRUCT, which no `receive` or `fallback` can refuse.
/// It exists to check that forced (stray) ETH never breaks the pool's accounting: the asset held may
/// exceed the ledger, never the reverse, and the excess can be swept as a gift.
/// @dev Usage: `new ForceEther{value: amount}(payable(pool))`. The constructor creates a throwaway contract
/// whose init code is just `PUSH20 to; SELFDESTRUCT`, written as bytes because solc warns about every
/// `selfdestruct` in source (Solidity or Yul) and the warning would show on every build. Since Cancun
/// (EIP-6780) SELFDESTRUCT still moves the whole balance; the account is deleted because it was created in
/// the same transaction.
contract ForceEther {
    /// @notice Thrown if the self-destructing child could not be created.
    error ForceEtherFailed();

    constructor(address payable to) payable {
        bytes memory initCode = abi.encodePacked(hex"73", to, hex"ff"); // PUSH20 to, SELFDESTRUCT
        address child;
        assembly ("memory-safe") {
            child := create(callvalue(), add(initCode, 0x20), mload(initCode))
        }
        if (child == address(0)) revert ForceEtherFailed();
    }
}
