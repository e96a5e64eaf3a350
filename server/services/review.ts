import { and, asc, eq, max, ne } from "drizzle-orm";
import type { Db } from "~/db/client";
import { agencies, agendaItems, auditLog, caseResearch, caseRiskFlags, cases, caseVictims, meetingActions, meetingCaseNotes, meetings } from "~/db/schema";
import { writeAudit } from "~/server/audit/log";
import { readCase } from "~/server/cases/case-store";
import { NOTE_PARTS, openFreeText, PLACES, type NotePart } from "~/server/cases/sealed-values";
import { labelFor } from "~/server/cases/field-names";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import { listTaggedTexts, mapTaggedTexts } from "~/server/domain/case/map-texts";
import type { TaggedText } from "~/server/domain/case/text";
import { suggestionReason } from "~/server/domain/detector";
import { riskFactorById } from "~/server/domain/referral/risk-factors";
import { applyReview, confirmAllDecisions, confirmEveryDecision, type SentenceDecision, unsureDigests } from "~/server/domain/review/apply";
import { sha256Hex } from "~/server/domain/review/digest";
import { countUnreviewed, reviewSentencesOf } from "~/server/domain/review/review";
import { TAG_LABELS, type Tag } from "~/server/domain/tags";
import { AppError, staleVersion } from "~/server/errors";
import { recordSuggestionRemoval, updateCase } from "./case-edit";
import { openFactorId } from "./risk-flags";
import { assertCanOpenCase } from "./cases";
import { ukDate } from "./referral-submit";
import { reviewFingerprints } from "./review-fingerprints";
import type { SessionUser } from "./sessions";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Every free text of a case that a case holder reviews, named so it fits in a URL:
 * "case~narrative", "flag~12", "action~3", "research~<meetingId>~<agencyId>" (the shared part),
 * "minutes~<meetingId>~discussion", "status~3" (an action's status note), "decline" (the reason a
 * referral was declined, which its referring agency reads). The research an agency holds but does not share is never
 * shown to another agency, so it needs no review.
 */
type TextRef =
  | { kind: "case"; path: string }
  | { kind: "flag"; flagId: number }
  | { kind: "action"; actionId: number }
  | { kind: "status"; actionId: number }
  | { kind: "decline" }
  | { kind: "research"; meetingId: string; agencyId: string }
  | { kind: "minutes"; meetingId: string; part: NotePart };

const NOT_FOUND = "There is no such text on this case. It may have been removed.";

function parseRef(ref: string): TextRef {
  const [kind, a = "", b = ""] = ref.split("~");
  const n = Number(a);
  if (kind === "case" && a) return { kind, path: a };
  if (kind === "flag" && Number.isInteger(n) && n > 0) return { kind, flagId: n };
  if ((kind === "action" || kind === "status") && Number.isInteger(n) && n > 0) return { kind, actionId: n };
  if (kind === "decline" && !a) return { kind };
  if (kind === "research" && a && b) return { kind, meetingId: a, agencyId: b };
  if (kind === "minutes" && a && (NOTE_PARTS as readonly string[]).includes(b)) return { kind, meetingId: a, part: b as NotePart };
  throw new AppError("NOT_FOUND", NOT_FOUND);
}

/** A text found for review: what it is called, and how to write it back. */
interface Located {
  ref: string;
  label: string;
  /** Which kind of text, for the audit log: never a field path or content. */
  category: string;
  text: TaggedText;
  save: (tx: Tx, next: TaggedText, removed: readonly { sentence: string; tag: Tag }[], now: Date, by: SessionUser) => void;
}

const researchPlace = (meetingId: string, caseId: string, agencyId: string) => `case_research:${meetingId}/${caseId}/${agencyId}:shared`;
const MINUTES_PARTS = {
  discussion: { column: "discussionSealed", label: "discussion" },
  risks: { column: "risksSealed", label: "summary of risks" },
  safetyPlan: { column: "safetyPlanSealed", label: "safety plan agreed" },
} as const satisfies Record<NotePart, { column: string; label: string }>;
const open = (cipher: FieldCipher, sealed: string, place: string) => JSON.parse(cipher.open(sealed, place)) as TaggedText;

