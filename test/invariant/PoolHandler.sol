// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IPool, IPoolBudget} from "../../contracts/interfaces/IPool.sol";
import {BudgetLine} from "../../contracts/types/BudgetLine.sol";
import {ClaimStatus} from "../../contracts/types/Claim.sol";
import {Config} from "../../contracts/types/Config.sol";
import {ElectionPhase} from "../../contracts/types/Election.sol";
import {ProposalKind, ProposalStatus} from "../../contracts/types/Proposal.sol";
import {PledgeStatus} from "../../contracts/types/Recurring.sol";
import {Rules} from "../../contracts/types/Rules.sol";
import {SeatStatus} from "../../contracts/types/Seat.sol";
import {Weighting} from "../../contracts/types/Weighting.sol";
import {ForceEther} from "../../contracts/test/ForceEther.sol";
import {MockERC20} from "../../contracts/test/MockERC20.sol";
import {PoolModel} from "./PoolModel.sol";

/// @title PoolHandler
/// @notice Drives one pool (ETH, or an ERC-20 such as a fee-on-transfer token) through random calls of every
/// state-changing function of `IPool`, by five actors (each an address with a known key, so they can sign
/// permits), a vendor who is only ever paid, and the keeper the runner sends from. Inputs are bounded so that
/// most calls mean something (amounts within what a line has left, ids that exist, the current maintainer as
/// the sender of maintainer actions most of the time).
/// @dev For each call the model (`PoolModel`) first says whether the rules allow it; a call the pool decides
/// otherwise is recorded as a violation of its topic, and so is an outcome that differs from the rules (a
/// payout of another amount, a reclaim that is not the pro-rata share...). Only after a call the pool
/// accepted is the model moved on. Refusals are swallowed and counted; a Panic is never expected.
contract PoolHandler is PoolModel {
    /// @dev The period length a line's round trip comes back to, once its first leg is applied (0: none).
    mapping(uint256 line => uint64 length) internal _roundTripFrom;

    uint256 internal constant MAX_GIFT = 2 ether;
    uint256 internal constant MAX_STRAY = 10 ether;
    uint256 internal constant MAX_LINE_CAP = 20 ether;
    uint256 internal constant MAX_ORDER = 0.5 ether;
    uint256 internal constant MAX_PLEDGE = 1 ether;
    bytes4 internal constant PANIC = 0x4e487b71; // Panic(uint256)
    bytes32 internal constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");

    // ---------------------------------------------------------------- panics and call statistics

    uint256 public panics;
    string public lastPanic;
    uint256 public lastPanicCode;

    uint256 public calls;
    uint256 public succeeded;
    uint256 public reverted;
    mapping(bytes32 action => uint256) public okCount;
    mapping(bytes32 action => uint256) public revertCount;
    bytes32[] internal _actionNames;
    mapping(bytes32 action => bool) internal _knownAction;

    constructor(IPool pool_, MockERC20 token_, uint256 feeBps_, Config memory config, BudgetLine[] memory lines)
        PoolModel(pool_, token_, feeBps_, config, lines)
    {}

    /// @notice What the pool holds of its asset.
    function held() public view returns (uint256) {
        return address(token) == address(0) ? address(pool).balance : token.balanceOf(address(pool));
    }

    /// @notice Successful and refused calls per action, in one line (for reading a campaign's coverage).
    function summary() external view returns (string memory s) {
        for (uint256 i; i < _actionNames.length; ++i) {
            bytes32 a = _actionNames[i];
            s = string.concat(
                s, _name(a), " ", vm.toString(okCount[a]), "/", vm.toString(okCount[a] + revertCount[a]), "; "
            );
        }
    }

    // ---------------------------------------------------------------- giving

    /// @notice A gift by an actor, 1 wei to `MAX_GIFT`. A token gift raises the actor's allowance by the
    /// amount, so a standing order's allowance survives it.
    function give(uint256 actorSeed, uint256 amount) public {
        address actor = _actor(actorSeed);
        amount = _amount(amount, MAX_GIFT);
        uint256 before = held();
        uint256 balanceBefore = _balanceOf(actor) + amount;
        bool ok;
        bytes memory reason;
        if (address(token) == address(0)) {
            vm.deal(actor, actor.balance + amount);
            vm.prank(actor);
            try pool.give{value: amount}(amount) {
                ok = true;
            } catch (bytes memory r) {
                reason = r;
            }
        } else {
            token.mint(actor, amount);
            _approve(actor, token.allowance(actor, address(pool)) + amount);
            vm.prank(actor);
            try pool.give(amount) {
                ok = true;
            } catch (bytes memory r) {
                reason = r;
            }
        }
        _done("give", "ledger", !ghostWoundDown, ok, reason);
        if (ok) _received(actor, amount, before, balanceBefore);
    }

    /// @notice ETH pool: a plain transfer to the pool's address (`receive()` makes it a gift). ERC-20 pool: a
    /// plain token transfer, which is stray funds until swept.
    function send(uint256 actorSeed, uint256 amount) external {
        address actor = _actor(actorSeed);
        amount = _amount(amount, MAX_GIFT);
        uint256 before = held();
        if (address(token) == address(0)) {
            vm.deal(actor, actor.balance + amount);
            uint256 balanceBefore = actor.balance;
            vm.prank(actor);
            (bool ok, bytes memory reason) = address(pool).call{value: amount}("");
            _done("send", "ledger", !ghostWoundDown, ok, reason);
            if (ok) _received(actor, amount, before, balanceBefore);
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

    /// @notice Anyone sweeps stray funds into the ledger: exactly what is held above it.
    function sweep(uint256 actorSeed) external {
        uint256 stray = held() > ghostLedger() ? held() - ghostLedger() : 0;
        uint256 amount;
        bool ok;
        bytes memory reason;
        vm.prank(_actor(actorSeed));
        try pool.sweep() returns (uint256 a) {
            ok = true;
            amount = a;
        } catch (bytes memory r) {
            reason = r;
        }
        _done("sweep", "ledger", !ghostWoundDown && stray != 0, ok, reason);
        if (!ok) return;
        if (amount != stray) _violation("ledger", "sweep took something else than the asset held above the ledger");
        ghostGiven += amount;
        ghostSwept += amount;
    }

    /// @notice A token gift with an EIP-2612 permit signed by the actor's key: a fresh permit, one a front-runner
    /// already used (the allowance is there: the gift goes on), an expired one, or one signed by someone else
    /// (the last two go on only if an allowance was already there).
    function giveWithPermit(uint256 actorSeed, uint256 amount, uint256 kind) external {
        address actor = _actor(actorSeed);
        amount = _amount(amount, MAX_GIFT);
        bool ok;
        bytes memory reason;
        if (address(token) == address(0)) {
            vm.prank(actor);
            try pool.giveWithPermit(amount, 0, 0, 0, 0) {
                ok = true;
            } catch (bytes memory rr) {
                reason = rr;
            }
            _done("giveWithPermit", "ledger", false, ok, reason);
            return;
        }
        kind %= 4;
        token.mint(actor, amount);
        uint256 deadline = kind == 2 ? _now() - 1 : _now() + 1 hours;
        uint256 key = kind == 3 ? _keyOf[_actor(actorSeed + 1)] : _keyOf[actor];
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, _permitDigest(actor, amount, deadline));
        if (kind == 1) token.permit(actor, address(pool), amount, deadline, v, r, s); // a front-runner's copy
        bool expected = !ghostWoundDown && (kind <= 1 || token.allowance(actor, address(pool)) >= amount);
        uint256 before = held();
        uint256 balanceBefore = token.balanceOf(actor);
        vm.prank(actor);
        try pool.giveWithPermit(amount, deadline, v, r, s) {
            ok = true;
        } catch (bytes memory failure) {
            reason = failure;
        }
        _done("giveWithPermit", "ledger", expected, ok, reason);
        if (ok) _received(actor, amount, before, balanceBefore);
    }

    // ---------------------------------------------------------------- standing orders (token pools)

    /// @notice An actor sets up or replaces a standing order (1 hour to 7 days; now and then a period under an
    /// hour, which is refused), with balance and allowance for a few collections.
    function subscribe(uint256 actorSeed, uint256 amount, uint256 periodSeed) external {
        address actor = _actor(actorSeed);
        amount = _amount(amount, MAX_ORDER);
        uint64[5] memory periods = [uint64(1 hours), 6 hours, 1 days, 2 days, 7 days];
        uint64 period = periodSeed % 16 == 15 ? uint64(30 minutes) : periods[periodSeed % 5];
        if (address(token) != address(0)) _topUp(actor, amount * MAX_CATCH_UP * 4);
        bool ok;
        bytes memory reason;
        vm.prank(actor);
        try pool.subscribe(amount, period) {
            ok = true;
        } catch (bytes memory r) {
            reason = r;
        }
        _done("subscribe", "orders", address(token) != address(0) && !ghostWoundDown && period >= 1 hours, ok, reason);
        if (!ok) return;
        // A replaced order keeps its due date.
        GhostOrder storage o = _orders[actor];
        uint256 nextDue = o.amount == 0 ? _now() : o.nextDue;
        _orders[actor] =
            GhostOrder({amount: amount, period: period, nextDue: nextDue, segStart: nextDue, segPulled: 0});
    }

    function unsubscribe(uint256 actorSeed) external {
        address actor = _actor(actorSeed);
        bool ok;
        bytes memory reason;
        vm.prank(actor);
        try pool.unsubscribe() {
            ok = true;
        } catch (bytes memory r) {
            reason = r;
        }
        _done("unsubscribe", "orders", _orders[actor].amount != 0, ok, reason);
        if (ok) delete _orders[actor];
    }

    /// @notice Anyone collects an actor's (or the vendor's: none) standing order.
    function collect(uint256 donorSeed) external {
        address donor = _donor(donorSeed);
        (bool expected, uint256 due, uint256 pull) = _collectable(donor);
        uint256 before = held();
        uint256 balanceBefore = _balanceOf(donor);
        uint256 amount;
        bool ok;
        bytes memory reason;
        try pool.collect(donor) returns (uint256 a) {
            ok = true;
            amount = a;
        } catch (bytes memory r) {
            reason = r;
        }
        _done("collect", "orders", expected, ok, reason);
        if (!ok) return;
        uint256 arrived = held() - before;
        if (amount != arrived) _violation("orders", "collect returned something else than what arrived");
        _collected(donor, due, pull, balanceBefore - _balanceOf(donor), arrived);
    }

    /// @notice An actor tops up the balance and allowance behind their standing order, revokes the allowance,
    /// or spends their whole balance elsewhere (the last two make collections fail, and nothing else).
    function fundStandingOrder(uint256 actorSeed, uint256 kind) external {
        if (address(token) == address(0)) return;
        address actor = _actor(actorSeed);
        kind %= 4;
        if (kind <= 1) _topUp(actor, MAX_ORDER * MAX_CATCH_UP);
        else if (kind == 2) _approve(actor, 0);
        else token.burn(actor, token.balanceOf(actor));
        _ok("fundStandingOrder");
    }

    // ---------------------------------------------------------------- pledges

    /// @notice An actor pledges one to six periods of a capital good (now and then with no description: refused).
    function pledge(uint256 actorSeed, uint256 value, uint256 periodSeed, uint256 periodsSeed) external {
        address actor = _actor(actorSeed);
        value = _amount(value, MAX_PLEDGE);
        uint64[3] memory lengths = [uint64(1 days), 7 days, 30 days];
        uint64 period = lengths[periodSeed % 3];
        uint16 periods = uint16(1 + periodsSeed % 6);
        string memory description = periodsSeed % 16 == 15 ? "" : "build machine, 4 idle cores";
        uint256 id;
        bool ok;
        bytes memory reason;
        vm.prank(actor);
        try pool.pledge(description, value, period, periods) returns (uint256 i) {
            ok = true;
            id = i;
        } catch (bytes memory r) {
            reason = r;
        }
        _done("pledge", "pledges", !ghostWoundDown && bytes(description).length != 0, ok, reason);
        if (!ok) return;
        if (id != _pledges.length) _violation("pledges", "pledge ids count up from 0");
        _pledges.push(
            GhostPledge({
                pledger: actor,
                value: value,
                period: period,
                periods: periods,
                delivered: 0,
                status: PledgeStatus.Offered
            })
        );
    }

    function acceptPledge(uint256 pledgeSeed, uint256 senderSeed) external {
        _decidePledge(pledgeSeed, senderSeed, true);
    }

    function declinePledge(uint256 pledgeSeed, uint256 senderSeed) external {
        _decidePledge(pledgeSeed, senderSeed, false);
    }

    /// @notice The maintainer (mostly) records one to three delivered periods of a pledge.
    function recordDelivery(uint256 pledgeSeed, uint256 periodsSeed, uint256 senderSeed) external {
        uint256 id = _pickPledge(pledgeSeed, PledgeStatus.Accepted);
        uint16 periods = uint16(1 + periodsSeed % 3);
        address sender = _maintainerOr(senderSeed);
        bool expected = _activeMaintainer(sender) && id < _pledges.length
            && _pledges[id].status == PledgeStatus.Accepted && _pledges[id].delivered + periods <= _pledges[id].periods;
        bool ok;
        bytes memory reason;
        vm.prank(sender);
        try pool.recordDelivery(id, periods) {
            ok = true;
        } catch (bytes memory r) {
            reason = r;
        }
        _done("recordDelivery", "pledges", expected, ok, reason);
        if (!ok || !expected) return;
        GhostPledge storage p = _pledges[id];
        p.delivered += periods;
        if (p.delivered == p.periods) p.status = PledgeStatus.Completed;
        _delivered(p.pledger, p.value * periods);
        ghostLastActive = _now();
    }

    /// @notice The pledger (mostly; else another actor) withdraws a pledge.
    function withdrawPledge(uint256 pledgeSeed, uint256 senderSeed) external {
        uint256 id = _pickPledge(pledgeSeed, PledgeStatus.Offered);
        bool known = id < _pledges.length;
        address sender = known && senderSeed % 4 != 0 ? _pledges[id].pledger : _actor(senderSeed);
        bool expected = known && sender == _pledges[id].pledger
            && (_pledges[id].status == PledgeStatus.Offered || _pledges[id].status == PledgeStatus.Accepted);
        bool ok;
        bytes memory reason;
        vm.prank(sender);
        try pool.withdrawPledge(id) {
            ok = true;
        } catch (bytes memory r) {
            reason = r;
        }
        _done("withdrawPledge", "pledges", expected, ok, reason);
        if (ok && expected) _pledges[id].status = PledgeStatus.Withdrawn;
    }

    // ---------------------------------------------------------------- claims

    /// @notice The maintainer (mostly) files a claim: usually within what the line has left, sometimes exactly
    /// it, one wei more, or against a line that does not exist; usually under a receipt never filed, sometimes
    /// under an earlier claim's receipt or none (both refused: a receipt backs one claim, and a claim needs one).
    function fileClaim(uint256 lineSeed, uint256 amount, uint256 payeeSeed, uint256 senderSeed, uint256 receiptSeed)
        external
    {
        uint256 count = _lines.length;
        uint256 line = lineSeed % 8 == 0 ? count : lineSeed % count;
        uint256 left;
        // The pool's view only aims the amount at the interesting edges; the model checks the outcome.
        if (line < count) (,,,, left,) = pool.budgetLine(line);
        uint256 pick = amount % 8;
        if (pick == 0) amount = left == 0 ? 1 : left;
        else if (pick == 1) amount = left + 1;
        else amount = _amount(amount, left == 0 ? 1 : left);
        address payee = payeeSeed % 3 == 0 ? vendor : _actor(payeeSeed / 3);
        address sender = _maintainerOr(senderSeed);
        bytes32 receipt = _receipt(receiptSeed);
        (bool refiled,) = claimNumberOf(uint256(receipt));
        uint256 id;
        bool ok;
        bytes memory reason;
        vm.prank(sender);
        try pool.fileClaim(line, amount, payee, receipt, "ipfs://receipt") returns (uint256 i) {
            ok = true;
            id = i;
        } catch (bytes memory r) {
            reason = r;
        }
        bool fits;
        if (line < count && !ghostPeriodChanged[line]) {
            (, uint256 ghostLeft) = ghostLineLeft(line);
            fits = amount <= ghostLeft;
        }
        if (receipt == 0 || refiled) {
            _refusedReceipt(receipt, _activeMaintainer(sender) && fits, ok, reason);
            return;
        }
        if (line < count && !ghostPeriodChanged[line]) {
            // The model knows what the line has left: the claim must go through exactly when it fits.
            _done("fileClaim", "claims", _activeMaintainer(sender) && fits, ok, reason);
        } else {
            // Spending carried across a change of period length: the period ledger (invariant) judges it.
            if (ok) _ok("fileClaim");
            else _reverted("fileClaim", reason);
        }
        if (!ok) return;
        if (!_activeMaintainer(sender)) _violation("claims", "fileClaim accepted from someone who may not file");
        if (line >= count) {
            _violation("claims", "fileClaim accepted on a line that does not exist");
            return;
        }
        if (amount > _lines[line].cap) _violation("claims", "fileClaim accepted a claim above its line's cap");
        if (id != uint256(receipt)) _violation("claims", "a claim's id is not its receipt hash");
        _recordClaim(uint256(receipt), line, amount, payee);
    }

    /// @notice An actor objects to a claim with their matured weight.
    function object(uint256 actorSeed, uint256 claimSeed) external {
        uint256 id = _pickClaim(claimSeed);
        (bool known, uint256 n) = claimNumberOf(id);
        address actor = _actor(actorSeed);
        uint256 w = ghostBallotWeight(actor);
        // A voided claim is still stored as pending, but it stays void: objections to it are refused.
        bool expected = known && claimStatus(n) == ClaimStatus.Pending && _now() < _claims[n].payableAt
            && !_objectedClaim[n][actor] && w != 0;
        bool ok;
        bytes memory reason;
        vm.prank(actor);
        try pool.object(id) {
            ok = true;
        } catch (bytes memory r) {
            reason = r;
        }
        _done("object", "claims", expected, ok, reason);
        if (!ok && known && claimStatus(n) == ClaimStatus.Void && _now() < _claims[n].payableAt) {
            // Inside its window, a void claim is refused as such, whoever objects.
            if (keccak256(reason) != keccak256(abi.encodeWithSelector(IPoolBudget.PoolClaimVoid.selector, id))) {
                _violation("claims", string.concat("object on a void claim refused otherwise: ", vm.toString(reason)));
            }
        }
        if (!ok || !expected) return;
        _objectedClaim[n][actor] = true;
        GhostClaim storage g = _claims[n];
        if (w >= g.toReject) {
            g.toReject = 0;
            _releaseClaim(n, GhostClaimStatus.Rejected);
        } else {
            g.toReject -= w;
        }
    }

    /// @notice Anyone pays a claim (a pending one whose window passed, most of the time; sometimes any id,
    /// paid ones and ids of no claim included). Payees are accounts that accept payment, so a claim the rules
    /// let through is paid.
    function payClaim(uint256 claimSeed) external {
        uint256 id = _pickClaim(claimSeed);
        (bool known, uint256 n) = claimNumberOf(id);
        bool expected = known && claimStatus(n) == ClaimStatus.Pending && ghostSeat != SeatStatus.Recall
            && _now() >= _claims[n].payableAt && _claims[n].amount <= ghostLedger();
        address payee = known ? _claims[n].payee : address(0);
        uint256 before = held();
        uint256 payeeBefore = _balanceOf(payee);
        bool ok;
        bytes memory reason;
        try pool.payClaim(id) {
            ok = true;
        } catch (bytes memory r) {
            reason = r;
        }
        _done("payClaim", "claims", expected, ok, reason);
        if (!ok) return;
        if (!known) {
            _violation("claims", "payClaim paid a claim that was never filed");
            return;
        }
        GhostClaim storage g = _claims[n];
        if (g.status == GhostClaimStatus.Paid) _violation("claims", "a claim was paid twice");
        if (ghostWoundDown) _violation("claims", "a claim was paid after wind-down");
        if (before - held() != g.amount) _violation("ledger", "a payout moved something else than the claim's amount");
        // Paying clears the stored payee: the payout must still reach the one filed.
        if (_balanceOf(payee) - payeeBefore != _arrivedOf(g.amount)) {
            _violation("claims", "a payout did not reach the claim's payee");
        }
        g.status = GhostClaimStatus.Paid;
        _periods[g.key].paid += g.amount;
        ghostPaid += g.amount;
        ghostAssetOut += before - held();
    }

    function cancelClaim(uint256 claimSeed, uint256 senderSeed) external {
        uint256 id = _pickClaim(claimSeed);
        (bool known, uint256 n) = claimNumberOf(id);
        address sender = _maintainerOr(senderSeed);
        bool expected = _isMaintainer(sender) && known && claimStatus(n) == ClaimStatus.Pending;
        bool ok;
        bytes memory reason;
        vm.prank(sender);
        try pool.cancelClaim(id) {
            ok = true;
        } catch (bytes memory r) {
            reason = r;
        }
        _done("cancelClaim", "claims", expected, ok, reason);
        if (!ok || !expected) return;
        _releaseClaim(n, GhostClaimStatus.Cancelled);
        ghostLastActive = _now();
    }

    /// @dev A filing under no receipt (zero) or under one that already backs a claim, whatever became of that
    /// claim: always refused, and the model is not moved. Counted apart ("fileNoReceipt", "refileReceipt") so a
    /// campaign's summary shows the rule was tried. When nothing else stands in the way (`otherwiseFine`: the
    /// active maintainer, a line that has room), the refusal must name the receipt.
    function _refusedReceipt(bytes32 receipt, bool otherwiseFine, bool ok, bytes memory reason) internal {
        bytes32 action = receipt == 0 ? bytes32("fileNoReceipt") : bytes32("refileReceipt");
        _done(action, "claims", false, ok, reason);
        if (ok) {
            _violation(
                "claims",
                receipt == 0 ? "a claim was filed without a receipt" : "a receipt that backs a claim backed another"
            );
            return;
        }
        if (!otherwiseFine) return;
        bytes memory want = receipt == 0
            ? abi.encodeWithSelector(IPoolBudget.PoolInvalidReceipt.selector, receipt)
            : abi.encodeWithSelector(IPoolBudget.PoolReceiptAlreadyFiled.selector, receipt);
        if (keccak256(reason) != keccak256(want)) {
            _violation("claims", string.concat(_name(action), " refused for another reason: ", vm.toString(reason)));
        }
    }

    // ---------------------------------------------------------------- changes

    /// @notice Proposes to change a line (its cap, or its period: 1 hour to 30 days), to close it (cap 0), or
    /// to add one (a new line with cap 0 is refused).
    function proposeBudgetChange(uint256 lineSeed, uint256 cap, uint256 periodSeed, uint256 senderSeed) external {
        uint256 line = lineSeed % (_lines.length + 1);
        cap = cap % 6 == 0 ? 0 : _amount(cap, MAX_LINE_CAP);
        _proposeLine(line, cap, _lengths()[periodSeed % 5], senderSeed);
    }

    /// @notice The maintainer (mostly) proposes to change a line's period length to another one (1 hour to 30
    /// days) and, once that is applied, back to the one it had, at the same cap (a proposal of the length in
    /// force changes nothing and is refused, so the way back is proposed from the other length). Applied at the
    /// end of their notice (the warps go there, and to the boundaries of the length in between), they change
    /// the length and change it back within one period of the line's own length, while claims filed before
    /// stay pending across both. The period the line comes back to must still hold what it reserved, and
    /// releasing those claims must never panic.
    function proposePeriodRoundTrip(uint256 lineSeed, uint256 periodSeed, uint256 senderSeed) external {
        uint256 line = lineSeed % _lines.length;
        GhostLine memory l = _lines[line];
        uint64 from = _roundTripFrom[line];
        if (from != 0 && from != l.period) {
            // The first leg was applied: propose the way back.
            delete _roundTripFrom[line];
            _proposeLine(line, l.cap, from, senderSeed);
            return;
        }
        uint64[5] memory periods = _lengths();
        uint64 there = periods[periodSeed % 5];
        if (there == l.period) there = periods[(periodSeed + 1) % 5];
        _roundTripFrom[line] = uint64(l.period);
        _proposeLine(line, l.cap, there, senderSeed);
    }

    function _lengths() internal pure returns (uint64[5] memory) {
        return [uint64(1 hours), 1 days, 2 days, 7 days, 30 days];
    }

    function _proposeLine(uint256 line, uint256 cap, uint64 period, uint256 senderSeed) internal {
        bool isNew = line == _lines.length;
        address sender = _maintainerOr(senderSeed);
        uint256 id;
        bool ok;
        bytes memory reason;
        vm.prank(sender);
        try pool.proposeBudgetChange(line, "line", cap, period) returns (uint256 i) {
            ok = true;
            id = i;
        } catch (bytes memory r) {
            reason = r;
        }
        // A change is recorded as what it changes: the fields that differ from the line in force (all for a new one).
        uint8 changes = 7;
        if (!isNew) {
            GhostLine storage l = _lines[line];
            changes = (keccak256(bytes(l.name)) != keccak256("line") ? 1 : 0) | (l.cap != cap ? 2 : 0)
                | (l.period != period ? 4 : 0);
        }
        bool allowed = _activeMaintainer(sender) && !(isNew && cap == 0) && changes != 0;
        _done("proposeBudgetChange", "changes", allowed, ok, reason);
        if (!ok) return;
        Rules memory none;
        uint256 storedCap = changes & 2 != 0 ? cap : 0;
        uint256 storedPeriod = changes & 4 != 0 ? period : 0;
        _propose(id, ProposalKind.BudgetLine, isNew, line, changes, storedCap, storedPeriod, none);
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
        address sender = _maintainerOr(senderSeed);
        uint256 id;
        bool ok;
        bytes memory reason;
        vm.prank(sender);
        try pool.proposeRulesChange(r) returns (uint256 i) {
            ok = true;
            id = i;
        } catch (bytes memory rr) {
            reason = rr;
        }
        uint8 changes = _rulesChanges(r);
        _done("proposeRulesChange", "changes", _activeMaintainer(sender) && changes != 0, ok, reason);
        if (ok) _propose(id, ProposalKind.Rules, false, 0, changes, 0, 0, r);
    }

    /// @notice Anyone applies a change: only a pending one whose notice has passed, never during a recall.
    function applyChange(uint256 proposalSeed) external {
        uint256 id = _pickProposal(proposalSeed);
        bool expected = id < _proposals.length && proposalStatus(id) == ProposalStatus.Pending
            && ghostSeat != SeatStatus.Recall && _now() >= _proposals[id].effectiveAt;
        bool ok;
        bytes memory reason;
        try pool.applyChange(id) {
            ok = true;
        } catch (bytes memory r) {
            reason = r;
        }
        _done("applyChange", "changes", expected, ok, reason);
        if (!ok || !expected) return;
        GhostProposal storage p = _proposals[id];
        p.status = ProposalStatus.Applied;
        uint8 c = p.changes;
        if (p.kind == ProposalKind.Rules) {
            // Only the fields it changes: whatever was applied since stays.
            if (c & 1 != 0) _rules.claimDelay = p.rules.claimDelay;
            if (c & 2 != 0) _rules.ruleChangeDelay = p.rules.ruleChangeDelay;
            if (c & 4 != 0) _rules.inactivityPeriod = p.rules.inactivityPeriod;
            if (c & 8 != 0) _rules.vacancyPeriod = p.rules.vacancyPeriod;
            if (c & 16 != 0) _rules.objectionQuorumBps = p.rules.objectionQuorumBps;
            if (c & 32 != 0) _rules.electionQuorumBps = p.rules.electionQuorumBps;
            if (c & 64 != 0) _rules.recallThresholdBps = p.rules.recallThresholdBps;
        } else if (p.isNew) {
            _lines.push(GhostLine({name: "line", cap: p.cap, period: p.period}));
        } else {
            GhostLine storage l = _lines[p.line];
            if (c & 1 != 0) l.name = "line";
            if (c & 2 != 0) l.cap = p.cap;
            if (c & 4 != 0 && p.period != l.period) {
                ghostPeriodChanged[p.line] = true;
                l.period = p.period;
            }
        }
    }

    function cancelChange(uint256 proposalSeed, uint256 senderSeed) external {
        uint256 id = _pickProposal(proposalSeed);
        address sender = _maintainerOr(senderSeed);
        bool expected =
            _isMaintainer(sender) && id < _proposals.length && proposalStatus(id) == ProposalStatus.Pending;
        bool ok;
        bytes memory reason;
        vm.prank(sender);
        try pool.cancelChange(id) {
            ok = true;
        } catch (bytes memory r) {
            reason = r;
        }
        _done("cancelChange", "changes", expected, ok, reason);
        if (!ok || !expected) return;
        _proposals[id].status = ProposalStatus.Cancelled;
        ghostLastActive = _now();
    }

    function objectToChange(uint256 actorSeed, uint256 proposalSeed) external {
        uint256 id = _pickProposal(proposalSeed);
        address actor = _actor(actorSeed);
        uint256 w = ghostBallotWeight(actor);
        bool expected = id < _proposals.length && proposalStatus(id) == ProposalStatus.Pending
            && _now() < _proposals[id].effectiveAt && !_objectedChange[id][actor] && w != 0;
        bool ok;
        bytes memory reason;
        vm.prank(actor);
        try pool.objectToChange(id) {
            ok = true;
        } catch (bytes memory r) {
            reason = r;
        }
        _done("objectToChange", "changes", expected, ok, reason);
        if (!ok || !expected) return;
        _objectedChange[id][actor] = true;
        GhostProposal storage p = _proposals[id];
        if (w >= p.toReject) {
            p.toReject = 0;
            p.status = ProposalStatus.Rejected;
        } else {
            p.toReject -= w;
        }
    }

    // ---------------------------------------------------------------- the seat

    function heartbeat(uint256 senderSeed) external {
        address sender = _maintainerOr(senderSeed);
        bool ok;
        bytes memory reason;
        vm.prank(sender);
        try pool.heartbeat() {
            ok = true;
        } catch (bytes memory r) {
            reason = r;
        }
        _done("heartbeat", "seat", _isMaintainer(sender), ok, reason);
        if (ok) ghostLastActive = _now();
    }

    /// @notice The maintainer steps down one time in four (else someone who is not the maintainer tries): a
    /// seat left too often would leave little time for claims.
    function stepDown(uint256 senderSeed) external {
        address sender = senderSeed % 4 == 0 ? _maintainerOr(senderSeed / 4) : _notMaintainer(senderSeed / 4);
        bool ok;
        bytes memory reason;
        vm.prank(sender);
        try pool.stepDown() {
            ok = true;
        } catch (bytes memory r) {
            reason = r;
        }
        bool expected = _isMaintainer(sender);
        _done("stepDown", "seat", expected, ok, reason);
        if (!ok || !expected) return;
        if (ghostSeat == SeatStatus.Recall) {
            // A recalled maintainer cannot unfreeze their claims by leaving; the recall goes on as a vacancy.
            _voidPending();
            ghostElectionKind = 1;
        }
        _openSeat();
        if (ghostElectionKind == 0) _startElection(1, address(0));
    }

    /// @notice An actor signs the recall petition; at the threshold a recall election opens.
    function petitionRecall(uint256 actorSeed) external {
        address actor = _actor(actorSeed);
        uint256 w = ghostBallotWeight(actor);
        uint256 e = _epochNow();
        bool fresh = ghostPetitionWeight == 0 || e >= ghostPetitionStart + PETITION_EPOCHS;
        uint256 id = fresh ? ghostPetitionId + 1 : ghostPetitionId;
        // After a recall the incumbent survived, no petition starts before the pause ends.
        bool expected = ghostSeat == SeatStatus.Filled && !(fresh && e < ghostPetitionsOpenEpoch)
            && !_signed[id][actor] && w != 0;
        bool ok;
        bytes memory reason;
        vm.prank(actor);
        try pool.petitionRecall() {
            ok = true;
        } catch (bytes memory r) {
            reason = r;
        }
        _done("petitionRecall", "election", expected, ok, reason);
        if (!ok || !expected) return;
        if (fresh) {
            ghostPetitionId = id;
            ghostPetitionStart = e;
            ghostPetitionWeight = 0;
        }
        _signed[id][actor] = true;
        ghostPetitionWeight += w;
        if (ghostPetitionWeight * BPS >= uint256(_rules.recallThresholdBps) * ghostTotalWeight()) {
            ghostPetitionWeight = 0;
            ghostSeat = SeatStatus.Recall;
            _startElection(2, ghostMaintainer);
        }
    }

    /// @notice Anyone calls an election: on an open seat with none running, or on an abandoned one.
    function callElection(uint256 actorSeed) external {
        bool expected = ghostSeat != SeatStatus.WoundDown && ghostElectionKind == 0
            && (ghostSeat != SeatStatus.Filled || _now() >= ghostLastActive + _rules.inactivityPeriod);
        bool ok;
        bytes memory reason;
        vm.prank(_actor(actorSeed));
        try pool.callElection() {
            ok = true;
        } catch (bytes memory r) {
            reason = r;
        }
        _done("callElection", "election", expected, ok, reason);
        if (!ok || !expected) return;
        if (ghostSeat == SeatStatus.Filled) _openSeat();
        _startElection(1, address(0));
    }

    /// @notice An actor nominates an actor or the vendor.
    function nominate(uint256 actorSeed, uint256 candidateSeed) external {
        address actor = _actor(actorSeed);
        address candidate = _donor(candidateSeed);
        bool expected = ghostPhase() == ElectionPhase.Nominating && !ghostNominated[ghostElectionId][candidate]
            && ghostBallotWeight(actor) != 0;
        bool ok;
        bytes memory reason;
        vm.prank(actor);
        try pool.nominate(candidate) {
            ok = true;
        } catch (bytes memory r) {
            reason = r;
        }
        _done("nominate", "election", expected, ok, reason);
        if (ok && expected) ghostNominated[ghostElectionId][candidate] = true;
    }

    /// @notice An actor votes, mostly for a nominated candidate (the first one from `candidateSeed` on).
    function vote(uint256 actorSeed, uint256 candidateSeed) external {
        address actor = _actor(actorSeed);
        uint256 id = ghostElectionId;
        address candidate = _donor(candidateSeed);
        if (candidateSeed % 4 != 0) {
            for (uint256 k; k <= ACTORS; ++k) {
                address who = _donor(candidateSeed + k);
                if (ghostNominated[id][who]) {
                    candidate = who;
                    break;
                }
            }
        }
        uint256 w = ghostBallotWeight(actor);
        bool expected = ghostPhase() == ElectionPhase.Voting && ghostNominated[id][candidate]
            && !ghostVoted[id][actor] && w != 0;
        bool ok;
        bytes memory reason;
        vm.prank(actor);
        try pool.vote(candidate) {
            ok = true;
        } catch (bytes memory r) {
            reason = r;
        }
        _done("vote", "election", expected, ok, reason);
        if (!ok || !expected) return;
        ghostVoted[id][actor] = true;
        if (!_electionTotalFixed) {
            // The voting epoch's total: nothing given during it matures before it ends.
            ghostElectionTotal = ghostTotalWeight();
            _electionTotalFixed = true;
        }
        uint256 votes = ghostVotes[id][candidate] + w;
        ghostVotes[id][candidate] = votes;
        ghostVotesCast[id] += w;
        // Strictly more: on a tie the first to reach the score keeps the lead.
        if (votes > ghostLeaderVotes) {
            ghostLeader = candidate;
            ghostLeaderVotes = votes;
        }
    }

    /// @notice Anyone finalizes the election after its voting epoch.
    function finalizeElection() external {
        bool ok;
        bytes memory reason;
        try pool.finalizeElection() {
            ok = true;
        } catch (bytes memory r) {
            reason = r;
        }
        bool expected = ghostPhase() == ElectionPhase.Counting;
        _done("finalizeElection", "election", expected, ok, reason);
        if (!ok || !expected) return;
        bool installed = _reachesQuorum();
        uint8 kind = ghostElectionKind;
        ghostElectionKind = 0;
        if (kind == 2) {
            // A failed recall, or one the incumbent wins, leaves the incumbent and their clock (README: only the
            // maintainer's own acts reset it); a successor starts a fresh one.
            if (installed && ghostLeader != ghostMaintainer) {
                _voidPending();
                ghostMaintainer = ghostLeader;
                ghostLastActive = _now();
            } else {
                // The incumbent survived: petitions pause for the rest of this epoch and two more.
                ghostPetitionsOpenEpoch = _epochNow() + 1 + PETITION_PAUSE_EPOCHS;
            }
            ghostSeat = SeatStatus.Filled;
        } else if (installed) {
            ghostMaintainer = ghostLeader;
            ghostSeat = SeatStatus.Filled;
            ghostLastActive = _now();
        }
    }

    // ---------------------------------------------------------------- wind-down

    /// @notice Anyone winds the pool down: once the seat has been open `vacancyPeriod`, unless an election is
    /// voting or has a winner waiting. Tried one time in three only: a wound-down pool refuses most calls, so
    /// a wind-down early in a long run would leave little to test.
    function windDown(uint256 actorSeed) external {
        if (actorSeed % 3 != 0) return;
        ElectionPhase phase = ghostPhase();
        bool expected = ghostSeat == SeatStatus.Open && _now() >= ghostOpenedAt + _rules.vacancyPeriod
            && phase != ElectionPhase.Voting && !(phase == ElectionPhase.Counting && _reachesQuorum());
        bool ok;
        bytes memory reason;
        vm.prank(_actor(actorSeed / 3));
        try pool.windDown() {
            ok = true;
        } catch (bytes memory r) {
            reason = r;
        }
        _done("windDown", "seat", expected, ok, reason);
        if (!ok || !expected) return;
        ghostElectionKind = 0;
        ghostSeat = SeatStatus.WoundDown;
        ghostWoundDown = true;
        // Stray funds held above the ledger are taken in first, as a sweep would: everything is reclaimable.
        uint256 holding = ghostAssetIn - ghostAssetOut;
        if (holding > ghostLedger()) {
            uint256 stray = holding - ghostLedger();
            ghostGiven += stray;
            ghostSwept += stray;
        }
        if (held() != ghostLedger()) _violation("ledger", "windDown left stray funds outside the ledger");
        ghostLeft = ghostLedger();
        ghostPaidAtWindDown = ghostPaid;
    }

    /// @notice An actor reclaims their share: left × given / given by all contributors, once.
    function reclaim(uint256 actorSeed) external {
        address actor = _actor(actorSeed);
        uint256 share = ghostReclaimable(actor);
        bool expected = share != 0;
        uint256 before = held();
        uint256 amount;
        bool ok;
        bytes memory reason;
        vm.prank(actor);
        try pool.reclaim() returns (uint256 a) {
            ok = true;
            amount = a;
        } catch (bytes memory r) {
            reason = r;
        }
        _done("reclaim", "reclaim", expected, ok, reason);
        if (!ok) return;
        if (amount != share) _violation("reclaim", "a reclaim paid something else than left x given / given by all");
        if (ghostReclaimedBy[actor]) _violation("reclaim", "a contributor reclaimed twice");
        if (before - held() != amount) _violation("ledger", "a reclaim moved something else than its amount");
        ghostReclaimedBy[actor] = true;
        ghostReclaimed += amount;
        ghostAssetOut += before - held();
        // The contribution is forgotten (its in-kind basis stays, and weights are 0 after wind-down anyway).
        GhostWeight storage w = _weights[actor];
        w.money = 0;
        w.pending = 0;
        w.epoch = 0;
    }

    /// @notice Someone tries to initialize the live pool again, making themselves maintainer: always refused.
    function reinitialize(uint256 actorSeed) external {
        address actor = _actor(actorSeed);
        Config memory c = Config({
            asset: address(token),
            maintainer: actor,
            metadataURI: "ipfs://hijack",
            epochLength: 1 hours,
            claimDelay: 1 hours,
            ruleChangeDelay: 1 hours,
            inactivityPeriod: 1 hours,
            vacancyPeriod: 1 hours,
            objectionQuorumBps: 10_000,
            electionQuorumBps: 1,
            recallThresholdBps: 10_000,
            inKindWeightBps: 0,
            weighting: Weighting.Linear
        });
        BudgetLine[] memory lines = new BudgetLine[](1);
        lines[0] = BudgetLine({name: "everything", cap: type(uint96).max, period: 1 hours});
        bool ok;
        bytes memory reason;
        vm.prank(actor);
        try pool.initialize(c, lines) {
            ok = true;
        } catch (bytes memory r) {
            reason = r;
        }
        _done("reinitialize", "seat", false, ok, reason);
    }

    // ---------------------------------------------------------------- time

    /// @notice Moves the clock: a few hours, exactly to the next epoch boundary, one second before it, exactly
    /// to line 0's next period boundary, past the claim delay, up to three days, past the notice of a change,
    /// past the vacancy period, or (two kinds in ten, while an election is open) to its next boundary: voting
    /// starts, voting ends.
    /// @dev Jumps of a day or more skip whole voting epochs, hence the election's own kinds.
    function warp(uint256 kind, uint256 secondsSeed) external {
        uint256 nowAt = _now();
        uint256 nextEpoch = _epochStart(_epochNow() + 1);
        kind %= 13;
        if ((kind == 6 || kind == 9) && ghostElectionKind == 0) kind = 1;
        if (kind >= 10) {
            vm.warp(_changeBoundary(kind, secondsSeed));
            _ok("warp");
            return;
        }
        uint256 target = nowAt;
        if (kind == 0) {
            target = nowAt + secondsSeed % 6 hours;
        } else if (kind == 1) {
            target = nextEpoch;
        } else if (kind == 2) {
            target = nextEpoch - 1 > nowAt ? nextEpoch - 1 : nextEpoch;
        } else if (kind == 3) {
            uint256 period = _lines[0].period;
            target = _genesis + ((nowAt - _genesis) / period + 1) * period;
        } else if (kind == 4) {
            target = nowAt + _rules.claimDelay;
        } else if (kind == 5) {
            target = nowAt + secondsSeed % 3 days;
        } else if (kind == 7) {
            target = nowAt + _rules.ruleChangeDelay;
        } else if (kind == 8) {
            target = nowAt + _rules.vacancyPeriod;
        } else {
            uint256 votingStart = _epochStart(ghostVotingEpoch);
            uint256 votingEnd = _epochStart(ghostVotingEpoch + 1);
            target = nowAt < votingStart ? votingStart : nowAt < votingEnd ? votingEnd : nowAt + 1 hours;
        }
        vm.warp(target);
        _ok("warp");
    }

    /// @dev The times that matter to a change of period length: two seconds before the earliest notice still
    /// running ends (a claim filed then is pending across the change), exactly when it ends (the change is
    /// applied then), or a line's next period boundary under its length now, or one second before it (an hour
    /// after a change to 1 hour, say). With no notice running, a few hours on.
    function _changeBoundary(uint256 kind, uint256 secondsSeed) internal view returns (uint256 target) {
        uint256 nowAt = _now();
        target = nowAt + secondsSeed % 6 hours;
        if (kind == 12) {
            uint256 period = _lines[secondsSeed % _lines.length].period;
            uint256 next = _genesis + ((nowAt - _genesis) / period + 1) * period;
            return (secondsSeed >> 128) % 2 == 0 || next - 1 <= nowAt ? next : next - 1;
        }
        uint256 soonest = type(uint256).max;
        for (uint256 id; id < _proposals.length; ++id) {
            uint256 at = _proposals[id].effectiveAt;
            if (proposalStatus(id) == ProposalStatus.Pending && at > nowAt + (kind == 10 ? 2 : 0) && at < soonest) {
                soonest = at;
            }
        }
        if (soonest == type(uint256).max) return target;
        return kind == 10 ? soonest - 2 : soonest;
    }

    // ---------------------------------------------------------------- internal: actions

    function _decidePledge(uint256 pledgeSeed, uint256 senderSeed, bool accept) internal {
        uint256 id = _pickPledge(pledgeSeed, PledgeStatus.Offered);
        address sender = _maintainerOr(senderSeed);
        bool expected =
            _activeMaintainer(sender) && id < _pledges.length && _pledges[id].status == PledgeStatus.Offered;
        bool ok;
        bytes memory reason;
        vm.prank(sender);
        if (accept) {
            try pool.acceptPledge(id) {
                ok = true;
            } catch (bytes memory r) {
                reason = r;
            }
        } else {
            try pool.declinePledge(id) {
                ok = true;
            } catch (bytes memory r) {
                reason = r;
            }
        }
        _done(accept ? bytes32("acceptPledge") : bytes32("declinePledge"), "pledges", expected, ok, reason);
        if (!ok || !expected) return;
        _pledges[id].status = accept ? PledgeStatus.Accepted : PledgeStatus.Declined;
        ghostLastActive = _now();
    }

    function _propose(
        uint256 id,
        ProposalKind kind,
        bool isNew,
        uint256 line,
        uint8 changes,
        uint256 cap,
        uint256 period,
        Rules memory r
    ) internal {
        if (id != _proposals.length) _violation("changes", "proposal ids count up from 0");
        _proposals.push(
            GhostProposal({
                kind: kind,
                status: ProposalStatus.Pending,
                effectiveAt: _now() + _rules.ruleChangeDelay,
                toReject: _rejectionBar(),
                isNew: isNew,
                line: line,
                changes: changes,
                cap: cap,
                period: period,
                rules: r
            })
        );
        ghostLastActive = _now();
    }

    /// @dev A gift of `amount` by `donor` that the pool accepted: the donor paid exactly `amount`, what arrived
    /// is `amount` less the token's fee, and that is what the model credits.
    function _received(address donor, uint256 amount, uint256 heldBefore, uint256 balanceBefore) internal {
        uint256 arrived = held() - heldBefore;
        if (balanceBefore - _balanceOf(donor) != amount) {
            _violation("ledger", "a gift took something else than its amount");
        }
        if (arrived != _arrivedOf(amount)) {
            _violation("ledger", "a gift delivered something else than its amount less the fee");
        }
        _gave(donor, arrived);
    }

    /// @dev Whether `donor`'s standing order can be collected now (due, pool live, allowance and balance
    /// there), how many periods are due, and what the collection must pull: at most MAX_CATCH_UP periods.
    function _collectable(address donor) internal view returns (bool ok, uint256 due, uint256 pull) {
        GhostOrder storage o = _orders[donor];
        if (o.amount == 0 || _now() < o.nextDue || ghostWoundDown || address(token) == address(0)) {
            return (false, 0, 0);
        }
        due = (_now() - o.nextDue) / o.period + 1;
        pull = o.amount * (due < MAX_CATCH_UP ? due : MAX_CATCH_UP);
        ok = token.allowance(donor, address(pool)) >= pull && token.balanceOf(donor) >= pull;
    }

    /// @dev A collection the pool made: it must have pulled exactly `pull`; every due period is settled.
    function _collected(address donor, uint256 due, uint256 pull, uint256 pulled, uint256 arrived) internal {
        GhostOrder storage o = _orders[donor];
        if (o.amount == 0) {
            _violation("orders", "a donor without a standing order was collected");
            return;
        }
        if (pulled != pull) {
            _violation("orders", "a collection pulled something else than amount x min(due, MAX_CATCH_UP)");
        }
        if (arrived != _arrivedOf(pulled)) _violation("ledger", "a collection credited something else than arrived");
        uint256 periods = pulled / o.amount;
        if (periods > ghostMaxPeriodsPulled) ghostMaxPeriodsPulled = periods;
        o.nextDue += due * o.period;
        o.segPulled += pulled;
        _gave(donor, arrived);
    }

    function _topUp(address actor, uint256 amount) internal {
        token.mint(actor, amount);
        _approve(actor, token.allowance(actor, address(pool)) + amount);
    }

    function _approve(address actor, uint256 amount) internal {
        vm.prank(actor);
        token.approve(address(pool), amount);
    }

    function _permitDigest(address owner, uint256 value, uint256 deadline) internal view returns (bytes32) {
        bytes32 structHash =
            keccak256(abi.encode(PERMIT_TYPEHASH, owner, address(pool), value, token.nonces(owner), deadline));
        return keccak256(abi.encodePacked("\x19\x01", token.DOMAIN_SEPARATOR(), structHash));
    }

    function _balanceOf(address who) internal view returns (uint256) {
        return address(token) == address(0) ? who.balance : token.balanceOf(who);
    }

    /// @dev What reaches the pool when `amount` is transferred to it.
    function _arrivedOf(uint256 amount) internal view returns (uint256) {
        return address(token) == address(0) ? amount : amount - amount * feeBps / BPS;
    }

    // ---------------------------------------------------------------- internal: picking

    function _actor(uint256 seed) internal view returns (address) {
        return _actors[seed % ACTORS];
    }

    /// @dev An actor, or (one time in six) the vendor.
    function _donor(uint256 seed) internal view returns (address) {
        uint256 i = seed % (ACTORS + 1);
        return i == ACTORS ? vendor : _actors[i];
    }

    function _isMaintainer(address who) internal view returns (bool) {
        return ghostMaintainer != address(0) && who == ghostMaintainer;
    }

    function _activeMaintainer(address who) internal view returns (bool) {
        return _isMaintainer(who) && ghostSeat == SeatStatus.Filled;
    }

    /// @dev The current maintainer seven times in eight (when there is one); otherwise an actor.
    function _maintainerOr(uint256 seed) internal view returns (address) {
        if (ghostMaintainer != address(0) && seed % 8 != 0) return ghostMaintainer;
        return _actor(seed / 8);
    }

    /// @dev An actor other than the maintainer.
    function _notMaintainer(uint256 seed) internal view returns (address who) {
        who = _actor(seed);
        if (who == ghostMaintainer) who = _actor(seed + 1);
    }

    /// @dev 1 wei to `max`: half the time uniformly, half the time log-uniformly (so wei amounts come up too).
    function _amount(uint256 seed, uint256 max) internal pure returns (uint256) {
        uint256 shift = uint8(seed >> 248);
        uint256 upper = shift < 128 ? max : max >> (shift % 64);
        return bound(seed, 1, upper == 0 ? 1 : upper);
    }

    /// @dev A claim id: two times in three that of the first claim from the seed on that is still pending in
    /// the model; otherwise any filed claim's (paid ones included), or an id of no claim: a filing number (what
    /// ids were before they were receipt hashes) or the receipt the next claim would be filed with.
    function _pickClaim(uint256 seed) internal view returns (uint256) {
        uint256 count = _claims.length;
        if (count != 0 && seed % 3 != 0) {
            for (uint256 k; k < count; ++k) {
                uint256 n = (seed / 3 + k) % count;
                if (_claims[n].status == GhostClaimStatus.Pending) return _claims[n].id;
            }
        }
        uint256 pick = (seed / 3) % (count + 2);
        if (pick < count) return _claims[pick].id;
        if (pick == count) return (seed / 3) % (count + 1);
        return uint256(_freshReceipt());
    }

    /// @dev The receipt a filing uses: one time in eight an earlier claim's (a receipt backs one claim), one
    /// in thirty-two none, one in four the fuzzer's own word (tiny, huge, or one it already used: the model
    /// knows whether a claim has it), and otherwise a receipt never filed.
    function _receipt(uint256 seed) internal view returns (bytes32) {
        uint256 kind = seed % 32;
        uint256 count = _claims.length;
        if (kind < 4 && count != 0) return bytes32(_claims[(seed >> 5) % count].id);
        if (kind == 4) return 0;
        if (kind < 12) return bytes32(seed >> 5);
        return _freshReceipt();
    }

    /// @dev A receipt no claim was filed under: one per filing number.
    function _freshReceipt() internal view returns (bytes32) {
        return keccak256(abi.encode("receipt", _claims.length));
    }

    /// @dev What a rules change changes: bit i for each field of `Rules` that differs from the rules in force.
    function _rulesChanges(Rules memory r) internal view returns (uint8 c) {
        Rules storage f = _rules;
        if (r.claimDelay != f.claimDelay) c |= 1;
        if (r.ruleChangeDelay != f.ruleChangeDelay) c |= 2;
        if (r.inactivityPeriod != f.inactivityPeriod) c |= 4;
        if (r.vacancyPeriod != f.vacancyPeriod) c |= 8;
        if (r.objectionQuorumBps != f.objectionQuorumBps) c |= 16;
        if (r.electionQuorumBps != f.electionQuorumBps) c |= 32;
        if (r.recallThresholdBps != f.recallThresholdBps) c |= 64;
    }

    /// @dev A proposal id: two times in three the first one from the seed on still pending in the model.
    function _pickProposal(uint256 seed) internal view returns (uint256) {
        uint256 count = _proposals.length;
        if (count == 0) return 0;
        if (seed % 3 != 0) {
            for (uint256 k; k < count; ++k) {
                uint256 id = (seed / 3 + k) % count;
                if (proposalStatus(id) == ProposalStatus.Pending) return id;
            }
        }
        return (seed / 3) % (count + 1);
    }

    /// @dev A pledge id: two times in three the first one from the seed on in status `want`.
    function _pickPledge(uint256 seed, PledgeStatus want) internal view returns (uint256) {
        uint256 count = _pledges.length;
        if (count == 0) return 0;
        if (seed % 3 != 0) {
            for (uint256 k; k < count; ++k) {
                uint256 id = (seed / 3 + k) % count;
                if (_pledges[id].status == want) return id;
            }
        }
        return (seed / 3) % (count + 1);
    }

    // ---------------------------------------------------------------- internal: bookkeeping

    /// @dev Counts the call, and records a violation of `topic` if the pool's answer differs from the rules'.
    function _done(bytes32 action, bytes32 topic, bool expected, bool ok, bytes memory reason) internal {
        if (ok) _ok(action);
        else _reverted(action, reason);
        if (expected != ok) {
            _violation(
                topic,
                string.concat(
                    _name(action),
                    expected ? " refused though the rules allow it: " : " accepted though the rules forbid it",
                    expected ? vm.toString(reason) : ""
                )
            );
        }
    }

    function _ok(bytes32 action) internal {
        _count(action);
        ++succeeded;
        ++okCount[action];
    }

    /// @dev Swallows a refusal and counts it; a Panic (arithmetic, division by zero...) is never expected from
    /// the pool and is recorded for the invariants.
    function _reverted(bytes32 action, bytes memory reason) internal {
        _count(action);
        ++reverted;
        ++revertCount[action];
        if (reason.length == 36 && bytes4(reason) == PANIC) {
            ++panics;
            lastPanic = _name(action);
            uint256 code;
            // Reads the word after the selector; `reason` is a bytes array of 36 bytes.
            assembly ("memory-safe") {
                code := mload(add(reason, 36))
            }
            lastPanicCode = code;
        }
    }

    function _count(bytes32 action) internal {
        ++calls;
        if (!_knownAction[action]) {
            _knownAction[action] = true;
            _actionNames.push(action);
        }
    }

    function _name(bytes32 action) internal pure returns (string memory s) {
        uint256 n;
        while (n < 32 && action[n] != 0) ++n;
        bytes memory b = new bytes(n);
        for (uint256 i; i < n; ++i) {
            b[i] = action[i];
        }
        s = string(b);
    }
}
