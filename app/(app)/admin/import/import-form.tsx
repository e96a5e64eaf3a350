"use client";

import { useActionState } from "react";
import { ErrorSummary } from "~/components/ui/error-summary";
import { Button } from "~/components/ui/fields";
import { importAction, type ImportState } from "./actions";
import { ImportIssues } from "./import-issues";

const IDLE: ImportState = { status: "idle" };

export function ImportForm() {
  const [state, action, pending] = useActionState(importAction, IDLE);
  return (
    <>
      {state.status === "error" ? <ErrorSummary errors={[{ field: "file", message: state.message }]} /> : null}
      {state.status === "error" && state.issues.length > 0 ? <ImportIssues issues={state.issues} /> : null}
      <form action={action} aria-busy={pending}>
        <div className={state.status === "error" ? "mb-6 border-l-4 border-error pl-4" : "mb-6"}>
          <label htmlFor="file" className="mb-1 block text-lg font-bold">Referrals file (JSON)</label>
          <p id="file-hint" className="mb-2 text-secondary">In the format described in docs/import-format.md. Every referral is checked before any is saved.</p>
          <input id="file" name="file" type="file" accept="application/json,.json" aria-describedby="file-hint" className="block" />
        </div>
        <Button>Import referrals</Button>
      </form>
    </>
  );
}
