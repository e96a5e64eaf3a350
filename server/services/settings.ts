import { and, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { preparedQuery } from "~/db/prepared";
import { maracSettings } from "~/db/schema";
import { writeAudit } from "~/server/audit/log";
import { AppError, staleVersion } from "~/server/errors";
import type { TUpdateSettings } from "~/server/schemas/admin";
import { changedFields, pick } from "./changes";
import type { SessionUser } from "./sessions";

const SETTINGS_ID = 1;

// Read for every page's header: built once per connection.
const settingsRow = preparedQuery((db) => db.select().from(maracSettings).where(eq(maracSettings.id, SETTINGS_ID)).prepare());

export function getSettings(db: Db) {
  const row = settingsRow(db).get();
  if (!row) throw new AppError("NOT_FOUND", "This MARAC has no settings yet. Run `npm run db:seed` or create them as an admin.");
  return row;
}

/** Creates the settings row with SafeLives defaults if it is missing (first run of a real area). */
export function ensureSettings(db: Db, name: string, now: Date, caseNumberPrefix = "MARAC") {
  db.insert(maracSettings).values({ id: SETTINGS_ID, name, caseNumberPrefix, updatedAt: now }).onConflictDoNothing().run();
  return getSettings(db);
}

export function updateSettings(db: Db, actor: SessionUser, input: TUpdateSettings, now: Date) {
  return db.transaction((tx) => {
    const before = tx.select().from(maracSettings).where(eq(maracSettings.id, SETTINGS_ID)).get();
    if (!before) throw new AppError("NOT_FOUND", "This MARAC has no settings yet.");
    if (before.version !== input.version) throw staleVersion("MARAC's settings");
    const { version, ...fields } = input;
    const fieldsChanged = changedFields(before, fields);
    const row = tx
      .update(maracSettings)
      .set({ ...fields, version: version + 1, updatedAt: now })
      .where(and(eq(maracSettings.id, SETTINGS_ID), eq(maracSettings.version, version)))
      .returning()
      .get();
    if (!row) throw staleVersion("MARAC's settings");
    // The statement's wording is long: the audit says it changed, not what it now says.
    writeAudit(tx, { at: now, actorUserId: actor.id, action: "settings.updated", targetType: "settings", targetId: String(SETTINGS_ID), details: { fieldsChanged, to: pick(fields, fieldsChanged.filter((f) => f !== "confidentialityStatement")) } });
    return row;
  });
}
