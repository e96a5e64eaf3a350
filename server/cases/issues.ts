import type { z } from "zod";

export type ImportIssue = { path: string; message: string };

/** A zod path as a JSON path a person can follow in the file: $.referrals[3].victim.dateOfBirth */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, part) => (typeof part === "number" ? `${acc}[${part}]` : `${acc}.${String(part)}`), "$");
}

export function issuesOf(error: z.ZodError): ImportIssue[] {
  return error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message }));
}
