import { makeAgency } from "~/db/factories";
import { createInnerContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";
import type { AgencyType } from "~/server/domain/agency-types";
import type { SharingChoice } from "~/server/domain/case/referral";
import { makeSampleCase } from "~/server/domain/testing/fixtures";
import type { Tag } from "~/server/domain/tags";
import { ensureSettings } from "~/server/services/settings";
import type { SessionUser } from "~/server/services/sessions";
import { asReferral, importFile } from "./referrals";
import type { createTestDb } from "./test-db";
import { sessionUserFor } from "./users";

/**
 * The common ground of the meeting tests: a police coordinator, one agency representative per
 * type asked for, the sample case accepted, and a meeting with that case on its agenda.
 * `views` changes the victim's recorded views (the sample case asks for immigration not to be shared).
 */
export async function meetingWithCase(
  t: ReturnType<typeof createTestDb>,
  now: Date,
  opts: { reps: readonly AgencyType[]; invite: readonly AgencyType[]; date: string; publish: boolean; views?: Partial<Record<Tag, SharingChoice>> },
) {
  const api = (u: SessionUser) => createCaller(createInnerContext({ db: t.db, user: u, now: () => now }));
  ensureSettings(t.db, "T", now, "TS");
  makeAgency(t.db, { name: "Police", type: "police" });
  const admin = await sessionUserFor(t.db, "admin", "idva");
  const coordinator = await sessionUserFor(t.db, "coordinator", "police");
  const reps = new Map<AgencyType, SessionUser>();
  for (const type of opts.reps) reps.set(type, await sessionUserFor(t.db, "agency_rep", type));
  const rep = (type: AgencyType): SessionUser => {
    const u = reps.get(type);
    if (!u) throw new Error(`no ${type} representative in this test`);
    return u;
  };
  const sample = makeSampleCase();
  const record = { ...sample, victimViews: { ...sample.victimViews, perTag: { ...sample.victimViews.perTag, ...opts.views } } };
  await api(admin).cases.import({ document: importFile(asReferral(record, "Police", "accepted")) });
  const caseId = (await api(coordinator).cases.list({})).rows[0]?.id ?? "";
  const { id: meetingId } = await api(coordinator).meetings.create({
    date: opts.date,
    time: "09:30",
    venue: "Room",
    online: false,
    chairUserId: coordinator.id,
    invitedAgencyIds: opts.invite.map((type) => rep(type).agencyId),
  });
  await api(coordinator).meetings.addCase({ meetingId, caseId });
  if (opts.publish) await api(coordinator).meetings.publish({ meetingId });
  return { api, coordinator, rep, meetingId, caseId };
}
