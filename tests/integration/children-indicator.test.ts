import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packDocument } from "~/server/exports/pack-document";
import { meetingWithCase } from "../helpers/meeting";
import { createTestDb } from "../helpers/test-db";

const NOW = new Date("2026-11-28T10:00:00Z");

describe("'children in household' only for agencies allowed the children tag (issue item 6)", () => {
  const t = createTestDb();
  let setup: Awaited<ReturnType<typeof meetingWithCase>>;
  beforeAll(async () => {
    // The sample case has a child in the household. Probation may not see the children tag; police may.
    setup = await meetingWithCase(t, NOW, { reps: ["probation", "police"], invite: ["probation", "police"], date: "2026-12-03", publish: true });
  });
  afterAll(() => t.cleanup());

  it("gives probation no indicator on the agenda, in its pack, its PDF or the coordinator's preview of it", async () => {
    const { api, rep, meetingId, coordinator } = setup;
    expect((await api(rep("probation")).meetings.get({ meetingId })).lines[0]?.hasChildren).toBeNull();
    const pack = await api(rep("probation")).meetings.pack({ meetingId });
    expect(pack.cases[0]?.line.hasChildren).toBeNull();
    expect(JSON.stringify(packDocument(pack, NOW).blocks)).not.toContain("Children in household");
    const preview = await api(coordinator).meetings.pack({ meetingId, asAgencyId: rep("probation").agencyId });
    expect(preview.cases[0]?.line.hasChildren).toBeNull();
  });

  it("still tells agencies allowed the children tag, and the coordinator", async () => {
    const { api, rep, meetingId, coordinator } = setup;
    expect((await api(rep("police")).meetings.get({ meetingId })).lines[0]?.hasChildren).toBe(true);
    const pack = await api(rep("police")).meetings.pack({ meetingId });
    expect(JSON.stringify(packDocument(pack, NOW).blocks)).toContain("Children in household");
    expect((await api(coordinator).meetings.get({ meetingId })).lines[0]?.hasChildren).toBe(true);
  });
});