/** Every reviewable text of one case (or only the one named), read and decrypted. */
function locateTexts(tx: Tx | Db, cipher: FieldCipher, caseId: string, only?: TextRef): Located[] {
  const out: Located[] = [];
  const want = (kind: TextRef["kind"]) => !only || only.kind === kind;
  if (want("case")) {
    const loaded = readCase(tx, cipher, caseId);
    if (!loaded) throw new AppError("NOT_FOUND", "There is no case with that reference.");
    for (const { path, text } of listTaggedTexts(loaded.record)) {
      if (only?.kind === "case" && only.path !== path) continue;
      out.push({
        ref: `case~${path}`,
        label: labelFor(path),
        category: `case.${path.split(/[.[]/)[0] ?? "case"}`,
        text,
        save: (t, next, removed, now, user) => {
          updateCase(t, cipher, user, caseId, loaded.meta.version, (c) => mapTaggedTexts(c, (x, p) => (p === path ? next : x)), now, {
            spansEdited: true,
            alsoWrite: (inner) => {
              // "No tag" is a removal like any other: recorded, so the suggestion does not come back on an edit.
              for (const r of removed) {
                recordSuggestionRemoval(inner, cipher, { caseId, path, sentence: r.sentence, tag: r.tag, reason: "Reviewed by a case holder: no tag needed.", userId: user.id, at: now });
              }
            },
          });
        },
      });
    }
  }
  if (want("flag")) {
    for (const f of tx.select().from(caseRiskFlags).where(eq(caseRiskFlags.caseId, caseId)).orderBy(asc(caseRiskFlags.id)).all()) {
      if (only?.kind === "flag" && only.flagId !== f.id) continue;
      const place = PLACES.flagNote(f.id);
      out.push({
        ref: `flag~${f.id}`,
        label: `Risk flag note: ${riskFactorById(openFactorId(cipher, f))?.label ?? "risk factor"}`,
        category: "flag.note",
        text: open(cipher, f.noteSealed, place),
        save: (t, next) => void t.update(caseRiskFlags).set({ noteSealed: cipher.seal(JSON.stringify(next), place) }).where(eq(caseRiskFlags.id, f.id)).run(),
      });
    }
  }
  if (want("action")) {
    for (const a of tx.select().from(meetingActions).where(eq(meetingActions.caseId, caseId)).orderBy(asc(meetingActions.id)).all()) {
      if (only?.kind === "action" && only.actionId !== a.id) continue;
      const place = PLACES.actionDescription(a.id);
      out.push({
        ref: `action~${a.id}`,
        label: `Action due ${a.dueDate}`,
        category: "action.description",
        text: open(cipher, a.descriptionSealed, place),
        save: (t, next, _r, now) =>
          void t.update(meetingActions).set({ descriptionSealed: cipher.seal(JSON.stringify(next), place), version: a.version + 1, updatedAt: now }).where(eq(meetingActions.id, a.id)).run(),
      });
    }
  }
  if (want("status")) {
    for (const a of tx.select().from(meetingActions).where(eq(meetingActions.caseId, caseId)).orderBy(asc(meetingActions.id)).all()) {
      if (!a.statusNoteSealed || (only?.kind === "status" && only.actionId !== a.id)) continue;
      const place = PLACES.actionStatusNote(a.id);
      out.push({
        ref: `status~${a.id}`,
        label: `Status note on the action due ${a.dueDate}`,
        category: "action.status_note",
        text: openFreeText(cipher, a.statusNoteSealed, place),
        save: (t, next, _r, now) =>
          void t.update(meetingActions).set({ statusNoteSealed: cipher.seal(JSON.stringify(next), place), version: a.version + 1, updatedAt: now }).where(eq(meetingActions.id, a.id)).run(),
      });
    }
  }
  if (want("decline")) {
    const row = tx.select({ sealed: cases.declineReasonSealed }).from(cases).where(eq(cases.id, caseId)).get();
    if (row?.sealed) {
      const place = PLACES.declineReason(caseId);
      out.push({
        ref: "decline",
        label: "Reason for declining the referral",
        category: "triage.decline_reason",
        text: openFreeText(cipher, row.sealed, place),
        save: (t, next) => void t.update(cases).set({ declineReasonSealed: cipher.seal(JSON.stringify(next), place) }).where(eq(cases.id, caseId)).run(),
      });
    }
  }
  if (want("research")) {
    const rows = tx
      .select({ r: caseResearch, agencyName: agencies.name, date: meetings.date })
      .from(caseResearch)
      .innerJoin(agencies, eq(agencies.id, caseResearch.agencyId))
      .innerJoin(meetings, eq(meetings.id, caseResearch.meetingId))
      .where(eq(caseResearch.caseId, caseId))
      .all();
    for (const { r, agencyName, date } of rows) {
      if (only?.kind === "research" && (only.meetingId !== r.meetingId || only.agencyId !== r.agencyId)) continue;
      const place = researchPlace(r.meetingId, caseId, r.agencyId);
      const key = and(eq(caseResearch.meetingId, r.meetingId), eq(caseResearch.caseId, caseId), eq(caseResearch.agencyId, r.agencyId));
      out.push({
        ref: `research~${r.meetingId}~${r.agencyId}`,
        label: `Research from ${agencyName} for the meeting on ${date}`,
        category: "research.shared",
        text: open(cipher, r.sharedSealed, place),
        save: (t, next) => void t.update(caseResearch).set({ sharedSealed: cipher.seal(JSON.stringify(next), place), version: r.version + 1 }).where(key).run(),
      });
    }
  }
  if (want("minutes")) {
    const rows = tx
      .select({ n: meetingCaseNotes, date: meetings.date })
      .from(meetingCaseNotes)
      .innerJoin(meetings, eq(meetings.id, meetingCaseNotes.meetingId))
      .where(eq(meetingCaseNotes.caseId, caseId))
      .all();
    for (const { n, date } of rows) {
      for (const part of NOTE_PARTS) {
        if (only?.kind === "minutes" && (only.meetingId !== n.meetingId || only.part !== part)) continue;
        const sealed = n[MINUTES_PARTS[part].column];
        // A safety plan not yet written has nothing to review.
        if (sealed === null) continue;
        const place = PLACES.minutesNote(n.meetingId, caseId, part);
        const key = and(eq(meetingCaseNotes.meetingId, n.meetingId), eq(meetingCaseNotes.caseId, caseId));
        out.push({
          ref: `minutes~${n.meetingId}~${part}`,
          label: `Minutes of the meeting on ${date}: ${MINUTES_PARTS[part].label}`,
          category: `minutes.${part}`,
          text: open(cipher, sealed, place),
          save: (t, next, _r, now) => void t.update(meetingCaseNotes).set({ [MINUTES_PARTS[part].column]: cipher.seal(JSON.stringify(next), place), version: n.version + 1, updatedAt: now }).where(key).run(),
        });
      }
    }
  }
  return out;
}

