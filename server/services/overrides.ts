import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "~/db/client";
import { preparedQuery } from "~/db/prepared";
import { agencies, caseOverrideApprovals, caseOverrideItems, caseOverrides, cases, users, victimTasks } from "~/db/schema";
import { writeAudit } from "~/server/audit/log";
import { caseSharingReader } from "~/server/cases/case-store";
import { openFreeText, PLACES, sealFreeText } from "~/server/cases/sealed-values";
import { openOverrideTag, sealOverrideTag } from "~/server/cases/overrides-store";
import { readPolicyInForce } from "~/server/cases/policy-store";
import { readSharingRules } from "~/server/cases/sharing-rules";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import { AGENCY_TYPE_LABELS } from "~/server/domain/agency-types";
import type { SharingChoice } from "~/server/domain/case/referral";
import type { Viewer } from "~/server/domain/policy/access";
import { allowedTags } from "~/server/domain/policy/define-policy";
import { checkGrant } from "~/server/domain/policy/grants";
import { immigrationEnforcementStatement } from "~/server/domain/policy/ie-statement";
import {
  APPROVAL_NEED_TEXT,
  approvalNeed,
  approvalProblem,
  endDateProblem,
  IE_ITEM_KEYS,
  IE_ITEMS,
  type IeItem,
  ITEM_VIEWS,
  type ItemView,
  overrideState,
  rolesStillNeeded,
  TELL_VICTIM_DAYS,
} from "~/server/domain/policy/overrides";
import { projectItemText } from "~/server/domain/projection/items";
import { addDays } from "~/server/domain/referral/dates";
import { HOLDERS_ONLY } from "~/server/domain/review/review";
import { ROLE_LABELS } from "~/server/domain/roles";
import { TAG_LABELS, type Tag } from "~/server/domain/tags";
import { AppError } from "~/server/errors";
import { ukDate } from "./referral-submit";
import type { SessionUser } from "./sessions";

export type TIeItemInput = { item: IeItem; view?: ItemView; viewNote?: string; proportionality?: string };
export type TNewOverride = {
  caseId: string;
  agencyId: string;
  tag: Tag;
  reason: string;
  decisionRef: string;
  endDate: string;
  /** Required when the agency is Immigration Enforcement, refused otherwise. */
  immigrationEnforcement?: { thirdPartyConsidered: boolean; safetyConfirmed: boolean; items: TIeItemInput[] };
};

const viewerOf = (u: SessionUser): Viewer => ({ userId: u.id, role: u.role, agencyId: u.agencyId, agencyType: u.agencyType });

function bad(field: string, message: string): never {
  throw new AppError("BAD_REQUEST", message, { [field]: [message] });
}

/** The IE path's own conditions (hard rule 5.3 and the seed's tiers); returns the items to store. */
function checkImmigrationEnforcementPath(ie: TNewOverride["immigrationEnforcement"]): TIeItemInput[] {
  if (!ie) bad("thirdPartyConsidered", "Sharing with Immigration Enforcement needs the Immigration Enforcement form");
  if (!ie.thirdPartyConsidered) bad("thirdPartyConsidered", "Consider referral to an independent third party (such as an immigration advice service) first, and confirm it does not meet her safety need");
  if (!ie.safetyConfirmed) bad("safetyConfirmed", "Confirm that the MARAC decided this sharing directly improves the victim's safety");
  if (ie.items.length === 0) bad("items", "Choose at least one item the MARAC decided to share");
  for (const i of ie.items) {
    if (IE_ITEMS[i.item].tier === "basic") continue;
    const label = IE_ITEMS[i.item].label;
    if (!i.view) bad(`view_${i.item}`, `Record her view on sharing: ${label}`);
    if (i.view === "impracticable" && !i.viewNote?.trim()) bad(`viewNote_${i.item}`, `Say why her view on sharing could not be obtained: ${label}`);
    if (!i.proportionality?.trim()) bad(`proportionality_${i.item}`, `Say why sharing is proportionate: ${label}`);
  }
  return ie.items;
}

/**
 * A case holder records an override: one category of one case, for one agency, until an end date.
 * It takes effect only when approved by the people its kind needs (never its recorder). Refused
 * when the policy already shares the category (nothing to override), when the same override is
 * already pending or in effect, and by `checkGrant` (hard rule 5.3), so a refused grant is never stored.
 */
