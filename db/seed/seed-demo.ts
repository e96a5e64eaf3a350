import { count } from "drizzle-orm";
import type { Db } from "../client";
import { agencies } from "../schema";
import { createAgency } from "../../server/services/agencies";
import { ensureSettings } from "../../server/services/settings";
import { createUser } from "../../server/services/users";
import { DEMO_AGENCIES, DEMO_AREA_NAME, DEMO_PASSWORD, DEMO_USERS } from "./demo-area";

export function isEmpty(db: Db): boolean {
  return (db.select({ n: count() }).from(agencies).get()?.n ?? 0) === 0;
}

/**
 * Seeds the demo area through the same services the admin pages use, so demo data obeys the same
 * rules (Immigration Enforcement never a member, roles that fit agencies).
 */
export async function seedDemo(db: Db, now = new Date()): Promise<void> {
  ensureSettings(db, DEMO_AREA_NAME, now, "NS");
  const ids = new Map<string, string>();
  for (const a of DEMO_AGENCIES) {
    const row = createAgency(db, null, { name: a.name, type: a.type, isMaracMember: a.isMaracMember, active: true }, now);
    ids.set(a.key, row.id);
  }
  for (const u of DEMO_USERS) {
    const agencyId = ids.get(u.agency);
    if (!agencyId) throw new Error(`Demo user ${u.email} names unknown agency ${u.agency}`);
    await createUser(db, null, { name: u.name, email: u.email, agencyId, role: u.role, active: u.active, password: DEMO_PASSWORD }, now);
  }
}
