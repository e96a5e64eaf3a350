/**
 * Agenda order (domain.md 1.6): cases with children in the household first, so children's
 * agencies can leave after them, then adult-only cases. Within each group the coordinator's order
 * (position) holds; moving a case up or down stays inside its group.
 */
export type AgendaEntry = { readonly caseId: string; readonly hasChildren: boolean; readonly position: number };

export function orderAgenda<T extends AgendaEntry>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => Number(b.hasChildren) - Number(a.hasChildren) || a.position - b.position || a.caseId.localeCompare(b.caseId));
}

/**
 * Moves one case one place up or down within its group and returns every entry's new position
 * (0..n-1 in agenda order). A move past the edge of the group changes nothing.
 */
export function moveOnAgenda<T extends AgendaEntry>(entries: readonly T[], caseId: string, direction: "up" | "down"): (T & { position: number })[] {
  const ordered = orderAgenda(entries);
  const i = ordered.findIndex((e) => e.caseId === caseId);
  const j = direction === "up" ? i - 1 : i + 1;
  const a = ordered[i];
  const b = ordered[j];
  if (a && b && a.hasChildren === b.hasChildren) {
    ordered[i] = b;
    ordered[j] = a;
  }
  return ordered.map((e, position) => ({ ...e, position }));
}

/**
 * Why a move would change nothing: the case is already at that end of the agenda, or the next case
 * that way is in the other group (children's cases stay first). Null when the move can be made.
 */
export function moveBlockedBy(entries: readonly AgendaEntry[], caseId: string, direction: "up" | "down"): "first" | "last" | "children_first" | null {
  const ordered = orderAgenda(entries);
  const i = ordered.findIndex((e) => e.caseId === caseId);
  const neighbour = ordered[direction === "up" ? i - 1 : i + 1];
  if (!neighbour) return direction === "up" ? "first" : "last";
  return neighbour.hasChildren === ordered[i]?.hasChildren ? null : "children_first";
}
