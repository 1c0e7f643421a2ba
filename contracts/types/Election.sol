// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice What an election is for. `None` when no election is open.
enum ElectionKind {
    None,
    Vacancy,
    Recall
}

/// @notice The phase of the current election, computed from the clock; `Counting` waits for `finalizeElection`.
enum ElectionPhase {
    None,
    Nominating,
    Voting,
    Counting
}

/// @notice The current (or last) election: two slots. The first is written by every vote that changes the
/// lead; it is never left all-zero while an election runs, so the first vote pays no zero-to-nonzero write.
/// Votes and totals are 112 bits wide: a weight basis is money (< 2^96) plus weighted in-kind value (< 2^96), so
/// the total matured weight, and every tally of it, stays below 2^97.
/// @custom:member leaderVotes The leader's votes.
/// @custom:member totalWeight Total matured weight in epoch `weightEpoch` (the voting epoch once a vote came).
/// @custom:member weightEpoch Epoch `totalWeight` was read in.
/// @custom:member leader Candidate with the most votes so far (the first to reach a score keeps a tie).
/// @custom:member id Elections held, ever; this one's id (ids start at 1).
/// @custom:member votingEpoch The one epoch during which votes are cast.
/// @custom:member kind Vacancy or Recall while open; None once finalized or abandoned.
struct Election {
    uint112 leaderVotes;
    uint112 totalWeight;
    uint32 weightEpoch;
    address leader;
    uint32 id;
    uint32 votingEpoch;
    ElectionKind kind;
}

/// @notice A nominated candidate's tally (below the total matured weight, so below 2^97).
struct Candidate {
    bool nominated;
    uint128 votes;
}

/// @notice The current recall petition: it collects signatures during its start epoch and the next one.
/// @custom:member id Petitions started, ever (ids start at 1).
/// @custom:member startEpoch Epoch the petition started in.
/// @custom:member weight Matured weight that has signed.
/// @custom:member opensEpoch No petition may start before this epoch (set when an incumbent survives a recall).
struct Petition {
    uint32 id;
    uint32 startEpoch;
    uint128 weight;
    uint32 opensEpoch;
}
