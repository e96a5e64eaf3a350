import type { Db } from "../client";
import { agencies, users } from "../schema";
import type { AgencyType } from "../../server/domain/agency-types";
import type { Role } from "../../server/domain/roles";
import { hashPassword } from "../../server/auth/password-hash";

/** Test and seed factories: rows with sensible defaults, written straight to the database. */
export function makeAgency(db: Db, over: { name?: string; type?: AgencyType; isMaracMember?: boolean; active?: boolean } = {}) {
  const now = new Date();
  const type = over.type ?? "police";
  return db
    .insert(agencies)
    .values({
      name: over.name ?? `${type} agency ${crypto.randomUUID().slice(0, 8)}`,
      type,
      isMaracMember: over.isMaracMember ?? type !== "immigration_enforcement",
      active: over.active ?? true,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get();
}

export async function makeUser(
  db: Db,
  over: { agencyId: string; role?: Role; email?: string; name?: string; password?: string; active?: boolean; passwordHash?: string },
) {
  const now = new Date();
  return db
    .insert(users)
    .values({
      name: over.name ?? "Test User",
      email: over.email ?? `user-${crypto.randomUUID().slice(0, 8)}@example.org`,
      agencyId: over.agencyId,
      role: over.role ?? "agency_rep",
      active: over.active ?? true,
      passwordHash: over.passwordHash ?? (await hashPassword(over.password ?? "correct horse battery staple")),
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get();
}
