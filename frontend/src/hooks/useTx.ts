// Every write goes through here: pending (waiting for the wallet) → confirming (sent, waiting for the
// block) → confirmed, or an error said as a sentence (a decoded custom error, a rejected signature, too
// little ETH). A flow may send several transactions (approve, then give); each step is shown.
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import type { Abi, ContractFunctionArgs, ContractFunctionName, Hex, TransactionReceipt, TypedData } from "viem";
import { useConfig } from "wagmi";
import {
  signTypedData, waitForTransactionReceipt, writeContract, type SignTypedDataParameters, type WriteContractParameters,
} from "wagmi/actions";
import type { config as appConfig } from "../wagmi";
import { explainError, type ErrorContext, type Explained } from "../lib/errors";
import { invalidateLive } from "../lib/queries";

export type TxPhase = "idle" | "pending" | "confirming" | "confirmed" | "failed";

export interface TxState {
  phase: TxPhase;
  /** What is happening, for people: "Approving mUSD", "Giving 0.5 ETH". */
  label?: string;
  hash?: Hex;
  error?: Explained;
  /** What the transaction did, when it is more than its label says ("Claim #4 was rejected: 0.5 ETH freed"). */
  outcome?: string;
}

type Config = typeof appConfig;
type Mutability = "nonpayable" | "payable";

export interface TxSteps {
  /** Sends one transaction (typed from its ABI, like wagmi's writeContract) and waits for its receipt (returned); throws if it reverted. */
  send: <
    const abi extends Abi | readonly unknown[],
    functionName extends ContractFunctionName<abi, Mutability>,
    args extends ContractFunctionArgs<abi, Mutability, functionName>,
  >(label: string, parameters: WriteContractParameters<abi, functionName, args, Config>) => Promise<TransactionReceipt>;
  /** Says what the flow did, shown with the confirmation. */
  outcome: (text: string) => void;
  /** Asks the wallet for a typed-data signature (a permit). */
  sign: <const typedData extends TypedData | Record<string, unknown>, primaryType extends keyof typedData | "EIP712Domain">(
    label: string,
    parameters: SignTypedDataParameters<typedData, primaryType>,
  ) => Promise<Hex>;
}

export function useTx(context: () => ErrorContext = () => ({})) {
  const config = useConfig();
  const queryClient = useQueryClient();
  const [state, setState] = useState<TxState>({ phase: "idle" });
  const busy = useRef(false);

  const run = useCallback(
    async (flow: (steps: TxSteps) => Promise<unknown>): Promise<boolean> => {
      if (busy.current) return false;
      busy.current = true;
      let outcome: string | undefined;
      const steps: TxSteps = {
        send: async (label, parameters) => {
          setState({ phase: "pending", label });
          const hash = await writeContract(config, parameters as never);
          setState({ phase: "confirming", label, hash });
          const receipt = await waitForTransactionReceipt(config, { hash });
          if (receipt.status !== "success") throw Object.assign(new Error("The transaction was mined but reverted."), { shortMessage: "reverted" });
          return receipt;
        },
        outcome: (text) => {
          outcome = text;
        },
        sign: async (label, parameters) => {
          setState({ phase: "pending", label: `${label} (signature)` });
          return signTypedData(config, parameters as never);
        },
      };
      try {
        await flow(steps);
        setState((s) => ({ phase: "confirmed", label: s.label, hash: s.hash, outcome }));
        // What the transaction changed: the live figures and the history; the history's new events then
        // re-read the contributors and claims they name (lib/queries.ts), not every one.
        await invalidateLive(queryClient);
        return true;
      } catch (error) {
        console.warn("transaction failed", error);
        setState((s) => ({ phase: "failed", label: s.label, hash: s.hash, error: explainError(error, context()) }));
        return false;
      } finally {
        busy.current = false;
      }
    },
    [config, queryClient, context],
  );

  const reset = useCallback(() => setState({ phase: "idle" }), []);
  return { state, run, reset, busy: state.phase === "pending" || state.phase === "confirming" };
}
