import { TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";
import type { FormState } from "~/components/ui/form-state";
import { AppError, ConflictError } from "~/server/errors";

/** Field errors keyed by the input path below `prefix`, joined with "-" (the form's field ids). */
function nestedFieldErrors(error: ZodError, prefix: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String);
    if (path[0] !== prefix) continue;
    const key = path.slice(1).join("-") || prefix;
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/**
 * Turns a procedure's refusal into a form state the page can show in its error summary. With
 * `nestedUnder`, errors inside that input object are keyed by their full path (victim.disability.details
 * becomes "disability-details").
 */
export function formStateFromError(error: unknown, values: Record<string, string>, nestedUnder?: string): FormState {
  if (error instanceof TRPCError && error.cause instanceof ZodError) {
    const fieldErrors = nestedUnder ? { ...z.flattenError(error.cause).fieldErrors, ...nestedFieldErrors(error.cause, nestedUnder) } : z.flattenError(error.cause).fieldErrors;
    return { status: "error", fieldErrors, values };
  }
  if (error instanceof ConflictError) return { status: "error", message: error.message, values, version: error.currentVersion };
  if (error instanceof AppError) return { status: "error", message: error.message, fieldErrors: error.fieldErrors, values };
  if (error instanceof TRPCError && (error.code === "FORBIDDEN" || error.code === "UNAUTHORIZED")) {
    return { status: "error", message: error.message, values };
  }
  throw error;
}
