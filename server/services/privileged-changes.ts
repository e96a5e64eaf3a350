import { randomInt } from "node:crypto";
import { and, asc, count, eq, gt } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "~/db/client";
import { agencies, privilegedChanges, users } from "~/db/schema";
import { writeAudit } from "~/server/audit/log";
import { hashPassword } from "~/server/auth/password-hash";
import { AGENCY_TYPE_LABELS, AGENCY_TYPES } from "~/server/domain/agency-types";
import {
  PRIVILEGED_CHANGE_LABELS,
  PROPOSAL_LIFETIME_MS,
  type PrivilegedChangeKind,
} from "~/server/domain/privileged-changes";
import { ROLE_LABELS, ROLES } from "~/server/domain/roles";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import { AppError } from "~/server/errors";
import { ZCreateUser } from "~/server/schemas/admin";
import { assertMembershipAllowed, assertTypeChangeAllowed } from "./agencies";
import { applyPolicyChange, assertNoPolicyRowForOldType, describePolicyChange } from "./policy";
import { notifyApprovalRequest, notifyPasswordReset } from "./notifications";
import { applyIdentityProvider, withoutSecret, ZProposedIdentityProvider } from "./identity-providers";
import { endUserSessions, type SessionUser } from "./sessions";
import { assertEmailFree, assertRoleFitsAgency } from "./users";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Proposal = { kind: PrivilegedChangeKind; targetType: "user" | "agency"; targetId: string | null; change: Record<string, unknown> };

/** What each kind of proposal may carry: read back through these, never trusted as stored. */
const ZUserAccess = z.object({ role: z.enum(ROLES), agencyId: z.string() });
const ZAgencyAccess = z.object({ type: z.enum(AGENCY_TYPES), isMaracMember: z.boolean() });

/**
 * Records a proposal in the caller's transaction and audits it. The change holds field values
 * only (role, agency, type, membership, or a new account's name and email), never a password.
 */
export function proposeChange(tx: Pick<Db, "insert" | "select">, actor: SessionUser, p: Proposal, now: Date): string {
  if (p.targetId) {
    const open = tx
      .select({ id: privilegedChanges.id })
      .from(privilegedChanges)
      .where(and(eq(privilegedChanges.kind, p.kind), eq(privilegedChanges.targetId, p.targetId), eq(privilegedChanges.status, "pending"), gt(privilegedChanges.expiresAt, now)))
      .get();
    if (open) throw new AppError("CONFLICT", "A change like this is already waiting for a chair's approval. Wait for a chair to decide it.");
  }
  const row = tx
    .insert(privilegedChanges)
    .values({ ...p, proposedBy: actor.id, proposedAt: now, expiresAt: new Date(now.getTime() + PROPOSAL_LIFETIME_MS) })
    .returning({ id: privilegedChanges.id })
    .get();
  writeAudit(tx, {
    at: now,
    actorUserId: actor.id,
    action: "change.proposed",
    targetType: p.targetType,
    targetId: p.targetId,
    details: { proposalId: row.id, kind: p.kind, change: auditedChange(p) },
  });
  notifyApprovalRequest(tx, row.id, actor.id, now);
  return row.id;
}

/**
 * What the audit log keeps of a proposal's values. A policy change keeps only the version it was
 * proposed against: the categories are in the stored policy version, not in the log the admin reads.
 */
/** What the audit log keeps of a proposal: never a policy's categories, never a client secret. */
function auditedChange(p: Pick<Proposal, "kind" | "change">): Record<string, unknown> {
  return p.kind === "change_policy" ? { basedOnVersion: p.change.basedOnVersion } : withoutSecret(p.change);
}

export type ProposalLine = { label: string; value: string };

const yesNo = (b: boolean) => (b ? "Yes" : "No");

function agencyName(db: Pick<Db, "select">, id: string): string {
  return db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, id)).get()?.name ?? "(removed agency)";
}

