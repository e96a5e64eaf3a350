import type { Tag } from "../../tags";
import { KeywordScanner } from "./keywords";
import type { Guard, Rule, RuleFamily } from "./types";

interface Prefiltered<T> {
  readonly item: T;
  /** Keyword ids of `item.requires`; undefined when the item has none (it always runs). */
  readonly keys: readonly number[] | undefined;
}

/**
 * The rule families, run for speed: every `requires` string of every rule and guard is looked
 * for in one pass over the lowercased sentence (KeywordScanner), and a rule or guard runs only if
 * one of its strings is present. Same answer as `firingRules` for every family, in the same order.
 */
export class RuleRunner {
  private readonly scanner: KeywordScanner;
  private readonly present: Uint8Array;
  private readonly families: readonly {
    readonly tag: Tag;
    readonly guards: readonly Prefiltered<Guard>[];
    readonly rules: readonly Prefiltered<Rule>[];
    /** Every rule's keys; undefined if some rule has no `requires`. */
    readonly anyRule: readonly number[] | undefined;
  }[];

  constructor(families: readonly RuleFamily[]) {
    const ids = new Map<string, number>();
    const keysOf = (requires: readonly string[] | undefined): number[] | undefined =>
      requires?.map((r) => {
        let id = ids.get(r);
        if (id === undefined) {
          id = ids.size;
          ids.set(r, id);
        }
        return id;
      });
    this.families = families.map((f) => {
      const rules = f.rules.map((item) => ({ item, keys: keysOf(item.requires) }));
      const anyRule = rules.every((r) => r.keys !== undefined) ? [...new Set(rules.flatMap((r) => r.keys ?? []))] : undefined;
      return { tag: f.tag, guards: f.guards.map((item) => ({ item, keys: keysOf(item.requires) })), rules, anyRule };
    });
    this.scanner = new KeywordScanner([...ids.keys()]);
    this.present = new Uint8Array(ids.size);
  }

  private mayMatch(keys: readonly number[] | undefined): boolean {
    if (keys === undefined) return true;
    for (const k of keys) if (this.present[k] === 1) return true;
    return false;
  }

  /** The tags and rule ids (family order, then table order) that fire on `sentence`; `lower` is its lowercase. */
  run(sentence: string, lower: string): { tags: Set<Tag>; rules: string[] } {
    this.scanner.scan(lower, this.present);
    const tags = new Set<Tag>();
    const rules: string[] = [];
    for (const family of this.families) {
      if (!this.mayMatch(family.anyRule)) continue; // no rule can fire, so the guards need not run
      let masked = sentence;
      for (const { item, keys } of family.guards) {
        if (this.mayMatch(keys)) masked = masked.replace(item.pattern, (m) => " ".repeat(m.length));
      }
      for (const { item, keys } of family.rules) {
        if (this.mayMatch(keys) && item.pattern.test(masked) && !(item.unless?.test(masked) ?? false)) {
          tags.add(family.tag);
          rules.push(item.id);
        }
      }
    }
    return { tags, rules };
  }
}
