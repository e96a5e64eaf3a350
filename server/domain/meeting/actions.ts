/**
 * Action statuses as the SafeLives minutes distinguish them: an action not done because
 * circumstances changed ("not possible") is not the same as one simply not done.
 */
export const ACTION_STATUSES = ["open", "done", "not_possible", "not_done"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: "Open",
  done: "Done",
  not_possible: "Not possible: circumstances changed",
  not_done: "Not done",
};

/** An action is overdue when it is still open after its due date (dates yyyy-mm-dd, compared as text). */
export function isOverdue(action: { status: ActionStatus; dueDate: string }, today: string): boolean {
  return action.status === "open" && action.dueDate < today;
}
