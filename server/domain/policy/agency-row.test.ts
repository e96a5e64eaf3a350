import { describe, expect, it } from "vitest";
import { agencyDiff, agencyShare, withAgencyRow } from "./agency-row";
import { DEFAULT_POLICY } from "./default-policy";
import { PolicyError } from "./errors";

describe("one agency's row", () => {
  it("sets a row of its own as the next version, leaving other agencies of the type alone", () => {
    const next = withAgencyRow(DEFAULT_POLICY, "homes-1", "housing", ["safe_contact", "health"]);
    expect(next.version).toBe(2);
    expect(agencyShare(next, "homes-1", "housing").source).toBe("agency_row");
    expect(agencyShare(next, "homes-2", "housing").source).toBe("type_default");
    expect(agencyDiff(DEFAULT_POLICY, next, "homes-1", "housing")).toEqual([
      { tag: "health", before: false, after: true },
      { tag: "criminal", before: true, after: false },
      { tag: "children", before: true, after: false },
    ]);
    expect(agencyDiff(DEFAULT_POLICY, next, "homes-2", "housing")).toEqual([]);
  });

  it("returns an agency to its type's default with null", () => {
    const own = withAgencyRow(DEFAULT_POLICY, "homes-1", "housing", ["health"]);
    const back = withAgencyRow(own, "homes-1", "housing", null);
    expect(back.version).toBe(3);
    expect(agencyShare(back, "homes-1", "housing")).toEqual(agencyShare(DEFAULT_POLICY, "homes-1", "housing"));
  });

  it("refuses a row breaking hard rule 5.3, naming it", () => {
    expect(() => withAgencyRow(DEFAULT_POLICY, "ie-1", "immigration_enforcement", ["immigration"])).toThrow(PolicyError);
    expect(() => withAgencyRow(DEFAULT_POLICY, "ie-1", "immigration_enforcement", ["immigration"])).toThrow(/hard rule hard_rule_5_3/);
  });
});
