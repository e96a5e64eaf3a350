import { TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";
import type { FormState } from "~/components/ui/form-state";
import { AppError, ConflictError } from "~/server/errors";

/** Turns a procedure's refusal into a form state the page can show in its error summary. */
export function formStateFromError(error: unknown, values: Record<string, string>): FormState {
  if (error instanceof TRPCError && error.cause instanceof ZodError) {
    return { status: "error", fieldErrors: z.flattenError(error.cause).fieldErrors, values };
  }
  if (error instanceof ConflictError) return { status: "error", message: error.message, values, version: error.currentVersion };
  if (error instanceof AppError) return { status: "error", message: error.message, fieldErrors: error.fieldErrors, values };
  if (error instanceof TRPCError && (error.code === "FORBIDDEN" || error.code === "UNAUTHORIZED")) {
    return { status: "error", message: error.message, values };
  }
  throw error;
}
