import type { ReactNode } from "react";
import { formatDateTime } from "~/server/domain/dates";

export type PendingChangeView = {
  id: string;
  title: string;
  lines: { label: string; value: string }[];
  proposedByName: string;
  proposedAt: Date;
  expiresAt: Date;
};


/** One proposed privileged change as a GOV.UK summary card; `children` holds the chair's buttons. */
export function PendingChange({ change, children }: { change: PendingChangeView; children?: ReactNode }) {
  const rows = [
    ...change.lines,
    { label: "Proposed by", value: `${change.proposedByName}, ${formatDateTime(change.proposedAt)}` },
    { label: "Lapses", value: formatDateTime(change.expiresAt) },
  ];
  return (
    <section aria-labelledby={`change-${change.id}`} className="mb-8 border border-border">
      <h2 id={`change-${change.id}`} className="mb-0 border-b border-border bg-panel px-4 py-2 text-xl">
        {change.title}
      </h2>
      <dl className="px-4">
        {rows.map((r) => (
          <div key={r.label} className="grid grid-cols-1 border-b border-border py-3 last:border-b-0 sm:grid-cols-3">
            <dt className="font-bold">{r.label}</dt>
            <dd className="break-words sm:col-span-2">{r.value}</dd>
          </div>
        ))}
      </dl>
      {children ? <div className="px-4 pt-4">{children}</div> : null}
    </section>
  );
}
