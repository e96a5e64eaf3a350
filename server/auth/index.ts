import "server-only";
import { cache } from "react";
import { getDb } from "~/server/db";
import { applySecondFactorRule } from "~/server/auth/second-factor-roles";
import { resolveSession, type SessionUser } from "~/server/services/sessions";
import { cookies } from "next/headers";
import { sessionIdFromCookies } from "./session-cookie";

/** The signed-in user for this request, checked against the database (once per request). */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const sid = await sessionIdFromCookies(await cookies());
  if (!sid) return null;
  const user = resolveSession(getDb(), sid, new Date());
  return user ? applySecondFactorRule(user) : null;
});
