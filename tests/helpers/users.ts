import type { Db } from "~/db/client";
import { makeAgency, makeUser } from "~/db/factories";
import type { AgencyType } from "~/server/domain/agency-types";
import type { Role } from "~/server/domain/roles";
import type { SessionUser } from "~/server/services/sessions";

/**
 * A signed-in user of the given role, with a real row behind it, as a tRPC context would carry: a
 * session that has just checked its authenticator code (tests of the second factor itself use
 * real sessions from sign-in).
 */
export async function sessionUserFor(db: Db, role: Role, agencyType: AgencyType = role === "idva" ? "idva" : "police"): Promise<SessionUser> {
  const agency = makeAgency(db, { type: agencyType });
  // A cheap pre-computed hash keeps user creation fast; these users never sign in with a password.
  const user = await makeUser(db, { agencyId: agency.id, role, passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g" });
  return { id: user.id, name: user.name, email: user.email, role, agencyId: agency.id, agencyName: agency.name, agencyType: agency.type, agencyIsMember: agency.isMaracMember, sessionId: "test-session", secondFactorAt: new Date() };
}
