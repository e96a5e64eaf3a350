import { TRPCError } from "@trpc/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditLog } from "~/db/schema";
import { createInnerContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";
import type { SessionUser } from "~/server/services/sessions";
import { ensureSettings } from "~/server/services/settings";
import { authenticate } from "~/server/services/sign-in";
import { startSession, resolveSession } from "~/server/services/sessions";
import { createTestDb } from "../helpers/test-db";
import { makeUser } from "~/db/factories";
import { sessionUserFor } from "../helpers/users";

const NEW_PASSWORD = "plum orchard lantern 42";

describe("admin: agencies, users and settings", () => {
  let t: ReturnType<typeof createTestDb>;
  let admin: SessionUser;
  let api: ReturnType<typeof createCaller>;
  beforeEach(async () => {
    t = createTestDb();
    admin = await sessionUserFor(t.db, "admin", "idva");
    api = createCaller(createInnerContext({ db: t.db, user: admin }));
  });
  afterEach(() => t.cleanup());

  it("creates an agency, and proposes a user who exists once a chair approves and signs in with the one-time password", async () => {
    const agency = await api.admin.agencies.create({ name: "Northshire Homes", type: "housing", isMaracMember: true, active: true });
    const { proposalId } = await api.admin.users.create({ name: "Hana Rep", email: " Hana@Homes.Example ", agencyId: agency.id, role: "agency_rep" });
    const chair = createCaller(createInnerContext({ db: t.db, user: await sessionUserFor(t.db, "chair") }));
    const { oneTimePassword } = await chair.approvals.approve({ id: proposalId });
    const id = (await api.admin.users.list()).find((u) => u.email === "hana@homes.example")?.id;
    expect(await authenticate(t.db, "hana@homes.example", oneTimePassword ?? "", new Date())).toMatchObject({ ok: true, userId: id });
  });

  it("never returns a password hash", async () => {
    const list = await api.admin.users.list();
    expect(JSON.stringify(list)).not.toMatch(/argon2|password/i);
  });

  it("refuses Immigration Enforcement as a MARAC member, with a message citing the rules", async () => {
    await expect(api.admin.agencies.create({ name: "IE", type: "immigration_enforcement", isMaracMember: true, active: true })).rejects.toThrow(
      /Immigration Enforcement cannot be a MARAC member agency/,
    );
    const ie = await api.admin.agencies.create({ name: "IE", type: "immigration_enforcement", isMaracMember: false, active: true });
    await expect(api.admin.users.create({ name: "X", email: "x@ie.example", agencyId: ie.id, role: "chair" })).rejects.toThrow(
      /not a MARAC member agency/,
    );
  });

  it("gives IDVA roles only to users of an IDVA service", async () => {
    const police = await api.admin.agencies.create({ name: "Police", type: "police", isMaracMember: true, active: true });
    await expect(api.admin.users.create({ name: "X", email: "x@p.example", agencyId: police.id, role: "idva" })).rejects.toThrow(/IDVA role/);
  });

  it("rejects bad input with field errors and writes nothing", async () => {
    const before = (await api.admin.agencies.list()).length;
    const err = await api.admin.agencies.create({ name: " ", type: "nope" as "police", isMaracMember: true, active: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe("BAD_REQUEST");
    expect((await api.admin.agencies.list()).length).toBe(before);
    await expect(api.admin.users.create({ name: "Y", email: "not-an-email", agencyId: admin.agencyId, role: "agency_rep" })).rejects.toThrow(/email address in the correct format/);
    expect(await api.admin.changes.pending()).toEqual([]);
  });

  it("detects a concurrent edit instead of overwriting it", async () => {
    const a = await api.admin.agencies.create({ name: "Health", type: "health", isMaracMember: true, active: true });
    await api.admin.agencies.update({ ...a, name: "Health Trust" });
    await expect(api.admin.agencies.update({ ...a, name: "Health Board" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await api.admin.agencies.get({ id: a.id })).name).toBe("Health Trust");
  });

  it("shuts a user out when they are deactivated", async () => {
    const agency = await api.admin.agencies.create({ name: "Probation", type: "probation", isMaracMember: true, active: true });
    const { id } = await makeUser(t.db, { name: "P", email: "p@prob.example", agencyId: agency.id, password: NEW_PASSWORD });
    const sid = startSession(t.db, id, new Date());
    const user = await api.admin.users.get({ id });
    await api.admin.users.update({ id, version: user.version, name: user.name, email: user.email, agencyId: user.agencyId, role: user.role, active: false });
    expect(resolveSession(t.db, sid, new Date())).toBeNull();
    expect(await authenticate(t.db, "p@prob.example", NEW_PASSWORD, new Date())).toMatchObject({ ok: false });
  });

  it("will not let an admin deactivate themselves", async () => {
    const me = await api.admin.users.get({ id: admin.id });
    await expect(api.admin.users.update({ ...me, active: false })).rejects.toThrow(/cannot deactivate yourself/);
  });

  it("updates the MARAC settings within sensible bounds", async () => {
    const s = ensureSettings(t.db, "Northshire MARAC", new Date());
    expect(s).toMatchObject({ dashThreshold: 14, escalationIncidents: 3, repeatWindowMonths: 12 });
    const updated = await api.admin.settings.update({ ...s, dashThreshold: 17, escalationIncidents: 5 });
    expect(updated).toMatchObject({ dashThreshold: 17, escalationIncidents: 5, version: 2 });
    await expect(api.admin.settings.update({ ...updated, dashThreshold: 25 })).rejects.toThrow(/24 or fewer/);
  });

  it("audits every admin change with field names and no password material", async () => {
    const agency = await api.admin.agencies.create({ name: "Schools", type: "education", isMaracMember: true, active: true });
    const { id } = await makeUser(t.db, { name: "E", email: "e@s.example", agencyId: agency.id, password: NEW_PASSWORD });
    await api.admin.users.resetPassword({ id });
    await api.admin.agencies.update({ ...agency, active: false });
    const rows = t.db.select().from(auditLog).all();
    expect(rows.map((r) => r.action)).toEqual(["agency.created", "change.proposed", "agency.updated"]);
    expect(rows.every((r) => r.actorUserId === admin.id)).toBe(true);
    expect(rows[2]?.details).toMatchObject({ fieldsChanged: ["active"] });
    const text = JSON.stringify(rows);
    expect(text).not.toContain(NEW_PASSWORD);
    expect(text).not.toContain("argon2");
  });

  it("keeps the audit log append-only", () => {
    ensureSettings(t.db, "N", new Date());
    t.db.insert(auditLog).values({ at: new Date(), action: "sign_out" }).run();
    expect(() => t.db.$client.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => t.db.$client.prepare("DELETE FROM audit_log").run()).toThrow(/append-only/);
  });
});

describe("account", () => {
  it("changes the user's own password only with the current one, and ends their other sessions", async () => {
    const t = createTestDb();
    try {
      const agency = (await sessionUserFor(t.db, "admin", "idva")).agencyId;
      const { makeUser } = await import("~/db/factories");
      const u = await makeUser(t.db, { agencyId: agency, email: "me@x.example", password: "first long password" });
      const sid = startSession(t.db, u.id, new Date());
      const other = startSession(t.db, u.id, new Date());
      const me = resolveSession(t.db, sid, new Date());
      if (!me) throw new Error("no session");
      const api = createCaller(createInnerContext({ db: t.db, user: me }));
      await expect(api.account.changePassword({ currentPassword: "wrong", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).rejects.toThrow(/current password is not correct/);
      await expect(api.account.changePassword({ currentPassword: "first long password", newPassword: NEW_PASSWORD, confirmPassword: "different one here" })).rejects.toThrow(/do not match/);
      await api.account.changePassword({ currentPassword: "first long password", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
      expect(await authenticate(t.db, "me@x.example", NEW_PASSWORD, new Date())).toMatchObject({ ok: true });
      expect(resolveSession(t.db, sid, new Date())).not.toBeNull();
      expect(resolveSession(t.db, other, new Date())).toBeNull();
    } finally {
      t.cleanup();
    }
  });
});
