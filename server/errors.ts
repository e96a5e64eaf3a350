import { TRPCError } from "@trpc/server";

/** Errors a service raises on purpose; the message is written for the person using the page. */
export type AppErrorCode = "NOT_FOUND" | "CONFLICT" | "BAD_REQUEST" | "FORBIDDEN";

export class AppError extends TRPCError {
  /** Per-field messages for the form's error summary, keyed by input field name. */
  readonly fieldErrors: Record<string, string[]> | undefined;
  constructor(code: AppErrorCode, message: string, fieldErrors?: Record<string, string[]>) {
    super({ code, message });
    this.fieldErrors = fieldErrors;
  }
}

/**
 * Someone else saved the case first. Names what they changed (field names, never values) and the
 * version now current, so the form can keep this person's edit and let them save it deliberately.
 */
export class ConflictError extends AppError {
  readonly changedFields: string[];
  readonly currentVersion: number;
  constructor(what: string, changedFields: string[], currentVersion: number) {
    const list = changedFields.length > 0 ? ` They changed: ${changedFields.join("; ")}.` : "";
    super("CONFLICT", `Someone else changed this ${what} while you were editing it.${list} Your changes have not been saved; they are still in the form. Check the case, then save again to keep yours.`);
    this.changedFields = changedFields;
    this.currentVersion = currentVersion;
  }
}

/** A stale version: someone else saved first. The message says what to do. */
export function staleVersion(what: string): AppError {
  return new AppError("CONFLICT", `Someone else changed this ${what} while you were editing it. Reload the page to see their changes, then make yours again.`);
}