export function recordOverride(db: Db, cipher: FieldCipher, user: SessionUser, input: TNewOverride, now: Date): { id: string } {
  return db.transaction((tx) => {
    const theCase = tx.select({ id: cases.id }).from(cases).where(eq(cases.id, input.caseId)).get();
    if (!theCase) throw new AppError("NOT_FOUND", "There is no such case.");
    const agency = tx.select().from(agencies).where(eq(agencies.id, input.agencyId)).get();
    if (!agency || !agency.active) bad("agencyId", "Choose the agency to share with");
    const today = ukDate(now);
    const endProblem = endDateProblem(input.endDate, today);
    if (endProblem) bad("endDate", endProblem);
    const isIe = agency.type === "immigration_enforcement";
    if (!isIe && input.immigrationEnforcement) bad("agencyId", "The Immigration Enforcement form is only for sharing with Immigration Enforcement");
    const items = isIe ? checkImmigrationEnforcementPath(input.immigrationEnforcement) : [];
    const views = caseSharingReader(tx, cipher)(theCase.id).views;
    const rules = readSharingRules(tx, cipher, now);
    if (allowedTags(rules.policy, agency.id, agency.type).has(input.tag) && views[input.tag] !== "do_not_share") {
      bad("tag", `${agency.name} already sees ${TAG_LABELS[input.tag]} information under the sharing policy: no override is needed`);
    }
    const id = crypto.randomUUID();
    const check = checkGrant({ caseId: theCase.id, agencyId: agency.id, tag: input.tag, expiresAt: new Date(now.getTime() + 1), maracDecisionRef: input.decisionRef }, agency.type);
    if (!check.ok) bad("decisionRef", check.message);
    const open = tx
      .select({ id: caseOverrides.id, tag: caseOverrides.tag, approvedAt: caseOverrides.approvedAt, revokedAt: caseOverrides.revokedAt, endDate: caseOverrides.endDate })
      .from(caseOverrides)
      .where(and(eq(caseOverrides.caseId, theCase.id), eq(caseOverrides.agencyId, agency.id), isNull(caseOverrides.revokedAt)))
      .all()
      // The category is sealed, so it is compared after opening, on rows narrowed to this case and agency.
      .filter((o) => openOverrideTag(cipher, o.id, o.tag) === input.tag && ["pending", "in_effect"].includes(overrideState(o, now)));
    if (open.length > 0) throw new AppError("CONFLICT", `An override sharing ${TAG_LABELS[input.tag]} information with ${agency.name} on this case is already waiting for approval or in effect.`);
    tx.insert(caseOverrides)
      .values({
        id,
        caseId: theCase.id,
        agencyId: agency.id,
        tag: sealOverrideTag(cipher, id, input.tag),
        reasonSealed: sealFreeText(cipher, input.reason, PLACES.overrideReason(id)),
        decisionRef: input.decisionRef,
        endDate: input.endDate,
        thirdPartyConsidered: isIe,
        recordedByUserId: user.id,
        recordedAt: now,
      })
      .run();
    for (const i of items) {
      const additional = IE_ITEMS[i.item].tier === "additional";
      tx.insert(caseOverrideItems)
        .values({
          overrideId: id,
          item: i.item,
          victimView: additional && i.view ? cipher.seal(i.view, PLACES.overrideItemView(id, i.item)) : null,
          viewNoteSealed: additional && i.viewNote?.trim() ? sealFreeText(cipher, i.viewNote, PLACES.overrideViewNote(id, i.item)) : null,
          proportionalitySealed: additional && i.proportionality?.trim() ? sealFreeText(cipher, i.proportionality, PLACES.overrideProportionality(id, i.item)) : null,
        })
        .run();
    }
    // No tag, agency or reason in the audit: the admin reads it, and an override says what the case holds.
    writeAudit(tx, { at: now, actorUserId: user.id, action: "override.recorded", targetType: "case", targetId: theCase.id, details: { overrideId: id } });
    return { id };
  });
}

/**
 * A case holder approves. When the last approval it needs is in, the override takes effect and a
 * "tell the victim" task is created for the IDVA, due a week later.
 */
