import { z } from "zod";
import { taggedTextSchema } from "../case/text";

/**
 * A plain description of a zod schema's structure, so tests and generators can walk the case record
 * without knowing each field: a field added to the schema is covered automatically.
 */
export type Shape =
  | { readonly kind: "object"; readonly fields: Readonly<Record<string, Shape>>; readonly optional: boolean }
  | { readonly kind: "array"; readonly element: Shape; readonly optional: boolean }
  | { readonly kind: "taggedText"; readonly optional: boolean }
  | { readonly kind: "string"; readonly format: "date" | "email" | "text"; readonly optional: boolean }
  | { readonly kind: "number"; readonly optional: boolean }
  | { readonly kind: "boolean"; readonly optional: boolean }
  | { readonly kind: "enum"; readonly options: readonly string[]; readonly optional: boolean };

/** Describes a zod schema; throws on a construct the case record does not use (so it gets handled). */
export function describeSchema(schema: z.ZodType, optional = false): Shape {
  if (schema === taggedTextSchema) return { kind: "taggedText", optional };
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault || schema instanceof z.ZodPrefault) {
    return describeSchema(schema.def.innerType as z.ZodType, true);
  }
  if (schema instanceof z.ZodObject) {
    const fields: Record<string, Shape> = {};
    for (const [key, value] of Object.entries<z.ZodType>(schema.shape)) fields[key] = describeSchema(value);
    return { kind: "object", fields, optional };
  }
  if (schema instanceof z.ZodArray) return { kind: "array", element: describeSchema(schema.element as z.ZodType), optional };
  if (schema instanceof z.ZodEnum) return { kind: "enum", options: schema.options.map(String), optional };
  if (schema instanceof z.ZodBoolean) return { kind: "boolean", optional };
  if (schema instanceof z.ZodNumber) return { kind: "number", optional };
  if (schema instanceof z.ZodStringFormat) {
    const format = schema.format === "date" ? "date" : schema.format === "email" ? "email" : "text";
    return { kind: "string", format, optional };
  }
  if (schema instanceof z.ZodString) return { kind: "string", format: "text", optional };
  throw new Error(`describeSchema: unsupported schema type "${schema.def.type}"`);
}
