// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IPool} from "../contracts/interfaces/IPool.sol";
import {Pool} from "../contracts/Pool.sol";
import {PoolExtension} from "../contracts/PoolExtension.sol";
import {PoolFactory} from "../contracts/PoolFactory.sol";
import {PoolStorage} from "../contracts/pool/PoolStorage.sol";
import {BudgetLine} from "../contracts/types/BudgetLine.sol";
import {Config} from "../contracts/types/Config.sol";
import {Weighting} from "../contracts/types/Weighting.sol";
import {Test} from "./utils/Test.sol";

/// @notice The pool's one storage root: its slot is ERC-7201's for "potluck.pool", and what the pool (and its
/// extension, by DELEGATECALL) writes lands there, never on the low slots a state variable would take.
/// (test/storage-layout.test.ts checks the compiler's layouts of Pool and PoolExtension.)
contract PoolStorageTest is Test {
    PoolFactory internal factory;
    IPool internal pool;
    address internal maintainer;
    address internal donor;

    function setUp() public {
        vm.warp(1_750_000_000);
        maintainer = makeAddr("maintainer");
        donor = makeAddr("donor");
        factory = new PoolFactory(address(new Pool(address(new PoolExtension()))));
        Config memory config = Config({
            asset: address(0),
            maintainer: maintainer,
            metadataURI: "ipfs://potluck-storage",
            epochLength: 7 days,
            claimDelay: 3 days,
            ruleChangeDelay: 7 days,
            inactivityPeriod: 90 days,
            vacancyPeriod: 60 days,
            objectionQuorumBps: 2_000,
            electionQuorumBps: 2_500,
            recallThresholdBps: 3_000,
            inKindWeightBps: 0,
            weighting: Weighting.Linear
        });
        BudgetLine[] memory lines = new BudgetLine[](1);
        lines[0] = BudgetLine({name: "hosting", cap: 2 ether, period: 30 days});
        pool = IPool(payable(factory.createPool(config, lines)));
    }

    /// @notice The slot is keccak256(abi.encode(uint256(keccak256("potluck.pool")) - 1)) & ~bytes32(uint256(0xff)).
    function test_slot_isErc7201OfPotluckPool() public pure {
        bytes32 expected = keccak256(abi.encode(uint256(keccak256("potluck.pool")) - 1)) & ~bytes32(uint256(0xff));
        assertEq(PoolStorage.SLOT, expected);
    }

    /// @notice A gift writes the totals word, the root's first field: money given in its low 96 bits.
    function test_give_writesTheTotalsAtTheRoot() public {
        vm.deal(donor, 1 ether);
        vm.prank(donor);
        pool.give{value: 1 ether}(1 ether);
        assertEq(uint256(vm.load(address(pool), PoolStorage.SLOT)) & type(uint96).max, 1 ether);
    }

    /// @notice Neither face writes the low slots: the pool's own calls and the extension's (a pledge, a change)
    /// leave slots 0 to 15 empty.
    function test_faces_leaveTheLowSlotsEmpty() public {
        vm.deal(donor, 1 ether);
        vm.prank(donor);
        pool.give{value: 1 ether}(1 ether);
        vm.prank(donor);
        pool.pledge("a desk, two days a week", 1 ether, 30 days, 3);
        vm.prank(maintainer);
        pool.proposeBudgetChange(0, "hosting", 3 ether, 30 days);
        for (uint256 slot; slot < 16; ++slot) {
            assertEq(vm.load(address(pool), bytes32(slot)), bytes32(0), "a low slot was written");
        }
    }
}
