import type { ReportTable } from "./table";

/**
 * One CSV field. A text that a spreadsheet would read as a formula (= + - @, tab or carriage
 * return first) gets a leading apostrophe (OWASP "CSV injection"); quotes, commas and line breaks
 * are quoted as RFC 4180 says.
 */
export function csvField(value: string | number): string {
  if (typeof value === "number") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(t: ReportTable): string {
  const lines = [[t.title], t.header, ...t.rows, [], ...t.notes.map((n) => [n])];
  return lines.map((cells) => cells.map(csvField).join(",")).join("\r\n") + "\r\n";
}
