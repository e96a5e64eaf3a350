import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeAgency, makeUser } from "~/db/factories";
import { agencies, auditLog, privilegedChanges, users } from "~/db/schema";
import { createInnerContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";
import { PROPOSAL_LIFETIME_MS } from "~/server/domain/privileged-changes";
import { proposeChange } from "~/server/services/privileged-changes";
import { resolveSession, startSession, type SessionUser } from "~/server/services/sessions";
import { authenticate } from "~/server/services/sign-in";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

const CHOSEN = "admin chosen passphrase 9";
const OLD = "correct horse battery staple";

describe("privileged changes take an admin's proposal and another person's approval", () => {
  let t: ReturnType<typeof createTestDb>;
  let admin: SessionUser;
  let chair: SessionUser;
  let asAdmin: ReturnType<typeof createCaller>;
  let asChair: ReturnType<typeof createCaller>;
  beforeEach(async () => {
    t = createTestDb();
    admin = await sessionUserFor(t.db, "admin");
    chair = await sessionUserFor(t.db, "chair");
    asAdmin = createCaller(createInnerContext({ db: t.db, user: admin }));
    asChair = createCaller(createInnerContext({ db: t.db, user: chair }));
  });
  afterEach(() => t.cleanup());

  const callerFor = (user: SessionUser) => createCaller(createInnerContext({ db: t.db, user }));
  async function signInAs(email: string, password: string) {
    const res = await authenticate(t.db, email, password, new Date());
    if (!res.ok) return null;
    return resolveSession(t.db, startSession(t.db, res.userId, new Date()), new Date());
  }

  it("never lets Immigration Enforcement change type or become a member, through the service or raw SQL", async () => {
    const ie = await asAdmin.admin.agencies.create({ name: "Immigration Enforcement", type: "immigration_enforcement", isMaracMember: false, active: true });
    await expect(asAdmin.admin.agencies.update({ ...ie, type: "by_and_for", isMaracMember: true })).rejects.toThrow(/keeps that type for ever/);
    await expect(asAdmin.admin.agencies.update({ ...ie, type: "by_and_for" })).rejects.toThrow(/keeps that type for ever/);
    await expect(asAdmin.admin.agencies.update({ ...ie, isMaracMember: true })).rejects.toThrow(/cannot be a MARAC member/);
    const police = await asAdmin.admin.agencies.create({ name: "Police", type: "police", isMaracMember: true, active: true });
    await expect(asAdmin.admin.agencies.update({ ...police, type: "immigration_enforcement", isMaracMember: false })).rejects.toThrow(/cannot be turned into Immigration Enforcement/);
    expect(t.db.select().from(privilegedChanges).all()).toEqual([]);

    const sql = t.db.$client;
    expect(() => sql.prepare("UPDATE agencies SET type = 'by_and_for', is_marac_member = 1 WHERE id = ?").run(ie.id)).toThrow(/keeps its type/);
    expect(() => sql.prepare("UPDATE agencies SET type = 'by_and_for' WHERE id = ?").run(ie.id)).toThrow(/keeps its type/);
    expect(() => sql.prepare("UPDATE agencies SET is_marac_member = 1 WHERE id = ?").run(ie.id)).toThrow(/never be a MARAC member|CHECK/);
    expect(() => sql.prepare("UPDATE agencies SET type = 'immigration_enforcement', is_marac_member = 0 WHERE id = ?").run(police.id)).toThrow(/no agency can become one/);
    expect(t.db.select().from(agencies).where(eq(agencies.id, ie.id)).get()).toMatchObject({ type: "immigration_enforcement", isMaracMember: false });
  });

  it("re-checks the hard rule when a chair approves an agency change", async () => {
    const ie = makeAgency(t.db, { name: "IE", type: "immigration_enforcement", isMaracMember: false });
    // A proposal that slipped past the service (written directly) still cannot be applied.
    const id = proposeChange(t.db, admin, { kind: "change_agency", targetType: "agency", targetId: ie.id, change: { type: "by_and_for", isMaracMember: true } }, new Date());
    await expect(asChair.approvals.approve({ id })).rejects.toThrow(/keeps that type for ever/);
    expect(t.db.select().from(agencies).where(eq(agencies.id, ie.id)).get()?.type).toBe("immigration_enforcement");
  });

  it("makes a membership change wait for a chair, applies it on approval and audits both steps", async () => {
    const saheli = await asAdmin.admin.agencies.create({ name: "Saheli", type: "by_and_for", isMaracMember: false, active: true });
    const res = await asAdmin.admin.agencies.update({ ...saheli, name: "Saheli Project", isMaracMember: true });
    expect(res).toMatchObject({ name: "Saheli Project", isMaracMember: false, proposalId: expect.any(String) as unknown });
    expect(await asAdmin.admin.changes.pending()).toHaveLength(1);
    const [pending] = await asChair.approvals.list();
    expect(pending?.lines).toContainEqual({ label: "MARAC member", value: "No to Yes" });
    expect(await asChair.approvals.count()).toBe(1);
    await asChair.approvals.approve({ id: res.proposalId ?? "" });
    expect((await asAdmin.admin.agencies.get({ id: saheli.id })).isMaracMember).toBe(true);
    expect(await asChair.approvals.count()).toBe(0);
    const actions = t.db.select().from(auditLog).all().map((r) => [r.action, r.actorUserId]);
    expect(actions).toContainEqual(["change.proposed", admin.id]);
    expect(actions).toContainEqual(["change.approved", chair.id]);
  });

  it("refuses an admin-chosen password for a new account; the approving chair alone gets a one-time password", async () => {
    const police = makeAgency(t.db, { name: "Police HQ", type: "police" });
    const input = { name: "Cora Coordinator", email: "cora@police.example", agencyId: police.id, role: "coordinator" as const };
    const { proposalId } = await asAdmin.admin.users.create({ ...input, password: CHOSEN } as typeof input);
    // Nothing exists until a chair approves: the admin cannot sign in as the new coordinator.
    expect(t.db.select().from(users).where(eq(users.email, input.email)).get()).toBeUndefined();
    expect(await authenticate(t.db, input.email, CHOSEN, new Date())).toMatchObject({ ok: false });

    const { oneTimePassword } = await asChair.approvals.approve({ id: proposalId });
    expect(oneTimePassword).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    expect(await authenticate(t.db, input.email, CHOSEN, new Date())).toMatchObject({ ok: false });
    const cora = await signInAs(input.email, oneTimePassword ?? "");
    if (!cora) throw new Error("the one-time password did not work");
    expect(cora.mustChangePassword).toBe(true);
    // It works once, and buys nothing but choosing a new password.
    expect(await authenticate(t.db, input.email, oneTimePassword ?? "", new Date())).toMatchObject({ ok: false });
    await expect(callerFor(cora).cases.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await callerFor(cora).account.passwordNotice()).toMatchObject({ kind: "new_account", proposedByName: admin.name, approvedByName: chair.name });
    await callerFor(cora).account.choosePassword({ newPassword: "cora's own long phrase", confirmPassword: "cora's own long phrase" });
    const after = await signInAs(input.email, "cora's own long phrase");
    expect(after?.mustChangePassword).toBe(false);
    expect(after?.role).toBe("coordinator");
  });

  it("turns a password reset into a proposal; the admin never learns the password, the user is told who and when", async () => {
    const homes = makeAgency(t.db, { name: "Homes", type: "housing" });
    const rep = await makeUser(t.db, { agencyId: homes.id, email: "rep@homes.example", name: "Rhea Rep", password: OLD });
    const { proposalId } = await asAdmin.admin.users.resetPassword({ id: rep.id, password: CHOSEN } as { id: string });
    expect(await authenticate(t.db, rep.email, CHOSEN, new Date())).toMatchObject({ ok: false });
    expect(await authenticate(t.db, rep.email, OLD, new Date())).toMatchObject({ ok: true });
    const sid = startSession(t.db, rep.id, new Date());

    const { oneTimePassword } = await asChair.approvals.approve({ id: proposalId });
    expect(resolveSession(t.db, sid, new Date())).toBeNull();
    expect(await authenticate(t.db, rep.email, OLD, new Date())).toMatchObject({ ok: false });
    const rhea = await signInAs(rep.email, oneTimePassword ?? "");
    if (!rhea) throw new Error("the one-time password did not work");
    const notice = await callerFor(rhea).account.passwordNotice();
    expect(notice).toMatchObject({ kind: "reset", proposedByName: admin.name, approvedByName: chair.name, at: expect.any(Date) as unknown });
    expect(await signInAs(rep.email, oneTimePassword ?? "")).toBeNull();

    const text = JSON.stringify(t.db.select().from(auditLog).all());
    expect(text).not.toContain(oneTimePassword);
    expect(text).not.toContain(CHOSEN);
    expect(text).toContain("user.password_reset");
  });

  it("makes a role grant wait for a chair and re-validates it on approval", async () => {
    const police = makeAgency(t.db, { name: "Police", type: "police" });
    const rep = await makeUser(t.db, { agencyId: police.id, email: "pc@police.example" });
    const u = await asAdmin.admin.users.get({ id: rep.id });
    const res = await asAdmin.admin.users.update({ ...u, name: "PC Renamed", role: "chair" });
    expect(res.proposalId).toEqual(expect.any(String));
    expect(await asAdmin.admin.users.get({ id: rep.id })).toMatchObject({ name: "PC Renamed", role: "agency_rep" });
    // Police stops being a member before the chair decides: the grant no longer fits.
    t.db.update(agencies).set({ isMaracMember: false }).where(eq(agencies.id, police.id)).run();
    await expect(asChair.approvals.approve({ id: res.proposalId ?? "" })).rejects.toThrow(/not a MARAC member agency/);
    t.db.update(agencies).set({ isMaracMember: true }).where(eq(agencies.id, police.id)).run();
    await asChair.approvals.approve({ id: res.proposalId ?? "" });
    expect((await asAdmin.admin.users.get({ id: rep.id })).role).toBe("chair");
    await expect(asChair.approvals.approve({ id: res.proposalId ?? "" })).rejects.toThrow(/already been decided/);
  });

  it("lets nobody approve their own proposal or a change about themselves, and lets proposals lapse", async () => {
    const police = makeAgency(t.db, { name: "Police", type: "police" });
    const rep = await makeUser(t.db, { agencyId: police.id });
    const own = proposeChange(t.db, chair, { kind: "change_user_access", targetType: "user", targetId: rep.id, change: { role: "coordinator", agencyId: police.id } }, new Date());
    await expect(asChair.approvals.approve({ id: own })).rejects.toThrow(/You proposed this change/);
    const aboutMe = proposeChange(t.db, admin, { kind: "reset_password", targetType: "user", targetId: chair.id, change: {} }, new Date());
    await expect(asChair.approvals.approve({ id: aboutMe })).rejects.toThrow(/about your own account/);
    await expect(asAdmin.approvals.approve({ id: aboutMe })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const later = createCaller(createInnerContext({ db: t.db, user: chair, now: () => new Date(Date.now() + PROPOSAL_LIFETIME_MS + 1000) }));
    expect(await later.approvals.list()).toEqual([]);
    const other = await sessionUserFor(t.db, "chair");
    const lapseTime = () => new Date(Date.now() + PROPOSAL_LIFETIME_MS + 1000);
    // A chair who checked their authenticator just now, at that later time.
    const lapsed = createCaller(createInnerContext({ db: t.db, user: { ...other, secondFactorAt: lapseTime() }, now: lapseTime }));
    await expect(lapsed.approvals.approve({ id: own })).rejects.toThrow(/lapsed/);
    await callerFor(other).approvals.reject({ id: own });
    expect(t.db.select().from(auditLog).all().map((r) => r.action)).toContain("change.rejected");
  });
});
