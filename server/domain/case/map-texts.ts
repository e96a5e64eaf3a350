import { CASE_CATALOGUE } from "./catalogue";
import type { CatalogueFields } from "./catalogue-types";
import type { CaseRecord } from "./schema";
import type { TaggedText } from "./text";

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function mapLevel(value: Record<string, unknown>, fields: CatalogueFields, path: string, fn: (t: TaggedText, path: string) => TaggedText): Record<string, unknown> {
  const out: Record<string, unknown> = { ...value };
  for (const [key, entry] of Object.entries(fields)) {
    const v = value[key];
    const p = path ? `${path}.${key}` : key;
    if (entry.kind === "text" && isRecord(v)) out[key] = fn(v as TaggedText, p);
    else if (entry.kind === "group" && isRecord(v)) out[key] = mapLevel(v, entry.fields, p, fn);
    else if (entry.kind === "list" && Array.isArray(v)) out[key] = (v as unknown[]).map((item, i) => (isRecord(item) ? mapLevel(item, entry.items, `${p}[${i}]`, fn) : item));
  }
  return out;
}

/** A copy of the record with every free-text field passed through `fn` (found via the catalogue). */
export function mapTaggedTexts(record: CaseRecord, fn: (text: TaggedText, path: string) => TaggedText): CaseRecord {
  return mapLevel(record, CASE_CATALOGUE, "", fn) as CaseRecord;
}

/** Every free-text field of the record with its path. */
export function listTaggedTexts(record: CaseRecord): { path: string; text: TaggedText }[] {
  const out: { path: string; text: TaggedText }[] = [];
  mapTaggedTexts(record, (text, path) => {
    out.push({ path, text });
    return text;
  });
  return out;
}
