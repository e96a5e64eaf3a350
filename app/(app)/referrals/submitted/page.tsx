import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Referral submitted" };

export default async function SubmittedPage({ searchParams }: { searchParams: Promise<{ case?: string; id?: string }> }) {
  const sp = await searchParams;
  const caseNumber = typeof sp.case === "string" && /^[A-Za-z0-9-]{1,60}$/.test(sp.case) ? sp.case : null;
  const caseId = typeof sp.id === "string" && /^[A-Za-z0-9-]{1,100}$/.test(sp.id) ? sp.id : null;
  return (
    <div className="max-w-3xl">
      <div className="mb-8 bg-success p-6 text-center text-white">
        <h1 className="mb-4 text-white">Referral submitted</h1>
        {caseNumber ? (
          <p className="mb-0 text-2xl">
            Case number
            <br />
            <strong>{caseNumber}</strong>
          </p>
        ) : null}
      </div>
      <h2>What happens next</h2>
      <p className="mb-4">The MARAC coordinator will triage your referral. They will check it against the referral criteria and any earlier referrals of the same victim, then accept it for a meeting or decline it with a reason your agency can see.</p>
      <p className="mb-4">Keep the case number: quote it if you contact the MARAC coordinator about this referral.</p>
      <p className="mb-4">If the victim is in immediate danger, call 999. Do not wait for the MARAC meeting.</p>
      <ul className="mb-6 list-disc space-y-2 pl-6">
        {caseId ? (
          <li>
            <Link href={`/cases/${caseId}`}>View the case{caseNumber ? ` ${caseNumber}` : ""}</Link>
          </li>
        ) : null}
        <li>
          <Link href="/referrals">Refer another case</Link>
        </li>
      </ul>
    </div>
  );
}
