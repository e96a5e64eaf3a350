import type { Metadata } from "next";
import Link from "next/link";
import { CaseView } from "~/components/case/case-view";
import { formatValue } from "~/components/case/labels";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";

export const metadata: Metadata = { title: "Case" };

const CASE_HOLDERS = new Set(["chair", "coordinator", "idva"]);

export default async function CasePage({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const { data, me } = await readOrRefuse(async () => {
    const api = await getServerApi();
    const [data, me] = await Promise.all([api.cases.get({ caseId }), api.account.me()]);
    return { data, me };
  });
  const victim = data.view.victim as unknown as { name: string; dateOfBirth?: string };
  const referring = data.view.referring as unknown as { agencyName: string; referralDate: string };
  return (
    <>
      <span className="mb-1 block text-lg text-secondary">Case {data.caseNumber}</span>
      <h1>{victim.name}</h1>
      <ul className="mb-6 flex flex-wrap gap-x-8 gap-y-1">
        <li>Born {formatValue(victim.dateOfBirth)}</li>
        <li>Referred {formatValue(referring.referralDate)} by {referring.agencyName}</li>
        <li>Status: {data.status}</li>
        <li>Dash score: {data.dashScore} of 24</li>
      </ul>
      {CASE_HOLDERS.has(me.role) ? (
        <ul className="mb-8 flex flex-wrap gap-x-6 gap-y-2">
          <li><Link href={`/cases/${caseId}/edit`}>Change case details</Link></li>
          <li><Link href={`/cases/${caseId}/narrative`}>Review narrative tags</Link></li>
          <li><Link href={`/cases/${caseId}/sharing-record`}>Sharing record</Link></li>
        </ul>
      ) : (
        <p className="mb-8 border-l-4 border-brand bg-panel p-4">
          You are seeing what your agency may see under the MARAC information-sharing protocol. Some information may be withheld; where it
          is, the page says who to ask.
        </p>
      )}
      <CaseView data={data} />
    </>
  );
}
