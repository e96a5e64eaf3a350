import type { TReferralInput } from "~/server/cases/import-schema";
import type { CaseRecord } from "~/server/domain/case/schema";

/** A case record as an import referral from the given agency (ids are assigned on import). */
export function asReferral(record: CaseRecord, agencyName: string, status: TReferralInput["status"] = "referred"): TReferralInput {
  const { caseId: _id, caseNumber: _n, ...rest } = record;
  return { ...rest, referring: { ...rest.referring, agencyName, agencyId: undefined }, status };
}

export function importFile(...referrals: TReferralInput[]) {
  return { format: "marac-desk.referrals" as const, version: 1 as const, referrals };
}
