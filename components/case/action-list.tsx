import type { ReactNode } from "react";
import { ACTION_STATUS_LABELS, type ActionStatus } from "~/server/domain/meeting/actions";
import type { Tag } from "~/server/domain/tags";
import { formatValue } from "./labels";
import { ProjectedText, type ProjectedTextValue } from "./projected-text";
import { RestrictedBadge } from "./restricted";

export type ActionItem = {
  id: number;
  caseId: string;
  caseNumber: string;
  description: ProjectedTextValue;
  tags: string[];
  owningAgencyName: string;
  ownerName: string;
  dueDate: string;
  status: ActionStatus;
  statusNote: ProjectedTextValue | null;
  overdue: boolean;
  version: number;
};

/** The one line that says some items may be left out, without counting them. */
export const ACTIONS_MAY_BE_WITHHELD = "Actions your agency may not see are not listed.";

/**
 * Actions as the viewer may see them, with what is overdue marked in words, not colour alone.
 * `mayBeWithheld`: the viewer lacks full access, so some actions may be left out; they are never
 * counted, and one line says so.
 */
export function ActionList({ actions, showCase = false, renderControls, mayBeWithheld = false }: { actions: ActionItem[]; showCase?: boolean; renderControls?: (a: ActionItem) => ReactNode; mayBeWithheld?: boolean }) {
  const withheldLine = mayBeWithheld ? <p className="mb-8 text-sm text-secondary">{ACTIONS_MAY_BE_WITHHELD}</p> : null;
  if (actions.length === 0) return (
    <>
      <p className="mb-2">{mayBeWithheld ? "No actions your agency can see." : "No actions."}</p>
      {withheldLine}
    </>
  );
  const notice = actions.find((a) => a.description.notice)?.description.notice ?? null;
  return (
    <>
    {withheldLine}
    {notice ? <p className="mb-2 text-sm text-secondary">{notice}</p> : null}
    <ul className="mb-8 space-y-4">
      {actions.map((a) => (
        <li key={a.id} className={a.overdue ? "border-l-4 border-error p-4" : "border-l-4 border-border p-4"}>
          {showCase ? <p className="text-sm text-secondary">{a.caseNumber}</p> : null}
          <ProjectedText value={a.description} hideNotice />
          <p className="text-sm">
            <RestrictedBadge tags={a.tags as Tag[]} /> {a.owningAgencyName}, {a.ownerName}; due {formatValue(a.dueDate)};{" "}
            <strong>{a.overdue ? "Overdue" : ACTION_STATUS_LABELS[a.status]}</strong>
          </p>
          {a.statusNote ? (
            <div className="text-sm">
              <p className="font-bold">Status note</p>
              <ProjectedText value={a.statusNote} hideNotice />
            </div>
          ) : null}
          {renderControls?.(a)}
        </li>
      ))}
    </ul>
    </>
  );
}
