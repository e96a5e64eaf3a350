import { eq } from "drizzle-orm";
import { caseNumberSequences } from "~/db/schema";
import type { Db } from "~/db/client";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** The next human case number for a year, e.g. NS-2026-0042. Call inside the writing transaction. */
export function nextCaseNumber(tx: Tx, prefix: string, year: number): string {
  const row = tx.select().from(caseNumberSequences).where(eq(caseNumberSequences.year, year)).get();
  const next = (row?.last ?? 0) + 1;
  tx.insert(caseNumberSequences).values({ year, last: next }).onConflictDoUpdate({ target: caseNumberSequences.year, set: { last: next } }).run();
  return `${prefix}-${year}-${String(next).padStart(4, "0")}`;
}
