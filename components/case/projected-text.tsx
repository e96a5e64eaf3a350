import { emptyTextWording } from "~/server/domain/projection/redact-text";

export type ProjectedTextValue = { text: string; notice: string | null };

export function isProjectedText(value: unknown): value is ProjectedTextValue {
  return typeof value === "object" && value !== null && "text" in value && "spans" in value && "notice" in value;
}

/** Free text as shown to this viewer: withheld sentences are simply not there; the notice always is. */
export function ProjectedText({ value, hideNotice = false }: { value: ProjectedTextValue; hideNotice?: boolean }) {
  const empty = emptyTextWording(value.notice);
  return (
    <div>
      {value.text.trim() === "" ? <p className="text-secondary">{empty}</p> : <p className="whitespace-pre-wrap">{value.text}</p>}
      {value.notice && !hideNotice ? <p className="mt-2 text-sm text-secondary">{value.notice}</p> : null}
    </div>
  );
}
