import type { Metadata } from "next";
import Link from "next/link";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { TAG_LABELS } from "~/server/domain/tags";
import { PrintButton } from "./print-button";

export const metadata: Metadata = { title: "Sharing record" };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/London" });

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
        <PrintButton />
      </div>
      <h2>In short</h2>
      {record.summary.length === 0 ? (
        <p className="mb-8">No agency has looked at this case yet.</p>
      ) : (
        <ul className="mb-8 list-disc space-y-2 pl-6">
          {record.summary.map((s) => (
            <li key={s.agencyName}>
              {s.plainEnglish} ({s.views} {s.views === 1 ? "time" : "times"}, last on {when.format(s.last)}.)
            </li>
          ))}
        </ul>
      )}
      <h2>Every look at this case</h2>
      <table className="w-full border-collapse text-left text-sm">
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
              <td className="py-2 pr-3 whitespace-nowrap">{when.format(e.at)}</td>
              <td className="py-2 pr-3">
                {e.agencyName}
                <span className="block text-secondary">{e.userName}{e.consultation ? " (MARAC chair or coordinator)" : ""}</span>
              </td>
              <td className="py-2 pr-3">{e.tagsShown.length === 0 ? "None" : e.tagsShown.map((t) => TAG_LABELS[t]).join(", ")}</td>
              <td className="py-2 pr-3">{e.why}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-6 hidden font-bold print:block">OFFICIAL-SENSITIVE</p>
    </>
  );
}
