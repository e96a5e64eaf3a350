import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../policy/default-policy";
import { NOT_ASKED } from "../policy/victim-views";
import { makeViewer } from "../testing/fixtures";
import type { Tag } from "../tags";
import { visibleItems } from "./items";

const NOW = new Date("2026-11-28T10:00:00Z");
const C = { caseId: "c", views: NOT_ASKED };
const items: { id: string; tags: Tag[] }[] = [
  { id: "strangulation", tags: [] },
  { id: "immigration-abuse", tags: ["immigration"] },
  { id: "pregnancy", tags: ["health"] },
];

describe("visibleItems", () => {
  it.each([
    ["housing", ["strangulation"]],
    ["health", ["strangulation", "pregnancy"]],
    ["by_and_for", ["strangulation", "immigration-abuse"]],
    ["immigration_enforcement", ["strangulation"]],
  ] as const)("a %s representative sees %j", (type, ids) => {
    expect(visibleItems(items, makeViewer("agency_rep", type), DEFAULT_POLICY, [], C, NOW).map((i) => i.id)).toEqual(ids);
  });

  it("shows a chair everything, an admin nothing, and obeys the hard rule whatever the grant", () => {
    expect(visibleItems(items, makeViewer("chair", "police"), DEFAULT_POLICY, [], C, NOW)).toHaveLength(3);
    expect(visibleItems(items, makeViewer("admin", "police"), DEFAULT_POLICY, [], C, NOW)).toHaveLength(0);
    const ie = makeViewer("agency_rep", "immigration_enforcement");
    const grant = { caseId: "c", agencyId: ie.agencyId, tag: "immigration" as const, expiresAt: new Date("2027-01-01T00:00:00Z") };
    expect(visibleItems(items, ie, DEFAULT_POLICY, [grant], C, NOW).map((i) => i.id)).toEqual(["strangulation"]);
  });

  it("follows the victim's views on the item's case: withheld from agencies, still seen by the IDVA, opened by a grant", () => {
    const said = { caseId: "c", views: { ...NOT_ASKED, immigration: "do_not_share" as const } };
    const byAndFor = makeViewer("agency_rep", "by_and_for");
    expect(visibleItems(items, byAndFor, DEFAULT_POLICY, [], said, NOW).map((i) => i.id)).toEqual(["strangulation"]);
    expect(visibleItems(items, makeViewer("idva", "idva"), DEFAULT_POLICY, [], said, NOW).map((i) => i.id)).toContain("immigration-abuse");
    const grant = { caseId: "c", agencyId: byAndFor.agencyId, tag: "immigration" as const, expiresAt: new Date("2027-01-01T00:00:00Z") };
    expect(visibleItems(items, byAndFor, DEFAULT_POLICY, [grant], said, NOW).map((i) => i.id)).toEqual(["strangulation", "immigration-abuse"]);
  });
});
