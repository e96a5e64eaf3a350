import { cn } from "./cn";

/** A GOV.UK tag: a short status word with a coloured background (contrast checked for AA). */
export function StatusTag({ children, tone = "blue" }: { children: string; tone?: "blue" | "grey" | "red" | "green" }) {
  const colours = {
    blue: "bg-[#bbd4ea] text-[#0c2d4a]",
    grey: "bg-[#e5e6e7] text-[#0b0c0c]",
    red: "bg-[#f4cdc6] text-[#2a0b06]",
    green: "bg-[#cce2d8] text-[#005a30]",
  }[tone];
  return <strong className={cn("inline-block px-2 py-0.5 text-sm font-bold", colours)}>{children}</strong>;
}
