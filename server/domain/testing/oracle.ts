import type { Viewer } from "../policy/access";
import type { PolicyInput } from "../policy/define-policy";
import type { Grant } from "../policy/grants";
import type { Tag } from "../tags";

/**
 * An independent restatement of who may see a tag, written from design.md sections 4-6 directly
 * against the raw policy rows (not the Policy object), used to check `project` in property tests.
 * `views` is the case's victimViews.perTag (omitted: she was not asked about anything).
 */
export function oracleMaySee(
  tag: Tag,
  viewer: Viewer,
  policy: PolicyInput,
  grants: readonly Grant[],
  caseId: string,
  now: Date,
  views: Readonly<Partial<Record<Tag, string>>> = {},
): boolean {
  if (viewer.role === "admin") return false;
  const ieImmigration = viewer.agencyType === "immigration_enforcement" && tag === "immigration";
  const granted = grants.some(
    (g) =>
      g.caseId === caseId &&
      g.agencyId === viewer.agencyId &&
      g.tag === tag &&
      g.expiresAt.getTime() > now.getTime() &&
      (!ieImmigration || (g.maracDecisionRef ?? "").trim().length > 0),
  );
  if (ieImmigration) return granted;
  if (viewer.role === "chair" || viewer.role === "coordinator") return true;
  const row =
    policy.agencyRules?.find((r) => r.agencyId === viewer.agencyId) ?? policy.typeDefaults.find((r) => r.agencyType === viewer.agencyType);
  // Her "do not share" takes the category from everyone but the IDVA (chair and coordinator returned above); a grant still opens it.
  const sheSaidNo = views[tag] === "do_not_share" && viewer.role !== "idva";
  return ((row?.allow ?? []).includes(tag) && !sheSaidNo) || granted;
}

export function oracleMaySeeAll(tags: readonly Tag[], ...context: Parameters<typeof oracleMaySee> extends [Tag, ...infer R] ? R : never): boolean {
  return tags.every((tag) => oracleMaySee(tag, ...context));
}
