import type { Metadata } from "next";
import { formatValue } from "~/components/case/labels";
import { SuccessBanner } from "~/components/ui/notification-banner";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { decideDeletionAction, proposeDeletionAction } from "./actions";

export const metadata: Metadata = { title: "Retention" };

const PROBLEMS: Record<string, string> = {
  FORBIDDEN: "A second person must decide: the chair who proposed a deletion cannot approve it, and only a chair can propose one.",
  CONFLICT: "Deleting that case has already been proposed.",
  BAD_REQUEST: "That case cannot be deleted: it is not closed, or it is still within the retention period.",
  NOT_FOUND: "That proposal has already been decided, or the case no longer exists.",
};
const REASONS = { retention_period_ended: "Retention period ended", erasure_request: "Erasure request" } as const;
const day = (d: Date) => formatValue(d.toISOString().slice(0, 10));

export default async function RetentionPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const { schedule, tombstones, me } = await readOrRefuse(async () => {
    const api = await getServerApi();
    const [schedule, tombstones, me] = await Promise.all([api.retention.schedule(), api.retention.tombstones(), api.account.me()]);
    return { schedule, tombstones, me };
  });
  const problem = params.problem ? PROBLEMS[params.problem] : undefined;
  const pending = [...schedule.due.flatMap((d) => (d.proposal ? [d.proposal] : [])), ...schedule.erasureRequests];
  return (
    <>
      {params.proposed ? <SuccessBanner>Deleting {params.proposed} has been proposed. A second chair or coordinator must now approve it.</SuccessBanner> : null}
      {params.deleted ? <SuccessBanner>{params.deleted} has been deleted. Its tombstone is listed below.</SuccessBanner> : null}
      {params.kept ? <SuccessBanner>The proposal to delete {params.kept} was rejected; the case is kept.</SuccessBanner> : null}
      {problem ? (
        <div role="alert" className="mb-6 border-4 border-error p-4">
          <h2 className="mb-2">There is a problem</h2>
          <p>{problem}</p>
        </div>
      ) : null}
      <h1>Retention</h1>
      <p className="mb-6">
        Closed cases are kept for {schedule.retentionMonths} months after closure (the MARAC&apos;s settings), then reviewed for deletion. A chair proposes; a
        second chair or coordinator approves. Deletion removes the case from every table and keeps only a tombstone.
      </p>

      <h2>Waiting for a second person</h2>
      {pending.length === 0 ? (
        <p className="mb-6">No deletion is waiting for approval.</p>
      ) : (
        <ul className="mb-6 space-y-3">
          {pending.map((p) => (
            <li key={p.id} className="border-b border-border pb-3">
              <strong>{p.caseNumber}</strong>: {REASONS[p.reason]}, proposed by {p.proposedByName} on {day(p.proposedAt)}.
              {p.proposedByUserId === me.id ? (
                <span className="block text-secondary">You proposed this; another chair or coordinator must decide.</span>
              ) : (
                <form action={decideDeletionAction} className="mt-2 flex gap-4">
                  <input type="hidden" name="proposalId" value={p.id} />
                  <input type="hidden" name="caseNumber" value={p.caseNumber} />
                  <button type="submit" name="decision" value="approve" className="bg-error px-3 py-1 font-bold text-white">Approve and delete {p.caseNumber}</button>
                  <button type="submit" name="decision" value="reject" className="border-2 border-text px-3 py-1 font-bold">Reject</button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}

      <h2>Closed cases past the retention period</h2>
      {schedule.due.length === 0 ? (
        <p className="mb-6">No closed case is past the retention period.</p>
      ) : (
        <table className="mb-6 w-full border-collapse text-left">
          <caption className="sr-only">Closed cases past the retention period</caption>
          <thead>
            <tr className="border-b border-border">
              <th scope="col" className="py-2 pr-4">Case</th>
              <th scope="col" className="py-2 pr-4">Referred</th>
              <th scope="col" className="py-2 pr-4">Closed</th>
              <th scope="col" className="py-2 pr-4">Kept until</th>
              <th scope="col" className="py-2 pr-4">Deletion</th>
            </tr>
          </thead>
          <tbody>
            {schedule.due.map((c) => (
              <tr key={c.id} className="border-b border-border">
                <th scope="row" className="py-2 pr-4 font-normal">{c.caseNumber}</th>
                <td className="py-2 pr-4">{formatValue(c.referralDate)}</td>
                <td className="py-2 pr-4">{day(c.closedAt)}</td>
                <td className="py-2 pr-4">{day(c.keptUntil)}</td>
                <td className="py-2 pr-4">
                  {c.proposal ? (
                    "Proposed"
                  ) : me.role === "chair" ? (
                    <form action={proposeDeletionAction}>
                      <input type="hidden" name="caseId" value={c.id} />
                      <input type="hidden" name="caseNumber" value={c.caseNumber} />
                      <input type="hidden" name="reason" value="retention_period_ended" />
                      <button type="submit" className="underline">Propose deleting {c.caseNumber}</button>
                    </form>
                  ) : (
                    "A chair may propose deletion"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Deleted cases</h2>
      {tombstones.length === 0 ? (
        <p>No case has been deleted.</p>
      ) : (
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">Tombstones of deleted cases</caption>
          <thead>
            <tr className="border-b border-border">
              <th scope="col" className="py-2 pr-4">Case</th>
              <th scope="col" className="py-2 pr-4">Referred</th>
              <th scope="col" className="py-2 pr-4">Closed</th>
              <th scope="col" className="py-2 pr-4">Deleted</th>
              <th scope="col" className="py-2 pr-4">Reason</th>
              <th scope="col" className="py-2 pr-4">Proposed by</th>
              <th scope="col" className="py-2 pr-4">Approved by</th>
            </tr>
          </thead>
          <tbody>
            {tombstones.map((t) => (
              <tr key={t.caseId} className="border-b border-border">
                <th scope="row" className="py-2 pr-4 font-normal">{t.caseNumber}</th>
                <td className="py-2 pr-4">{formatValue(t.referralDate)}</td>
                <td className="py-2 pr-4">{t.closedAt ? day(t.closedAt) : "Not recorded"}</td>
                <td className="py-2 pr-4">{day(t.deletedAt)}</td>
                <td className="py-2 pr-4">{REASONS[t.reason]}</td>
                <td className="py-2 pr-4">{t.proposedBy}</td>
                <td className="py-2 pr-4">{t.approvedBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
