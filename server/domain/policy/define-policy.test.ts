import { describe, expect, it } from "vitest";
import { AGENCY_TYPES } from "../agency-types";
import { TAGS } from "../tags";
import { DEFAULT_POLICY, DEFAULT_SHARING_TABLE, tableToTypeDefaults } from "./default-policy";
import { allowedTags, definePolicy, type PolicyInput, policyToInput } from "./define-policy";
import { PolicyError } from "./errors";

const defaults = tableToTypeDefaults(DEFAULT_SHARING_TABLE);
const withDefaults = (patch: Partial<PolicyInput>): PolicyInput => ({ version: 2, typeDefaults: defaults, ...patch });

function errorOf(input: PolicyInput): PolicyError {
  try {
    definePolicy(input);
  } catch (error) {
    if (error instanceof PolicyError) return error;
    throw error;
  }
  throw new Error("expected definePolicy to throw");
}

describe("default policy (design.md section 4)", () => {
  it("is version 1 and decides every agency type and tag", () => {
    expect(DEFAULT_POLICY.version).toBe(1);
    for (const type of AGENCY_TYPES) {
      for (const tag of TAGS) {
        expect(allowedTags(DEFAULT_POLICY, `any-${type}`, type).has(tag)).toBe(DEFAULT_SHARING_TABLE[type][tag] === "yes");
      }
    }
  });

  it("lets the IDVA see every tag and Immigration Enforcement none", () => {
    expect([...allowedTags(DEFAULT_POLICY, "x", "idva")].sort()).toEqual([...TAGS].sort());
    expect([...allowedTags(DEFAULT_POLICY, "x", "immigration_enforcement")]).toEqual([]);
  });

  it("round-trips through plain rows", () => {
    expect(policyToInput(definePolicy(policyToInput(DEFAULT_POLICY)))).toEqual(policyToInput(DEFAULT_POLICY));
  });
});

describe("definePolicy validation", () => {
  it.each<[string, PolicyInput, PolicyError["code"], RegExp]>([
    ["a version that is not a positive whole number", withDefaults({ version: 0 }), "invalid_version", /positive whole number/],
    ["a fractional version", withDefaults({ version: 1.5 }), "invalid_version", /1\.5/],
    ["an unknown agency type", withDefaults({ typeDefaults: [...defaults, { agencyType: "fire_service", allow: [] }] }), "unknown_agency_type", /"fire_service"/],
    ["an unknown tag", withDefaults({ typeDefaults: defaults.map((r) => (r.agencyType === "police" ? { ...r, allow: [...r.allow, "religion"] } : r)) }), "unknown_tag", /"religion"/],
    ["a duplicate agency-type row", withDefaults({ typeDefaults: [...defaults, { agencyType: "police", allow: [] }] }), "duplicate_rule", /two default rows for agency type "police"/],
    ["a tag listed twice", withDefaults({ typeDefaults: defaults.map((r) => (r.agencyType === "housing" ? { ...r, allow: ["criminal", "criminal"] } : r)) }), "duplicate_rule", /"criminal" is listed twice/],
    ["a missing agency type", withDefaults({ typeDefaults: defaults.filter((r) => r.agencyType !== "education") }), "missing_agency_type", /education/],
    ["a duplicate per-agency row", withDefaults({ agencyRules: [{ agencyId: "a1", agencyType: "police", allow: [] }, { agencyId: "a1", agencyType: "police", allow: [] }] }), "duplicate_rule", /two rows for agency "a1"/],
    ["a per-agency row with an unknown type", withDefaults({ agencyRules: [{ agencyId: "a1", agencyType: "borders", allow: [] }] }), "unknown_agency_type", /"borders"/],
    ["a per-agency row with an empty id", withDefaults({ agencyRules: [{ agencyId: " ", agencyType: "police", allow: [] }] }), "invalid_agency_id", /empty agency id/],
  ])("rejects %s with a clear error", (_name, input, code, message) => {
    const error = errorOf(input);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });
});

describe("hard rule 5.3 in policies", () => {
  const rule = /hard rule hard_rule_5_3 \(Immigration information is never shared with Immigration Enforcement\)/;

  it("rejects a type default that shares immigration with Immigration Enforcement, naming the rule", () => {
    const input = withDefaults({
      typeDefaults: defaults.map((r) => (r.agencyType === "immigration_enforcement" ? { ...r, allow: ["immigration"] } : r)),
    });
    expect(errorOf(input).code).toBe("hard_rule");
    expect(errorOf(input).message).toMatch(rule);
  });

  it("rejects a per-agency row that does the same", () => {
    const input = withDefaults({ agencyRules: [{ agencyId: "ie-1", agencyType: "immigration_enforcement", allow: ["criminal", "immigration"] }] });
    expect(errorOf(input).code).toBe("hard_rule");
    expect(errorOf(input).message).toMatch(/ie-1/);
  });

  it("still allows Immigration Enforcement other tags if a MARAC area decides so", () => {
    const policy = definePolicy(withDefaults({ agencyRules: [{ agencyId: "ie-1", agencyType: "immigration_enforcement", allow: ["criminal"] }] }));
    expect([...allowedTags(policy, "ie-1", "immigration_enforcement")]).toEqual(["criminal"]);
  });
});

describe("per-agency rows", () => {
  const policy = definePolicy(withDefaults({ agencyRules: [{ agencyId: "police-north", agencyType: "police", allow: ["criminal"] }] }));

  it("replace the type default for that agency only", () => {
    expect([...allowedTags(policy, "police-north", "police")]).toEqual(["criminal"]);
    expect([...allowedTags(policy, "police-south", "police")].sort()).toEqual(["children", "criminal", "safe_contact"]);
  });

  it("refuse to apply when the agency's type has changed since the row was written", () => {
    expect(() => allowedTags(policy, "police-north", "housing")).toThrow(/row for agency "police-north" as "police".*now "housing"/);
  });
});
