/** A place in the case list: the referral date and case number of the row next to it. */
export interface CaseListCursor {
  readonly referralDate: string;
  readonly caseNumber: string;
}

const CURSOR = /^(\d{4}-\d{2}-\d{2})_([A-Za-z0-9-]{1,40})$/;

/** "2026-03-04_NS-2026-0012": readable in the address bar, and stable as new cases arrive. */
export function formatCursor(c: CaseListCursor): string {
  return `${c.referralDate}_${c.caseNumber}`;
}

/** A cursor from the address bar, or undefined (the first page) for anything else. */
export function parseCursor(value: unknown): CaseListCursor | undefined {
  const m = typeof value === "string" ? CURSOR.exec(value) : null;
  return m?.[1] && m[2] ? { referralDate: m[1], caseNumber: m[2] } : undefined;
}
