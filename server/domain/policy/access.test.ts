import { describe, expect, it } from "vitest";
import { AGENCY_TYPES } from "../agency-types";
import { TAGS, type Tag } from "../tags";
import { makeViewer } from "../testing/fixtures";
import { decideTagAccess } from "./access";
import { DEFAULT_POLICY, DEFAULT_SHARING_TABLE } from "./default-policy";
import { checkGrant, type Grant } from "./grants";
import { NOT_ASKED } from "./victim-views";

const NOW = new Date("2025-03-01T12:00:00Z");
const LATER = new Date("2025-03-08T17:00:00Z");
const EARLIER = new Date("2025-02-28T17:00:00Z");
const grant = (patch: Partial<Grant> = {}): Grant => ({ caseId: "case-1", agencyId: "agency-police", tag: "health", expiresAt: LATER, ...patch });
const THE_CASE = { caseId: "case-1", views: NOT_ASKED };
const access = (viewer = makeViewer("agency_rep", "police"), grants: Grant[] = [], theCase = THE_CASE) => decideTagAccess(viewer, DEFAULT_POLICY, grants, theCase, NOW);

describe("tag access: every agency type against every tag (default policy)", () => {
  const rows = AGENCY_TYPES.flatMap((type) => TAGS.map((tag) => [type, tag] as const));
  it.each(rows)("%s x %s follows the table", (type, tag) => {
    for (const role of ["idva", "agency_rep"] as const) {
      const verdict = access(makeViewer(role, type))[tag];
      const expected = DEFAULT_SHARING_TABLE[type][tag] === "yes";
      expect(verdict.shown).toBe(expected);
      const reason = expected ? "shared_with_agency" : type === "immigration_enforcement" && tag === "immigration" ? "hard_rule" : "not_shared_with_agency";
      expect(verdict.reason).toBe(reason);
    }
  });
});

describe("roles", () => {
  it.each(["chair", "coordinator"] as const)("%s sees every tag, reported as full access", (role) => {
    for (const tag of TAGS) expect(access(makeViewer(role, "police"))[tag]).toEqual({ tag, shown: true, reason: "full_access_role" });
  });

  it("admin sees no tag", () => {
    for (const tag of TAGS) expect(access(makeViewer("admin", "idva"))[tag]).toEqual({ tag, shown: false, reason: "admin_no_case_content" });
  });

  it("hard rule 5.3 holds even for a chair whose agency is Immigration Enforcement", () => {
    expect(access(makeViewer("chair", "immigration_enforcement")).immigration.shown).toBe(false);
  });
});

describe("grants (overrides)", () => {
  it("add a tag the policy withholds, until the expiry", () => {
    expect(access(undefined, [grant()]).health).toEqual({ tag: "health", shown: true, reason: "override_until", until: LATER });
  });

  it("do nothing once expired (expiry is exclusive)", () => {
    expect(access(undefined, [grant({ expiresAt: EARLIER })]).health.shown).toBe(false);
    expect(access(undefined, [grant({ expiresAt: NOW })]).health.shown).toBe(false);
    expect(access(undefined, [grant({ expiresAt: new Date("not a date") })]).health.shown).toBe(false);
  });

  it("do nothing for another case or another agency", () => {
    expect(access(undefined, [grant({ caseId: "case-2" })]).health.shown).toBe(false);
    expect(access(undefined, [grant({ agencyId: "agency-housing" })]).health.shown).toBe(false);
  });

  it("use the latest expiry when several apply", () => {
    const verdict = access(undefined, [grant(), grant({ expiresAt: new Date("2025-04-01T00:00:00Z") })]).health;
    expect(verdict).toMatchObject({ shown: true, until: new Date("2025-04-01T00:00:00Z") });
  });

  it("never narrow what the policy already allows", () => {
    expect(access(undefined, [grant({ tag: "criminal", expiresAt: EARLIER })]).criminal.reason).toBe("shared_with_agency");
  });
});

describe("the victim's views", () => {
  const saidNo = (tag: Tag) => ({ caseId: "case-1", views: { ...NOT_ASKED, [tag]: "do_not_share" as const } });

  it("withhold a category she asked not to be shared from an agency the policy shares it with, reading as any other withholding", () => {
    const saheli = makeViewer("agency_rep", "by_and_for");
    expect(access(saheli).immigration.shown).toBe(true);
    expect(access(saheli, [], saidNo("immigration")).immigration).toEqual({ tag: "immigration", shown: false, reason: "not_shared_with_agency" });
    expect(access(saheli, [], saidNo("immigration")).health).toEqual(access(saheli).health);
  });

  it.each(["chair", "coordinator", "idva"] as const)("leave the case holder %s as the policy says", (role) => {
    const viewer = makeViewer(role, role === "idva" ? "idva" : "police");
    for (const tag of TAGS) expect(access(viewer, [], saidNo(tag))[tag]).toEqual(access(viewer)[tag]);
  });

  it("yield to a grant for that case, category and agency (views narrow the policy before grants widen it)", () => {
    const police = makeViewer("agency_rep", "police");
    expect(access(police, [], saidNo("criminal")).criminal.shown).toBe(false);
    expect(access(police, [grant({ tag: "criminal" })], saidNo("criminal")).criminal).toEqual({ tag: "criminal", shown: true, reason: "override_until", until: LATER });
    expect(access(police, [grant({ tag: "criminal", caseId: "case-2" })], saidNo("criminal")).criminal.shown).toBe(false);
  });

  it("'share' and 'not asked' leave the policy as it is", () => {
    for (const type of AGENCY_TYPES) {
      const viewer = makeViewer("agency_rep", type);
      const shared = { caseId: "case-1", views: Object.fromEntries(TAGS.map((t) => [t, "share"])) as Record<Tag, "share"> };
      expect(access(viewer, [], shared)).toEqual(access(viewer));
    }
  });
});

describe("hard rule 5.3 in grants", () => {
  const ie = makeViewer("agency_rep", "immigration_enforcement", "ie-1");
  const ieGrant = grant({ agencyId: "ie-1", tag: "immigration" });

  it("refuses immigration to Immigration Enforcement without a MARAC decision reference", () => {
    expect(checkGrant(ieGrant, "immigration_enforcement")).toMatchObject({ ok: false, code: "hard_rule" });
    expect(checkGrant({ ...ieGrant, maracDecisionRef: "  " }, "immigration_enforcement").ok).toBe(false);
    expect(access(ie, [ieGrant]).immigration).toEqual({ tag: "immigration", shown: false, reason: "hard_rule" });
  });

  it("names the rule in the refusal", () => {
    const check = checkGrant(ieGrant, "immigration_enforcement");
    expect(check.ok ? "" : check.message).toMatch(/hard rule hard_rule_5_3/);
  });

  it("allows it only with a recorded MARAC decision reference", () => {
    const withDecision = { ...ieGrant, maracDecisionRef: "MARAC-2025-03-01/7" };
    expect(checkGrant(withDecision, "immigration_enforcement")).toEqual({ ok: true });
    expect(access(ie, [withDecision]).immigration).toMatchObject({ shown: true, reason: "override_until" });
  });

  it("does not restrict immigration grants to other agency types", () => {
    expect(checkGrant(grant({ tag: "immigration" }), "police")).toEqual({ ok: true });
  });
});
