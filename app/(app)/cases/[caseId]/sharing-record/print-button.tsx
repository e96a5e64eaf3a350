"use client";

/** Opens the browser's print dialogue; the page has a print layout with the security marking. */
export function PrintButton({ label = "Print this record" }: { label?: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="bg-panel px-4 py-2 font-bold text-ink shadow-[0_2px_0_#858686] hover:bg-border">
      {label}
    </button>
  );
}
