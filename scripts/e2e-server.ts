import { rmSync } from "node:fs";
import { eq } from "drizzle-orm";
import { agencies, cases, users } from "../db/schema";
import { DEMO_PASSWORD } from "../db/seed/demo-area";
import { E2E_EXTRA_USERS, E2E_SSO, GATE_FLAG_FACTOR, GATE_MEETING_VENUE, GATE_TEXTS, GATE_VICTIM, MARKER_ACTIONS, MARKER_CASE, MARKER_FLAGS, MARKER_NOTES, MARKER_OVERRIDES, MARKER_REFERRING_AGENCY, RETENTION_VICTIM } from "../e2e/markers";
import { plainText } from "../server/domain/case/text";
import { makeSampleCase } from "../server/domain/testing/fixtures";
import { saveResearch } from "../server/services/research";
import { reviewAllTexts } from "../server/services/review";
import { saveCaseNotes } from "../server/services/minutes";
import { createAction } from "../server/services/actions";
import { addToAgenda, createMeeting, publishAgenda } from "../server/services/meetings";
import { addRiskFlag } from "../server/services/risk-flags";
import { createUser } from "../server/services/users";
import { approveOverride, recordOverride, revokeOverride } from "../server/services/overrides";
import { importReferrals } from "../server/services/case-import";
import { openMigrated, scriptCipher, seedIfEmpty } from "./lib/database";
import { serve } from "./lib/run";

/** Fixed keys for this throwaway test server only; nothing they protect outlives the run. */
export const E2E_DATA_KEY = "ZTJlLXJ1bi1vbmx5LWRhdGEta2V5LTMyLWJ5dGVzISE=";

