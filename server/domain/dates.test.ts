import { describe, expect, it } from "vitest";
import { daysBetween, formatDate, formatDateTime, formatTime, londonDay } from "./dates";

describe("UK dates", () => {
  it("writes a stored day in words, whatever the server's time zone", () => {
    expect(formatDate("2026-03-05")).toBe("5 March 2026");
    expect(formatDate("2025-12-31")).toBe("31 December 2025");
  });

  it("writes an instant as its day in the UK", () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (summer time).
    expect(formatDate(new Date("2026-06-30T23:30:00Z"))).toBe("1 July 2026");
    expect(formatDate(new Date("2026-01-15T23:30:00Z"))).toBe("15 January 2026");
  });

  it("writes times the GOV.UK way", () => {
    expect(formatDateTime(new Date("2026-01-15T14:30:00Z"))).toBe("15 January 2026 at 2:30pm");
    expect(formatDateTime(new Date("2026-07-01T08:00:00Z"))).toBe("1 July 2026 at 9am");
    expect(formatTime("12:00")).toBe("midday");
    expect(formatTime("00:00")).toBe("midnight");
    expect(formatTime("09:30")).toBe("9:30am");
    expect(formatTime("not a time")).toBe("not a time");
  });

  it("leaves text that is not a date alone", () => {
    expect(formatDate("next week")).toBe("next week");
  });

  it("finds the UK calendar day of an instant", () => {
    expect(londonDay(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
    expect(londonDay(new Date("2026-01-15T23:30:00Z"))).toBe("2026-01-15");
  });

  it("counts whole calendar days, across the change to summer time", () => {
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-03-05", "2026-03-05")).toBe(0);
    expect(daysBetween("2026-03-06", "2026-03-05")).toBe(-1);
    expect(daysBetween("2025-12-31", "2026-01-31")).toBe(31);
  });
});
