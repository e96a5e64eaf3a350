/**
 * Classification tags (design.md section 3). Every stored item that describes a person carries
 * zero or more of these; an item is shown to a viewer only if every one of its tags is allowed.
 */
export const TAGS = ["immigration", "safe_contact", "health", "sexuality", "criminal", "children"] as const;
export type Tag = (typeof TAGS)[number];

export const TAG_LABELS: Record<Tag, string> = {
  immigration: "immigration",
  safe_contact: "safe contact",
  health: "health",
  sexuality: "sexuality",
  criminal: "criminal",
  children: "children",
};

export function isTag(value: string): value is Tag {
  return (TAGS as readonly string[]).includes(value);
}
