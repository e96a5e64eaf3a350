import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { pruneBackups } from "~/db/backup";

describe("backups age out", () => {
  const dir = mkdtempSync(join(tmpdir(), "marac-backups-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const now = new Date("2026-06-01T00:00:00Z");
  const make = (name: string, daysOld: number) => {
    writeFileSync(join(dir, name), "x");
    const t = new Date(now.getTime() - daysOld * 86_400_000);
    utimesSync(join(dir, name), t, t);
  };

  it("deletes the backups older than the kept days, and nothing else", () => {
    make("marac-old.db", 40);
    make("marac-new.db", 3);
    make("notes.txt", 400);
    expect(pruneBackups(dir, 35, now)).toEqual(["marac-old.db"]);
    expect(readdirSync(dir).sort()).toEqual(["marac-new.db", "notes.txt"]);
    expect(pruneBackups(join(dir, "missing"), 35, now)).toEqual([]);
  });
});
