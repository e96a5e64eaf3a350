import type { Metadata } from "next";
import Link from "next/link";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { defaultEndDate, latestEndDate } from "~/server/domain/policy/overrides";
import { ukDate } from "~/server/services/referral-submit";
import { ChildrenPrompt } from "../children-prompt";
import { OverrideForm } from "./override-form";

export const metadata: Metadata = { title: "Record an override" };

export default async function NewOverridePage({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const options = await readOrRefuse(async () => (await getServerApi()).overrides.formOptions({ caseId }));
  const today = ukDate(new Date());
  const agencies = options.agencies.filter((a) => a.type !== "immigration_enforcement").map((a) => ({ value: a.id, label: `${a.name} (${a.typeLabel})` }));
  return (
    <>
      <Link href={`/cases/${caseId}`} className="mb-6 inline-block">Back to the case</Link>
      <span className="mb-1 block text-lg text-secondary">Case {options.caseNumber}</span>
      <h1>Record an override</h1>
      <div className="mb-6 max-w-2xl space-y-3">
        <p>
          An override shares one kind of information on this case with one agency that the sharing policy, or the victim&apos;s wishes, would
          otherwise keep it from. Record it only for a decision the MARAC has made.
        </p>
        <p>
          It takes effect when a second case holder approves it (a MARAC chair, if it shares immigration information). It stops by itself after its
          end date. The IDVA is then asked to tell the victim what was shared, when and why.
        </p>
        <p>
          Sharing with Immigration Enforcement has its own form: <Link href={`/cases/${caseId}/overrides/immigration-enforcement`}>share with Immigration Enforcement</Link>.
        </p>
      </div>
      {options.childrenInvolved ? <ChildrenPrompt /> : null}
      <OverrideForm caseId={caseId} caseNumber={options.caseNumber} agencies={agencies} defaultEndDate={defaultEndDate(today)} latestEndDate={latestEndDate(today)} />
    </>
  );
}
