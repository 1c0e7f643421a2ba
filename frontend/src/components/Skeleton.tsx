// Placeholder shapes for figures not yet known: never a wrong figure (an address for a name, "0" for a
// count not yet read, a countdown from the computer's clock) while the chain answers.
export function Bone({ width = "6em", height = "1em", className = "" }: { width?: string; height?: string; className?: string }) {
  return <span className={`bone ${className}`} style={{ width, height }} aria-hidden="true" />;
}

/** The pool page's shape while its figures load. */
export function PoolSkeleton() {
  return (
    <article className="pool" data-testid="pool-loading" aria-busy="true" aria-label="Loading the pool">
      <a href="#/" className="back">← all pools</a>
      <h1><Bone width="min(14em, 80%)" height="1.4em" /></h1>
      <p className="meta"><Bone width="min(30em, 100%)" /></p>
      <div className="stats">
        {[0, 1, 2, 3].map((i) => (
          <div className="stat" key={i}>
            <div className="stat-label"><Bone width="5em" height="0.8em" /></div>
            <div className="stat-value"><Bone width="4em" height="1.2em" /></div>
          </div>
        ))}
      </div>
      <div className="columns">
        <div className="main-col"><div className="panel"><Bone width="40%" /><Bone width="100%" height="0.7em" className="block" /><Bone width="100%" height="0.7em" className="block" /></div></div>
        <aside className="side-col"><div className="panel"><Bone width="50%" /><Bone width="100%" height="2em" className="block" /></div></aside>
      </div>
    </article>
  );
}
