import { CASE_CATALOGUE } from "../case/catalogue";
import type { CatalogueEntry, CatalogueFields } from "../case/catalogue-types";
import type { CaseRecord } from "../case/schema";
import type { TaggedText } from "../case/text";
import { decideTagAccess, hasFullAccess, type Viewer } from "../policy/access";
import type { Policy } from "../policy/define-policy";
import type { Grant } from "../policy/grants";
import { caseSharingOf, type SharingViews, strictestView } from "../policy/victim-views";
import { isCaseHolder, seesUnreviewed } from "../review/review";
import { TAGS, type Tag } from "../tags";
import { combine, explain, type ItemVerdict, placeholder, sortTags } from "./explain";
import { redactText, STANDING_NOTICE } from "./redact-text";
import type { Decision, ProjectedCase, Projection } from "./types";

/**
 * Thrown when an admin asks for case content. Admins run the system and see no case content at all
 * (design.md section 4, separation of duties). A router should never get this far; if it does, the
 * error carries the decision so the refusal can be logged, and nothing of the case is returned.
 */
export class NoCaseContentError extends Error {
  readonly code = "admin_no_case_content" as const;
  readonly decision: Decision;
  constructor(decision: Decision) {
    super("Administrators see no case content (separation of duties).");
    this.name = "NoCaseContentError";
    this.decision = decision;
  }
}

interface Walk {
  readonly verdictFor: (tags: readonly Tag[]) => ItemVerdict;
  readonly decisions: Decision[];
  readonly policyVersion: number;
  readonly notice: string | null;
  /** Case holders and the referring agency read sentences not yet reviewed (decision 042). */
  readonly unreviewedVisible: boolean;
  /** Her views, for case holders only: agencies must not learn what she said (decision 049). */
  readonly holderViews: SharingViews | null;
}

const joinPath = (base: string, key: string) => (base === "" ? key : `${base}.${key}`);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function decision(
  path: string,
  kind: Decision["kind"],
  tags: readonly Tag[],
  verdict: ItemVerdict,
  policyVersion: number,
  holderViews: SharingViews | null = null,
): Decision {
  return {
    path,
    kind,
    tags: [...tags],
    outcome: verdict.shown ? "shown" : "withheld",
    reason: verdict.reason,
    explanation: explain(verdict, policyVersion),
    ...(verdict.shown && verdict.until ? { overrideUntil: verdict.until.toISOString() } : {}),
    policyVersion,
    // Her view on a category is itself tagged with it: shown beside a decision only where the viewer sees that category.
    ...(holderViews && verdict.shown ? { victimView: strictestView(holderViews, tags) } : {}),
  };
}

/** Copies a leaf value (plain data: primitives, arrays, objects) so the view shares nothing with the input. */
function copyLeaf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyLeaf);
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyLeaf(v)]));
  return value;
}

function projectEntry(value: unknown, entry: CatalogueEntry, path: string, inherited: readonly Tag[], walk: Walk): unknown {
  const tags = entry.tags.length > 0 ? sortTags([...inherited, ...entry.tags]) : inherited;
  // A decision is recorded where a tag is introduced; everything beneath it follows that decision.
  if (entry.tags.length > 0) {
    const verdict = walk.verdictFor(tags);
    walk.decisions.push(decision(path, "field", tags, verdict, walk.policyVersion, walk.holderViews));
    if (!verdict.shown) return placeholder(tags, verdict, walk.policyVersion);
  }
  switch (entry.kind) {
    case "leaf":
      return copyLeaf(value);
    case "text": {
      const source: TaggedText = isRecord(value) ? (value as TaggedText) : { text: "", spans: [] };
      // A sentence is shown only if its own tags and the field's tags are all visible.
      return redactText(source, (spanTags) => walk.verdictFor(sortTags([...tags, ...spanTags])).shown, walk.notice, walk.unreviewedVisible);
    }
    case "group":
      return projectGroup(isRecord(value) ? value : {}, entry.fields, path, tags, walk);
    case "list":
      return (Array.isArray(value) ? value : []).map((item, index) =>
        projectGroup(isRecord(item) ? item : {}, entry.items, `${path}[${index}]`, tags, walk),
      );
  }
}

