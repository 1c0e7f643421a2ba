// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {MockERC20} from "./MockERC20.sol";

/// @title BlocklistToken
/// @notice A token whose owner can blocklist an address, after which every transfer to or from it reverts
/// (as USDC and USDT do). It exists to check that one blocklisted payee or contributor cannot freeze a pool:
/// a failed payment leaves the claim pending, a failed reclaim leaves the share reclaimable, and
/// everyone else's operations go on.
contract BlocklistToken is MockERC20, Ownable {
    /// @notice Thrown when a transfer, mint or burn involves a blocklisted address.
    error BlocklistTokenBlocked(address account);

    /// @notice `account` was added to (`blocked`) or removed from the blocklist.
    event BlocklistSet(address indexed account, bool blocked);

    mapping(address account => bool) private _blocked;

    /// @dev The deployer owns the blocklist.
    constructor(string memory name_, string memory symbol_, uint8 decimals_)
        MockERC20(name_, symbol_, decimals_)
        Ownable(msg.sender)
    {}

    /// @notice Adds `account` to the blocklist or removes it (owner only).
    function setBlocked(address account, bool blocked) external onlyOwner {
        _blocked[account] = blocked;
        emit BlocklistSet(account, blocked);
    }

    function isBlocked(address account) external view returns (bool) {
        return _blocked[account];
    }

    function _update(address from, address to, uint256 value) internal override {
        if (_blocked[from]) revert BlocklistTokenBlocked(from);
        if (_blocked[to]) revert BlocklistTokenBlocked(to);
        super._update(from, to, value);
    }
}