// The e2e server: a fresh database with the demo area, then the production build on its own port.
const port = process.argv[2] ?? "3100";
process.env.DATA_KEY = E2E_DATA_KEY;
const file = "data/e2e.db";
for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
const db = openMigrated(file);
// The many e2e sign-ins are by password: no demo authenticators here (decision 052).
await seedIfEmpty(db, { enrolAuthenticators: false });
// One more case whose every value is a unique marker, for the leak tests (e2e/markers.ts).
const { record } = MARKER_CASE;
const { caseId: _id, caseNumber: _n, ...referral } = record;
const imported = importReferrals(
  db,
  scriptCipher(),
  null,
  { format: "marac-desk.referrals", version: 1, referrals: [{ ...referral, referring: { ...referral.referring, agencyName: MARKER_REFERRING_AGENCY, agencyId: undefined }, status: "accepted" }] },
  new Date(),
);
if (!imported.ok) throw new Error(`marker case: ${JSON.stringify(imported.issues)}`);
{
  const idva = db.select().from(users).where(eq(users.email, "idva@northshire.example")).get();
  if (!idva) throw new Error("no demo IDVA");
  const flagger = { ...idva, agencyName: "", agencyType: "idva" as const, agencyIsMember: true, sessionId: "" };
  for (const f of MARKER_FLAGS) addRiskFlag(db, scriptCipher(), flagger, { caseId: imported.caseIds[0] ?? "", factorId: f.factorId, note: f.note }, new Date());
  const chair = db.select().from(users).where(eq(users.email, "chair@northshire.example")).get();
  if (!chair) throw new Error("no demo chair");
  const organiser = { ...chair, agencyName: "", agencyType: "police" as const, agencyIsMember: true, sessionId: "" };
  const members = db.select().from(agencies).all().filter((a) => a.isMaracMember);
  const meeting = createMeeting(db, organiser, { date: "2027-01-14", time: "10:00", venue: "E2E marker meeting", online: true, chairUserId: chair.id, invitedAgencyIds: members.map((a) => a.id) }, new Date());
  addToAgenda(db, organiser, meeting.id, imported.caseIds[0] ?? "", new Date());
  for (const a of MARKER_ACTIONS) {
    const owner = members.find((m) => m.name === a.owner);
    if (!owner) throw new Error(`no agency ${a.owner}`);
    createAction(db, scriptCipher(), organiser, { meetingId: meeting.id, caseId: imported.caseIds[0] ?? "", description: a.description, tags: [...a.tags], owningAgencyId: owner.id, ownerName: "E2E", dueDate: "2027-01-31" }, new Date());
  }
  publishAgenda(db, organiser, meeting.id, new Date());
  saveCaseNotes(db, scriptCipher(), organiser, { meetingId: meeting.id, caseId: imported.caseIds[0] ?? "", version: null, discussion: `${MARKER_NOTES.plain} ${MARKER_NOTES.immigration}`, risks: "", safetyPlan: "" }, new Date());
  // The marker case tests the tag rules: the IDVA reviews its text as a MARAC would before sharing.
  const reviewer = { ...flagger, agencyType: "idva" as const };
  reviewAllTexts(db, scriptCipher(), reviewer, new Date(), (id) => id === imported.caseIds[0]);

  // The review-gate case (e2e/markers.ts): left unreviewed; the leak suite reviews it as it goes.
  const sample = makeSampleCase();
  const { caseId: _gid, caseNumber: _gn, ...gate } = { ...sample, victim: { ...sample.victim, name: GATE_VICTIM, aliases: [] }, narrative: plainText(GATE_TEXTS.narrative.text) };
  const gateImport = importReferrals(db, scriptCipher(), null, { format: "marac-desk.referrals", version: 1, referrals: [{ ...gate, referring: { ...gate.referring, agencyName: "Northshire Police", agencyId: undefined }, status: "accepted" }] }, new Date());
  if (!gateImport.ok) throw new Error(`gate case: ${JSON.stringify(gateImport.issues)}`);
  const gateId = gateImport.caseIds[0] ?? "";
  addRiskFlag(db, scriptCipher(), flagger, { caseId: gateId, factorId: GATE_FLAG_FACTOR, note: GATE_TEXTS.flag.text }, new Date());
  const gateMeeting = createMeeting(db, organiser, { date: "2027-01-21", time: "10:00", venue: GATE_MEETING_VENUE, online: true, chairUserId: chair.id, invitedAgencyIds: members.map((a) => a.id) }, new Date());
  addToAgenda(db, organiser, gateMeeting.id, gateId, new Date());
  const housingUser = db.select().from(users).where(eq(users.email, "housing@northshire.example")).get();
  const housing = members.find((m) => m.name === "Northshire Homes");
  if (!housingUser || !housing) throw new Error("no demo housing officer");
  createAction(db, scriptCipher(), organiser, { meetingId: gateMeeting.id, caseId: gateId, description: GATE_TEXTS.action.text, tags: [], owningAgencyId: housing.id, ownerName: "E2E", dueDate: "2027-01-31" }, new Date());
  publishAgenda(db, organiser, gateMeeting.id, new Date());
  saveCaseNotes(db, scriptCipher(), organiser, { meetingId: gateMeeting.id, caseId: gateId, version: null, discussion: GATE_TEXTS.minutes.text, risks: "", safetyPlan: "" }, new Date());
  saveResearch(db, scriptCipher(), { ...housingUser, agencyName: housing.name, agencyType: "housing", agencyIsMember: true, sessionId: "" }, { meetingId: gateMeeting.id, caseId: gateId, version: null, shared: GATE_TEXTS.research.text, withheld: "" }, new Date());

  // A case closed in 2018, past the demo MARAC's 72-month retention period: e2e/retention.spec.ts deletes it.
  const { caseId: _rid, caseNumber: _rn, ...old } = { ...sample, victim: { ...sample.victim, name: RETENTION_VICTIM, aliases: [] } };
  const oldImport = importReferrals(db, scriptCipher(), null, { format: "marac-desk.referrals", version: 1, referrals: [{ ...old, referring: { ...old.referring, agencyName: "Northshire Police", agencyId: undefined }, status: "closed" }] }, new Date());
  if (!oldImport.ok) throw new Error(`retention case: ${JSON.stringify(oldImport.issues)}`);
  db.update(cases).set({ closedAt: new Date("2018-03-01T12:00:00Z") }).where(eq(cases.id, oldImport.caseIds[0] ?? "")).run();
  // Overrides on the marker case that are not in effect (e2e/markers.ts): one recorded and approved
  // 100 days ago that ended by its date 70 days ago, one approved and then revoked today.
  const past = new Date(Date.now() - 100 * 86_400_000);
  for (const o of MARKER_OVERRIDES) {
    const agency = members.find((m) => m.name === o.agency);
    if (!agency) throw new Error(`no agency ${o.agency}`);
    const when = o.kind === "ended" ? past : new Date();
    const endDate = new Date(when.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    const { id } = recordOverride(db, scriptCipher(), flagger, { caseId: imported.caseIds[0] ?? "", agencyId: agency.id, tag: o.tag, reason: "E2E override.", decisionRef: "E2E 1", endDate }, when);
    approveOverride(db, scriptCipher(), organiser, { overrideId: id }, when);
    if (o.kind === "revoked") revokeOverride(db, scriptCipher(), organiser, { overrideId: id, reason: "E2E revoked." }, new Date());
  }
}
for (const u of E2E_EXTRA_USERS) {
  const agency = db.select().from(agencies).where(eq(agencies.name, u.agencyName)).get();
  if (!agency) throw new Error(`no agency ${u.agencyName}`);
  await createUser(db, null, { name: u.name, email: u.email, agencyId: agency.id, role: "agency_rep", active: true, password: DEMO_PASSWORD }, new Date());
}
// Single sign-on: two agencies the spec configures through the pages, with users the admin added.
{
  const now = new Date();
  const police = db.insert(agencies).values({ name: E2E_SSO.agency.name, type: "police", isMaracMember: true, createdAt: now, updatedAt: now }).returning().get();
  const housing = db.insert(agencies).values({ name: E2E_SSO.wrongIssuerAgency.name, type: "housing", isMaracMember: true, createdAt: now, updatedAt: now }).returning().get();
  const user = (name: string, email: string, agencyId: string, active: boolean) => createUser(db, null, { name, email, agencyId, role: "agency_rep", active, password: DEMO_PASSWORD }, now);
  await user(E2E_SSO.officer.name, E2E_SSO.officer.email, police.id, true);
  await user(E2E_SSO.leaver.name, E2E_SSO.leaver.email, police.id, false);
  await user(E2E_SSO.colleague.name, E2E_SSO.colleague.email, housing.id, true);
}
db.$client.close();

serve("next", ["start", "--port", port], {
  DATABASE_URL: file,
  AUTH_SECRET: "e2e-run-only-K8s2Lq9vXw4Rz7Tn3Bm6Yc1Hd5Gf0Pj",
  DATA_KEY: E2E_DATA_KEY,
  AUTH_SECOND_FACTOR_ROLES: "none",
});
