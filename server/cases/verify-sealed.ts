import type { Db } from "~/db/client";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import { readCase, readCaseSharing } from "./case-store";
import { PLACES } from "./sealed-values";

export interface SealedReport {
  readonly cases: number;
  readonly values: number;
  /** Where a value failed to open: table, row and column only, never content. */
  readonly failures: readonly string[];
}

type Row = Record<string, string | number | null>;

/**
 * Opens every sealed value in the database with the key in use: each case record through the
 * same reader the app uses, and every sealed column beside it at its own place. Used after a
 * restore (a backup taken under another key, or copied rows, fail here rather than in front of a
 * chair at the meeting). Values are opened and dropped; nothing is returned but counts and places.
 */
export function verifySealedValues(db: Db, cipher: FieldCipher): SealedReport {
  const failures: string[] = [];
  let values = 0;
  const attempt = (where: string, open: () => unknown) => {
    values += 1;
    try {
      open();
    } catch {
      failures.push(where);
    }
  };
  const rows = (sql: string) => db.$client.prepare(sql).all() as Row[];
  const s = (v: string | number | null | undefined) => String(v);

  const caseIds = rows("select id, decline_reason_sealed from cases");
  for (const c of caseIds) {
    const id = s(c.id);
    attempt(`cases:${id}`, () => {
      if (!readCase(db, cipher, id)) throw new Error("missing");
      readCaseSharing(db, cipher, id);
    });
    if (c.decline_reason_sealed !== null) attempt(`cases:${id}:decline_reason_sealed`, () => cipher.open(s(c.decline_reason_sealed), PLACES.declineReason(id)));
  }
  for (const r of rows("select case_id, version, changed_paths from case_revisions")) {
    attempt(`case_revisions:${s(r.case_id)}/${s(r.version)}`, () => cipher.open(s(r.changed_paths), PLACES.changedPaths(s(r.case_id), Number(r.version))));
  }
  for (const r of rows("select id, tag, reason_sealed from case_suggestion_removals")) {
    const id = Number(r.id);
    attempt(`case_suggestion_removals:${id}:tag`, () => cipher.open(s(r.tag), PLACES.removalTag(id)));
    attempt(`case_suggestion_removals:${id}:reason_sealed`, () => cipher.open(s(r.reason_sealed), PLACES.removalReason(id)));
  }
  for (const r of rows("select id, factor_id, note_sealed, withdraw_reason_sealed from case_risk_flags")) {
    const id = Number(r.id);
    attempt(`case_risk_flags:${id}:factor_id`, () => cipher.open(s(r.factor_id), PLACES.flagFactor(id)));
    attempt(`case_risk_flags:${id}:note_sealed`, () => cipher.open(s(r.note_sealed), PLACES.flagNote(id)));
    if (r.withdraw_reason_sealed !== null) attempt(`case_risk_flags:${id}:withdraw_reason_sealed`, () => cipher.open(s(r.withdraw_reason_sealed), PLACES.flagWithdrawReason(id)));
  }
  for (const r of rows("select id, description_sealed, tags, status_note_sealed from meeting_actions")) {
    const id = Number(r.id);
    attempt(`meeting_actions:${id}:description_sealed`, () => cipher.open(s(r.description_sealed), PLACES.actionDescription(id)));
    attempt(`meeting_actions:${id}:tags`, () => cipher.open(s(r.tags), PLACES.actionTags(id)));
    if (r.status_note_sealed !== null) attempt(`meeting_actions:${id}:status_note_sealed`, () => cipher.open(s(r.status_note_sealed), PLACES.actionStatusNote(id)));
  }
  for (const r of rows("select meeting_id, case_id, agency_id, shared_sealed, withheld_sealed from case_research")) {
    const [m, c, a] = [s(r.meeting_id), s(r.case_id), s(r.agency_id)];
    attempt(`case_research:${m}/${c}/${a}:shared_sealed`, () => cipher.open(s(r.shared_sealed), PLACES.research(m, c, a, "shared")));
    attempt(`case_research:${m}/${c}/${a}:withheld_sealed`, () => cipher.open(s(r.withheld_sealed), PLACES.research(m, c, a, "withheld")));
  }
  for (const r of rows("select meeting_id, case_id, discussion_sealed, risks_sealed, safety_plan_sealed from meeting_case_notes")) {
    const [m, c] = [s(r.meeting_id), s(r.case_id)];
    attempt(`meeting_case_notes:${m}/${c}:discussion_sealed`, () => cipher.open(s(r.discussion_sealed), PLACES.minutesNote(m, c, "discussion")));
    attempt(`meeting_case_notes:${m}/${c}:risks_sealed`, () => cipher.open(s(r.risks_sealed), PLACES.minutesNote(m, c, "risks")));
    if (r.safety_plan_sealed !== null) attempt(`meeting_case_notes:${m}/${c}:safety_plan_sealed`, () => cipher.open(s(r.safety_plan_sealed), PLACES.minutesNote(m, c, "safetyPlan")));
  }
  for (const r of rows("select id, case_id, user_id, tags_shown, purpose from disclosures")) {
    const [c, u] = [s(r.case_id), s(r.user_id)];
    attempt(`disclosures:${s(r.id)}:tags_shown`, () => cipher.open(s(r.tags_shown), PLACES.disclosureTagsShown(c, u)));
    if (r.purpose !== null) attempt(`disclosures:${s(r.id)}:purpose`, () => cipher.open(s(r.purpose), PLACES.disclosurePurpose(c, u)));
  }
  for (const r of rows("select id, sealed from referral_drafts")) {
    attempt(`referral_drafts:${s(r.id)}`, () => cipher.open(s(r.sealed), `referral_drafts:${s(r.id)}:content`));
  }
  return { cases: caseIds.length, values, failures };
}
