import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { definePolicy } from "../policy/define-policy";
import { arbCaseSeed, arbGrantPlan, arbGrantPlans, arbNow, arbPolicyInput, arbViewer, toGrants } from "../testing/arbitraries";
import { buildCase } from "../testing/build-case";
import { deepFreeze } from "../testing/deep-freeze";
import { oracleMaySeeAll } from "../testing/oracle";
import { randomSource } from "../testing/sources";
import { mapTaggedTexts } from "../case/map-texts";
import { seesUnreviewed } from "../review/review";
import { project } from "./project";

const RUNS = { numRuns: 300 };
const scenario = fc.record({ seed: arbCaseSeed, policyInput: arbPolicyInput, viewer: arbViewer, plans: arbGrantPlans, now: arbNow });

describe("project: properties over random cases, policies, viewers and grants", () => {
  it("never lets a withheld token into the serialised projection (view and decisions), and keeps every allowed one", () => {
    fc.assert(
      fc.property(scenario, ({ seed, policyInput, viewer, plans, now }) => {
        const { record, tokens } = buildCase(randomSource(seed));
        const grants = toGrants(plans, record.caseId, now, viewer.agencyId);
        const out = JSON.stringify(project(deepFreeze(record), viewer, definePolicy(policyInput), grants, now));
        for (const { token, tags, path } of tokens) {
          const maySee = oracleMaySeeAll(tags, viewer, policyInput, grants, record.caseId, now, record.victimViews.perTag);
          expect(out.includes(token), `${path} [${tags.join(",")}]`).toBe(maySee);
        }
      }),
      RUNS,
    );
  });

  it("gives byte-identical output whether the fields and sentences the viewer may not see are filled or empty", () => {
    fc.assert(
      fc.property(scenario, ({ seed, policyInput, viewer, plans, now }) => {
        const filled = buildCase(randomSource(seed));
        const grants = toGrants(plans, filled.record.caseId, now, viewer.agencyId);
        const hidden = (tags: readonly Parameters<typeof oracleMaySeeAll>[0][number][]) =>
          !oracleMaySeeAll(tags, viewer, policyInput, grants, filled.record.caseId, now, filled.record.victimViews.perTag);
        // Her views decide what is withheld, so the twin keeps them; only the withheld content goes.
        const blanked = buildCase(randomSource(seed), hidden).record;
        const empty = { record: { ...blanked, victimViews: { ...blanked.victimViews, perTag: filled.record.victimViews.perTag } } };
        const policy = definePolicy(policyInput);
        expect(JSON.stringify(project(empty.record, viewer, policy, grants, now))).toBe(
          JSON.stringify(project(filled.record, viewer, policy, grants, now)),
        );
      }),
      RUNS,
    );
  });

  it("shows no unreviewed free text to a viewer who is neither a case holder nor of the referring agency", () => {
    fc.assert(
      fc.property(scenario, fc.boolean(), ({ seed, policyInput, viewer, plans, now }, fromViewersAgency) => {
        const built = buildCase(randomSource(seed)).record;
        const record = { ...built, referring: { ...built.referring, agencyId: fromViewersAgency ? viewer.agencyId : "agency-elsewhere" } };
        const unreviewed = mapTaggedTexts(record, (t) => ({ text: t.text, spans: t.spans }));
        const blank = mapTaggedTexts(record, () => ({ text: "", spans: [] }));
        const grants = toGrants(plans, record.caseId, now, viewer.agencyId);
        const policy = definePolicy(policyInput);
        const out = JSON.stringify(project(unreviewed, viewer, policy, grants, now));
        if (seesUnreviewed(viewer, { agencyId: record.referring.agencyId })) expect(out).toBe(JSON.stringify(project(record, viewer, policy, grants, now)));
        else expect(out).toBe(JSON.stringify(project(blank, viewer, policy, grants, now)));
      }),
      RUNS,
    );
  });

  it("is deterministic, whatever the order of the grants", () => {
    fc.assert(
      fc.property(scenario, ({ seed, policyInput, viewer, plans, now }) => {
        const { record } = buildCase(randomSource(seed));
        const grants = toGrants(plans, record.caseId, now, viewer.agencyId);
        const policy = definePolicy(policyInput);
        const first = JSON.stringify(project(record, viewer, policy, grants, now));
        expect(JSON.stringify(project(record, viewer, policy, grants, now))).toBe(first);
        expect(JSON.stringify(project(record, viewer, policy, [...grants].reverse(), now))).toBe(first);
      }),
      RUNS,
    );
  });

  it("never hides something that was shown when a grant is added", () => {
    fc.assert(
      fc.property(scenario, arbGrantPlan, ({ seed, policyInput, viewer, plans, now }, extra) => {
        const { record, tokens } = buildCase(randomSource(seed));
        const grants = toGrants(plans, record.caseId, now, viewer.agencyId);
        const more = toGrants([...plans, extra], record.caseId, now, viewer.agencyId);
        const policy = definePolicy(policyInput);
        const before = project(record, viewer, policy, grants, now);
        const after = project(record, viewer, policy, more, now);
        const shownAfter = new Set(after.decisions.filter((d) => d.outcome === "shown").map((d) => `${d.kind}:${d.path}`));
        for (const d of before.decisions.filter((d) => d.outcome === "shown")) expect(shownAfter.has(`${d.kind}:${d.path}`), d.path).toBe(true);
        const [a, b] = [JSON.stringify(before), JSON.stringify(after)];
        for (const { token } of tokens) if (a.includes(token)) expect(b.includes(token), token).toBe(true);
      }),
      RUNS,
    );
  });

  it("never shows Immigration Enforcement an immigration-tagged token without a MARAC-decision grant, whatever the role or policy", () => {
    const ieScenario = fc.record({
      seed: arbCaseSeed,
      policyInput: arbPolicyInput,
      role: fc.constantFrom("idva", "agency_rep", "chair", "coordinator"),
      plans: arbGrantPlans,
      now: arbNow,
    });
    fc.assert(
      fc.property(ieScenario, ({ seed, policyInput, role, plans, now }) => {
        const { record, tokens } = buildCase(randomSource(seed));
        const viewer = { userId: "u", role, agencyId: "agency-immigration_enforcement-a", agencyType: "immigration_enforcement" as const };
        const grants = toGrants(plans, record.caseId, now, viewer.agencyId).map(({ maracDecisionRef: _ref, ...grant }) => grant);
        const out = JSON.stringify(project(record, viewer, definePolicy(policyInput), grants, now));
        for (const { token, tags } of tokens) if (tags.includes("immigration")) expect(out).not.toContain(token);
      }),
      RUNS,
    );
  });
});
