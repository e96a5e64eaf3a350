import { useId, type ReactNode } from "react";

export type Bar = { label: string; value: number | string };

/**
 * A horizontal bar chart drawn on the server as SVG (no script, no inline style: it works under the
 * nonce CSP). A hidden value ("<5", "[c]") gets no bar, only its mark. The chart carries a title and
 * a description for screen readers, and the same figures follow as a table (WCAG 1.1.1, 1.3.1):
 * the bars themselves, or the fuller table the chart summarises.
 */
export function BarChart({ title, description, bars, unit = "", valueHeader, tableView }: { title: string; description: string; bars: readonly Bar[]; unit?: string; valueHeader: string; tableView?: ReactNode }) {
  const id = useId();
  const numeric = bars.map((b) => (typeof b.value === "number" ? b.value : 0));
  const max = Math.max(1, ...numeric);
  const rowH = 28;
  const labelW = 260;
  const barW = 360;
  const height = bars.length * rowH + 8;
  return (
    <figure className="mb-8">
      <figcaption className="mb-2 font-bold">{title}</figcaption>
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${labelW + barW + 80} ${height}`} className="w-full max-w-3xl">
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{description}</desc>
        {bars.map((b, i) => {
          const y = i * rowH + 4;
          const w = typeof b.value === "number" ? Math.round((b.value / max) * barW) : 0;
          return (
            <g key={b.label}>
              <text x={labelW - 8} y={y + 17} textAnchor="end" fontSize="13" fill="#0b0c0c">{b.label}</text>
              <rect x={labelW} y={y + 3} width={w} height={rowH - 8} fill="#1d70b8" />
              <text x={labelW + w + 6} y={y + 17} fontSize="13" fill="#0b0c0c">{typeof b.value === "number" ? `${b.value}${unit}` : b.value}</text>
            </g>
          );
        })}
      </svg>
      <details className="mt-2">
        <summary className="cursor-pointer underline">Show the figures as a table</summary>
        {tableView ?? (
        <table className="mt-2 w-full max-w-3xl border-collapse text-left">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr className="border-b border-border">
              <th scope="col" className="py-2 pr-4">Item</th>
              <th scope="col" className="py-2 pr-4">{valueHeader}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.label} className="border-b border-border">
                <th scope="row" className="py-2 pr-4 font-normal">{b.label}</th>
                <td className="py-2 pr-4">{typeof b.value === "number" ? `${b.value}${unit}` : b.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        )}
      </details>
    </figure>
  );
}
