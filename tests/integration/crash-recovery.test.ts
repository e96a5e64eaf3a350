import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, migrateDb } from "~/db/client";
import { makeAgency } from "~/db/factories";
import { env } from "~/env";
import { verifyAuditChain } from "~/server/audit/chain";
import { verifySealedValues } from "~/server/cases/verify-sealed";
import { getAppCipher } from "~/server/crypto/app-cipher";
import { buildCase } from "~/server/domain/testing/build-case";
import { randomSource } from "~/server/domain/testing/sources";
import { ensureSettings } from "~/server/services/settings";
import { meetingWithCase } from "../helpers/meeting";
import { asReferral, importFile } from "../helpers/referrals";
import { createTestDb } from "../helpers/test-db";

/**
 * Issue #14 §5: a process killed with SIGKILL in the middle of a write leaves a sound database,
 * with the write either whole or absent: a 10,000-case import, and meeting notes being saved.
 */
// The app key of the test environment: the parent writes cases with it, the children write beside them.
const KEY = env.DATA_KEY;
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill("SIGKILL")));

function start(args: string[], env: Record<string, string> = {}): ChildProcess {
  // The child inherits this environment (PATH, the test settings); nothing here is read as configuration.
  // eslint-disable-next-line no-restricted-properties
  const inherited = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { env: { ...inherited, DATA_KEY: KEY, AUTH_SECRET: "crash-only-Pq7Lx2Vz9Rk4Tm8Nw3Hc6Jd1Bf5Gs0Y", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  return child;
}

/** Resolves once `ready()` holds, polling; rejects if the child exits first. */
function until(child: ChildProcess, ready: () => boolean, what: string, log: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (ready()) {
        clearInterval(timer);
        resolve();
      }
    }, 20);
    child.once("exit", (code) => {
      clearInterval(timer);
      reject(new Error(`the child exited (${String(code)}) before ${what}: ${log().slice(0, 2000)}`));
    });
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

const walSize = (file: string) => (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);

describe("killed mid-write", () => {
  it("a 10,000-case import killed while writing leaves a sound database holding none of it", async () => {
    const t = createTestDb();
    try {
      ensureSettings(t.db, "Crash MARAC", new Date(), "CR");
      makeAgency(t.db, { name: "Northshire Police", type: "police" });
      const referrals = Array.from({ length: 10_000 }, (_, i) => asReferral(buildCase(randomSource(i + 1)).record, "Northshire Police"));
      const file = join(dirname(t.file), "import.json");
      writeFileSync(file, JSON.stringify(importFile(...referrals)));
      t.db.$client.pragma("wal_checkpoint(TRUNCATE)");
      const child = start(["scripts/import.ts", file], { DATABASE_URL: t.file });
      let output = "";
      child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
      child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
      // Pages of the import's one transaction spill into the write-ahead log before it commits.
      await until(child, () => walSize(t.file) > 4 * 1024 * 1024, "the import began writing", () => output);
      await killed(child);
      expect(output).not.toContain("Imported");

      const db = createDb(t.file);
      try {
        expect(db.$client.pragma("integrity_check", { simple: true })).toBe("ok");
        expect(db.$client.prepare("select count(*) as n from cases").get()).toEqual({ n: 0 });
        expect(db.$client.prepare("select count(*) as n from case_victims").get()).toEqual({ n: 0 });
        expect(db.$client.prepare("select count(*) as n from case_name_tokens").get()).toEqual({ n: 0 });
        // The database still takes an import after the crash.
        migrateDb(db);
      } finally {
        db.$client.close();
      }
    } finally {
      t.cleanup();
    }
  }, 300_000);

  it("notes being saved when the process is killed are whole: every save is with its audit entry, and every sealed value opens", async () => {
    const t = createTestDb();
    try {
      const now = new Date();
      const { coordinator, meetingId, caseId } = await meetingWithCase(t, now, { reps: ["housing"], invite: ["housing"], date: "2027-01-14", publish: true });
      t.db.$client.close();
      const child = start(["tests/crash/save-notes-loop.ts", t.file, KEY, JSON.stringify(coordinator), meetingId, caseId]);
      let output = "";
      child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
      await until(child, () => output.includes("saving"), "it began saving", () => output);
      await new Promise((r) => setTimeout(r, 1500));
      await killed(child);

      const db = createDb(t.file);
      try {
        expect(db.$client.pragma("integrity_check", { simple: true })).toBe("ok");
        const notes = db.$client.prepare("select version from meeting_case_notes where meeting_id = ? and case_id = ?").get(meetingId, caseId) as { version: number };
        expect(notes.version).toBeGreaterThan(1);
        const saves = db.$client.prepare("select count(*) as n from audit_log where action = 'meeting.case_notes_saved' and target_id = ?").get(meetingId) as { n: number };
        expect(saves.n).toBe(notes.version);
        expect(verifyAuditChain(db).ok).toBe(true);
        expect(verifySealedValues(db, getAppCipher()).failures).toEqual([]);
      } finally {
        db.$client.close();
      }
    } finally {
      t.cleanup();
    }
  }, 120_000);
});
