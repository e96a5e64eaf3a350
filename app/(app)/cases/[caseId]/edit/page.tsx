import type { Metadata } from "next";
import Link from "next/link";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { VictimForm, type VictimDefaults } from "./victim-form";

export const metadata: Metadata = { title: "Change victim details" };

const str = (v: unknown): string => (typeof v === "string" ? v : Array.isArray(v) ? v.join("\n") : "");
const txt = (v: unknown): string => (typeof v === "object" && v !== null && "text" in v ? str((v).text) : "");

export default async function EditCasePage({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const data = await readOrRefuse(async () => (await getServerApi()).cases.forEditing({ caseId }));
  const v = data.view.victim as unknown as Record<string, unknown>;
  const disability = (v.disability ?? {}) as Record<string, unknown>;
  const lgbt = (v.lgbtPlus ?? {}) as Record<string, unknown>;
  const defaults: VictimDefaults = {
    name: str(v.name), aliases: str(v.aliases), dateOfBirth: str(v.dateOfBirth), gender: str(v.gender), address: str(v.address), phone: str(v.phone),
    phoneSafeToCall: str(v.phoneSafeToCall), safeContactNotes: txt(v.safeContactNotes), email: str(v.email), firstLanguage: str(v.firstLanguage),
    interpreterNeeded: str(v.interpreterNeeded), ethnicity: str(v.ethnicity), "disability-disabled": str(disability.disabled),
    "disability-details": txt(disability.details), "lgbtPlus-identifiesAsLgbtPlus": str(lgbt.identifiesAsLgbtPlus), "lgbtPlus-details": txt(lgbt.details),
    pregnantOrBabyUnder18Months: str(v.pregnantOrBabyUnder18Months), nationality: str(v.nationality), immigrationStatus: str(v.immigrationStatus),
    noRecourseToPublicFunds: str(v.noRecourseToPublicFunds), immigrationNeeds: txt(v.immigrationNeeds), afraidOf: txt(v.afraidOf),
    safeToTalkTo: txt(v.safeToTalkTo), notSafeToTalkTo: txt(v.notSafeToTalkTo),
  };
  return (
    <div className="max-w-3xl">
      <Link href={`/cases/${caseId}`} className="mb-6 inline-block">Back to the case</Link>
      <span className="mb-1 block text-lg text-secondary">Case {data.caseNumber}</span>
      <h1>Change victim details</h1>
      <p className="mb-6">Fields marked &ldquo;Restricted&rdquo; are shown only to agencies whose sharing policy allows them. Changed free text is checked again for restricted sentences.</p>
      <VictimForm caseId={caseId} version={data.version} defaults={defaults} />
    </div>
  );
}
