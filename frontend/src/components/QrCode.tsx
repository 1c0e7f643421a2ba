// A QR code drawn as SVG rectangles (no canvas, no images to fetch).
import qrcode from "qrcode-generator";
import { useDeferredValue, useMemo } from "react";

export function QrCode({ text, size = 148, label }: { text: string; size?: number; label: string }) {
  // Drawn after the rest of the page: its mask search is the dearest thing on a pool page's first render.
  const shown = useDeferredValue(text, "");
  const cells = useMemo(() => {
    if (shown === "") return { n: 21, dark: [] };
    const qr = qrcode(0, "M");
    qr.addData(shown);
    qr.make();
    const n = qr.getModuleCount();
    const dark: Array<[number, number]> = [];
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.isDark(r, c)) dark.push([c, r]);
    return { n, dark };
  }, [shown]);
  const margin = 2;
  const total = cells.n + 2 * margin;
  return (
    <svg viewBox={`0 0 ${total} ${total}`} width={size} height={size} role="img" aria-label={label} className="qr" shapeRendering="crispEdges" data-testid="qr">
      <rect width={total} height={total} fill="#fff" />
      <path d={cells.dark.map(([x, y]) => `M${x + margin},${y + margin}h1v1h-1z`).join("")} fill="#111" />
    </svg>
  );
}
