/** What a form's server action returns: field errors for the summary, and the values to put back. */
export type FormState = {
  status: "idle" | "error" | "success";
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  values?: Record<string, string>;
  /** After an edit conflict: the version now current, so saving again is a deliberate choice. */
  version?: number;
};

export const IDLE: FormState = { status: "idle" };
