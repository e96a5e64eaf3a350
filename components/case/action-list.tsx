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

/** Actions as the viewer may see them, with what is overdue marked in words, not colour alone. */
export function ActionList({ actions, showCase = false, renderControls }: { actions: ActionItem[]; showCase?: boolean; renderControls?: (a: ActionItem) => ReactNode }) {
  if (actions.length === 0) return <p className="mb-8">No actions.</p>;
  return (
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
  );
}
