import { TRPCError } from "@trpc/server";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "~/db/schema";
import { isSealed } from "~/server/crypto/field-cipher";
import { makeSampleCase } from "~/server/domain/testing/fixtures";
import type { SessionUser } from "~/server/services/sessions";
import { meetingWithCase } from "../helpers/meeting";
import { asReferral, importFile } from "../helpers/referrals";
import { confirmAllTexts } from "../helpers/review";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

/**
 * What every text column of the schema holds. A new text column fails this test until it is
 * classified here; a free-text column (one person writes, another reads) must also have reads
 * below that prove it reaches other agencies only through the projection.
 */
type Kind =
  | "identifier" // ids, emails, foreign keys, case numbers, name tokens
  | "enum"
  | "date or time"
  | "untagged name" // people's and agencies' names: untagged in the classification catalogue
  | "untagged fact" // written by the system or the admin, never case content (e.g. "NS-2026-0042 added")
  | "secret hash"
  | "audit detail" // ids, counts and untagged field names only (tested in the audit-view test)
  | "policy-derived tags" // the tags a viewer may not see: from the policy alone, whatever the case holds
  | "sealed case document" // catalogue-sealed per value, read only through project()
  | "sealed own draft" // read back only by its author and their agency's organisers
  | "sealed restricted fact" // a risk factor, tags, changed paths: sealed whole
  | "keyed digest"
  | "sealed secret" // an authenticator secret or an identity provider's client secret: sealed with the app cipher, never shown again
  | "browser header" // the User-Agent a browser sent at sign-in: shown summarised to the session's own user
  | "integrity hash" // the audit log's hash chain: digests of other columns
  | "sealed tagged text"; // free text: detector-tagged, sealed, read only through the projection

