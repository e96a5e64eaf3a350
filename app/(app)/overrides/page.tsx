import type { Metadata } from "next";
import Link from "next/link";
import { OverrideCard } from "~/components/overrides/override-card";
import { SuccessBanner } from "~/components/ui/notification-banner";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { TAG_LABELS } from "~/server/domain/tags";
import { approveOverrideAction, revokeOverrideAction } from "./actions";

export const metadata: Metadata = { title: "Overrides" };

const PROBLEMS: Record<string, string> = {
  FORBIDDEN: "You cannot approve that override: a second person must approve it, and some overrides need a chair or an IDVA.",
  CONFLICT: "That override has already been approved, ended or revoked.",
  BAD_REQUEST: "Give a reason for revoking the override.",
  NOT_FOUND: "There is no such override.",
};

type Api = Awaited<ReturnType<typeof getServerApi>>;
type Override = Awaited<ReturnType<Api["overrides"]["list"]>>[number];

function RevokeForm({ o }: { o: Override }) {
  return (
    <details className="mt-3">
      <summary className="cursor-pointer text-link underline">Revoke this override</summary>
      <form action={revokeOverrideAction} className="mt-3 max-w-xl">
        <input type="hidden" name="overrideId" value={o.id} />
        <label htmlFor={`revoke-${o.id}`} className="mb-1 block text-lg font-bold">Why is it being revoked?</label>
        <textarea id={`revoke-${o.id}`} name="reason" rows={2} className="mb-3 block w-full border-2 border-input p-1.5 text-lg" />
        <button type="submit" className="bg-error px-3 py-1 font-bold text-white">Revoke now</button>
      </form>
    </details>
  );
}

function Section({ id, title, empty, list, children }: { id: string; title: string; empty: string; list: Override[]; children: (o: Override) => React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-10">
      <h2 id={id} className="border-b-2 border-ink pb-2">
        {title} ({list.length})
      </h2>
      {list.length === 0 ? <p>{empty}</p> : list.map((o) => <OverrideCard key={o.id} o={o}>{children(o)}</OverrideCard>)}
    </section>
  );
}

export default async function OverridesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const overrides = await readOrRefuse(async () => (await getServerApi()).overrides.list());
  const problem = params.problem ? PROBLEMS[params.problem] : undefined;
  const by = (state: Override["state"]) => overrides.filter((o) => o.state === state);
  return (
    <>
      {params.recorded ? <SuccessBanner>The override on {params.recorded} has been recorded. It takes effect when it has been approved.</SuccessBanner> : null}
      {params.approved === "in_effect" ? <SuccessBanner>Approved. The override is now in effect, and the IDVA has a task to tell the victim.</SuccessBanner> : null}
      {params.approved === "waiting" ? <SuccessBanner>Your approval is recorded. The override still needs another approval.</SuccessBanner> : null}
      {params.revoked ? <SuccessBanner>The override has been revoked. It stopped at once.</SuccessBanner> : null}
      {problem ? (
        <div role="alert" className="mb-6 border-4 border-error p-4">
          <h2 className="mb-2">There is a problem</h2>
          <p>{problem}</p>
        </div>
      ) : null}
      <h1>Overrides</h1>
      <p className="mb-6 max-w-2xl">
        Decisions to share one kind of information on a case with one agency beyond the sharing policy. Each needs a second person&apos;s approval
        and stops by itself after its end date. Record one from the case page. The IDVA tells the victim about each one:{" "}
        <Link href="/tell-the-victim">tell the victim</Link>.
      </p>
      <Section id="pending" title="Waiting for approval" empty="No override is waiting for approval." list={by("pending")}>
        {(o) => (
          <>
            {o.mayApprove ? (
              <form action={approveOverrideAction} className="mt-3">
                <input type="hidden" name="overrideId" value={o.id} />
                <button type="submit" className="bg-button px-3 py-1 font-bold text-white">Approve: share {TAG_LABELS[o.tag]} information with {o.agencyName}</button>
              </form>
            ) : (
              <p className="mt-3 text-secondary">You cannot approve this one: it needs {o.approvalNeed}.</p>
            )}
            <RevokeForm o={o} />
          </>
        )}
      </Section>
      <Section id="in-effect" title="In effect" empty="No override is in effect." list={by("in_effect")}>
        {(o) => <RevokeForm o={o} />}
      </Section>
      <Section id="ended" title="Ended or revoked" empty="No override has ended yet." list={[...by("ended"), ...by("revoked")]}>
        {() => null}
      </Section>
    </>
  );
}
