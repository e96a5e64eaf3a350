import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeAgency, makeUser } from "~/db/factories";
import { agencies, sessions, users } from "~/db/schema";
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS } from "~/server/auth/rules";
import { endSession, resolveSession, startSession } from "~/server/services/sessions";
import { createTestDb } from "../helpers/test-db";

const t0 = new Date(Date.UTC(2026, 10, 28, 9, 0));
const plus = (ms: number) => new Date(t0.getTime() + ms);
const MIN = 60_000;

describe("sessions", () => {
  let t: ReturnType<typeof createTestDb>;
  let userId: string;
  let agencyId: string;
  beforeEach(async () => {
    t = createTestDb();
    agencyId = makeAgency(t.db, { type: "police" }).id;
    userId = (await makeUser(t.db, { agencyId, role: "chair" })).id;
  });
  afterEach(() => t.cleanup());

  it("resolves a live session to the user, their role and agency, read from the database", () => {
    const sid = startSession(t.db, userId, t0);
    expect(resolveSession(t.db, sid, plus(MIN))).toMatchObject({ id: userId, role: "chair", agencyId, agencyType: "police" });
  });

  it("sees a role change at the next request", () => {
    const sid = startSession(t.db, userId, t0);
    t.db.update(users).set({ role: "coordinator" }).where(eq(users.id, userId)).run();
    expect(resolveSession(t.db, sid, plus(MIN))?.role).toBe("coordinator");
  });

  it("ends after 30 minutes without a request, and activity keeps it alive", () => {
    const sid = startSession(t.db, userId, t0);
    expect(resolveSession(t.db, sid, plus(20 * MIN))).not.toBeNull();
    expect(resolveSession(t.db, sid, plus(45 * MIN))).not.toBeNull();
    expect(resolveSession(t.db, sid, plus(20 * MIN + IDLE_TIMEOUT_MS + 25 * MIN))).toBeNull();
    expect(t.db.select().from(sessions).where(eq(sessions.id, sid)).get()?.endReason).toBe("idle");
  });

  it("ends 12 hours after sign-in however active", () => {
    const sid = startSession(t.db, userId, t0);
    for (let m = 20; m < ABSOLUTE_TIMEOUT_MS / MIN; m += 20) expect(resolveSession(t.db, sid, plus(m * MIN))).not.toBeNull();
    expect(resolveSession(t.db, sid, plus(ABSOLUTE_TIMEOUT_MS))).toBeNull();
  });

  it("shuts out a deactivated user, or a user of a deactivated agency, at their next request", () => {
    const sid = startSession(t.db, userId, t0);
    t.db.update(users).set({ active: false }).where(eq(users.id, userId)).run();
    expect(resolveSession(t.db, sid, plus(MIN))).toBeNull();

    t.db.update(users).set({ active: true }).where(eq(users.id, userId)).run();
    const sid2 = startSession(t.db, userId, t0);
    t.db.update(agencies).set({ active: false }).where(eq(agencies.id, agencyId)).run();
    expect(resolveSession(t.db, sid2, plus(MIN))).toBeNull();
  });

  it("is dead after sign-out", () => {
    const sid = startSession(t.db, userId, t0);
    endSession(t.db, sid, plus(MIN), "signed_out");
    expect(resolveSession(t.db, sid, plus(2 * MIN))).toBeNull();
    expect(resolveSession(t.db, "no-such-session", plus(2 * MIN))).toBeNull();
  });
});
