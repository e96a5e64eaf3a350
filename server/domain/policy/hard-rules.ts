import type { AgencyType } from "../agency-types";
import type { Tag } from "../tags";

/**
 * Hard rules (design.md section 5) that no policy, per-agency row or ordinary override can change.
 * Only rule 5.3 concerns who may see which tag; the others are enforced by the projection's shape
 * (one projection function, identical placeholders, no values in audit) and by the app.
 */
export const IMMIGRATION_NEVER_TO_IMMIGRATION_ENFORCEMENT = {
  id: "hard_rule_5_3",
  title: "Immigration information is never shared with Immigration Enforcement",
  explanation:
    "Immigration Enforcement never receives immigration-tagged information through policy or override " +
    "(SafeLives guidance; 'Safe to share?' recommendation 1). Onward disclosure is possible only by a " +
    "recorded MARAC decision, approved by the chair and the IDVA, with the victim's views recorded.",
} as const;

/** True when hard rule 5.3 forbids `tag` to agencies of `agencyType` (unless a MARAC decision says otherwise). */
export function isBlockedByHardRule(agencyType: AgencyType, tag: Tag): boolean {
  return agencyType === "immigration_enforcement" && tag === "immigration";
}
