import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeAgency, makeUser } from "~/db/factories";
import { agencies, agencyIdentityProviders, auditLog, privilegedChanges, users } from "~/db/schema";
import { createInnerContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";
import { judgeAmr } from "~/server/auth/amr-rule";
import { applySecondFactorRule } from "~/server/auth/second-factor-roles";
import { getAppCipher } from "~/server/crypto/app-cipher";
import { isSealed } from "~/server/crypto/field-cipher";
import { activeIdentityProviders, identityProviderForEmail } from "~/server/services/identity-providers";
import { resolveSession, type SessionUser } from "~/server/services/sessions";
import { authenticate } from "~/server/services/sign-in";
import { signInWithIdentityProvider } from "~/server/services/sso-sign-in";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

const ISSUER = "https://login.example.net/tenant-1/v2.0";
const SECRET = "client-secret-Zq81-never-shown";
const PASSWORD = "correct horse battery staple";

describe("single sign-on through an agency's identity provider", () => {
  let t: ReturnType<typeof createTestDb>;
  let admin: SessionUser;
  let chair: SessionUser;
  let agencyId: string;
  const now = new Date("2026-11-28T10:00:00Z");
  const asAdmin = () => createCaller(createInnerContext({ db: t.db, user: admin, now: () => now }));
  const asChair = () => createCaller(createInnerContext({ db: t.db, user: chair, now: () => now }));
  const input = (over: Record<string, string> = {}) => ({ agencyId, issuer: ISSUER, clientId: "marac-desk", clientSecret: SECRET, allowedDomains: "Police.Example, @staff.police.example", ...over });

  /** The admin proposes and the chair approves, as on the pages. */
  async function configure(over: Record<string, string> = {}) {
    const { proposalId } = await asAdmin().admin.agencies.proposeIdentityProvider(input(over));
    await asChair().approvals.approve({ id: proposalId });
  }

  beforeEach(async () => {
    t = createTestDb();
    admin = await sessionUserFor(t.db, "admin");
    chair = await sessionUserFor(t.db, "chair");
    agencyId = makeAgency(t.db, { name: "Southshire Police", type: "police" }).id;
  });
  afterEach(() => t.cleanup());

  it("takes an admin's proposal and a chair's approval, with the secret sealed and never shown or audited", async () => {
    const { proposalId } = await asAdmin().admin.agencies.proposeIdentityProvider(input());
    expect(t.db.select().from(agencyIdentityProviders).all()).toHaveLength(0);
    await expect(asAdmin().admin.agencies.proposeIdentityProvider(input())).rejects.toMatchObject({ code: "CONFLICT" });
    const pending = await asChair().approvals.list();
    expect(pending[0]?.lines).toEqual(expect.arrayContaining([{ label: "Email domains it signs in", value: "police.example, staff.police.example" }]));
    expect(JSON.stringify(pending)).not.toContain(SECRET);
    expect(JSON.stringify(t.db.select().from(privilegedChanges).all())).not.toContain(SECRET);

    await asChair().approvals.approve({ id: proposalId });
    const row = t.db.select().from(agencyIdentityProviders).where(eq(agencyIdentityProviders.agencyId, agencyId)).get();
    expect(row).toMatchObject({ issuer: ISSUER, clientId: "marac-desk", allowedDomains: ["police.example", "staff.police.example"], changeId: proposalId });
    expect(isSealed(row?.clientSecret)).toBe(true);
    expect(activeIdentityProviders(t.db, getAppCipher())).toEqual([expect.objectContaining({ agencyId, clientSecret: SECRET })]);
    expect(JSON.stringify(t.db.select().from(auditLog).all())).not.toContain(SECRET);
    expect(JSON.stringify(t.db.select().from(auditLog).all())).not.toContain(row?.clientSecret ?? "-");

    const shown = await asAdmin().admin.agencies.identityProvider({ agencyId });
    expect(shown.configured?.issuer).toBe(ISSUER);
    expect(JSON.stringify(shown)).not.toContain(SECRET);
  });

  it("refuses bad input with plain messages and changes nothing", async () => {
    const bad: Record<string, string>[] = [
      { issuer: "http://login.example.net/" },
      { issuer: "not a url" },
      { allowedDomains: "" },
      { allowedDomains: "police" },
      { clientSecret: "" },
    ];
    for (const over of bad) await expect(asAdmin().admin.agencies.proposeIdentityProvider(input(over))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(t.db.select().from(privilegedChanges).all()).toHaveLength(0);
    // Loopback may be plain http: a provider run on this machine for tests or a trial.
    await expect(asAdmin().admin.agencies.proposeIdentityProvider(input({ issuer: "http://127.0.0.1:4455" }))).resolves.toBeDefined();
  });

  it("gives each email domain to one agency only", async () => {
    await configure();
    const other = makeAgency(t.db, { name: "Southshire Council", type: "housing" }).id;
    await expect(asAdmin().admin.agencies.proposeIdentityProvider(input({ agencyId: other, allowedDomains: "council.example, police.example" }))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(identityProviderForEmail(t.db, "Someone@Police.Example")).toMatchObject({ agencyId });
    expect(identityProviderForEmail(t.db, "someone@council.example")).toBeNull();
  });

  describe("signing in", () => {
    let officerId: string;
    beforeEach(async () => {
      await configure();
      officerId = (await makeUser(t.db, { agencyId, role: "chair", email: "officer@police.example", password: PASSWORD })).id;
    });
    const claims = (over: Record<string, unknown> = {}) => ({ iss: ISSUER, email: "Officer@police.example", email_verified: true, amr: ["pwd", "mfa"], ...over });
    const refusedFor = (over: Record<string, unknown>, agency = agencyId) => {
      const r = signInWithIdentityProvider(t.db, agency, claims(over), now, null);
      return r.ok ? "signed in" : r.reason;
    };

    it("signs in the user the admin created, with the role the admin gave, and counts the provider's check as the second factor", () => {
      const r = signInWithIdentityProvider(t.db, agencyId, claims({ roles: ["admin"], role: "admin" }), now, "Mozilla/5.0 (Windows NT 10.0; rv:132.0) Gecko/20100101 Firefox/132.0");
      if (!r.ok) throw new Error(r.reason);
      expect(r.userId).toBe(officerId);
      const user = applySecondFactorRule(resolveSession(t.db, r.sessionId, now) as SessionUser);
      expect(user).toMatchObject({ role: "chair", signInMethod: "sso", secondFactorPending: false, mustEnrolSecondFactor: false, secondFactorAt: now });
      expect(t.db.select().from(auditLog).where(eq(auditLog.action, "sign_in.sso")).get()).toMatchObject({ actorUserId: officerId });
    });

    it("refuses another issuer, an unverified or missing email, a domain not allowed, and a single factor", () => {
      expect(refusedFor({ iss: "https://evil.example/" })).toBe("wrong_issuer");
      expect(refusedFor({ email_verified: false })).toBe("no_verified_email");
      expect(refusedFor({ email: undefined })).toBe("no_verified_email");
      expect(refusedFor({ email: "officer@elsewhere.example" })).toBe("domain_not_allowed");
      expect(refusedFor({ amr: ["pwd"] })).toBe("single_factor");
      expect(refusedFor({ amr: "mfa" })).toBe("single_factor");
      // Two factors, named as RFC 8176 names them, or no amr at all: the agency's policy applies.
      expect(refusedFor({ amr: ["pwd", "otp"] })).toBe("signed in");
      expect(refusedFor({ amr: undefined })).toBe("signed in");
      const refusals = t.db.select().from(auditLog).where(eq(auditLog.action, "sign_in.sso_refused")).all();
      expect(refusals.map((r) => (r.details as { reason: string }).reason)).toEqual(["wrong_issuer", "no_verified_email", "no_verified_email", "domain_not_allowed", "single_factor", "single_factor"]);
      expect(JSON.stringify(refusals)).not.toContain("officer@");
    });

    it("creates nobody: an unknown email, a deactivated user and a user of another agency are refused alike", async () => {
      expect(refusedFor({ email: "nobody@police.example" })).toBe("no_account");
      t.db.update(users).set({ active: false }).where(eq(users.id, officerId)).run();
      expect(refusedFor({})).toBe("no_account");
      const council = makeAgency(t.db, { name: "Council", type: "housing" });
      await makeUser(t.db, { agencyId: council.id, role: "agency_rep", email: "moved@police.example", passwordHash: "x" });
      expect(refusedFor({ email: "moved@police.example" })).toBe("no_account");
      expect(t.db.select().from(users).where(eq(users.email, "nobody@police.example")).get()).toBeUndefined();
    });

    it("refuses everyone once the agency is deactivated", () => {
      t.db.update(agencies).set({ active: false }).where(eq(agencies.id, agencyId)).run();
      expect(refusedFor({})).toBe("not_configured");
      expect(activeIdentityProviders(t.db, getAppCipher())).toEqual([]);
    });

    it("no longer accepts the user's password: the agency signs its users in itself", async () => {
      expect(await authenticate(t.db, "officer@police.example", PASSWORD, now)).toEqual({ ok: false, reason: "invalid" });
    });

    it("lets the admin switch it off, which ends the sessions it started", async () => {
      const r = signInWithIdentityProvider(t.db, agencyId, claims(), now, null);
      if (!r.ok) throw new Error(r.reason);
      await asAdmin().admin.agencies.removeIdentityProvider({ agencyId });
      expect(resolveSession(t.db, r.sessionId, now)).toBeNull();
      expect(refusedFor({})).toBe("not_configured");
      expect((await authenticate(t.db, "officer@police.example", PASSWORD, now)).ok).toBe(true);
    });
  });
});

describe("the amr rule", () => {
  it("accepts mfa, or a possession factor with another method, and nothing less", () => {
    expect(judgeAmr(["mfa"])).toBe("multi_factor");
    expect(judgeAmr(["pwd", "hwk"])).toBe("multi_factor");
    expect(judgeAmr(["hwk"])).toBe("single_factor");
    expect(judgeAmr(["pwd", "kba"])).toBe("single_factor");
    expect(judgeAmr([])).toBe("single_factor");
    expect(judgeAmr(undefined)).toBe("not_stated");
  });
});
