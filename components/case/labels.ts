import { FIELD_LABELS } from "~/server/domain/case/labels";
import { IMMIGRATION_STATUS_LABELS } from "~/server/domain/case/victim";

export { FIELD_LABELS };



const VALUE_LABELS: Record<string, string> = {
  yes: "Yes",
  no: "No",
  unknown: "Not known",
  dont_know: "Don't know",
  female: "Female",
  male: "Male",
  other: "Other",
  not_known: "Not known",
  share: "Agrees it may be shared",
  do_not_share: "Does not want it shared",
  not_asked: "Not asked",
};
// Immigration statuses have their own labels; "unknown" and "other" keep the general ones above.
for (const [k, v] of Object.entries(IMMIGRATION_STATUS_LABELS)) VALUE_LABELS[k] ??= v;

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** A stored value as a person reads it. */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null || value === "") return "Not given";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) return value.length === 0 ? "None" : value.map(formatValue).join(", ");
  if (typeof value === "string") {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return dateFormat.format(new Date(`${value}T00:00:00Z`));
    return VALUE_LABELS[value] ?? value;
  }
  if (typeof value === "number") return String(value);
  return "";
}

export function labelFor(path: string): string {
  const key = path.replace(/\[\d+\]/g, "");
  return FIELD_LABELS[key] ?? key.split(".").at(-1)?.replace(/([A-Z])/g, " $1").toLowerCase() ?? key;
}
