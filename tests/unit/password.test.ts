import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "~/server/auth/password-hash";
import { commonPasswordCount, isCommonPassword } from "~/server/auth/common-passwords";
import { ZNewPassword } from "~/server/auth/password-policy";

describe("passwords", () => {
  it("hashes with argon2id and a per-hash salt", async () => {
    const a = await hashPassword("a long enough passphrase");
    const b = await hashPassword("a long enough passphrase");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, "a long enough passphrase")).toBe(true);
    expect(await verifyPassword(a, "a long enough passphrasE")).toBe(false);
    expect(await verifyPassword("not a hash", "x")).toBe(false);
  });

  it.each([
    ["short", "Password must be 12 characters or more"],
    ["Password1234", "too common"],
    ["aaaaaaaaaaaaaaaa", "repeat"],
    ["x".repeat(201), "200 characters or fewer"],
  ])("refuses %s", (pw, message) => {
    const r = ZNewPassword.safeParse(pw);
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain(message);
  });

  it("accepts a long, uncommon passphrase", () => {
    expect(ZNewPassword.safeParse("violet kettle harbour 9").success).toBe(true);
  });

  it("bundles the 100,000 most common passwords and refuses those long enough to pass the length rule", () => {
    // 100,000 lines; fewer once lower-cased, as "Password" and "password" are one entry.
    expect(commonPasswordCount()).toBe(96_518);
    for (const common of ["123456", "password", "qwerty123456", "1qaz2wsx3edc", "123qweasdzxc", "qazwsxedcrfv"]) {
      expect(isCommonPassword(common)).toBe(true);
    }
    expect(isCommonPassword("QWERTY123456")).toBe(true);
    expect(isCommonPassword("violet kettle harbour 9")).toBe(false);
    for (const pw of ["123qweasdzxc", "qazwsxedcrfv", "sonyericsson", "leavemealone"]) {
      expect(JSON.stringify(ZNewPassword.safeParse(pw).error?.issues)).toContain("too common");
    }
  });
});
