import { describe, expect, it } from "vitest";
import { isPastRetention, retentionEnds } from "./retention-schedule";

describe("the retention schedule", () => {
  it.each([
    ["2020-01-15T12:00:00Z", 72, "2026-01-15T12:00:00Z"],
    ["2020-08-31T00:00:00Z", 6, "2021-02-28T00:00:00Z"],
    ["2023-12-31T00:00:00Z", 2, "2024-02-29T00:00:00Z"],
  ])("a case closed %s with %i months is kept until %s", (closed, months, end) => {
    expect(retentionEnds(new Date(closed), months).toISOString()).toBe(new Date(end).toISOString());
  });

  it("is due on the day the period ends, not before", () => {
    const closed = new Date("2020-01-15T12:00:00Z");
    expect(isPastRetention(closed, 72, new Date("2026-01-15T11:59:59Z"))).toBe(false);
    expect(isPastRetention(closed, 72, new Date("2026-01-15T12:00:00Z"))).toBe(true);
  });
});
