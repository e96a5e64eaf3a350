import { describe, expect, it } from "vitest";
import { AGENCY_TYPES } from "../agency-types";
import { caseRecordSchema } from "../case/schema";
import { DEFAULT_POLICY, DEFAULT_SHARING_TABLE, tableToTypeDefaults } from "../policy/default-policy";
import { definePolicy } from "../policy/define-policy";
import type { Grant } from "../policy/grants";
import { TAGS, type Tag } from "../tags";
import { deepFreeze } from "../testing/deep-freeze";
import { makeMarkerCase, makeMarkerCaseWithTokens, makeSampleCase, makeViewer } from "../testing/fixtures";
import { NoCaseContentError, project } from "./project";
import { STANDING_NOTICE } from "./redact-text";
import type { Withheld } from "./types";

const NOW = new Date("2025-03-01T12:00:00Z");
const built = makeMarkerCaseWithTokens("MK");
const marker = deepFreeze(built.record);
const rep = (type: (typeof AGENCY_TYPES)[number]) => makeViewer("agency_rep", type);
const json = (value: unknown) => JSON.stringify(value);

/** One representative structured item per tag, read from a projected view. */
const ITEM_FOR_TAG: Record<Tag, (view: ReturnType<typeof project>["view"]) => unknown> = {
  immigration: (v) => v.victim.immigrationStatus,
  safe_contact: (v) => v.victim.address,
  health: (v) => v.victim.pregnantOrBabyUnder18Months,
  sexuality: (v) => v.victim.lgbtPlus,
  criminal: (v) => v.perpetrators[0]?.offendingHistory,
  children: (v) => v.householdMembers,
};
const isWithheld = (value: unknown): value is Withheld => typeof value === "object" && value !== null && "withheld" in value;

describe("project: every agency type against every tag (default policy)", () => {
  const rows = AGENCY_TYPES.flatMap((type) => TAGS.map((tag) => [type, tag] as const));
  it.each(rows)("%s x %s: structured item, sentences and markers follow the table", (type, tag) => {
    const allowed = DEFAULT_SHARING_TABLE[type][tag] === "yes";
    const { view, decisions } = project(marker, rep(type), DEFAULT_POLICY, [], NOW);
    expect(isWithheld(ITEM_FOR_TAG[tag](view))).toBe(!allowed);
    expect(view.narrative.text.includes(`MK-<narrative#${TAGS.indexOf(tag) + 1}>`)).toBe(allowed);
    const sentenceDecision = decisions.find((d) => d.kind === "sentences" && d.tags[0] === tag);
    expect(sentenceDecision?.outcome).toBe(allowed ? "shown" : "withheld");
    const out = json(view);
    for (const token of built.tokens.filter((t) => t.tags.includes(tag) && t.tags.length === 1)) {
      expect(out.includes(token.token), token.path).toBe(allowed);
    }
  });
});

describe("project: markers", () => {
  it.each(AGENCY_TYPES)("for %s, every marker appears exactly when all its tags are allowed", (type) => {
    const out = json(project(marker, rep(type), DEFAULT_POLICY, [], NOW));
    for (const token of built.tokens) {
      const visible = token.tags.every((tag) => DEFAULT_SHARING_TABLE[type][tag] === "yes");
      expect(out.includes(token.token), `${token.path} ${token.token}`).toBe(visible);
    }
  });
});

