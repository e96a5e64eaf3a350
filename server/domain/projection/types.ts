import type { CaseCatalogue } from "../case/catalogue";
import type { GroupEntry, ListEntry, TextEntry } from "../case/catalogue-types";
import type { SharingChoice } from "../case/referral";
import type { CaseRecord } from "../case/schema";
import type { SpanSource } from "../case/text";
import type { ReasonCode } from "../policy/access";
import type { Tag } from "../tags";

/**
 * What a withheld structured item becomes. It depends only on the item's tags and the viewer's
 * access, never on the value: an empty field and a filled one give the same object.
 */
export interface Withheld {
  readonly withheld: true;
  readonly tags: readonly Tag[];
  /** e.g. "Not shared with your agency (immigration information). Ask the MARAC IDVA." */
  readonly reason: string;
  readonly reasonCode: ReasonCode;
  /** e.g. "the MARAC IDVA" */
  readonly askWho: string;
}

export interface ProjectedSpan {
  readonly start: number;
  readonly end: number;
  readonly tags: readonly Tag[];
  readonly rule?: string;
  readonly source: SpanSource;
}

/** Free text after redaction. Offsets of the remaining tagged sentences refer to `text` as shown. */
export interface ProjectedText {
  readonly text: string;
  readonly spans: readonly ProjectedSpan[];
  /** The standing notice on every text shown through an agency projection; null for full access. */
  readonly notice: string | null;
}

/** One decision about one tagged item (or, for `kind: "sentences"`, about one tag in all free text). */
export interface Decision {
  /** Field path such as "victim.address" or "householdMembers[0].school"; "*" for sentences. */
  readonly path: string;
  readonly kind: "field" | "sentences";
  readonly tags: readonly Tag[];
  readonly outcome: "shown" | "withheld";
  readonly reason: ReasonCode;
  /** Plain English, e.g. "Shown under a MARAC override until 2025-03-01 17:00 UTC." */
  readonly explanation: string;
  /** Set when reason is override_until: the earliest expiry among the overrides relied on (ISO). */
  readonly overrideUntil?: string;
  readonly policyVersion: number;
  /** For case holders only: the victim's view on sharing the item's categories (the most cautious). */
  readonly victimView?: SharingChoice;
}

type ElementOf<V> = NonNullable<V> extends readonly (infer E)[] ? E : never;
type MaybeWithheld<X, E> = E extends { readonly tags: readonly [] } ? X : X | Withheld;

type ProjectedValue<V, E> =
  E extends TextEntry
    ? ProjectedText
    : E extends ListEntry<infer _T, infer F>
      ? readonly ProjectedGroup<ElementOf<V>, F>[]
      : E extends GroupEntry<infer _T, infer F>
        ? ProjectedGroup<NonNullable<V>, F>
        : V;

/** A level of the case as projected: tagged entries may be Withheld, text becomes ProjectedText. */
export type ProjectedGroup<T, F> = {
  readonly [K in keyof F & keyof T]-?: MaybeWithheld<ProjectedValue<T[K], F[K]>, F[K]>;
};

declare const PROJECTED: unique symbol;

/**
 * A case as one viewer may see it. Branded: only `project` makes one, so a full CaseRecord can
 * never be handed to code (pages, exports, renderers) that expects a projected case.
 */
export type ProjectedCase = ProjectedGroup<CaseRecord, CaseCatalogue> & { readonly [PROJECTED]: true };

export interface Projection {
  readonly view: ProjectedCase;
  readonly decisions: readonly Decision[];
  readonly policyVersion: number;
}
