import { rmSync } from "node:fs";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { agencies, cases, users } from "../../db/schema";
import { addToAgenda, createMeeting, publishAgenda } from "../../server/services/meetings";
import { openMigrated, scriptCipher, seedIfEmpty } from "./database";

export interface LoadArea {
  readonly caseIds: readonly string[];
  readonly caseNumbers: readonly string[];
  readonly meetingId: string;
}

/**
 * A fresh demo database for `npm run load`: the demo area, plus a published meeting with sixteen
 * accepted cases on its agenda (a typical MARAC), so pack pages and pack PDFs are full size.
 */
export async function prepareLoadArea(file: string): Promise<LoadArea> {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  const db = openMigrated(file);
  try {
    await seedIfEmpty(db);
    return publishMeeting(db);
  } finally {
    db.$client.close();
  }
}

function publishMeeting(db: Db): LoadArea {
  const chair = db.select().from(users).where(eq(users.email, "chair@northshire.example")).get();
  if (!chair) throw new Error("The demo area has no chair.");
  const organiser = { ...chair, agencyName: "", agencyType: "police" as const, agencyIsMember: true, sessionId: "" };
  const members = db.select().from(agencies).all().filter((a) => a.isMaracMember);
  const accepted = db.select({ id: cases.id, caseNumber: cases.caseNumber }).from(cases).where(eq(cases.status, "accepted")).all();
  const now = new Date();
  const meeting = createMeeting(db, organiser, { date: "2027-02-11", time: "10:00", venue: "Load test meeting", online: true, chairUserId: chair.id, invitedAgencyIds: members.map((a) => a.id) }, now);
  for (const c of accepted.slice(0, 16)) addToAgenda(db, organiser, meeting.id, c.id, now);
  publishAgenda(db, organiser, meeting.id, now);
  // The key is read here so a missing DATA_KEY fails before the server starts, not in its first request.
  scriptCipher();
  return { caseIds: accepted.map((c) => c.id), caseNumbers: accepted.map((c) => c.caseNumber), meetingId: meeting.id };
}
