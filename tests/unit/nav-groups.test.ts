import { describe, expect, it } from "vitest";
import { navGroupsFor, navItemsFor } from "~/components/layout/nav-items";
import { ROLES } from "~/server/domain/roles";

/** Issue 12: a chair's 14 entries were one long row; the everyday pages stay in view, the rest go under "More". */
describe("navigation groups", () => {
  it.each(ROLES)("keeps every %s link, each once, with at most 8 always in view", (role) => {
    for (const agencyIsMember of [true, false]) {
      const { primary, more } = navGroupsFor({ role, agencyIsMember });
      expect([...primary, ...more].map((i) => i.href).sort()).toEqual(navItemsFor({ role, agencyIsMember }).map((i) => i.href).sort());
      expect(primary.length).toBeLessThanOrEqual(8);
    }
  });

  it("shows the chair's meeting work first and puts the occasional pages under More", () => {
    const { primary, more } = navGroupsFor({ role: "chair", agencyIsMember: true });
    expect(primary.map((i) => i.label)).toEqual(["Home", "Cases", "Triage", "Approvals", "Meetings", "Actions", "Review text"]);
    expect(more.map((i) => i.label)).toEqual(["Refer a case", "Overrides", "Tell the victim", "Reports", "Retention", "Sharing policy", "Your account"]);
  });

  it("keeps the IDVA's tasks in view and gives an agency representative no More", () => {
    expect(navGroupsFor({ role: "idva", agencyIsMember: true }).primary.map((i) => i.label)).toContain("Tell the victim");
    expect(navGroupsFor({ role: "agency_rep", agencyIsMember: true }).more).toEqual([]);
  });
});