const COLUMNS: Record<string, Kind> = {
  "agencies.id": "identifier",
  "agencies.name": "untagged name",
  "agencies.type": "enum",
  "agenda_changes.meeting_id": "identifier",
  "agenda_changes.description": "untagged fact",
  "agenda_items.meeting_id": "identifier",
  "agenda_items.case_id": "identifier",
  "audit_log.actor_user_id": "identifier",
  "audit_log.actor_email": "identifier",
  "audit_log.action": "enum",
  "audit_log.target_type": "enum",
  "audit_log.target_id": "identifier",
  "audit_log.details": "audit detail",
  "audit_log.prev_hash": "integrity hash",
  "audit_log.hash": "integrity hash",
  "case_dash_answers.case_id": "identifier",
  "case_dash_answers.question_id": "identifier",
  "case_dash_answers.data": "sealed case document",
  "case_household_members.id": "identifier",
  "case_household_members.case_id": "identifier",
  "case_household_members.data": "sealed case document",
  "case_name_tokens.case_id": "identifier",
  "case_name_tokens.token": "identifier",
  "case_name_tokens.party": "enum",
  "case_narratives.case_id": "identifier",
  "case_narratives.sealed": "sealed case document",
  "case_perpetrators.id": "identifier",
  "case_perpetrators.case_id": "identifier",
  "case_perpetrators.name": "untagged name",
  "case_perpetrators.date_of_birth": "date or time",
  "case_perpetrators.data": "sealed case document",
  "case_repeat_links.case_id": "identifier",
  "case_repeat_links.earlier_case_id": "identifier",
  "case_repeat_links.kind": "enum",
  "case_repeat_links.status": "enum",
  "case_repeat_links.reason": "untagged fact",
  "case_repeat_links.decided_by_user_id": "identifier",
  "case_research.meeting_id": "identifier",
  "case_research.case_id": "identifier",
  "case_research.agency_id": "identifier",
  "case_research.shared_sealed": "sealed tagged text",
  "case_research.withheld_sealed": "sealed tagged text",
  "case_research.updated_by_user_id": "identifier",
  "case_revisions.case_id": "identifier",
  "case_revisions.user_id": "identifier",
  "case_revisions.changed_paths": "sealed restricted fact",
  "case_risk_flags.case_id": "identifier",
  "case_risk_flags.factor_id": "sealed restricted fact",
  "case_risk_flags.note_sealed": "sealed tagged text",
  "case_risk_flags.flagged_by_user_id": "identifier",
  "case_risk_flags.withdrawn_by_user_id": "identifier",
  "case_risk_flags.withdraw_reason_sealed": "sealed tagged text",
  "case_suggestion_removals.case_id": "identifier",
  "case_suggestion_removals.path": "identifier",
  "case_suggestion_removals.sentence_digest": "keyed digest",
  "case_suggestion_removals.tag": "sealed restricted fact",
  "case_suggestion_removals.reason_sealed": "sealed tagged text",
  "case_suggestion_removals.user_id": "identifier",
  "case_victim_views.case_id": "identifier",
  "case_victim_views.data": "sealed case document",
  "case_victims.case_id": "identifier",
  "case_victims.name": "untagged name",
  "case_victims.date_of_birth": "date or time",
  "case_victims.data": "sealed case document",
  "cases.id": "identifier",
  "cases.case_number": "identifier",
  "cases.status": "enum",
  "cases.referring_agency_id": "identifier",
  "cases.referring_agency_name": "untagged name",
  "cases.referral_date": "date or time",
  "cases.triaged_by_user_id": "identifier",
  "cases.decline_reason_sealed": "sealed tagged text",
  "cases.scored_with": "untagged fact",
  "cases.data": "sealed case document",
  "cases.created_by_user_id": "identifier",
  "disclosures.case_id": "identifier",
  "disclosures.user_id": "identifier",
  "disclosures.user_name": "untagged name",
  "disclosures.role": "enum",
  "disclosures.agency_id": "identifier",
  "disclosures.agency_name": "untagged name",
  "disclosures.agency_type": "enum",
  "disclosures.surface": "enum",
  "disclosures.tags_shown": "sealed restricted fact",
  "disclosures.tags_withheld": "policy-derived tags",
  // The server's words for the surface (a pack, minutes, editing): no person writes it (decision 024). Still sealed.
  "disclosures.purpose": "untagged fact",
  "marac_settings.name": "untagged fact",
  "marac_settings.case_number_prefix": "untagged fact",
  "marac_settings.confidentiality_statement": "untagged fact",
  "meeting_actions.meeting_id": "identifier",
  "meeting_actions.case_id": "identifier",
  "meeting_actions.description_sealed": "sealed tagged text",
  "meeting_actions.tags": "sealed restricted fact",
  "meeting_actions.owning_agency_id": "identifier",
  "meeting_actions.owner_name": "untagged name",
  "meeting_actions.due_date": "date or time",
  "meeting_actions.status": "enum",
  "meeting_actions.status_note_sealed": "sealed tagged text",
  "meeting_actions.created_by_user_id": "identifier",
  "meeting_case_notes.meeting_id": "identifier",
  "meeting_case_notes.case_id": "identifier",
  "meeting_case_notes.discussion_sealed": "sealed tagged text",
  "meeting_case_notes.risks_sealed": "sealed tagged text",
  "meeting_case_notes.safety_plan_sealed": "sealed tagged text",
  "meeting_invitations.meeting_id": "identifier",
  "meeting_invitations.agency_id": "identifier",
  "meeting_records.meeting_id": "identifier",
  // Per agency: attended, apologies or absent, and the professionals' names.
  "meeting_records.attendance": "untagged name",
  "meeting_records.statement_confirmed_by_user_id": "identifier",
  "meetings.id": "identifier",
  "meetings.date": "date or time",
  "meetings.time": "date or time",
  // A room or the online meeting's name, typed by the chair for invited agencies.
  "meetings.venue": "untagged fact",
  "meetings.chair_user_id": "identifier",
  "meetings.research_deadline": "date or time",
  "referral_drafts.id": "identifier",
  "referral_drafts.author_id": "identifier",
  "referral_drafts.agency_id": "identifier",
  "referral_drafts.sealed": "sealed own draft",
  "sessions.id": "identifier",
  "sessions.user_id": "identifier",
  "sessions.end_reason": "enum",
  "sessions.user_agent": "browser header",
  "sessions.sign_in_method": "enum",
  "import_jobs.id": "identifier",
  "import_jobs.started_by_user_id": "identifier",
  "import_jobs.status": "enum",
  "agency_identity_providers.agency_id": "identifier",
  "agency_identity_providers.issuer": "untagged fact",
  "agency_identity_providers.client_id": "identifier",
  "agency_identity_providers.client_secret": "sealed secret",
  "agency_identity_providers.allowed_domains": "untagged fact",
  "agency_identity_providers.change_id": "identifier",
  "recovery_codes.user_id": "identifier",
  "recovery_codes.digest": "keyed digest",
  "sign_in_failures.email": "identifier",
  "sign_in_locks.email": "identifier",
  "users.id": "identifier",
  "users.name": "untagged name",
  "users.email": "identifier",
  "users.totp_secret": "sealed secret",
  "users.totp_pending_secret": "sealed secret",
  "users.agency_id": "identifier",
  "users.role": "enum",
  "users.password_hash": "secret hash",
  "users.password_set_by_change_id": "identifier",
  "case_sealing_legacy.case_id": "identifier",
  "deletion_proposals.case_id": "identifier",
  "deletion_proposals.case_number": "identifier",
  "deletion_proposals.reason": "enum",
  "deletion_proposals.proposed_by_user_id": "identifier",
  "deletion_proposals.status": "enum",
  "deletion_proposals.decided_by_user_id": "identifier",
  "case_tombstones.case_id": "identifier",
  "case_tombstones.case_number": "identifier",
  "case_tombstones.referral_date": "date or time",
  "case_tombstones.reason": "enum",
  "case_tombstones.proposed_by_user_id": "identifier",
  "case_tombstones.approved_by_user_id": "identifier",
  "sign_in_address_failures.address": "keyed digest",
  "meeting_actions.status_note_agency_id": "identifier",
  "privileged_changes.id": "identifier",
  "privileged_changes.kind": "enum",
  "privileged_changes.target_type": "enum",
  "privileged_changes.target_id": "identifier",
  // An admin's proposed account, agency or policy-row values (names, emails, roles, types, categories): never case content or a password.
  "privileged_changes.change": "untagged fact",
  "privileged_changes.status": "enum",
  "privileged_changes.proposed_by": "identifier",
  "privileged_changes.decided_by": "identifier",
  "policy_versions.id": "identifier",
  "policy_versions.proposal_id": "identifier",
  "policy_versions.proposed_by": "identifier",
  "policy_versions.approved_by": "identifier",
  "policy_rows.policy_version_id": "identifier",
  "policy_rows.agency_type": "enum",
  "policy_rows.agency_id": "identifier",
  // The categories a policy row allows: the policy itself, whatever any case holds.
  "policy_rows.allow": "policy-derived tags",
  // The lawful basis the MARAC records per agency type: a fixed protocol text, never case content.
  "policy_rows.lawful_basis": "untagged fact",
  "case_overrides.id": "identifier",
  "case_overrides.case_id": "identifier",
  "case_overrides.agency_id": "identifier",
  // The category shared: it says what the case holds (decision 037).
  "case_overrides.tag": "sealed restricted fact",
  "case_overrides.reason_sealed": "sealed tagged text",
  // A reference to the MARAC decision ("MARAC 26/11/2026 item 3"): letters, digits and . / : , ( ) # - only.
  "case_overrides.decision_ref": "identifier",
  "case_overrides.end_date": "date or time",
  "case_overrides.recorded_by_user_id": "identifier",
  "case_overrides.revoked_by_user_id": "identifier",
  "case_overrides.revoke_reason_sealed": "sealed tagged text",
  "case_override_approvals.override_id": "identifier",
  "case_override_approvals.user_id": "identifier",
  "case_override_approvals.role": "enum",
  "case_override_items.override_id": "identifier",
  "case_override_items.item": "enum",
  // What she said about sharing an item with Immigration Enforcement.
  "case_override_items.victim_view": "sealed restricted fact",
  "case_override_items.view_note_sealed": "sealed tagged text",
  "case_override_items.proportionality_sealed": "sealed tagged text",
  "victim_tasks.override_id": "identifier",
  "victim_tasks.case_id": "identifier",
  "victim_tasks.due_date": "date or time",
  "victim_tasks.status": "enum",
  "victim_tasks.note_sealed": "sealed tagged text",
  "victim_tasks.completed_by_user_id": "identifier",
  // Notifications hold no free text: the sentence is built from these when read (decision 057).
  "notifications.user_id": "identifier",
  "notifications.kind": "enum",
  "notifications.case_id": "identifier",
  "notifications.case_number": "identifier",
  "notifications.meeting_date": "date or time",
  "notifications.due_date": "date or time",
  "notifications.link": "untagged fact",
  "notifications.dedupe_key": "identifier",
  "notifications.email_state": "enum",
};

