import fc from "fast-check";

/** The parts of a JSON Schema (as zod's toJSONSchema writes it) that shape a generated input. */
export interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  enum?: unknown[];
  const?: unknown;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  format?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

/** Values no form should send: nothing, wrong types, oversized and malformed text, odd objects. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, true, false, 0, -1, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, Number.NaN, Number.POSITIVE_INFINITY, 1e308, ""),
  fc.constantFrom("x".repeat(100_000), "\u0000".repeat(1000), "😀".repeat(20_000), "\ud800", "<script>alert(1)</script>", "'; DROP TABLE cases; --", "../../etc/passwd", "2026-02-30", "9999-99-99"),
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.double(),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 4 }),
  fc.object({ maxDepth: 2 }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}') as unknown),
);

const DATES = fc.constantFrom("2026-11-28", "2027-01-14", "1990-03-12", "2026-02-29", "0000-01-01");

function shaped(node: SchemaNode, depth: number): fc.Arbitrary<unknown> {
  if (node.const !== undefined) return fc.constant(node.const);
  if (node.enum) return fc.constantFrom(...node.enum);
  const alternatives = node.anyOf ?? node.oneOf;
  if (alternatives && alternatives.length > 0) return fc.oneof(...alternatives.map((n) => hostileInput(n, depth + 1)));
  const type = Array.isArray(node.type) ? node.type[0] : node.type;
  switch (type) {
    case "string":
      if (node.format === "date") return DATES;
      return fc.oneof(fc.string({ unit: "grapheme", maxLength: (node.maxLength ?? 40) + 2 }), fc.string({ unit: "binary", maxLength: 60 }));
    case "integer":
      return fc.oneof(fc.integer({ min: -5, max: 20 }), fc.integer());
    case "number":
      return fc.double();
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return depth > 4 ? fc.constant([]) : fc.array(hostileInput(node.items ?? {}, depth + 1), { maxLength: 12 });
    case "object": {
      if (depth > 4) return fc.constant({});
      const props = Object.fromEntries(Object.entries(node.properties ?? {}).map(([k, v]) => [k, hostileInput(v, depth + 1)]));
      // Keys are sometimes missing, and sometimes joined by one the schema does not know.
      return fc.tuple(fc.record(props, { requiredKeys: [] }), fc.option(fc.tuple(fc.string({ maxLength: 12 }), hostile))).map(([record, extra]) =>
        extra ? { ...record, [extra[0]]: extra[1] } : record,
      );
    }
    default:
      return hostile;
  }
}

/**
 * Inputs for a procedure, generated from its input schema: mostly the right shape with hostile
 * contents (edge lengths, unicode, missing and unknown keys), sometimes wholly the wrong thing.
 */
export function hostileInput(node: SchemaNode, depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 1, arbitrary: hostile }, { weight: 4, arbitrary: shaped(node, depth) });
}
