"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import type { FormState } from "~/components/ui/form-state";
import { signIn } from "~/server/auth/config";
import { FAILURE_WINDOW_MS, LOCK_DURATION_MS, MAX_FAILED_SIGN_INS } from "~/server/auth/rules";
import { safeLocalPath } from "~/server/http/safe-path";

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const field = (name: string) => { const v = formData.get(name); return typeof v === "string" ? v : ""; };
  const email = field("email").slice(0, 320);
  const password = field("password").slice(0, 1000);
  const values = { email };
  const fieldErrors: Record<string, string[]> = {};
  if (!email.trim()) fieldErrors.email = ["Enter your email address"];
  if (!password) fieldErrors.password = ["Enter your password"];
  if (Object.keys(fieldErrors).length > 0) return { status: "error", fieldErrors, values };

  try {
    await signIn("credentials", { email, password, redirectTo: safeLocalPath(formData.get("next")) });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "locked") {
      return {
        status: "error",
        message: `This account is locked for ${LOCK_DURATION_MS / 60_000} minutes after ${MAX_FAILED_SIGN_INS} failed sign-in attempts. Try again later, or ask your MARAC administrator to help.`,
        values,
      };
    }
    if (error instanceof CredentialsSignin && error.code === "throttled") {
      return {
        status: "error",
        message: `Too many failed sign-ins have come from your network. Try again in ${FAILURE_WINDOW_MS / 60_000} minutes, or ask your MARAC administrator to help.`,
        values,
      };
    }
    if (error instanceof AuthError) {
      return { status: "error", message: "The email address or password is not correct.", values };
    }
    throw error; // NEXT_REDIRECT on success must propagate
  }
  return { status: "success" };
}
