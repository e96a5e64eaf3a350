import { cn } from "./cn";

export type TagTone = "blue" | "grey" | "red" | "green" | "purple";

/**
 * A GOV.UK tag: a short status in sentence case on a coloured background (contrast checked for AA).
 * Purple is kept for "Restricted" alone, so it is never mistaken for another status.
 */
export function StatusTag({ children, tone = "blue", className }: { children: string | string[]; tone?: TagTone; className?: string }) {
  const colours = {
    blue: "bg-[#bbd4ea] text-[#0c2d4a]",
    grey: "bg-[#e5e6e7] text-[#0b0c0c]",
    red: "bg-[#f4cdc6] text-[#2a0b06]",
    green: "bg-[#cce2d8] text-[#005a30]",
    purple: "bg-[#dbd5e9] text-[#3d2375]",
  }[tone];
  return <strong className={cn("inline-block px-2 py-0.5 text-sm font-bold", colours, className)}>{children}</strong>;
}
