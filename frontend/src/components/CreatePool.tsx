// Launch a pool from the web: name, description, links, asset, budget lines, rules and weighting, checked as
// the factory and the pool's initializer check them (lib/create.ts), with what it will cost (the gas estimate
// times the gas price) shown before the wallet is asked; on confirmation the page opens the new pool.
// Loaded on demand (#/create), so the first page stays small.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { formatEther, formatGwei, isAddress, parseEventLogs, type Address } from "viem";
import { useBytecode, useConnection, usePublicClient, useReadContracts } from "wagmi";
import { deployment, erc20Abi, poolFactoryAbi } from "../contracts";
import { useTx } from "../hooks/useTx";
import { explainError } from "../lib/errors";
import { CREATE_FORM_DEFAULTS, readCreateForm, type CreateForm, type LineInput } from "../lib/create";
import { ETH, tokenSymbol, ZERO_ADDRESS } from "@potluck/core";
import { chain } from "../wagmi";
import { Action } from "./Action";
import { TxStatus } from "./TxStatus";

type AssetChoice = "ETH" | "mUSD" | "token";

const RULE_FIELDS: Array<[keyof CreateForm, string, string]> = [
  ["epoch", "epoch", "Weight matures and elections run in epochs: a gift counts from the next one (1 hour to 365 days)."],
  ["claimDelay", "claim delay", "How long contributors can object to a claim before it can be paid."],
  ["ruleChangeDelay", "rule change delay", "Notice before a budget or rules change takes effect."],
  ["inactivityPeriod", "inactivity period", "Without a sign of life for this long, anyone may call an election."],
  ["vacancyPeriod", "vacancy period", "How long a seat may stay open before the pool can wind down (at least two epochs)."],
  ["objectionQuorumBps", "objection quorum", "Share of matured weight whose objections reject a claim or a change."],
  ["electionQuorumBps", "election quorum", "Share of matured weight a winner needs."],
  ["recallThresholdBps", "recall threshold", "Share of weight whose petition opens a recall election."],
  ["inKindWeight", "in-kind weight", "What delivered in-kind value weighs, as a share of money's weight."],
];

