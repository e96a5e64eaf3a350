import { getAppCipher } from "~/server/crypto/app-cipher";
import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAgency } from "~/db/factories";
import { auditLog, disclosures, policyRows, policyVersions } from "~/db/schema";
import { readSharingRules } from "~/server/cases/sharing-rules";
import type { SessionUser } from "~/server/services/sessions";
import { meetingWithCase } from "../helpers/meeting";
import { confirmAllTexts } from "../helpers/review";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

const NOW = new Date("2026-11-25T10:00:00Z");
const PREGNANT = "She is 10 weeks pregnant";

describe("the sharing policy: changed by two people, used by every projection", () => {
  const t = createTestDb();
  let api: Awaited<ReturnType<typeof meetingWithCase>>["api"];
  let housing: SessionUser;
  let coordinator: SessionUser;
  let admin: SessionUser;
  let chair: SessionUser;
  let otherChair: SessionUser;
  let ie: SessionUser;
  let caseId = "";

  beforeAll(async () => {
    const m = await meetingWithCase(t, NOW, { reps: ["housing", "immigration_enforcement"], invite: ["housing"], date: "2026-11-26", publish: true });
    ({ api, coordinator, caseId } = m);
    housing = m.rep("housing");
    ie = m.rep("immigration_enforcement");
    admin = await sessionUserFor(t.db, "admin", "police");
    chair = await sessionUserFor(t.db, "chair", "police");
    otherChair = await sessionUserFor(t.db, "chair", "police");
    await confirmAllTexts(api(coordinator), caseId);
  });
  afterAll(() => t.cleanup());

  it("starts at the built-in version 1, and /policy tells housing what it gets and why", async () => {
    expect(readSharingRules(t.db, getAppCipher(), NOW).policy.version).toBe(1);
    const mine = await api(housing).policy.mine();
    expect(mine).toMatchObject({ version: 1, source: "type_default", agencyName: housing.agencyName });
    const byTag = Object.fromEntries(mine.categories.map((c) => [c.tag, c]));
    expect(byTag.safe_contact).toMatchObject({ shared: true, why: "Shared: this is the default for housing agencies." });
    expect(byTag.health).toMatchObject({ shared: false, why: "Not shared: this is the default for housing agencies." });
    expect(mine.hardRules[0]?.title).toBe("Immigration information is never shared with Immigration Enforcement");
    expect(mine.victimViewsRule).toMatch(/asked for a category not to be shared/);
    expect(mine.overridesRule).toMatch(/override/);
  });

  it("tells Immigration Enforcement that immigration is never shared, by a hard rule, and keeps the protocol from it", async () => {
    const mine = await api(ie).policy.mine();
    const immigration = mine.categories.find((c) => c.tag === "immigration");
    expect(immigration).toMatchObject({ shared: false, why: "Never shared: a hard rule that no policy can change." });
    expect(mine.categories.every((c) => !c.shared)).toBe(true);
    await expect(api(ie).policy.protocol()).rejects.toThrow(/does not attend MARAC/);
  });

  it("refuses a proposal that breaks a hard rule, with a plain error naming it, and stores nothing", async () => {
    const error = await api(admin).admin.policy.propose({ agencyId: ie.agencyId, followTypeDefault: false, allow: ["immigration"] }).catch((e: unknown) => e);
    expect(String(error)).toMatch(/breaks hard rule hard_rule_5_3 \(Immigration information is never shared with Immigration Enforcement\)/);
    expect((await api(chair).approvals.list()).length).toBe(0);
  });

  it("refuses a proposal that changes nothing", async () => {
    await expect(api(admin).admin.policy.propose({ agencyId: housing.agencyId, followTypeDefault: true, allow: [] })).rejects.toThrow(/changes nothing/);
  });

  it("the admin alone cannot change it: the proposal waits, and the admin cannot approve", async () => {
    const before = await api(housing).cases.get({ caseId });
    expect(JSON.stringify(before.view)).not.toContain(PREGNANT);

    const { proposalId } = await api(admin).admin.policy.propose({ agencyId: housing.agencyId, followTypeDefault: false, allow: ["safe_contact", "criminal", "children", "health"] });
    await expect(api(admin).approvals.approve({ id: proposalId })).rejects.toThrow(/Your role does not allow this/);
    expect(readSharingRules(t.db, getAppCipher(), NOW).policy.version).toBe(1);
    expect(JSON.stringify((await api(housing).cases.get({ caseId })).view)).not.toContain(PREGNANT);

    // The chair reads the change as a diff against the version in force.
    const [pending] = await api(chair).approvals.list();
    expect(pending?.kind).toBe("change_policy");
    expect(pending?.lines).toEqual([
      { label: "Agency", value: `${housing.agencyName} (Housing)` },
      { label: "Health information", value: "Not shared now; would be shared" },
      { label: "Row", value: "A row of its own for this agency" },
      { label: "Policy version", value: "1 now in force; approving starts version 2" },
    ]);
    expect((await api(admin).admin.changes.pending()).map((c) => c.id)).toEqual([proposalId]);
  });

  it("a chair approves: version 2 is in force, housing sees health, and the disclosure records version 2", async () => {
    const [pending] = await api(chair).approvals.list();
    await api(otherChair).approvals.approve({ id: pending?.id ?? "" });

    expect(readSharingRules(t.db, getAppCipher(), NOW).policy.version).toBe(2);
    const view = await api(housing).cases.get({ caseId });
    expect(view.policyVersion).toBe(2);
    expect(JSON.stringify(view.view)).toContain(PREGNANT);
    expect(view.decisions.filter((d) => d.tags.includes("health")).every((d) => d.outcome === "shown" && d.policyVersion === 2)).toBe(true);
    const logged = t.db.select().from(disclosures).where(eq(disclosures.userId, housing.id)).orderBy(desc(disclosures.id)).get();
    expect(logged?.policyVersion).toBe(2);

    const stored = t.db.select().from(policyVersions).all();
    expect(stored).toMatchObject([{ version: 2, proposedBy: admin.id, approvedBy: otherChair.id, inForceFrom: NOW }]);
    const mine = await api(housing).policy.mine();
    expect(mine).toMatchObject({ version: 2, source: "agency_row", inForceFrom: NOW });
    expect(mine.categories.find((c) => c.tag === "health")?.why).toBe("Shared: the policy has a row of its own for your agency.");

    const history = (await api(housing).policy.protocol()).history;
    expect(history.map((h) => [h.version, h.proposedByName, h.approvedByName])).toEqual([[2, admin.name, otherChair.name], [1, null, null]]);
  });

  it("audits the change without naming any category", () => {
    const entries = t.db.select().from(auditLog).all().filter((e) => e.action.startsWith("change."));
    expect(entries.map((e) => e.action)).toEqual(["change.proposed", "change.approved"]);
    expect(JSON.stringify(entries.map((e) => e.details))).not.toMatch(/health|safe_contact|criminal|children/);
    expect(entries[1]?.details).toMatchObject({ kind: "change_policy", policyVersion: 2 });
  });

  it("keeps stored versions append-only, even to raw SQL", () => {
    expect(() => t.db.$client.prepare("UPDATE policy_rows SET allow = '[\"immigration\"]'").run()).toThrow(/append-only/);
    expect(() => t.db.$client.prepare("DELETE FROM policy_versions").run()).toThrow(/append-only/);
    expect(t.db.select().from(policyRows).all().length).toBeGreaterThan(0);
  });

  it("holds back a change of type while the agency has a row of its own for its current type", async () => {
    const { proposalId } = await api(admin).admin.agencies.update({ id: housing.agencyId, version: 1, name: housing.agencyName, type: "childrens_social_care", isMaracMember: true, active: true });
    await expect(api(chair).approvals.approve({ id: proposalId ?? "" })).rejects.toThrow(/has a sharing policy row of its own for its current type/);
    await api(chair).approvals.reject({ id: proposalId ?? "" });
    expect((await api(housing).cases.get({ caseId })).policyVersion).toBe(2);
  });

  it("returning housing to its type's default is another approved version, not an edit", async () => {
    const { proposalId } = await api(admin).admin.policy.propose({ agencyId: housing.agencyId, followTypeDefault: true, allow: [] });
    await expect(api(admin).admin.policy.propose({ agencyId: housing.agencyId, followTypeDefault: true, allow: [] })).rejects.toThrow(/already waiting/);
    await api(chair).approvals.approve({ id: proposalId });
    expect(readSharingRules(t.db, getAppCipher(), NOW).policy.version).toBe(3);
    expect(JSON.stringify((await api(housing).cases.get({ caseId })).view)).not.toContain(PREGNANT);
    expect((await api(housing).policy.mine()).source).toBe("type_default");
  });

  it("the admin's screens list agencies with their categories and refuse an unknown agency", async () => {
    const list = await api(admin).admin.policy.agencies();
    expect(list.version).toBe(3);
    expect(list.agencies.find((a) => a.id === housing.agencyId)?.categories.filter((c) => c.shared).map((c) => c.tag)).toEqual(["safe_contact", "criminal", "children"]);
    await expect(api(admin).admin.policy.agency({ id: "nope" })).rejects.toThrow(/no agency with that id/);
    const other = makeAgency(t.db, { type: "probation" });
    expect((await api(admin).admin.policy.agency({ id: other.id })).source).toBe("type_default");
  });
});
