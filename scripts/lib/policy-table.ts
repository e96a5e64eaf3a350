import { AGENCY_TYPE_LABELS, AGENCY_TYPES, DEFAULT_SHARING_TABLE, isBlockedByHardRule, TAGS } from "~/server/domain";

/** The default sharing policy as a Markdown grid; docs/redaction.md must contain it verbatim (tested). */
export function renderDefaultPolicyTable(): string {
  const header = `| Agency type | ${TAGS.map((t) => `\`${t}\``).join(" | ")} |`;
  const rule = `|---|${TAGS.map(() => "---").join("|")}|`;
  const rows = AGENCY_TYPES.map((type) => {
    const cells = TAGS.map((tag) => (isBlockedByHardRule(type, tag) ? "**never** (hard rule)" : DEFAULT_SHARING_TABLE[type][tag]));
    return `| ${AGENCY_TYPE_LABELS[type]} (\`${type}\`) | ${cells.join(" | ")} |`;
  });
  return [header, rule, ...rows].join("\n");
}
