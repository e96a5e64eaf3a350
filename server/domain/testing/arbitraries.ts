import fc from "fast-check";
import { AGENCY_TYPES, type AgencyType } from "../agency-types";
import type { Viewer } from "../policy/access";
import type { PolicyInput } from "../policy/define-policy";
import type { Grant } from "../policy/grants";
import { isBlockedByHardRule } from "../policy/hard-rules";
import { TAGS, type Tag } from "../tags";

/** Two agencies of every type, so per-agency rows and grants can differ between agencies of a type. */
export const AGENCY_DIRECTORY: readonly { readonly agencyId: string; readonly agencyType: AgencyType }[] = AGENCY_TYPES.flatMap(
  (agencyType) => ["a", "b"].map((suffix) => ({ agencyId: `agency-${agencyType}-${suffix}`, agencyType })),
);

/** A random allow list that respects the hard rules (anything else is rejected by definePolicy). */
const arbAllow = (agencyType: AgencyType): fc.Arbitrary<Tag[]> =>
  fc.subarray<Tag>(TAGS.filter((tag) => !isBlockedByHardRule(agencyType, tag)));

/** A random valid policy input: a row for every type, per-agency rows for some agencies. */
export const arbPolicyInput: fc.Arbitrary<PolicyInput> = fc.record({
  version: fc.integer({ min: 1, max: 10_000 }),
  typeDefaults: fc.tuple(...AGENCY_TYPES.map((agencyType) => arbAllow(agencyType).map((allow) => ({ agencyType, allow })))),
  agencyRules: fc
    .subarray([...AGENCY_DIRECTORY])
    .chain((agencies) => fc.tuple(...agencies.map(({ agencyId, agencyType }) => arbAllow(agencyType).map((allow) => ({ agencyId, agencyType, allow }))))),
});

/** A case viewer from the directory; mostly agency roles, sometimes a chair or coordinator. */
export const arbViewer: fc.Arbitrary<Viewer> = fc.record({
  userId: fc.constantFrom("u1", "u2"),
  role: fc.constantFrom("idva", "agency_rep", "agency_rep", "idva", "chair", "coordinator"),
  agency: fc.constantFrom(...AGENCY_DIRECTORY),
}).map(({ userId, role, agency }) => ({ userId, role, agencyId: agency.agencyId, agencyType: agency.agencyType }));

/** Grants described relative to a case and an instant, resolved by `toGrants`. */
export interface GrantPlan {
  readonly forThisCase: boolean;
  /** Aim the grant at the viewer's own agency (else at `agencyId`), so grants often matter. */
  readonly forViewer: boolean;
  readonly agencyId: string;
  readonly tag: Tag;
  readonly minutesFromNow: number;
  readonly maracDecisionRef?: string;
}

export const arbGrantPlan: fc.Arbitrary<GrantPlan> = fc.record(
  {
    forThisCase: fc.integer({ min: 0, max: 99 }).map((n) => n < 85),
    forViewer: fc.boolean(),
    agencyId: fc.constantFrom(...AGENCY_DIRECTORY.map((a) => a.agencyId)),
    tag: fc.constantFrom(...TAGS),
    minutesFromNow: fc.integer({ min: -20_000, max: 20_000 }),
    maracDecisionRef: fc.constantFrom("MARAC-2025-01/3", " "),
  },
  { requiredKeys: ["forThisCase", "forViewer", "agencyId", "tag", "minutesFromNow"] },
);

export const arbGrantPlans: fc.Arbitrary<GrantPlan[]> = fc.array(arbGrantPlan, { maxLength: 8 });

export function toGrants(plans: readonly GrantPlan[], caseId: string, now: Date, viewerAgencyId: string): Grant[] {
  return plans.map((plan, i) => ({
    grantId: `grant-${i}`,
    caseId: plan.forThisCase ? caseId : `other-${caseId}`,
    agencyId: plan.forViewer ? viewerAgencyId : plan.agencyId,
    tag: plan.tag,
    expiresAt: new Date(now.getTime() + plan.minutesFromNow * 60_000),
    ...(plan.maracDecisionRef === undefined ? {} : { maracDecisionRef: plan.maracDecisionRef }),
  }));
}

/** Seed for `randomSource`: the case is rebuilt from it, so a failure reproduces exactly. */
export const arbCaseSeed: fc.Arbitrary<number> = fc.integer({ min: 0, max: 2 ** 31 - 1 });

export const arbNow: fc.Arbitrary<Date> = fc.date({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2030-01-01T00:00:00Z"), noInvalidDate: true });
