import type { FormState } from "~/components/ui/form-state";

/** A chair's decision: after approving a new account or a reset, the one-time password, once. */
export type DecisionState = FormState & {
  decision?: "approved" | "rejected";
  oneTimePassword?: string | null;
  userName?: string | null;
};
