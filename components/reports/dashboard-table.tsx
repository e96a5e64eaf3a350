export type ShownTable = {
  title: string;
  rowLabels: readonly string[];
  colLabels: readonly string[];
  cells: readonly (readonly (number | string)[])[];
  rowTotals: readonly (number | string)[];
  colTotals: readonly (number | string)[];
  grand: number | string;
};

/** A suppressed table as HTML, with its totals when they mean something (a count of a stock over months does not add up). */
export function DashboardTable({ table, rowHeader, totals = true }: { table: ShownTable; rowHeader: string; totals?: boolean }) {
  return (
    <div className="overflow-x-auto">
      <table className="mt-2 w-full border-collapse text-left text-sm">
        <caption className="sr-only">{table.title}</caption>
        <thead>
          <tr className="border-b border-border">
            <th scope="col" className="py-2 pr-3">{rowHeader}</th>
            {table.colLabels.map((c) => (
              <th key={c} scope="col" className="py-2 pr-3">{c}</th>
            ))}
            {totals ? <th scope="col" className="py-2 pr-3">Total</th> : null}
          </tr>
        </thead>
        <tbody>
          {table.rowLabels.map((r, i) => (
            <tr key={r} className="border-b border-border">
              <th scope="row" className="py-2 pr-3 font-normal">{r}</th>
              {(table.cells[i] ?? []).map((v, j) => (
                <td key={table.colLabels[j] ?? j} className="py-2 pr-3">{v}</td>
              ))}
              {totals ? <td className="py-2 pr-3 font-bold">{table.rowTotals[i]}</td> : null}
            </tr>
          ))}
          {totals && table.rowLabels.length > 1 ? (
            <tr className="border-b border-border font-bold">
              <th scope="row" className="py-2 pr-3">Total</th>
              {table.colTotals.map((v, j) => (
                <td key={table.colLabels[j] ?? j} className="py-2 pr-3">{v}</td>
              ))}
              <td className="py-2 pr-3">{table.grand}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
