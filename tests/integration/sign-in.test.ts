import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeAgency, makeUser } from "~/db/factories";
import { auditLog, users } from "~/db/schema";
import { LOCK_DURATION_MS, MAX_FAILED_SIGN_INS, MAX_FAILED_SIGN_INS_PER_ADDRESS } from "~/server/auth/rules";
import { authenticate } from "~/server/services/sign-in";
import { createTestDb } from "../helpers/test-db";

const PASSWORD = "correct horse battery staple";
const at = (minutes: number) => new Date(Date.UTC(2026, 10, 28, 9, 0) + minutes * 60_000);

describe("sign-in", () => {
  let t: ReturnType<typeof createTestDb>;
  let email: string;
  beforeEach(async () => {
    t = createTestDb();
    const agency = makeAgency(t.db, { type: "housing" });
    email = (await makeUser(t.db, { agencyId: agency.id, email: "rep@housing.example", password: PASSWORD })).email;
  });
  afterEach(() => t.cleanup());

  it("accepts the right password, whatever the case and spacing of the email", async () => {
    expect(await authenticate(t.db, "  REP@Housing.Example ", PASSWORD, at(0))).toMatchObject({ ok: true });
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    expect(await authenticate(t.db, email, "wrong password here", at(0))).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate(t.db, "nobody@example.org", "wrong password here", at(0))).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a deactivated user exactly as a wrong password", async () => {
    t.db.update(users).set({ active: false }).where(eq(users.email, email)).run();
    expect(await authenticate(t.db, email, PASSWORD, at(0))).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks an account for 15 minutes after 5 failures within 15 minutes, even against the right password", async () => {
    for (let i = 0; i < 4; i++) expect(await authenticate(t.db, email, "wrong password here", at(i))).toMatchObject({ reason: "invalid" });
    const fifth = await authenticate(t.db, email, "wrong password here", at(4));
    expect(fifth).toEqual({ ok: false, reason: "locked", lockedUntil: new Date(at(4).getTime() + LOCK_DURATION_MS) });
    expect(await authenticate(t.db, email, PASSWORD, at(10))).toMatchObject({ reason: "locked" });
    expect(await authenticate(t.db, email, PASSWORD, at(19))).toMatchObject({ ok: true });
  });

  it("does not lock when the failures are spread over more than 15 minutes", async () => {
    for (const m of [0, 5, 10, 15, 20]) expect(await authenticate(t.db, email, "wrong password here", at(m))).toMatchObject({ reason: "invalid" });
  });

  it("locks an unknown address the same way, so lock-out does not reveal which emails exist", async () => {
    let last;
    for (let i = 0; i < 5; i++) last = await authenticate(t.db, "nobody@example.org", "wrong password here", at(i));
    expect(last).toMatchObject({ ok: false, reason: "locked" });
  });

  it("audits success, failure and lock-out without password material", async () => {
    await authenticate(t.db, email, PASSWORD, at(0));
    for (let i = 0; i < 5; i++) await authenticate(t.db, email, "wrong password here", at(i + 1));
    const rows = t.db.select().from(auditLog).all();
    expect(rows.map((r) => r.action)).toEqual(["sign_in.success", ...Array<string>(5).fill("sign_in.failure"), "sign_in.locked_out"]);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain("wrong password here");
    expect(text).not.toContain("argon2");
  });

  it("counts and locks atomically: parallel wrong passwords get no more than 5 tries", async () => {
    const results = await Promise.all(Array.from({ length: 40 }, () => authenticate(t.db, email, "wrong password here", at(0))));
    const tried = t.db.select().from(auditLog).all().filter((r) => r.action === "sign_in.failure");
    expect(tried).toHaveLength(MAX_FAILED_SIGN_INS);
    expect(results.filter((r) => !r.ok && r.reason === "locked").length).toBe(40 - MAX_FAILED_SIGN_INS + 1);
    // Locked now, even against the right password.
    expect(await authenticate(t.db, email, PASSWORD, at(1))).toMatchObject({ reason: "locked" });
  });

  it("throttles one address trying many accounts, whatever the account", async () => {
    for (let i = 0; i < MAX_FAILED_SIGN_INS_PER_ADDRESS; i++) {
      expect(await authenticate(t.db, `guess${i}@example.org`, "wrong password here", at(0), "203.0.113.9")).toMatchObject({ reason: expect.stringMatching(/invalid|locked/) as unknown });
    }
    expect(await authenticate(t.db, email, PASSWORD, at(1), "203.0.113.9")).toEqual({ ok: false, reason: "throttled" });
    expect(await authenticate(t.db, email, PASSWORD, at(1), "198.51.100.7")).toMatchObject({ ok: true });
    expect(await authenticate(t.db, email, PASSWORD, at(16), "203.0.113.9")).toMatchObject({ ok: true });
  });

  it("stores a keyed digest of what was typed, never the text, plus the user id when it matched", async () => {
    const typedPassword = "MySecretPassword!2026";
    await authenticate(t.db, typedPassword, "whatever", at(0));
    await authenticate(t.db, email, "wrong password here", at(1));
    const rows = t.db.select().from(auditLog).all();
    expect(JSON.stringify(rows).toLowerCase()).not.toContain(typedPassword.toLowerCase());
    expect(JSON.stringify(t.db.$client.prepare("SELECT * FROM sign_in_failures").all())).not.toContain("mysecretpassword");
    const [unknown, matched] = rows;
    expect(unknown).toMatchObject({ actorEmail: null, actorUserId: null, details: { emailDigest: expect.stringMatching(/^[\w-]{43}$/) as unknown } });
    const user = t.db.select().from(users).where(eq(users.email, email)).get();
    expect(matched).toMatchObject({ actorEmail: null, actorUserId: user?.id, details: { reason: "wrong_password" } });
    expect((matched?.details as { emailDigest: string }).emailDigest).not.toBe((unknown?.details as { emailDigest: string }).emailDigest);
  });
});
