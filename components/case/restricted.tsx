import { StatusTag } from "~/components/ui/status-tag";
import type { Tag } from "~/server/domain/tags";
import { TAG_LABELS } from "~/server/domain/tags";

/**
 * "Restricted" means one thing everywhere: the viewer may see this item and it is sensitive. It has
 * its own colour (purple), never the red of "Repeat". Withheld items show a placeholder instead.
 */
export function RestrictedBadge({ tags }: { tags: readonly Tag[] }) {
  if (tags.length === 0) return null;
  return (
    <StatusTag tone="purple" className="ml-2">
      {`Restricted: ${tags.map((t) => TAG_LABELS[t]).join(", ")}`}
    </StatusTag>
  );
}

export type WithheldValue = { withheld: true; tags: readonly Tag[]; reason: string; askWho: string };

export function isWithheld(value: unknown): value is WithheldValue {
  return typeof value === "object" && value !== null && (value as { withheld?: unknown }).withheld === true;
}

/** The core's placeholder, shown the same whether or not anything is behind it. */
export function WithheldNotice({ value }: { value: WithheldValue }) {
  return <span className="withheld-notice">{value.reason}</span>;
}
