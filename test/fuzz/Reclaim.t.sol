// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IPool, IPoolSuccession} from "../../contracts/interfaces/IPool.sol";
import {Pool} from "../../contracts/Pool.sol";
import {PoolExtension} from "../../contracts/PoolExtension.sol";
import {PoolFactory} from "../../contracts/PoolFactory.sol";
import {BudgetLine} from "../../contracts/types/BudgetLine.sol";
import {Config} from "../../contracts/types/Config.sol";
import {SeatStatus} from "../../contracts/types/Seat.sol";
import {Weighting} from "../../contracts/types/Weighting.sol";
import {ForceEther} from "../../contracts/test/ForceEther.sol";
import {Test} from "../utils/Test.sol";

/// @notice Fuzzes the pro-rata reclaim after a wind-down: each contributor gets
/// floor(left * given / totalGivenByContributors), once; the shares never sum past `left`; the dust that stays
/// is less than one wei per contributor.
contract ReclaimFuzzTest is Test {
    uint256 internal constant START = 1_750_000_000; // a 2025 timestamp; the runner starts at 1
    uint256 internal constant MAX = type(uint96).max;
    uint64 internal constant EPOCH = 7 days;
    uint64 internal constant CLAIM_DELAY = 3 days;
    uint64 internal constant VACANCY = 60 days;
    uint256 internal constant DONORS = 6;

    PoolFactory internal factory;
    IPool internal pool;
    address internal maintainer;
    address internal payee;
    address internal stranger;
    address[DONORS] internal donors;

    function setUp() public {
        vm.warp(START);
        maintainer = makeAddr("maintainer");
        payee = makeAddr("payee");
        stranger = makeAddr("stranger");
        for (uint256 i; i < DONORS; ++i) {
            donors[i] = makeAddr(string.concat("donor", vm.toString(i)));
        }
        PoolExtension extension = new PoolExtension();
        Pool implementation = new Pool(address(extension));
        factory = new PoolFactory(address(implementation));
        pool = _createPool();
    }

    /// @notice Random gifts by 2 to 6 donors (some give twice), optionally a paid claim and swept stray ETH,
    /// then stepDown, vacancyPeriod, windDown, and everyone reclaims in a random order.
    function testFuzz_reclaim_paysEachTheirProRataShareOnce(
        uint256 donorCount,
        uint256[DONORS] calldata gifts,
        uint256[DONORS] calldata secondGifts,
        uint256 claimAmount,
        uint256 stray,
        uint256 order
    ) public {
        uint256 n = bound(donorCount, 2, DONORS);
        uint256[DONORS] memory given;
        uint256 total;
        for (uint256 i; i < n; ++i) {
            // 1 wei up to a sixth of the cap, log-uniformly, so tiny and huge contributors meet.
            uint256 upper = _max((MAX / (2 * DONORS)) >> (uint8(gifts[i] >> 248) % 96), 1);
            given[i] = bound(gifts[i], 1, upper);
            _give(donors[i], given[i]);
            if (secondGifts[i] % 3 == 0) {
                uint256 more = bound(secondGifts[i], 1, upper);
                _give(donors[i], more);
                given[i] += more;
            }
            total += given[i];
        }
        uint256 ledger = total;

        // Optionally pay a claim first: what is left shrinks, the shares stay proportional to what was given.
        if (claimAmount % 2 == 0) {
            uint256 amount = bound(claimAmount, 1, total);
            vm.prank(maintainer);
            uint256 id = pool.fileClaim(0, amount, payee, keccak256("invoice"), "ipfs://invoice");
            skip(CLAIM_DELAY);
            pool.payClaim(id);
            ledger -= amount;
        }
        // Optionally sweep forced ETH: unattributed, it is shared like the rest.
        if (stray % 2 == 0) {
            uint256 extra = bound(stray, 1, MAX / 4);
            new ForceEther{value: extra}(payable(address(pool)));
            pool.sweep();
            ledger += extra;
        }
        assertEq(pool.balance(), ledger, "ledger before wind-down");

        uint256 left = _windDown();
        assertEq(left, ledger, "left == the ledger at wind-down");

        // Everyone reclaims, in a random order (a rotation and a direction from `order`).
        uint256 sum;
        uint256 start = order % n;
        bool backwards = (order >> 128) % 2 == 1;
        for (uint256 k; k < n; ++k) {
            uint256 i = backwards ? (start + n - k) % n : (start + k) % n;
            uint256 expected = left * given[i] / total;
            assertEq(pool.reclaimable(donors[i]), expected, "reclaimable");
            uint256 before = donors[i].balance;
            if (expected == 0) {
                vm.prank(donors[i]);
                vm.expectRevert(abi.encodeWithSelector(IPoolSuccession.PoolNothingToReclaim.selector, donors[i]));
                pool.reclaim();
                continue;
            }
            vm.prank(donors[i]);
            uint256 amount = pool.reclaim();
            assertEq(amount, expected, "left * given / totalGiven, rounded down");
            assertEq(donors[i].balance - before, amount, "ETH received");
            sum += amount;

            // Nothing twice.
            assertEq(pool.reclaimable(donors[i]), 0, "nothing more to reclaim");
            vm.prank(donors[i]);
            vm.expectRevert(abi.encodeWithSelector(IPoolSuccession.PoolNothingToReclaim.selector, donors[i]));
            pool.reclaim();
        }

        assertLe(sum, left, "the shares never exceed what was left");
        assertLt(left - sum, n, "dust < number of contributors");
        (uint256 recordedLeft, uint256 reclaimed) = pool.windDownState();
        assertEq(recordedLeft, left, "left is fixed at wind-down");
        assertEq(reclaimed, sum, "reclaimed");
        assertEq(pool.balance(), left - sum, "the dust stays in the ledger");
        assertEq(address(pool).balance, left - sum, "and in the pool");

        // Someone who never gave gets nothing.
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IPoolSuccession.PoolNothingToReclaim.selector, stranger));
        pool.reclaim();
    }

    /// @notice `left` must be the whole ledger at wind-down even when swept stray funds and gifts together
    /// reach the 96-bit cap; otherwise contributors get shares of a wrapped (truncated) number.
    function testFuzz_windDown_recordsTheWholeLedgerAtTheCap(uint256 stray) public {
        stray = bound(stray, 1, MAX / 2);
        new ForceEther{value: stray}(payable(address(pool)));
        pool.sweep();
        // Contributors give up to the cap: whether the pool accepts this or not, `left` must match the ledger.
        uint256 room = MAX - stray + 1; // one wei more than the ledger can hold, if the pool lets it in
        vm.deal(donors[0], room);
        vm.prank(donors[0]);
        (bool accepted,) = address(pool).call{value: room}(abi.encodeCall(pool.give, (room)));
        if (!accepted) _give(donors[0], room - 1);

        uint256 ledger = pool.balance();
        uint256 left = _windDown();
        assertEq(left, ledger, "left == the ledger at wind-down");
        assertEq(pool.reclaimable(donors[0]), left, "the only contributor reclaims everything");
    }

    // ---------------------------------------------------------------- helpers

    /// @dev The maintainer steps down; after `vacancyPeriod` (the election got no votes) anyone winds down.
    function _windDown() internal returns (uint256 left) {
        vm.prank(maintainer);
        pool.stepDown();
        (SeatStatus status,, uint256 openedAt) = pool.seat();
        assertEq(uint8(status), uint8(SeatStatus.Open), "seat open");
        vm.warp(openedAt + VACANCY - 1);
        vm.expectRevert(abi.encodeWithSelector(IPoolSuccession.PoolVacancyNotExpired.selector, openedAt + VACANCY));
        pool.windDown();
        vm.warp(openedAt + VACANCY);
        uint256 ledger = pool.balance();
        vm.prank(stranger);
        pool.windDown();
        (left,) = pool.windDownState();
        assertEq(pool.balance(), ledger, "winding down moves nothing");
    }

    function _createPool() internal returns (IPool) {
        Config memory config = Config({
            asset: address(0),
            maintainer: maintainer,
            metadataURI: "ipfs://potluck-reclaim",
            epochLength: EPOCH,
            claimDelay: CLAIM_DELAY,
            ruleChangeDelay: 7 days,
            inactivityPeriod: 90 days,
            vacancyPeriod: VACANCY,
            objectionQuorumBps: 2_000,
            electionQuorumBps: 2_500,
            recallThresholdBps: 3_000,
            inKindWeightBps: 0,
            weighting: Weighting.Linear
        });
        BudgetLine[] memory lines = new BudgetLine[](1);
        lines[0] = BudgetLine({name: "everything", cap: MAX, period: 30 days});
        return IPool(payable(factory.createPool(config, lines)));
    }

    function _give(address donor, uint256 amount) internal {
        vm.deal(donor, donor.balance + amount);
        vm.prank(donor);
        pool.give{value: amount}(amount);
    }

    function _max(uint256 a, uint256 b) internal pure returns (uint256) {
        return a > b ? a : b;
    }
}
