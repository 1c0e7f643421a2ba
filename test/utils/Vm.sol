// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @dev Where the Solidity test runner (Hardhat 3's EDR, like Foundry) intercepts cheatcode calls:
/// `address(uint160(uint256(keccak256("hevm cheat code"))))`.
address constant VM_ADDRESS = 0x7109709ECfa91a80626fF3989D68f67F5b1DD12D;

/// @title Vm
/// @notice The cheatcodes our Solidity tests use, a subset of forge-std's `Vm` with the same signatures
/// (a cheatcode is matched by its selector, so a signature must be exact). Every declaration below is
/// one that the installed EDR declares and Hardhat does not list as unsupported.
/// @dev forge-std is not installable here, hence this file. Add a cheatcode by copying its declaration
/// from forge-std's `Vm.sol` or the Hardhat cheatcode reference, never by guessing its parameter types.
// solhint-disable-next-line interface-starts-with-i, -- forge-std's name, so tests read like forge-std's
interface Vm {
    /// @notice A log captured between `recordLogs()` and `getRecordedLogs()`.
    struct Log {
        bytes32[] topics;
        bytes data;
        address emitter;
    }

    // ---------------------------------------------------------------- block and transaction environment

    /// @notice Sets `block.timestamp`.
    function warp(uint256 newTimestamp) external;
    /// @notice Sets `block.number`.
    function roll(uint256 newHeight) external;
    /// @notice Sets `block.basefee`.
    function fee(uint256 newBasefee) external;
    /// @notice Sets `block.chainid`.
    function chainId(uint256 newChainId) external;
    /// @notice Sets `tx.gasprice` for the rest of the transaction.
    function txGasPrice(uint256 newGasPrice) external;
    /// @notice `block.timestamp`, read in a way the optimizer cannot fold across a `warp`.
    function getBlockTimestamp() external view returns (uint256 timestamp);
    /// @notice `block.number`, read in a way the optimizer cannot fold across a `roll`.
    function getBlockNumber() external view returns (uint256 height);

    // ---------------------------------------------------------------- callers

    /// @notice Sets `msg.sender` for the next call only.
    function prank(address msgSender) external;
    /// @notice Sets `msg.sender` and `tx.origin` for the next call only.
    function prank(address msgSender, address txOrigin) external;
    /// @notice Sets `msg.sender` for every call until `stopPrank`.
    function startPrank(address msgSender) external;
    /// @notice Sets `msg.sender` and `tx.origin` for every call until `stopPrank`.
    function startPrank(address msgSender, address txOrigin) external;
    /// @notice Ends a `startPrank`.
    function stopPrank() external;

    // ---------------------------------------------------------------- accounts and state

    /// @notice Sets the ETH balance of `account` (not a token balance).
    function deal(address account, uint256 newBalance) external;
    /// @notice Replaces the runtime code of `target`.
    function etch(address target, bytes calldata newRuntimeBytecode) external;
    /// @notice Writes a storage slot of `target`.
    function store(address target, bytes32 slot, bytes32 value) external;
    /// @notice Reads a storage slot of `target`.
    function load(address target, bytes32 slot) external view returns (bytes32 data);
    /// @notice Nonce of `account`.
    function getNonce(address account) external view returns (uint64 nonce);
    /// @notice Sets the nonce of `account` (only upwards).
    function setNonce(address account, uint64 newNonce) external;
    /// @notice Snapshots the whole EVM state.
    function snapshotState() external returns (uint256 snapshotId);
    /// @notice Returns to a snapshot taken with `snapshotState`.
    function revertToState(uint256 snapshotId) external returns (bool success);

    // ---------------------------------------------------------------- keys, signatures, labels

    /// @notice Address of the private key `privateKey`.
    function addr(uint256 privateKey) external pure returns (address keyAddr);
    /// @notice Signs `digest` with `privateKey` (secp256k1), e.g. an EIP-2612 permit digest.
    function sign(uint256 privateKey, bytes32 digest) external pure returns (uint8 v, bytes32 r, bytes32 s);
    /// @notice Names `account` in traces and failure messages.
    function label(address account, string calldata newLabel) external;
    /// @notice Address a `CREATE` by `deployer` at `nonce` would get.
    function computeCreateAddress(address deployer, uint256 nonce) external pure returns (address);

    // ---------------------------------------------------------------- expectations

