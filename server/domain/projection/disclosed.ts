import { listTaggedTexts } from "../case/map-texts";
import type { CaseRecord } from "../case/schema";
import { TAGS, type Tag } from "../tags";
import type { Projection } from "./types";

/** Reads "a.b[2].c" from a plain object. */
function valueAt(root: unknown, path: string): unknown {
  let cur: unknown = root;
  for (const part of path.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== "")) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** Whether a stored value says anything: not missing, not blank, not an unanswered default. */
function hasContent(value: unknown): boolean {
  if (value === undefined || value === null || value === "" || value === "unknown" || value === "not_asked") return false;
  if (Array.isArray(value)) return value.some(hasContent);
  if (typeof value === "object") return Object.values(value).some(hasContent);
  return true;
}

/**
 * For the disclosure log and the sharing record. `shown`: categories the viewer may see and of
 * which this case holds something. `withheld`: every category the viewer may not see (whether or
 * not the case holds any: the viewer cannot tell). Per-tag access is read from the one
 * "sentences" decision the projection makes for each tag.
 */
export function disclosedTags(record: CaseRecord, projection: Projection): { shown: Tag[]; withheld: Tag[] } {
  const allowed = new Set<Tag>();
  for (const d of projection.decisions) if (d.kind === "sentences" && d.outcome === "shown") d.tags.forEach((t) => allowed.add(t));
  const present = new Set<Tag>(listTaggedTexts(record).flatMap(({ text }) => text.spans.flatMap((s) => s.tags)));
  for (const d of projection.decisions) {
    if (d.kind === "field" && hasContent(valueAt(record, d.path))) d.tags.forEach((t) => present.add(t));
  }
  return { shown: TAGS.filter((t) => allowed.has(t) && present.has(t)), withheld: TAGS.filter((t) => !allowed.has(t)) };
}
