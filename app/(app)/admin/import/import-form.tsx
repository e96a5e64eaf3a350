"use client";

import { useActionState } from "react";
import { ErrorSummary } from "~/components/ui/error-summary";
import { Button } from "~/components/ui/fields";
import { SuccessBanner } from "~/components/ui/notification-banner";
import { importAction, type ImportState } from "./actions";
import { TableScroll } from "~/components/ui/table-scroll";

const IDLE: ImportState = { status: "idle" };

export function ImportForm() {
  const [state, action, pending] = useActionState(importAction, IDLE);
  return (
    <>
      {state.status === "success" ? (
        <SuccessBanner>
          Imported {state.caseNumbers.length} {state.caseNumbers.length === 1 ? "referral" : "referrals"}: {state.caseNumbers.join(", ")}
        </SuccessBanner>
      ) : null}
      {state.status === "error" ? <ErrorSummary errors={[{ field: "file", message: state.message }]} /> : null}
      {state.status === "error" && state.issues.length > 0 ? (
        <TableScroll label="Problems in the file"><table className="mb-8 w-full border-collapse text-left text-sm">
          <caption className="mb-2 text-left text-lg font-bold">Problems in the file</caption>
          <thead>
            <tr className="border-b border-border">
              <th scope="col" className="py-2 pr-3">Where</th>
              <th scope="col" className="py-2 pr-3">Problem</th>
            </tr>
          </thead>
          <tbody>
            {state.issues.map((i, n) => (
              <tr key={n} className="border-b border-border">
                <td className="py-2 pr-3 font-mono break-all">{i.path}</td>
                <td className="py-2 pr-3">{i.message}</td>
              </tr>
            ))}
          </tbody>
        </table></TableScroll>
      ) : null}
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