/** Identifies the text exactly as the reviewer saw it: any change to it since then is a conflict. */
const versionOf = (text: TaggedText) => sha256Hex(JSON.stringify(text));

/** Cases on the agenda of the next meeting (today or later), in agenda order. */
function nextMeetingCases(db: Db, now: Date): { date: string | null; caseIds: string[] } {
  const next = db.select({ id: meetings.id, date: meetings.date }).from(meetings).where(ne(meetings.date, "")).orderBy(asc(meetings.date), asc(meetings.time)).all().find((m) => m.date >= ukDate(now));
  if (!next) return { date: null, caseIds: [] };
  const items = db.select({ caseId: agendaItems.caseId }).from(agendaItems).where(eq(agendaItems.meetingId, next.id)).orderBy(asc(agendaItems.position)).all();
  return { date: next.date, caseIds: items.map((i) => i.caseId) };
}

export type ReviewQueueCase = {
  caseId: string;
  caseNumber: string;
  victimName: string;
  onNextAgenda: boolean;
  texts: { ref: string; label: string; unreviewed: number }[];
};

/**
 * Unreviewed text across cases, for case holders: the next meeting's cases first (in agenda
 * order), then the rest by case number. Of a declined referral only the decline reason is listed.
 */
export function reviewQueue(db: Db, cipher: FieldCipher, now: Date): { nextMeetingDate: string | null; cases: ReviewQueueCase[] } {
  // Every change to text or agendas writes an audit entry, so the newest entry's id (and the day,
  // which moves "the next meeting") says whether the queue can have changed since it was last built:
  // the count in the navigation is on every page. The gate itself never reads this cache.
  const key = `${db.select({ id: max(auditLog.id) }).from(auditLog).get()?.id ?? 0}|${ukDate(now)}`;
  const cached = QUEUES.get(db);
  if (cached?.key === key) return cached.value;
  const value = buildQueue(db, cipher, now);
  QUEUES.set(db, { key, value });
  return value;
}

type Queue = { nextMeetingDate: string | null; cases: ReviewQueueCase[] };
const QUEUES = new WeakMap<Db, { key: string; value: Queue }>();
/** Each case's texts waiting for review as last counted, with the fingerprint they were counted at. */
const CASE_TEXTS = new WeakMap<Db, Map<string, { fingerprint: string; texts: ReviewQueueCase["texts"] }>>();