describe("project: placeholders", () => {
  const empty = deepFreeze(caseRecordSchema.parse({ ...makeMarkerCase("MK"), victim: { name: marker.victim.name }, householdMembers: [] }));

  it.each(AGENCY_TYPES)("for %s, a withheld item is the same placeholder whether the value is filled or empty", (type) => {
    const filled = project(marker, rep(type), DEFAULT_POLICY, [], NOW);
    const blank = project(empty, rep(type), DEFAULT_POLICY, [], NOW);
    for (const tag of TAGS) {
      const a = ITEM_FOR_TAG[tag](filled.view);
      if (isWithheld(a)) expect(json(ITEM_FOR_TAG[tag](blank.view))).toBe(json(a));
    }
    for (const key of ["address", "phone", "email", "nationality", "immigrationStatus", "noRecourseToPublicFunds", "immigrationNeeds"] as const) {
      const a = filled.view.victim[key];
      if (isWithheld(a)) expect(json(blank.view.victim[key])).toBe(json(a));
    }
  });

  it("reads in plain English and says whom to ask", () => {
    const { view } = project(marker, rep("police"), DEFAULT_POLICY, [], NOW);
    expect(view.victim.immigrationStatus).toEqual({
      withheld: true,
      tags: ["immigration"],
      reason: "Not shared with your agency (immigration information). Ask the MARAC IDVA.",
      reasonCode: "not_shared_with_agency",
      askWho: "the MARAC IDVA",
    });
  });

  it("never calls a withheld item \"Restricted\", which means shown and sensitive (decisions 065, 073)", () => {
    for (const type of AGENCY_TYPES) {
      const { view } = project(marker, rep(type), DEFAULT_POLICY, [], NOW);
      const reasons = [...json(view).matchAll(/"reason":"([^"]*)"/g)].map((m) => m[1] ?? "");
      for (const reason of reasons) expect(reason, type).toMatch(/^(Not|Never) shared with (your agency|Immigration Enforcement) \([a-z ,]+ information\)/);
    }
  });

  it("hides a withheld list's length: one placeholder for any number of children", () => {
    const one = caseRecordSchema.parse({ ...marker, householdMembers: marker.householdMembers.slice(0, 1) });
    const a = project(marker, rep("probation"), DEFAULT_POLICY, [], NOW);
    const b = project(one, rep("probation"), DEFAULT_POLICY, [], NOW);
    expect(json(a.view.householdMembers)).toBe(json(b.view.householdMembers));
    expect(a.decisions.filter((d) => d.path.startsWith("householdMembers"))).toEqual(b.decisions.filter((d) => d.path.startsWith("householdMembers")));
  });

  it("names the hard rule for Immigration Enforcement", () => {
    const { view } = project(marker, rep("immigration_enforcement"), DEFAULT_POLICY, [], NOW);
    expect(view.victim.nationality).toMatchObject({ reasonCode: "hard_rule", reason: expect.stringMatching(/Never shared with Immigration Enforcement/) as unknown });
  });
});

describe("project: free text", () => {
  it("puts the standing notice on every text shown to an agency, even when nothing was removed", () => {
    const { view } = project(makeSampleCase(), rep("idva"), DEFAULT_POLICY, [], NOW);
    expect(view.narrative.notice).toBe(STANDING_NOTICE);
    expect(view.criteria.reasons.notice).toBe(STANDING_NOTICE);
  });

  it("removes withheld sentences without a category marker", () => {
    const { view } = project(makeSampleCase(), rep("police"), DEFAULT_POLICY, [], NOW);
    expect(view.narrative.text).toBe(
      "Police attended after a neighbour reported screaming. She is staying with her friend at 3 Elm Close. The perpetrator was arrested and bailed.",
    );
    // Placeholders name their tag by design; free text carries no trace of what was removed.
    expect(json(view)).not.toMatch(/spouse visa|weeks pregnant|deported|Home Office|no recourse|DDVC/i);
  });

  it("shows a chair everything, with no notice", () => {
    const sample = makeSampleCase();
    const { view } = project(sample, makeViewer("chair", "police"), DEFAULT_POLICY, [], NOW);
    // Review marks stay in storage: a projection never carries them.
    expect(view.narrative).toEqual({ text: sample.narrative.text, spans: sample.narrative.spans, notice: null });
  });
});

describe("project: roles and decisions", () => {
  it.each(["chair", "coordinator"] as const)("%s sees every value and every tagged item is reported as a full-access view", (role) => {
    const { view, decisions } = project(marker, makeViewer(role, "police"), DEFAULT_POLICY, [], NOW);
    const out = json(view);
    for (const token of built.tokens) expect(out.includes(token.token)).toBe(true);
    expect(decisions.length).toBeGreaterThan(0);
    for (const d of decisions) expect(d).toMatchObject({ outcome: "shown", reason: "full_access_role", explanation: "Chair/coordinator: full access (consultation logged)." });
  });

  it("refuses an admin with a typed error carrying the decision, and returns no content", () => {
    expect(() => project(marker, makeViewer("admin", "idva"), DEFAULT_POLICY, [], NOW)).toThrow(NoCaseContentError);
    try {
      project(marker, makeViewer("admin", "idva"), DEFAULT_POLICY, [], NOW);
    } catch (error) {
      expect(error).toMatchObject({ code: "admin_no_case_content", decision: { reason: "admin_no_case_content", outcome: "withheld", policyVersion: 1 } });
    }
  });

  it("names the policy version in the result and in every decision", () => {
    const v7 = definePolicy({ version: 7, typeDefaults: tableToTypeDefaults(DEFAULT_SHARING_TABLE) });
    const result = project(marker, rep("housing"), v7, [], NOW);
    expect(result.policyVersion).toBe(7);
    for (const d of result.decisions) expect(d.policyVersion).toBe(7);
  });

  it("reports each tagged item with path, tags, outcome and reason", () => {
    const { decisions } = project(marker, rep("education"), DEFAULT_POLICY, [], NOW);
    expect(decisions).toContainEqual(expect.objectContaining({ path: "householdMembers", tags: ["children"], outcome: "shown", reason: "shared_with_agency" }));
    expect(decisions).toContainEqual(expect.objectContaining({ path: "householdMembers[1].school", tags: ["safe_contact", "children"], outcome: "withheld", reason: "not_shared_with_agency" }));
    expect(decisions).toContainEqual(expect.objectContaining({ path: "perpetrators[0].offendingHistory", outcome: "withheld" }));
    expect(decisions.filter((d) => !d.tags.length)).toEqual([]);
  });

  it("never mutates its input (the input is deep-frozen) and shares no objects with it", () => {
    const sample = deepFreeze(makeSampleCase());
    const before = json(sample);
    const { view } = project(sample, makeViewer("chair", "idva"), DEFAULT_POLICY, [], NOW);
    expect(json(sample)).toBe(before);
    expect(view.victim.aliases).not.toBe(sample.victim.aliases);
    expect(view.narrative.spans[0]).not.toBe(sample.narrative.spans[0]);
  });

  it("never copies keys the catalogue does not know", () => {
    const withExtra = { ...marker, secretExtra: "MK-extra", victim: { ...marker.victim, passportNumber: "MK-passport" } };
    const out = json(project(withExtra, makeViewer("chair", "idva"), DEFAULT_POLICY, [], NOW));
    expect(out).not.toContain("MK-extra");
    expect(out).not.toContain("MK-passport");
  });
});

