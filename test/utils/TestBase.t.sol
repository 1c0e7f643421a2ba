// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

import {BlocklistToken} from "../../contracts/test/BlocklistToken.sol";
import {FalseReturningToken} from "../../contracts/test/FalseReturningToken.sol";
import {FeeOnTransferToken} from "../../contracts/test/FeeOnTransferToken.sol";
import {ForceEther} from "../../contracts/test/ForceEther.sol";
import {GasGriefingPayee} from "../../contracts/test/GasGriefingPayee.sol";
import {HookToken} from "../../contracts/test/HookToken.sol";
import {MockERC20} from "../../contracts/test/MockERC20.sol";
import {NoReturnToken} from "../../contracts/test/NoReturnToken.sol";
import {ReentrantAttacker} from "../../contracts/test/ReentrantAttacker.sol";
import {RevertingPayee} from "../../contracts/test/RevertingPayee.sol";
import {Test} from "./Test.sol";
import {Vm, VM_ADDRESS} from "./Vm.sol";

// Self-tests of the test base and the mocks: if these pass, the runner picks up our conventions.

/// @dev A time-locked ETH jar, just big enough to exercise pranks, warps, custom errors and events.
contract Jar {
    error JarNotOwner(address caller);
    error JarLocked(uint256 nowAt, uint256 unlocksAt);
    error JarEmpty();

    event Deposited(address indexed from, uint256 amount);

    address public immutable owner;
    uint256 public immutable unlocksAt;

    constructor(address owner_, uint256 unlocksAt_) {
        owner = owner_;
        unlocksAt = unlocksAt_;
    }

    function deposit() external payable {
        emit Deposited(msg.sender, msg.value);
    }

    function withdraw() external returns (uint256 amount) {
        if (msg.sender != owner) revert JarNotOwner(msg.sender);
        // solhint-disable-next-line foundry-no-block-time-number, -- Jar is the contract under test, not test code
        if (block.timestamp < unlocksAt) revert JarLocked(block.timestamp, unlocksAt);
        amount = address(this).balance;
        if (amount == 0) revert JarEmpty();
        (bool ok,) = msg.sender.call{value: amount}("");
        require(ok);
    }
}

/// @dev Pulls tokens and counts what arrived; `nonReentrant` on one entry point only, to show the attacker.
contract TokenSink is ReentrancyGuard {
    using SafeERC20 for IERC20;

    uint256 public pulls;

    function pullGuarded(IERC20 token, uint256 amount) external nonReentrant {
        token.safeTransferFrom(msg.sender, address(this), amount);
        ++pulls;
    }

    function pullUnguarded(IERC20 token, uint256 amount) external {
        token.safeTransferFrom(msg.sender, address(this), amount);
        ++pulls;
    }
}

contract TestBaseTest is Test {
    uint256 internal constant START = 1_750_000_000; // a 2025 timestamp; the runner starts at 1

    Jar internal jar;
    address internal alice;

    function setUp() public {
        vm.warp(START);
        alice = makeAddr("alice");
        jar = new Jar(alice, START + 30 days);
    }

    function test_makeAddr_isDeterministicAndKeyed() public {
        (address a, uint256 key) = makeAddrAndKey("alice");
        assertEq(a, alice);
        assertEq(vm.addr(key), alice);
        assertNotEq(makeAddr("bob"), alice);
    }

    function test_withdraw_revertsForOthers() public {
        vm.expectRevert(abi.encodeWithSelector(Jar.JarNotOwner.selector, address(this)));
        jar.withdraw();
    }

    function test_withdraw_revertsWhileLocked() public {
        vm.prank(alice);
        // expectRevert(bytes4) demands the exact 4 bytes; an error with arguments needs the partial form.
        vm.expectPartialRevert(Jar.JarLocked.selector);
        jar.withdraw();
    }

    function test_withdraw_revertsWhenEmpty() public {
        vm.warp(START + 30 days);
        vm.prank(alice);
        vm.expectRevert(Jar.JarEmpty.selector);
        jar.withdraw();
    }

    function test_deposit_emits() public {
        hoax(alice, 1 ether);
        vm.expectEmit(address(jar));
        emit Jar.Deposited(alice, 1 ether);
        jar.deposit{value: 1 ether}();
    }

    function test_skip_movesTimeForward() public {
        skip(1 days);
        assertEq(vm.getBlockTimestamp(), START + 1 days);
    }

    function testFuzz_withdraw_paysOwnerAfterUnlock(uint256 amount, uint256 wait) public {
        amount = bound(amount, 1, 1e30);
        wait = bound(wait, 30 days, 3650 days);
        vm.deal(address(this), amount);
        jar.deposit{value: amount}();

        vm.warp(START + wait);
        vm.prank(alice);
        assertEq(jar.withdraw(), amount, "withdrawn");
        assertEq(alice.balance, amount, "alice's balance");
        assertEq(address(jar).balance, 0, "jar's balance");
    }

    function testFuzz_bound_staysInRange(uint256 x, uint256 min, uint256 max) public pure {
        vm.assume(min <= max);
        uint256 y = bound(x, min, max);
        assertGe(y, min);
        assertLe(y, max);
        if (x >= min && x <= max) assertEq(y, x, "in-range values are kept");
    }

    function test_bound_hitsTheEdges() public pure {
        assertEq(bound(0, 10, 20), 10);
        assertEq(bound(3, 10, 20), 13);
        assertEq(bound(type(uint256).max, 10, 20), 20);
        assertEq(bound(21, 10, 20), 10);
        assertEq(bound(9, 10, 20), 20);
    }

    function test_recordLogs_capturesEvents() public {
        vm.recordLogs();
        jar.deposit{value: 2}();
        Vm.Log[] memory logs = vm.getRecordedLogs();
        assertEq(logs.length, 1);
        assertEq(logs[0].emitter, address(jar));
        assertEq(logs[0].topics[0], Jar.Deposited.selector);
        assertEq(abi.decode(logs[0].data, (uint256)), 2);
    }

    function test_storeAndLoad() public {
        TokenSink sink = new TokenSink();
        // pulls is slot 0 (ReentrancyGuard keeps its flag in a namespaced slot)
        vm.store(address(sink), bytes32(0), bytes32(uint256(7)));
        assertEq(sink.pulls(), 7);
        assertEq(vm.load(address(sink), bytes32(0)), bytes32(uint256(7)));
    }
}

