import type { ReactNode } from "react";
import { ProjectedText, type ProjectedTextValue } from "~/components/case/projected-text";
import { StatusTag } from "~/components/ui/status-tag";
import { ITEM_VIEW_TEXT, type ItemView } from "~/server/domain/policy/overrides";
import { TAG_LABELS, type Tag } from "~/server/domain/tags";

export type OverrideCardData = {
  id: string;
  caseId: string;
  caseNumber: string;
  agencyName: string;
  tag: Tag;
  state: "pending" | "in_effect" | "ended" | "revoked";
  reason: ProjectedTextValue;
  decisionRef: string;
  endDate: string;
  recordedBy: string;
  recordedAt: Date;
  approvedAt: Date | null;
  approvals: { name: string; role: string; at: Date }[];
  approvalNeed: string;
  stillNeeded: string[];
  victimView: string;
  items: { item: string; label: string; tier: "basic" | "additional"; victimView: ItemView | null; viewNote: ProjectedTextValue | null; proportionality: ProjectedTextValue | null }[];
  revokedAt: Date | null;
  revokedBy: string | null;
  revokeReason: ProjectedTextValue | null;
};

const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "Europe/London" });
export const endDay = (iso: string) => day.format(new Date(`${iso}T12:00:00Z`));

export const STATE_TAG: Record<OverrideCardData["state"], { text: string; tone: "blue" | "grey" | "red" | "green" }> = {
  pending: { text: "Waiting for approval", tone: "blue" },
  in_effect: { text: "In effect", tone: "green" },
  ended: { text: "Ended", tone: "grey" },
  revoked: { text: "Revoked", tone: "red" },
};

/** One override as case holders read it: what, with whom, why, her view, who approved, and its life. */
export function OverrideCard({ o, headingLevel = 3, children }: { o: OverrideCardData; headingLevel?: 2 | 3; children?: ReactNode }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article id={`override-${o.id}`} aria-labelledby={`override-${o.id}-title`} className="mb-6 border-b border-border pb-6">
      <Heading id={`override-${o.id}-title`} className="mb-2 text-xl">
        {TAG_LABELS[o.tag][0]?.toUpperCase()}
        {TAG_LABELS[o.tag].slice(1)} information to {o.agencyName}, case {o.caseNumber}
      </Heading>
      <p className="mb-3">
        <StatusTag tone={STATE_TAG[o.state].tone}>{STATE_TAG[o.state].text}</StatusTag>
      </p>
      <dl className="mb-3 grid max-w-3xl grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[12rem_1fr]">
        <dt className="font-bold">Decision</dt>
        <dd>{o.decisionRef}</dd>
        <dt className="font-bold">Her view</dt>
        <dd>{o.victimView}</dd>
        <dt className="font-bold">Recorded</dt>
        <dd>
          by {o.recordedBy} on {day.format(o.recordedAt)}
        </dd>
        <dt className="font-bold">Needs approval by</dt>
        <dd>{o.approvalNeed}</dd>
        <dt className="font-bold">Approved</dt>
        <dd>{o.approvals.length === 0 ? "Not yet" : o.approvals.map((a) => `${a.name} (${a.role}) on ${day.format(a.at)}`).join("; ")}</dd>
        {o.stillNeeded.length > 0 ? (
          <>
            <dt className="font-bold">Still needed</dt>
            <dd>{o.stillNeeded.join("; ")}</dd>
          </>
        ) : null}
        <dt className="font-bold">{o.state === "ended" ? "Ended after" : "Ends after"}</dt>
        <dd>{endDay(o.endDate)}</dd>
        {o.revokedAt ? (
          <>
            <dt className="font-bold">Revoked</dt>
            <dd>
              by {o.revokedBy} on {day.format(o.revokedAt)}
            </dd>
          </>
        ) : null}
      </dl>
      <h4 className="font-bold">Reason</h4>
      <ProjectedText value={o.reason} hideNotice />
      {o.items.length > 0 ? (
        <>
          <h4 className="mt-3 font-bold">What the decision covers</h4>
          <ul className="list-disc pl-6">
            {o.items.map((i) => (
              <li key={i.item}>
                {i.label} ({i.tier})
                {i.tier === "additional" ? (
                  <div className="text-secondary">
                    {i.victimView ? `Her view: ${ITEM_VIEW_TEXT[i.victimView]}.` : null}
                    {i.viewNote ? <ProjectedText value={i.viewNote} hideNotice /> : null}
                    {i.proportionality ? (
                      <>
                        <span className="font-bold">Why proportionate: </span>
                        <ProjectedText value={i.proportionality} hideNotice />
                      </>
                    ) : null}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {o.revokeReason ? (
        <>
          <h4 className="mt-3 font-bold">Why it was revoked</h4>
          <ProjectedText value={o.revokeReason} hideNotice />
        </>
      ) : null}
      {children}
    </article>
  );
}
