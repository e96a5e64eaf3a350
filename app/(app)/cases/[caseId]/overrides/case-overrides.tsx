import Link from "next/link";
import { endDay, STATE_TAG } from "~/components/overrides/override-card";
import { StatusTag } from "~/components/ui/status-tag";
import { TAG_LABELS, type Tag } from "~/server/domain/tags";

type Row = { id: string; agencyName: string; tag: Tag; state: keyof typeof STATE_TAG; endDate: string };

/** The case's overrides, for case holders, with the way to record one. */
export function CaseOverrides({ caseId, overrides }: { caseId: string; overrides: readonly Row[] }) {
  return (
    <section aria-labelledby="overrides" className="mb-10">
      <h2 id="overrides" className="border-b-2 border-ink pb-2">Overrides</h2>
      {overrides.length === 0 ? (
        <p className="mb-3">Nothing on this case is shared beyond the sharing policy.</p>
      ) : (
        <ul className="mb-3 space-y-2">
          {overrides.map((o) => (
            <li key={o.id}>
              <StatusTag tone={STATE_TAG[o.state].tone}>{STATE_TAG[o.state].text}</StatusTag>{" "}
              <Link href={`/overrides#override-${o.id}`}>
                {TAG_LABELS[o.tag]} information to {o.agencyName}
              </Link>
              , until {endDay(o.endDate)}
            </li>
          ))}
        </ul>
      )}
      <ul className="flex flex-wrap gap-x-6 gap-y-2">
        <li><Link href={`/cases/${caseId}/overrides/new`}>Record an override</Link></li>
        <li><Link href={`/cases/${caseId}/overrides/immigration-enforcement`}>Share with Immigration Enforcement</Link></li>
      </ul>
    </section>
  );
}
