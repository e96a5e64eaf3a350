import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAgency } from "~/db/factories";
import { importJobs } from "~/db/schema";
import { createInnerContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";
import { getAppCipher } from "~/server/crypto/app-cipher";
import { buildCase } from "~/server/domain/testing/build-case";
import { randomSource } from "~/server/domain/testing/sources";
import { importReferrals, type ImportProgress } from "~/server/services/case-import";
import { importJobSettled, markInterruptedImports } from "~/server/services/import-jobs";
import { ensureSettings } from "~/server/services/settings";
import type { SessionUser } from "~/server/services/sessions";
import { asReferral, importFile } from "../helpers/referrals";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

/** Issue #14 §4: imports from the admin page run as jobs on a worker thread, with progress, all or nothing. */
describe("import jobs", () => {
  const t = createTestDb();
  let admin: SessionUser;
  let otherAdmin: SessionUser;
  const api = (user: SessionUser) => createCaller(createInnerContext({ db: t.db, user }));
  const referrals = (n: number, from = 1) => Array.from({ length: n }, (_, i) => asReferral(buildCase(randomSource(from + i)).record, "Job Police"));
  const count = (table: string) => (t.db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

  async function started(document: unknown, by = admin): Promise<string> {
    const res = await api(by).admin.imports.start({ document });
    if (!res.ok) throw new Error(JSON.stringify(res.issues));
    return res.jobId;
  }

  beforeAll(async () => {
    ensureSettings(t.db, "Job MARAC", new Date(), "JB");
    makeAgency(t.db, { name: "Job Police", type: "police" });
    admin = await sessionUserFor(t.db, "admin");
    otherAdmin = await sessionUserFor(t.db, "admin");
  });
  afterAll(() => t.cleanup());

  it("imports on a worker: running at first, then every case saved, with the numbers for the admin who started it", async () => {
    const jobId = await started(importFile(...referrals(30)));
    const running = await api(admin).admin.imports.get({ id: jobId });
    expect(running).toMatchObject({ status: "running", total: 30, caseNumbers: null, finishedAt: null });
    await importJobSettled(jobId);

    const done = await api(admin).admin.imports.get({ id: jobId });
    expect(done).toMatchObject({ status: "imported", total: 30, done: 30, importedCount: 30, problemCount: 0, issues: null });
    expect(done.caseNumbers).toHaveLength(30);
    expect(done.finishedAt).toBeInstanceOf(Date);
    expect(count("cases")).toBe(30);
    expect(t.db.$client.prepare("select count(*) as n from audit_log where action = 'cases.imported' and actor_user_id = ?").get(admin.id)).toEqual({ n: 1 });
    // Another admin sees the job's counts, not its case numbers.
    expect(await api(otherAdmin).admin.imports.get({ id: jobId })).toMatchObject({ status: "imported", importedCount: 30, caseNumbers: null });
    // The job row holds counts only.
    expect(Object.keys(t.db.select().from(importJobs).get() ?? {}).sort()).toEqual(["done", "finishedAt", "id", "importedCount", "problemCount", "startedAt", "startedByUserId", "status", "total"]);
  }, 120_000);

  it("a job whose row is finished before its result reaches the server's thread still shows the admin their case numbers", async () => {
    const jobId = await started(importFile(...referrals(4, 400)));
    // Hold this thread (as a busy server would) until the worker has committed: its result message cannot be handled meanwhile.
    const status = t.db.$client.prepare("select status from import_jobs where id = ?").pluck();
    const pause = new Int32Array(new SharedArrayBuffer(4));
    const until = Date.now() + 100_000;
    while (status.get(jobId) === "running" && Date.now() < until) Atomics.wait(pause, 0, 0, 20);
    const job = await api(admin).admin.imports.get({ id: jobId });
    expect(job).toMatchObject({ status: "imported", importedCount: 4 });
    expect(job.caseNumbers).toHaveLength(4);
    await importJobSettled(jobId);
  }, 120_000);

  it("refuses the whole file when one referral is wrong: nothing saved, every problem with its path", async () => {
    const before = count("cases");
    const rows = referrals(5, 100);
    const bad = { ...rows[3], victim: { ...rows[3]?.victim, dateOfBirth: "31/02/1990" } };
    const jobId = await started(importFile(...rows.slice(0, 3), bad as (typeof rows)[number], rows[4] as (typeof rows)[number]));
    await importJobSettled(jobId);
    const job = await api(admin).admin.imports.get({ id: jobId });
    expect(job).toMatchObject({ status: "refused", importedCount: 0, caseNumbers: null });
    expect(job.problemCount).toBeGreaterThan(0);
    expect(job.issues?.map((i) => i.path)).toContain("$.referrals[3].victim.dateOfBirth");
    expect(count("cases")).toBe(before);
  }, 120_000);

  it("refuses a file that is not a referrals file at once, without starting a job", async () => {
    const jobs = count("import_jobs");
    expect(await api(admin).admin.imports.start({ document: { format: "csv", referrals: [] } })).toMatchObject({ ok: false });
    expect(count("import_jobs")).toBe(jobs);
  });

  it("runs one import at a time", async () => {
    const jobId = await started(importFile(...referrals(3, 200)));
    await expect(api(admin).admin.imports.start({ document: importFile(...referrals(1, 300)) })).rejects.toSatisfy((e) => e instanceof TRPCError && e.code === "CONFLICT");
    await importJobSettled(jobId);
    expect((await api(admin).admin.imports.get({ id: jobId })).status).toBe("imported");
  }, 120_000);

  it("shows a job the server was running when it stopped as interrupted after a restart", () => {
    t.db.insert(importJobs).values({ id: crypto.randomUUID(), startedByUserId: admin.id, startedAt: new Date(), total: 10, status: "running" }).run();
    expect(markInterruptedImports(t.db, new Date())).toBe(1);
    expect(t.db.$client.prepare("select count(*) as n from import_jobs where status = 'running'").get()).toEqual({ n: 0 });
    expect(t.db.$client.prepare("select count(*) as n from import_jobs where status = 'interrupted'").get()).toEqual({ n: 1 });
  });

  it("reports progress while saving: in steps, never backwards, ending at the total", () => {
    const seen: ImportProgress[] = [];
    const result = importReferrals(t.db, getAppCipher(), null, importFile(...referrals(260, 400)), new Date(), { onProgress: (p) => seen.push(p) });
    expect(result.ok).toBe(true);
    expect(seen.map((p) => p.done)).toEqual([0, 250, 260]);
    expect(seen.every((p) => p.total === 260)).toBe(true);
  }, 120_000);
});