describe("project: grants", () => {
  const grant: Grant = { caseId: marker.caseId, agencyId: "agency-police", tag: "health", expiresAt: new Date("2025-03-08T17:00:00Z") };

  it("shows what the grant covers, with the expiry in the decision", () => {
    const { view, decisions } = project(marker, rep("police"), DEFAULT_POLICY, [grant], NOW);
    expect(view.victim.pregnantOrBabyUnder18Months).toBe("yes");
    expect(decisions).toContainEqual(expect.objectContaining({
      path: "victim.pregnantOrBabyUnder18Months",
      reason: "override_until",
      overrideUntil: "2025-03-08T17:00:00.000Z",
      explanation: "Shown under a MARAC override until 2025-03-08 17:00 UTC.",
    }));
  });

  it("does nothing once expired", () => {
    const { view } = project(marker, rep("police"), DEFAULT_POLICY, [grant], new Date("2025-03-09T00:00:00Z"));
    expect(isWithheld(view.victim.pregnantOrBabyUnder18Months)).toBe(true);
  });

  it("cannot give Immigration Enforcement immigration information without a MARAC decision reference", () => {
    const ie = makeViewer("agency_rep", "immigration_enforcement", "ie-1");
    const ieGrant: Grant = { ...grant, agencyId: "ie-1", tag: "immigration" };
    expect(isWithheld(project(marker, ie, DEFAULT_POLICY, [ieGrant], NOW).view.victim.immigrationStatus)).toBe(true);
    const decided = project(marker, ie, DEFAULT_POLICY, [{ ...ieGrant, maracDecisionRef: "MARAC-2025-03-01/7" }], NOW);
    expect(decided.view.victim.immigrationStatus).toBe(marker.victim.immigrationStatus);
  });
});

describe("project: her view beside decisions, for case holders only (decision 049)", () => {
  const sample = makeSampleCase(); // immigration: do not share; sexuality: not asked
  const sentencesFor = (decisions: ReturnType<typeof project>["decisions"], tag: Tag) => decisions.find((d) => d.kind === "sentences" && d.tags[0] === tag);

  it("gives chair, coordinator and IDVA her view on each category they see", () => {
    for (const viewer of [makeViewer("chair", "police"), makeViewer("coordinator", "police"), makeViewer("idva", "idva")]) {
      const { decisions } = project(sample, viewer, DEFAULT_POLICY, [], NOW);
      expect(sentencesFor(decisions, "immigration")?.victimView).toBe("do_not_share");
      expect(sentencesFor(decisions, "sexuality")?.victimView).toBe("not_asked");
      expect(decisions.find((d) => d.path === "victim.immigrationStatus")?.victimView).toBe("do_not_share");
    }
  });

  it("never gives an agency her view, and never gives a holder her view on a category withheld from them", () => {
    expect(json(project(sample, rep("by_and_for"), DEFAULT_POLICY, [], NOW).decisions)).not.toContain(`"victimView":`);
    const noImmigration = definePolicy({ version: 2, typeDefaults: AGENCY_TYPES.map((agencyType) => ({ agencyType, allow: agencyType === "idva" ? ["health" as const] : [] })) });
    const { decisions } = project(sample, makeViewer("idva", "idva"), noImmigration, [], NOW);
    expect(sentencesFor(decisions, "immigration")).toMatchObject({ outcome: "withheld" });
    expect(sentencesFor(decisions, "immigration")?.victimView).toBeUndefined();
    expect(sentencesFor(decisions, "health")?.victimView).toBe("share");
  });
});
