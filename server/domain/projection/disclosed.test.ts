import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../policy/default-policy";
import { makeSampleCase, makeViewer } from "../testing/fixtures";
import { project } from "./project";
import { disclosedTags } from "./disclosed";

const NOW = new Date("2026-11-28T10:00:00Z");

describe("disclosedTags", () => {
  it("reports housing as shown safe contact, criminal and children, and withheld the rest", () => {
    const record = makeSampleCase();
    const p = project(record, makeViewer("agency_rep", "housing"), DEFAULT_POLICY, [], NOW);
    const { shown, withheld } = disclosedTags(record, p);
    expect(withheld).toEqual(["immigration", "health", "sexuality"]);
    expect(shown.every((t) => ["safe_contact", "criminal", "children"].includes(t))).toBe(true);
  });

  it("never counts a category as shown when the case holds nothing of it", () => {
    const sample = makeSampleCase();
    const record = { ...sample, householdMembers: [], victimViews: { ...sample.victimViews, perTag: { ...sample.victimViews.perTag, children: "not_asked" as const } } };
    const p = project(record, makeViewer("agency_rep", "education"), DEFAULT_POLICY, [], NOW);
    expect(disclosedTags(record, p).shown).not.toContain("children");
  });

  it("reports everything a chair sees, and nothing withheld", () => {
    const record = makeSampleCase();
    const p = project(record, makeViewer("chair", "police"), DEFAULT_POLICY, [], NOW);
    expect(disclosedTags(record, p).withheld).toEqual([]);
  });
});