/// @dev Drives the jar for the invariant test, keeping ghost totals. It uses `vm` directly instead of
/// inheriting Test: the runner calls every non-view function of a targeted contract, so a handler should
/// expose nothing but its actions (targetSelector narrows them further).
contract JarHandler {
    // solhint-disable-next-line const-name-snakecase, -- forge-std's name for the cheatcode handle
    Vm private constant vm = Vm(VM_ADDRESS);

    Jar public immutable jar;
    uint256 public deposited;
    uint256 public withdrawn;
    uint256 public calls;

    constructor(Jar jar_) {
        jar = jar_;
    }

    function deposit(uint256 amount) external {
        amount = amount % 1e24; // a handler may bound by hand; Test.bound is for test contracts
        vm.deal(address(this), amount);
        jar.deposit{value: amount}();
        deposited += amount;
        ++calls;
    }

    function wait(uint256 secondsToWait) external {
        vm.warp(vm.getBlockTimestamp() + secondsToWait % 10 days);
        ++calls;
    }

    function withdraw() external {
        if (address(jar).balance == 0 || vm.getBlockTimestamp() < jar.unlocksAt()) return;
        vm.prank(jar.owner());
        withdrawn += jar.withdraw();
        ++calls;
    }

    /// @dev Not targeted (see targetSelector in setUp): calling it would break the invariant.
    function steal() external {
        vm.deal(address(jar), 0);
    }
}

contract TestBaseInvariantTest is Test {
    Jar internal jar;
    JarHandler internal handler;

    function setUp() public {
        vm.warp(1_750_000_000);
        jar = new Jar(makeAddr("owner"), 1_750_000_000 + 30 days);
        handler = new JarHandler(jar);

        targetContract(address(handler));
        bytes4[] memory selectors = new bytes4[](3);
        selectors[0] = JarHandler.deposit.selector;
        selectors[1] = JarHandler.wait.selector;
        selectors[2] = JarHandler.withdraw.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
    }

    /// hardhat-config: invariant.runs = 32
    /// hardhat-config: invariant.depth = 32
    function invariant_jarHoldsWhatWasNotWithdrawn() public view {
        assertEq(address(jar).balance, handler.deposited() - handler.withdrawn(), "jar balance vs ghost totals");
    }

    /// @dev The runner calls this once at the end of each invariant run.
    function afterInvariant() public view {
        assertGt(handler.calls(), 0, "the handler was exercised");
    }

    function test_targets_areExposedToTheRunner() public view {
        assertEq(targetContracts().length, 1);
        assertEq(targetContracts()[0], address(handler));
        assertEq(targetSelectors()[0].selectors.length, 3);
    }
}

