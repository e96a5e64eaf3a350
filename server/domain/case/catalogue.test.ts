import { describe, expect, it } from "vitest";
import { TAGS, type Tag } from "../tags";
import { describeSchema, type Shape } from "../testing/schema-shape";
import { CASE_CATALOGUE } from "./catalogue";
import type { CatalogueFor } from "./catalogue-types";
import { leaf } from "./catalogue-types";
import { listCatalogue } from "./catalogue-walk";
import { caseRecordSchema } from "./schema";
import type { Victim } from "./victim";

/** Flattens the zod schema into "path -> catalogue kind it needs", the same way listCatalogue does. */
function schemaPaths(shape: Shape, base = ""): Map<string, { kind: string; optional: boolean }> {
  const out = new Map<string, { kind: string; optional: boolean }>();
  if (shape.kind !== "object") return out;
  for (const [key, child] of Object.entries(shape.fields)) {
    const path = base === "" ? key : `${base}.${key}`;
    if (child.kind === "object") {
      out.set(path, { kind: "group", optional: child.optional });
      for (const [p, k] of schemaPaths(child, path)) out.set(p, k);
    } else if (child.kind === "array" && child.element.kind === "object") {
      out.set(path, { kind: "list", optional: child.optional });
      for (const [p, k] of schemaPaths(child.element, `${path}[]`)) out.set(p, k);
    } else {
      out.set(path, { kind: child.kind === "taggedText" ? "text" : "leaf", optional: child.optional });
    }
  }
  return out;
}

const fromSchema = schemaPaths(describeSchema(caseRecordSchema));
const rows = listCatalogue();
const byPath = new Map(rows.map((row) => [row.path, row]));

describe("classification catalogue", () => {
  it("has exactly the schema's fields: none missing, none stale", () => {
    expect([...byPath.keys()].sort()).toEqual([...fromSchema.keys()].sort());
  });

  it("gives every field the entry kind its schema needs (text, group, list or leaf)", () => {
    for (const [path, { kind }] of fromSchema) expect({ path, kind: byPath.get(path)?.kind }).toEqual({ path, kind });
  });

  it("lets every tagged item be empty, so a withheld item never depends on a required value", () => {
    for (const row of rows.filter((r) => r.ownTags.length > 0)) {
      expect({ path: row.path, optional: fromSchema.get(row.path)?.optional }).toEqual({ path: row.path, optional: true });
    }
  });

  it("documents every decision with a note", () => {
    for (const row of rows) expect(row.note.trim().length, row.path).toBeGreaterThan(10);
  });

  it("uses every tag somewhere", () => {
    const used = new Set(rows.flatMap((r) => r.ownTags));
    expect(TAGS.filter((t) => !used.has(t))).toEqual([]);
  });

  it.each<[string, Tag[]]>([
    ["caseNumber", []],
    ["victim.name", []],
    ["victim.dateOfBirth", []],
    ["referring.agencyName", []],
    ["criteria.visibleHighRisk", []],
    ["victim.address", ["safe_contact"]],
    ["victim.phone", ["safe_contact"]],
    ["victim.email", ["safe_contact"]],
    ["victim.safeToTalkTo", ["safe_contact"]],
    ["victim.nationality", ["immigration"]],
    ["victim.immigrationStatus", ["immigration"]],
    ["victim.noRecourseToPublicFunds", ["immigration"]],
    ["victim.immigrationNeeds", ["immigration"]],
    ["victim.disability.details", ["health"]],
    ["victim.pregnantOrBabyUnder18Months", ["health"]],
    ["victim.lgbtPlus.identifiesAsLgbtPlus", ["sexuality"]],
    ["perpetrators[].offendingHistory", ["criminal"]],
    ["perpetrators[].bailAndOrders", ["criminal"]],
    ["perpetrators[].name", []],
    ["householdMembers", ["children"]],
    ["householdMembers[].name", ["children"]],
    ["householdMembers[].school", ["safe_contact", "children"]],
    ["dash.answers.q5.answer", ["health"]],
    ["dash.answers.q9.comment", ["health"]],
    ["dash.answers.q21", ["health"]],
    ["dash.answers.q24", ["criminal"]],
    ["dash.answers.q1", []],
    ["victimViews.perTag.immigration", ["immigration"]],
    ["narrative", []],
  ])("classifies %s as [%s]", (path, tags) => {
    expect(byPath.get(path)?.effectiveTags).toEqual(tags);
  });

  it("is checked by the compiler: an object level missing a field does not type-check", () => {
    // @ts-expect-error - every field of Victim needs a decision; this level has only one.
    const incomplete = { name: leaf([], "identity") } satisfies CatalogueFor<Victim>;
    expect(Object.keys(incomplete)).toEqual(["name"]);
    expect(Object.keys(CASE_CATALOGUE.victim.fields)).toContain("immigrationStatus");
  });
});
