"use client";

import { useActionState } from "react";
import { ErrorSummary, summaryErrors } from "~/components/ui/error-summary";
import { Button, TextInput } from "~/components/ui/fields";
import { IDLE } from "~/components/ui/form-state";
import { choosePasswordAction } from "./actions";

const FIELDS = ["newPassword", "confirmPassword"] as const;

export function ChoosePasswordForm() {
  const [state, formAction] = useActionState(choosePasswordAction, IDLE);
  const err = (f: (typeof FIELDS)[number]) => state.fieldErrors?.[f]?.[0];
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={summaryErrors(FIELDS, state.fieldErrors, state.message)} />
      <TextInput id="newPassword" label="New password" type="password" autoComplete="new-password" hint="At least 12 characters. A few unrelated words make a strong password." error={err("newPassword")} />
      <TextInput id="confirmPassword" label="Confirm new password" type="password" autoComplete="new-password" error={err("confirmPassword")} />
      <Button>Save password and continue</Button>
    </form>
  );
}
