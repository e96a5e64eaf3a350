import type { ReactNode } from "react";

/** GOV.UK success notification banner, announced to screen readers. */
export function SuccessBanner({ children }: { children: ReactNode }) {
  return (
    <div role="alert" aria-labelledby="success-title" data-success-banner className="mb-8 border-4 border-success">
      <h2 id="success-title" className="mb-0 bg-success px-4 py-1 text-base font-bold text-white">
        Success
      </h2>
      <div className="px-4 py-4 text-lg font-bold">{children}</div>
    </div>
  );
}
