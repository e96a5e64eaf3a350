import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeAgency, makeUser } from "~/db/factories";
import { auditLog, recoveryCodes, sessions, users } from "~/db/schema";
import { createInnerContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";
import { MAX_FAILED_SIGN_INS, SECOND_FACTOR_FRESH_MS } from "~/server/auth/rules";
import { applySecondFactorRule } from "~/server/auth/second-factor-roles";
import { totpCodeAt, totpStep } from "~/server/auth/totp";
import { isSealed } from "~/server/crypto/field-cipher";
import { resolveSession, startSession, type SessionUser } from "~/server/services/sessions";
import { authenticate } from "~/server/services/sign-in";
import { requireFreshSecondFactor, STALE_SECOND_FACTOR_MESSAGE } from "~/server/services/two-factor";
import { createTestDb } from "../helpers/test-db";

const t0 = new Date(Date.UTC(2026, 10, 28, 9, 0, 5));
const at = (ms: number) => new Date(t0.getTime() + ms);
const MIN = 60_000;
const PASSWORD = "correct horse battery staple";

describe("two-factor sign-in with an authenticator app", () => {
  let t: ReturnType<typeof createTestDb>;
  let userId: string;
  let email: string;
  beforeEach(async () => {
    t = createTestDb();
    const agency = makeAgency(t.db, { type: "police" });
    const user = await makeUser(t.db, { agencyId: agency.id, role: "chair", password: PASSWORD });
    userId = user.id;
    email = user.email;
  });
  afterEach(() => t.cleanup());

  // As getCurrentUser builds it for a request.
  const resolve = (sid: string, now: Date) => {
    const user = resolveSession(t.db, sid, now);
    return user ? applySecondFactorRule(user) : null;
  };
  const sessionAt = (now: Date, userAgent: string | null = null): SessionUser => {
    const user = resolve(startSession(t.db, userId, now, userAgent), now);
    if (!user) throw new Error("no session");
    return user;
  };
  const callerAt = (user: SessionUser, now: Date) => createCaller(createInnerContext({ db: t.db, user, now: () => now }));
  const refresh = (user: SessionUser, now: Date) => resolve(user.sessionId, now);
  const codeOf = async (p: Promise<unknown>) => {
    try {
      await p;
      return "OK";
    } catch (e) {
      if (e instanceof TRPCError) return e.code;
      throw e;
    }
  };

  /** Sets up the authenticator through the procedures; returns its secret and the recovery codes. */
  async function enrol(now: Date): Promise<{ secret: string; codes: string[] }> {
    const user = sessionAt(now);
    const api = callerAt(user, now);
    await api.account.beginTwoFactor();
    const setup = await api.account.twoFactor();
    if (!setup.pending) throw new Error("no pending secret");
    const { recoveryCodes: codes } = await api.account.confirmTwoFactor({ code: totpCodeAt(setup.pending.secret, totpStep(now)) });
    return { secret: setup.pending.secret, codes };
  }

  it("sends a role that needs it to set up an authenticator first, with a QR code drawn on the server and ten recovery codes stored as digests", async () => {
    const user = sessionAt(t0);
    expect(user.mustEnrolSecondFactor).toBe(true);
    const api = callerAt(user, t0);
    expect(await codeOf(api.account.sessions())).toBe("FORBIDDEN");

    await api.account.beginTwoFactor();
    const setup = await api.account.twoFactor();
    expect(setup).toMatchObject({ enrolled: false, required: true });
    expect(setup.pending?.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.pending?.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(setup.pending?.qrDataUrl.split(",")[1] ?? "", "base64").toString()).toContain("<svg");

    await expect(api.account.confirmTwoFactor({ code: "000000" === totpCodeAt(setup.pending?.secret ?? "", totpStep(t0)) ? "111111" : "000000" })).rejects.toThrow(/not right/);
    const { recoveryCodes: codes } = await api.account.confirmTwoFactor({ code: totpCodeAt(setup.pending?.secret ?? "", totpStep(t0)) });
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);

    const row = t.db.select().from(users).where(eq(users.id, userId)).get();
    expect(isSealed(row?.totpSecret)).toBe(true);
    expect(row?.totpSecret).not.toContain(setup.pending?.secret);
    expect(row?.totpPendingSecret).toBeNull();
    const stored = t.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, userId)).all();
    expect(stored).toHaveLength(10);
    for (const code of codes) expect(JSON.stringify(stored)).not.toContain(code.replace("-", ""));

    const after = refresh(user, t0);
    expect(after?.mustEnrolSecondFactor).toBe(false);
    expect(await codeOf(callerAt(after as SessionUser, t0).account.sessions())).toBe("OK");
  });

  it("asks for a code after the password, accepts the right one once, and refuses it again in its window", async () => {
    const { secret } = await enrol(t0);
    const now = at(2 * MIN);
    expect(await authenticate(t.db, email, PASSWORD, now)).toMatchObject({ ok: true });
    const pending = sessionAt(now, "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36");
    expect(pending.secondFactorPending).toBe(true);
    const api = callerAt(pending, now);
    expect(await codeOf(api.account.sessions())).toBe("FORBIDDEN");
    expect(await codeOf(api.account.me())).toBe("FORBIDDEN");

    const code = totpCodeAt(secret, totpStep(now));
    const wrong = code === "123456" ? "654321" : "123456";
    expect(await api.account.verifySecondFactor({ code: wrong })).toEqual({ ok: false, reason: "invalid" });
    expect(await api.account.verifySecondFactor({ code })).toEqual({ ok: true, method: "authenticator" });
    const signedIn = refresh(pending, now);
    expect(signedIn).toMatchObject({ secondFactorPending: false, secondFactorAt: now });
    expect(await codeOf(callerAt(signedIn as SessionUser, now).account.sessions())).toBe("OK");

    // The same code, seconds later in another session (an onlooker, or a replayed request): refused.
    const other = sessionAt(at(2 * MIN + 5000));
    expect(await callerAt(other, at(2 * MIN + 5000)).account.verifySecondFactor({ code })).toEqual({ ok: false, reason: "invalid" });
    expect(refresh(other, at(2 * MIN + 5000))?.secondFactorPending).toBe(true);
    // The next step's code works.
    const next = at(2 * MIN + 30_000);
    expect(await callerAt(other, next).account.verifySecondFactor({ code: totpCodeAt(secret, totpStep(next)) })).toMatchObject({ ok: true });
    expect(t.db.select().from(auditLog).all().map((r) => r.action)).toContain("sign_in.second_factor");
  });

  it("accepts each recovery code once, in any case and without the dash", async () => {
    const { codes } = await enrol(t0);
    const first = codes[0] ?? "";
    const s1 = sessionAt(at(MIN));
    expect(await callerAt(s1, at(MIN)).account.verifySecondFactor({ code: first.replace("-", "").toLowerCase() })).toEqual({ ok: true, method: "recovery_code" });
    const s2 = sessionAt(at(2 * MIN));
    expect(await callerAt(s2, at(2 * MIN)).account.verifySecondFactor({ code: first })).toEqual({ ok: false, reason: "invalid" });
    expect(await callerAt(s2, at(2 * MIN)).account.verifySecondFactor({ code: codes[1] ?? "" })).toMatchObject({ ok: true });
    expect((await callerAt(refresh(s2, at(2 * MIN)) as SessionUser, at(2 * MIN)).account.twoFactor()).recoveryCodesLeft).toBe(8);
  });

  it("counts wrong codes with wrong passwords towards one lock-out, and ends the session that reached it", async () => {
    const { secret } = await enrol(t0);
    const now = at(MIN);
    for (let i = 0; i < 2; i++) expect(await authenticate(t.db, email, "not the password", now)).toMatchObject({ ok: false, reason: "invalid" });
    const pending = sessionAt(now);
    const api = callerAt(pending, now);
    for (let i = 0; i < MAX_FAILED_SIGN_INS - 3; i++) expect(await api.account.verifySecondFactor({ code: "ABCDE-FGHIJ" })).toEqual({ ok: false, reason: "invalid" });
    expect(await api.account.verifySecondFactor({ code: "ABCDE-FGHIJ" })).toEqual({ ok: false, reason: "locked" });
    expect(refresh(pending, now)).toBeNull();
    expect(t.db.select().from(sessions).where(eq(sessions.id, pending.sessionId)).get()?.endReason).toBe("second_factor_locked");
    // Locked: even the right password, and then the right code, are refused until the lock lapses.
    expect(await authenticate(t.db, email, PASSWORD, at(2 * MIN))).toMatchObject({ ok: false, reason: "locked" });
    const again = sessionAt(at(2 * MIN));
    expect(await callerAt(again, at(2 * MIN)).account.verifySecondFactor({ code: totpCodeAt(secret, totpStep(at(2 * MIN))) })).toEqual({ ok: false, reason: "locked" });
  });

  it("asks for a fresh code before approving a privileged change or proposing a password reset", async () => {
    const { secret } = await enrol(t0);
    const chair = refresh(sessionAt(t0), t0) as SessionUser;
    // A session that proved its code 16 minutes ago.
    const later = at(SECOND_FACTOR_FRESH_MS + MIN);
    const stale = { ...chair, secondFactorPending: false, secondFactorAt: t0 };
    await expect(callerAt(stale, later).approvals.approve({ id: "no-such-change" })).rejects.toThrow(STALE_SECOND_FACTOR_MESSAGE);

    const sid = startSession(t.db, userId, later);
    const fresh = resolveSession(t.db, sid, later) as SessionUser;
    await callerAt(fresh, later).account.verifySecondFactor({ code: totpCodeAt(secret, totpStep(later)) });
    // Fresh now: the approval goes on to its own checks (there is no such change).
    await expect(callerAt(resolveSession(t.db, sid, later) as SessionUser, later).approvals.approve({ id: "no-such-change" })).rejects.not.toThrow(STALE_SECOND_FACTOR_MESSAGE);

    const adminAgency = makeAgency(t.db, { type: "police" });
    const admin = await makeUser(t.db, { agencyId: adminAgency.id, role: "admin", passwordHash: "x" });
    const adminSession: SessionUser = { id: admin.id, name: admin.name, email: admin.email, role: "admin", agencyId: adminAgency.id, agencyName: adminAgency.name, agencyType: "police", agencyIsMember: true, sessionId: "s", secondFactorAt: t0 };
    await expect(callerAt(adminSession, later).admin.users.resetPassword({ id: userId })).rejects.toThrow(STALE_SECOND_FACTOR_MESSAGE);
    expect(await codeOf(callerAt({ ...adminSession, secondFactorAt: later }, later).admin.users.resetPassword({ id: userId }))).toBe("OK");
  });

  it("asks for a fresh code before a report is downloaded, not to read it on screen", async () => {
    await enrol(t0);
    const later = at(SECOND_FACTOR_FRESH_MS + MIN);
    const stale = { ...(refresh(sessionAt(t0), t0) as SessionUser), secondFactorPending: false, secondFactorAt: t0 };
    for (const format of ["csv", "xlsx", "pdf"] as const) {
      await expect(callerAt(stale, later).reports.quarterlyReturn({ year: 2026, quarter: 3, format })).rejects.toThrow(STALE_SECOND_FACTOR_MESSAGE);
    }
    // On screen, or with a fresh code, the return goes on to its own checks (this area has no settings yet).
    await expect(callerAt(stale, later).reports.quarterlyReturn({ year: 2026, quarter: 3 })).rejects.not.toThrow(STALE_SECOND_FACTOR_MESSAGE);
    await expect(callerAt({ ...stale, secondFactorAt: later }, later).reports.quarterlyReturn({ year: 2026, quarter: 3, format: "csv" })).rejects.not.toThrow(STALE_SECOND_FACTOR_MESSAGE);
  });

  it("has nothing to confirm only for a user whose role is exempt and who has no authenticator", () => {
    const base = refresh(sessionAt(t0), t0) as SessionUser;
    const later = at(SECOND_FACTOR_FRESH_MS + MIN);
    // A chair must use an authenticator: never having proved one is not an exemption.
    expect(() => requireFreshSecondFactor({ ...base, secondFactorEnrolled: false, secondFactorAt: null }, later)).toThrow(STALE_SECOND_FACTOR_MESSAGE);
    const rep = { ...base, role: "agency_rep" as const, secondFactorAt: null };
    expect(() => requireFreshSecondFactor({ ...rep, secondFactorEnrolled: false }, later)).not.toThrow();
    // Once set up, an authenticator is asked for, whatever the role.
    expect(() => requireFreshSecondFactor({ ...rep, secondFactorEnrolled: true }, later)).toThrow(STALE_SECOND_FACTOR_MESSAGE);
  });
});

