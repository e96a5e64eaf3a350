import type { ReactNode } from "react";
import { OfficialSensitiveBanner } from "./official-sensitive-banner";
import { SkipLink } from "./skip-link";

/** Skip link, marking, header, main landmark and footer: the frame of every page. */
export function PageShell({ header, children }: { header: ReactNode; children: ReactNode }) {
  return (
    <>
      <SkipLink />
      <OfficialSensitiveBanner />
      {header}
      <main id="main-content" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-8 focus:outline-none">
        {children}
      </main>
      <footer className="mt-12 border-t-2 border-brand bg-panel print:mt-4">
        <div className="mx-auto max-w-5xl px-4 py-6 text-sm text-secondary">
          <p className="font-bold text-ink">OFFICIAL-SENSITIVE</p>
          <p>
            Information in MARAC Desk is shared under your MARAC information-sharing protocol. Use it only for the safety of the people it
            describes.
          </p>
        </div>
      </footer>
    </>
  );
}
