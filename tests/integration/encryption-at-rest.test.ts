import { readFileSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase } from "~/db/backup";
import { makeAgency } from "~/db/factories";
import { caseVictims } from "~/db/schema";
import { readCase } from "~/server/cases/case-store";
import { ENCRYPTED_TAGS } from "~/server/cases/sealing";
import { getAppCipher } from "~/server/crypto/app-cipher";
import { createFieldCipher, DecryptionError } from "~/server/crypto/field-cipher";
import { makeMarkerCaseWithTokens } from "~/server/domain/testing/fixtures";
import { importReferrals } from "~/server/services/case-import";
import { ensureSettings } from "~/server/services/settings";
import { createTestDb } from "../helpers/test-db";
import { asReferral, importFile } from "../helpers/referrals";

describe("encryption at rest", () => {
  const t = createTestDb();
  const built = makeMarkerCaseWithTokens("ATREST");
  const backup = join(dirname(t.file), "backup.db");
  let caseId = "";

  beforeAll(async () => {
    ensureSettings(t.db, "Test", new Date());
    makeAgency(t.db, { name: "Police", type: "police" });
    const res = importReferrals(t.db, getAppCipher(), null, importFile(asReferral(built.record, "Police")), new Date());
    if (!res.ok) throw new Error(JSON.stringify(res.issues));
    caseId = t.db.select().from(caseVictims).get()?.caseId ?? "";
    await backupDatabase(t.db, backup);
  });
  afterAll(() => t.cleanup());

  // Free text is sealed whole, so every sentence token counts, whatever its tags.
  const secret = () => built.tokens.filter((tok) => tok.path.includes("#") || tok.tags.some((tag) => ENCRYPTED_TAGS.has(tag)));

  it("has secret markers to look for", () => {
    expect(secret().length).toBeGreaterThan(20);
  });

  it.each(["database", "wal", "backup"])("no secret marker appears in the raw %s file", (which) => {
    const file = which === "database" ? t.file : which === "wal" ? `${t.file}-wal` : backup;
    expect(existsSync(file)).toBe(true);
    const raw = readFileSync(file).toString("latin1");
    expect(raw.length).toBeGreaterThan(0);
    for (const tok of secret()) expect(raw, `${tok.path} in ${which}`).not.toContain(tok.token);
    // Untagged names stay searchable in clear: the test would notice if nothing was written at all.
    const all = readFileSync(t.file).toString("latin1") + readFileSync(`${t.file}-wal`).toString("latin1");
    expect(all).toContain(built.record.victim.name);
  });

  it("reads the case back whole", () => {
    const loaded = readCase(t.db, getAppCipher(), caseId);
    expect(loaded?.record.victim.address).toBe(built.record.victim.address);
    expect(loaded?.record.narrative.text).toBe(built.record.narrative.text);
  });

  it("refuses a value moved to another row, and a wrong key", () => {
    const cipher = getAppCipher();
    const sealed = cipher.seal("secret", "case_victims:a:address");
    expect(() => cipher.open(sealed, "case_victims:b:address")).toThrow(DecryptionError);
    expect(() => cipher.open(sealed, "case_victims:a:phone")).toThrow(DecryptionError);
    expect(() => createFieldCipher(Buffer.alloc(32, 1)).open(sealed, "case_victims:a:address")).toThrow(DecryptionError);
    expect(cipher.open(sealed, "case_victims:a:address")).toBe("secret");
    expect(cipher.seal("secret", "x")).not.toBe(cipher.seal("secret", "x"));
  });
});
