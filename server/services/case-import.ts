import type { Db } from "~/db/client";
import { agencies } from "~/db/schema";
import { writeAudit } from "~/server/audit/log";
import { bulkWriter, importPlanner, prepareCase, type PlannedCase, type PreparedCase } from "~/server/cases/bulk-intake";
import { ZReferralImportFile } from "~/server/cases/import-schema";
import type { IntakeOptions } from "~/server/cases/intake";
import { issuesOf, type ImportIssue } from "~/server/cases/issues";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import { normaliseName } from "~/server/domain/names";
import { getSettings } from "./settings";
import type { SessionUser } from "./sessions";

/** Referrals prepared so far, of all in the file: reported once the whole file has passed its checks. */
export type ImportProgress = { done: number; total: number };

/** How often progress is reported while preparing, in referrals. */
export const PROGRESS_EVERY = 250;

/**
 * SQLite's page cache while an import writes, in KiB (the default is 2,000): the cases are keyed
 * by random ids, so every index takes writes all over, and with a small cache its pages are
 * spilled and read back again and again within the one transaction.
 */
const IMPORT_CACHE_KIB = 65_536;

/** Runs `write` with the larger page cache, then gives the connection back as it was. */
function withImportCache<T>(db: Db, write: () => T): T {
  const before = db.$client.pragma("cache_size", { simple: true }) as number;
  db.$client.pragma(`cache_size = ${-IMPORT_CACHE_KIB}`);
  try {
    return write();
  } finally {
    db.$client.pragma(`cache_size = ${before}`);
  }
}

export type ImportResult = { ok: true; caseNumbers: string[]; caseIds: string[] } | { ok: false; issues: ImportIssue[] };

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type ImportOptions = {
  onProgress?: (p: ImportProgress) => void;
  /** Runs inside the import's transaction after the last case, so what it writes commits with them (the job's outcome). */
  alsoWrite?: (tx: Tx, caseNumbers: string[]) => void;
};

/**
 * What the plan read from the database: case numbers, every case's version (an edit bumps it, so
 * a changed victim shows), the agencies and the settings. If it differs when the write begins, a
 * case was added, edited or removed in between and the plan is made again (decision 081).
 */
function snapshotOf(db: Db): string {
  const client = db.$client;
  return JSON.stringify([
    client.prepare("SELECT year, last FROM case_number_sequences ORDER BY year").raw().all(),
    client.prepare("SELECT count(*), total(version) FROM cases").raw().get(),
    client.prepare("SELECT id, name FROM agencies ORDER BY id").raw().all(),
    getSettings(db),
  ]);
}

/** A file that passed every check, planned in the order it will be written (oldest first). */
export type ImportPlan = {
  snapshot: string;
  opts: Omit<IntakeOptions, "referringAgencyId">;
  /** Each planned case with its place in the file. */
  cases: { at: number; planned: PlannedCase }[];
  sequences: [number, number][];
  actor: SessionUser | null;
  now: Date;
  /** The checked referrals, kept to plan again if the database changed before the write. */
  referrals: PlannedCase["referral"][];
};

/** Checks the whole file and plans it, reading the database but writing nothing: issues, or the plan. */
export function planImport(db: Db, actor: SessionUser | null, document: unknown, now: Date): { ok: true; plan: ImportPlan } | { ok: false; issues: ImportIssue[] } {
  const parsed = ZReferralImportFile.safeParse(document);
  if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
  const plan = planReferrals(db, actor, parsed.data.referrals, now);
  return plan.ok ? plan : { ok: false, issues: plan.issues };
}

function planReferrals(db: Db, actor: SessionUser | null, referrals: ImportPlan["referrals"], now: Date): { ok: true; plan: ImportPlan } | { ok: false; issues: ImportIssue[] } {
  // Read in one snapshot, so the plan and its fingerprint agree.
  return db.transaction(
    () => {
      const snapshot = snapshotOf(db);
      const byName = new Map(db.select({ id: agencies.id, name: agencies.name }).from(agencies).all().map((a) => [normaliseName(a.name), a.id]));
      const issues: ImportIssue[] = [];
      referrals.forEach((r, i) => {
        if (!byName.has(normaliseName(r.referring.agencyName))) {
          issues.push({ path: `$.referrals[${i}].referring.agencyName`, message: `There is no agency called "${r.referring.agencyName}" in this MARAC area. Use an agency name exactly as the admin set it up.` });
        }
      });
      if (issues.length > 0) return { ok: false as const, issues };
      const settings = getSettings(db);
      const planner = importPlanner(db, settings.caseNumberPrefix);
      // Oldest first, so a later referral of the same victim in the same file is found as a repeat.
      const order = referrals.map((r, at) => ({ r, at })).sort((a, b) => a.r.referring.referralDate.localeCompare(b.r.referring.referralDate) || a.at - b.at);
      const cases = order.map(({ r, at }) => ({ at, planned: planner.plan(r, byName.get(normaliseName(r.referring.agencyName)) ?? null) }));
      const opts = { createdByUserId: actor?.id ?? null, now, settings, criteriaFromSource: true };
      return { ok: true as const, plan: { snapshot, opts, cases, sequences: planner.sequences(), actor, now, referrals } };
    },
    { behavior: "deferred" },
  );
}

