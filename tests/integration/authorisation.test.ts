import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInnerContext } from "~/server/api/context";
import { appRouter, createCaller } from "~/server/api/root";
import type { Access } from "~/server/api/trpc";
import { ROLES, type Role } from "~/server/domain/roles";
import type { SessionUser } from "~/server/services/sessions";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

type AnyProcedure = { _def: { meta?: { access?: Access }; type: "query" | "mutation" | "subscription" } };
// At run time tRPC keeps a flat map of dotted path -> procedure; its type describes the nested record.
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>);

/** Calls a procedure by its dotted path through the server-side caller, with no input. */
async function callByPath(user: SessionUser | null, db: ReturnType<typeof createTestDb>["db"], path: string): Promise<unknown> {
  const caller = createCaller(createInnerContext({ db, user }));
  let target: unknown = caller;
  for (const part of path.split(".")) target = (target as Record<string, unknown>)[part];
  return (target as (input?: unknown) => Promise<unknown>)(undefined);
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (e) {
    if (e instanceof TRPCError) return e.code;
    throw e;
  }
}

describe("every procedure states who may call it, and enforces it", () => {
  const t = createTestDb();
  const users = new Map<Role, SessionUser>();
  let nonMember: SessionUser;
  beforeAll(async () => {
    for (const role of ROLES) users.set(role, await sessionUserFor(t.db, role));
    // Immigration Enforcement: an agency representative of an agency that does not attend MARAC.
    nonMember = await sessionUserFor(t.db, "agency_rep", "immigration_enforcement");
  });
  afterAll(() => t.cleanup());

  it("finds the procedures of the app router", () => {
    expect(procedures.length).toBeGreaterThan(5);
  });

  it.each(procedures)("%s declares its access", (_path, proc) => {
    expect(proc._def.meta?.access, "build it from publicProcedure, protectedProcedure or roleProcedure").toBeDefined();
  });

  it.each(procedures)("%s refuses whoever it does not allow", async (path, proc) => {
    const access = proc._def.meta?.access;
    if (!access) throw new Error(`${path} has no access meta`);
    if (access.kind === "public") {
      expect(path, "only health checks may be public").toMatch(/^health\./);
      return;
    }
    expect(await codeOf(callByPath(null, t.db, path))).toBe("UNAUTHORIZED");
    for (const role of ROLES) {
      const user = users.get(role);
      if (!user) throw new Error("missing user");
      const code = await codeOf(callByPath(user, t.db, path));
      const allowed = access.kind === "signed_in" || access.roles.includes(role);
      if (allowed) expect([code, role]).not.toEqual(["FORBIDDEN", role]);
      else expect([code, role]).toEqual(["FORBIDDEN", role]);
      expect(code).not.toBe("UNAUTHORIZED");
    }
    const nonMemberCode = await codeOf(callByPath(nonMember, t.db, path));
    const nonMemberAllowed = access.kind === "signed_in" || (access.roles.includes("agency_rep") && access.maracMembersOnly !== true);
    if (nonMemberAllowed) expect([nonMemberCode, "non-member agency"]).not.toEqual(["FORBIDDEN", "non-member agency"]);
    else expect([nonMemberCode, "non-member agency"]).toEqual(["FORBIDDEN", "non-member agency"]);
  });

  it("opens notifications to every signed-in user, a non-member agency's too (each reads only their own: notifications.test.ts)", () => {
    const paths = procedures.filter(([path]) => path.startsWith("notifications."));
    expect(paths.map(([path]) => path).sort()).toEqual(["notifications.checkDue", "notifications.list", "notifications.markAllRead", "notifications.markRead", "notifications.unreadCount"]);
    for (const [, p] of paths) expect(p._def.meta?.access).toEqual({ kind: "signed_in" });
  });

  it("keeps every MARAC output from a non-member agency", () => {
    const membersOnly = new Set(procedures.filter(([, p]) => { const a = p._def.meta?.access; return a?.kind === "roles" && a.maracMembersOnly === true; }).map(([path]) => path));
    // Meetings, packs, research and minutes; actions; repeat links and risk-factor flags; the sharing protocol.
    for (const path of ["meetings.get", "meetings.list", "meetings.pack", "meetings.packPdf", "meetings.research", "meetings.saveResearch", "meetings.minutes", "meetings.minutesPdf", "actions.mine", "actions.forCase", "actions.updateStatus", "cases.repeats", "cases.flags", "policy.protocol"]) {
      expect(membersOnly, path).toContain(path);
    }
  });
});
