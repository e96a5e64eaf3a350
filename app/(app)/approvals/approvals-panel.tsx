"use client";

import { useActionState } from "react";
import { PendingChange, type PendingChangeView } from "~/components/changes/pending-change";
import { ErrorSummary, summaryErrors } from "~/components/ui/error-summary";
import { Button } from "~/components/ui/fields";
import { IDLE } from "~/components/ui/form-state";
import { SuccessBanner } from "~/components/ui/notification-banner";
import { decideAction } from "./actions";
import type { DecisionState } from "./decision-state";

/**
 * The list and one decision state for the whole page, so the one-time password stays on screen
 * after the approved proposal leaves the list. It is never put in the address or stored.
 */
export function ApprovalsPanel({ changes, myId }: { changes: (PendingChangeView & { proposedById: string })[]; myId: string }) {
  const [state, action, pending] = useActionState<DecisionState, FormData>(decideAction, IDLE);
  return (
    <>
      <ErrorSummary errors={summaryErrors([], state.fieldErrors, state.message)} />
      {state.decision === "approved" ? (
        <SuccessBanner>
          The change has been approved.
          {state.oneTimePassword ? (
            <span className="mt-2 block font-normal">
              Give this one-time password to {state.userName ?? "the user"} in person or by phone. It is shown only this once, works
              for one sign-in, and they must then choose their own password:{" "}
              <code className="bg-panel px-2 py-1 text-xl font-bold tracking-wider" data-testid="one-time-password">
                {state.oneTimePassword}
              </code>
            </span>
          ) : null}
        </SuccessBanner>
      ) : null}
      {state.decision === "rejected" ? <SuccessBanner>The change has been rejected.</SuccessBanner> : null}
      {changes.length === 0 ? <p>Nothing is waiting for approval.</p> : null}
      {changes.map((c) => (
        <PendingChange key={c.id} change={c}>
          {c.proposedById === myId ? (
            <p className="mb-4">You proposed this change, so another chair must decide it.</p>
          ) : (
            <form action={action} aria-busy={pending} className="flex flex-wrap gap-4">
              <input type="hidden" name="id" value={c.id} />
              <Button name="decision" value="approve">Approve<span className="sr-only">: {c.title}</span></Button>
              <Button name="decision" value="reject" variant="warning">Reject<span className="sr-only">: {c.title}</span></Button>
            </form>
          )}
        </PendingChange>
      ))}
    </>
  );
}
