import { sql } from "drizzle-orm";
import type { Db } from "~/db/client";

/**
 * The end of a sealed value: its authentication tag, which a fresh random nonce makes different
 * on every write, with its length. Enough to tell that a text was written again without opening it.
 */
const tail = (column: string) => `coalesce(length(${column}) || '~' || substr(${column}, -22), '-')`;

/**
 * For every case, a fingerprint of everything the review queue reads for it: the case's version
 * and status (every change to the case's own texts re-seals them under a new version), and the
 * sealed end, version and label sources of each flag note, action, research and minutes row.
 * When a case's fingerprint is unchanged its texts are too, and the queue need not open them
 * again (server/services/review.ts). It reads no sealed value whole and opens none.
 */
export function reviewFingerprints(db: Db): Map<string, string> {
  const out = new Map<string, string>();
  const add = (rows: { caseId: string; part: string | null }[], prefix: string) => {
    for (const r of rows) out.set(r.caseId, `${out.get(r.caseId) ?? ""}|${prefix}${r.part ?? ""}`);
  };
  add(db.all(sql.raw(`SELECT id AS caseId, status || ':' || version || ':' || ${tail("decline_reason_sealed")} AS part FROM cases`)), "c");
  add(
    db.all(sql.raw(`SELECT case_id AS caseId, group_concat(part, ',') AS part FROM (SELECT case_id, id || ':' || ${tail("factor_id")} || ':' || ${tail("note_sealed")} AS part FROM case_risk_flags ORDER BY id) GROUP BY case_id`)),
    "f",
  );
  add(
    db.all(
      sql.raw(
        `SELECT case_id AS caseId, group_concat(part, ',') AS part FROM (SELECT case_id, id || ':' || version || ':' || due_date || ':' || ${tail("description_sealed")} || ':' || ${tail("status_note_sealed")} AS part FROM meeting_actions ORDER BY id) GROUP BY case_id`,
      ),
    ),
    "a",
  );
  add(
    db.all(
      sql.raw(
        `SELECT case_id AS caseId, group_concat(part, ',') AS part FROM (SELECT r.case_id, r.meeting_id || ':' || r.agency_id || ':' || r.version || ':' || ${tail("r.shared_sealed")} || ':' || m.date || ':' || a.name AS part FROM case_research r JOIN meetings m ON m.id = r.meeting_id JOIN agencies a ON a.id = r.agency_id ORDER BY r.meeting_id, r.agency_id) GROUP BY case_id`,
      ),
    ),
    "r",
  );
  add(
    db.all(
      sql.raw(
        `SELECT case_id AS caseId, group_concat(part, ',') AS part FROM (SELECT n.case_id, n.meeting_id || ':' || n.version || ':' || ${tail("n.discussion_sealed")} || ':' || ${tail("n.risks_sealed")} || ':' || ${tail("n.safety_plan_sealed")} || ':' || m.date AS part FROM meeting_case_notes n JOIN meetings m ON m.id = n.meeting_id ORDER BY n.meeting_id) GROUP BY case_id`,
      ),
    ),
    "m",
  );
  return out;
}
