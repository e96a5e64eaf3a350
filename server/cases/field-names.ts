import { listCatalogue } from "~/server/domain/case/catalogue-walk";
import { labelFor as fieldLabel } from "~/server/domain/case/labels";

/** Catalogue paths ("householdMembers[].school") with no tags of their own or inherited. */
const UNTAGGED = new Set(listCatalogue().filter((r) => r.effectiveTags.length === 0).map((r) => r.path));

/**
 * The changed paths that may be named where no case content belongs (the admin's audit log):
 * only fields without tags. A tagged field's very name ("victim.immigrationStatus") says what
 * kind of information the case holds. Unknown paths are treated as tagged.
 */
export function nameablePaths(paths: readonly string[]): string[] {
  return paths.filter((p) => UNTAGGED.has(p.replace(/\[\d+\]/g, "[]")));
}

/** "victim.address" -> "Victim: Address"; "perpetrators[1].address" -> "Perpetrator 2: Address". */
export function labelFor(path: string): string {
  const section: Record<string, string> = {
    referring: "Referral",
    victim: "Victim",
    criteria: "Referral criteria",
    consent: "Consent",
    victimViews: "Victim's views",
    dash: "Dash checklist",
  };
  const m = /^(perpetrators|householdMembers)\[(\d+)\]\.?(.*)$/.exec(path);
  if (m) {
    const who = m[1] === "perpetrators" ? "Perpetrator" : "Household member";
    const field = m[3] ? fieldLabel(`${m[1]}.${m[3]}`) : "";
    return `${who} ${Number(m[2]) + 1}${field ? `: ${field}` : ""}`;
  }
  const top = path.split(".")[0] ?? path;
  if (path === "perpetrators") return "Perpetrators";
  if (path === "householdMembers") return "Children and household";
  if (path === "narrative") return "Narrative";
  return `${section[top] ?? top}: ${fieldLabel(path)}`;
}
