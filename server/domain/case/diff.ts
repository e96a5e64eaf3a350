import { CASE_CATALOGUE } from "./catalogue";
import type { CatalogueFields } from "./catalogue-types";
import type { CaseRecord } from "./schema";

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function diffLevel(a: Record<string, unknown>, b: Record<string, unknown>, fields: CatalogueFields, base: string, out: string[]): void {
  for (const [key, entry] of Object.entries(fields)) {
    const path = base ? `${base}.${key}` : key;
    const x = a[key];
    const y = b[key];
    if (entry.kind === "group" && isRecord(x) && isRecord(y)) diffLevel(x, y, entry.fields, path, out);
    else if (entry.kind === "list" && Array.isArray(x) && Array.isArray(y) && x.length === y.length) {
      x.forEach((item: unknown, i) => {
        const other: unknown = y[i];
        if (isRecord(item) && isRecord(other)) diffLevel(item, other, entry.items, `${path}[${i}]`, out);
      });
    } else if (JSON.stringify(x) !== JSON.stringify(y)) out.push(path);
  }
}

/**
 * The paths of the fields that differ between two versions of a case, walking the catalogue.
 * Names only, never values: audit entries and conflict messages use these.
 */
export function changedPaths(before: CaseRecord, after: CaseRecord): string[] {
  const out: string[] = [];
  diffLevel(before, after, CASE_CATALOGUE, "", out);
  return out;
}
