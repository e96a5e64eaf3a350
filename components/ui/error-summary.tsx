"use client";

import { useEffect, useRef } from "react";

export type SummaryError = { field?: string; message: string };

/**
 * GOV.UK error summary: at the top of the form, focused when it appears, each error linking to
 * its field.
 */
export function ErrorSummary({ errors }: { errors: SummaryError[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" data-error-summary aria-labelledby="error-summary-title" className="mb-8 border-4 border-error p-4 focus:outline-3 focus:outline-focus">
      <h2 id="error-summary-title" className="mb-4 text-2xl font-bold">
        There is a problem
      </h2>
      <ul className="space-y-2">
        {errors.map((e, i) => (
          <li key={`${e.field ?? "form"}-${i}`}>
            {e.field ? (
              <a href={`#${e.field}`} className="font-bold text-error">
                {e.message}
              </a>
            ) : (
              <span className="font-bold text-error">{e.message}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Flattens a form state's errors into summary lines, in the order the fields appear. */
export function summaryErrors(fieldOrder: readonly string[], fieldErrors: Record<string, string[] | undefined> | undefined, message?: string): SummaryError[] {
  const lines: SummaryError[] = [];
  for (const field of fieldOrder) {
    const first = fieldErrors?.[field]?.[0];
    if (first) lines.push({ field, message: first });
  }
  if (lines.length === 0 && message) lines.push({ message });
  return lines;
}
