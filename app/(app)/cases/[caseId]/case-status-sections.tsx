import Link from "next/link";
import { formatValue } from "~/components/case/labels";
import { ProjectedText, type ProjectedTextValue } from "~/components/case/projected-text";
import { Section } from "~/components/case/case-view";
import { RestrictedBadge } from "~/components/case/restricted";
import type { Tag } from "~/server/domain/tags";
import { decideMatchAction } from "../../triage/actions";
import { WithdrawFlagForm } from "./flag-forms";
import { formatDate } from "~/server/domain/dates";

type Repeat = { id: number; kind: "match" | "possible"; status: "confirmed" | "pending" | "rejected"; reason: string; earlierCaseId: string; caseNumber: string; referralDate: string };
type Flag = {
  id: number;
  label: string;
  tags: Tag[];
  note: { text: string; notice: string | null };
  flaggedBy: string;
  flaggedAt: Date;
  withdrawn: { at: Date; by: string; reason: ProjectedTextValue | null } | null;
};


/** Earlier referrals of the same victim; chairs and coordinators confirm or reject possible ones. */
export function EarlierReferrals({ caseId, repeats, canDecide }: { caseId: string; repeats: Repeat[]; canDecide: boolean }) {
  const shown = repeats.filter((r) => r.status !== "rejected");
  return (
    <Section collapsible open title="Earlier MARAC referrals" id="earlier">
      {shown.length === 0 ? (
        <p>No earlier referral of this victim has been found.</p>
      ) : (
        <ul className="space-y-4">
          {shown.map((r) => (
            <li key={r.id} className={r.status === "pending" ? "border-l-4 border-warning bg-panel p-4" : "border-l-4 border-border p-4"}>
              <p>
                <Link href={`/cases/${r.earlierCaseId}`} className="font-bold">{r.caseNumber}</Link>, referred {formatValue(r.referralDate)}
                {r.status === "pending" ? " (possible match)" : ""}
              </p>
              <p className="text-sm text-secondary">{r.reason}</p>
              {r.status === "pending" && canDecide ? (
                <form action={decideMatchAction} className="mt-2 flex gap-4">
                  <input type="hidden" name="linkId" value={r.id} />
                  <input type="hidden" name="caseId" value={caseId} />
                  <button type="submit" name="decision" value="confirm" className="bg-button px-3 py-1 font-bold text-white">
                    Same victim: confirm
                  </button>
                  <button type="submit" name="decision" value="reject" className="bg-panel px-3 py-1 font-bold text-ink shadow-[0_2px_0_#858686]">
                    Not the same victim
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** Risk-factor flags this viewer may see; IDVAs and chairs add and withdraw them. */
export function RiskFlags({ caseId, flags, canFlag, mayBeWithheld }: { caseId: string; flags: Flag[]; canFlag: boolean; mayBeWithheld: boolean }) {
  // Flags the viewer may not see are left out and never counted; one line says some may be.
  const notice = flags.find((f) => f.note.notice)?.note.notice ?? null;
  return (
    <Section collapsible open title="Risk factors flagged" id="flags">
      {flags.length === 0 ? <p>{mayBeWithheld ? "No risk factors flagged that your agency can see." : "No risk factors have been flagged."}</p> : null}
      {mayBeWithheld ? <p className="text-sm text-secondary">Flags your agency may not see are not listed.</p> : null}
      {notice ? <p className="text-sm text-secondary">{notice}</p> : null}
      <ul className="space-y-4">
        {flags.map((f) => (
          <li key={f.id} className={f.withdrawn ? "border-l-4 border-border p-4 text-secondary" : "border-l-4 border-restricted p-4"}>
            <p className="font-bold">
              {f.label}
              <RestrictedBadge tags={f.tags} />
              {f.withdrawn ? " (withdrawn)" : ""}
            </p>
            <ProjectedText value={f.note} hideNotice />
            <p className="text-sm text-secondary">
              Flagged by {f.flaggedBy} on {formatDate(f.flaggedAt)}
              {f.withdrawn ? `; withdrawn by ${f.withdrawn.by} on ${formatDate(f.withdrawn.at)}` : ""}
            </p>
            {f.withdrawn?.reason ? (
              <div className="text-sm">
                <p className="font-bold">Why it was withdrawn</p>
                <ProjectedText value={f.withdrawn.reason} hideNotice />
              </div>
            ) : null}
            {canFlag && !f.withdrawn ? <WithdrawFlagForm caseId={caseId} flagId={f.id} label={f.label} /> : null}
          </li>
        ))}
      </ul>
      {canFlag ? (
        <p className="mt-4">
          <Link href={`/cases/${caseId}/flags/new`} className="inline-block bg-panel px-3 py-2 font-bold text-ink no-underline shadow-[0_2px_0_#858686]">
            Flag a risk factor
          </Link>
        </p>
      ) : null}
    </Section>
  );
}
