import { describe, expect, it } from "vitest";
import { isResearchLate, isWorkingDay, researchDeadline } from "./research-deadline";

describe("researchDeadline", () => {
  it("is two working days before the meeting", () => {
    expect(researchDeadline("2026-12-10")).toBe("2026-12-08"); // Thursday -> Tuesday
  });
  it("skips the weekend", () => {
    expect(researchDeadline("2026-12-07")).toBe("2026-12-03"); // Monday -> Thursday
    expect(researchDeadline("2026-12-08")).toBe("2026-12-04"); // Tuesday -> Friday
  });
  it("skips England and Wales bank holidays", () => {
    // Easter 2026: Good Friday 3 April, Easter Monday 6 April.
    expect(researchDeadline("2026-04-08")).toBe("2026-04-02");
    // Christmas 2026: 25 December (Friday) and 28 December (Boxing Day substitute).
    expect(researchDeadline("2026-12-30")).toBe("2026-12-24");
    expect(isWorkingDay("2026-12-28")).toBe(false);
  });
});

describe("isResearchLate", () => {
  it("is late only after the deadline day", () => {
    expect(isResearchLate("2026-12-08", "2026-12-08")).toBe(false);
    expect(isResearchLate("2026-12-09", "2026-12-08")).toBe(true);
  });
});
