import type { Metadata } from "next";
import Link from "next/link";
import { ProjectedText } from "~/components/case/projected-text";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { TAG_LABELS } from "~/server/domain/tags";
import { PrintButton } from "~/components/ui/print-button";
import { formatDate, formatDateTime } from "~/server/domain/dates";
import { TableScroll } from "~/components/ui/table-scroll";

export const metadata: Metadata = { title: "Sharing record" };


type Group = Awaited<ReturnType<Awaited<ReturnType<typeof getServerApi>>["cases"]["sharingRecord"]>>["agencies"][number];

/** One agency (or MARAC function): a plain sentence, then each kind of information with its dates and purpose. */
function GroupTable({ group, id }: { group: Group; id: string }) {
  return (
    <section aria-labelledby={id} className="mb-8 break-inside-avoid">
      <h3 id={id}>{group.who}</h3>
      <p className="mb-3">{group.plainEnglish}</p>
      <TableScroll label={`What ${group.who} saw, by kind of information`}><table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">What {group.who} saw, by kind of information</caption>
        <thead>
          <tr className="border-b border-border">
            <th scope="col" className="py-2 pr-3">Information</th>
            <th scope="col" className="py-2 pr-3">How often</th>
            <th scope="col" className="py-2 pr-3">First</th>
            <th scope="col" className="py-2 pr-3">Last</th>
            <th scope="col" className="py-2 pr-3">Why</th>
          </tr>
        </thead>
        <tbody>
          {group.categories.map((c) => (
            <tr key={c.tag ?? "basic"} className="border-b border-border align-top">
              <th scope="row" className="py-2 pr-3 font-normal first-letter:uppercase">{c.tag ? `${TAG_LABELS[c.tag]} information` : "basic case details"}</th>
              <td className="py-2 pr-3">{c.times === 1 ? "once" : c.times === 2 ? "twice" : `${c.times} times`}</td>
              <td className="py-2 pr-3 whitespace-nowrap">{formatDate(c.first)}</td>
              <td className="py-2 pr-3 whitespace-nowrap">{formatDate(c.last)}</td>
              <td className="py-2 pr-3">{c.purposes.join("; ")}</td>
            </tr>
          ))}
        </tbody>
      </table></TableScroll>
    </section>
  );
}

export default async function SharingRecordPage({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const record = await readOrRefuse(async () => (await getServerApi()).cases.sharingRecord({ caseId }));
  return (
    <>
      <div className="print:hidden">
        <Link href={`/cases/${caseId}`} className="mb-6 inline-block">Back to the case</Link>
      </div>
      <p className="mb-2 hidden font-bold print:block">OFFICIAL-SENSITIVE</p>
      <span className="mb-1 block text-lg text-secondary">Case {record.caseNumber}</span>
      <h1>What has been shared, with whom, and why</h1>
      <p className="mb-6 max-w-2xl">
        This is a plain account you can go through with the victim. It lists each agency that has looked at this case in MARAC Desk, the kinds
        of restricted information it was shown, when, and why. Names, dates of birth, the risk assessment and the referral are shared with every
        MARAC member agency so they can search their own records.
      </p>
      <div className="mb-8 print:hidden">
        <PrintButton label="Print this record" />
      </div>

      <h2>Shared with agencies</h2>
      {record.agencies.length === 0 ? (
        <p className="mb-8">No agency has looked at this case yet.</p>
      ) : (
        <>
          <ul className="mb-8 list-disc space-y-2 pl-6">
            {record.agencies.map((g) => (
              <li key={g.who}>{g.plainEnglish}</li>
            ))}
          </ul>
          {record.agencies.map((g, i) => (
            <GroupTable key={g.who} group={g} id={`agency-${i}`} />
          ))}
        </>
      )}

      <h2>Decisions to share beyond the usual rules</h2>
      {record.overrides.length === 0 ? (
        <p className="mb-8">The MARAC has made no decision to share her information beyond the usual rules.</p>
      ) : (
        <ul className="mb-8 space-y-4">
          {record.overrides.map((o) => (
            <li key={o.id} className="max-w-2xl">
              <p>{o.plainEnglish}</p>
              <ProjectedText value={o.why} hideNotice />
            </li>
          ))}
        </ul>
      )}

      <h2>Used by the MARAC itself</h2>
      <p className="mb-4 max-w-2xl">
        The MARAC chair and coordinator run the meeting and see the whole case. They are employed by an agency, named in brackets, but what they
        see is not passed to that agency.
      </p>
      {record.maracItself.length === 0 ? (
        <p className="mb-8">The MARAC chair and coordinator have not looked at this case yet.</p>
      ) : (
        record.maracItself.map((g, i) => <GroupTable key={g.who} group={g} id={`marac-${i}`} />)
      )}

      <h2 className="print:break-before-page">Every look at this case</h2>
      <TableScroll label="Each time the case was viewed"><table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Each time the case was viewed</caption>
        <thead>
          <tr className="border-b border-border">
            <th scope="col" className="py-2 pr-3">When</th>
            <th scope="col" className="py-2 pr-3">Agency and person</th>
            <th scope="col" className="py-2 pr-3">Restricted information shown</th>
            <th scope="col" className="py-2 pr-3">Why</th>
          </tr>
        </thead>
        <tbody>
          {record.entries.map((e, i) => (
            <tr key={i} className="border-b border-border align-top">
              <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(e.at)}</td>
              <td className="py-2 pr-3">
                {e.who}
                <span className="block text-secondary">{e.userName}</span>
              </td>
              <td className="py-2 pr-3">{e.tagsShown.length === 0 ? "None" : e.tagsShown.map((t) => TAG_LABELS[t]).join(", ")}</td>
              <td className="py-2 pr-3">{e.why}</td>
            </tr>
          ))}
        </tbody>
      </table></TableScroll>
      <p className="mt-6 hidden font-bold print:block">OFFICIAL-SENSITIVE</p>
    </>
  );
}
