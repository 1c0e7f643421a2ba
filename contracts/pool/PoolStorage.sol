// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {BitMaps} from "@openzeppelin/contracts/utils/structs/BitMaps.sol";

import {Claim} from "../types/Claim.sol";
import {PackedContribution} from "../types/Contribution.sol";
import {Candidate, Election, Petition} from "../types/Election.sol";
import {PackedTotals} from "../types/GivingTotals.sol";
import {Line} from "../types/Line.sol";
import {Proposal} from "../types/Proposal.sol";
import {Pledge, Subscription} from "../types/Recurring.sol";
import {Rules} from "../types/Rules.sol";
import {Office, Seat} from "../types/Seat.sol";

/// @notice Everything a pool stores, in one ERC-7201 namespace: `Pool` and `PoolExtension` (which runs on the
/// pool's storage by DELEGATECALL) reach their state only through `PoolStorage.load()`, so both read every field at
/// the same slot whatever the contracts inherit, and neither declares a state variable (`test/storage-layout.test.ts`
/// checks the compiler's layouts). Fields are grouped by the concern whose rules write them; packed slots are
/// value types or one-slot structs under `contracts/types/`.
/// @custom:storage-location erc7201:potluck.pool
/// @custom:member totals Giving totals: money given, the epoch of the last credit, weight pending in it.
/// @custom:member rootMatured Quadratic only: sum of floor(sqrt(matured basis)) as of epoch `totals.epoch`.
/// @custom:member swept Stray funds swept into the ledger: counted in `totals.given` (so the 96-bit cap covers
/// them without a second read on every gift) but given by no contributor, so nobody's weight or reclaim share.
/// @custom:member inKindBasisTotal Sum over contributors of their in-kind weight basis.
/// @custom:member contributions Each contributor's packed record (given, pending, epoch, last election voted in).
/// @custom:member inKindBasis Weight basis each contributor earned from in-kind deliveries
/// (floor(delivered * inKindWeightBps / BPS)).
/// @custom:member seat Paid out, the maintainer's clock, the claim counters and the seat's status.
/// @custom:member office The maintainer, the line count and the proposal counters.
/// @custom:member rules The rules in force.
/// @custom:member left Left at wind-down: the reclaim numerator.
/// @custom:member reclaimed Reclaimed since the wind-down; with `seat.paid`, the ledger's outflows.
/// @custom:member lines Budget lines by id (never deleted: a closed line has cap 0).
/// @custom:member claims Claims keyed by id, which is the receipt hash.
/// @custom:member proposals Proposed changes by id.
/// @custom:member claimObjections One bitmap per contributor, indexed by claim number: a repeat objector writes a
/// warm word.
/// @custom:member changeObjections One bitmap per contributor, indexed by proposal id.
/// @custom:member asideSpent Spending of a line's period kept aside when the line changed to another period length
/// during it, keyed by (line, length, index): a claim reserved there is released there, and the line finds it
/// again if it comes back to that length within the period. The line's live period is in `Line`.
/// @custom:member subscriptions Each donor's standing order.
/// @custom:member pledges Pledges by id.
/// @custom:member delivered In-kind value delivered, per pledger.
/// @custom:member pledgeCount Pledges made, ever; the next pledge's id.
/// @custom:member recurringPerMonth Standing orders, per 30 days.
/// @custom:member pledgedPerMonth Accepted pledges not yet completed, per 30 days.
/// @custom:member deliveredTotal In-kind value delivered, ever.
/// @custom:member election The current (or last) election.
/// @custom:member petition The current recall petition.
/// @custom:member candidates Nominated candidates and their tallies, per election.
/// @custom:member signed One bitmap per contributor, indexed by petition id.
struct PoolState {
    // giving and weight
    PackedTotals totals;
    uint256 rootMatured;
    uint96 swept;
    uint96 inKindBasisTotal;
    mapping(address contributor => PackedContribution) contributions;
    mapping(address contributor => uint256) inKindBasis;
    // budgets, claims and changes
    Seat seat;
    Office office;
    Rules rules;
    uint96 left;
    uint96 reclaimed;
    mapping(uint256 line => Line) lines;
    mapping(uint256 claimId => Claim) claims;
    mapping(uint256 proposalId => Proposal) proposals;
    mapping(address contributor => BitMaps.BitMap) claimObjections;
    mapping(address contributor => BitMaps.BitMap) changeObjections;
    mapping(uint256 key => uint256 spent) asideSpent;
    // standing orders and pledges
    mapping(address donor => Subscription) subscriptions;
    mapping(uint256 pledgeId => Pledge) pledges;
    mapping(address pledger => uint256) delivered;
    uint256 pledgeCount;
    uint256 recurringPerMonth;
    uint256 pledgedPerMonth;
    uint256 deliveredTotal;
    // succession
    Election election;
    Petition petition;
    mapping(uint256 electionId => mapping(address candidate => Candidate)) candidates;
    mapping(address contributor => BitMaps.BitMap) signed;
}

/// @title PoolStorage
/// @notice Where a pool's state lives: the one root every concern reads and writes.
library PoolStorage {
    /// @dev ERC-7201: keccak256(abi.encode(uint256(keccak256("potluck.pool")) - 1)) & ~bytes32(uint256(0xff)).
    /// `test/PoolStorage.t.sol` computes it again.
    bytes32 internal constant SLOT = 0xceef447ddac56f4345dbeb5828539c2107d3bdec72b7e194ae94a241fc218f00;

    /// @notice The pool's state, at `SLOT` of whichever contract runs (a pool clone, or the extension on its behalf).
    function load() internal pure returns (PoolState storage $) {
        // The one line of assembly ERC-7201 needs: pointing a storage struct at its namespace.
        // solhint-disable-next-line no-inline-assembly, -- see the line above
        assembly {
            $.slot := SLOT
        }
    }
}
