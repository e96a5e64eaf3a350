import { env } from "~/env";
import type { Role } from "~/server/domain/roles";

/** Whether a role must sign in with an authenticator code as well as a password (decision 051). */
export function secondFactorRequiredFor(role: Role): boolean {
  const setting = env.AUTH_SECOND_FACTOR_ROLES;
  return setting !== "none" && setting.split(",").map((r) => r.trim()).includes(role);
}

/**
 * Marks a session user who must set up an authenticator first. Kept apart from resolveSession so
 * the scripts that seed through the services never read the configuration. A session from the
 * agency's identity provider had its multi-factor check there (decision 063).
 */
export function applySecondFactorRule<T extends { role: Role; secondFactorEnrolled?: boolean; signInMethod?: "password" | "sso" }>(user: T): T & { mustEnrolSecondFactor: boolean } {
  return { ...user, mustEnrolSecondFactor: user.signInMethod !== "sso" && user.secondFactorEnrolled === false && secondFactorRequiredFor(user.role) };
}
