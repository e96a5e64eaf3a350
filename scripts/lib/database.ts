import { createDb, migrateDb, type Db } from "../../db/client";
import { sealLegacyValues } from "../../server/cases/seal-legacy";
import { createFieldCipher, parseDataKey, type FieldCipher } from "../../server/crypto/field-cipher";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERS } from "../../db/seed/demo-area";
import { isEmpty, seedDemo } from "../../db/seed/seed-demo";

export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? "data/marac.db";
}

/** The at-rest cipher for scripts, from DATA_KEY (set it, or call ensureDemoSecrets first). */
export function scriptCipher(): FieldCipher {
  const key = process.env.DATA_KEY;
  if (!key) throw new Error("DATA_KEY is not set.");
  return createFieldCipher(parseDataKey(key));
}

/** Opens the database and applies the committed migrations. */
export function openMigrated(file = databaseUrl()): Db {
  const db = createDb(file);
  migrateDb(db);
  return db;
}

/** Seals values older versions stored in clear (decision 037); SQL migrations have no key to do it. */
export function sealLegacy(db: Db): void {
  const sealed = sealLegacyValues(db, scriptCipher());
  if (sealed > 0) console.log(`Sealed ${sealed} values written by an earlier version.`);
}

/** Seeds the demo area only into an empty database, so a second start keeps the data. */
export async function seedIfEmpty(db: Db, options: { enrolAuthenticators?: boolean } = {}): Promise<boolean> {
  if (!isEmpty(db)) return false;
  await seedDemo(db, scriptCipher(), new Date(), options);
  return true;
}

export function printDemoSignIns(db: Db, baseUrl: string): void {
  const present = new Set(
    db.$client.prepare("SELECT email FROM users WHERE active = 1").all().map((r) => (r as { email: string }).email),
  );
  const rows = DEMO_USERS.filter((u) => u.active && present.has(u.email));
  if (rows.length === 0) return;
  console.log(`\nMARAC Desk demo: ${baseUrl}\nDemo sign-ins (password for all: ${DEMO_PASSWORD}):`);
  for (const u of rows) console.log(`  ${u.role.padEnd(12)} ${u.email.padEnd(34)} ${u.name}`);
  console.log(`Admin, chair, coordinator and IDVA also need an authenticator code: add the demo secret\n  ${DEMO_TOTP_SECRET}\nto an authenticator app (time-based, 6 digits, 30 seconds).`);
  console.log("");
}