/** Plain-English lines a chair reads before deciding: who, what now, what after. */
function describe(db: Db, p: typeof privilegedChanges.$inferSelect): ProposalLine[] {
  if (p.kind === "create_user") {
    const c = ZCreateUser.parse(p.change);
    return [
      { label: "Name", value: c.name },
      { label: "Email address", value: c.email },
      { label: "Agency", value: agencyName(db, c.agencyId) },
      { label: "Role", value: ROLE_LABELS[c.role] },
    ];
  }
  if (p.kind === "change_policy") return describePolicyChange(db, p);
  if (p.targetType === "user") {
    const u = db.select().from(users).where(eq(users.id, p.targetId ?? "")).get();
    const who = { label: "User", value: u ? `${u.name} (${u.email})` : "(removed user)" };
    if (p.kind === "reset_password") return [who, { label: "Change", value: "A one-time password, which they must change when they next sign in" }];
    const c = ZUserAccess.parse(p.change);
    return [
      who,
      { label: "Role", value: u && u.role !== c.role ? `${ROLE_LABELS[u.role]} to ${ROLE_LABELS[c.role]}` : ROLE_LABELS[c.role] },
      { label: "Agency", value: u && u.agencyId !== c.agencyId ? `${agencyName(db, u.agencyId)} to ${agencyName(db, c.agencyId)}` : agencyName(db, c.agencyId) },
    ];
  }
  const a = db.select().from(agencies).where(eq(agencies.id, p.targetId ?? "")).get();
  if (p.kind === "set_identity_provider") {
    const c = ZProposedIdentityProvider.parse(p.change);
    return [
      { label: "Agency", value: a?.name ?? "(removed agency)" },
      { label: "Identity provider (issuer)", value: c.issuer },
      { label: "Client ID", value: c.clientId },
      { label: "Client secret", value: "Entered by the admin and stored sealed; not shown" },
      { label: "Email domains it signs in", value: c.allowedDomains.join(", ") },
    ];
  }
  const c = ZAgencyAccess.parse(p.change);
  return [
    { label: "Agency", value: a?.name ?? "(removed agency)" },
    { label: "Type", value: a && a.type !== c.type ? `${AGENCY_TYPE_LABELS[a.type]} to ${AGENCY_TYPE_LABELS[c.type]}` : AGENCY_TYPE_LABELS[c.type] },
    { label: "MARAC member", value: a && a.isMaracMember !== c.isMaracMember ? `${yesNo(a.isMaracMember)} to ${yesNo(c.isMaracMember)}` : yesNo(c.isMaracMember) },
  ];
}

/** Pending proposals nobody has decided and that have not lapsed, oldest first. */
export function listPendingChanges(db: Db, now: Date) {
  const rows = db
    .select({ change: privilegedChanges, proposedByName: users.name })
    .from(privilegedChanges)
    .innerJoin(users, eq(privilegedChanges.proposedBy, users.id))
    .where(and(eq(privilegedChanges.status, "pending"), gt(privilegedChanges.expiresAt, now)))
    .orderBy(asc(privilegedChanges.proposedAt))
    .all();
  return rows.map(({ change: p, proposedByName }) => ({
    id: p.id,
    kind: p.kind,
    title: PRIVILEGED_CHANGE_LABELS[p.kind],
    lines: describe(db, p),
    proposedById: p.proposedBy,
    proposedByName,
    proposedAt: p.proposedAt,
    expiresAt: p.expiresAt,
  }));
}

export function countPendingChanges(db: Db, now: Date): number {
  return (
    db
      .select({ n: count() })
      .from(privilegedChanges)
      .where(and(eq(privilegedChanges.status, "pending"), gt(privilegedChanges.expiresAt, now)))
      .get()?.n ?? 0
  );
}

