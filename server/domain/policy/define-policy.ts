import { AGENCY_TYPES, type AgencyType } from "../agency-types";
import { TAGS, type Tag, isTag } from "../tags";
import { PolicyError } from "./errors";
import { IMMIGRATION_NEVER_TO_IMMIGRATION_ENFORCEMENT, isBlockedByHardRule } from "./hard-rules";

/** A policy as an admin screen, a database row or a test writes it: plain strings, validated here. */
export interface PolicyInput {
  /** Positive whole number; every change to a policy makes a new version (design.md section 4). */
  readonly version: number;
  /** Exactly one row per agency type: the tags agencies of that type may see by default. */
  readonly typeDefaults: readonly { readonly agencyType: string; readonly allow: readonly string[] }[];
  /**
   * Optional per-agency rows that replace the type default for one agency. The row names the
   * agency's type so the hard rules can be checked when the policy is built.
   */
  readonly agencyRules?: readonly {
    readonly agencyId: string;
    readonly agencyType: string;
    readonly allow: readonly string[];
  }[];
}

export interface AgencyRule {
  readonly agencyType: AgencyType;
  readonly allow: ReadonlySet<Tag>;
}

declare const VALIDATED_POLICY: unique symbol;

/** A validated, immutable policy. Only definePolicy makes one, so every policy has passed the hard rules. */
export interface Policy {
  readonly version: number;
  readonly typeDefaults: ReadonlyMap<AgencyType, ReadonlySet<Tag>>;
  readonly agencyRules: ReadonlyMap<string, AgencyRule>;
  readonly [VALIDATED_POLICY]: true;
}

function isAgencyType(value: string): value is AgencyType {
  return (AGENCY_TYPES as readonly string[]).includes(value);
}

function checkAgencyType(value: string, where: string): AgencyType {
  if (!isAgencyType(value)) {
    throw new PolicyError("unknown_agency_type", `${where}: unknown agency type "${value}". Known types: ${AGENCY_TYPES.join(", ")}.`);
  }
  return value;
}

function checkAllowList(agencyType: AgencyType, allow: readonly string[], where: string): ReadonlySet<Tag> {
  const tags = new Set<Tag>();
  for (const value of allow) {
    if (!isTag(value)) {
      throw new PolicyError("unknown_tag", `${where}: unknown tag "${value}". Known tags: ${TAGS.join(", ")}.`);
    }
    if (tags.has(value)) {
      throw new PolicyError("duplicate_rule", `${where}: tag "${value}" is listed twice.`);
    }
    if (isBlockedByHardRule(agencyType, value)) {
      const rule = IMMIGRATION_NEVER_TO_IMMIGRATION_ENFORCEMENT;
      throw new PolicyError("hard_rule", `${where}: breaks hard rule ${rule.id} (${rule.title}). No policy may allow it.`);
    }
    tags.add(value);
  }
  return tags;
}

/**
 * Builds a policy, rejecting with a PolicyError naming the problem: a version that is not a
 * positive whole number, an unknown agency type or tag, a duplicate row or tag, an agency type
 * with no row (absence is never read as "deny" or "allow": every type must be decided), or any
 * row that breaks a hard rule (design.md 5.3: immigration never to Immigration Enforcement).
 */
export function definePolicy(input: PolicyInput): Policy {
  if (!Number.isInteger(input.version) || input.version < 1) {
    throw new PolicyError("invalid_version", `Policy version must be a positive whole number, not ${String(input.version)}.`);
  }
  const typeDefaults = new Map<AgencyType, ReadonlySet<Tag>>();
  for (const row of input.typeDefaults) {
    const agencyType = checkAgencyType(row.agencyType, "Policy type default");
    if (typeDefaults.has(agencyType)) {
      throw new PolicyError("duplicate_rule", `Policy has two default rows for agency type "${agencyType}".`);
    }
    typeDefaults.set(agencyType, checkAllowList(agencyType, row.allow, `Default row for agency type "${agencyType}"`));
  }
  const missing = AGENCY_TYPES.filter((type) => !typeDefaults.has(type));
  if (missing.length > 0) {
    throw new PolicyError("missing_agency_type", `Policy has no default row for agency type(s): ${missing.join(", ")}. Every type must be decided.`);
  }

  const agencyRules = new Map<string, AgencyRule>();
  for (const row of input.agencyRules ?? []) {
    if (row.agencyId.trim() === "") {
      throw new PolicyError("invalid_agency_id", "A per-agency policy row has an empty agency id.");
    }
    const where = `Row for agency "${row.agencyId}"`;
    if (agencyRules.has(row.agencyId)) {
      throw new PolicyError("duplicate_rule", `Policy has two rows for agency "${row.agencyId}".`);
    }
    const agencyType = checkAgencyType(row.agencyType, where);
    agencyRules.set(row.agencyId, Object.freeze({ agencyType, allow: checkAllowList(agencyType, row.allow, where) }));
  }

  // The one place the brand is minted: everything above has been checked.
  return Object.freeze({ version: input.version, typeDefaults, agencyRules }) as unknown as Policy;
}

/**
 * The tags one agency may see under a policy: its own row if it has one, else its type's default.
 * Throws if the agency's row was written for a different agency type (its type has changed since):
 * the admin must review the row rather than have it silently applied or dropped.
 */
export function allowedTags(policy: Policy, agencyId: string, agencyType: AgencyType): ReadonlySet<Tag> {
  const row = policy.agencyRules.get(agencyId);
  if (row) {
    if (row.agencyType !== agencyType) {
      throw new PolicyError(
        "agency_type_mismatch",
        `Policy version ${policy.version} has a row for agency "${agencyId}" as "${row.agencyType}", but the agency is now "${agencyType}". Review the row.`,
      );
    }
    return row.allow;
  }
  const defaults = policy.typeDefaults.get(agencyType);
  // Unreachable for a validated policy; fail closed all the same.
  return defaults ?? new Set<Tag>();
}

/** Plain rows for display and storage (e.g. the policy admin screen, docs). */
export function policyToInput(policy: Policy): PolicyInput {
  return {
    version: policy.version,
    typeDefaults: [...policy.typeDefaults].map(([agencyType, allow]) => ({ agencyType, allow: [...allow] })),
    agencyRules: [...policy.agencyRules].map(([agencyId, row]) => ({ agencyId, agencyType: row.agencyType, allow: [...row.allow] })),
  };
}