export function CreatePool() {
  const connection = useConnection();
  const client = usePublicClient();
  const factory = deployment?.PoolFactory.address;
  const [form, setForm] = useState<CreateForm>({
    name: "", description: "", links: "", maintainer: "", weighting: "linear", ...CREATE_FORM_DEFAULTS,
    lines: [{ name: "hosting", cap: "", period: "30 days" }],
  });
  const [choice, setChoice] = useState<AssetChoice>("ETH");
  const [tokenText, setTokenText] = useState("");
  const tx = useTx();
  const set = (patch: Partial<CreateForm>) => setForm({ ...form, ...patch });
  const setLine = (i: number, patch: Partial<LineInput>) => set({ lines: form.lines.map((l, j) => (j === i ? { ...l, ...patch } : l)) });

  const tokenAddress: Address | undefined = choice === "mUSD" ? deployment?.MockUSD?.address : choice === "token" && isAddress(tokenText.trim()) ? (tokenText.trim() as Address) : undefined;
  const code = useBytecode({ address: tokenAddress, query: { enabled: tokenAddress !== undefined } });
  const tokenInfo = useReadContracts({
    allowFailure: false,
    query: { enabled: tokenAddress !== undefined && code.data !== undefined && code.data !== "0x" },
    contracts: [
      { address: tokenAddress ?? ZERO_ADDRESS, abi: erc20Abi, functionName: "symbol" },
      { address: tokenAddress ?? ZERO_ADDRESS, abi: erc20Abi, functionName: "decimals" },
    ],
  });
  const asset = choice === "ETH"
    ? { address: ETH.address as Address, units: ETH, hasCode: false, known: true }
    : {
        address: tokenAddress ?? ZERO_ADDRESS,
        units: { symbol: tokenSymbol(tokenInfo.data?.[0]), decimals: tokenInfo.data?.[1] ?? 18 },
        hasCode: code.data !== undefined && code.data !== "0x",
        // A token's amounts are read only once its decimals are known (else 10 would be read with 18 decimals).
        known: tokenAddress !== undefined && code.data !== undefined && (code.data === "0x" || tokenInfo.data !== undefined),
      };

  const read = readCreateForm(form, asset, connection.address);
  let reason: string | undefined;
  if (choice === "token" && tokenAddress === undefined) reason = "Enter the token's address (0x…).";
  else if (!asset.known) reason = "Reading the token…";
  else if (!read.ok) reason = read.error;
  else if (connection.address === undefined) reason = "Connect a wallet to create the pool.";
  else if (connection.chainId !== chain.id) reason = `Switch your wallet to ${chain.name} to create the pool.`;
  const args = read.ok && reason === undefined ? read.value : undefined;

  // The cost before signing: the node's gas estimate for exactly these arguments, times its gas price.
  const cost = useQuery({
    queryKey: ["potluck", "createCost", factory, connection.address, args === undefined ? "" : JSON.stringify(args, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v))],
    enabled: args !== undefined && client !== undefined && factory !== undefined,
    retry: false,
    queryFn: async () => {
      const [gas, price] = await Promise.all([
        client!.estimateContractGas({ address: factory!, abi: poolFactoryAbi, functionName: "createPool", args: [args!.config, args!.lines], account: connection.address! }),
        client!.getGasPrice(),
      ]);
      return { gas, price, wei: gas * price };
    },
  });

  const submit = () => {
    if (args === undefined || factory === undefined) return;
    void tx.run(async (s) => {
      const receipt = await s.send(`Creating "${form.name.trim()}"`, { address: factory, abi: poolFactoryAbi, functionName: "createPool", args: [args.config, args.lines] });
      const created = parseEventLogs({ abi: poolFactoryAbi, logs: receipt.logs, eventName: "PoolCreated" })[0];
      if (created !== undefined) window.location.hash = `#/pool/${created.args.pool}`;
    });
  };

  return (
    <article className="create" data-testid="create-pool">
      <a href="#/" className="back">← all pools</a>
      <h1>Start a pool</h1>
      <p className="lede">A pool funds one project and pays its maintainer only by the rules below, which donors read before they give. Rules and lines can change later only with notice, and contributors can object.</p>
      <div className="panel form">
        <h2>The project</h2>
        <label>Name <input value={form.name} onChange={(e) => set({ name: e.target.value })} data-testid="create-name" /></label>
        <label>What it is for <textarea rows={3} value={form.description} onChange={(e) => set({ description: e.target.value })} data-testid="create-description" /></label>
        <label>Links (one per line: https, http or ipfs) <textarea rows={2} value={form.links} onChange={(e) => set({ links: e.target.value })} data-testid="create-links" /></label>
        <label>Maintainer <input value={form.maintainer} onChange={(e) => set({ maintainer: e.target.value })} placeholder={connection.address ? `you (${connection.address.slice(0, 8)}…)` : "an address (0x…); default: you"} data-testid="create-maintainer" /></label>
      </div>
      <div className="panel form">
        <h2>Asset</h2>
        <div className="row" role="radiogroup" aria-label="asset">
          <label><input type="radio" checked={choice === "ETH"} onChange={() => setChoice("ETH")} /> ETH</label>
          {deployment?.MockUSD !== undefined && <label><input type="radio" checked={choice === "mUSD"} onChange={() => setChoice("mUSD")} data-testid="create-asset-musd" /> mUSD (the demo token)</label>}
          <label><input type="radio" checked={choice === "token"} onChange={() => setChoice("token")} /> a token</label>
        </div>
        {choice === "token" && <input value={tokenText} onChange={(e) => setTokenText(e.target.value)} placeholder="token address 0x…" aria-label="token address" />}
        {choice !== "ETH" && asset.known && asset.hasCode && <p className="muted">{asset.units.symbol}, {asset.units.decimals} decimals</p>}
      </div>
      <div className="panel form">
        <h2>Budget lines</h2>
        <p className="muted">What the maintainer may claim, per line and per period; claims wait out the claim delay and can be rejected.</p>
        {form.lines.map((l, i) => (
          <div className="line-input" key={i} data-testid="create-line">
            <input value={l.name} onChange={(e) => setLine(i, { name: e.target.value })} placeholder="name" aria-label={`line ${i + 1} name`} />
            <input value={l.cap} onChange={(e) => setLine(i, { cap: e.target.value })} placeholder={`cap in ${asset.units.symbol}`} inputMode="decimal" aria-label={`line ${i + 1} cap`} />
            <input value={l.period} onChange={(e) => setLine(i, { period: e.target.value })} placeholder="per (30 days)" aria-label={`line ${i + 1} period`} />
            <button type="button" className="btn btn-secondary" onClick={() => set({ lines: form.lines.filter((_, j) => j !== i) })} aria-label={`remove line ${i + 1}`}>✕</button>
          </div>
        ))}
        <div><button type="button" className="btn btn-secondary" onClick={() => set({ lines: [...form.lines, { name: "", cap: "", period: "30 days" }] })} data-testid="create-add-line">Add a line</button></div>
      </div>
      <div className="panel form">
        <h2>Rules</h2>
        <div className="rules-grid">
          {RULE_FIELDS.map(([key, label, hint]) => (
            <label key={key}>
              <span title={hint}>{label}</span>
              <input value={form[key] as string} onChange={(e) => set({ [key]: e.target.value })} aria-label={label} data-testid={`create-${key}`} />
            </label>
          ))}
        </div>
        <div className="row" role="radiogroup" aria-label="weighting">
          weight is{" "}
          <label><input type="radio" checked={form.weighting === "linear"} onChange={() => set({ weighting: "linear" })} /> what was given (linear)</label>
          <label><input type="radio" checked={form.weighting === "quadratic"} onChange={() => set({ weighting: "quadratic" })} data-testid="create-quadratic" /> its square root (quadratic: small donors count more)</label>
        </div>
      </div>
      <div className="panel">
        <p data-testid="create-cost">
          {args === undefined ? <span className="muted">The cost is shown once the form is complete.</span>
            : cost.data !== undefined ? <>Creating it costs about <strong>{Number(formatEther(cost.data.wei)).toPrecision(3)} ETH</strong> ({cost.data.gas.toLocaleString("en-US")} gas at {Number(formatGwei(cost.data.price)).toPrecision(3)} gwei), paid to the network.</>
            : cost.error !== null ? <span className="reason">{explainError(cost.error, { asset: asset.units }).sentence}</span>
            : <span className="muted">Estimating the cost…</span>}
        </p>
        <Action gate={reason === undefined ? { ok: true } : { ok: false, reason }} busy={tx.busy} onClick={submit} testId="create-submit">Create the pool</Action>
        <TxStatus state={tx.state} testId="create-tx" />
      </div>
    </article>
  );
}
