import type { Db } from "~/db/client";
import { agencies } from "~/db/schema";
import { writeAudit } from "~/server/audit/log";
import { bulkIntake } from "~/server/cases/bulk-intake";
import { ZReferralImportFile } from "~/server/cases/import-schema";
import { issuesOf, type ImportIssue } from "~/server/cases/issues";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import { normaliseName } from "~/server/domain/names";
import { getSettings } from "./settings";
import type { SessionUser } from "./sessions";

/** Referrals saved so far, of all in the file: reported once the whole file has passed its checks. */
export type ImportProgress = { done: number; total: number };

/** How often progress is reported while saving, in referrals. */
const PROGRESS_EVERY = 250;

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

/**
 * Imports a referrals document (docs/import-format.md). The whole file is validated first, and
 * every problem is reported with its JSON path; nothing is written unless every record is valid.
 * Each referral goes through the same intake as the referral form (detector suggestions, score,
 * repeat detection). All cases are written in one transaction, through statements prepared once
 * (server/cases/bulk-intake.ts); `onProgress` hears how many are saved as it goes.
 */
type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type ImportOptions = {
  onProgress?: (p: ImportProgress) => void;
  /** Runs inside the import's transaction after the last case, so what it writes commits with them (the job's outcome). */
  alsoWrite?: (tx: Tx, caseNumbers: string[]) => void;
};

export function importReferrals(db: Db, cipher: FieldCipher, actor: SessionUser | null, document: unknown, now: Date, { onProgress, alsoWrite }: ImportOptions = {}): ImportResult {
  const parsed = ZReferralImportFile.safeParse(document);
  if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };

  const byName = new Map(db.select({ id: agencies.id, name: agencies.name }).from(agencies).all().map((a) => [normaliseName(a.name), a.id]));
  const issues: ImportIssue[] = [];
  parsed.data.referrals.forEach((r, i) => {
    if (!byName.has(normaliseName(r.referring.agencyName))) {
      issues.push({ path: `$.referrals[${i}].referring.agencyName`, message: `There is no agency called "${r.referring.agencyName}" in this MARAC area. Use an agency name exactly as the admin set it up.` });
    }
  });
  if (issues.length > 0) return { ok: false, issues };

  const settings = getSettings(db);
  const total = parsed.data.referrals.length;
  onProgress?.({ done: 0, total });
  const written = withImportCache(db, () => db.transaction((tx) => {
    const intake = bulkIntake(db, cipher, settings.caseNumberPrefix);
    // Oldest first, so a later referral of the same victim in the same file is found as a repeat.
    const order = parsed.data.referrals.map((r, i) => ({ r, i })).sort((a, b) => a.r.referring.referralDate.localeCompare(b.r.referring.referralDate) || a.i - b.i);
    const numbers: string[] = new Array<string>(order.length);
    const ids: string[] = new Array<string>(order.length);
    order.forEach(({ r, i }, n) => {
      const result = intake.add(r, {
        referringAgencyId: byName.get(normaliseName(r.referring.agencyName)) ?? null,
        createdByUserId: actor?.id ?? null,
        now,
        settings,
        criteriaFromSource: true,
      });
      numbers[i] = result.caseNumber;
      ids[i] = result.caseId;
      if ((n + 1) % PROGRESS_EVERY === 0) onProgress?.({ done: n + 1, total });
    });
    intake.finish();
    writeAudit(tx, { at: now, actorUserId: actor?.id ?? null, action: "cases.imported", targetType: "case", details: { count: numbers.length, caseNumbers: numbers } });
    alsoWrite?.(tx, numbers);
    return { numbers, ids };
  }));
  onProgress?.({ done: total, total });
  return { ok: true, caseNumbers: written.numbers, caseIds: written.ids };
}
