// A button that is enabled only when the contract would accept the call, with the reason shown when not.
import type { ReactNode } from "react";
import type { Gate } from "../lib/state";

export function Action({ gate, busy, onClick, children, testId, kind = "primary" }: {
  gate: Gate;
  busy?: boolean;
  onClick: () => void;
  children: ReactNode;
  testId?: string;
  kind?: "primary" | "secondary" | "danger";
}) {
  return (
    <span className="action">
      <button type="button" className={`btn btn-${kind}`} disabled={!gate.ok || busy} onClick={onClick} data-testid={testId}>
        {children}
      </button>
      {!gate.ok && <span className="reason" data-testid={testId ? `${testId}-reason` : undefined}>{gate.reason}</span>}
    </span>
  );
}
