import "server-only";
import { cache } from "react";
import { getDb } from "~/server/db";
import { applySecondFactorRule } from "~/server/auth/second-factor-roles";
import { resolveSession, type SessionUser } from "~/server/services/sessions";
import { auth } from "./config";

/** The signed-in user for this request, checked against the database (once per request). */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  if (!session?.sid) return null;
  const user = resolveSession(getDb(), session.sid, new Date());
  return user ? applySecondFactorRule(user) : null;
});
