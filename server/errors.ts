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

/** A stale version: someone else saved first. The message says what to do. */
export function staleVersion(what: string): AppError {
  return new AppError("CONFLICT", `Someone else changed this ${what} while you were editing it. Reload the page to see their changes, then make yours again.`);
}
