import { z } from "zod";

/**
 * Building blocks shared by the case-record schemas. Messages are plain English because the same
 * schemas validate imports, tRPC inputs and forms, and the message is what a practitioner reads.
 */

/** A calendar date written yyyy-mm-dd (ISO 8601), e.g. 2024-03-31. */
export const isoDate = (what: string) =>
  z.iso.date({ error: `Enter ${what} as a date in the form yyyy-mm-dd, for example 2024-03-31.` });

/** Optional short text (a name, an address line, a phone number). Empty input is stored as "not given". */
export const optionalText = (what: string, max = 500) =>
  z
    .string({ error: `${what} must be text.` })
    .trim()
    .max(max, { error: `${what} must be ${max} characters or fewer.` })
    .optional();

/** Required short text. */
export const requiredText = (what: string, max = 500) =>
  z
    .string({ error: `Enter ${what}.` })
    .trim()
    .min(1, { error: `Enter ${what}.` })
    .max(max, { error: `${what} must be ${max} characters or fewer.` });

/** A yes / no answer where "not known" is always allowed and is the default: nothing is ever forced. */
export const YES_NO_UNKNOWN = ["yes", "no", "unknown"] as const;
export type YesNoUnknown = (typeof YES_NO_UNKNOWN)[number];

export const yesNoUnknown = (what: string) =>
  z.enum(YES_NO_UNKNOWN, { error: `${what} must be yes, no or not known.` }).default("unknown");

export const GENDERS = ["female", "male", "other", "not_known"] as const;
export type Gender = (typeof GENDERS)[number];

export const gender = (what: string) =>
  z.enum(GENDERS, { error: `${what} must be female, male, other or not known.` }).default("not_known");

/** Other names a person is known by. Each alias is short text; the list may be empty. */
export const aliases = (what: string) =>
  z.array(requiredText(`each alias of ${what}`, 200), { error: `Aliases of ${what} must be a list.` }).default([]);
