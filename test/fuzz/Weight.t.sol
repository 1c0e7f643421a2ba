// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IPool, IPoolGiving} from "../../contracts/interfaces/IPool.sol";
import {Pool} from "../../contracts/Pool.sol";
import {PoolExtension} from "../../contracts/PoolExtension.sol";
import {PoolFactory} from "../../contracts/PoolFactory.sol";
import {BudgetLine} from "../../contracts/types/BudgetLine.sol";
import {Config} from "../../contracts/types/Config.sol";
import {Weighting} from "../../contracts/types/Weighting.sol";
import {ForceEther} from "../../contracts/test/ForceEther.sol";
import {Test} from "../utils/Test.sol";

/// @notice Fuzzes epoch-matured weight against a model written here from DESIGN.md alone: a gift made in epoch
/// `e` counts from the start of epoch `e + 1`; Linear weight is the matured amount, Quadratic weight is its
/// floor square root; in-kind deliveries add floor(delivered * inKindWeightBps / 10_000), matured like money.
/// The model keeps every gift with its epoch and sums them on each check, so it shares no code with the pool's
/// lazy, O(1) roll-forward.
contract WeightFuzzTest is Test {
    uint256 internal constant START = 1_750_000_000; // a 2025 timestamp; the runner starts at 1
    uint256 internal constant MAX = type(uint96).max; // the pool's per-pool cap on what it accounts
    uint256 internal constant BPS = 10_000;
    uint64 internal constant EPOCH = 7 days;
    uint256 internal constant DONORS = 3;
    uint256 internal constant STEPS = 10;

    /// @dev One credit to one contributor, in the epoch it was made.
    struct Credit {
        uint256 donor;
        uint256 money;
        uint256 delivered; // in-kind value delivered (before weighting)
        uint256 epoch;
    }

    /// @dev What the model knows: every credit so far, and the money total (for the cap).
    struct Model {
        Credit[] credits;
        uint256 count;
        uint256 totalMoney;
        uint256 inKindBps;
        bool quadratic;
    }

    PoolFactory internal factory;
    IPool internal linear;
    IPool internal quadratic;
    address internal maintainer;
    address[DONORS] internal donors;

    function setUp() public {
        vm.warp(START);
        maintainer = makeAddr("maintainer");
        donors[0] = makeAddr("ada");
        donors[1] = makeAddr("bo");
        donors[2] = makeAddr("cy");
        PoolExtension extension = new PoolExtension();
        Pool implementation = new Pool(address(extension));
        factory = new PoolFactory(address(implementation));
        linear = _createPool(Weighting.Linear, 0);
        // Not epoch-aligned with the first pool: genesis differs by 1 hour and 17 seconds.
        vm.warp(START + 1 hours + 17);
        quadratic = _createPool(Weighting.Quadratic, 0);
    }

    // ---------------------------------------------------------------- money only

    /// @notice Random gifts (1 wei to the whole cap) by three donors across random epoch jumps (exactly at a
    /// boundary, one second before, inside an epoch, several epochs): Linear weight == matured amount.
    function testFuzz_weightOf_linearIsTheMaturedAmount(uint256[STEPS] calldata amounts, uint256[STEPS] calldata moves)
        public
    {
        _runGifts(linear, amounts, moves);
    }

    /// @notice The same sequences on a Quadratic pool: weight == floor(sqrt(matured amount)).
    function testFuzz_weightOf_quadraticIsTheRootOfTheMaturedAmount(
        uint256[STEPS] calldata amounts,
        uint256[STEPS] calldata moves
    ) public {
        _runGifts(quadratic, amounts, moves);
    }

    /// @notice Filling the pool to exactly 2^96 - 1 works; one more wei reverts with `PoolAmountOverflow`.
    function testFuzz_give_revertsPastTheCap(uint256 first, uint256 over, bool quadraticPool) public {
        IPool pool = quadraticPool ? quadratic : linear;
        first = bound(first, 1, MAX);
        over = bound(over, 1, MAX);
        _give(pool, donors[0], first);
        if (first < MAX) _give(pool, donors[1], MAX - first);
        assertEq(pool.totalGiven(), MAX, "filled to the cap");

        vm.deal(donors[2], over);
        vm.prank(donors[2]);
        vm.expectRevert(abi.encodeWithSelector(IPoolGiving.PoolAmountOverflow.selector, MAX + over, MAX));
        pool.give{value: over}(over);

        // The refused gift changed nothing, and everything matures at the next boundary.
        _warpToBoundary(pool, 1, 0);
        (uint256 given,) = pool.contributionOf(donors[2]);
        assertEq(given, 0, "refused gift not credited");
        uint256 expectedTotal = quadraticPool
            ? _isqrt(first) + (first < MAX ? _isqrt(MAX - first) : 0)
            : MAX;
        assertEq(pool.totalWeight(), expectedTotal, "total weight at the cap");
    }

    /// @notice Swept stray ETH is part of the ledger (totalGiven), so the cap must count it: a gift that takes
    /// `totalGiven()` past 2^96 - 1 must revert, or the 96-bit ledger fields (what is left at wind-down) wrap.
    function testFuzz_give_countsSweptFundsTowardsTheCap(uint256 stray) public {
        stray = bound(stray, 1, MAX - 1);
        new ForceEther{value: stray}(payable(address(linear)));
        linear.sweep();
        assertEq(linear.totalGiven(), stray, "swept into the ledger");

        uint256 room = MAX - stray;
        _give(linear, donors[0], room);
        assertEq(linear.totalGiven(), MAX, "ledger at the cap");

        vm.deal(donors[1], 1);
        vm.prank(donors[1]);
        vm.expectRevert(abi.encodeWithSelector(IPoolGiving.PoolAmountOverflow.selector, MAX + 1, MAX));
        linear.give{value: 1}(1);
    }

    /// @notice A gift one second before a boundary matures at that boundary; a gift exactly at it waits a
    /// whole epoch.
    function testFuzz_weightOf_maturesExactlyAtTheNextBoundary(uint256 amount, bool quadraticPool) public {
        IPool pool = quadraticPool ? quadratic : linear;
        amount = bound(amount, 1, MAX / 2);
        uint256 boundary = _warpToBoundary(pool, 3, 1); // one second before the start of epoch 3
        _give(pool, donors[0], amount);
        assertEq(pool.weightOf(donors[0]), 0, "not matured in its own epoch");
        vm.warp(boundary);
        assertEq(pool.weightOf(donors[0]), _weight(pool, amount), "matured at the boundary");

        _give(pool, donors[1], amount); // exactly at the boundary: belongs to the new epoch
        assertEq(pool.weightOf(donors[1]), 0, "a gift at the boundary is in the new epoch");
        vm.warp(boundary + EPOCH - 1);
        assertEq(pool.weightOf(donors[1]), 0, "one second before the next boundary");
        vm.warp(boundary + EPOCH);
        assertEq(pool.weightOf(donors[1]), _weight(pool, amount), "matured a whole epoch later");
        assertEq(pool.totalWeight(), 2 * _weight(pool, amount), "total");
    }

    // ---------------------------------------------------------------- in kind

    /// @notice Money gifts and recorded in-kind deliveries (pledge, accept, record as maintainer) in a pool
    /// with inKindWeightBps > 0: matured basis == matured money + floor(matured delivered * bps / 10_000).
    function testFuzz_weightOf_countsDeliveredInKindValue(
        uint256 bps,
        bool quadraticPool,
        uint256 valuePerPeriod,
        uint256[STEPS] calldata amounts,
        uint256[STEPS] calldata moves
    ) public {
        bps = bound(bps, 1, BPS);
        IPool pool = _createPool(quadraticPool ? Weighting.Quadratic : Weighting.Linear, uint16(bps));
        uint16 periods = uint16(STEPS);
        // Keep the money and the in-kind basis, each summed over the pool, at most MAX/2 (96-bit fields).
        valuePerPeriod = bound(valuePerPeriod, 1, MAX / 2 / periods / DONORS);
        uint256[DONORS] memory pledgeIds;
        for (uint256 d; d < DONORS; ++d) {
            vm.prank(donors[d]);
            pledgeIds[d] = pool.pledge("build machine, 8 idle cores", valuePerPeriod, 30 days, periods);
            vm.prank(maintainer);
            pool.acceptPledge(pledgeIds[d]);
        }

        Model memory m = _newModel(pool, STEPS * 2);
        uint256[DONORS] memory deliveredPeriods;
        for (uint256 i; i < STEPS; ++i) {
            uint256 move = moves[i];
            _move(pool, move);
            uint256 d = uint8(move) % DONORS;
            if ((move >> 24) & 1 == 0) {
                uint256 money = bound(amounts[i], 1, MAX / 2 / STEPS);
                _give(pool, donors[d], money);
                _record(pool, m, d, money, 0);
            } else {
                if (deliveredPeriods[d] == periods) continue;
                uint16 k = uint16(bound(amounts[i], 1, periods - deliveredPeriods[d]));
                vm.prank(maintainer);
                pool.recordDelivery(pledgeIds[d], k);
                deliveredPeriods[d] += k;
                _record(pool, m, d, 0, valuePerPeriod * k);
            }
            _check(pool, m);
        }
        _warpToBoundary(pool, 1, 0);
        _check(pool, m);
        for (uint256 d; d < DONORS; ++d) {
            assertEq(pool.deliveredOf(donors[d]), deliveredPeriods[d] * valuePerPeriod, "deliveredOf");
        }
    }

    /// @notice Money and in-kind basis each up to 2^96 - 1 (the pool's two bounds): one contributor's basis,
    /// their pending part (delivery in the gift's epoch) and their weight pass 2^96 and are counted exactly,
    /// never refused; one more unit of in-kind basis is refused with the pool's own PoolAmountOverflow.
    function testFuzz_weightOf_passes96BitsWithInKindWeight(uint256 money, uint256 value, bool sameEpoch) public {
        IPool pool = _createPool(Weighting.Linear, uint16(BPS));
        money = bound(money, 1, MAX);
        value = bound(value, 1, MAX);
        address d = donors[0];
        vm.prank(d);
        uint256 id = pool.pledge("a data centre", value, 30 days, 1);
        vm.prank(d);
        uint256 more = pool.pledge("one more rack", MAX, 30 days, 1);
        vm.startPrank(maintainer);
        pool.acceptPledge(id);
        pool.acceptPledge(more);
        vm.stopPrank();
        _give(pool, d, money);
        if (!sameEpoch) _warpToBoundary(pool, 1, 0);
        vm.prank(maintainer);
        pool.recordDelivery(id, 1);
        _warpToBoundary(pool, 1, 0);
        assertEq(pool.weightOf(d), money + value, "weight = money + in-kind basis, past 2^96");
        assertEq(pool.totalWeight(), money + value, "total weight");
        (, uint256 matured) = pool.contributionOf(d);
        assertEq(matured, money + value, "matured basis");
        vm.prank(maintainer);
        vm.expectRevert(abi.encodeWithSelector(IPoolGiving.PoolAmountOverflow.selector, value + MAX, MAX));
        pool.recordDelivery(more, 1);
    }

    // ---------------------------------------------------------------- the run

    function _runGifts(IPool pool, uint256[STEPS] calldata amounts, uint256[STEPS] calldata moves) internal {
        Model memory m = _newModel(pool, STEPS);
        for (uint256 i; i < STEPS; ++i) {
            uint256 move = moves[i];
            _move(pool, move);
            uint256 d = uint8(move) % DONORS;
            uint256 remaining = MAX - m.totalMoney;
            // Sizes from 1 wei to the whole cap, log-uniformly; sometimes exactly what is left, sometimes past it.
            uint256 size = uint8(move >> 16) % 104;
            uint256 amount;
            if (size < 97) amount = bound(amounts[i], 1, _max(MAX >> size, 1));
            else if (size < 100) amount = remaining == 0 ? 1 : remaining;
            else amount = remaining + bound(amounts[i], 1, MAX);

            if (amount > remaining) {
                vm.deal(donors[d], amount);
                vm.prank(donors[d]);
                vm.expectRevert(
                    abi.encodeWithSelector(IPoolGiving.PoolAmountOverflow.selector, m.totalMoney + amount, MAX)
                );
                pool.give{value: amount}(amount);
            } else {
                bool viaReceive = (move >> 24) & 1 == 1;
                if (viaReceive) _send(pool, donors[d], amount);
                else _give(pool, donors[d], amount);
                _record(pool, m, d, amount, 0);
            }
            _check(pool, m);
        }
        // After the next boundary every gift has matured.
        _warpToBoundary(pool, 1, 0);
        _check(pool, m);
        assertEq(pool.totalWeight() == 0, m.totalMoney == 0, "something given, something weighs");
        if (!m.quadratic) assertEq(pool.totalWeight(), m.totalMoney, "linear: everything matured");
    }

    /// @dev Moves the clock as one byte of `move` says: not at all, exactly to the next epoch boundary, one
    /// second before it, somewhere inside the epoch, a few epochs on, or exactly to a later boundary.
    function _move(IPool pool, uint256 move) internal {
        uint256 kind = uint8(move >> 8) % 6;
        uint256 arg = move >> 32;
        if (kind == 1) {
            _warpToBoundary(pool, 1, 0);
        } else if (kind == 2) {
            uint256 target = _boundary(pool, 1) - 1;
            if (target > vm.getBlockTimestamp()) vm.warp(target);
        } else if (kind == 3) {
            skip(arg % EPOCH);
        } else if (kind == 4) {
            skip(arg % (10 * uint256(EPOCH)));
        } else if (kind == 5) {
            _warpToBoundary(pool, 1 + arg % 5, 0);
        }
    }

    // ---------------------------------------------------------------- the model

    function _newModel(IPool pool, uint256 capacity) internal view returns (Model memory m) {
        m.credits = new Credit[](capacity);
        m.inKindBps = pool.inKindWeightBps();
        m.quadratic = pool.weighting() == Weighting.Quadratic;
    }

    function _record(IPool pool, Model memory m, uint256 donor, uint256 money, uint256 delivered) internal view {
        m.credits[m.count++] = Credit({donor: donor, money: money, delivered: delivered, epoch: _epochNow(pool)});
        m.totalMoney += money;
    }

    /// @dev Money given ever, and the matured weight basis, of `donor` in epoch `e`.
    function _expected(Model memory m, uint256 donor, uint256 e)
        internal
        pure
        returns (uint256 given, uint256 matured)
    {
        uint256 maturedMoney;
        uint256 maturedDelivered;
        for (uint256 i; i < m.count; ++i) {
            Credit memory c = m.credits[i];
            if (c.donor != donor) continue;
            given += c.money;
            if (c.epoch < e) {
                maturedMoney += c.money;
                maturedDelivered += c.delivered;
            }
        }
        matured = maturedMoney + maturedDelivered * m.inKindBps / BPS;
    }

    function _check(IPool pool, Model memory m) internal view {
        uint256 e = _epochNow(pool);
        assertEq(pool.epoch(), e, "epoch()");
        uint256 sum;
        for (uint256 d; d < DONORS; ++d) {
            (uint256 expectedGiven, uint256 expectedMatured) = _expected(m, d, e);
            (uint256 given, uint256 matured) = pool.contributionOf(donors[d]);
            assertEq(given, expectedGiven, "contributionOf: given");
            assertEq(matured, expectedMatured, "contributionOf: matured");
            if (m.inKindBps == 0) assertLe(matured, given, "money only: matured <= given");
            uint256 expectedWeight = m.quadratic ? _isqrt(expectedMatured) : expectedMatured;
            uint256 weight = pool.weightOf(donors[d]);
            assertEq(weight, expectedWeight, "weightOf");
            sum += weight;
        }
        assertEq(pool.totalWeight(), sum, "totalWeight == sum of weightOf");
        assertEq(pool.totalGiven(), m.totalMoney, "totalGiven");
        assertEq(pool.balance(), m.totalMoney, "balance");
    }

    // ---------------------------------------------------------------- helpers

    function _createPool(Weighting weighting, uint16 inKindBps) internal returns (IPool) {
        Config memory config = Config({
            asset: address(0),
            maintainer: maintainer,
            metadataURI: "ipfs://potluck-weight",
            epochLength: EPOCH,
            claimDelay: 3 days,
            ruleChangeDelay: 7 days,
            inactivityPeriod: 90 days,
            vacancyPeriod: 60 days,
            objectionQuorumBps: 2_000,
            electionQuorumBps: 2_500,
            recallThresholdBps: 3_000,
            inKindWeightBps: inKindBps,
            weighting: weighting
        });
        BudgetLine[] memory lines = new BudgetLine[](1);
        lines[0] = BudgetLine({name: "hosting", cap: 2 ether, period: 30 days});
        return IPool(payable(factory.createPool(config, lines)));
    }

    function _give(IPool pool, address donor, uint256 amount) internal {
        vm.deal(donor, amount);
        vm.prank(donor);
        pool.give{value: amount}(amount);
    }

    /// @dev A plain transfer to the pool's address: `receive()` credits it like `give`.
    function _send(IPool pool, address donor, uint256 amount) internal {
        vm.deal(donor, amount);
        vm.prank(donor);
        (bool ok,) = address(pool).call{value: amount}("");
        assertTrue(ok, "receive() accepts a gift");
    }

    function _epochNow(IPool pool) internal view returns (uint256) {
        return (vm.getBlockTimestamp() - pool.genesis()) / EPOCH;
    }

    /// @dev Start of the `ahead`-th epoch boundary from now.
    function _boundary(IPool pool, uint256 ahead) internal view returns (uint256) {
        return pool.genesis() + (_epochNow(pool) + ahead) * EPOCH;
    }

    /// @dev Warps to `before` seconds ahead of the `ahead`-th boundary from now and returns that boundary.
    function _warpToBoundary(IPool pool, uint256 ahead, uint256 before) internal returns (uint256 boundary) {
        boundary = _boundary(pool, ahead);
        vm.warp(boundary - before);
    }

    function _weight(IPool pool, uint256 matured) internal view returns (uint256) {
        return pool.weighting() == Weighting.Quadratic ? _isqrt(matured) : matured;
    }

    /// @dev floor(sqrt(x)) by Newton's method (independent of OpenZeppelin's Math.sqrt), checked on the way out.
    function _isqrt(uint256 x) internal pure returns (uint256 r) {
        if (x == 0) return 0;
        r = x;
        uint256 z = (x + 1) / 2;
        while (z < r) {
            r = z;
            z = (x / z + z) / 2;
        }
        require(r * r <= x && (r + 1) * (r + 1) > x, "isqrt");
    }

    function _max(uint256 a, uint256 b) internal pure returns (uint256) {
        return a > b ? a : b;
    }
}