export function approveOverride(db: Db, cipher: FieldCipher, user: SessionUser, input: { overrideId: string }, now: Date): { inEffect: boolean } {
  return db.transaction((tx) => {
    const o = tx.select({ row: caseOverrides, agencyType: agencies.type }).from(caseOverrides).innerJoin(agencies, eq(agencies.id, caseOverrides.agencyId)).where(eq(caseOverrides.id, input.overrideId)).get();
    if (!o) throw new AppError("NOT_FOUND", "There is no such override.");
    if (overrideState(o.row, now) !== "pending") throw new AppError("CONFLICT", "This override is no longer waiting for approval.");
    const need = approvalNeed(openOverrideTag(cipher, o.row.id, o.row.tag), o.agencyType);
    const approvals = tx.select({ userId: caseOverrideApprovals.userId, role: caseOverrideApprovals.role }).from(caseOverrideApprovals).where(eq(caseOverrideApprovals.overrideId, o.row.id)).all();
    const problem = approvalProblem(need, o.row.recordedByUserId, approvals, { userId: user.id, role: user.role });
    if (problem) throw new AppError("FORBIDDEN", problem);
    tx.insert(caseOverrideApprovals).values({ overrideId: o.row.id, userId: user.id, role: user.role, approvedAt: now }).run();
    const inEffect = rolesStillNeeded(need, [...approvals, { userId: user.id, role: user.role }]).length === 0;
    if (inEffect) {
      tx.update(caseOverrides).set({ approvedAt: now }).where(eq(caseOverrides.id, o.row.id)).run();
      tx.insert(victimTasks).values({ overrideId: o.row.id, caseId: o.row.caseId, dueDate: addDays(ukDate(now), TELL_VICTIM_DAYS), status: "open", createdAt: now }).run();
    }
    writeAudit(tx, { at: now, actorUserId: user.id, action: "override.approved", targetType: "case", targetId: o.row.caseId, details: { overrideId: o.row.id, inEffect } });
    return { inEffect };
  });
}

/** Any case holder may revoke a pending or in-effect override, with a reason. It stops at once. */
export function revokeOverride(db: Db, cipher: FieldCipher, user: SessionUser, input: { overrideId: string; reason: string }, now: Date): void {
  db.transaction((tx) => {
    const o = tx.select().from(caseOverrides).where(eq(caseOverrides.id, input.overrideId)).get();
    if (!o) throw new AppError("NOT_FOUND", "There is no such override.");
    const state = overrideState(o, now);
    if (state !== "pending" && state !== "in_effect") throw new AppError("CONFLICT", "This override has already ended or been revoked.");
    tx.update(caseOverrides)
      .set({ revokedAt: now, revokedByUserId: user.id, revokeReasonSealed: sealFreeText(cipher, input.reason, PLACES.overrideRevokeReason(o.id)) })
      .where(eq(caseOverrides.id, o.id))
      .run();
    writeAudit(tx, { at: now, actorUserId: user.id, action: "override.revoked", targetType: "case", targetId: o.caseId, details: { overrideId: o.id, wasInEffect: state === "in_effect" } });
  });
}

const itemView = (value: string): ItemView | null => ((ITEM_VIEWS as readonly string[]).includes(value) ? (value as ItemView) : null);

const VIEW_TEXT: Record<SharingChoice, string> = {
  share: "She agreed to this category being shared.",
  do_not_share: "She asked for this category not to be shared.",
  not_asked: "She has not been asked about sharing this category.",
};

// A case holder's every case page lists the case's overrides: built once per connection.
const overrideRowsWhere = (db: Db, where?: SQL) =>
  db
    .select({ o: caseOverrides, caseNumber: cases.caseNumber, agencyName: agencies.name, agencyType: agencies.type, recordedBy: users.name })
    .from(caseOverrides)
    .innerJoin(cases, eq(cases.id, caseOverrides.caseId))
    .innerJoin(agencies, eq(agencies.id, caseOverrides.agencyId))
    .innerJoin(users, eq(users.id, caseOverrides.recordedByUserId))
    .where(where)
    .orderBy(desc(caseOverrides.recordedAt))
    .prepare();
const overrideRows = {
  all: preparedQuery((db) => overrideRowsWhere(db)),
  ofCase: preparedQuery((db) => overrideRowsWhere(db, eq(caseOverrides.caseId, sql.placeholder("caseId")))),
};

/**
 * Overrides as case holders read them (optionally for one case), newest first: the state at `now`,
 * who recorded and approved, who still must, her view on the category, and every text through the
 * projection for the reader.
 */
