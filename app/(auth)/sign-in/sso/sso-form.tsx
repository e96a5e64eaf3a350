"use client";

import { useActionState } from "react";
import { ErrorSummary, summaryErrors } from "~/components/ui/error-summary";
import { Button, TextInput } from "~/components/ui/fields";
import { IDLE } from "~/components/ui/form-state";
import { ssoSignInAction } from "./actions";

export function SsoForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(ssoSignInAction, IDLE);
  return (
    <form action={action} noValidate aria-busy={pending}>
      <ErrorSummary errors={summaryErrors(["email"], state.fieldErrors, state.message)} />
      <input type="hidden" name="next" value={next} />
      <TextInput
        id="email"
        label="Work email address"
        hint="We send you to your agency's sign-in page, for example Microsoft, then back here."
        type="email"
        autoComplete="username"
        spellCheck={false}
        defaultValue={state.values?.email}
        error={state.fieldErrors?.email?.[0]}
      />
      <Button>Continue to your agency&apos;s sign-in</Button>
    </form>
  );
}