function buildQueue(db: Db, cipher: FieldCipher, now: Date): Queue {
  const next = nextMeetingCases(db, now);
  const rows = db
    .select({ caseId: cases.id, caseNumber: cases.caseNumber, victimName: caseVictims.name, status: cases.status })
    .from(cases)
    .innerJoin(caseVictims, eq(caseVictims.caseId, cases.id))
    .orderBy(asc(cases.caseNumber))
    .all();
  const rank = (id: string) => {
    const i = next.caseIds.indexOf(id);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  // Only cases whose texts changed since the last build are opened again (the rest are known).
  const fingerprints = reviewFingerprints(db);
  const known = CASE_TEXTS.get(db) ?? new Map<string, { fingerprint: string; texts: ReviewQueueCase["texts"] }>();
  const kept = new Map<string, { fingerprint: string; texts: ReviewQueueCase["texts"] }>();
  const textsOf = (caseId: string, status: string) => {
    const fingerprint = fingerprints.get(caseId) ?? "";
    const before = known.get(caseId);
    const texts = before && before.fingerprint === fingerprint ? before.texts : textsToReview(db, cipher, caseId, status);
    kept.set(caseId, { fingerprint, texts });
    return texts;
  };
  const queue = rows
    .map(({ status, ...r }) => ({ ...r, onNextAgenda: next.caseIds.includes(r.caseId), texts: textsOf(r.caseId, status) }))
    .filter((c) => c.texts.length > 0);
  CASE_TEXTS.set(db, kept);
  queue.sort((a, b) => rank(a.caseId) - rank(b.caseId) || a.caseNumber.localeCompare(b.caseNumber));
  return { nextMeetingDate: next.date, cases: queue };
}

/** One case's texts with sentences to review. A declined referral is never shared, but its referring agency reads why it was declined. */
function textsToReview(db: Db, cipher: FieldCipher, caseId: string, status: string): ReviewQueueCase["texts"] {
  return locateTexts(db, cipher, caseId, status === "declined" ? { kind: "decline" } : undefined)
    .map((t) => ({ ref: t.ref, label: t.label, unreviewed: countUnreviewed(t.text) }))
    .filter((t) => t.unreviewed > 0);
}

/** How many cases the warm-up counts before letting other work run. */
const WARM_SLICE = 10;

/**
 * After a start nothing is known, so the first build would open every case at once, on the only
 * thread, while every request waits (decision 070). This counts them beforehand, a few cases at
 * a time between requests. A case written meanwhile has a newer fingerprint than the one kept
 * here, so the next build opens it again.
 */
export async function warmReviewQueue(db: Db, cipher: FieldCipher): Promise<number> {
  const fingerprints = reviewFingerprints(db);
  const rows = db.select({ caseId: cases.id, status: cases.status }).from(cases).all();
  let counted = 0;
  for (let i = 0; i < rows.length; i += WARM_SLICE) {
    await new Promise((resolve) => setImmediate(resolve));
    // A build meanwhile replaces the map; keep adding to the current one.
    const known = CASE_TEXTS.get(db) ?? new Map<string, { fingerprint: string; texts: ReviewQueueCase["texts"] }>();
    CASE_TEXTS.set(db, known);
    for (const r of rows.slice(i, i + WARM_SLICE)) {
      const fingerprint = fingerprints.get(r.caseId);
      if (known.has(r.caseId) || fingerprint === undefined) continue;
      try {
        known.set(r.caseId, { fingerprint, texts: textsToReview(db, cipher, r.caseId, r.status) });
        counted++;
      } catch (e) {
        // Deleted since the list was read (retention): nothing to count.
        if (!(e instanceof AppError)) throw e;
      }
    }
  }
  return counted;
}

/**
 * Every unreviewed sentence of the chosen cases confirmed as it is, those the detector was unsure
 * about included: a scripted reviewer for the demo seed and the e2e server.
 */
export function reviewAllTexts(db: Db, cipher: FieldCipher, user: SessionUser, now: Date, include: (caseId: string) => boolean): void {
  for (const c of reviewQueue(db, cipher, now).cases.filter((q) => include(q.caseId))) {
    for (const t of c.texts) {
      const found = locateTexts(db, cipher, c.caseId, parseRef(t.ref))[0];
      if (found) reviewText(db, cipher, user, { caseId: c.caseId, ref: t.ref, version: versionOf(found.text), decisions: confirmEveryDecision(found.text) }, now);
    }
  }
}

/** How long the navigation's count may lag behind the queue itself. */
const COUNT_MAX_AGE_MS = 30_000;
const COUNTS = new WeakMap<Db, { at: number; value: number }>();

/**
 * How many texts wait for review, for the navigation on every page a holder opens. Building the
 * queue opens every case's texts, and almost every request of a busy meeting day writes an audit
 * entry, so the count is reused for up to 30 seconds rather than rebuilt per page. The queue page
 * and the gate itself never use it.
 */
export function reviewQueueCount(db: Db, cipher: FieldCipher, now: Date): number {
  const cached = COUNTS.get(db);
  if (cached && now.getTime() - cached.at >= 0 && now.getTime() - cached.at < COUNT_MAX_AGE_MS) return cached.value;
  const value = reviewQueue(db, cipher, now).cases.reduce((n, c) => n + c.texts.length, 0);
  COUNTS.set(db, { at: now.getTime(), value });
  return value;
}

/** Of these cases, those with text not yet cleared for sharing (for a meeting's agenda). */
function casesNotCleared(db: Db, cipher: FieldCipher, caseIds: readonly string[]): string[] {
  return caseIds.filter((id) => locateTexts(db, cipher, id).some((t) => countUnreviewed(t.text) > 0));
}

/** The cases on a meeting's agenda whose text is not yet cleared for sharing, in agenda order. */
export function agendaNotCleared(db: Db, cipher: FieldCipher, meetingId: string) {
  const lines = db
    .select({ caseId: agendaItems.caseId, caseNumber: cases.caseNumber, victimName: caseVictims.name })
    .from(agendaItems)
    .innerJoin(cases, eq(cases.id, agendaItems.caseId))
    .innerJoin(caseVictims, eq(caseVictims.caseId, agendaItems.caseId))
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position))
    .all();
  const open = new Set(casesNotCleared(db, cipher, lines.map((l) => l.caseId)));
  return lines.filter((l) => open.has(l.caseId));
}

