import type { Tag } from "../tags";
import type { TaggedText } from "./text";

/**
 * Shapes of the classification catalogue. Every field of the case record has exactly one entry,
 * stating its own tags (possibly none: an explicit "untagged" decision) and why.
 *
 * An item's effective tags are its own tags plus those of every enclosing group or list, so a
 * child's school (list tagged `children`, field tagged `safe_contact`) needs both to be shown.
 */
export type TagList = readonly Tag[];

interface EntryBase<T extends TagList> {
  readonly tags: T;
  /** Why this field has these tags, for docs/classification.md and the DA lead reviewing it. */
  readonly note: string;
}
/** A value shown or withheld as a whole: text, number, enum, boolean, list of short strings. */
export interface LeafEntry<T extends TagList = TagList> extends EntryBase<T> {
  readonly kind: "leaf";
}
/** Free text tagged at sentence level; on top of the field's own tags, sentences carry span tags. */
export interface TextEntry<T extends TagList = TagList> extends EntryBase<T> {
  readonly kind: "text";
}
/** A nested object. If withheld, the whole object becomes one placeholder. */
export interface GroupEntry<T extends TagList = TagList, F = CatalogueFields> extends EntryBase<T> {
  readonly kind: "group";
  readonly fields: F;
}
/** A list of objects. If withheld, the whole list becomes one placeholder: its length is not revealed. */
export interface ListEntry<T extends TagList = TagList, F = CatalogueFields> extends EntryBase<T> {
  readonly kind: "list";
  readonly items: F;
}

export type CatalogueEntry = LeafEntry | TextEntry | GroupEntry | ListEntry;
/** The runtime view of a catalogue level, used by the generic walkers. */
export interface CatalogueFields {
  readonly [field: string]: CatalogueEntry;
}

/** The entry a field of type V must have: chosen by the value's shape, so tsc checks the kind too. */
export type EntryFor<V> = [NonNullable<V>] extends [TaggedText]
  ? TextEntry
  : [NonNullable<V>] extends [readonly (infer E)[]]
    ? E extends Record<string, unknown>
      ? ListEntry<TagList, CatalogueFor<E>>
      : LeafEntry
    : [NonNullable<V>] extends [Record<string, unknown>]
      ? GroupEntry<TagList, CatalogueFor<NonNullable<V>>>
      : LeafEntry;

/**
 * One entry per key of T, no more, no fewer. Used with `satisfies`, so adding a field to a schema
 * without a classification decision (or leaving a stale entry behind) fails the type check.
 */
export type CatalogueFor<T> = { readonly [K in keyof T]-?: EntryFor<T[K]> };

export function leaf<const T extends TagList>(tags: T, note: string): LeafEntry<T> {
  return { kind: "leaf", tags, note };
}
export function text<const T extends TagList>(tags: T, note: string): TextEntry<T> {
  return { kind: "text", tags, note };
}
export function group<const T extends TagList, const F>(tags: T, note: string, fields: F): GroupEntry<T, F> {
  return { kind: "group", tags, note, fields };
}
export function list<const T extends TagList, const F>(tags: T, note: string, items: F): ListEntry<T, F> {
  return { kind: "list", tags, note, items };
}
