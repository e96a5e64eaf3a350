"use server";

import { redirect } from "next/navigation";
import { formValues, safeToEcho } from "~/app/_lib/form-data";
import type { FormState } from "~/components/ui/form-state";
import { formStateFromError } from "~/server/api/form-errors";
import { getServerApi } from "~/server/api/server-caller";

/** The admin proposes the agency's identity provider; a chair approves it (decision 063). */
export async function proposeIdentityProviderAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  const agencyId = v.agencyId ?? "";
  try {
    await (await getServerApi()).admin.agencies.proposeIdentityProvider({
      agencyId,
      issuer: v.issuer ?? "",
      clientId: v.clientId ?? "",
      clientSecret: v.clientSecret ?? "",
      allowedDomains: v.allowedDomains ?? "",
    });
  } catch (e) {
    // The secret is never echoed back into the page.
    const { clientSecret: _secret, ...rest } = safeToEcho(v);
    return formStateFromError(e, rest);
  }
  redirect(`/admin/agencies/${encodeURIComponent(agencyId)}/sign-in?saved=proposed`);
}

export async function removeIdentityProviderAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const agencyId = formValues(formData).agencyId ?? "";
  try {
    await (await getServerApi()).admin.agencies.removeIdentityProvider({ agencyId });
  } catch (e) {
    return formStateFromError(e, {});
  }
  redirect(`/admin/agencies/${encodeURIComponent(agencyId)}/sign-in?saved=removed`);
}
