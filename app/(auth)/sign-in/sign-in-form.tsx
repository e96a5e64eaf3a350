"use client";

import { useActionState } from "react";
import { ErrorSummary, summaryErrors } from "~/components/ui/error-summary";
import { Button, TextInput } from "~/components/ui/fields";
import { IDLE } from "~/components/ui/form-state";
import { signInAction } from "./actions";

export function SignInForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState(signInAction, IDLE);
  const errors = summaryErrors(["email", "password"], state.fieldErrors, state.message);
  // A wrong password or a lock-out belongs to the form, not one field: link it to the email box.
  const summary = errors.map((e) => (e.field ? e : { ...e, field: "email" }));
  return (
    <form action={action} noValidate aria-busy={pending}>
      <ErrorSummary errors={summary} />
      <input type="hidden" name="next" value={next ?? "/"} />
      <TextInput id="email" label="Email address" type="email" autoComplete="username" spellCheck={false} defaultValue={state.values?.email} error={state.fieldErrors?.email?.[0]} />
      <TextInput id="password" label="Password" type="password" autoComplete="current-password" error={state.fieldErrors?.password?.[0]} />
      <Button>Sign in</Button>
    </form>
  );
}
