import { describe, expect, it } from "vitest";
import { isOverdue } from "./actions";

describe("overdue actions", () => {
  it.each([
    ["open", "2026-11-27", true],
    ["open", "2026-11-28", false],
    ["open", "2026-11-29", false],
    ["done", "2026-01-01", false],
    ["not_possible", "2026-01-01", false],
    ["not_done", "2026-01-01", false],
  ] as const)("%s due %s is overdue on 2026-11-28: %s", (status, dueDate, expected) => {
    expect(isOverdue({ status, dueDate }, "2026-11-28")).toBe(expected);
  });
});
