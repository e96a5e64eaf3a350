import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { preparedQuery } from "~/db/prepared";
import { disclosures, maracSettings } from "~/db/schema";
import { getAppCipher } from "~/server/crypto/app-cipher";
import { logDisclosure } from "~/server/services/disclosures";
import { ensureSettings } from "~/server/services/settings";
import { createTestDb } from "~/tests/helpers/test-db";
import { sessionUserFor } from "~/tests/helpers/users";

const NOW = new Date("2026-11-29T10:00:00Z");
const areaName = preparedQuery((db) => db.select({ name: maracSettings.name }).from(maracSettings).where(eq(maracSettings.id, sql.placeholder("id"))).prepare());

// Queries built once per connection (db/prepared.ts, decision 082).
describe("prepared queries", () => {
  let a: ReturnType<typeof createTestDb>;
  let b: ReturnType<typeof createTestDb>;
  beforeEach(() => {
    a = createTestDb();
    b = createTestDb();
    ensureSettings(a.db, "Area A", NOW);
    ensureSettings(b.db, "Area B", NOW);
  });
  afterEach(() => {
    a.cleanup();
    b.cleanup();
  });

  it("keeps one statement per database, never shared between two", () => {
    expect(areaName(a.db)).toBe(areaName(a.db));
    expect(areaName(a.db)).not.toBe(areaName(b.db));
    expect(areaName(a.db).get({ id: 1 })).toEqual({ name: "Area A" });
    expect(areaName(b.db).get({ id: 1 })).toEqual({ name: "Area B" });
    // Built first inside a transaction, it is still that database's statement afterwards.
    const c = createTestDb();
    try {
      ensureSettings(c.db, "Area C", NOW);
      const inTx = c.db.transaction((tx) => areaName(tx));
      expect(areaName(c.db)).toBe(inTx);
      expect(areaName(c.db).get({ id: 1 })).toEqual({ name: "Area C" });
    } finally {
      c.cleanup();
    }
  });

  it("runs inside the caller's transaction: it sees that transaction's own uncommitted write, and not after a rollback", () => {
    expect(() =>
      a.db.transaction((tx) => {
        expect(areaName(tx)).toBe(areaName(a.db));
        tx.update(maracSettings).set({ name: "Renamed" }).where(eq(maracSettings.id, 1)).run();
        expect(areaName(tx).get({ id: 1 })).toEqual({ name: "Renamed" });
        throw new Error("roll back");
      }),
    ).toThrow("roll back");
    expect(areaName(a.db).get({ id: 1 })).toEqual({ name: "Area A" });
  });

  it("writes a disclosure exactly as Drizzle's own insert of the same values does (each column's encoding applied)", async () => {
    const user = await sessionUserFor(a.db, "chair");
    logDisclosure(a.db, getAppCipher(), { at: NOW, caseId: "c1", user, surface: "case_page", tagsShown: [], tagsWithheld: ["immigration"], policyVersion: 3 });
    const logged = a.db.select().from(disclosures).get();
    if (!logged) throw new Error("no disclosure logged");
    const { id: _id, ...values } = logged;
    a.db.insert(disclosures).values(values).run();
    // Raw rows, as SQLite holds them: timestamps as milliseconds, lists as JSON, true as 1.
    const raw = a.db.$client.prepare("SELECT * FROM disclosures ORDER BY id").all() as Record<string, unknown>[];
    expect(raw).toHaveLength(2);
    const [mine, drizzles] = raw.map(({ id: _i, ...row }) => row);
    expect(mine).toEqual(drizzles);
    expect(mine).toMatchObject({ at: NOW.getTime(), tags_withheld: '["immigration"]', consultation: 1, purpose: null, policy_version: 3 });
  });
});
