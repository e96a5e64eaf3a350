import { z } from "zod";
import { ZReferral } from "~/server/cases/import-schema";

/**
 * What one save of the referral form may write into a draft: the referral's own shape with every
 * field optional and every value kept as typed (valid or not, so nothing is lost), but no key the
 * referral does not have. Built from ZReferral so the two cannot drift apart. Size is capped on
 * the whole draft (DRAFT_MAX_BYTES), not here.
 */

/** The top-level keys the form's pages save (referring is filled in from the session on submit). */
const DRAFT_KEYS = ["victim", "perpetrators", "householdMembers", "dash", "criteria", "consent", "victimViews", "narrative", "referring"] as const;

const MAX_LIST = 100;
const MAX_TEXT = 100_000;

/** A leaf as the form saved it: text, a number or a yes/no. */
const asTyped = z.union([z.string().max(MAX_TEXT, { error: `An answer must be ${MAX_TEXT.toLocaleString("en-GB")} characters or fewer.` }), z.number(), z.boolean()], {
  error: "An answer in a draft must be text, a number or yes/no.",
});

const unknownKeys = (where: string) => ({
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === "unrecognized_keys" ? `The referral form has no field called ${(issue.keys ?? []).join(", ")}${where}.` : `Expected a group of answers${where}.`,
});

/** The draft form of a schema: strict objects with optional fields, lists capped, leaves as typed. */
function draftOf(schema: z.ZodType, where: string): z.ZodType {
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodPrefault || schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
    return draftOf(schema.def.innerType as z.ZodType, where);
  }
  if (schema instanceof z.ZodObject) {
    const shape = Object.fromEntries(Object.entries(schema.shape).map(([key, child]) => [key, draftOf(child as z.ZodType, ` in ${key}`).optional()]));
    return z.strictObject(shape, unknownKeys(where));
  }
  if (schema instanceof z.ZodArray) {
    return z.array(draftOf(schema.element as z.ZodType, where)).max(MAX_LIST, { error: `A list in a draft may hold at most ${MAX_LIST} entries.` });
  }
  return asTyped;
}

const shape = ZReferral.shape;
export const ZDraftPatch = z.strictObject(
  Object.fromEntries(DRAFT_KEYS.map((key) => [key, draftOf(shape[key], ` in ${key}`).optional()])) as Record<(typeof DRAFT_KEYS)[number], z.ZodOptional<z.ZodType>>,
  unknownKeys(""),
);
export type TDraftPatch = z.infer<typeof ZDraftPatch>;

/** The most a draft may hold, as JSON: far above any real referral (a long one is about 40 kB). */
export const DRAFT_MAX_BYTES = 256 * 1024;

/** How long a draft is kept after it was last saved. Older drafts are deleted (README, Referrals). */
export const DRAFT_LIFETIME_DAYS = 30;