/** Refuses what nobody may decide: a lapsed or decided proposal, your own, or one about you. */
function openProposalFor(db: Pick<Db, "select">, approver: SessionUser, id: string, now: Date) {
  const p = db.select().from(privilegedChanges).where(eq(privilegedChanges.id, id)).get();
  if (!p) throw new AppError("NOT_FOUND", "There is no proposed change with that id.");
  if (p.status !== "pending") throw new AppError("CONFLICT", "This change has already been decided.");
  if (p.expiresAt <= now) throw new AppError("BAD_REQUEST", "This proposal has lapsed (proposals last 7 days). An admin must propose it again.");
  if (p.proposedBy === approver.id) throw new AppError("FORBIDDEN", "You proposed this change, so another chair must decide it.");
  if (p.targetType === "user" && p.targetId === approver.id) throw new AppError("FORBIDDEN", "This change is about your own account, so another chair must decide it.");
  return p;
}

/** Marks the proposal decided, only if it is still pending: two chairs deciding at once cannot both win. */
function markDecided(tx: Tx, approver: SessionUser, id: string, status: "approved" | "rejected", now: Date, targetId?: string) {
  const done = tx
    .update(privilegedChanges)
    .set({ status, decidedBy: approver.id, decidedAt: now, ...(targetId ? { targetId } : {}) })
    .where(and(eq(privilegedChanges.id, id), eq(privilegedChanges.status, "pending")))
    .returning({ id: privilegedChanges.id })
    .get();
  if (!done) throw new AppError("CONFLICT", "This change has already been decided.");
}

// No 0/O, 1/l/I: the chair reads it out or writes it down for the user.
const ONE_TIME_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** 20 characters from 31 (about 99 bits) in groups of five, so it can be read out. */
export function generateOneTimePassword(): string {
  const chars = Array.from({ length: 20 }, () => ONE_TIME_ALPHABET[randomInt(ONE_TIME_ALPHABET.length)]).join("");
  return chars.match(/.{5}/g)?.join("-") ?? chars;
}

export type ApprovalResult = { oneTimePassword: string | null; userName: string | null };

/**
 * A chair approves: the proposal is validated again against the data as it is now (the hard rule,
 * role fits agency, email free) and applied in one transaction with its audit entry. A new account
 * or a reset gets a one-time password that only this chair sees, once (decision 033).
 */
