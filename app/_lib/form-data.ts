/** The string fields of a submitted form, to validate and to put back into the form on error. */
export function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string" && !k.startsWith("$ACTION")) out[k] = v;
  return out;
}

/** The values to put back into a form after an error: never a password. */
export function safeToEcho(values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (!/password/i.test(k)) out[k] = v;
  return out;
}

/** A GOV.UK yes/no radio: "yes" is true, "no" is false, nothing chosen is undefined (a validation error). */
export function yesNo(value: string | undefined): boolean | undefined {
  return value === "yes" ? true : value === "no" ? false : undefined;
}

/** A whole-number field: blank or not a number stays as NaN so the schema reports it. */
export function wholeNumber(value: string | undefined): number {
  return value === undefined || value.trim() === "" ? Number.NaN : Number(value.trim());
}
