import { describe, expect, it } from "vitest";
import { actionsCompleted, daysToMeeting, overdueOverTime, referralsPerMonth, researchOnTime } from "./dashboards";
import { PRIMARY_MARK, SECONDARY_MARK } from "./suppress";

const times = (n: number, f: (i: number) => { agencyName: string; referralDate: string }) => Array.from({ length: n }, (_, i) => f(i));

describe("dashboards", () => {
  it("counts referrals per agency and month, suppressing small numbers and the totals that would give them away", () => {
    const d = referralsPerMonth([...times(6, () => ({ agencyName: "Police", referralDate: "2026-01-10" })), ...times(2, () => ({ agencyName: "Housing", referralDate: "2026-01-11" })), { agencyName: "Police", referralDate: "2025-12-31" }], 2026);
    expect(d.rowLabels).toEqual(["Housing", "Police"]);
    expect(d.colLabels[0]).toBe("Jan 2026");
    expect(d.cells.map((r) => r[0])).toEqual([PRIMARY_MARK, 6]);
    expect(d.cells[1]?.[1]).toBe(0);
    expect(d.rowTotals).toEqual([SECONDARY_MARK, 6]);
    expect(d.colTotals[0]).toBe(SECONDARY_MARK);
    expect(d.grand).toBe(SECONDARY_MARK);
  });

  it("bands the days from referral to meeting and gives a median only for 5 or more hearings", () => {
    const h = (referralDate: string) => ({ referralDate, meetingDate: "2026-03-01" });
    const d = daysToMeeting([h("2026-02-28"), h("2026-02-22"), h("2026-02-21"), h("2026-02-15"), h("2026-02-14"), h("2026-01-01")], 2026);
    // 1, 7 | 8, 14 | 15 | 59
    expect(d.cells[0]).toEqual([PRIMARY_MARK, PRIMARY_MARK, PRIMARY_MARK, PRIMARY_MARK]);
    expect(d.median).toBe(8);
    expect(daysToMeeting([h("2026-02-28")], 2026).median).toBeNull();
  });

  it("research is on time only when saved before the meeting day", () => {
    const e = (savedOn: string | null) => ({ agencyName: "Health", meetingDate: "2026-03-10", savedOn });
    const d = researchOnTime([...Array.from({ length: 5 }, () => e("2026-03-09")), e("2026-03-10"), e(null), ...Array.from({ length: 5 }, () => e(null))], 2026);
    expect(d.cells).toEqual([[5, 7]]);
  });

  it("actions completed are those done, of actions due in the year", () => {
    const a = (status: string, dueDate = "2026-02-01") => ({ agencyName: "Housing", status, dueDate });
    const d = actionsCompleted([...Array.from({ length: 6 }, () => a("done")), ...Array.from({ length: 5 }, () => a("open")), a("not_possible"), a("done", "2025-12-01")], 2026);
    expect(d.cells).toEqual([[6, 6]]);
  });

  it("an action is overdue at a month end when due before it and still open then", () => {
    const created = new Date("2026-01-05T00:00:00Z");
    const open = { dueDate: "2026-01-20", createdAt: created, updatedAt: created, status: "open" };
    const doneInMarch = { ...open, status: "done", updatedAt: new Date("2026-03-15T00:00:00Z") };
    const d = overdueOverTime([...Array.from({ length: 5 }, () => open), doneInMarch], 2026, "2026-04-10");
    expect(d.colLabels).toEqual(["Jan 2026", "Feb 2026", "Mar 2026", "Apr 2026"]);
    expect(d.cells[0]).toEqual([6, 6, 5, 5]);
  });
});
