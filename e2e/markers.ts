import { makeMarkerCaseWithTokens } from "../server/domain/testing/fixtures";

/**
 * The marker case the e2e server imports (scripts/e2e-server.ts): every value a unique string
 * "E2EMK-<path>", so a response can be searched for anything its viewer may not see.
 */
export const MARKER_PREFIX = "E2EMK";
export const MARKER_CASE = makeMarkerCaseWithTokens(MARKER_PREFIX);
export const MARKER_REFERRING_AGENCY = "Northshire Police";

/** Extra users only the e2e server creates, for tests that change an account (lock-out, password). */
export const E2E_EXTRA_USERS = [
  { name: "Lockout Tester", email: "e2e.lockout@northshire.example", agencyName: "Probation Service, Northshire" },
  { name: "Password Tester", email: "e2e.password@northshire.example", agencyName: "Northshire Children's Social Care" },
  { name: "Authenticator Tester", email: "e2e.twofactor@northshire.example", agencyName: "Northshire Children's Social Care" },
] as const;

/** Flags the e2e server adds to the marker case: notes are markers too, with the tags a viewer needs. */
export const MARKER_FLAGS = [
  { factorId: "immigration_status_abuse", note: "E2EMK-flag-immigration-note", tags: ["immigration"] },
  { factorId: "non_fatal_strangulation", note: "E2EMK-flag-plain-note", tags: [] },
  { factorId: "pregnancy_or_new_baby", note: "E2EMK-flag-health-note", tags: ["health"] },
] as const;

/** Actions the e2e server records on the marker case (owned by the by-and-for service and the police). */
export const MARKER_ACTIONS = [
  { owner: "Saheli Women's Project", description: "E2EMK-action-immigration-text", tags: ["immigration"] },
  { owner: "Northshire Police", description: "E2EMK-action-plain-text", tags: [] },
] as const;

/** Minutes notes on the marker case: the second sentence is about status, so the detector tags it immigration. */
export const MARKER_NOTES = {
  plain: "E2EMK-notes-plain-sentence was discussed.",
  immigration: "E2EMK-notes-immigration her asylum claim was refused.",
} as const;

/**
 * The review-gate case (decision 042): immigration sentences written to get past the detector's
 * rules, on every surface, each by a known agency. Until a case holder reviews them, only case
 * holders and the author's agency (and an action's owner) may read them. `author` and `owner` are
 * DEMO_AGENCIES keys.
 */
export const GATE_VICTIM = "Rhiannon Gatecheck";
/** A closed case the e2e server dates past the retention period, for the deletion journey (e2e/retention.spec.ts). */
export const RETENTION_VICTIM = "Brenda Longago";
export const GATE_MEETING_VENUE = "E2E review gate meeting";
/** The risk factor the gate case's flag is raised for. */
export const GATE_FLAG_FACTOR = "non_fatal_strangulation";
export const GATE_TEXTS = {
  narrative: { text: "Gatemarknarrative she is worried about the letter from the office in Croydon and what it will mean for her and the girls.", author: "police" },
  flag: { text: "Gatemarkflag the Croydon letter still has not come and he laughs about it.", author: "idva" },
  // Owned by housing, which reads it as written: it must act on it (decision 084).
  action: { text: "Gatemarkaction help her find a lawyer for the Croydon matter.", author: "police", owner: "housing" },
  minutes: { text: "Gatemarkminutes she has heard nothing from the office in Croydon since the spring.", author: "police" },
  research: { text: "Gatemarkresearch says the Croydon office wrote to her in the spring.", author: "housing" },
} as const;

/**
 * Overrides the e2e server records on the marker case for Northshire Homes, neither in effect:
 * one that ended by its date, and one revoked. Housing must see neither category.
 */
export const MARKER_OVERRIDES = [
  { kind: "ended", tag: "health", agency: "Northshire Homes" },
  { kind: "revoked", tag: "immigration", agency: "Northshire Homes" },
] as const;

/** Single sign-on (e2e/single-sign-on.spec.ts): two agencies the spec sets up, and their users. */
export const E2E_SSO = {
  agency: { name: "Southshire Constabulary", domain: "southshire-police.example" },
  wrongIssuerAgency: { name: "Eastshire Housing", domain: "eastshire-housing.example" },
  officer: { name: "Sam Officer", email: "sam.officer@southshire-police.example" },
  leaver: { name: "Lee Leaver", email: "lee.leaver@southshire-police.example" },
  colleague: { name: "Ema Housing", email: "ema@eastshire-housing.example" },
} as const;
