"use client";

import { type ReactNode, useActionState, useEffect, useRef } from "react";
import { Button } from "~/components/ui/fields";

/** A failed submit: each problem links to the page and field that hold it. */
export type SubmitState = { status: "idle" | "error"; message?: string; issues?: { href: string; message: string }[] };

export const SUBMIT_IDLE: SubmitState = { status: "idle" };

/** GOV.UK error summary whose links may go to another page of the form. Focused when it appears. */
export function IssueSummary({ issues, message }: { issues: readonly { href: string; message: string }[]; message?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = issues.length > 0 || Boolean(message);
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown, issues, message]);
  if (!shown) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" data-error-summary aria-labelledby="error-summary-title" className="mb-8 border-4 border-error p-4 focus:outline-3 focus:outline-focus">
      <h2 id="error-summary-title" className="mb-4 text-2xl font-bold">
        There is a problem
      </h2>
      {message ? <p className="mb-2">{message}</p> : null}
      <ul className="space-y-2">
        {issues.map((e, i) => (
          <li key={`${e.href}-${i}`}>
            <a href={e.href} className="font-bold text-error">
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The "Submit referral" button, with the error summary above it when the referral is refused. */
export function SubmitReferralForm({ action, draftId, children }: { action: (prev: SubmitState, formData: FormData) => Promise<SubmitState>; draftId: string; children: ReactNode }) {
  const [state, formAction] = useActionState(action, SUBMIT_IDLE);
  return (
    <>
      <IssueSummary issues={state.issues ?? []} message={state.message} />
      {children}
      <form action={formAction} noValidate>
        <input type="hidden" name="draftId" value={draftId} />
        <h2>Now send your referral</h2>
        <p className="mb-6">By submitting this referral you confirm that the details are correct to the best of your knowledge. The MARAC coordinator will triage it.</p>
        <Button>Submit referral</Button>
      </form>
    </>
  );
}
