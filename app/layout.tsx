import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "MARAC Desk", template: "%s – MARAC Desk" },
  description: "MARAC case summaries, agendas and redacted sharing for multi-agency risk assessment conferences.",
  robots: { index: false, follow: false },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request makes every page dynamic, so Next can stamp the CSP nonce on its scripts.
  await headers();
  return (
    <html lang="en-GB">
      <body className="min-h-screen bg-white">{children}</body>
    </html>
  );
}
