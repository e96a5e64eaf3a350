import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addCalendarMonths, addDays, daysInMonth, formatDate, isIsoDate, parseIsoDate, wholeMonthsBetween } from "./dates";
import { arbIsoDate } from "./test-arbitraries";

describe("calendar dates", () => {
  it.each([
    ["2024-02-29", true],
    ["2025-02-29", false],
    ["1900-02-29", false],
    ["2000-02-29", true],
    ["2025-04-31", false],
    ["2025-13-01", false],
    ["2025-1-01", false],
    ["31/01/2025", false],
    ["2025-01-31T00:00", false],
  ])("%s is a calendar date: %s", (value, valid) => {
    expect(isIsoDate(value)).toBe(valid);
  });

  it("refuses a bad date with a RangeError naming it", () => {
    expect(() => parseIsoDate("2025-02-30")).toThrow(RangeError);
    expect(() => parseIsoDate("2025-02-30")).toThrow('"2025-02-30"');
  });

  it.each([
    ["2025-01-31", 1, "2025-02-28"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2024-02-29", 48, "2028-02-29"],
    ["2025-03-31", 1, "2025-04-30"],
    ["2025-03-15", 12, "2026-03-15"],
    ["2025-11-30", 3, "2026-02-28"],
    ["2025-12-31", 2, "2026-02-28"],
    ["2025-03-31", -1, "2025-02-28"],
    ["2025-01-15", -13, "2023-12-15"],
    ["2025-06-10", 0, "2025-06-10"],
  ])("%s + %i months = %s", (date, months, expected) => {
    expect(addCalendarMonths(date, months)).toBe(expected);
  });

  it.each([
    ["2024-02-28", 1, "2024-02-29"],
    ["2025-02-28", 1, "2025-03-01"],
    ["2025-12-31", 1, "2026-01-01"],
    ["2025-03-01", -1, "2025-02-28"],
    ["0099-12-31", 1, "0100-01-01"],
  ])("%s + %i days = %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ["2025-01-31", "2025-02-27", 0],
    ["2025-01-31", "2025-02-28", 1],
    ["2024-02-29", "2025-02-28", 12],
    ["2024-02-29", "2025-02-27", 11],
    ["2024-03-15", "2025-03-14", 11],
    ["2024-03-15", "2025-03-15", 12],
    ["2024-03-15", "2024-03-15", 0],
  ])("from %s to %s is %i whole months", (from, to, months) => {
    expect(wholeMonthsBetween(from, to)).toBe(months);
  });

  it("writes dates the GOV.UK way", () => {
    expect(formatDate("2025-01-31")).toBe("31 January 2025");
    expect(formatDate("2024-12-01")).toBe("1 December 2024");
  });

  it("property: adding k months and then counting them back gives k", () => {
    fc.assert(
      fc.property(arbIsoDate, fc.integer({ min: 0, max: 120 }), (date, k) => {
        const later = addCalendarMonths(date, k);
        expect(wholeMonthsBetween(date, later)).toBe(k);
        expect(isIsoDate(later)).toBe(true);
        if (k > 0) expect(wholeMonthsBetween(date, addDays(later, -1))).toBe(k - 1);
      }),
    );
  });

  it("property: adding months never goes backwards, and keeps the day unless the month is shorter", () => {
    fc.assert(
      fc.property(arbIsoDate, fc.integer({ min: 0, max: 60 }), (date, k) => {
        const a = addCalendarMonths(date, k);
        const b = addCalendarMonths(date, k + 1);
        expect(a < b).toBe(true);
        const { day } = parseIsoDate(date);
        const r = parseIsoDate(a);
        expect(r.day).toBe(Math.min(day, daysInMonth(r.year, r.month)));
      }),
    );
  });

  it("property: adding days is undone by subtracting them", () => {
    fc.assert(
      fc.property(arbIsoDate, fc.integer({ min: -1000, max: 1000 }), (date, n) => {
        expect(addDays(addDays(date, n), -n)).toBe(date);
        expect(addDays(date, 1) > date).toBe(true);
      }),
    );
  });
});
