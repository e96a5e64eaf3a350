"use server";

import { redirect } from "next/navigation";
import { getCurrentUser } from "~/server/auth";
import { signIn } from "~/server/auth/config";
import { safeLocalPath } from "~/server/http/safe-path";
import { providerIdFor } from "~/server/services/identity-providers";

/**
 * A user who signed in through their agency confirms it is them there again (decision 063):
 * `max_age=0` and `prompt=login` ask the provider for a new sign-in, which starts a new session.
 */
export async function confirmThroughAgencyAction(formData: FormData): Promise<void> {
  const user = await getCurrentUser();
  if (!user || user.signInMethod !== "sso") redirect("/sign-in");
  await signIn(providerIdFor(user.agencyId), { redirectTo: safeLocalPath(formData.get("next")) }, { prompt: "login", max_age: "0", login_hint: user.email });
}
