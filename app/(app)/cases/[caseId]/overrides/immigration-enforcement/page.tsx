import type { Metadata } from "next";
import Link from "next/link";
import { Button, Radios } from "~/components/ui/fields";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { defaultEndDate, latestEndDate } from "~/server/domain/policy/overrides";
import { ukDate } from "~/server/services/referral-submit";
import { ChildrenPrompt } from "../children-prompt";
import { IeOverrideForm } from "./ie-override-form";

export const metadata: Metadata = { title: "Share with Immigration Enforcement" };

/**
 * First the route the NPCC guidance prefers (an independent third party instead); the form to
 * record a MARAC decision to share with Immigration Enforcement only after choosing not to take it.
 */
export default async function IeOverridePage({ params, searchParams }: { params: Promise<{ caseId: string }>; searchParams: Promise<{ route?: string }> }) {
  const { caseId } = await params;
  const { route } = await searchParams;
  const options = await readOrRefuse(async () => (await getServerApi()).overrides.formOptions({ caseId }));
  const today = ukDate(new Date());
  const agencies = options.agencies.filter((a) => a.type === "immigration_enforcement").map((a) => ({ value: a.id, label: a.name }));
  return (
    <>
      <Link href={`/cases/${caseId}`} className="mb-6 inline-block">Back to the case</Link>
      <span className="mb-1 block text-lg text-secondary">Case {options.caseNumber}</span>
      <h1>Share with Immigration Enforcement</h1>
      <p className="mb-6 max-w-2xl">
        Immigration Enforcement receives nothing from the MARAC under the sharing policy. Only a recorded MARAC decision that sharing directly
        improves the victim&apos;s safety, approved by both a MARAC chair and an IDVA, can share anything with it.{" "}
        <Link href="/policy/immigration-enforcement">Read the statement for victims and agencies</Link>.
      </p>
      {options.childrenInvolved ? <ChildrenPrompt /> : null}
      {route === "third_party" ? (
        <div className="mb-8 max-w-2xl border-l-4 border-success bg-panel p-4">
          <h2 className="text-xl">Refer to an independent advice service instead</h2>
          <p className="mb-3">
            Nothing has been recorded and nothing goes to Immigration Enforcement. Agree an action for the IDVA to refer her, with her agreement, to
            an independent immigration advice service regulated by the Immigration Advice Authority, or to a specialist by-and-for service.
          </p>
          <Link href={`/cases/${caseId}`}>Back to the case</Link>
        </div>
      ) : route === "share" ? (
        agencies.length === 0 ? (
          <p>No Immigration Enforcement agency is recorded in MARAC Desk.</p>
        ) : (
          <IeOverrideForm caseId={caseId} caseNumber={options.caseNumber} agencies={agencies} defaultEndDate={defaultEndDate(today)} latestEndDate={latestEndDate(today)} />
        )
      ) : (
        <form method="get" className="max-w-2xl">
          <h2>First: would an independent third party meet her safety need?</h2>
          <p className="mb-4">
            The police guidance (NPCC) prefers referral to an independent third party, such as an immigration advice service, to sharing with
            Immigration Enforcement. Consider that first.
          </p>
          <Radios
            id="route"
            label="What did the MARAC decide?"
            options={[
              { value: "third_party", label: "Refer her to an independent advice service instead (recommended)" },
              { value: "share", label: "The third-party route does not meet her safety need: record a decision to share with Immigration Enforcement" },
            ]}
          />
          <Button>Continue</Button>
        </form>
      )}
    </>
  );
}
