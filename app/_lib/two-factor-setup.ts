"use server";

import { redirect } from "next/navigation";
import { formValues } from "~/app/_lib/form-data";
import type { FormState } from "~/components/ui/form-state";
import { formStateFromError } from "~/server/api/form-errors";
import { getServerApi } from "~/server/api/server-caller";
import { StaleSecondFactor } from "~/server/services/two-factor";

/** The two set-up pages: the forced one after sign-in, and the one under Your account. */
const SETUP_PAGES = ["/set-up-two-factor", "/account/two-factor"] as const;
const setupPage = (value: string | undefined) => SETUP_PAGES.find((p) => p === value) ?? SETUP_PAGES[1];

export async function beginTwoFactorAction(formData: FormData): Promise<void> {
  const page = setupPage(formValues(formData).page);
  try {
    await (await getServerApi()).account.beginTwoFactor();
  } catch (e) {
    // Replacing an authenticator needs a fresh code from the old one first.
    if (e instanceof StaleSecondFactor) redirect(`/account/confirm?next=${encodeURIComponent(page)}`);
    throw e;
  }
  redirect(page);
}

/** After confirming: the recovery codes, shown this once. */
export type ConfirmTwoFactorState = FormState & { recoveryCodes?: string[] };

export async function confirmTwoFactorAction(_prev: ConfirmTwoFactorState, formData: FormData): Promise<ConfirmTwoFactorState> {
  const v = formValues(formData);
  try {
    const { recoveryCodes } = await (await getServerApi()).account.confirmTwoFactor({ code: v.code ?? "" });
    return { status: "success", recoveryCodes };
  } catch (e) {
    return formStateFromError(e, {});
  }
}
