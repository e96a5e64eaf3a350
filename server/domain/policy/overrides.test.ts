import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "./default-policy";
import { immigrationEnforcementStatement } from "./ie-statement";
import { approvalNeed, approvalProblem, defaultEndDate, endDateProblem, endsAt, overrideState, rolesStillNeeded } from "./overrides";

describe("override rules", () => {
  it("needs a chair and an IDVA for Immigration Enforcement, a chair for immigration, else a second holder", () => {
    expect(approvalNeed("safe_contact", "immigration_enforcement")).toBe("chair_and_idva");
    expect(approvalNeed("immigration", "immigration_enforcement")).toBe("chair_and_idva");
    expect(approvalNeed("immigration", "housing")).toBe("chair");
    expect(approvalNeed("health", "housing")).toBe("second_holder");
  });

  it("never lets the recorder approve, nor anyone twice, nor a role no longer needed", () => {
    expect(approvalProblem("second_holder", "u1", [], { userId: "u1", role: "chair" })).toMatch(/you recorded/);
    expect(approvalProblem("second_holder", "u1", [], { userId: "u2", role: "coordinator" })).toBeNull();
    expect(approvalProblem("chair", "u1", [], { userId: "u2", role: "idva" })).toMatch(/chair/);
    expect(approvalProblem("chair_and_idva", "u1", [{ userId: "u2", role: "idva" }], { userId: "u3", role: "idva" })).toMatch(/not one of those still needed/);
    expect(approvalProblem("chair_and_idva", "u1", [{ userId: "u2", role: "idva" }], { userId: "u2", role: "idva" })).toMatch(/already approved/);
    expect(rolesStillNeeded("chair_and_idva", [{ userId: "u2", role: "idva" }, { userId: "u3", role: "chair" }])).toEqual([]);
    expect(rolesStillNeeded("chair_and_idva", [{ userId: "u3", role: "chair" }])).toEqual([["idva"]]);
  });

  it("offers 90 days, allows at most 12 months, and ends after the end date by itself", () => {
    expect(defaultEndDate("2026-11-25")).toBe("2027-02-23");
    expect(endDateProblem("2027-11-25", "2026-11-25")).toBeNull();
    expect(endDateProblem("2027-11-26", "2026-11-25")).toMatch(/12 months/);
    expect(endDateProblem("2026-11-24", "2026-11-25")).toMatch(/today or later/);
    expect(endsAt("2026-12-31").toISOString()).toBe("2027-01-01T00:00:00.000Z");
    // In British Summer Time the UK day ends at 23:00 UTC.
    expect(endsAt("2026-07-14").toISOString()).toBe("2026-07-14T23:00:00.000Z");
    // The clocks change in the small hours: the day of the change still ends at UK midnight.
    expect(endsAt("2026-03-28").toISOString()).toBe("2026-03-29T00:00:00.000Z");
    expect(endsAt("2026-03-29").toISOString()).toBe("2026-03-29T23:00:00.000Z");
    expect(endsAt("2026-10-24").toISOString()).toBe("2026-10-24T23:00:00.000Z");
    expect(endsAt("2026-10-25").toISOString()).toBe("2026-10-26T00:00:00.000Z");
    const approved = { approvedAt: new Date("2026-11-25T10:00:00Z"), revokedAt: null, endDate: "2026-12-31" };
    expect(overrideState(approved, new Date("2026-12-31T23:59:59Z"))).toBe("in_effect");
    expect(overrideState(approved, new Date("2027-01-01T00:00:00Z"))).toBe("ended");
    expect(overrideState({ ...approved, approvedAt: null }, new Date("2026-12-01T00:00:00Z"))).toBe("pending");
    expect(overrideState({ ...approved, revokedAt: new Date("2026-12-01T00:00:00Z") }, new Date("2026-12-02T00:00:00Z"))).toBe("revoked");
  });

  it("the statement follows the policy in force for each Immigration Enforcement agency", () => {
    const s = immigrationEnforcementStatement(DEFAULT_POLICY, [{ id: "ie1", name: "Immigration Enforcement North" }]);
    const text = JSON.stringify(s);
    expect(text).toContain("Immigration Enforcement North: none of the restricted kinds of information");
    expect(text).toContain(`version ${DEFAULT_POLICY.version}`);
    expect(JSON.stringify(immigrationEnforcementStatement(DEFAULT_POLICY, []))).toContain("No Immigration Enforcement agency is recorded");
  });
});