/** One text, sentence by sentence, with each suggestion and its reason in plain English. */
export function getTextForReview(db: Db, cipher: FieldCipher, user: SessionUser, caseId: string, ref: string) {
  assertCanOpenCase(db, user, caseId);
  const parsed = parseRef(ref);
  const found = locateTexts(db, cipher, caseId, parsed)[0];
  if (!found) throw new AppError("NOT_FOUND", NOT_FOUND);
  const caseNumber = db.select({ n: cases.caseNumber }).from(cases).where(eq(cases.id, caseId)).get()?.n ?? "";
  return {
    caseId,
    caseNumber,
    ref: found.ref,
    label: found.label,
    version: versionOf(found.text),
    sentences: reviewSentencesOf(found.text).map((s) => ({
      digest: s.digest,
      sentence: s.sentence,
      reviewed: s.reviewed,
      suggestions: found.text.spans
        .filter((sp) => sp.start < s.end && sp.end > s.start)
        .flatMap((sp) =>
          sp.tags.map((tag) => ({
            tag,
            source: sp.source,
            uncertain: sp.uncertain === true,
            rule: sp.rule ?? null,
            reason: sp.source === "manual" ? `Tagged ${TAG_LABELS[tag]} by hand.` : suggestionReason(tag, sp.rule, sp.uncertain === true),
          })),
        ),
    })),
  };
}

/**
 * Records a case holder's review of some sentences of one text (or "confirm all suggestions"),
 * if the text is still as they saw it. Audited with counts only: no sentence, tag or field path.
 */
export function reviewText(
  db: Db,
  cipher: FieldCipher,
  user: SessionUser,
  input: { caseId: string; ref: string; version: string; decisions: SentenceDecision[] } | { caseId: string; ref: string; version: string; confirmAll: true },
  now: Date,
): { version: string; unreviewed: number } {
  assertCanOpenCase(db, user, input.caseId);
  const parsed = parseRef(input.ref);
  return db.transaction((tx) => {
    const found = locateTexts(tx, cipher, input.caseId, parsed)[0];
    if (!found) throw new AppError("NOT_FOUND", NOT_FOUND);
    if (versionOf(found.text) !== input.version) throw staleVersion("text");
    const decisions = "confirmAll" in input ? confirmAllDecisions(found.text) : input.decisions;
    if (decisions.length === 0 && "confirmAll" in input && unsureDigests(found.text).size > 0) {
      throw new AppError("BAD_REQUEST", "MARAC Desk was unsure about every sentence left, so none was confirmed. Choose what to do with each one.");
    }
    if (decisions.length === 0) throw new AppError("BAD_REQUEST", "Choose what to do with at least one sentence.");
    const outcome = applyReview(found.text, decisions);
    if (!outcome) throw staleVersion("text");
    found.save(tx, outcome.text, outcome.removedSuggestions, now, user);
    writeAudit(tx, {
      at: now,
      actorUserId: user.id,
      action: "text.reviewed",
      targetType: "case",
      targetId: input.caseId,
      details: { text: found.category, ...outcome.counts, confirmAll: "confirmAll" in input },
    });
    return { version: versionOf(outcome.text), unreviewed: countUnreviewed(outcome.text) };
  });
}
