import type { Db } from "~/db/client";
import { agencies } from "~/db/schema";
import { writeAudit } from "~/server/audit/log";
import { nextCaseNumber } from "~/server/cases/case-numbers";
import { writeCaseRows } from "~/server/cases/case-store";
import { ZReferralImportFile } from "~/server/cases/import-schema";
import { issuesOf, type ImportIssue } from "~/server/cases/issues";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import { caseRecordSchema } from "~/server/domain/case/schema";
import { normaliseName } from "~/server/domain/names";
import { withSuggestionsEverywhere } from "~/server/domain/suggest";
import { getSettings } from "./settings";
import type { SessionUser } from "./sessions";

export type ImportResult = { ok: true; caseNumbers: string[] } | { ok: false; issues: ImportIssue[] };

/**
 * Imports a referrals document (docs/import-format.md). The whole file is validated first, and
 * every problem is reported with its JSON path; nothing is written unless every record is valid.
 * Free text goes through the detector and its suggestions are stored as applied. All cases are
 * written in one transaction.
 */
export function importReferrals(db: Db, cipher: FieldCipher, actor: SessionUser | null, document: unknown, now: Date): ImportResult {
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

  const { caseNumberPrefix } = getSettings(db);
  const caseNumbers = db.transaction((tx) => {
    const numbers: string[] = [];
    for (const { status, ...referral } of parsed.data.referrals) {
      const caseNumber = nextCaseNumber(tx, caseNumberPrefix, Number(referral.referring.referralDate.slice(0, 4)));
      const agencyId = byName.get(normaliseName(referral.referring.agencyName)) ?? null;
      const record = withSuggestionsEverywhere(
        caseRecordSchema.parse({ ...referral, referring: { ...referral.referring, agencyId: agencyId ?? undefined }, caseId: crypto.randomUUID(), caseNumber }),
      );
      writeCaseRows(tx, cipher, record, {
        status,
        referringAgencyId: agencyId,
        acceptedAt: status === "accepted" || status === "closed" ? now : null,
        version: 1,
        createdAt: now,
        updatedAt: now,
        createdByUserId: actor?.id ?? null,
      });
      numbers.push(caseNumber);
    }
    writeAudit(tx, { at: now, actorUserId: actor?.id ?? null, action: "cases.imported", targetType: "case", details: { count: numbers.length, caseNumbers: numbers } });
    return numbers;
  });
  return { ok: true, caseNumbers };
}