export function listOverrides(db: Db, cipher: FieldCipher, user: SessionUser, now: Date, filter: { caseId?: string } = {}) {
  const rows = filter.caseId ? overrideRows.ofCase(db).all({ caseId: filter.caseId }) : overrideRows.all(db).all();
  const ids = rows.map((r) => r.o.id);
  const approvals = ids.length
    ? db.select({ overrideId: caseOverrideApprovals.overrideId, userId: caseOverrideApprovals.userId, role: caseOverrideApprovals.role, at: caseOverrideApprovals.approvedAt, name: users.name }).from(caseOverrideApprovals).innerJoin(users, eq(users.id, caseOverrideApprovals.userId)).where(inArray(caseOverrideApprovals.overrideId, ids)).orderBy(asc(caseOverrideApprovals.approvedAt)).all()
    : [];
  const items = ids.length ? db.select().from(caseOverrideItems).where(inArray(caseOverrideItems.overrideId, ids)).all() : [];
  const revokers = new Map(db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, rows.flatMap((r) => (r.o.revokedByUserId ? [r.o.revokedByUserId] : [])))).all().map((u) => [u.id, u.name]));
  const rules = readSharingRules(db, cipher, now);
  const sharingOf = caseSharingReader(db, cipher);
  const viewer = viewerOf(user);
  return rows.map(({ o, caseNumber, agencyName, agencyType, recordedBy }) => {
    const tag = openOverrideTag(cipher, o.id, o.tag);
    const theCase = sharingOf(o.caseId);
    const text = (sealed: string, place: string) => projectItemText(openFreeText(cipher, sealed, place), [], viewer, rules.policy, rules.grants, theCase, now, HOLDERS_ONLY);
    const mine = approvals.filter((a) => a.overrideId === o.id);
    const need = approvalNeed(tag, agencyType);
    const state = overrideState(o, now);
    return {
      id: o.id,
      caseId: o.caseId,
      caseNumber,
      agencyId: o.agencyId,
      agencyName,
      toImmigrationEnforcement: agencyType === "immigration_enforcement",
      tag,
      state,
      reason: text(o.reasonSealed, PLACES.overrideReason(o.id)),
      decisionRef: o.decisionRef,
      endDate: o.endDate,
      recordedByUserId: o.recordedByUserId,
      recordedBy,
      recordedAt: o.recordedAt,
      approvedAt: o.approvedAt,
      approvals: mine.map((a) => ({ userId: a.userId, name: a.name, role: ROLE_LABELS[a.role], at: a.at })),
      approvalNeed: APPROVAL_NEED_TEXT[need],
      mayApprove: state === "pending" && approvalProblem(need, o.recordedByUserId, mine, { userId: user.id, role: user.role }) === null,
      stillNeeded: state === "pending" ? rolesStillNeeded(need, mine).map((roles) => roles.map((r) => ROLE_LABELS[r]).join(" or ")) : [],
      victimView: VIEW_TEXT[theCase.views[tag]],
      items: items
        .filter((i) => i.overrideId === o.id)
        .sort((a, b) => IE_ITEM_KEYS.indexOf(a.item) - IE_ITEM_KEYS.indexOf(b.item))
        .map((i) => ({
          item: i.item,
          label: IE_ITEMS[i.item].label,
          tier: IE_ITEMS[i.item].tier,
          victimView: i.victimView ? itemView(cipher.open(i.victimView, PLACES.overrideItemView(o.id, i.item))) : null,
          viewNote: i.viewNoteSealed ? text(i.viewNoteSealed, PLACES.overrideViewNote(o.id, i.item)) : null,
          proportionality: i.proportionalitySealed ? text(i.proportionalitySealed, PLACES.overrideProportionality(o.id, i.item)) : null,
        })),
      revokedAt: o.revokedAt,
      revokedBy: o.revokedByUserId ? (revokers.get(o.revokedByUserId) ?? "") : null,
      revokeReason: o.revokeReasonSealed ? text(o.revokeReasonSealed, PLACES.overrideRevokeReason(o.id)) : null,
    };
  });
}

export type OverrideView = ReturnType<typeof listOverrides>[number];

/** The agencies an override may name, and whether the case involves children (for the prompt). */
export function overrideFormOptions(db: Db, caseId: string) {
  const row = db.select({ caseNumber: cases.caseNumber, hasChildren: cases.hasChildren }).from(cases).where(eq(cases.id, caseId)).get();
  if (!row) throw new AppError("NOT_FOUND", "There is no such case.");
  const list = db.select({ id: agencies.id, name: agencies.name, type: agencies.type }).from(agencies).where(eq(agencies.active, true)).orderBy(asc(agencies.name)).all();
  return { caseNumber: row.caseNumber, childrenInvolved: row.hasChildren, agencies: list.map((a) => ({ ...a, typeLabel: AGENCY_TYPE_LABELS[a.type] })) };
}

