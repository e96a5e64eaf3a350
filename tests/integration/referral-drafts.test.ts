import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { referralDrafts } from "~/db/schema";
import { createInnerContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";
import { DRAFT_LIFETIME_DAYS, DRAFT_MAX_BYTES } from "~/server/schemas/referral-draft";
import type { SessionUser } from "~/server/services/sessions";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

const NOW = new Date("2026-11-28T10:00:00Z");
const DAY = 24 * 60 * 60 * 1000;

/** Draft limits (issue 7): only the referral's own fields, a size cap, only your own drafts read, expiry. */
describe("referral drafts are bounded", () => {
  const t = createTestDb();
  let rep: SessionUser;
  let other: SessionUser;
  let clock = NOW;
  const api = (u: SessionUser) => createCaller(createInnerContext({ db: t.db, user: u, now: () => clock }));
  const stored = (id: string) => t.db.select().from(referralDrafts).where(eq(referralDrafts.id, id)).get();

  beforeAll(async () => {
    rep = await sessionUserFor(t.db, "agency_rep", "housing");
    other = await sessionUserFor(t.db, "agency_rep", "health");
  });
  afterAll(() => t.cleanup());

  it("refuses a patch with a key the referral form does not have, at the top or inside a group", async () => {
    clock = NOW;
    const { id } = await api(rep).referrals.start();
    await expect(api(rep).referrals.save({ draftId: id, version: 1, patch: { junk1: "x".repeat(100) } as never })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("no field called junk1") as unknown,
    });
    await expect(api(rep).referrals.save({ draftId: id, version: 1, patch: { victim: { name: "A", junk: "x" } } })).rejects.toMatchObject({
      message: expect.stringContaining("no field called junk in victim") as unknown,
    });
    expect(stored(id)?.version).toBe(1);
    // What the form really saves, valid or not, is kept as typed.
    const ok = await api(rep).referrals.save({ draftId: id, version: 1, patch: { victim: { name: "Typed Name", dateOfBirth: "1990-13-45", aliases: ["A"] }, criteria: { policeIncidentsLast12Months: "three" } } });
    expect(ok.version).toBe(2);
    expect((await api(rep).referrals.draft({ draftId: id })).content).toMatchObject({ criteria: { policeIncidentsLast12Months: "three" } });
  });

  it("refuses a save that would make the draft larger than the cap, with a clear message, and keeps the draft", async () => {
    clock = NOW;
    const { id } = await api(rep).referrals.start();
    const half = "a".repeat(Math.floor(DRAFT_MAX_BYTES / 2));
    await api(rep).referrals.save({ draftId: id, version: 1, patch: { narrative: { text: half.slice(0, 100_000), spans: [] } } });
    await api(rep).referrals.save({ draftId: id, version: 2, patch: { victim: { safeContactNotes: { text: half.slice(0, 100_000), spans: [] } } } });
    // A third big answer in another group would pass the cap.
    await expect(api(rep).referrals.save({ draftId: id, version: 3, patch: { consent: { reasonIfNot: { text: half.slice(0, 100_000), spans: [] } } } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/too large to save: a draft may hold at most 256 kB/) as unknown,
    });
    expect(stored(id)?.version).toBe(3);
  });

  it("lists only the user's own drafts without reading anyone else's", async () => {
    clock = NOW;
    const { id: mine } = await api(rep).referrals.start();
    // Another user's draft that cannot even be opened: listing mine must not touch it.
    const { id: theirs } = await api(other).referrals.start();
    t.db.update(referralDrafts).set({ sealed: "not a sealed value" }).where(eq(referralDrafts.id, theirs)).run();
    const list = await api(rep).referrals.drafts();
    expect(list.map((d) => d.id)).toContain(mine);
    expect(list.map((d) => d.id)).not.toContain(theirs);
    t.db.delete(referralDrafts).where(eq(referralDrafts.id, theirs)).run();
  });

  it(`forgets a draft ${DRAFT_LIFETIME_DAYS} days after its last save, and deletes it on the next list or start`, async () => {
    clock = NOW;
    const { id: old } = await api(rep).referrals.start();
    clock = new Date(NOW.getTime() + 10 * DAY);
    const { id: recent } = await api(rep).referrals.start();
    clock = new Date(NOW.getTime() + (DRAFT_LIFETIME_DAYS + 1) * DAY);
    await expect(api(rep).referrals.draft({ draftId: old })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api(rep).referrals.save({ draftId: old, version: 1, patch: {} })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(stored(old)).toBeDefined();
    const list = await api(rep).referrals.drafts();
    expect(list.map((d) => d.id)).toEqual([recent]);
    expect(stored(old)).toBeUndefined();
    expect(stored(recent)).toBeDefined();
  });
});
