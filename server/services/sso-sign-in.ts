import { and, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { agencies, agencyIdentityProviders, users } from "~/db/schema";
import { writeAudit } from "~/server/audit/log";
import { judgeAmr } from "~/server/auth/amr-rule";
import { normaliseEmail, signInDigest } from "./sign-in";
import { startSsoSession } from "./sessions";

/** Why a sign-in through an agency's identity provider was refused; the page explains each. */
export type SsoRefusal = "not_configured" | "wrong_issuer" | "no_verified_email" | "domain_not_allowed" | "single_factor" | "no_account";
export type SsoResult = { ok: true; userId: string; sessionId: string } | { ok: false; reason: SsoRefusal };

/** The ID token claims we read. Everything else (names, groups, roles) is ignored: roles are ours. */
export type SsoClaims = { iss?: unknown; email?: unknown; email_verified?: unknown; amr?: unknown };

/**
 * Signs in a user the agency's identity provider vouched for (decision 063): the token's issuer is
 * the one configured, its email is verified and in an allowed domain, its `amr` (when present)
 * shows more than one factor, and the email belongs to an active user the admin created in this
 * agency. Nobody is created here, and the role is the one the admin gave. Every outcome is audited.
 */
export function signInWithIdentityProvider(db: Db, agencyId: string, claims: SsoClaims, now: Date, userAgent: string | null): SsoResult {
  return db.transaction((tx): SsoResult => {
    const email = typeof claims.email === "string" ? normaliseEmail(claims.email) : "";
    const refuse = (reason: SsoRefusal, actorUserId: string | null = null): SsoResult => {
      writeAudit(tx, { at: now, action: "sign_in.sso_refused", actorUserId, targetType: "agency", targetId: agencyId, details: { reason, emailDigest: email ? signInDigest("email", email) : null } });
      return { ok: false, reason };
    };
    const provider = tx
      .select({ issuer: agencyIdentityProviders.issuer, domains: agencyIdentityProviders.allowedDomains })
      .from(agencyIdentityProviders)
      .innerJoin(agencies, eq(agencies.id, agencyIdentityProviders.agencyId))
      .where(and(eq(agencyIdentityProviders.agencyId, agencyId), eq(agencies.active, true)))
      .get();
    if (!provider) return refuse("not_configured");
    if (claims.iss !== provider.issuer) return refuse("wrong_issuer");
    if (!email || claims.email_verified === false) return refuse("no_verified_email");
    if (!provider.domains.includes(email.split("@").at(-1) ?? "")) return refuse("domain_not_allowed");
    if (judgeAmr(claims.amr) === "single_factor") return refuse("single_factor");
    const user = tx.select({ id: users.id, active: users.active, agencyId: users.agencyId }).from(users).where(eq(users.email, email)).get();
    // Unknown, deactivated or in another agency: one answer, so the page reveals nothing more.
    if (!user || !user.active || user.agencyId !== agencyId) return refuse("no_account", user?.id ?? null);
    const sessionId = startSsoSession(tx, user.id, now, userAgent);
    writeAudit(tx, { at: now, actorUserId: user.id, actorEmail: email, action: "sign_in.sso", targetType: "session", targetId: sessionId, details: { agencyId, amr: judgeAmr(claims.amr) } });
    return { ok: true, userId: user.id, sessionId };
  });
}
