import { spawnSync } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeAgency } from "~/db/factories";
import { writeAudit } from "~/server/audit/log";
import { verifyAuditChain } from "~/server/audit/chain";
import { createTestDb } from "../helpers/test-db";

/** `npm run audit:verify -- FILE`, as a separate process. */
function runVerify(file: string): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/audit-verify.ts", file], { encoding: "utf8", timeout: 30_000 });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe("the audit log is hash-chained", () => {
  let t: ReturnType<typeof createTestDb>;
  beforeEach(() => {
    t = createTestDb();
    const agency = makeAgency(t.db, { type: "police" });
    for (let i = 0; i < 5; i++) writeAudit(t.db, { at: new Date(Date.UTC(2026, 10, 1, 9, i)), action: "agency.updated", targetType: "agency", targetId: agency.id, details: { fieldsChanged: ["name"], to: { name: `N${i}` } } });
  });
  afterEach(() => t.cleanup());

  /** Edits history the way someone with the database file could: triggers dropped, raw SQL. */
  function tamper(sql: string): void {
    const db = t.db.$client;
    db.exec("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;");
    db.exec(sql);
  }

  it("verifies an untouched log, and npm run audit:verify says OK", () => {
    expect(verifyAuditChain(t.db)).toMatchObject({ ok: true, entries: 5, unchained: 0 });
    const { code, out } = runVerify(t.file);
    expect(code).toBe(0);
    expect(out).toMatch(/^OK: 5 audit entries verified/);
  });

  it("finds an entry edited through raw SQL, and the script fails naming it", () => {
    tamper(`UPDATE audit_log SET details = '{"fieldsChanged":["name"],"to":{"name":"Forged"}}' WHERE id = 3`);
    expect(verifyAuditChain(t.db)).toMatchObject({ ok: false, id: 3, problem: expect.stringMatching(/was changed/) as unknown });
    const { code, out } = runVerify(t.file);
    expect(code).toBe(1);
    expect(out).toMatch(/BROKEN: audit entry 3/);
  });

  it("finds a removed entry", () => {
    tamper("DELETE FROM audit_log WHERE id = 2");
    expect(verifyAuditChain(t.db)).toMatchObject({ ok: false, id: 3, problem: expect.stringMatching(/does not link/) as unknown });
  });

  it("refuses a second entry chained to the same predecessor (a fork)", () => {
    const head = t.db.$client.prepare("SELECT prev_hash FROM audit_log WHERE id = 5").get() as { prev_hash: string };
    expect(() => t.db.$client.prepare("INSERT INTO audit_log (at, action, prev_hash, hash) VALUES (1, 'sign_out', ?, 'x')").run(head.prev_hash)).toThrow(/UNIQUE/);
  });
});
