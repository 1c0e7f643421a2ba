// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IPool} from "../../contracts/interfaces/IPool.sol";
import {Claim, ClaimStatus} from "../../contracts/types/Claim.sol";
import {Rules} from "../../contracts/types/Rules.sol";
import {SeatStatus} from "../../contracts/types/Seat.sol";
import {ForceEther} from "../../contracts/test/ForceEther.sol";
import {MockERC20} from "../../contracts/test/MockERC20.sol";
import {Test} from "../utils/Test.sol";

/// @title PoolHandler
/// @notice Drives one pool (ETH, or an ERC-20 such as a fee-on-transfer token) through random calls of every
/// public transaction, by a fixed set of actors, for the invariant tests. Inputs are bounded so that most
/// calls mean something (amounts within what a line has left, claim and proposal ids that exist, the current
/// maintainer as the sender of maintainer actions most of the time); expected reverts are swallowed and
/// counted. Ghost variables record what was given, paid and reclaimed, the asset that entered and left, and
/// every claim with the line period it reserved in, so the invariants never trust the pool's own bookkeeping.
contract PoolHandler is Test {
    uint256 public constant ACTORS = 5;
    uint256 internal constant MAX_GIFT = 2 ether;
    uint256 internal constant MAX_STRAY = 10 ether;
    uint256 internal constant MAX_LINE_CAP = 20 ether;
    bytes4 internal constant PANIC = 0x4e487b71; // Panic(uint256)

    /// @dev A filed claim as the ghost ledger sees it. `key` names the (line, period length, period index)
    /// it reserved in.
    struct GhostClaim {
        uint256 amount;
        bytes32 key;
        bool paid;
        bool released;
    }

    /// @dev One line period that saw a claim: the largest cap in force at a filing, what is still reserved
    /// (filed, not cancelled or rejected) and what was paid.
    struct PeriodLedger {
        uint256 line;
        uint256 capMax;
        uint256 reserved;
        uint256 paid;
    }

    IPool public immutable pool;
    /// @dev The pool's token; address(0) for an ETH pool.
    MockERC20 public immutable token;
    address public immutable vendor;
    address[] internal _actors;

    // ---------------------------------------------------------------- ghosts: money

    /// @notice Credited to the ledger: gifts (what arrived) and sweeps.
    uint256 public ghostGiven;
    uint256 public ghostPaid;
    uint256 public ghostReclaimed;
    /// @notice Asset that reached the pool (gifts, stray transfers, forced ETH) and that left it.
    uint256 public ghostAssetIn;
    uint256 public ghostAssetOut;
    mapping(address contributor => uint256) public ghostGivenBy;
    uint256 public ghostGivenByContributors;

    // ---------------------------------------------------------------- ghosts: claims and wind-down

    GhostClaim[] internal _claims;
    bytes32[] internal _periodKeys;
    mapping(bytes32 key => PeriodLedger) internal _periods;
    mapping(bytes32 key => bool) internal _knownPeriod;

    bool public ghostWoundDown;
    uint256 public ghostLeft;
    uint256 public ghostPaidAtWindDown;
    mapping(address contributor => bool) public ghostReclaimedBy;

    // ---------------------------------------------------------------- violations seen by the handler

    uint256 public paidTwice;
    uint256 public paidAfterWindDown;
    uint256 public wrongTransfers; // the asset held moved by something else than the amount paid or reclaimed
    uint256 public wrongReclaims; // a reclaim paid something else than left * given / totalGiven
    uint256 public reclaimedTwice;
    uint256 public wrongLeft; // left at wind-down differs from the ledger just before
    uint256 public wrongClaimIds;
    uint256 public panics;
    string public lastPanic;
    uint256 public lastPanicCode;

    // ---------------------------------------------------------------- call statistics

    uint256 public calls;
    uint256 public succeeded;
    uint256 public reverted;
    mapping(bytes32 action => uint256) public okCount;
    mapping(bytes32 action => uint256) public revertCount;

    constructor(IPool pool_, MockERC20 token_) {
        pool = pool_;
        token = token_;
        vendor = makeAddr("vendor");
        _actors.push(makeAddr("maya"));
        _actors.push(makeAddr("noor"));
        _actors.push(makeAddr("olu"));
        _actors.push(makeAddr("pia"));
        _actors.push(makeAddr("quin"));
    }

    // ---------------------------------------------------------------- views for the invariants

    function actors() external view returns (address[] memory) {
        return _actors;
    }

    function claimCount() external view returns (uint256) {
        return _claims.length;
    }

    function claimAt(uint256 id) external view returns (GhostClaim memory) {
        return _claims[id];
    }

    function periodCount() external view returns (uint256) {
        return _periodKeys.length;
    }

    function periodAt(uint256 i) external view returns (PeriodLedger memory) {
        return _periods[_periodKeys[i]];
    }

    /// @notice What the pool holds of its asset.
    function held() public view returns (uint256) {
        return address(token) == address(0) ? address(pool).balance : token.balanceOf(address(pool));
    }

    // ---------------------------------------------------------------- giving

    /// @notice A gift by an actor, 1 wei to `MAX_GIFT`.
    function give(uint256 actorSeed, uint256 amount) public {
        address actor = _actor(actorSeed);
        amount = _amount(amount, MAX_GIFT);
        uint256 before = held();
        if (address(token) == address(0)) {
            vm.deal(actor, actor.balance + amount);
            vm.prank(actor);
            try pool.give{value: amount}(amount) {
                _gave(actor, held() - before);
                _ok("give");
            } catch (bytes memory reason) {
                _reverted("give", reason);
            }
        } else {
            token.mint(actor, amount);
            vm.prank(actor);
            token.approve(address(pool), amount);
            vm.prank(actor);
            try pool.give(amount) {
                _gave(actor, held() - before);
                _ok("give");
            } catch (bytes memory reason) {
                _reverted("give", reason);
            }
        }
    }

    /// @notice ETH pool: a plain transfer to the pool's address (`receive()` makes it a gift). ERC-20 pool: a
    /// plain token transfer, which is stray funds until swept.
    function send(uint256 actorSeed, uint256 amount) external {
        address actor = _actor(actorSeed);
        amount = _amount(amount, MAX_GIFT);
        uint256 before = held();
        if (address(token) == address(0)) {
            vm.deal(actor, actor.balance + amount);
            vm.prank(actor);
            (bool ok, bytes memory reason) = address(pool).call{value: amount}("");
            if (ok) {
                _gave(actor, held() - before);
                _ok("send");
            } else {
                _reverted("send", reason);
            }
        } else {
            token.mint(actor, amount);
            vm.prank(actor);
            token.transfer(address(pool), amount);
            ghostAssetIn += held() - before;
            _ok("send");
        }
    }

    /// @notice Stray funds no `receive` can refuse: forced ETH (SELFDESTRUCT), or tokens minted to the pool.
    function forceFunds(uint256 amount) external {
        amount = _amount(amount, MAX_STRAY);
        uint256 before = held();
        if (address(token) == address(0)) {
            vm.deal(address(this), address(this).balance + amount);
            new ForceEther{value: amount}(payable(address(pool)));
        } else {
            token.mint(address(pool), amount);
        }
        ghostAssetIn += held() - before;
        _ok("forceFunds");
    }

    function sweep(uint256 actorSeed) external {
        vm.prank(_actor(actorSeed));
        try pool.sweep() returns (uint256 amount) {
            ghostGiven += amount;
            _ok("sweep");
        } catch (bytes memory reason) {
            _reverted("sweep", reason);
        }
    }

    // ---------------------------------------------------------------- claims

    /// @notice The maintainer (mostly) files a claim: usually within what the line has left, sometimes exactly
    /// it, one wei more, or against a line that does not exist.
    function fileClaim(uint256 lineSeed, uint256 amount, uint256 payeeSeed, uint256 senderSeed) external {
        uint256 lineCount = pool.lineCount();
        uint256 line = lineSeed % 8 == 0 ? lineCount : lineSeed % lineCount;
        uint256 cap;
        uint256 period;
        uint256 left;
        if (line < lineCount) (, cap, period,, left,) = pool.budgetLine(line);
        uint256 pick = amount % 8;
        if (pick == 0) amount = left == 0 ? 1 : left;
        else if (pick == 1) amount = left + 1;
        else amount = _amount(amount, left == 0 ? 1 : left);
        address payee = payeeSeed % 3 == 0 ? vendor : _actor(payeeSeed / 3);
        address sender = _maintainerOr(senderSeed);
        bytes32 key = line < lineCount ? _periodKey(line, period) : bytes32(0);

        vm.prank(sender);
        try pool.fileClaim(line, amount, payee, keccak256(abi.encode(_claims.length)), "ipfs://receipt") returns (
            uint256 id
        ) {
            if (id != _claims.length) ++wrongClaimIds;
            _claims.push(GhostClaim({amount: amount, key: key, paid: false, released: false}));
            PeriodLedger storage p = _periods[key];
            if (!_knownPeriod[key]) {
                _knownPeriod[key] = true;
                _periodKeys.push(key);
                p.line = line;
            }
            if (cap > p.capMax) p.capMax = cap;
            p.reserved += amount;
            _ok("fileClaim");
        } catch (bytes memory reason) {
            _reverted("fileClaim", reason);
        }
    }

    /// @notice An actor objects to a claim with their matured weight.
    function object(uint256 actorSeed, uint256 claimSeed) external {
        uint256 id = _pickClaim(claimSeed);
        vm.prank(_actor(actorSeed));
        try pool.object(id) {
            (, ClaimStatus status) = pool.claim(id);
            if (status == ClaimStatus.Rejected) _release(id);
            _ok("object");
        } catch (bytes memory reason) {
            _reverted("object", reason);
        }
    }

    /// @notice Anyone pays a claim (a pending one whose window passed, most of the time; sometimes any id,
    /// paid ones included).
    function payClaim(uint256 claimSeed) external {
        uint256 id = _pickClaim(claimSeed);
        (Claim memory c,) = pool.claim(id);
        (SeatStatus seatBefore,,) = pool.seat();
        uint256 before = held();
        try pool.payClaim(id) {
            uint256 amount = c.amount;
            if (before - held() != amount) ++wrongTransfers;
            if (id < _claims.length) {
                GhostClaim storage g = _claims[id];
                if (g.paid) ++paidTwice;
                g.paid = true;
                _periods[g.key].paid += amount;
            }
            if (seatBefore == SeatStatus.WoundDown || ghostWoundDown) ++paidAfterWindDown;
            ghostPaid += amount;
            ghostAssetOut += amount;
            _ok("payClaim");
        } catch (bytes memory reason) {
            _reverted("payClaim", reason);
        }
    }

    function cancelClaim(uint256 claimSeed, uint256 senderSeed) external {
        uint256 id = _pickClaim(claimSeed);
        vm.prank(_maintainerOr(senderSeed));
        try pool.cancelClaim(id) {
            _release(id);
            _ok("cancelClaim");
        } catch (bytes memory reason) {
            _reverted("cancelClaim", reason);
        }
    }

    // ---------------------------------------------------------------- changes

    /// @notice Proposes to change a line (its cap, or its period: 1 hour to 30 days), to close it (cap 0), or
    /// to add one.
    function proposeBudgetChange(uint256 lineSeed, uint256 cap, uint256 periodSeed, uint256 senderSeed) external {
        uint256 line = lineSeed % (pool.lineCount() + 1);
        cap = cap % 6 == 0 ? 0 : _amount(cap, MAX_LINE_CAP);
        uint64[5] memory periods = [uint64(1 hours), 1 days, 2 days, 7 days, 30 days];
        uint64 period = periods[periodSeed % 5];
        vm.prank(_maintainerOr(senderSeed));
        try pool.proposeBudgetChange(line, "line", cap, period) {
            _ok("proposeBudgetChange");
        } catch (bytes memory reason) {
            _reverted("proposeBudgetChange", reason);
        }
    }

    /// @notice Proposes new rules within ranges that keep the campaign lively (delays of hours to days).
    function proposeRulesChange(uint256 seed, uint256 senderSeed) external {
        Rules memory r = Rules({
            claimDelay: uint32(bound(uint16(seed), 1 hours, 2 days)),
            ruleChangeDelay: uint32(bound(uint16(seed >> 16), 1 hours, 2 days)),
            inactivityPeriod: uint32(bound(uint24(seed >> 32), 1 days, 20 days)),
            vacancyPeriod: uint32(bound(uint24(seed >> 56), 2 days, 5 days)), // at least two 1-day epochs
            objectionQuorumBps: uint16(bound(uint16(seed >> 80), 1, 10_000)),
            electionQuorumBps: uint16(bound(uint16(seed >> 96), 1, 10_000)),
            recallThresholdBps: uint16(bound(uint16(seed >> 112), 1, 10_000))
        });
        vm.prank(_maintainerOr(senderSeed));
        try pool.proposeRulesChange(r) {
            _ok("proposeRulesChange");
        } catch (bytes memory reason) {
            _reverted("proposeRulesChange", reason);
        }
    }

    function applyChange(uint256 proposalSeed) external {
        uint256 id = proposalSeed % (pool.proposalCount() + 1);
        try pool.applyChange(id) {
            _ok("applyChange");
        } catch (bytes memory reason) {
            _reverted("applyChange", reason);
        }
    }

    function cancelChange(uint256 proposalSeed, uint256 senderSeed) external {
        uint256 id = proposalSeed % (pool.proposalCount() + 1);
        vm.prank(_maintainerOr(senderSeed));
        try pool.cancelChange(id) {
            _ok("cancelChange");
        } catch (bytes memory reason) {
            _reverted("cancelChange", reason);
        }
    }

    function objectToChange(uint256 actorSeed, uint256 proposalSeed) external {
        uint256 id = proposalSeed % (pool.proposalCount() + 1);
        vm.prank(_actor(actorSeed));
        try pool.objectToChange(id) {
            _ok("objectToChange");
        } catch (bytes memory reason) {
            _reverted("objectToChange", reason);
        }
    }

    // ---------------------------------------------------------------- the seat

    function heartbeat(uint256 senderSeed) external {
        vm.prank(_maintainerOr(senderSeed));
        try pool.heartbeat() {
            _ok("heartbeat");
        } catch (bytes memory reason) {
            _reverted("heartbeat", reason);
        }
    }

    /// @notice The maintainer steps down one time in four (else someone who is not the maintainer tries): a
    /// seat left too often would leave little time for claims.
    function stepDown(uint256 senderSeed) external {
        vm.prank(senderSeed % 4 == 0 ? _maintainerOr(senderSeed / 4) : _notMaintainer(senderSeed / 4));
        try pool.stepDown() {
            _ok("stepDown");
        } catch (bytes memory reason) {
            _reverted("stepDown", reason);
        }
    }

    function petitionRecall(uint256 actorSeed) external {
        vm.prank(_actor(actorSeed));
        try pool.petitionRecall() {
            _ok("petitionRecall");
        } catch (bytes memory reason) {
            _reverted("petitionRecall", reason);
        }
    }

    function callElection(uint256 actorSeed) external {
        vm.prank(_actor(actorSeed));
        try pool.callElection() {
            _ok("callElection");
        } catch (bytes memory reason) {
            _reverted("callElection", reason);
        }
    }

    /// @notice An actor nominates an actor or the vendor.
    function nominate(uint256 actorSeed, uint256 candidateSeed) external {
        address candidate = candidateSeed % (ACTORS + 1) == ACTORS ? vendor : _actor(candidateSeed);
        vm.prank(_actor(actorSeed));
        try pool.nominate(candidate) {
            _ok("nominate");
        } catch (bytes memory reason) {
            _reverted("nominate", reason);
        }
    }

    /// @notice An actor votes, mostly for a nominated candidate (the first one from `candidateSeed` on).
    function vote(uint256 actorSeed, uint256 candidateSeed) external {
        (uint256 electionId,,,,,) = pool.election();
        address candidate = _actor(candidateSeed);
        if (candidateSeed % 4 != 0) {
            for (uint256 k; k <= ACTORS; ++k) {
                uint256 i = (candidateSeed + k) % (ACTORS + 1);
                address who = i == ACTORS ? vendor : _actors[i];
                (bool nominated,) = pool.candidate(electionId, who);
                if (nominated) {
                    candidate = who;
                    break;
                }
            }
        }
        vm.prank(_actor(actorSeed));
        try pool.vote(candidate) {
            _ok("vote");
        } catch (bytes memory reason) {
            _reverted("vote", reason);
        }
    }

    function finalizeElection() external {
        try pool.finalizeElection() {
            _ok("finalizeElection");
        } catch (bytes memory reason) {
            _reverted("finalizeElection", reason);
        }
    }

    // ---------------------------------------------------------------- wind-down

    function windDown(uint256 actorSeed) external {
        uint256 ledger = ghostGiven - ghostPaid - ghostReclaimed;
        vm.prank(_actor(actorSeed));
        try pool.windDown() {
            ghostWoundDown = true;
            (ghostLeft,) = pool.windDownState();
            if (ghostLeft != ledger) ++wrongLeft;
            ghostPaidAtWindDown = ghostPaid;
            _ok("windDown");
        } catch (bytes memory reason) {
            _reverted("windDown", reason);
        }
    }

    function reclaim(uint256 actorSeed) external {
        address actor = _actor(actorSeed);
        uint256 expected =
            ghostGivenByContributors == 0 ? 0 : ghostLeft * ghostGivenBy[actor] / ghostGivenByContributors;
        uint256 before = held();
        vm.prank(actor);
        try pool.reclaim() returns (uint256 amount) {
            if (!ghostWoundDown || amount != expected) ++wrongReclaims;
            if (ghostReclaimedBy[actor]) ++reclaimedTwice;
            if (before - held() != amount) ++wrongTransfers;
            ghostReclaimedBy[actor] = true;
            ghostReclaimed += amount;
            ghostAssetOut += amount;
            _ok("reclaim");
        } catch (bytes memory reason) {
            _reverted("reclaim", reason);
        }
    }

    // ---------------------------------------------------------------- time

    /// @notice Moves the clock: a few hours, exactly to the next epoch boundary, one second before it, exactly
    /// to line 0's next period boundary, past the claim delay, or several days.
    function warp(uint256 kind, uint256 secondsSeed) external {
        uint256 nowAt = vm.getBlockTimestamp();
        uint256 genesis = pool.genesis();
        uint256 epochLength = pool.epochLength();
        uint256 nextEpoch = genesis + ((nowAt - genesis) / epochLength + 1) * epochLength;
        kind %= 6;
        uint256 target = nowAt;
        if (kind == 0) {
            target = nowAt + secondsSeed % 6 hours;
        } else if (kind == 1) {
            target = nextEpoch;
        } else if (kind == 2) {
            target = nextEpoch - 1 > nowAt ? nextEpoch - 1 : nextEpoch;
        } else if (kind == 3) {
            (,,,,, uint256 nextReset) = pool.budgetLine(0);
            target = nextReset;
        } else if (kind == 4) {
            target = nowAt + pool.rules().claimDelay;
        } else {
            target = nowAt + secondsSeed % 10 days;
        }
        vm.warp(target);
        _ok("warp");
    }

    // ---------------------------------------------------------------- internal

    function _actor(uint256 seed) internal view returns (address) {
        return _actors[seed % ACTORS];
    }

    /// @dev The current maintainer seven times in eight (when there is one); otherwise an actor.
    function _maintainerOr(uint256 seed) internal view returns (address) {
        address m = pool.maintainer();
        if (m != address(0) && seed % 8 != 0) return m;
        return _actor(seed / 8);
    }

    /// @dev An actor other than the maintainer.
    function _notMaintainer(uint256 seed) internal view returns (address who) {
        who = _actor(seed);
        if (who == pool.maintainer()) who = _actor(seed + 1);
    }

    /// @dev 1 wei to `max`: half the time uniformly, half the time log-uniformly (so wei amounts come up too).
    function _amount(uint256 seed, uint256 max) internal pure returns (uint256) {
        uint256 shift = uint8(seed >> 248);
        uint256 upper = shift < 128 ? max : max >> (shift % 64);
        return bound(seed, 1, upper == 0 ? 1 : upper);
    }

    /// @dev A claim id: two times in three the first claim from the seed on that the ghost ledger sees as
    /// neither paid nor released; otherwise any id, paid ones and one past the last included.
    function _pickClaim(uint256 seed) internal view returns (uint256) {
        uint256 count = _claims.length;
        if (count == 0) return 0;
        if (seed % 3 != 0) {
            for (uint256 k; k < count; ++k) {
                uint256 id = (seed / 3 + k) % count;
                if (!_claims[id].paid && !_claims[id].released) return id;
            }
        }
        return (seed / 3) % (count + 1);
    }

    function _periodKey(uint256 line, uint256 period) internal view returns (bytes32) {
        uint256 index = (vm.getBlockTimestamp() - pool.genesis()) / period;
        return keccak256(abi.encode(line, period, index));
    }

    function _release(uint256 id) internal {
        if (id >= _claims.length) return;
        GhostClaim storage g = _claims[id];
        if (g.released || g.paid) return;
        g.released = true;
        _periods[g.key].reserved -= g.amount;
    }

    function _gave(address actor, uint256 arrived) internal {
        ghostGiven += arrived;
        ghostAssetIn += arrived;
        ghostGivenBy[actor] += arrived;
        ghostGivenByContributors += arrived;
    }

    function _ok(bytes32 action) internal {
        ++calls;
        ++succeeded;
        ++okCount[action];
    }

    /// @dev Swallows an expected revert and counts it; a Panic (arithmetic, division by zero...) is never
    /// expected from the pool and is recorded for the invariants.
    function _reverted(bytes32 action, bytes memory reason) internal {
        ++calls;
        ++reverted;
        ++revertCount[action];
        if (reason.length == 36 && bytes4(reason) == PANIC) {
            ++panics;
            lastPanic = string(abi.encodePacked(action));
            uint256 code;
            // Reads the word after the selector; `reason` is a bytes array of 36 bytes.
            assembly ("memory-safe") {
                code := mload(add(reason, 36))
            }
            lastPanicCode = code;
        }
    }
}
