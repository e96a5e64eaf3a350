import type { Tag } from "~/server/domain/tags";
import { TAG_LABELS } from "~/server/domain/tags";

/** Marks a restricted item the viewer may see, so they know to take care with it. */
export function RestrictedBadge({ tags }: { tags: readonly Tag[] }) {
  if (tags.length === 0) return null;
  return (
    <strong className="ml-2 inline-block bg-[#f4cdc6] px-2 py-0.5 text-sm font-bold text-[#2a0b06]">
      Restricted: {tags.map((t) => TAG_LABELS[t]).join(", ")}
    </strong>
  );
}

export type WithheldValue = { withheld: true; tags: readonly Tag[]; reason: string; askWho: string };

export function isWithheld(value: unknown): value is WithheldValue {
  return typeof value === "object" && value !== null && (value as { withheld?: unknown }).withheld === true;
}

/** The core's placeholder, shown the same whether or not anything is behind it. */
export function WithheldNotice({ value }: { value: WithheldValue }) {
  return <span className="inline-block border-l-4 border-secondary bg-panel px-3 py-1 text-secondary">{value.reason}</span>;
}
