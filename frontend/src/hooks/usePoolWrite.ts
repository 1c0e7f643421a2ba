// Writes bound to one pool: its address, its ABI with the token's errors (poolWriteAbi) and the context its
// error sentences need, set once here. A panel calls `write("Objecting to claim #3", "object", [id])`; a flow
// of several transactions (approve, then give) uses `run` with `s.pool(...)` for the pool's calls.
import { useCallback } from "react";
import type { ContractFunctionArgs, ContractFunctionName, TransactionReceipt } from "viem";
import { poolWriteAbi } from "../contracts";
import { useErrorContext } from "./useErrorContext";
import type { PoolData } from "./usePool";
import { useTx, type TxSteps } from "./useTx";

type Mutability = "nonpayable" | "payable";
export type PoolFunction = ContractFunctionName<typeof poolWriteAbi, Mutability>;
export type PoolArgs<F extends PoolFunction> = ContractFunctionArgs<typeof poolWriteAbi, Mutability, F>;

/** Sends one of the pool's functions (typed by the pool's ABI) and waits for its receipt (returned). */
export type PoolSend = <const F extends PoolFunction>(label: string, functionName: F, args: PoolArgs<F>, value?: bigint) => Promise<TransactionReceipt>;

export interface PoolSteps extends TxSteps {
  pool: PoolSend;
}

export function usePoolWrite(pool: PoolData) {
  const tx = useTx(useErrorContext(pool));
  const { run: runTx } = tx;
  const address = pool.address;
  const run = useCallback(
    (flow: (steps: PoolSteps) => Promise<unknown>) =>
      runTx((s) => {
        const send: PoolSend = (label, functionName, args, value) =>
          s.send(label, { address, abi: poolWriteAbi, functionName, args, value } as never);
        return flow({ ...s, pool: send });
      }),
    [runTx, address],
  );
  /** One call of the pool's; resolves to whether it was confirmed. */
  const write = useCallback(
    <const F extends PoolFunction>(label: string, functionName: F, args: PoolArgs<F>, value?: bigint) =>
      run((s) => s.pool(label, functionName, args, value)),
    [run],
  );
  return { state: tx.state, busy: tx.busy, reset: tx.reset, run, write };
}
