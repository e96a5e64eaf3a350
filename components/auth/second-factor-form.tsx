"use client";

import { useActionState } from "react";
import { secondFactorAction } from "~/app/_lib/second-factor";
import { ErrorSummary, summaryErrors } from "~/components/ui/error-summary";
import { Button, TextInput } from "~/components/ui/fields";
import { IDLE } from "~/components/ui/form-state";

/** One box for the 6-digit code from the authenticator app, or a recovery code. */
export function SecondFactorForm({ next, button }: { next: string; button: string }) {
  const [state, formAction] = useActionState(secondFactorAction, IDLE);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={summaryErrors(["code"], state.fieldErrors, state.message)} />
      <input type="hidden" name="next" value={next} />
      <TextInput
        id="code"
        label="Code from your authenticator app"
        hint="The 6-digit code your app shows now. If you do not have your phone, enter one of your recovery codes."
        autoComplete="one-time-code"
        inputMode="text"
        error={state.fieldErrors?.code?.[0]}
      />
      <Button>{button}</Button>
    </form>
  );
}