    /// @notice The next call must revert, with any data.
    function expectRevert() external;
    /// @notice The next call must revert with exactly these 4 bytes: a custom error without arguments.
    /// For an error with arguments use `expectRevert(abi.encodeWithSelector(...))` or `expectPartialRevert`.
    function expectRevert(bytes4 revertData) external;
    /// @notice The next call must revert with exactly `revertData` (an encoded error, or a reason string).
    function expectRevert(bytes calldata revertData) external;
    /// @notice The next call must revert with exactly `revertData`, and the revert must come from `reverter`.
    function expectRevert(bytes calldata revertData, address reverter) external;
    /// @notice The next call must revert with a custom error of this selector, whatever its arguments.
    function expectPartialRevert(bytes4 revertData) external;
    /// @notice The next emitted event must match the one the test emits next: topic 0 always, then
    /// topics 1 to 3 and the data as flagged.
    function expectEmit(bool checkTopic1, bool checkTopic2, bool checkTopic3, bool checkData) external;
    /// @notice As above, and the event must come from `emitter`.
    function expectEmit(bool checkTopic1, bool checkTopic2, bool checkTopic3, bool checkData, address emitter)
        external;
    /// @notice The next emitted event must match the one the test emits next, in every topic and its data.
    function expectEmit() external;
    /// @notice As above, and the event must come from `emitter`.
    function expectEmit(address emitter) external;
    /// @notice The next calls must include a call to `callee` with calldata starting with `data`.
    function expectCall(address callee, bytes calldata data) external;
    /// @notice As above, with `msgValue` attached.
    function expectCall(address callee, uint256 msgValue, bytes calldata data) external;
    /// @notice Calls to `callee` whose calldata starts with `data` return `returnData` instead.
    function mockCall(address callee, bytes calldata data, bytes calldata returnData) external;
    /// @notice Removes every `mockCall`.
    function clearMockedCalls() external;

    // ---------------------------------------------------------------- fuzzing

    /// @notice Discards the current fuzz input when `condition` is false (prefer `bound`: too many
    /// discards abort the test).
    function assume(bool condition) external pure;
    /// @notice Discards the current fuzz input if the next call reverts.
    function assumeNoRevert() external pure;

    // ---------------------------------------------------------------- logs

    /// @notice Starts capturing emitted logs.
    function recordLogs() external;
    /// @notice Logs captured since `recordLogs()` (or the last `getRecordedLogs()`), and clears them.
    function getRecordedLogs() external returns (Log[] memory logs);

    // ---------------------------------------------------------------- strings

    function toString(address value) external pure returns (string memory stringifiedValue);
    function toString(bytes32 value) external pure returns (string memory stringifiedValue);
    function toString(bytes calldata value) external pure returns (string memory stringifiedValue);
    function toString(bool value) external pure returns (string memory stringifiedValue);
    function toString(uint256 value) external pure returns (string memory stringifiedValue);
    function toString(int256 value) external pure returns (string memory stringifiedValue);

    // ---------------------------------------------------------------- assertions
    // The runner formats their failure message with both values ("<error>: 1 != 2"); Test wraps them.

    function assertTrue(bool condition, string calldata error) external pure;
    function assertFalse(bool condition, string calldata error) external pure;
    function assertEq(bool left, bool right, string calldata error) external pure;
    function assertEq(uint256 left, uint256 right, string calldata error) external pure;
    function assertEq(int256 left, int256 right, string calldata error) external pure;
    function assertEq(address left, address right, string calldata error) external pure;
    function assertEq(bytes32 left, bytes32 right, string calldata error) external pure;
    function assertEq(string calldata left, string calldata right, string calldata error) external pure;
    function assertEq(bytes calldata left, bytes calldata right, string calldata error) external pure;
    function assertNotEq(uint256 left, uint256 right, string calldata error) external pure;
    function assertNotEq(address left, address right, string calldata error) external pure;
    function assertNotEq(bytes32 left, bytes32 right, string calldata error) external pure;
    function assertGt(uint256 left, uint256 right, string calldata error) external pure;
    function assertGt(int256 left, int256 right, string calldata error) external pure;
    function assertGe(uint256 left, uint256 right, string calldata error) external pure;
    function assertGe(int256 left, int256 right, string calldata error) external pure;
    function assertLt(uint256 left, uint256 right, string calldata error) external pure;
    function assertLt(int256 left, int256 right, string calldata error) external pure;
    function assertLe(uint256 left, uint256 right, string calldata error) external pure;
    function assertLe(int256 left, int256 right, string calldata error) external pure;
    function assertApproxEqAbs(uint256 left, uint256 right, uint256 maxDelta, string calldata error) external pure;
    function assertApproxEqAbs(int256 left, int256 right, uint256 maxDelta, string calldata error) external pure;
    function assertApproxEqRel(uint256 left, uint256 right, uint256 maxPercentDelta, string calldata error)
        external
        pure;
}
