import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, migrateDb, type Db } from "~/db/client";

/** A fresh SQLite file in a temporary folder with the committed migrations applied. */
export function createTestDb(): { db: Db; file: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "marac-test-"));
  const file = join(dir, "test.db");
  const db = createDb(file);
  migrateDb(db);
  return {
    db,
    file,
    cleanup: () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
