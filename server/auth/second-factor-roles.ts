import { env } from "~/env";
import type { Role } from "~/server/domain/roles";

/** Whether a role must sign in with an authenticator code as well as a password (decision 051). */
export function secondFactorRequiredFor(role: Role): boolean {
  const setting = env.AUTH_SECOND_FACTOR_ROLES;
  return setting !== "none" && setting.split(",").map((r) => r.trim()).includes(role);
}
