/**
 * The `amr` rule for single sign-on (decision 063). Multi-factor authentication is the agency's
 * identity provider's job; when its ID token says how the user authenticated (`amr`, RFC 8176),
 * we hold it to that: "mfa", or a possession factor (a key, a one-time code, a phone, a smart
 * card) alongside another method. A token without `amr` is accepted: the agency's own policy applies.
 */
const POSSESSION_METHODS = new Set(["hwk", "swk", "otp", "sms", "tel", "sc", "pop"]);

export type AmrVerdict = "multi_factor" | "not_stated" | "single_factor";

export function judgeAmr(amr: unknown): AmrVerdict {
  if (amr === undefined || amr === null) return "not_stated";
  if (!Array.isArray(amr)) return "single_factor";
  const methods = new Set(amr.filter((m): m is string => typeof m === "string"));
  if (methods.has("mfa")) return "multi_factor";
  const possession = [...methods].some((m) => POSSESSION_METHODS.has(m));
  return possession && methods.size >= 2 ? "multi_factor" : "single_factor";
}
