import { cn } from "./cn";

export type TagTone = "blue" | "grey" | "red" | "green" | "purple";

/**
 * A GOV.UK tag: a short status in sentence case on a coloured background (contrast checked for AA).
 * Purple is kept for "Restricted" alone, so it is never mistaken for another status. The tones are
 * classes in app/globals.css.
 */
export function StatusTag({ children, tone = "blue", className }: { children: string | string[]; tone?: TagTone; className?: string }) {
  return <strong className={cn("tag", `tag-${tone}`, className)}>{children}</strong>;
}
