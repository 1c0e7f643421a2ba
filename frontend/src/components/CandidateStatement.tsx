// A candidate's statement (`CandidateStatement`, issue 18): the name and URI whoever nominated them, or they
// themselves, gave. Chain text: the name and a plain-text `data:` URI are shown inert, through ChainText; an
// `ipfs:` URI is a link through the gateway; any other `data:` URI (HTML, images, scripts) is shown as text
// marked as not a link, never opened or rendered.
import { showStatement } from "@potluck/core";
import { ChainLink, ChainText } from "./ChainText";

export function CandidateStatement({ statement }: { statement?: { name: string; uri: string } }) {
  if (statement === undefined) return null;
  const shown = showStatement(statement.name, statement.uri);
  return (
    <span className="candidate-statement" data-testid="candidate-statement">
      {shown.name !== "" && <strong className="candidate-name" data-testid="candidate-name"><ChainText text={statement.name} max={40} /></strong>}
      {shown.text !== undefined && <span className="muted candidate-text" data-testid="candidate-text">“<ChainText text={shown.text} max={160} />”</span>}
      {shown.link !== undefined && <ChainLink url={statement.uri} max={40} testId="candidate-link" />}
    </span>
  );
}
