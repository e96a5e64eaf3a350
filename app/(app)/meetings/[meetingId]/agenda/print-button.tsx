"use client";

/** Opens the browser's print dialogue; the page's print styles drop the navigation. */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className="bg-panel px-4 py-2 font-bold text-ink shadow-[0_2px_0_#858686]">
      Print this agenda
    </button>
  );
}
