import { rmSync } from "node:fs";
import { eq } from "drizzle-orm";
import { agencies, users } from "../db/schema";
import { DEMO_PASSWORD } from "../db/seed/demo-area";
import { E2E_EXTRA_USERS, MARKER_ACTIONS, MARKER_CASE, MARKER_FLAGS, MARKER_NOTES, MARKER_REFERRING_AGENCY } from "../e2e/markers";
import { saveCaseNotes } from "../server/services/minutes";
import { createAction } from "../server/services/actions";
import { addToAgenda, createMeeting, publishAgenda } from "../server/services/meetings";
import { addRiskFlag } from "../server/services/risk-flags";
import { createUser } from "../server/services/users";
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
await seedIfEmpty(db);
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
  saveCaseNotes(db, scriptCipher(), organiser, { meetingId: meeting.id, caseId: imported.caseIds[0] ?? "", version: null, discussion: `${MARKER_NOTES.plain} ${MARKER_NOTES.immigration}`, risks: "", minutesTaken: null }, new Date());
}
for (const u of E2E_EXTRA_USERS) {
  const agency = db.select().from(agencies).where(eq(agencies.name, u.agencyName)).get();
  if (!agency) throw new Error(`no agency ${u.agencyName}`);
  await createUser(db, null, { name: u.name, email: u.email, agencyId: agency.id, role: "agency_rep", active: true, password: DEMO_PASSWORD }, new Date());
}
db.$client.close();

serve("next", ["start", "--port", port], {
  DATABASE_URL: file,
  AUTH_SECRET: "e2e-run-only-K8s2Lq9vXw4Rz7Tn3Bm6Yc1Hd5Gf0Pj",
  DATA_KEY: E2E_DATA_KEY,
});
