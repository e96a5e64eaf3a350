"use client";

import Link from "next/link";
import { useActionState } from "react";
import { confirmTwoFactorAction, type ConfirmTwoFactorState } from "~/app/_lib/two-factor-setup";
import { ErrorSummary, summaryErrors } from "~/components/ui/error-summary";
import { Button, TextInput } from "~/components/ui/fields";

const START: ConfirmTwoFactorState = { status: "idle" };

/** Confirms the new authenticator with a code, then shows the recovery codes once. */
export function ConfirmTwoFactorForm() {
  const [state, formAction] = useActionState(confirmTwoFactorAction, START);
  if (state.recoveryCodes) {
    return (
      <div data-testid="recovery-codes">
        <h2>Your authenticator app is set up</h2>
        <p className="mb-4 font-bold">
          Save these recovery codes somewhere safe, away from your phone. Each works once, instead of a code from the app. You
          will not see them again.
        </p>
        <ul className="mb-6 grid grid-cols-2 gap-2 font-mono text-lg sm:w-96">
          {state.recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <p>
          <Link href="/" className="font-bold">I have saved my recovery codes: continue</Link>
        </p>
      </div>
    );
  }
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={summaryErrors(["code"], state.fieldErrors, state.message)} />
      <TextInput id="code" label="Code from your authenticator app" hint="The 6-digit code the app shows for MARAC Desk." autoComplete="one-time-code" inputMode="numeric" width="short" error={state.fieldErrors?.code?.[0]} />
      <Button>Confirm and get recovery codes</Button>
    </form>
  );
}