describe("sessions a user can see and end", () => {
  let t: ReturnType<typeof createTestDb>;
  let userId: string;
  let otherId: string;
  beforeEach(async () => {
    t = createTestDb();
    const agency = makeAgency(t.db, { type: "police" });
    userId = (await makeUser(t.db, { agencyId: agency.id, role: "agency_rep", passwordHash: "x" })).id;
    otherId = (await makeUser(t.db, { agencyId: agency.id, role: "agency_rep", passwordHash: "x" })).id;
  });
  afterEach(() => t.cleanup());

  const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0";
  const SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1";

  it("lists the user's own live sessions and ends one of them, never someone else's", async () => {
    const here = startSession(t.db, userId, t0, FIREFOX_WINDOWS);
    startSession(t.db, userId, at(MIN), SAFARI_IPHONE);
    const theirs = startSession(t.db, otherId, t0, FIREFOX_WINDOWS);
    const me = resolveSession(t.db, here, at(2 * MIN)) as SessionUser;
    const api = createCaller(createInnerContext({ db: t.db, user: me, now: () => at(2 * MIN) }));

    const list = await api.account.sessions();
    expect(list.map((s) => [s.browser, s.current])).toEqual(
      expect.arrayContaining([["Firefox on Windows", true], ["Safari on iOS", false]]),
    );
    expect(list).toHaveLength(2);
    expect(JSON.stringify(list)).not.toContain(here);

    const them = resolveSession(t.db, theirs, at(2 * MIN)) as SessionUser;
    const theirHandle = (await createCaller(createInnerContext({ db: t.db, user: them, now: () => at(2 * MIN) })).account.sessions())[0]?.handle ?? "";
    await expect(api.account.endSession({ handle: theirHandle })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(resolveSession(t.db, theirs, at(2 * MIN))).not.toBeNull();

    const phone = list.find((s) => !s.current)?.handle ?? "";
    await api.account.endSession({ handle: phone });
    expect((await api.account.sessions()).map((s) => s.browser)).toEqual(["Firefox on Windows"]);
  });

  it("lets the admin end every session of a user, and audits it", async () => {
    const a = startSession(t.db, userId, t0);
    const b = startSession(t.db, userId, t0);
    const agency = makeAgency(t.db, { type: "police" });
    const admin = await makeUser(t.db, { agencyId: agency.id, role: "admin", passwordHash: "x" });
    const asAdmin = createCaller(createInnerContext({
      db: t.db,
      user: { id: admin.id, name: admin.name, email: admin.email, role: "admin", agencyId: agency.id, agencyName: agency.name, agencyType: "police", agencyIsMember: true, sessionId: "s" },
      now: () => at(MIN),
    }));
    expect(await asAdmin.admin.users.endSessions({ id: userId })).toEqual({ ended: 2 });
    expect(resolveSession(t.db, a, at(MIN))).toBeNull();
    expect(resolveSession(t.db, b, at(MIN))).toBeNull();
    const entry = t.db.select().from(auditLog).where(eq(auditLog.action, "user.sessions_ended")).get();
    expect(entry).toMatchObject({ actorUserId: admin.id, targetId: userId });
  });
});
