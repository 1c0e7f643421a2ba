// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IPoolCore, Parameter} from "./interfaces/IPool.sol";
import {PoolState, PoolStorage} from "./pool/PoolStorage.sol";
import {PoolSuccession} from "./pool/PoolSuccession.sol";
import {BudgetLine} from "./types/BudgetLine.sol";
import {Config} from "./types/Config.sol";
import {PoolArgs} from "./types/PoolArgs.sol";
import {Rules} from "./types/Rules.sol";
import {Seat, SeatStatus} from "./types/Seat.sol";

/// @title Pool
/// @notice A community funding pool for one peer-produced project, deployed as an EIP-1167 clone (with its
/// fixed parameters as immutable args) and initialized by `PoolFactory` in the creating transaction.
/// Nothing can move its funds but its own rules: no owner, no fee, no upgrade key.
/// Calls it does not serve itself (`IPoolChanges`, `IPoolPledges` and `IPoolViews`) go to the fixed
/// `PoolExtension` by DELEGATECALL: clients call `IPool`, the union of both, at the pool's address. Both read and
/// write the pool's state only through its one ERC-7201 root (`PoolState`, see `PoolStorage`): neither declares a
/// state variable.
contract Pool is PoolSuccession, IPoolCore {
    /// @dev Fixed at deployment: there is no way to point a pool at other code.
    address private immutable _extension;

    /// @dev The implementation is locked for good: it can never be initialized, and it refuses gifts.
    /// @param extension_ The deployed `PoolExtension`.
    constructor(address extension_) {
        if (extension_.code.length == 0) revert PoolInvalidExtension(extension_);
        _extension = extension_;
        _lockForGood();
    }

    /// @inheritdoc IPoolCore
    function extension() external view returns (address) {
        return _extension;
    }

    /// @inheritdoc IPoolCore
    function initialize(Config calldata config, BudgetLine[] calldata lines) external {
        PoolState storage $ = PoolStorage.load();
        if ($.seat.lastActive != 0) revert PoolAlreadyInitialized();
        if (config.maintainer == address(0)) revert PoolInvalidParameter(Parameter.Maintainer, 0);
        if (lines.length > MAX_LINES) revert PoolInvalidParameter(Parameter.LineCount, lines.length);
        Rules memory r = Rules({
            claimDelay: _toDuration(Parameter.ClaimDelay, config.claimDelay),
            ruleChangeDelay: _toDuration(Parameter.RuleChangeDelay, config.ruleChangeDelay),
            inactivityPeriod: _toDuration(Parameter.InactivityPeriod, config.inactivityPeriod),
            vacancyPeriod: _toDuration(Parameter.VacancyPeriod, config.vacancyPeriod),
            objectionQuorumBps: config.objectionQuorumBps,
            electionQuorumBps: config.electionQuorumBps,
            recallThresholdBps: config.recallThresholdBps
        });
        PoolArgs memory a = _args();
        _checkRules(r, a.epochLength);
        _setRules(r);
        // solhint-disable-next-line gas-length-in-loops, -- a calldata array's length is no storage read
        for (uint256 i; i < lines.length; ++i) {
            // Bounded by MAX_LINES: set-up, not a loop over users.
            _checkLine(lines[i].name, lines[i].cap, lines[i].period, true);
            _setLine(a, i, lines[i].name, lines[i].cap, lines[i].period);
        }
        $.seat = Seat({
            paid: 0,
            lastActive: uint40(block.timestamp),
            openedAt: 0,
            claimCount: 0,
            voidBelow: 0,
            status: SeatStatus.Filled
        });
        _changeMaintainer(address(0), config.maintainer);
    }

    /// @notice Serves `IPoolChanges`, `IPoolPledges` and `IPoolViews` from the extension, on this pool's storage.
    /// @dev The forwarding of OpenZeppelin's `Proxy._delegate` (a DELEGATECALL with the whole calldata, the
    /// return or revert data handed back as is), but working past the free memory pointer so that the block is
    /// memory-safe: unmarked assembly would stop the optimizer and push `Pool` past the size limit.
    // solhint-disable-next-line no-complex-fallback, -- forwarding to the extension is this fallback's job
    fallback() external payable {
        address target = _extension;
        // solhint-disable-next-line no-inline-assembly, -- the forwarding above needs returndata as is
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            calldatacopy(ptr, 0, calldatasize())
            let ok := delegatecall(gas(), target, ptr, calldatasize(), 0, 0)
            returndatacopy(ptr, 0, returndatasize())
            if iszero(ok) { revert(ptr, returndatasize()) }
            return(ptr, returndatasize())
        }
    }

    function _toDuration(Parameter parameter, uint64 value) private pure returns (uint32) {
        _checkDuration(parameter, value);
        return uint32(value); // MAX_DURATION < 2^32
    }
}