contract MocksTest is Test {
    using SafeERC20 for IERC20;

    address internal alice;
    address internal bob;

    function setUp() public {
        vm.warp(1_750_000_000);
        alice = makeAddr("alice");
        bob = makeAddr("bob");
    }

    function test_MockERC20_permit() public {
        MockERC20 token = new MockERC20("Test USD", "TUSD", 6);
        assertEq(token.decimals(), 6);
        (address owner, uint256 key) = makeAddrAndKey("permitter");
        uint256 deadline = vm.getBlockTimestamp() + 1 hours;
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"),
                owner,
                bob,
                100,
                token.nonces(owner),
                deadline
            )
        );
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", token.DOMAIN_SEPARATOR(), structHash));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, digest);
        token.permit(owner, bob, 100, deadline, v, r, s);
        assertEq(token.allowance(owner, bob), 100);
    }

    function testFuzz_FeeOnTransferToken_recipientGetsLess(uint256 amount, uint256 feeBps) public {
        amount = bound(amount, 1, 1e30);
        feeBps = bound(feeBps, 0, 10_000);
        address sink = makeAddr("sink");
        FeeOnTransferToken token = new FeeOnTransferToken("Fee", "FEE", 18, feeBps, sink);
        token.mint(alice, amount);

        vm.prank(alice);
        token.approve(address(this), amount);
        token.transferFrom(alice, bob, amount);

        uint256 fee = amount * feeBps / 10_000;
        assertEq(token.balanceOf(bob), amount - fee, "recipient");
        assertEq(token.balanceOf(sink), fee, "sink");
        assertEq(token.totalSupply(), amount, "supply");
    }

    function test_FeeOnTransferToken_burnsWithoutSink() public {
        FeeOnTransferToken token = new FeeOnTransferToken("Fee", "FEE", 18, 100, address(0));
        token.mint(alice, 10_000);
        vm.prank(alice);
        token.transfer(bob, 10_000);
        assertEq(token.balanceOf(bob), 9_900);
        assertEq(token.totalSupply(), 9_900);
    }

    function test_NoReturnToken_returnsNothingAndWorksWithSafeERC20() public {
        NoReturnToken token = new NoReturnToken("Tether", "USDT", 6);
        token.mint(address(this), 100);
        (bool ok, bytes memory ret) = address(token).call(abi.encodeCall(IERC20.transfer, (bob, 40)));
        assertTrue(ok);
        assertEq(ret.length, 0, "returndata");
        IERC20(address(token)).safeTransfer(bob, 10);
        assertEq(token.balanceOf(bob), 50);
    }

    function test_NoReturnToken_strictApprove() public {
        NoReturnToken token = new NoReturnToken("Tether", "USDT", 6);
        token.setStrictApprove(true);
        token.approve(bob, 1);
        vm.expectRevert(
            abi.encodeWithSelector(NoReturnToken.NoReturnTokenApproveFromNonZero.selector, address(this), bob, 1)
        );
        token.approve(bob, 2);
        IERC20(address(token)).forceApprove(bob, 2);
        assertEq(token.allowance(address(this), bob), 2);
    }

    function test_FalseReturningToken_returnsFalse() public {
        FalseReturningToken token = new FalseReturningToken("Zero", "ZRX", 18);
        token.mint(address(this), 100);
        assertFalse(token.transfer(bob, 101), "over balance");
        assertTrue(token.transfer(bob, 1), "normal transfer");

        token.setFailAll(true);
        assertFalse(token.transfer(bob, 1), "fail-all");
        assertEq(token.balanceOf(bob), 1, "nothing moved");
        // SafeERC20 is internal code: expectRevert only sees external calls, so go through `this`.
        vm.expectRevert(abi.encodeWithSelector(SafeERC20.SafeERC20FailedOperation.selector, address(token)));
        this.safeTransferAsThis(IERC20(address(token)), bob, 1);
    }

    /// @dev External wrapper so a revert inside a library can be expected.
    // solhint-disable-next-line potluck/test-function-naming, -- called as this.safeTransferAsThis(), see above
    function safeTransferAsThis(IERC20 token, address to, uint256 amount) external {
        token.safeTransfer(to, amount);
    }

    function test_BlocklistToken_blocksBothWays() public {
        BlocklistToken token = new BlocklistToken("USD Coin", "USDC", 6);
        token.mint(alice, 100);
        token.setBlocked(bob, true);

        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(BlocklistToken.BlocklistTokenBlocked.selector, bob));
        token.transfer(bob, 1);

        token.setBlocked(alice, true);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(BlocklistToken.BlocklistTokenBlocked.selector, alice));
        token.transfer(address(this), 1);

        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, alice));
        token.setBlocked(alice, false);
    }

    function test_HookToken_attackerReentersDuringTransferFrom() public {
        HookToken token = new HookToken("Hook", "HOOK", 18);
        TokenSink sink = new TokenSink();
        ReentrantAttacker attacker = new ReentrantAttacker();
        token.mint(address(attacker), 100);
        attacker.execute(address(token), abi.encodeCall(HookToken.registerHooks, (true)), 0);
        attacker.execute(address(token), abi.encodeCall(IERC20.approve, (address(sink), type(uint256).max)), 0);

        // Unguarded: the reentry from inside transferFrom succeeds.
        attacker.arm(address(sink), abi.encodeCall(TokenSink.pullUnguarded, (IERC20(address(token)), 1)), 0);
        attacker.execute(address(sink), abi.encodeCall(TokenSink.pullUnguarded, (IERC20(address(token)), 10)), 0);
        assertTrue(attacker.lastReentrySucceeded(), "unguarded reentry");
        assertEq(uint8(attacker.lastTrigger()), uint8(ReentrantAttacker.Trigger.TokensToSend));
        assertEq(sink.pulls(), 2);

        // Guarded: the outer call succeeds, the reentry fails with the guard's error.
        attacker.arm(address(sink), abi.encodeCall(TokenSink.pullGuarded, (IERC20(address(token)), 1)), 0);
        attacker.execute(address(sink), abi.encodeCall(TokenSink.pullGuarded, (IERC20(address(token)), 10)), 0);
        (uint256 attempted, uint256 succeeded) = attacker.reentries();
        assertEq(attempted, 1);
        assertEq(succeeded, 0);
        assertEq(
            attacker.lastReentryReturnData(),
            abi.encodeWithSelector(ReentrancyGuard.ReentrancyGuardReentrantCall.selector)
        );
        assertEq(sink.pulls(), 3);
    }

    function test_ReentrantAttacker_reentersOnEther() public {
        ReentrantAttacker attacker = new ReentrantAttacker();
        MockERC20 token = new MockERC20("T", "T", 18);
        attacker.arm(address(token), abi.encodeCall(MockERC20.mint, (address(attacker), 5)), 0);
        (bool ok,) = address(attacker).call{value: 1}("");
        assertTrue(ok);
        assertTrue(attacker.lastReentrySucceeded());
        assertEq(uint8(attacker.lastTrigger()), uint8(ReentrantAttacker.Trigger.Ether));
        assertEq(token.balanceOf(address(attacker)), 5);
        assertFalse(attacker.armed(), "one reentry by default");
    }

    function test_ReentrantAttacker_executeBubblesReverts() public {
        ReentrantAttacker attacker = new ReentrantAttacker();
        BlocklistToken token = new BlocklistToken("USD Coin", "USDC", 6);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, address(attacker)));
        attacker.execute(address(token), abi.encodeCall(BlocklistToken.setBlocked, (bob, true)), 0);
    }

    function test_RevertingPayee_rejectsUntilSwitchedOff() public {
        RevertingPayee payee = new RevertingPayee(true);
        (bool ok, bytes memory ret) = address(payee).call{value: 3}("");
        assertFalse(ok);
        assertEq(ret, abi.encodeWithSelector(RevertingPayee.RevertingPayeeRejected.selector, 3));
        payee.setRejecting(false);
        (ok,) = address(payee).call{value: 3}("");
        assertTrue(ok);
    }

    function test_GasGriefingPayee_burnsForwardedGas() public {
        GasGriefingPayee payee = new GasGriefingPayee(GasGriefingPayee.Mode.BurnGas, 0);
        uint256 before = gasleft();
        (bool ok,) = address(payee).call{value: 1, gas: 200_000}("");
        assertFalse(ok);
        assertGe(before - gasleft(), 200_000, "all forwarded gas burned");
    }

    function test_GasGriefingPayee_returnBombs() public {
        GasGriefingPayee payee = new GasGriefingPayee(GasGriefingPayee.Mode.ReturnBomb, 50_000);
        (bool ok, bytes memory ret) = address(payee).call{value: 1}("");
        assertTrue(ok);
        assertEq(ret.length, 50_000);

        payee.setMode(GasGriefingPayee.Mode.RevertBomb, 60_000);
        (ok, ret) = address(payee).call{value: 1}("");
        assertFalse(ok);
        assertEq(ret.length, 60_000);
    }

    function test_ForceEther_reachesAContractThatRefusesEther() public {
        RevertingPayee payee = new RevertingPayee(true);
        new ForceEther{value: 1 ether}(payable(address(payee)));
        assertEq(address(payee).balance, 1 ether);
    }
}
