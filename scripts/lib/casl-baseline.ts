import { createMongoAbility, subject, type MongoAbility } from "@casl/ability";
import { permittedFieldsOf } from "@casl/ability/extra";
import { AGENCY_TYPES, type AgencyType, type CaseRecord, DEFAULT_SHARING_TABLE, listCatalogue } from "~/server/domain";

/**
 * The baseline the issue asks for: the structured part of the projection done with CASL, i.e.
 * `permittedFieldsOf` to list the fields an agency type may read, then a pick of those fields.
 * No placeholders, no sentence redaction, no decisions: it is a floor for comparison, not a
 * replacement (CASL's default is also the opposite of ours: a rule without fields allows all).
 */
type Abilities = Record<AgencyType, MongoAbility>;

const LEAVES = listCatalogue().filter((row) => row.kind === "leaf" || row.kind === "text");

export function buildCaslAbilities(): Abilities {
  const abilities = {} as Abilities;
  for (const type of AGENCY_TYPES) {
    const fields = LEAVES.filter((row) => row.effectiveTags.every((tag) => DEFAULT_SHARING_TABLE[type][tag] === "yes")).map((row) => row.path);
    abilities[type] = createMongoAbility([{ action: "read", subject: "Case", fields }]);
  }
  return abilities;
}

/** The same plain-data copy the projection uses, so neither side is charged for a heavier clone. */
function copyPlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyPlain);
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyPlain(v)]));
  return value;
}

/** Copies `path` ("a.b", "list[].c") from `source` into `target`, creating structure as needed. */
function pickPath(source: unknown, target: Record<string, unknown>, segments: readonly string[]): void {
  const [head, ...rest] = segments;
  if (head === undefined || typeof source !== "object" || source === null) return;
  const record = source as Record<string, unknown>;
  if (head.endsWith("[]")) {
    const key = head.slice(0, -2);
    const items = record[key];
    if (!Array.isArray(items)) return;
    const out = (target[key] ??= items.map(() => ({}))) as Record<string, unknown>[];
    items.forEach((item, i) => { if (out[i]) pickPath(item, out[i], rest); });
    return;
  }
  if (rest.length === 0) {
    if (head in record) target[head] = copyPlain(record[head]);
    return;
  }
  const child = (target[head] ??= {}) as Record<string, unknown>;
  pickPath(record[head], child, rest);
}

export function caslProject(record: CaseRecord, agencyType: AgencyType, abilities: Abilities): Record<string, unknown> {
  const ability = abilities[agencyType];
  const fields = permittedFieldsOf(ability, "read", subject("Case", { ...record }), { fieldsFrom: (rule) => rule.fields ?? [] });
  const out: Record<string, unknown> = {};
  for (const field of fields) pickPath(record, out, field.split("."));
  return out;
}
