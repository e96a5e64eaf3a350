export type ProjectedTextValue = { text: string; notice: string | null };

export function isProjectedText(value: unknown): value is ProjectedTextValue {
  return typeof value === "object" && value !== null && "text" in value && "spans" in value && "notice" in value;
}

/**
 * What a viewer without full access reads where a free text shows nothing. The same whether the
 * field was empty or every sentence was withheld: "Not given" would be false for the second.
 */
export const NOTHING_SHARED = "Nothing shared with your agency.";

/** Free text as shown to this viewer: withheld sentences are simply not there; the notice always is. */
export function ProjectedText({ value, hideNotice = false }: { value: ProjectedTextValue; hideNotice?: boolean }) {
  // Only a full-access viewer (no notice) can know that an empty text was really left blank.
  const empty = value.notice === null ? "Not given" : NOTHING_SHARED;
  return (
    <div>
      {value.text.trim() === "" ? <p className="text-secondary">{empty}</p> : <p className="whitespace-pre-wrap">{value.text}</p>}
      {value.notice && !hideNotice ? <p className="mt-2 text-sm text-secondary">{value.notice}</p> : null}
    </div>
  );
}
