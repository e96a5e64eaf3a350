"use server";

import { AuthError } from "next-auth";
import type { FormState } from "~/components/ui/form-state";
import { signIn } from "~/server/auth/config";
import { getDb } from "~/server/db";
import { safeLocalPath } from "~/server/http/safe-path";
import { ZEmail } from "~/server/schemas/admin";
import { identityProviderForEmail, providerIdFor } from "~/server/services/identity-providers";

/**
 * Sends the user to the identity provider of the agency that owns their email domain (decision
 * 063), with the email as a hint. Which agencies use single sign-on is not a secret: the page says
 * so for any domain.
 */
export async function ssoSignInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const raw = formData.get("email");
  const parsed = ZEmail.safeParse(typeof raw === "string" ? raw.slice(0, 320) : "");
  const values = { email: typeof raw === "string" ? raw.slice(0, 320) : "" };
  if (!parsed.success) return { status: "error", fieldErrors: { email: [parsed.error.issues[0]?.message ?? "Enter your work email address"] }, values };
  const agency = identityProviderForEmail(getDb(), parsed.data);
  if (!agency) {
    return {
      status: "error",
      fieldErrors: { email: ["Your agency does not sign in to MARAC Desk through its own account. Sign in with your email address and password instead"] },
      values,
    };
  }
  try {
    await signIn(providerIdFor(agency.agencyId), { redirectTo: safeLocalPath(formData.get("next")) }, { login_hint: parsed.data });
  } catch (error) {
    // The provider could not be reached, or its discovery document names another issuer.
    if (error instanceof AuthError) {
      return { status: "error", message: `We could not reach ${agency.agencyName}'s sign-in service, or it did not identify itself as the one set up for MARAC Desk. Try again later, or tell your MARAC administrator.`, values };
    }
    throw error; // NEXT_REDIRECT to the provider must propagate
  }
  return { status: "success" };
}
