import { and, asc, count, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { agencies, users } from "~/db/schema";
import { writeAudit } from "~/server/audit/log";
import { canBeMaracMember, type AgencyType } from "~/server/domain/agency-types";
import { agencyAccessChanged, agencyTypeChangeAllowed } from "~/server/domain/privileged-changes";
import { AppError, staleVersion } from "~/server/errors";
import type { TCreateAgency, TUpdateAgency } from "~/server/schemas/admin";
import { proposeChange } from "./privileged-changes";
import type { SessionUser } from "./sessions";
import { changedFields, pick } from "./changes";

export function listAgencies(db: Db) {
  const counts = db.select({ agencyId: users.agencyId, n: count() }).from(users).groupBy(users.agencyId).all();
  const byAgency = new Map(counts.map((c) => [c.agencyId, c.n]));
  return db
    .select()
    .from(agencies)
    .orderBy(asc(agencies.name))
    .all()
    .map((a) => ({ ...a, userCount: byAgency.get(a.id) ?? 0 }));
}

export function getAgency(db: Db, id: string) {
  const row = db.select().from(agencies).where(eq(agencies.id, id)).get();
  if (!row) throw new AppError("NOT_FOUND", "There is no agency with that id.");
  return row;
}

/** Immigration Enforcement does not attend MARAC (SafeLives); its record can exist, never as a member. */
export function assertMembershipAllowed(input: Pick<TCreateAgency, "type" | "isMaracMember">): void {
  if (input.isMaracMember && !canBeMaracMember(input.type)) {
    throw new AppError(
      "BAD_REQUEST",
      "Immigration Enforcement cannot be a MARAC member agency. Under the MARAC information-sharing rules it does not attend MARAC or receive MARAC information.",
      { isMaracMember: ["Immigration Enforcement cannot be a MARAC member agency"] },
    );
  }
}

function assertNameFree(db: Db, name: string, exceptId?: string): void {
  const clash = db.select({ id: agencies.id }).from(agencies).where(eq(agencies.name, name)).get();
  if (clash && clash.id !== exceptId) {
    throw new AppError("CONFLICT", `An agency called "${name}" already exists.`, { name: ["An agency with this name already exists"] });
  }
}

/** `actor` is null when the demo seed or an install script creates the agency. */
export function createAgency(db: Db, actor: SessionUser | null, input: TCreateAgency, now: Date) {
  assertMembershipAllowed(input);
  assertNameFree(db, input.name);
  return db.transaction((tx) => {
    const row = tx.insert(agencies).values({ ...input, createdAt: now, updatedAt: now }).returning().get();
    writeAudit(tx, { at: now, actorUserId: actor?.id ?? null, action: "agency.created", targetType: "agency", targetId: row.id, details: { name: row.name, type: row.type, isMaracMember: row.isMaracMember, active: row.active } });
    return row;
  });
}

/** The hard rule at the agency level: the service refuses it, and so do the triggers of migration 0011. */
export function assertTypeChangeAllowed(from: AgencyType, to: AgencyType): void {
  if (!agencyTypeChangeAllowed(from, to)) {
    throw new AppError(
      "BAD_REQUEST",
      from === "immigration_enforcement"
        ? "An Immigration Enforcement agency keeps that type for ever: it can never be given another type or become a MARAC member."
        : "An agency cannot be turned into Immigration Enforcement: add Immigration Enforcement as a new agency instead.",
      { type: [from === "immigration_enforcement" ? "Immigration Enforcement keeps its type" : "An agency cannot become Immigration Enforcement"] },
    );
  }
}

/**
 * Name and active change at once (deactivating an agency only narrows access). A new type or
 * membership changes what its users see, so it becomes a proposal for a chair (decision 033).
 */
export function updateAgency(db: Db, actor: SessionUser, input: TUpdateAgency, now: Date) {
  assertMembershipAllowed(input);
  assertNameFree(db, input.name, input.id);
  return db.transaction((tx) => {
    const before = tx.select().from(agencies).where(eq(agencies.id, input.id)).get();
    if (!before) throw new AppError("NOT_FOUND", "There is no agency with that id.");
    if (before.version !== input.version) throw staleVersion("agency");
    assertTypeChangeAllowed(before.type, input.type);
    if (!input.active && actor.agencyId === input.id) {
      throw new AppError("BAD_REQUEST", "You cannot deactivate your own agency: you would lock yourself out.", { active: ["You cannot deactivate your own agency"] });
    }
    const { id, version, type, isMaracMember, ...fields } = input;
    const fieldsChanged = changedFields(before, fields);
    const row = tx
      .update(agencies)
      .set({ ...fields, version: version + 1, updatedAt: now })
      .where(and(eq(agencies.id, id), eq(agencies.version, version)))
      .returning()
      .get();
    if (!row) throw staleVersion("agency");
    if (fieldsChanged.length > 0) {
      writeAudit(tx, { at: now, actorUserId: actor.id, action: "agency.updated", targetType: "agency", targetId: id, details: { fieldsChanged, to: pick(fields, fieldsChanged) } });
    }
    const proposalId = agencyAccessChanged(before, { type, isMaracMember })
      ? proposeChange(tx, actor, { kind: "change_agency", targetType: "agency", targetId: id, change: { type, isMaracMember } }, now)
      : null;
    return { ...row, proposalId };
  });
}
