import { describe, expect, it } from "vitest";
import { ZAuthSecret } from "~/env";

describe("AUTH_SECRET validation", () => {
  it.each([
    [undefined, "not set"],
    ["abc", "too short"],
    ["a".repeat(40), "too weak"],
    ["my-super-secret-value-for-production-1234567", "placeholder"],
  ])("refuses %s with a clear message", (value, message) => {
    const r = ZAuthSecret.safeParse(value);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain(message);
  });

  it("accepts a random value", () => {
    expect(ZAuthSecret.safeParse("Qm9vZ2llLXdvb2dpZS1yYW5kb20tYnl0ZXMtaGVyZS0xMjM0NTY3").success).toBe(true);
  });
});
