// Hardhat plugin (registered in hardhat.config.ts) that drops one known compiler warning, and only that one:
// solc's EIP-1153 warning (2394, "Transient storage … can break the composability of smart contracts") on
// OpenZeppelin's TransientSlot library. Pool's reentrancy guard (ReentrancyGuardTransient) is its only user
// here, and it clears its slot at the end of every call, which is the use the warning itself calls safe. Every
// other warning, on any file, is printed as before. Hardhat 3 has no setting for this yet, so it is done with
// its `getCompilationJobErrors` hook, which filters what is reported (never whether a build succeeds).
import type { SolidityHooks } from "hardhat/types/hooks";
import type { CompilerOutputError } from "hardhat/types/solidity";

const TRANSIENT_STORAGE_WARNING = "2394";
const TRANSIENT_SLOT = /^npm\/@openzeppelin\/contracts@[^/]+\/utils\/TransientSlot\.sol$/;

/** Whether `error` is the known warning: code 2394, located in OpenZeppelin's TransientSlot.sol. */
export function isKnownWarning(error: CompilerOutputError & { sourceLocation?: { file?: string } }): boolean {
  return error.severity === "warning" && error.errorCode === TRANSIENT_STORAGE_WARNING && TRANSIENT_SLOT.test(error.sourceLocation?.file ?? "");
}

const handlers: Partial<SolidityHooks> = {
  getCompilationJobErrors: (context, compilationJob, compilerOutput, next) =>
    // A filtered copy: the hook must not mutate what it passes on.
    next(context, compilationJob, { ...compilerOutput, errors: compilerOutput.errors?.filter((error) => !isKnownWarning(error)) }),
};

export default (): Promise<Partial<SolidityHooks>> => Promise.resolve(handlers);
