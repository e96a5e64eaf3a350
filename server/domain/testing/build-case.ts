import { CASE_CATALOGUE } from "../case/catalogue";
import type { CatalogueEntry, CatalogueFields } from "../case/catalogue-types";
import { type CaseRecord, caseRecordSchema } from "../case/schema";
import { reviewEverything } from "../review/record";
import type { Span } from "../case/text";
import { TAGS, type Tag } from "../tags";
import { describeSchema, type Shape } from "./schema-shape";

/** Where a built case gets its values. Paths are concrete ("perpetrators[1].address"). */
export interface ValueSource {
  /** Whether an optional value is given at all. */
  present(path: string): boolean;
  /** A unique string for this path (a marker or a random token). */
  token(path: string): string;
  date(path: string): string;
  int(path: string): number;
  boolean(path: string): boolean;
  choose(path: string, options: readonly string[]): string;
  count(path: string): number;
  /** The sentences of a free-text field: each with the tags of its span (none = untagged text). */
  sentences(path: string): readonly { readonly tags: readonly Tag[]; readonly separator: string }[];
}

/** A string token placed in a case, with every tag a viewer needs to see it. */
export interface PlacedToken {
  readonly token: string;
  readonly path: string;
  readonly tags: readonly Tag[];
}

export interface BuiltCase {
  readonly record: CaseRecord;
  readonly tokens: readonly PlacedToken[];
}

/** Decides, from an item's effective tags, whether to leave it empty (the "empty restricted" twin). */
export type BlankWhen = (tags: readonly Tag[]) => boolean;

const CASE_SHAPE = describeSchema(caseRecordSchema);
const union = (a: readonly Tag[], b: readonly Tag[]) => TAGS.filter((t) => a.includes(t) || b.includes(t));
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

/**
 * Builds a valid case by walking the schema and the catalogue together, asking `source` for every
 * value. With `blankWhen`, items (and sentences) whose tags match are left empty, but the source is
 * consulted exactly as before, so every other value is identical to the unblanked build.
 */
export function buildCase(source: ValueSource, blankWhen: BlankWhen = () => false): BuiltCase {
  const tokens: PlacedToken[] = [];

  // Sentences joined by their separators; a left-out sentence takes the whitespace after it with
  // it (or, when last, the whitespace before it), exactly as the projection's redaction does.
  const text = (path: string, tags: readonly Tag[], blank: boolean) => {
    const spans: Span[] = [];
    let out = "";
    let pendingSeparator = "";
    source.sentences(path).forEach((sentence, index) => {
      const token = source.token(`${path}#${index}`);
      const allTags = union(tags, sentence.tags);
      if (blank || blankWhen(allTags)) return;
      tokens.push({ token, path, tags: allTags });
      if (out !== "") out += pendingSeparator;
      const body = `${token}.`;
      if (sentence.tags.length > 0) spans.push({ start: out.length, end: out.length + body.length, tags: [...sentence.tags], source: "manual" });
      out += body;
      pendingSeparator = sentence.separator;
    });
    return { text: out, spans };
  };

  const build = (shape: Shape, entry: CatalogueEntry | undefined, path: string, inherited: readonly Tag[], blankAbove: boolean): unknown => {
    const tags = entry ? union(inherited, entry.tags) : inherited;
    const blank = blankAbove || (entry !== undefined && entry.tags.length > 0 && blankWhen(tags));
    const given = !shape.optional || source.present(path);
    switch (shape.kind) {
      case "taggedText":
        return text(path, tags, blank || !given);
      case "object": {
        const fields: CatalogueFields = entry?.kind === "group" ? entry.fields : entry?.kind === "list" ? entry.items : CASE_CATALOGUE;
        const out: Record<string, unknown> = {};
        for (const [key, child] of Object.entries(shape.fields)) {
          out[key] = build(child, fields[key], path === "" ? key : `${path}.${key}`, tags, blank);
        }
        return out;
      }
      case "array": {
        const n = given ? source.count(path) : 0;
        const items = Array.from({ length: n }, (_, i) =>
          build(shape.element, entry?.kind === "list" ? entry : undefined, `${path}[${i}]`, tags, blank),
        );
        // A required list (perpetrators) keeps its items: only their tagged fields are blanked.
        return blank && shape.optional ? undefined : items;
      }
      case "string": {
        const token = shape.format === "date" ? source.date(path) : source.token(path);
        const value = shape.format === "email" ? `${slug(token)}@example.org` : token;
        if (shape.format !== "date") {
          const placed = shape.format === "email" ? slug(token) : token;
          if (!blank && given) tokens.push({ token: placed, path, tags });
        }
        return blank || !given ? undefined : value;
      }
      case "number": {
        const value = source.int(path);
        return blank || !given ? undefined : value;
      }
      case "boolean": {
        const value = source.boolean(path);
        return blank || !given ? undefined : value;
      }
      case "enum": {
        const value = source.choose(path, shape.options);
        return blank || !given ? undefined : value;
      }
    }
  };

  const raw = build(CASE_SHAPE, undefined, "", [], false);
  // Reviewed, so tests of the tag rules see them apart from the review gate (tested on its own).
  return { record: reviewEverything(caseRecordSchema.parse(raw)), tokens };
}
