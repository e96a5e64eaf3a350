import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SharingChoice } from "../case/referral";
import type { CaseRecord } from "../case/schema";
import type { Viewer } from "../policy/access";
import { definePolicy } from "../policy/define-policy";
import { AGENCY_DIRECTORY, arbCaseSeed, arbNow, arbPolicyInput } from "../testing/arbitraries";
import { buildCase } from "../testing/build-case";
import { oracleMaySeeAll } from "../testing/oracle";
import { randomSource } from "../testing/sources";
import { TAGS, type Tag } from "../tags";
import { project } from "./project";

const RUNS = { numRuns: 200 };
const arbAgencyViewer: fc.Arbitrary<Viewer> = fc
  .constantFrom(...AGENCY_DIRECTORY)
  .map(({ agencyId, agencyType }) => ({ userId: "u", role: "agency_rep" as const, agencyId, agencyType }));
const arbChoices = fc.tuple(...TAGS.map(() => fc.constantFrom<SharingChoice>("share", "do_not_share", "not_asked")));
const scenario = fc.record({ seed: arbCaseSeed, policyInput: arbPolicyInput, viewer: arbAgencyViewer, tag: fc.constantFrom(...TAGS), choices: arbChoices, now: arbNow });

function withViews(record: CaseRecord, choices: readonly SharingChoice[], patch: Partial<Record<Tag, SharingChoice>>): CaseRecord {
  const perTag = { ...(Object.fromEntries(TAGS.map((t, i) => [t, choices[i] ?? "not_asked"])) as Record<Tag, SharingChoice>), ...patch };
  return { ...record, victimViews: { ...record.victimViews, perTag } };
}

describe("project: the victim's views narrow sharing (decision 049)", () => {
  it("gives an agency no value or sentence of a category she asked not to be shared, whatever the policy", () => {
    fc.assert(
      fc.property(scenario, ({ seed, policyInput, viewer, tag, choices, now }) => {
        const built = buildCase(randomSource(seed));
        const record = withViews(built.record, choices, { [tag]: "do_not_share" });
        const projection = project(record, viewer, definePolicy(policyInput), [], now);
        const out = JSON.stringify(projection);
        for (const token of built.tokens) if (token.tags.includes(tag)) expect(out, token.path).not.toContain(token.token);
        expect(projection.decisions.filter((d) => d.tags.includes(tag)).every((d) => d.outcome === "withheld")).toBe(true);
      }),
      RUNS,
    );
  });

  it("lets a grant for that case, category and agency open it again", () => {
    fc.assert(
      fc.property(scenario, ({ seed, policyInput, viewer, tag, choices, now }) => {
        const built = buildCase(randomSource(seed));
        const record = withViews(built.record, choices, { [tag]: "do_not_share" });
        const grant = { caseId: record.caseId, agencyId: viewer.agencyId, tag, expiresAt: new Date(now.getTime() + 3_600_000), maracDecisionRef: "MARAC-2025-01/3" };
        const out = JSON.stringify(project(record, viewer, definePolicy(policyInput), [grant], now));
        for (const token of built.tokens) if (token.tags.length > 0 && token.tags.every((t) => t === tag)) expect(out, token.path).toContain(token.token);
      }),
      RUNS,
    );
  });

  it("treats 'not asked' exactly as the plain policy", () => {
    fc.assert(
      fc.property(scenario, ({ seed, policyInput, viewer, now }) => {
        const built = buildCase(randomSource(seed));
        const notAsked = withViews(built.record, TAGS.map(() => "not_asked"), {});
        const shared = withViews(built.record, TAGS.map(() => "share"), {});
        const policy = definePolicy(policyInput);
        const a = project(notAsked, viewer, policy, [], now);
        expect(JSON.stringify(a.decisions)).toBe(JSON.stringify(project(shared, viewer, policy, [], now).decisions));
        const out = JSON.stringify(a);
        for (const token of built.tokens) {
          expect(out.includes(token.token), token.path).toBe(oracleMaySeeAll(token.tags, viewer, policyInput, [], notAsked.caseId, now));
        }
      }),
      RUNS,
    );
  });
});
