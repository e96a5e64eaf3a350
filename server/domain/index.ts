// Public surface of the pure core (design.md section 7). Named exports only; internals stay private.

// --- Vocabulary ---
export { TAGS, TAG_LABELS, isTag } from "./tags";
export type { Tag } from "./tags";
export { AGENCY_TYPES, AGENCY_TYPE_LABELS, canBeMaracMember } from "./agency-types";
export type { AgencyType } from "./agency-types";
export { ROLES, ROLE_LABELS } from "./roles";
export type { Role } from "./roles";

// --- Case record and classification catalogue (issue 3 section 1) ---
export { caseRecordSchema } from "./case/schema";
export type { CaseRecord, CaseRecordInput } from "./case/schema";
export { victimSchema, IMMIGRATION_STATUSES, IMMIGRATION_STATUS_LABELS } from "./case/victim";
export type { Victim, ImmigrationStatus } from "./case/victim";
export { perpetratorSchema, householdMemberSchema } from "./case/people";
export type { Perpetrator, HouseholdMember } from "./case/people";
export { DASH_QUESTIONS, DASH_QUESTION_IDS, DASH_ANSWERS, dashSchema, dashAnswerSchema } from "./case/dash";
export type { Dash, DashAnswer, DashAnswerValue, DashQuestionId } from "./case/dash";
export { referringSchema, criteriaSchema, consentSchema, victimViewsSchema, SHARING_CHOICES } from "./case/referral";
export type { Referring, Criteria, Consent, VictimViews, SharingChoice } from "./case/referral";
export { taggedTextSchema, spanSchema, plainText, SPAN_SOURCES } from "./case/text";
export type { TaggedText, TaggedTextInput, Span, SpanSource } from "./case/text";
export { YES_NO_UNKNOWN, GENDERS } from "./case/common";
export type { YesNoUnknown, Gender } from "./case/common";
export { CASE_CATALOGUE } from "./case/catalogue";
export type { CaseCatalogue } from "./case/catalogue";
export { listCatalogue } from "./case/catalogue-walk";
export type { CatalogueRow } from "./case/catalogue-walk";
export type { CatalogueEntry, CatalogueFields, CatalogueFor } from "./case/catalogue-types";

// --- Sharing policy, hard rules and grants (issue 3 section 2) ---
export { definePolicy, allowedTags, policyToInput } from "./policy/define-policy";
export type { Policy, PolicyInput, AgencyRule } from "./policy/define-policy";
export { DEFAULT_POLICY, DEFAULT_SHARING_TABLE, tableToTypeDefaults } from "./policy/default-policy";
export { PolicyError } from "./policy/errors";
export type { PolicyErrorCode } from "./policy/errors";
export { IMMIGRATION_NEVER_TO_IMMIGRATION_ENFORCEMENT, isBlockedByHardRule } from "./policy/hard-rules";
export { checkGrant, isGrantActive } from "./policy/grants";
export type { Grant, GrantCheck } from "./policy/grants";
export { decideTagAccess, hasFullAccess, REASON_CODES } from "./policy/access";
export type { Viewer, ReasonCode, TagAccess } from "./policy/access";

// --- Projection (issue 3 section 3) ---
export { project, NoCaseContentError } from "./projection/project";
export { STANDING_NOTICE, redactText } from "./projection/redact-text";
export { ASK_WHO } from "./projection/explain";
export type { Projection, ProjectedCase, ProjectedText, ProjectedSpan, Decision, Withheld } from "./projection/types";

// --- Free-text detector (issue 3 section 4) ---
export { detect, DETECTOR_RULES, suggestionReason, type DetectedSpan } from "./detector";

// --- Referral intake: scoring, criteria, repeat detection, risk factors (issue 5) ---
export { dashScore, MAX_DASH_SCORE } from "./referral/scoring";
export type { DashAnswersInput } from "./referral/scoring";
export {
  evaluateCriteria, DEFAULT_MARAC_SETTINGS, maracSettingsSchema, PROFESSIONAL_JUDGEMENT_GROUNDS, LAWFUL_BASES,
  CRITERION_IDS, CRITERION_LABELS, PROFESSIONAL_JUDGEMENT_REASONS_MISSING,
} from "./referral/criteria";
export type { MaracSettings, CriteriaInput, CriteriaEvaluation, CriterionResult, CriterionId } from "./referral/criteria";
export { findEarlierReferrals, repeatStatus, repeatWindowEnd, describeLastReferral } from "./referral/repeat";
export type { ReferralVictim, EarlierReferral, EarlierReferralMatch, MatchKind, ConfirmedEarlierReferral, RepeatResult } from "./referral/repeat";
export { addCalendarMonths, addDays, wholeMonthsBetween, formatDate, isIsoDate } from "./referral/dates";
export { RISK_FACTORS, riskFactorById, isRiskFactorId } from "./referral/risk-factors";
export type { RiskFactor, RiskFactorId } from "./referral/risk-factors";
export { normaliseName, nameTokens, nameKey, nameKeyTokens, sameName, NAME_FOLD_RULES, NAME_VARIANT_GROUPS } from "./names";