const ENTRIES = new WeakMap<CatalogueFields, readonly (readonly [string, CatalogueEntry])[]>();
/** The catalogue is constant; list each level's entries once rather than on every projection. */
function entriesOf(fields: CatalogueFields): readonly (readonly [string, CatalogueEntry])[] {
  let entries = ENTRIES.get(fields);
  if (!entries) {
    entries = Object.entries(fields);
    ENTRIES.set(fields, entries);
  }
  return entries;
}

/** Walks the catalogue, not the value: keys the catalogue does not know are never copied (allow-list). */
function projectGroup(
  value: Record<string, unknown>,
  fields: CatalogueFields,
  path: string,
  inherited: readonly Tag[],
  walk: Walk,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, entry] of entriesOf(fields)) {
    out[key] = projectEntry(value[key], entry, joinPath(path, key), inherited, walk);
  }
  return out;
}

/**
 * The one projection function (design.md 5.5): what of `caseRecord` this viewer may see, now.
 *
 * - Default deny: an item is shown only if every one of its tags (its own and its parents') is
 *   allowed for the viewer by role, agency policy narrowed by the victim's views, hard rules and
 *   active grants. Case holders' decisions carry her view on the item's categories.
 * - A withheld structured item becomes the same placeholder whatever its value, including none;
 *   a withheld list becomes one placeholder, so its length is not revealed.
 * - Free-text sentences no case holder has reviewed reach only case holders and the referring
 *   agency; for anyone else they are removed exactly like a withheld sentence (decision 042).
 * - Free-text sentences carrying a tag the viewer may not see are removed without a marker; every
 *   text projected for an agency carries STANDING_NOTICE whether or not anything was removed.
 * - Decisions list every tagged item (and, per tag, free-text sentences) with outcome, reason and
 *   the policy version. Sentence decisions depend only on the viewer, never on the text.
 * - The input is never mutated, and unknown keys in it are not copied.
 * - Admins: throws NoCaseContentError (no case content at all).
 */
export function project(
  caseRecord: CaseRecord,
  viewer: Viewer,
  policy: Policy,
  grants: readonly Grant[],
  now: Date,
): Projection {
  const policyVersion = policy.version;
  const access = decideTagAccess(viewer, policy, grants, caseSharingOf(caseRecord), now);
  if (viewer.role === "admin") {
    const verdict = combine(access, TAGS);
    throw new NoCaseContentError(decision("*", "field", TAGS, verdict, policyVersion));
  }
  const cache = new Map<string, ItemVerdict>();
  const verdictFor = (tags: readonly Tag[]): ItemVerdict => {
    const key = tags.join(",");
    let verdict = cache.get(key);
    if (!verdict) {
      verdict = combine(access, tags);
      cache.set(key, verdict);
    }
    return verdict;
  };
  const walk: Walk = {
    verdictFor,
    decisions: [],
    policyVersion,
    notice: hasFullAccess(viewer.role) ? null : STANDING_NOTICE,
    // The referral's texts are the referring agency's words: it reads them before review.
    unreviewedVisible: seesUnreviewed(viewer, { agencyId: caseRecord.referring.agencyId ?? null }),
    holderViews: isCaseHolder(viewer.role) ? caseRecord.victimViews.perTag : null,
  };
  const view = projectGroup(caseRecord, CASE_CATALOGUE, "", [], walk);
  for (const tag of TAGS) {
    walk.decisions.push(decision("*", "sentences", [tag], verdictFor([tag]), policyVersion, walk.holderViews));
  }
  return { view: view as ProjectedCase, decisions: walk.decisions, policyVersion };
}
