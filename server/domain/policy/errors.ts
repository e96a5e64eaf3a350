/** Why a policy or grant was rejected. Programmer or configuration errors, never policy outcomes. */
export type PolicyErrorCode =
  | "invalid_version"
  | "unknown_agency_type"
  | "unknown_tag"
  | "duplicate_rule"
  | "missing_agency_type"
  | "invalid_agency_id"
  | "agency_type_mismatch"
  | "hard_rule";

/** Thrown by definePolicy and policy lookups. The message names the problem in plain English. */
export class PolicyError extends Error {
  readonly code: PolicyErrorCode;
  constructor(code: PolicyErrorCode, message: string) {
    super(message);
    this.name = "PolicyError";
    this.code = code;
  }
}
