import { z } from "zod";
import { CASE_CATALOGUE } from "~/server/domain/case/catalogue";
import type { CatalogueEntry, CatalogueFields } from "~/server/domain/case/catalogue-types";
import { SHARING_CHOICES } from "~/server/domain/case/referral";
import { caseRecordSchema } from "~/server/domain/case/schema";
import { SPAN_SOURCES } from "~/server/domain/case/text";
import type { ProjectedCase } from "~/server/domain/projection/types";
import { REASON_CODES } from "~/server/domain/policy/access";
import { TAGS } from "~/server/domain/tags";

/**
 * The output contract for a projected case, built from the same catalogue the projection walks:
 * every level is a strict object (an unexpected key fails the response instead of leaking), every
 * tagged entry may be the placeholder, and free text is the redacted form. Leaves reuse the
 * record's own zod schemas.
 */
export const ZWithheld = z.strictObject({
  withheld: z.literal(true),
  tags: z.array(z.enum(TAGS)),
  reason: z.string(),
  reasonCode: z.enum(REASON_CODES),
  askWho: z.string(),
});

export const ZProjectedText = z.strictObject({
  text: z.string(),
  spans: z
    .array(
      z.strictObject({
        start: z.number().int(),
        end: z.number().int(),
        tags: z.array(z.enum(TAGS)).readonly(),
        rule: z.string().optional(),
        source: z.enum(SPAN_SOURCES),
        uncertain: z.boolean().optional(),
      }),
    )
    .readonly(),
  notice: z.string().nullable(),
});

/** Strips defaults, prefaults and optionality to reach the schema of the value itself. */
function core(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    const def = s._zod.def as { type: string; innerType?: z.ZodType };
    if ((def.type === "default" || def.type === "prefault" || def.type === "optional" || def.type === "nullable") && def.innerType) s = def.innerType;
    else return s;
  }
}

function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  const s = core(schema);
  if (!(s instanceof z.ZodObject)) throw new Error("catalogue group does not match an object schema");
  return s.shape;
}

function elementOf(schema: z.ZodType): z.ZodType {
  const s = core(schema);
  if (!(s instanceof z.ZodArray)) throw new Error("catalogue list does not match an array schema");
  return s.element as z.ZodType;
}

function entrySchema(entry: CatalogueEntry, source: z.ZodType): z.ZodType {
  let out: z.ZodType;
  switch (entry.kind) {
    case "leaf":
      out = core(source).optional();
      break;
    case "text":
      out = ZProjectedText;
      break;
    case "group":
      out = levelSchema(entry.fields, shapeOf(source));
      break;
    case "list":
      out = z.array(levelSchema(entry.items, shapeOf(elementOf(source))));
      break;
  }
  return entry.tags.length > 0 ? z.union([ZWithheld, out]) : out;
}

function levelSchema(fields: CatalogueFields, shape: Record<string, z.ZodType>): z.ZodType {
  const out: Record<string, z.ZodType> = {};
  for (const [key, entry] of Object.entries(fields)) {
    const source = shape[key];
    if (!source) throw new Error(`catalogue field ${key} has no schema`);
    out[key] = entrySchema(entry, source);
  }
  return z.strictObject(out);
}

/** Typed as the core's ProjectedCase: the schema is derived from the same catalogue that defines that type. */
export const ZProjectedCase = levelSchema(CASE_CATALOGUE, caseRecordSchema.shape) as unknown as z.ZodType<ProjectedCase, ProjectedCase>;

export const ZDecision = z.strictObject({
  path: z.string(),
  kind: z.enum(["field", "sentences"]),
  tags: z.array(z.enum(TAGS)).readonly(),
  outcome: z.enum(["shown", "withheld"]),
  reason: z.enum(REASON_CODES),
  explanation: z.string(),
  overrideUntil: z.string().optional(),
  policyVersion: z.number().int(),
  victimView: z.enum(SHARING_CHOICES).optional(),
});
