import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "~/db/client";
import { getAppCipher } from "~/server/crypto/app-cipher";
import { reviewQueue, warmReviewQueue } from "~/server/services/review";
import type { SessionUser } from "~/server/services/sessions";
import { meetingWithCase } from "../helpers/meeting";
import { confirmAllTexts } from "../helpers/review";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

const NOW = new Date("2026-11-28T10:00:00Z");
// A sentence the detector tags as immigration, so each text holding it waits for review.
const VISA = "She is afraid the Home Office will cancel her spouse visa.";

/**
 * The review queue opens again only the cases whose texts changed since it was last built
 * (server/services/review-fingerprints.ts). After every kind of write a case holder's queue must
 * equal one built from scratch, on a fresh connection that has never counted anything.
 */
describe("the review queue after each kind of text is written", () => {
  const t = createTestDb();
  let env: Awaited<ReturnType<typeof meetingWithCase>>;
  let holder: SessionUser;
  let idva: SessionUser;

  /** The queue as the server keeps it, and as a server that has just started would build it. */
  async function expectQueueAsBuiltAfresh() {
    const kept = await env.api(holder).review.queue();
    const fresh = createDb(t.file);
    try {
      expect(kept).toEqual(reviewQueue(fresh, getAppCipher(), NOW));
    } finally {
      fresh.$client.close();
    }
    return kept.cases.find((c) => c.caseId === env.caseId)?.texts.map((x) => x.ref.split("~")[0]) ?? [];
  }

  beforeAll(async () => {
    env = await meetingWithCase(t, NOW, { reps: ["housing"], invite: ["housing"], date: "2026-12-03", publish: true });
    holder = env.coordinator;
    idva = await sessionUserFor(t.db, "idva", "idva");
  });
  afterAll(() => t.cleanup());

  it("follows flags, actions, status notes, research, minutes and reviews", async () => {
    const { api, caseId, meetingId, rep } = env;
    await expectQueueAsBuiltAfresh();

    await api(idva).cases.addFlag({ caseId, factorId: "stalking", note: `He follows her to work. ${VISA}` });
    expect(await expectQueueAsBuiltAfresh()).toContain("flag");

    const { id: actionId } = await api(holder).actions.create({ meetingId, caseId, description: `Visit her at home. ${VISA}`, tags: [], owningAgencyId: idva.agencyId, ownerName: "Ines", dueDate: "2026-12-20" });
    expect(await expectQueueAsBuiltAfresh()).toContain("action");

    await api(idva).actions.updateStatus({ actionId, version: 1, status: "done", note: `Visited. ${VISA}` });
    expect(await expectQueueAsBuiltAfresh()).toContain("status");

    await api(rep("housing")).meetings.saveResearch({ meetingId, caseId, version: null, shared: `Tenancy in her name. ${VISA}`, withheld: "" });
    expect(await expectQueueAsBuiltAfresh()).toContain("research");

    await api(holder).meetings.saveCaseNotes({ meetingId, caseId, version: null, discussion: `Discussed. ${VISA}`, risks: "High risk.", safetyPlan: "" });
    expect(await expectQueueAsBuiltAfresh()).toContain("minutes");

    await confirmAllTexts(api(holder), caseId);
    expect(await expectQueueAsBuiltAfresh()).toEqual([]);
  });

  it("counts every case ahead after a start, and a build then counts the same", async () => {
    const fresh = createDb(t.file);
    try {
      expect(await warmReviewQueue(fresh, getAppCipher())).toBe(1);
      // Everything is known now: a second warm-up has nothing left to count.
      expect(await warmReviewQueue(fresh, getAppCipher())).toBe(0);
      // Built from what the warm-up counted alone, it is the queue the server already had.
      expect(reviewQueue(fresh, getAppCipher(), NOW)).toEqual(await env.api(holder).review.queue());
      await env.api(idva).cases.addFlag({ caseId: env.caseId, factorId: "threats_to_kill", note: `He said he would kill her. ${VISA}` });
      expect(reviewQueue(fresh, getAppCipher(), new Date(NOW.getTime() + 1))).toEqual(await env.api(holder).review.queue());
    } finally {
      fresh.$client.close();
    }
  });
});
