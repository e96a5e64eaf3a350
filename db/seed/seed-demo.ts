import { readFileSync } from "node:fs";
import { count, eq } from "drizzle-orm";
import type { Db } from "../client";
import { agencies, caseVictims, users } from "../schema";
import type { FieldCipher } from "../../server/crypto/field-cipher";
import type { Role } from "../../server/domain/roles";
import { createAgency } from "../../server/services/agencies";
import { importReferrals } from "../../server/services/case-import";
import { ensureSettings } from "../../server/services/settings";
import { createUser } from "../../server/services/users";
import { addRiskFlag } from "../../server/services/risk-flags";
import { reviewAllTexts } from "../../server/services/review";
import { DEMO_AGENCIES, DEMO_AREA_NAME, DEMO_FLAGS, DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERS } from "./demo-area";

export function isEmpty(db: Db): boolean {
  return (db.select({ n: count() }).from(agencies).get()?.n ?? 0) === 0;
}

/**
 * Seeds the demo area through the same services the admin pages and the importer use, so demo
 * data obeys the same rules (Immigration Enforcement never a member, roles that fit agencies,
 * referrals validated, free text run through the detector, values encrypted at rest).
 */
export const DEMO_CASES_FILE = "db/seed/demo-cases.json";

/** Demo roles that get the demo authenticator secret (the roles that must use one by default). */
const DEMO_AUTHENTICATOR_ROLES: readonly Role[] = ["admin", "chair", "coordinator", "idva"];

/**
 * `enrolAuthenticators: false` is for the end-to-end test server, which signs demo users in by
 * password only (it runs with AUTH_SECOND_FACTOR_ROLES=none; decision 052).
 */
export async function seedDemo(db: Db, cipher: FieldCipher, now = new Date(), { enrolAuthenticators = true } = {}): Promise<void> {
  ensureSettings(db, DEMO_AREA_NAME, now, "NS");
  const ids = new Map<string, string>();
  for (const a of DEMO_AGENCIES) {
    const row = createAgency(db, null, { name: a.name, type: a.type, isMaracMember: a.isMaracMember, active: true }, now);
    ids.set(a.key, row.id);
  }
  for (const u of DEMO_USERS) {
    const agencyId = ids.get(u.agency);
    if (!agencyId) throw new Error(`Demo user ${u.email} names unknown agency ${u.agency}`);
    const user = await createUser(db, null, { name: u.name, email: u.email, agencyId, role: u.role, active: u.active, password: DEMO_PASSWORD }, now);
    if (enrolAuthenticators && DEMO_AUTHENTICATOR_ROLES.includes(u.role)) {
      db.update(users).set({ totpSecret: cipher.seal(DEMO_TOTP_SECRET, `users:${user.id}:totp_secret`) }).where(eq(users.id, user.id)).run();
    }
  }
  // The demo cases arrive through the same import path a real MARAC uses.
  const result = importReferrals(db, cipher, null, JSON.parse(readFileSync(DEMO_CASES_FILE, "utf8")), now);
  if (!result.ok) throw new Error(`The demo cases do not import: ${result.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
  seedDemoFlags(db, cipher, now);
  reviewDemoTexts(db, cipher, now);
}

/** Left unreviewed, so the review queue has something to show. */
export const DEMO_UNREVIEWED_VICTIMS = ["Rosa Mendoza", "Tracey Dunmore"] as const;

/**
 * The demo IDVA confirms the suggestions on every demo text through the review service, as a
 * MARAC would before sharing; a few cases are left for the queue.
 */
function reviewDemoTexts(db: Db, cipher: FieldCipher, now: Date): void {
  const idva = db.select().from(users).where(eq(users.email, "idva@northshire.example")).get();
  if (!idva) return;
  const reviewer = { ...idva, agencyName: "", agencyType: "idva" as const, agencyIsMember: true, sessionId: "" };
  const skip = new Set(db.select({ caseId: caseVictims.caseId, name: caseVictims.name }).from(caseVictims).all().filter((v) => (DEMO_UNREVIEWED_VICTIMS as readonly string[]).includes(v.name)).map((v) => v.caseId));
  reviewAllTexts(db, cipher, reviewer, now, (caseId) => !skip.has(caseId));
}

/** A few risk-factor flags by the demo IDVA, so case pages show flags and their redaction. */
function seedDemoFlags(db: Db, cipher: FieldCipher, now: Date): void {
  const idva = db.select().from(users).where(eq(users.email, "idva@northshire.example")).get();
  if (!idva) return;
  const flagger = { ...idva, agencyName: "", agencyType: "idva" as const, agencyIsMember: true, sessionId: "" };
  for (const f of DEMO_FLAGS) {
    const victim = db.select({ caseId: caseVictims.caseId }).from(caseVictims).where(eq(caseVictims.name, f.victim)).get();
    if (victim) addRiskFlag(db, cipher, flagger, { caseId: victim.caseId, factorId: f.factorId, note: f.note }, now);
  }
}
