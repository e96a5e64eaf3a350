import type { CatalogueEntry, CatalogueFields } from "~/server/domain/case/catalogue-types";
import type { Tag } from "~/server/domain/tags";
import type { FieldCipher } from "~/server/crypto/field-cipher";

/** Tags whose values are encrypted at rest (issue 4); free text is always encrypted whole. */
export const ENCRYPTED_TAGS: ReadonlySet<Tag> = new Set<Tag>(["immigration", "safe_contact", "health", "sexuality"]);

/**
 * Where a value belongs: the authenticated data that binds its ciphertext to table, row, field
 * and the case version it was written at (decision 039), so a value from an older version of the
 * case fails to open in a newer one. `version` is absent only for cases sealed before that
 * (case_sealing_legacy).
 */
export type Place = { table: string; rowId: string; version: number | undefined };
export const placeOf = (p: Place, path: string) => `${p.table}:${p.rowId}${p.version === undefined ? "" : `@v${p.version}`}:${path}`;

function mustSeal(entry: CatalogueEntry, tags: readonly Tag[]): boolean {
  return entry.kind === "text" || tags.some((t) => ENCRYPTED_TAGS.has(t));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Walks one row's document along its catalogue level, applying `atSealed` where a value is (to be) sealed. */
function walk(
  value: Record<string, unknown>,
  fields: CatalogueFields,
  place: Place,
  atSealed: (v: unknown, place: string) => unknown,
  inherited: readonly Tag[],
  base: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(fields)) {
    const v = value[key];
    if (v === undefined) continue;
    const path = base ? `${base}.${key}` : key;
    const tags = [...inherited, ...entry.tags];
    if (mustSeal(entry, tags)) out[key] = atSealed(v, placeOf(place, path));
    else if (entry.kind === "group" && isRecord(v)) out[key] = walk(v, entry.fields, place, atSealed, tags, path);
    else if (entry.kind === "list" && Array.isArray(v))
      out[key] = (v as unknown[]).map((item, i) => (isRecord(item) ? walk(item, entry.items, place, atSealed, tags, `${path}[${i}]`) : item));
    else out[key] = v;
  }
  return out;
}

/**
 * Seals a document (one row's part of the case record), walking its catalogue level: values that
 * must be encrypted become ciphertext one by one; the rest stay as they are. Keys the catalogue
 * does not know are dropped.
 */
export function sealDocument(cipher: FieldCipher, value: Record<string, unknown>, fields: CatalogueFields, place: Place, inherited: readonly Tag[] = []): Record<string, unknown> {
  return walk(value, fields, place, (v, at) => cipher.seal(JSON.stringify(v), at), inherited, "");
}

/** The reverse of sealDocument: decrypts each sealed value, checking it belongs exactly here. */
export function openDocument(cipher: FieldCipher, value: Record<string, unknown>, fields: CatalogueFields, place: Place, inherited: readonly Tag[] = []): Record<string, unknown> {
  return walk(value, fields, place, (v, at) => JSON.parse(cipher.open(typeof v === "string" ? v : "", at)) as unknown, inherited, "");
}
