/** The Government Security Classification marking every screen carries. */
export function OfficialSensitiveBanner() {
  return (
    <div className="bg-ink px-4 py-1 text-center text-sm font-bold tracking-wide text-white" role="note" aria-label="Security marking">
      OFFICIAL-SENSITIVE
    </div>
  );
}
