import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { RISK_FACTORS } from "~/server/domain/referral/risk-factors";
import { AddFlagForm } from "../../flag-forms";

export const metadata: Metadata = { title: "Flag a risk factor" };

/** Flagging a risk factor is its own page (GOV.UK: one thing per page); the server decides who may. */
export default async function NewFlagPage({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const { caseNumber, victimName, role } = await readOrRefuse(async () => {
    const api = await getServerApi();
    const [data, me] = await Promise.all([api.cases.get({ caseId }), api.account.me()]);
    return { caseNumber: data.caseNumber, victimName: (data.view.victim as unknown as { name: string }).name, role: me.role };
  });
  if (role !== "chair" && role !== "idva") forbidden();
  return (
    <div className="max-w-2xl">
      <Link href={`/cases/${caseId}#flags`} className="mb-6 inline-block">Back to the case</Link>
      <span className="mb-1 block text-lg text-secondary">Case {caseNumber}, {victimName}</span>
      <h1>Flag a risk factor</h1>
      <p className="mb-6">
        A flag tells every agency that may see it about a risk they should know of before the meeting. Agencies whose sharing policy does not
        allow the risk factor&apos;s category do not see the flag.
      </p>
      <AddFlagForm caseId={caseId} factors={RISK_FACTORS.map((r) => ({ value: r.id, label: r.label }))} />
    </div>
  );
}
