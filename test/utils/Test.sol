// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Vm, VM_ADDRESS} from "./Vm.sol";

/// @title Test
/// @notice Base of our Solidity tests, in place of forge-std's `Test` (not installable here): the cheatcode
/// handle `vm`, assertions, `bound`, `makeAddr`, and forge-std's `StdInvariant` target lists.
/// @dev How the runner (Hardhat 3 / EDR) uses a contract deriving from this:
/// - it deploys it, calls `setUp()`, then each function whose name starts with `test` (those with
///   parameters are fuzzed, `fuzz.runs` times) and each `invariant…` function (no parameters);
/// - a test fails by reverting: every assertion here reverts with a message showing both values;
/// - for an `invariant…` function it reads the views at the bottom of this file after `setUp()`, calls
///   random target functions `invariant.depth` times per run, `invariant.runs` runs, and checks the
///   invariant after each call. With no `targetContract` it targets every contract `setUp()` deployed.
/// - `testFail…` functions are rejected: use `vm.expectRevert` instead.
/// Traps:
/// - `vm.expectRevert` applies to the next external call only; to expect a revert from internal or library
///   code (SafeERC20, say), call it through an external wrapper (`this.f()`).
/// - With viaIR (our config) the optimizer may merge two reads of `block.timestamp` / `block.number` in one
///   test function across a `vm.warp` / `vm.roll`: read them with `vm.getBlockTimestamp()` /
///   `vm.getBlockNumber()` in tests and handlers. A contract called after the warp sees the new value.
/// - The runner starts at `block.timestamp == 1`: warp to a realistic time in setUp().
abstract contract Test {
    /// @dev forge-std's `StdInvariant.FuzzSelector`; the runner ABI-decodes it, so keep this layout.
    struct FuzzSelector {
        address addr;
        bytes4[] selectors;
    }

    /// @dev forge-std's `StdInvariant.FuzzArtifactSelector`.
    struct FuzzArtifactSelector {
        string artifact;
        bytes4[] selectors;
    }

    /// @dev forge-std's `StdInvariant.FuzzInterface`.
    struct FuzzInterface {
        address addr;
        string[] artifacts;
    }

    // solhint-disable-next-line const-name-snakecase, -- forge-std's name for the cheatcode handle
    Vm internal constant vm = Vm(VM_ADDRESS);

    uint256 private constant UINT256_MAX = type(uint256).max;
    /// @dev secp256k1 group order: private keys are 1 .. order - 1.
    uint256 private constant SECP256K1_ORDER =
        0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;

    address[] private _excludedContracts;
    address[] private _excludedSenders;
    address[] private _targetedContracts;
    address[] private _targetedSenders;
    string[] private _excludedArtifacts;
    string[] private _targetedArtifacts;
    FuzzArtifactSelector[] private _targetedArtifactSelectors;
    FuzzSelector[] private _excludedSelectors;
    FuzzSelector[] private _targetedSelectors;
    FuzzInterface[] private _targetedInterfaces;

    // ------------------------------------------------------------------------------------------ assertions

    function assertTrue(bool condition) internal pure {
        vm.assertTrue(condition, "assertTrue");
    }

    function assertTrue(bool condition, string memory err) internal pure {
        vm.assertTrue(condition, err);
    }

    function assertFalse(bool condition) internal pure {
        vm.assertFalse(condition, "assertFalse");
    }

    function assertFalse(bool condition, string memory err) internal pure {
        vm.assertFalse(condition, err);
    }

    function assertEq(bool left, bool right) internal pure {
        vm.assertEq(left, right, "assertEq(bool)");
    }

    function assertEq(bool left, bool right, string memory err) internal pure {
        vm.assertEq(left, right, err);
    }

    function assertEq(uint256 left, uint256 right) internal pure {
        vm.assertEq(left, right, "assertEq(uint256)");
    }

    function assertEq(uint256 left, uint256 right, string memory err) internal pure {
        vm.assertEq(left, right, err);
    }

    function assertEq(int256 left, int256 right) internal pure {
        vm.assertEq(left, right, "assertEq(int256)");
    }

    function assertEq(int256 left, int256 right, string memory err) internal pure {
        vm.assertEq(left, right, err);
    }

    function assertEq(address left, address right) internal pure {
        vm.assertEq(left, right, "assertEq(address)");
    }

    function assertEq(address left, address right, string memory err) internal pure {
        vm.assertEq(left, right, err);
    }

    function assertEq(bytes32 left, bytes32 right) internal pure {
        vm.assertEq(left, right, "assertEq(bytes32)");
    }

    function assertEq(bytes32 left, bytes32 right, string memory err) internal pure {
        vm.assertEq(left, right, err);
    }

    function assertEq(string memory left, string memory right) internal pure {
        vm.assertEq(left, right, "assertEq(string)");
    }

    function assertEq(string memory left, string memory right, string memory err) internal pure {
        vm.assertEq(left, right, err);
    }

    function assertEq(bytes memory left, bytes memory right) internal pure {
        vm.assertEq(left, right, "assertEq(bytes)");
    }

    function assertEq(bytes memory left, bytes memory right, string memory err) internal pure {
        vm.assertEq(left, right, err);
    }

    function assertNotEq(uint256 left, uint256 right) internal pure {
        vm.assertNotEq(left, right, "assertNotEq(uint256)");
    }

    function assertNotEq(uint256 left, uint256 right, string memory err) internal pure {
        vm.assertNotEq(left, right, err);
    }

    function assertNotEq(address left, address right) internal pure {
        vm.assertNotEq(left, right, "assertNotEq(address)");
    }

    function assertNotEq(address left, address right, string memory err) internal pure {
        vm.assertNotEq(left, right, err);
    }

    function assertGt(uint256 left, uint256 right) internal pure {
        vm.assertGt(left, right, "assertGt");
    }

    function assertGt(uint256 left, uint256 right, string memory err) internal pure {
        vm.assertGt(left, right, err);
    }

    function assertGt(int256 left, int256 right, string memory err) internal pure {
        vm.assertGt(left, right, err);
    }

    function assertGe(uint256 left, uint256 right) internal pure {
        vm.assertGe(left, right, "assertGe");
    }

    function assertGe(uint256 left, uint256 right, string memory err) internal pure {
        vm.assertGe(left, right, err);
    }

    function assertGe(int256 left, int256 right, string memory err) internal pure {
        vm.assertGe(left, right, err);
    }

    function assertLt(uint256 left, uint256 right) internal pure {
        vm.assertLt(left, right, "assertLt");
    }

    function assertLt(uint256 left, uint256 right, string memory err) internal pure {
        vm.assertLt(left, right, err);
    }

    function assertLt(int256 left, int256 right, string memory err) internal pure {
        vm.assertLt(left, right, err);
    }

    function assertLe(uint256 left, uint256 right) internal pure {
        vm.assertLe(left, right, "assertLe");
    }

    function assertLe(uint256 left, uint256 right, string memory err) internal pure {
        vm.assertLe(left, right, err);
    }

    function assertLe(int256 left, int256 right, string memory err) internal pure {
        vm.assertLe(left, right, err);
    }

    function assertApproxEqAbs(uint256 left, uint256 right, uint256 maxDelta) internal pure {
        vm.assertApproxEqAbs(left, right, maxDelta, "assertApproxEqAbs");
    }

    function assertApproxEqAbs(uint256 left, uint256 right, uint256 maxDelta, string memory err) internal pure {
        vm.assertApproxEqAbs(left, right, maxDelta, err);
    }

    /// @notice Fails the test with `err`.
    function fail(string memory err) internal pure {
        vm.assertTrue(false, err);
    }

    // ------------------------------------------------------------------------------------------ fuzzing

    /// @notice Maps a fuzz input into [min, max], with forge-std's `bound` semantics (so fuzz corpora and
    /// habits carry over): a value already in range is returned unchanged; 0..3 map to min..min+3 and
    /// max-3..max map from the top of uint256, so the edges get hit; anything else wraps around.
    function bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256 result) {
        require(min <= max, "bound: max is less than min");
        if (x >= min && x <= max) return x;

        uint256 size = max - min + 1; // cannot overflow: [min, max] is not the whole uint256 range here
        if (x <= 3 && size > x) return min + x;
        if (x >= UINT256_MAX - 3 && size > UINT256_MAX - x) return max - (UINT256_MAX - x);

        if (x > max) {
            uint256 rem = (x - max) % size;
            return rem == 0 ? max : min + rem - 1;
        }
        uint256 remBelow = (min - x) % size;
        return remBelow == 0 ? min : max - remBelow + 1;
    }

    /// @notice Maps a fuzz input onto a valid secp256k1 private key.
    function boundPrivateKey(uint256 privateKey) internal pure returns (uint256) {
        return bound(privateKey, 1, SECP256K1_ORDER - 1);
    }

    // ------------------------------------------------------------------------------------------ accounts

    /// @notice A deterministic, labelled address derived from `name` (the key is keccak256(name)).
    function makeAddr(string memory name) internal returns (address addr) {
        (addr,) = makeAddrAndKey(name);
    }

    /// @notice As `makeAddr`, also returning the private key, for signing permits.
    function makeAddrAndKey(string memory name) internal returns (address addr, uint256 privateKey) {
        privateKey = uint256(keccak256(abi.encodePacked(name)));
        addr = vm.addr(privateKey);
        vm.label(addr, name);
    }

    /// @notice Gives `who` `amount` ETH and makes it `msg.sender` of the next call.
    function hoax(address who, uint256 amount) internal {
        vm.deal(who, amount);
        vm.prank(who);
    }

    /// @notice Moves `block.timestamp` forward by `time` seconds.
    function skip(uint256 time) internal {
        vm.warp(vm.getBlockTimestamp() + time);
    }

    // ------------------------------------------------------------------------------------------ invariant targets
    // Call these in setUp(). The runner reads them through the public views below.

    function targetContract(address newTargetedContract) internal {
        _targetedContracts.push(newTargetedContract);
    }

    function targetSelector(FuzzSelector memory newTargetedSelector) internal {
        _targetedSelectors.push(newTargetedSelector);
    }

    function targetSender(address newTargetedSender) internal {
        _targetedSenders.push(newTargetedSender);
    }

    function targetArtifact(string memory newTargetedArtifact) internal {
        _targetedArtifacts.push(newTargetedArtifact);
    }

    function targetArtifactSelector(FuzzArtifactSelector memory newTargetedArtifactSelector) internal {
        _targetedArtifactSelectors.push(newTargetedArtifactSelector);
    }

    function targetInterface(FuzzInterface memory newTargetedInterface) internal {
        _targetedInterfaces.push(newTargetedInterface);
    }

    function excludeContract(address newExcludedContract) internal {
        _excludedContracts.push(newExcludedContract);
    }

    function excludeSelector(FuzzSelector memory newExcludedSelector) internal {
        _excludedSelectors.push(newExcludedSelector);
    }

    function excludeSender(address newExcludedSender) internal {
        _excludedSenders.push(newExcludedSender);
    }

    function excludeArtifact(string memory newExcludedArtifact) internal {
        _excludedArtifacts.push(newExcludedArtifact);
    }

    // Read by the runner (EDR calls them by these exact signatures; do not rename or change return types).

    function targetContracts() public view returns (address[] memory) {
        return _targetedContracts;
    }

    function targetSelectors() public view returns (FuzzSelector[] memory) {
        return _targetedSelectors;
    }

    function targetSenders() public view returns (address[] memory) {
        return _targetedSenders;
    }

    function targetArtifacts() public view returns (string[] memory) {
        return _targetedArtifacts;
    }

    function targetArtifactSelectors() public view returns (FuzzArtifactSelector[] memory) {
        return _targetedArtifactSelectors;
    }

    function targetInterfaces() public view returns (FuzzInterface[] memory) {
        return _targetedInterfaces;
    }

    function excludeContracts() public view returns (address[] memory) {
        return _excludedContracts;
    }

    function excludeSelectors() public view returns (FuzzSelector[] memory) {
        return _excludedSelectors;
    }

    function excludeSenders() public view returns (address[] memory) {
        return _excludedSenders;
    }

    function excludeArtifacts() public view returns (string[] memory) {
        return _excludedArtifacts;
    }
}