/** The plan made again if the database changed since it was made (a case added, edited or removed), else null. */
export function stalePlanRedone(db: Db, plan: ImportPlan): { ok: true; plan: ImportPlan } | { ok: false; issues: ImportIssue[] } | null {
  return snapshotOf(db) === plan.snapshot ? null : planReferrals(db, plan.actor, plan.referrals, plan.now);
}

/** Prepares every case of the plan on this thread, in order. */
export function preparePlan(cipher: FieldCipher, plan: ImportPlan, onProgress?: (p: ImportProgress) => void): PreparedCase[] {
  const total = plan.cases.length;
  return plan.cases.map(({ planned }, n) => {
    const prepared = prepareCase(cipher, planned, plan.opts);
    if ((n + 1) % PROGRESS_EVERY === 0) onProgress?.({ done: n + 1, total });
    return prepared;
  });
}

/**
 * Writes prepared cases in one transaction: all or nothing, the lock held only for the INSERTs.
 * If the database changed since the plan (a referral or an edit in between), the file is planned
 * and prepared again inside the transaction, so the result is what it would have been.
 */
export function writeImport(db: Db, cipher: FieldCipher, plan: ImportPlan, prepared: Iterable<PreparedCase>, { alsoWrite }: Pick<ImportOptions, "alsoWrite"> = {}): ImportResult {
  const written = withImportCache(db, () =>
    db.transaction((tx) => {
      let current: { plan: ImportPlan; prepared: Iterable<PreparedCase> } = { plan, prepared };
      const again = stalePlanRedone(db, plan);
      if (again && !again.ok) return again;
      if (again) current = { plan: again.plan, prepared: preparePlan(cipher, again.plan) };
      const writer = bulkWriter(db);
      const numbers: string[] = new Array<string>(current.plan.cases.length);
      const ids: string[] = new Array<string>(current.plan.cases.length);
      let n = 0;
      for (const c of current.prepared) {
        const planned = current.plan.cases[n];
        // Prepared cases come back in the plan's order: anything else is a bug, and nothing is written.
        if (planned?.planned.caseId !== c.caseId) throw new Error("A prepared case is out of the plan's order");
        writer.write(c);
        const { at } = planned;
        numbers[at] = c.caseNumber;
        ids[at] = c.caseId;
        n += 1;
      }
      if (n !== current.plan.cases.length) throw new Error(`Prepared ${n} cases of ${current.plan.cases.length}`);
      writer.finish(current.plan.sequences);
      writeAudit(tx, { at: plan.now, actorUserId: plan.actor?.id ?? null, action: "cases.imported", targetType: "case", details: { count: numbers.length, caseNumbers: numbers } });
      alsoWrite?.(tx, numbers);
      return { ok: true as const, caseNumbers: numbers, caseIds: ids };
    }),
  );
  return written;
}

/**
 * Imports a referrals document (docs/import-format.md). The whole file is validated first, and
 * every problem is reported with its JSON path; nothing is written unless every record is valid.
 * Each referral goes through the same intake as the referral form (detector suggestions, score,
 * repeat detection). Every case is prepared first, on this thread, then all are written in one
 * transaction (decision 081); `onProgress` hears how many are prepared as it goes.
 * `importReferralsInPool` (case-import-pool.ts) does the same with the preparing spread over threads.
 */
export function importReferrals(db: Db, cipher: FieldCipher, actor: SessionUser | null, document: unknown, now: Date, { onProgress, alsoWrite }: ImportOptions = {}): ImportResult {
  const planned = planImport(db, actor, document, now);
  if (!planned.ok) return planned;
  const { plan } = planned;
  const total = plan.cases.length;
  onProgress?.({ done: 0, total });
  const prepared = preparePlan(cipher, plan, onProgress);
  const result = writeImport(db, cipher, plan, prepared, { alsoWrite });
  onProgress?.({ done: total, total });
  return result;
}