export async function approveChange(db: Db, cipher: FieldCipher, approver: SessionUser, id: string, now: Date): Promise<ApprovalResult> {
  const pre = openProposalFor(db, approver, id, now);
  const needsPassword = pre.kind === "create_user" || pre.kind === "reset_password";
  const oneTimePassword = needsPassword ? generateOneTimePassword() : null;
  const passwordHash = oneTimePassword ? await hashPassword(oneTimePassword) : null;

  return db.transaction((tx): ApprovalResult => {
    const p = openProposalFor(tx, approver, id, now);
    const oneTime = { passwordHash: passwordHash ?? "", passwordChangedAt: now, mustChangePassword: true, passwordSetByChangeId: p.id, updatedAt: now };
    let targetId = p.targetId;
    let userName: string | null = null;
    let policyVersion: number | undefined;
    if (p.kind === "create_user") {
      const c = ZCreateUser.parse(p.change);
      assertRoleFitsAgency(tx, c.agencyId, c.role);
      assertEmailFree(tx, c.email);
      targetId = tx.insert(users).values({ ...c, active: true, ...oneTime, createdAt: now }).returning({ id: users.id }).get().id;
      userName = c.name;
    } else if (p.kind === "reset_password") {
      const u = tx.select().from(users).where(eq(users.id, p.targetId ?? "")).get();
      if (!u) throw new AppError("NOT_FOUND", "The user in this proposal no longer exists.");
      tx.update(users).set(oneTime).where(eq(users.id, u.id)).run();
      endUserSessions(tx, u.id, now, "password_changed");
      notifyPasswordReset(tx, u.id, p.id, now);
      userName = u.name;
    } else if (p.kind === "change_user_access") {
      const c = ZUserAccess.parse(p.change);
      const u = tx.select().from(users).where(eq(users.id, p.targetId ?? "")).get();
      if (!u) throw new AppError("NOT_FOUND", "The user in this proposal no longer exists.");
      assertRoleFitsAgency(tx, c.agencyId, c.role);
      tx.update(users).set({ ...c, version: u.version + 1, updatedAt: now }).where(eq(users.id, u.id)).run();
    } else if (p.kind === "change_policy") {
      policyVersion = applyPolicyChange(tx, approver, p, now);
    } else if (p.kind === "set_identity_provider") {
      applyIdentityProvider(tx, cipher, p.targetId ?? "", p.change, p.id, now);
    } else {
      const c = ZAgencyAccess.parse(p.change);
      const a = tx.select().from(agencies).where(eq(agencies.id, p.targetId ?? "")).get();
      if (!a) throw new AppError("NOT_FOUND", "The agency in this proposal no longer exists.");
      assertTypeChangeAllowed(a.type, c.type);
      assertMembershipAllowed(c);
      assertNoPolicyRowForOldType(tx, a, c.type);
      // Its users must still fit it as it will be (e.g. no chair in a non-member agency).
      const after = { ...a, ...c };
      for (const u of tx.select({ role: users.role }).from(users).where(and(eq(users.agencyId, a.id), eq(users.active, true))).all()) {
        if (u.role === "agency_rep") continue;
        if (!after.isMaracMember || (u.role === "idva" && after.type !== "idva")) {
          throw new AppError("BAD_REQUEST", `${a.name} has users whose roles would no longer fit it. Change their roles first.`);
        }
      }
      tx.update(agencies).set({ ...c, version: a.version + 1, updatedAt: now }).where(eq(agencies.id, a.id)).run();
    }
    markDecided(tx, approver, p.id, "approved", now, targetId ?? undefined);
    writeAudit(tx, {
      at: now,
      actorUserId: approver.id,
      action: "change.approved",
      targetType: p.targetType,
      targetId,
      details: { proposalId: p.id, kind: p.kind, proposedBy: p.proposedBy, change: auditedChange(p), ...(policyVersion ? { policyVersion } : {}) },
    });
    if (p.kind === "reset_password") writeAudit(tx, { at: now, actorUserId: approver.id, action: "user.password_reset", targetType: "user", targetId, details: { proposalId: p.id } });
    if (p.kind === "create_user") writeAudit(tx, { at: now, actorUserId: approver.id, action: "user.created", targetType: "user", targetId, details: { proposalId: p.id, ...p.change } });
    return { oneTimePassword, userName };
  });
}

export function rejectChange(db: Db, approver: SessionUser, id: string, now: Date): void {
  db.transaction((tx) => {
    const p = openProposalFor(tx, approver, id, now);
    markDecided(tx, approver, p.id, "rejected", now);
    writeAudit(tx, { at: now, actorUserId: approver.id, action: "change.rejected", targetType: p.targetType, targetId: p.targetId, details: { proposalId: p.id, kind: p.kind, proposedBy: p.proposedBy } });
  });
}

/**
 * What a user whose password was set by an approved change is told at sign-in: who proposed it,
 * who approved it, and when. Null when they chose their own password.
 */
export function passwordNoticeFor(db: Db, user: SessionUser) {
  const u = db.select({ changeId: users.passwordSetByChangeId, must: users.mustChangePassword }).from(users).where(eq(users.id, user.id)).get();
  if (!u?.must || !u.changeId) return null;
  const p = db.select().from(privilegedChanges).where(eq(privilegedChanges.id, u.changeId)).get();
  if (!p?.decidedBy || !p.decidedAt) return null;
  const name = (id: string) => db.select({ name: users.name }).from(users).where(eq(users.id, id)).get()?.name ?? "a former user";
  return { kind: p.kind === "create_user" ? ("new_account" as const) : ("reset" as const), proposedByName: name(p.proposedBy), approvedByName: name(p.decidedBy), at: p.decidedAt };
}
