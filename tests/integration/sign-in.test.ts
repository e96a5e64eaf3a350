import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeAgency, makeUser } from "~/db/factories";
import { auditLog, users } from "~/db/schema";
import { LOCK_DURATION_MS } from "~/server/auth/rules";
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
});
