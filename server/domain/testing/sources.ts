import { TAGS, type Tag } from "../tags";
import type { ValueSource } from "./build-case";
import { mulberry32 } from "../random";

/** Values that mean "not filled in"; marker cases pick anything else so every field is filled. */
const EMPTY_CHOICES = new Set(["unknown", "not_known", "not_asked", "dont_know"]);

/** Every value present, every string a unique marker `${prefix}-<path>`, every text one sentence per tag. */
export function markerSource(prefix: string): ValueSource {
  return {
    present: () => true,
    token: (path) => `${prefix}-<${path}>`,
    date: () => "1990-01-31",
    int: () => 4,
    boolean: () => true,
    choose: (_path, options) => options.find((o) => !EMPTY_CHOICES.has(o)) ?? options[0] ?? "",
    count: () => 2,
    sentences: () => [{ tags: [], separator: " " }, ...TAGS.map((tag) => ({ tags: [tag], separator: " " }))],
  };
}

const SEPARATORS = [" ", "  ", "\n", "\n\n", " \n"];

/**
 * Random values from a seed: optional values present about two times in three, every string a
 * unique random token `<t…n…>` (the counter makes it unique, the random part makes it random).
 */
export function randomSource(seed: number): ValueSource {
  const next = mulberry32(seed);
  const int = (max: number) => Math.floor(next() * (max + 1));
  let counter = 0;
  const pick = <T>(items: readonly T[]): T => items[int(items.length - 1)] as T;
  return {
    present: () => next() < 0.67,
    token: () => `<t${int(0xffffff).toString(36)}n${(counter++).toString(36)}>`,
    date: () => `19${String(50 + int(49))}-0${String(1 + int(8))}-1${String(int(9))}`,
    int: () => int(12),
    boolean: () => next() < 0.5,
    choose: (_path, options) => pick(options),
    count: () => 1 + int(2),
    sentences: () =>
      Array.from({ length: int(4) }, () => {
        const tags: Tag[] = next() < 0.4 ? [] : TAGS.filter(() => next() < 0.25);
        return { tags: tags.length > 0 || next() < 0.5 ? tags : [pick(TAGS)], separator: pick(SEPARATORS) };
      }),
  };
}
