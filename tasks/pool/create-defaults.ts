// The defaults of `pool:create`, shared by its definition (help text) and its action (merging with a
// config file: a flag left at its default does not override the file).
export const CREATE_DEFAULTS = {
  asset: "ETH",
  maintainer: "sender",
  epoch: "7d",
  claimDelay: "3d",
  ruleChangeDelay: "7d",
  inactivityPeriod: "90d",
  vacancyPeriod: "60d",
  objectionQuorum: "20%",
  electionQuorum: "25%",
  recallThreshold: "30%",
  inKindWeight: "0%",
  weighting: "linear",
} as const;