const longDay = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "Europe/London" });

/** "What went, when and why", in words the IDVA can read to her. */
export function whatWent(o: OverrideView): string {
  const when = o.approvedAt ? longDay.format(o.approvedAt) : "";
  const what = o.items.length > 0 ? `${o.items.map((i) => i.label.toLowerCase()).join(", ")} (${TAG_LABELS[o.tag]} information)` : `${TAG_LABELS[o.tag]} information`;
  return `From ${when}, ${o.agencyName} could be given ${what} about her, until ${longDay.format(new Date(`${o.endDate}T12:00:00Z`))}${o.revokedAt ? ` (stopped on ${longDay.format(o.revokedAt)})` : ""}. The MARAC's reason (decision ${o.decisionRef}) is below.`;
}

/** The "tell the victim" tasks: open ones first, by due date; each says exactly what went, when and why. */
export function listVictimTasks(db: Db, cipher: FieldCipher, user: SessionUser, now: Date) {
  const tasks = db.select().from(victimTasks).orderBy(desc(eq(victimTasks.status, "open")), asc(victimTasks.dueDate)).all();
  if (tasks.length === 0) return [];
  const overrides = new Map(listOverrides(db, cipher, user, now).map((o) => [o.id, o]));
  const names = new Map(db.select({ id: users.id, name: users.name }).from(users).all().map((u) => [u.id, u.name]));
  const viewer = viewerOf(user);
  const rules = readSharingRules(db, cipher, now);
  const sharingOf = caseSharingReader(db, cipher);
  const today = ukDate(now);
  return tasks.flatMap((t) => {
    const o = overrides.get(t.overrideId);
    if (!o) return [];
    return [
      {
        overrideId: t.overrideId,
        caseId: t.caseId,
        caseNumber: o.caseNumber,
        dueDate: t.dueDate,
        overdue: t.status === "open" && t.dueDate < today,
        status: t.status,
        whatWent: whatWent(o),
        why: o.reason,
        override: o,
        note: t.noteSealed ? projectItemText(openFreeText(cipher, t.noteSealed, PLACES.victimTaskNote(t.overrideId)), [], viewer, rules.policy, rules.grants, sharingOf(t.caseId), now, HOLDERS_ONLY) : null,
        completedBy: t.completedByUserId ? (names.get(t.completedByUserId) ?? "") : null,
        completedAt: t.completedAt,
      },
    ];
  });
}

/** The IDVA records that she was told (and how), or why telling her is not safe yet. */
export function completeVictimTask(db: Db, cipher: FieldCipher, user: SessionUser, input: { overrideId: string; outcome: "told" | "not_safe"; note: string }, now: Date): void {
  db.transaction((tx) => {
    const t = tx.select().from(victimTasks).where(eq(victimTasks.overrideId, input.overrideId)).get();
    if (!t) throw new AppError("NOT_FOUND", "There is no such task.");
    if (t.status !== "open") throw new AppError("CONFLICT", "This task has already been completed.");
    tx.update(victimTasks)
      .set({ status: input.outcome, noteSealed: sealFreeText(cipher, input.note, PLACES.victimTaskNote(t.overrideId)), completedByUserId: user.id, completedAt: now })
      .where(eq(victimTasks.overrideId, t.overrideId))
      .run();
    writeAudit(tx, { at: now, actorUserId: user.id, action: "victim_task.completed", targetType: "case", targetId: t.caseId, details: { overrideId: t.overrideId, outcome: input.outcome } });
  });
}

/** The statement on sharing with Immigration Enforcement, from the hard rules and the policy in force. */
export function ieStatement(db: Db) {
  const ie = db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(eq(agencies.type, "immigration_enforcement")).orderBy(asc(agencies.name)).all();
  const s = immigrationEnforcementStatement(readPolicyInForce(db).policy, ie);
  return { policyVersion: s.policyVersion, sections: s.sections.map((x) => ({ heading: x.heading, paragraphs: [...x.paragraphs], ...(x.list ? { list: [...x.list] } : {}) })) };
}
