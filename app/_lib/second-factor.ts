"use server";

import { redirect } from "next/navigation";
import { formValues } from "~/app/_lib/form-data";
import type { FormState } from "~/components/ui/form-state";
import { formStateFromError } from "~/server/api/form-errors";
import { getServerApi } from "~/server/api/server-caller";
import { FAILURE_WINDOW_MS } from "~/server/auth/rules";
import { safeLocalPath } from "~/server/http/safe-path";

/**
 * Checks an authenticator or recovery code for this session (the second step of signing in, or a
 * fresh check before a sensitive action), then goes on to `next`.
 */
export async function secondFactorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  let result;
  try {
    result = await (await getServerApi()).account.verifySecondFactor({ code: v.code ?? "" });
  } catch (e) {
    return formStateFromError(e, {});
  }
  if (result.ok) redirect(safeLocalPath(v.next));
  if (result.reason === "locked") {
    redirect("/sign-in?locked=1");
  }
  if (result.reason === "throttled") {
    return { status: "error", message: `Too many failed sign-ins have come from your network. Try again in ${FAILURE_WINDOW_MS / 60_000} minutes.` };
  }
  return { status: "error", fieldErrors: { code: ["That code is not right, or it has been used already. Enter the code your app shows now, or a recovery code"] } };
}
