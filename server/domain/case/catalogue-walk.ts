import { type Tag, TAGS } from "../tags";
import { CASE_CATALOGUE } from "./catalogue";
import type { CatalogueEntry, CatalogueFields } from "./catalogue-types";

/** One row of the catalogue, flattened: "householdMembers[].school" -> children + safe_contact. */
export interface CatalogueRow {
  readonly path: string;
  readonly kind: CatalogueEntry["kind"];
  /** Tags the entry itself declares. */
  readonly ownTags: readonly Tag[];
  /** Own tags plus those of every enclosing group or list: what a viewer needs to see the item. */
  readonly effectiveTags: readonly Tag[];
  readonly note: string;
}

/** Every entry of the catalogue in declaration order, parents before their fields. */
export function listCatalogue(fields: CatalogueFields = CASE_CATALOGUE): CatalogueRow[] {
  const rows: CatalogueRow[] = [];
  const visit = (level: CatalogueFields, base: string, inherited: ReadonlySet<Tag>) => {
    for (const [key, entry] of Object.entries(level)) {
      const path = base === "" ? key : `${base}.${key}`;
      const effective = new Set([...inherited, ...entry.tags]);
      rows.push({
        path,
        kind: entry.kind,
        ownTags: [...entry.tags],
        effectiveTags: TAGS.filter((tag) => effective.has(tag)),
        note: entry.note,
      });
      if (entry.kind === "group") visit(entry.fields, path, effective);
      if (entry.kind === "list") visit(entry.items, `${path}[]`, effective);
    }
  };
  visit(fields, "", new Set());
  return rows;
}
