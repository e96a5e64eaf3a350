import { TRPCError } from "@trpc/server";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAgency } from "~/db/factories";
import { createInnerContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";
import { makeSampleCase } from "~/server/domain/testing/fixtures";
import { ensureSettings } from "~/server/services/settings";
import type { SessionUser } from "~/server/services/sessions";
import { asReferral, importFile } from "../helpers/referrals";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

const NOW = new Date("2026-11-28T10:00:00Z");
const KNOWN = { name: "Parveen Akhter", dateOfBirth: "1996-04-22" };

/** The sample case as draft content for the given victim: what the form pages would have saved. */
function draftFor(victim: { name: string; dateOfBirth?: string }) {
  const { caseId: _i, caseNumber: _n, referring: _r, ...rest } = makeSampleCase();
  const { dateOfBirth: _d, ...sampleVictim } = rest.victim;
  return {
    ...rest,
    victim: { ...sampleVictim, aliases: [], ...victim },
    criteria: { professionalJudgement: true, reasons: { text: "Threats to kill after separation.", spans: [] } },
  };
}

describe("repeat links answer 'has this person been to MARAC?' only for those who may know (issue item 1)", () => {
  const t = createTestDb();
  const api = (u: SessionUser) => createCaller(createInnerContext({ db: t.db, user: u, now: () => NOW }));
  let ie: SessionUser;
  let housing: SessionUser;
  let health: SessionUser;
  let coordinator: SessionUser;
  let idva: SessionUser;
  let acceptedEarlier: string;
  let declinedEarlier: string;

  async function refer(user: SessionUser, victim: { name: string; dateOfBirth?: string }) {
    const { id } = await api(user).referrals.start();
    await api(user).referrals.save({ draftId: id, version: 1, patch: draftFor(victim) });
    const res = await api(user).referrals.submit({ draftId: id });
    if (!res.ok) throw new Error(JSON.stringify(res.issues));
    return res;
  }

  beforeAll(async () => {
    ensureSettings(t.db, "T", NOW, "TS");
    makeAgency(t.db, { name: "Police", type: "police" });
    coordinator = await sessionUserFor(t.db, "coordinator", "police");
    idva = await sessionUserFor(t.db, "idva", "idva");
    housing = await sessionUserFor(t.db, "agency_rep", "housing");
    health = await sessionUserFor(t.db, "agency_rep", "health");
    ie = await sessionUserFor(t.db, "agency_rep", "immigration_enforcement");
    const admin = await sessionUserFor(t.db, "admin", "idva");
    // Heard at MARAC in February (every member agency may open it) ...
    const sample = makeSampleCase();
    const earlier = { ...sample, victim: { ...sample.victim, aliases: [], ...KNOWN }, referring: { ...sample.referring, referralDate: "2026-02-26" } };
    await api(admin).cases.import({ document: importFile(asReferral(earlier, "Police", "accepted")) });
    acceptedEarlier = (await api(coordinator).cases.list({ q: "Parveen" })).rows[0]?.id ?? "";
    // ... and referred by health today under another spelling, and declined (only health and case holders may open it).
    const declined = await refer(health, { name: "Parveen Akhtar", dateOfBirth: KNOWN.dateOfBirth });
    await api(coordinator).triage.decline({ caseId: declined.caseId, reason: "Already open to the MARAC under the February referral." });
    declinedEarlier = declined.caseId;
  });
  afterAll(() => t.cleanup());

  it("refuses IE's probe: no links, and the case looks like a first referral", async () => {
    const res = await refer(ie, { name: "Parveen Akhtar", dateOfBirth: KNOWN.dateOfBirth });
    // The history is there: case holders see both earlier referrals and the repeat ...
    expect((await api(idva).cases.repeats({ caseId: res.caseId })).map((l) => l.earlierCaseId).sort()).toEqual([acceptedEarlier, declinedEarlier].sort());
    const held = (await api(coordinator).cases.get({ caseId: res.caseId })).view.criteria as unknown as Record<string, unknown>;
    expect(held.repeat).toBe(true);
    expect(typeof held.lastMaracCaseNumber).toBe("string");
    // ... but nothing IE can fetch shows it.
    await expect(api(ie).cases.repeats({ caseId: res.caseId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const criteria = (await api(ie).cases.get({ caseId: res.caseId })).view.criteria as unknown as Record<string, unknown>;
    expect(criteria.repeat).toBe(false);
    expect(criteria.lastMaracCaseNumber).toBeUndefined();
    expect(criteria.lastMaracReferralDate).toBeUndefined();
    expect(JSON.stringify(await api(ie).cases.get({ caseId: res.caseId }))).not.toMatch(/Akhter|same date of birth|TS-2026-0001/);
  });

  it("keeps repeat findings out of the admin's audit log (the admin is not a case holder)", async () => {
    const admin = await sessionUserFor(t.db, "admin", "idva");
    await refer(ie, { name: "Parveen Akhtar", dateOfBirth: KNOWN.dateOfBirth });
    const rows = (await api(admin).admin.audit.list({ page: 1 })).rows.filter((r) => r.action === "referral.submitted");
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toMatch(/repeat|possible/i);
  });

  it("shows IE no possible matches either (the name without the date of birth)", async () => {
    const res = await refer(ie, { name: "Parveen Akhtar" });
    expect((await api(coordinator).cases.repeats({ caseId: res.caseId })).some((l) => l.kind === "possible")).toBe(true);
    await expect(api(ie).cases.repeats({ caseId: res.caseId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(JSON.stringify(await api(ie).cases.get({ caseId: res.caseId }))).not.toMatch(/Akhter|possible/i);
  });

  it("never links a non-member agency's referral to its own earlier referral of the same person", async () => {
    const first = await refer(ie, { name: "Ewa Nowak", dateOfBirth: "1990-01-01" });
    const second = await refer(ie, { name: "Ewa Nowak", dateOfBirth: "1990-01-01" });
    expect((await api(coordinator).cases.repeats({ caseId: second.caseId })).map((l) => l.earlierCaseId)).toEqual([first.caseId]);
    expect((await api(ie).cases.get({ caseId: second.caseId })).view.criteria).toMatchObject({ repeat: false });
  });

  it("shows a member agency only links to earlier cases it could open, and the repeat facts worked out from those", async () => {
    const res = await refer(coordinator, { name: "Parveen Akhtar", dateOfBirth: KNOWN.dateOfBirth });
    await api(coordinator).triage.accept({ caseId: res.caseId });
    const earlierNumber = async (id: string) => (await api(coordinator).cases.get({ caseId: id })).caseNumber;
    // Housing may open the accepted February case, not health's declined referral.
    expect((await api(housing).cases.repeats({ caseId: res.caseId })).map((l) => l.earlierCaseId)).toEqual([acceptedEarlier]);
    expect((await api(housing).cases.get({ caseId: res.caseId })).view.criteria).toMatchObject({ repeat: true, lastMaracReferralDate: "2026-02-26", lastMaracCaseNumber: await earlierNumber(acceptedEarlier) });
    // Health referred the declined one itself, so it sees both; the last is its own referral of today.
    expect((await api(health).cases.repeats({ caseId: res.caseId })).map((l) => l.earlierCaseId).sort()).toEqual([acceptedEarlier, declinedEarlier].sort());
    expect((await api(health).cases.get({ caseId: res.caseId })).view.criteria).toMatchObject({ repeat: true, lastMaracCaseNumber: await earlierNumber(declinedEarlier) });
  });

  it("shows a member agency a case whose only history it may not open exactly like a first referral, on every surface", async () => {
    const earlier = await refer(health, { name: "Marta Kowalczyk", dateOfBirth: "1984-03-03" });
    await api(coordinator).triage.decline({ caseId: earlier.caseId, reason: "Below threshold; single agency support offered." });
    const later = await refer(coordinator, { name: "Marta Kowalczyk", dateOfBirth: "1984-03-03" });
    const first = await refer(coordinator, { name: "Nobody Before", dateOfBirth: "1979-07-07" });
    const { id: meetingId } = await api(coordinator).meetings.create({ date: "2026-12-10", time: "09:30", venue: "Room", online: false, chairUserId: coordinator.id, invitedAgencyIds: [housing.agencyId] });
    for (const c of [later, first]) {
      await api(coordinator).triage.accept({ caseId: c.caseId, meetingId });
    }
    await api(coordinator).meetings.publish({ meetingId });
    expect((await api(coordinator).cases.get({ caseId: later.caseId })).view.criteria).toMatchObject({ repeat: true });
    expect(await api(housing).cases.repeats({ caseId: later.caseId })).toEqual([]);
    const criteriaOf = async (caseId: string) => (await api(housing).cases.get({ caseId })).view.criteria;
    expect(await criteriaOf(later.caseId)).toEqual(await criteriaOf(first.caseId));
    const lines = (await api(housing).meetings.get({ meetingId })).lines;
    const line = (id: string) => lines.find((l) => l.caseId === id);
    expect(line(later.caseId)).toMatchObject({ isRepeat: false, criteria: line(first.caseId)?.criteria });
    const pack = await api(housing).meetings.pack({ meetingId });
    const packCase = (id: string) => pack.cases.find((c) => c.line.caseId === id);
    expect(packCase(later.caseId)?.view.criteria).toEqual(packCase(first.caseId)?.view.criteria);
    expect(packCase(later.caseId)?.line.isRepeat).toBe(false);
    // The coordinator's preview of housing's pack is housing's view too.
    const preview = await api(coordinator).meetings.pack({ meetingId, asAgencyId: housing.agencyId });
    expect(preview.cases.find((c) => c.line.caseId === later.caseId)?.line.isRepeat).toBe(false);
  });

  /** Everything IE can fetch about one of its cases, with ids, case numbers, dates and the names it typed taken out. */
  async function everythingIeSees(res: { caseId: string; caseNumber: string }, victim: { name: string; dateOfBirth: string }) {
    const outcome = async (p: Promise<unknown>) => {
      try {
        return { ok: await p };
      } catch (e) {
        if (e instanceof TRPCError) return { code: e.code, message: e.message };
        throw e;
      }
    };
    const ie$ = api(ie);
    const list = await ie$.cases.list({ q: victim.name });
    const seen = {
      get: await outcome(ie$.cases.get({ caseId: res.caseId })),
      listRow: list.rows.find((r) => r.id === res.caseId),
      declineReason: await outcome(ie$.cases.declineReason({ caseId: res.caseId })),
      repeats: await outcome(ie$.cases.repeats({ caseId: res.caseId })),
      flags: await outcome(ie$.cases.flags({ caseId: res.caseId })),
      actions: await outcome(ie$.actions.forCase({ caseId: res.caseId })),
      mine: await outcome(ie$.actions.mine()),
      meetings: await outcome(ie$.meetings.list()),
    };
    // superjson, as on the wire: a key present but undefined counts as a difference.
    return superjson.stringify(seen)
      .replaceAll(res.caseId, "<id>")
      .replaceAll(res.caseNumber, "<number>")
      .replaceAll(victim.name, "<victim>")
      .replaceAll(victim.dateOfBirth, "<dob>")
      .replace(/\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?/g, "<date>");
  }

  it("twin test: a known victim and an unknown person referred by IE look the same to IE, before and after triage", async () => {
    const unknown = { name: "Joanna Blythe", dateOfBirth: "1988-09-09" };
    const known = await refer(ie, KNOWN);
    const stranger = await refer(ie, unknown);
    expect((await api(coordinator).cases.get({ caseId: known.caseId })).view.criteria).toMatchObject({ repeat: true });
    expect(await everythingIeSees(known, KNOWN)).toEqual(await everythingIeSees(stranger, unknown));
    // Accepted onto a meeting, flagged and given actions: still the same, and nothing of it reaches IE.
    const { id: meetingId } = await api(coordinator).meetings.create({ date: "2026-12-17", time: "09:30", venue: "Room", online: false, chairUserId: coordinator.id, invitedAgencyIds: [housing.agencyId] });
    for (const c of [known, stranger]) {
      await api(coordinator).triage.accept({ caseId: c.caseId, meetingId });
      await api(idva).cases.addFlag({ caseId: c.caseId, factorId: "non_fatal_strangulation", note: "Strangled her in October." });
      await api(coordinator).actions.create({ meetingId, caseId: c.caseId, description: "Fit a panic alarm.", tags: [], owningAgencyId: housing.agencyId, ownerName: "Sam Reed", dueDate: "2026-12-31" });
    }
    await api(coordinator).meetings.publish({ meetingId });
    const after = await everythingIeSees(known, KNOWN);
    expect(after).toEqual(await everythingIeSees(stranger, unknown));
    expect(after).not.toMatch(/panic alarm|Strangl|Sam Reed|2026-12-17/);
  });
});
