import { and, asc, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { agencies, users } from "~/db/schema";
import { writeAudit } from "~/server/audit/log";
import { hashPassword } from "~/server/auth/password-hash";
import { canBeMaracMember, type AgencyType } from "~/server/domain/agency-types";
import { userAccessChanged } from "~/server/domain/privileged-changes";
import type { Role } from "~/server/domain/roles";
import { AppError, staleVersion } from "~/server/errors";
import type { TCreateUser, TSeedUser, TUpdateUser } from "~/server/schemas/admin";
import { changedFields, pick } from "./changes";
import { proposeChange } from "./privileged-changes";
import { endUserSessions, type SessionUser } from "./sessions";

/** Public columns only: the password hash never leaves this module. */
const USER_COLUMNS = {
  id: users.id,
  name: users.name,
  email: users.email,
  agencyId: users.agencyId,
  agencyName: agencies.name,
  agencyType: agencies.type,
  role: users.role,
  active: users.active,
  version: users.version,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

export function listUsers(db: Db) {
  return db.select(USER_COLUMNS).from(users).innerJoin(agencies, eq(users.agencyId, agencies.id)).orderBy(asc(users.name)).all();
}

export function getUser(db: Db, id: string) {
  const row = db.select(USER_COLUMNS).from(users).innerJoin(agencies, eq(users.agencyId, agencies.id)).where(eq(users.id, id)).get();
  if (!row) throw new AppError("NOT_FOUND", "There is no user with that id.");
  return row;
}

/**
 * Chairs and coordinators see every case in full, so they must sit in a member agency; IDVAs work
 * for the specialist domestic abuse service. A non-member agency (Immigration Enforcement) can
 * only hold agency representatives, who see what its policy allows.
 */
export function assertRoleFitsAgency(db: Pick<Db, "select">, agencyId: string, role: Role): { type: AgencyType } {
  const agency = db.select().from(agencies).where(eq(agencies.id, agencyId)).get();
  if (!agency) throw new AppError("BAD_REQUEST", "Choose an agency from the list.", { agencyId: ["Choose an agency from the list"] });
  if (role !== "agency_rep" && (!agency.isMaracMember || !canBeMaracMember(agency.type))) {
    throw new AppError("BAD_REQUEST", `${agency.name} is not a MARAC member agency, so its users can only be agency representatives.`, {
      role: ["Users of a non-member agency can only be agency representatives"],
    });
  }
  if (role === "idva" && agency.type !== "idva") {
    throw new AppError("BAD_REQUEST", "The IDVA role is for users of the specialist domestic abuse (IDVA) service.", {
      role: ["Choose an IDVA service agency for the IDVA role"],
    });
  }
  return { type: agency.type };
}

export function assertEmailFree(db: Pick<Db, "select">, email: string, exceptId?: string): void {
  const clash = db.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
  if (clash && clash.id !== exceptId) {
    throw new AppError("CONFLICT", "A user with this email address already exists.", { email: ["A user with this email address already exists"] });
  }
}

/**
 * Creates an account with a password chosen by whoever runs it: for the demo seed and install
 * scripts only. In the app an admin proposes a new account and a chair approves it (decision 033).
 */
export async function createUser(db: Db, actor: SessionUser | null, input: TSeedUser, now: Date) {
  assertRoleFitsAgency(db, input.agencyId, input.role);
  assertEmailFree(db, input.email);
  const passwordHash = await hashPassword(input.password);
  const { password: _password, ...fields } = input;
  return db.transaction((tx) => {
    const row = tx
      .insert(users)
      .values({ ...fields, passwordHash, passwordChangedAt: now, createdAt: now, updatedAt: now })
      .returning({ id: users.id })
      .get();
    writeAudit(tx, {
      at: now,
      actorUserId: actor?.id ?? null,
      action: "user.created",
      targetType: "user",
      targetId: row.id,
      details: { name: fields.name, email: fields.email, agencyId: fields.agencyId, role: fields.role, active: fields.active },
    });
    return row;
  });
}

/** A new account, proposed by an admin: it exists only once a chair approves (decision 033). */
export function proposeNewUser(db: Db, actor: SessionUser, input: TCreateUser, now: Date) {
  assertRoleFitsAgency(db, input.agencyId, input.role);
  assertEmailFree(db, input.email);
  return db.transaction((tx) => ({ proposalId: proposeChange(tx, actor, { kind: "create_user", targetType: "user", targetId: null, change: input }, now) }));
}

/**
 * Name, email and whether the user can sign in change at once (deactivation only narrows access).
 * A new role or agency widens what they see, so it becomes a proposal for a chair to approve.
 */
export function updateUser(db: Db, actor: SessionUser, input: TUpdateUser, now: Date) {
  assertRoleFitsAgency(db, input.agencyId, input.role);
  assertEmailFree(db, input.email, input.id);
  if (input.id === actor.id && (!input.active || input.role !== actor.role || input.agencyId !== actor.agencyId)) {
    throw new AppError("BAD_REQUEST", "You cannot deactivate yourself or change your own role or agency: ask another admin.", {
      [input.active ? "role" : "active"]: ["You cannot change this on your own account"],
    });
  }
  return db.transaction((tx) => {
    const before = tx.select().from(users).where(eq(users.id, input.id)).get();
    if (!before) throw new AppError("NOT_FOUND", "There is no user with that id.");
    if (before.version !== input.version) throw staleVersion("user");
    const { id, version, role, agencyId, ...fields } = input;
    const fieldsChanged = changedFields(before, fields);
    const row = tx
      .update(users)
      .set({ ...fields, version: version + 1, updatedAt: now })
      .where(and(eq(users.id, id), eq(users.version, version)))
      .returning({ id: users.id })
      .get();
    if (!row) throw staleVersion("user");
    // A deactivated user is shut out at their next request; ending the sessions also records why.
    if (before.active && !fields.active) endUserSessions(tx, id, now, "deactivated");
    if (fieldsChanged.length > 0) {
      writeAudit(tx, { at: now, actorUserId: actor.id, action: "user.updated", targetType: "user", targetId: id, details: { fieldsChanged, to: pick(fields, fieldsChanged) } });
    }
    const proposalId = userAccessChanged(before, { role, agencyId })
      ? proposeChange(tx, actor, { kind: "change_user_access", targetType: "user", targetId: id, change: { role, agencyId } }, now)
      : null;
    return { id: row.id, proposalId };
  });
}

/** Asks a chair to reset a password: the admin never learns the new one (decision 033). */
export function proposePasswordReset(db: Db, actor: SessionUser, id: string, now: Date) {
  getUser(db, id);
  if (id === actor.id) {
    throw new AppError("BAD_REQUEST", "To change your own password, use Your account.");
  }
  return db.transaction((tx) => ({ proposalId: proposeChange(tx, actor, { kind: "reset_password", targetType: "user", targetId: id, change: {} }, now) }));
}
