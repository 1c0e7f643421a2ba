// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Election, ElectionKind, ElectionPhase} from "../types/Election.sol";
import {PoolArgs} from "../types/PoolArgs.sol";
import {BudgetRules} from "./BudgetRules.sol";

/// @title SuccessionRules
/// @notice What the seat's faces share: an election's phase, read from the clock, and how long a petition runs.
abstract contract SuccessionRules is BudgetRules {
    /// @dev Epochs a petition collects signatures for: the one it starts in and the next.
    uint256 internal constant PETITION_EPOCHS = 2;

    function _phase(PoolArgs memory a, Election memory el) internal view returns (ElectionPhase) {
        if (el.kind == ElectionKind.None) return ElectionPhase.None;
        uint32 e = _epochOf(a);
        if (e < el.votingEpoch) return ElectionPhase.Nominating;
        if (e == el.votingEpoch) return ElectionPhase.Voting;
        return ElectionPhase.Counting;
    }
}
