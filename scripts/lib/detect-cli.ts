/**
 * Line processing for `npm run detect -- FILE` (scripts/detect.ts), kept apart so it can be tested.
 *
 * Input: JSONL, one `{"id": ..., "text": ...}` a line; `id` is a non-empty string or a finite
 * number, `text` a string. Output: one `{"id": ..., "spans": [...]}` line per valid input line,
 * in input order. Blank lines are ignored. A malformed line produces an error message naming its
 * line number (1-based) and is skipped; the caller exits non-zero if there was any.
 */
import { detect, type DetectedSpan } from "../../server/domain/detector";

export type LineResult =
  | { kind: "blank" }
  | { kind: "ok"; output: string }
  | { kind: "error"; message: string };

export interface DetectOutput {
  id: string | number;
  spans: DetectedSpan[];
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function processLine(line: string, lineNumber: number): LineResult {
  if (line.trim() === "") return { kind: "blank" };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { kind: "error", message: `line ${lineNumber}: invalid JSON (${describe(error)})` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { kind: "error", message: `line ${lineNumber}: expected a JSON object with "id" and "text"` };
  }
  const { id, text } = value as Record<string, unknown>;
  const validId = (typeof id === "string" && id !== "") || (typeof id === "number" && Number.isFinite(id));
  if (!validId) {
    return { kind: "error", message: `line ${lineNumber}: "id" must be a non-empty string or a number` };
  }
  if (typeof text !== "string") {
    return { kind: "error", message: `line ${lineNumber}: "text" must be a string` };
  }
  const output: DetectOutput = { id, spans: detect(text) };
  return { kind: "ok", output: JSON.stringify(output) };
}

export interface RunResult {
  stdout: string[];
  stderr: string[];
  /** Number of malformed lines; the process exit code is 1 if this is not 0. */
  failures: number;
}

/** Process a whole JSONL document (used by tests; the CLI streams line by line). */
export function processDocument(input: string): RunResult {
  const result: RunResult = { stdout: [], stderr: [], failures: 0 };
  input.split(/\r?\n/).forEach((line, index) => {
    const r = processLine(line, index + 1);
    if (r.kind === "ok") result.stdout.push(r.output);
    else if (r.kind === "error") {
      result.stderr.push(r.message);
      result.failures += 1;
    }
  });
  return result;
}
