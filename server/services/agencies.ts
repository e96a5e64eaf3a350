import { and, asc, count, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { agencies, users } from "~/db/schema";
import { writeAudit } from "~/server/audit/log";
import { canBeMaracMember } from "~/server/domain/agency-types";
import { AppError, staleVersion } from "~/server/errors";
import type { TCreateAgency, TUpdateAgency } from "~/server/schemas/admin";
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
function assertMembershipAllowed(input: TCreateAgency): void {
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

export function updateAgency(db: Db, actor: SessionUser, input: TUpdateAgency, now: Date) {
  assertMembershipAllowed(input);
  assertNameFree(db, input.name, input.id);
  return db.transaction((tx) => {
    const before = tx.select().from(agencies).where(eq(agencies.id, input.id)).get();
    if (!before) throw new AppError("NOT_FOUND", "There is no agency with that id.");
    if (before.version !== input.version) throw staleVersion("agency");
    if (!input.active && actor.agencyId === input.id) {
      throw new AppError("BAD_REQUEST", "You cannot deactivate your own agency: you would lock yourself out.", { active: ["You cannot deactivate your own agency"] });
    }
    const { id, version, ...fields } = input;
    const fieldsChanged = changedFields(before, fields);
    const row = tx
      .update(agencies)
      .set({ ...fields, version: version + 1, updatedAt: now })
      .where(and(eq(agencies.id, id), eq(agencies.version, version)))
      .returning()
      .get();
    if (!row) throw staleVersion("agency");
    writeAudit(tx, { at: now, actorUserId: actor.id, action: "agency.updated", targetType: "agency", targetId: id, details: { fieldsChanged, to: pick(fields, fieldsChanged) } });
    return row;
  });
}
