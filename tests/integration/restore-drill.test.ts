import { randomBytes } from "node:crypto";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase } from "~/db/backup";
import { createDb, migrateDb } from "~/db/client";
import { RestoreError, restoreDatabase } from "~/db/restore";
import { seedDemo } from "~/db/seed/seed-demo";
import { verifyAuditChain } from "~/server/audit/chain";
import { readCase } from "~/server/cases/case-store";
import { verifySealedValues } from "~/server/cases/verify-sealed";
import { createFieldCipher } from "~/server/crypto/field-cipher";
import { createTestDb } from "../helpers/test-db";

/**
 * The restore drill (issue #14 §5): back up the demo area, wipe the database, restore, and every
 * case reads as before and every sealed value opens. Bad backups are refused and change nothing.
 */
describe("backup, wipe and restore", () => {
  const t = createTestDb();
  const cipher = createFieldCipher(randomBytes(32));
  const dir = dirname(t.file);
  const backup = join(dir, "backup.db");
  const records = new Map<string, string>();
  let sealedBefore = 0;

  const everyCase = (db: ReturnType<typeof createDb>) =>
    (db.$client.prepare("select id from cases order by id").all() as { id: string }[]).map((r) => r.id);

  beforeAll(async () => {
    await seedDemo(t.db, cipher, new Date("2026-11-20T09:00:00Z"));
    for (const id of everyCase(t.db)) records.set(id, JSON.stringify(readCase(t.db, cipher, id)));
    const report = verifySealedValues(t.db, cipher);
    expect(report.failures).toEqual([]);
    sealedBefore = report.values;
    await backupDatabase(t.db, backup);
  }, 120_000);
  afterAll(() => t.cleanup());

  it("restores a wiped database: every case reads as before, every sealed value opens, the audit chain holds", async () => {
    t.db.$client.close();
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${t.file}${suffix}`, { force: true });
    expect(existsSync(t.file)).toBe(false);

    await restoreDatabase(backup, t.file);
    const db = createDb(t.file);
    migrateDb(db);
    try {
      expect(db.$client.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(records.size).toBeGreaterThan(10);
      expect(everyCase(db)).toEqual([...records.keys()]);
      for (const [id, before] of records) expect(JSON.stringify(readCase(db, cipher, id))).toBe(before);
      const report = verifySealedValues(db, cipher);
      expect(report.failures).toEqual([]);
      expect(report.values).toBe(sealedBefore);
      expect(verifyAuditChain(db).ok).toBe(true);
      // Under another key nothing opens: the check is a real decryption, not a count.
      const wrongKey = verifySealedValues(db, createFieldCipher(randomBytes(32)));
      expect(wrongKey.failures.length).toBe(wrongKey.values);
    } finally {
      db.$client.close();
    }
  });

  it("finds a sealed value copied into another row", () => {
    const copy = join(dir, "copied.db");
    rmSync(copy, { force: true });
    const raw = new Database(backup);
    raw.exec(`vacuum into '${copy}'`);
    raw.close();
    const db = createDb(copy);
    try {
      const flags = db.$client.prepare("select id, note_sealed from case_risk_flags order by id limit 2").all() as { id: number; note_sealed: string }[];
      const [first, second] = flags;
      if (!first || !second) throw new Error("The demo area has fewer than two flags.");
      db.$client.prepare("update case_risk_flags set note_sealed = ? where id = ?").run(first.note_sealed, second.id);
      expect(verifySealedValues(db, cipher).failures).toEqual([`case_risk_flags:${second.id}:note_sealed`]);
    } finally {
      db.$client.close();
    }
  });

  it("refuses a damaged file, a file that is not a MARAC Desk database and a backup from a newer version, leaving the database as it was", async () => {
    const target = join(dir, "live.db");
    await restoreDatabase(backup, target);
    const before = everyCase(createDb(target));

    const damaged = join(dir, "damaged.db");
    writeFileSync(damaged, randomBytes(8192));
    await expect(restoreDatabase(damaged, target)).rejects.toThrow(RestoreError);

    const other = join(dir, "other.db");
    const o = new Database(other);
    o.exec("create table notes (id integer primary key)");
    o.close();
    await expect(restoreDatabase(other, target)).rejects.toThrow(/not a MARAC Desk database/);

    const newer = join(dir, "newer.db");
    const n = new Database(backup);
    n.exec(`vacuum into '${newer}'`);
    n.close();
    const w = new Database(newer);
    w.prepare("insert into __drizzle_migrations (hash, created_at) values ('future', 99999999999999)").run();
    w.close();
    await expect(restoreDatabase(newer, target)).rejects.toThrow(/newer version/);

    await expect(restoreDatabase(target, target)).rejects.toThrow(/same file/);
    expect(everyCase(createDb(target))).toEqual(before);
  });
});