function textColumns(): { table: string; column: string; key: string }[] {
  return (Object.values(schema) as unknown[])
    .filter((t): t is SQLiteTable => t instanceof SQLiteTable)
    .flatMap((t) => {
      const c = getTableConfig(t);
      return c.columns.filter((col) => col.getSQLType() === "text").map((col) => ({ table: c.name, column: col.name, key: `${c.name}.${col.name}` }));
    });
}

const columnsOf = (...kinds: Kind[]) => Object.entries(COLUMNS).filter(([, k]) => kinds.includes(k)).map(([key]) => key);

// The detector tags this sentence immigration; no agency but the IDVA and by-and-for services may read it.
const MARK = "She has an outstanding asylum claim and is NRPF.";
const LEAK = /asylum|NRPF/i;
const NOW = new Date("2026-11-28T10:00:00Z");

describe("every text column in db/schema is classified", () => {
  it("has no unclassified text column and no stale entry", () => {
    const keys = textColumns().map((c) => c.key);
    expect(keys.filter((k) => !(k in COLUMNS)), "classify these columns in COLUMNS").toEqual([]);
    expect(Object.keys(COLUMNS).filter((k) => !keys.includes(k)), "these columns no longer exist").toEqual([]);
  });
});

describe("free text and restricted facts reach other agencies only through the projection", () => {
  const t = createTestDb();
  type Api = ReturnType<Awaited<ReturnType<typeof meetingWithCase>>["api"]>;
  let api: (u: SessionUser) => Api;
  let coordinator: SessionUser;
  let housing: SessionUser;
  let ie: SessionUser;
  const ids = { meetingId: "", caseId: "", housingDeclined: "", ieDeclined: "" };

  /**
   * The reads that return each free-text column to a case worker. Each is called as a reader who
   * may see immigration (to prove the marker is there to find) and as housing and Immigration
   * Enforcement (to prove it never reaches them). A refusal counts as nothing received.
   */
  const READS: Record<string, ((a: Api) => Promise<unknown>)[]> = {
    "cases.decline_reason_sealed": [(a) => a.cases.declineReason({ caseId: ids.housingDeclined }), (a) => a.cases.declineReason({ caseId: ids.ieDeclined })],
    "case_research.shared_sealed": [(a) => a.meetings.research({ meetingId: ids.meetingId, caseId: ids.caseId })],
    "case_research.withheld_sealed": [(a) => a.meetings.research({ meetingId: ids.meetingId, caseId: ids.caseId })],
    "case_risk_flags.note_sealed": [(a) => a.cases.flags({ caseId: ids.caseId })],
    "case_risk_flags.withdraw_reason_sealed": [(a) => a.cases.flags({ caseId: ids.caseId })],
    "case_suggestion_removals.reason_sealed": [(a) => a.cases.removals({ caseId: ids.caseId })],
    "meeting_actions.description_sealed": [(a) => a.actions.forCase({ caseId: ids.caseId }), (a) => a.meetings.minutes({ meetingId: ids.meetingId })],
    "meeting_actions.status_note_sealed": [(a) => a.actions.forCase({ caseId: ids.caseId }), (a) => a.actions.mine(), (a) => a.actions.overdue()],
    "meeting_case_notes.discussion_sealed": [(a) => a.meetings.minutes({ meetingId: ids.meetingId })],
    "meeting_case_notes.risks_sealed": [(a) => a.meetings.minutes({ meetingId: ids.meetingId })],
    "meeting_case_notes.safety_plan_sealed": [(a) => a.meetings.minutes({ meetingId: ids.meetingId })],
    // Overrides are read by case holders only; agencies are refused (nothing received).
    "case_overrides.reason_sealed": [(a) => a.overrides.list({ caseId: ids.caseId }), (a) => a.overrides.tasks(), (a) => a.cases.sharingRecord({ caseId: ids.caseId })],
    "case_overrides.revoke_reason_sealed": [(a) => a.overrides.list({ caseId: ids.caseId })],
    "case_override_items.view_note_sealed": [(a) => a.overrides.list({ caseId: ids.caseId })],
    "case_override_items.proportionality_sealed": [(a) => a.overrides.list({ caseId: ids.caseId })],
    "victim_tasks.note_sealed": [(a) => a.overrides.tasks()],
  };

  const received = async (read: (a: Api) => Promise<unknown>, u: SessionUser) => {
    try {
      return JSON.stringify(await read(api(u)));
    } catch (e) {
      if (e instanceof TRPCError) return "";
      throw e;
    }
  };

  beforeAll(async () => {
    const m = await meetingWithCase(t, NOW, { reps: ["housing", "idva"], invite: ["housing", "idva"], date: "2026-11-26", publish: true });
    ({ api, coordinator } = m);
    ids.meetingId = m.meetingId;
    ids.caseId = m.caseId;
    housing = m.rep("housing");
    const idvaRep = m.rep("idva");
    const idva = await sessionUserFor(t.db, "idva", "idva");
    ie = await sessionUserFor(t.db, "agency_rep", "immigration_enforcement");
    const admin = await sessionUserFor(t.db, "admin", "police");

    // Referrals from housing and from Immigration Enforcement, declined with a reason naming her status.
    await api(admin).cases.import({ document: importFile(asReferral(makeSampleCase(), housing.agencyName), asReferral(makeSampleCase(), ie.agencyName)) });
    const referred = (await api(coordinator).cases.list({ status: "referred" })).rows;
    const numbers = new Map((await api(coordinator).triage.queue()).map((r) => [r.id, r.referringAgencyName]));
    ids.housingDeclined = referred.find((r) => numbers.get(r.id) === housing.agencyName)?.id ?? "";
    ids.ieDeclined = referred.find((r) => numbers.get(r.id) === ie.agencyName)?.id ?? "";
    for (const caseId of [ids.housingDeclined, ids.ieDeclined]) await api(coordinator).triage.decline({ caseId, reason: `Lives outside the area: referred on to Southshire. ${MARK}` });

    // An action housing owns, whose status note the chair writes; an action for the IDVA about her status.
    const { id: chain } = await api(coordinator).actions.create({ meetingId: ids.meetingId, caseId: ids.caseId, description: "Fit a door chain.", tags: [], owningAgencyId: housing.agencyId, ownerName: "Hannah", dueDate: "2026-11-27" });
    await api(coordinator).actions.updateStatus({ actionId: chain, version: 1, status: "open", note: `Chased on Friday. ${MARK}` });
    await api(coordinator).actions.create({ meetingId: ids.meetingId, caseId: ids.caseId, description: `Refer to specialist advice. ${MARK}`, tags: [], owningAgencyId: idvaRep.agencyId, ownerName: "Ines", dueDate: "2026-12-10" });

    // Flags: a note and a withdrawal reason, on a factor every agency may see.
    const { id: flag } = await api(idva).cases.addFlag({ caseId: ids.caseId, factorId: "stalking", note: `He waits outside her flat. ${MARK}` });
    await api(idva).cases.withdrawFlag({ flagId: flag, reason: `Entered on the wrong case. ${MARK}` });

    // A removed suggestion with a reason.
    const before = await api(idva).cases.forEditing({ caseId: ids.caseId });
    const text = `${(before.view.narrative as unknown as { text: string }).text} Her leave to remain depends on his sponsorship.`;
    const saved = await api(idva).cases.updateNarrative({ caseId: ids.caseId, version: before.version, text });
    const narrative = (await api(idva).cases.forEditing({ caseId: ids.caseId })).view.narrative as unknown as { spans: { start: number; end: number; tags: string[] }[] };
    const span = narrative.spans.findLast((s) => s.tags.includes("immigration"));
    if (!span) throw new Error("expected an immigration suggestion");
    await api(idva).cases.removeSuggestion({ caseId: ids.caseId, version: saved.version, start: span.start, end: span.end, tag: "immigration", reason: `Already shared by her. ${MARK}` });

    // Research and the chair's notes.
    await api(idvaRep).meetings.saveResearch({ meetingId: ids.meetingId, caseId: ids.caseId, version: null, shared: `Known to us since May. ${MARK}`, withheld: `Counselling notes. ${MARK}` });
    await api(coordinator).meetings.saveCaseNotes({ meetingId: ids.meetingId, caseId: ids.caseId, version: null, discussion: `Incidents shared. ${MARK}`, risks: `Homicide risk is high. ${MARK}`, safetyPlan: `Refer her for advice. ${MARK}` });
    // An override to housing, approved, its victim task completed, then revoked; one to Immigration Enforcement with an additional item.
    const { id: override } = await api(coordinator).overrides.record({ caseId: ids.caseId, agencyId: housing.agencyId, tag: "health", reason: `Needed for the move. ${MARK}`, decisionRef: "MARAC 26/11/2026 item 1", endDate: "2026-12-31" });
    await api(idva).overrides.approve({ overrideId: override });
    await api(idva).overrides.completeTask({ overrideId: override, outcome: "told", note: `Told her by phone. ${MARK}` });
    await api(idva).overrides.revoke({ overrideId: override, reason: `The move is done. ${MARK}` });
    const chair = await sessionUserFor(t.db, "chair", "police");
    await api(chair).overrides.record({
      caseId: ids.caseId,
      agencyId: ie.agencyId,
      tag: "safe_contact",
      reason: `Stops the removal he arranged, for her safety. ${MARK}`,
      decisionRef: "MARAC 26/11/2026 item 2",
      endDate: "2026-12-31",
      immigrationEnforcement: { thirdPartyConsidered: true, safetyConfirmed: true, items: [{ item: "date_of_birth" }, { item: "allegation_details", view: "impracticable", viewNote: `She is abroad. ${MARK}`, proportionality: `Only the dates. ${MARK}` }] },
    });
    // Reviewed with the detector's tags confirmed, so what stops the marker is its tag, not the review gate.
    for (const caseId of [ids.caseId, ids.housingDeclined, ids.ieDeclined]) await confirmAllTexts(api(coordinator), caseId);
  });
  afterAll(() => t.cleanup());

  it("has reads for every free-text column, and no others", () => {
    expect(Object.keys(READS).sort()).toEqual(columnsOf("sealed tagged text").sort());
  });

  it.each(columnsOf("sealed tagged text", "sealed restricted fact"))("stores %s sealed in every row", (key) => {
    const [table, column] = key.split(".") as [string, string];
    const values = (t.db.$client.prepare(`SELECT "${column}" AS v FROM "${table}" WHERE "${column}" IS NOT NULL`).all() as { v: string }[]).map((r) => r.v);
    expect(values.length, `the scenario writes ${key}`).toBeGreaterThan(0);
    for (const v of values) expect(isSealed(v), `${key}: ${v.slice(0, 40)}`).toBe(true);
  });

  it.each(Object.keys(READS))("returns %s to housing and Immigration Enforcement only through the projection", async (key) => {
    const reads = READS[key] ?? [];
    const forCoordinator = await Promise.all(reads.map((r) => received(r, coordinator)));
    expect(forCoordinator.some((s) => LEAK.test(s)), `the coordinator reads ${key}`).toBe(true);
    for (const u of [housing, ie]) for (const read of reads) expect(await received(read, u)).not.toMatch(LEAK);
  });

  it("gives the referring agency the rest of the decline reason", async () => {
    const reason = await api(housing).cases.declineReason({ caseId: ids.housingDeclined });
    expect(reason?.text).toBe("Lives outside the area: referred on to Southshire.");
    expect(reason?.notice).toMatch(/may be withheld/);
  });
});
