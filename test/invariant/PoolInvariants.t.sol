// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IPool} from "../../contracts/interfaces/IPool.sol";
import {Pool} from "../../contracts/Pool.sol";
import {PoolExtension} from "../../contracts/PoolExtension.sol";
import {PoolFactory} from "../../contracts/PoolFactory.sol";
import {BudgetLine} from "../../contracts/types/BudgetLine.sol";
import {ClaimStatus} from "../../contracts/types/Claim.sol";
import {Config} from "../../contracts/types/Config.sol";
import {SeatStatus} from "../../contracts/types/Seat.sol";
import {Weighting} from "../../contracts/types/Weighting.sol";
import {FeeOnTransferToken} from "../../contracts/test/FeeOnTransferToken.sol";
import {MockERC20} from "../../contracts/test/MockERC20.sol";
import {Test} from "../utils/Test.sol";
import {PoolHandler} from "./PoolHandler.sol";

/// @notice DESIGN.md's accounting invariants, checked after every call of a random sequence driven by
/// `PoolHandler` over a fixed set of actors. The pool's own numbers are compared with the handler's ghost
/// ledger, never with themselves.
abstract contract PoolInvariantsBase is Test {
    uint256 internal constant START = 1_750_000_000; // a 2025 timestamp; the runner starts at 1

    PoolFactory internal factory;
    IPool internal pool;
    PoolHandler internal handler;

    /// @dev The pool's token, or address(0) for an ETH pool.
    function _token() internal virtual returns (MockERC20);

    function _weighting() internal pure virtual returns (Weighting);

    function setUp() public {
        vm.warp(START);
        PoolExtension extension = new PoolExtension();
        Pool implementation = new Pool(address(extension));
        factory = new PoolFactory(address(implementation));
        MockERC20 token = _token();
        pool = IPool(payable(factory.createPool(_config(address(token)), _lines())));
        handler = new PoolHandler(pool, token);

        // Every actor gives, then an epoch passes: ballots are meaningful from the first call on. The ledger
        // starts small (3 ether) beside the lines' caps (2 and 10 ether), so claims can exceed it.
        for (uint256 i; i < handler.ACTORS(); ++i) {
            handler.give(i, (i + 1) * 0.2 ether);
        }
        handler.warp(1, 0);

        targetContract(address(handler));
        bytes4[] memory selectors = new bytes4[](31);
        selectors[0] = PoolHandler.give.selector;
        selectors[1] = PoolHandler.send.selector;
        selectors[2] = PoolHandler.forceFunds.selector;
        selectors[3] = PoolHandler.sweep.selector;
        selectors[4] = PoolHandler.fileClaim.selector;
        selectors[5] = PoolHandler.object.selector;
        selectors[6] = PoolHandler.payClaim.selector;
        selectors[7] = PoolHandler.cancelClaim.selector;
        selectors[8] = PoolHandler.proposeBudgetChange.selector;
        selectors[9] = PoolHandler.proposeRulesChange.selector;
        selectors[10] = PoolHandler.applyChange.selector;
        selectors[11] = PoolHandler.cancelChange.selector;
        selectors[12] = PoolHandler.objectToChange.selector;
        selectors[13] = PoolHandler.heartbeat.selector;
        selectors[14] = PoolHandler.stepDown.selector;
        selectors[15] = PoolHandler.petitionRecall.selector;
        selectors[16] = PoolHandler.callElection.selector;
        selectors[17] = PoolHandler.nominate.selector;
        selectors[18] = PoolHandler.vote.selector;
        selectors[19] = PoolHandler.finalizeElection.selector;
        selectors[20] = PoolHandler.windDown.selector;
        selectors[21] = PoolHandler.reclaim.selector;
        selectors[22] = PoolHandler.warp.selector;
        // Twice as often as the other actions: time moves, claims are filed and paid, elections go on, and the
        // pool winds down (each step of those needs the one before).
        selectors[23] = PoolHandler.warp.selector;
        selectors[24] = PoolHandler.fileClaim.selector;
        selectors[25] = PoolHandler.payClaim.selector;
        selectors[26] = PoolHandler.nominate.selector;
        selectors[27] = PoolHandler.vote.selector;
        selectors[28] = PoolHandler.finalizeElection.selector;
        selectors[29] = PoolHandler.windDown.selector;
        selectors[30] = PoolHandler.reclaim.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
        targetSender(makeAddr("keeper"));
    }

    // ---------------------------------------------------------------- (a) the ledger

    /// @notice balance() == totalGiven() - paid - reclaimed (ghosts), and the asset held covers it.
    function invariant_balance_isGivenMinusPaidMinusReclaimed() public view {
        uint256 given = handler.ghostGiven();
        uint256 out = handler.ghostPaid() + handler.ghostReclaimed();
        assertEq(pool.totalGiven(), given, "totalGiven() == ghost given (gifts as they arrived, plus sweeps)");
        assertLe(out, given, "paid + reclaimed never exceed what was given");
        assertEq(pool.balance(), given - out, "balance() == given - paid - reclaimed");
        assertEq(handler.held(), handler.ghostAssetIn() - handler.ghostAssetOut(), "held == asset in - asset out");
        assertGe(handler.held(), pool.balance(), "the asset held covers the ledger");
        assertEq(handler.wrongTransfers(), 0, "each payout moved exactly its amount");
    }

    // ---------------------------------------------------------------- (b) weight

    /// @notice totalWeight() == the sum of weightOf over everyone who could have weight.
    function invariant_totalWeight_isTheSumOfWeights() public view {
        address[] memory actors = handler.actors();
        uint256 sum;
        for (uint256 i; i < actors.length; ++i) {
            uint256 w = pool.weightOf(actors[i]);
            (uint256 given, uint256 matured) = pool.contributionOf(actors[i]);
            assertLe(matured, given, "matured <= given (no in-kind here)");
            sum += w;
        }
        sum += pool.weightOf(handler.vendor());
        sum += pool.weightOf(address(handler));
        assertEq(pool.totalWeight(), sum, "totalWeight() == sum of weightOf");
    }

    // ---------------------------------------------------------------- (c) claims and lines

    /// @notice No claim is paid twice, and no line pays (or holds reserved) more than its cap in one period.
    function invariant_payClaim_neverTwiceNorPastTheLineCap() public view {
        assertEq(handler.paidTwice(), 0, "a claim was paid twice");
        assertEq(handler.wrongClaimIds(), 0, "claim ids count up from 0");
        uint256 claims = handler.claimCount();
        for (uint256 id; id < claims; ++id) {
            if (handler.claimAt(id).paid) {
                (, ClaimStatus status) = pool.claim(id);
                assertEq(uint8(status), uint8(ClaimStatus.Paid), "a paid claim reads Paid");
            }
        }
        uint256 periods = handler.periodCount();
        for (uint256 i; i < periods; ++i) {
            PoolHandler.PeriodLedger memory p = handler.periodAt(i);
            assertLe(p.paid, p.capMax, "paid in one line period <= its cap");
            assertLe(p.reserved, p.capMax, "reserved in one line period <= its cap");
        }
    }

    // ---------------------------------------------------------------- (d) wind-down

    /// @notice Nothing is paid after wind-down: only reclaims leave the ledger, and no claim is payable.
    function invariant_payClaim_nothingAfterWindDown() public view {
        assertEq(handler.paidAfterWindDown(), 0, "a claim was paid after wind-down");
        if (!handler.ghostWoundDown()) return;
        assertEq(handler.ghostPaid(), handler.ghostPaidAtWindDown(), "paid total frozen at wind-down");
        (SeatStatus status,,) = pool.seat();
        assertEq(uint8(status), uint8(SeatStatus.WoundDown), "the seat stays wound down");
        (uint256 left, uint256 reclaimed) = pool.windDownState();
        assertEq(pool.balance(), left - reclaimed, "after wind-down only reclaims leave the ledger");
        uint256 claims = handler.claimCount();
        for (uint256 id; id < claims; ++id) {
            (, ClaimStatus s) = pool.claim(id);
            assertTrue(s != ClaimStatus.Pending, "no claim is pending after wind-down");
        }
        assertEq(pool.totalWeight(), 0, "no weight after wind-down");
    }

    // ---------------------------------------------------------------- (e) reclaims

    /// @notice The reclaims never sum past what was left at wind-down, each is the pro-rata share, once.
    function invariant_reclaim_neverExceedsWhatWasLeft() public view {
        (uint256 left, uint256 reclaimed) = pool.windDownState();
        assertLe(reclaimed, left, "reclaimed <= left");
        assertEq(reclaimed, handler.ghostReclaimed(), "reclaimed == ghost reclaimed");
        assertEq(handler.wrongLeft(), 0, "left == the ledger at wind-down");
        assertEq(handler.wrongReclaims(), 0, "each reclaim == left * given / totalGiven");
        assertEq(handler.reclaimedTwice(), 0, "someone reclaimed twice");
        if (!handler.ghostWoundDown()) {
            assertEq(left, 0, "nothing left recorded before wind-down");
            return;
        }
        assertEq(left, handler.ghostLeft(), "left is fixed at wind-down");
        // What was reclaimed plus what can still be reclaimed never passes `left`.
        address[] memory actors = handler.actors();
        uint256 owed = reclaimed;
        for (uint256 i; i < actors.length; ++i) {
            owed += pool.reclaimable(actors[i]);
        }
        assertLe(owed, left, "reclaimed + reclaimable <= left");
    }

    // ---------------------------------------------------------------- no panics

    /// @notice No call ever hit a Panic (an arithmetic overflow or underflow, say): every refusal is a
    /// meaningful custom error.
    function invariant_pool_neverPanics() public view {
        assertEq(handler.panics(), 0, string.concat("panic in ", handler.lastPanic()));
    }

    // ---------------------------------------------------------------- replayed counterexamples

    /// @notice The shortest sequence the campaigns find against (a), replayed: stray funds arrive (10 ether,
    /// not swept), the maintainer claims the stipend line's whole cap (10 ether, more than the 3-ether
    /// ledger), the challenge window passes, anyone pays. The pool must not pay a claim out of funds that are
    /// not in its ledger: after this, `balance()` would underflow, and with it `sweep` and `windDown`.
    function test_payClaim_neverPaysPastTheLedgerFromStrayFunds() public {
        handler.forceFunds(10 ether);
        handler.fileClaim({lineSeed: 1, amount: 0, payeeSeed: 0, senderSeed: 1}); // line 1, all it has left
        assertEq(handler.claimCount(), 1, "the claim was filed");
        assertGt(handler.claimAt(0).amount, pool.balance(), "the claim exceeds the ledger");
        handler.warp({kind: 4, secondsSeed: 0}); // past the claim delay
        handler.payClaim(1);
        invariant_balance_isGivenMinusPaidMinusReclaimed();
        invariant_pool_neverPanics();
    }

    /// @dev The runner calls this once at the end of each run.
    function afterInvariant() public view {
        assertGt(handler.succeeded(), 0, "the handler was exercised");
    }

    // ---------------------------------------------------------------- config

    /// @dev Short clocks (1-day epochs, 6-hour challenge windows, 2-day vacancy) so that a run of 64 calls
    /// can reach claims paid, elections held and a wind-down; a 50% recall bar so recalls do not freeze
    /// payments in most runs.
    function _config(address asset) internal pure returns (Config memory) {
        return Config({
            asset: asset,
            maintainer: _maya(),
            metadataURI: "ipfs://potluck-invariants",
            epochLength: 1 days,
            claimDelay: 6 hours,
            ruleChangeDelay: 1 days,
            inactivityPeriod: 4 days,
            vacancyPeriod: 2 days, // the least a 1-day epoch allows
            objectionQuorumBps: 2_000,
            electionQuorumBps: 2_500,
            recallThresholdBps: 5_000,
            inKindWeightBps: 0,
            weighting: _weighting()
        });
    }

    /// @dev The first actor ("maya", as `makeAddr` derives it) maintains the pool at first.
    function _maya() internal pure returns (address) {
        return vm.addr(uint256(keccak256(abi.encodePacked("maya"))));
    }

    function _lines() internal pure returns (BudgetLine[] memory lines) {
        lines = new BudgetLine[](2);
        lines[0] = BudgetLine({name: "hosting", cap: 2 ether, period: 2 days});
        lines[1] = BudgetLine({name: "maintainer stipend", cap: 10 ether, period: 7 days});
    }
}

/// @notice The invariants on an ETH pool with Linear weight.
contract PoolInvariantsEthTest is PoolInvariantsBase {
    function _token() internal pure override returns (MockERC20) {
        return MockERC20(address(0));
    }

    function _weighting() internal pure override returns (Weighting) {
        return Weighting.Linear;
    }
}

/// @notice The invariants on a pool of a fee-on-transfer token (1% fee) with Quadratic weight: gifts are
/// credited as they arrive, payouts leave the pool in full.
contract PoolInvariantsFeeTokenTest is PoolInvariantsBase {
    function _token() internal override returns (MockERC20) {
        return new FeeOnTransferToken("Fee USD", "FUSD", 18, 100, makeAddr("fee sink"));
    }

    function _weighting() internal pure override returns (Weighting) {
        return Weighting.Quadratic;
    }
}
