/**
 * `npm run --silent detect -- FILE`: run the free-text detector over a JSONL file of
 * `{"id": ..., "text": ...}` lines and print `{"id": ..., "spans": [...]}` lines to stdout.
 * Malformed lines are reported on stderr with their line number; the rest are still processed,
 * and the exit code is 1 if any line failed (2 if the file cannot be read). See docs/detector.md.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { processLine } from "./lib/detect-cli";

async function main(): Promise<number> {
  const file = process.argv[2];
  if (file === undefined || file === "") {
    process.stderr.write("usage: npm run --silent detect -- FILE.jsonl\n");
    return 2;
  }
  const stream = createReadStream(file, { encoding: "utf8" });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNumber = 0;
  let failures = 0;
  try {
    for await (const line of lines) {
      lineNumber += 1;
      const result = processLine(line, lineNumber);
      if (result.kind === "ok") process.stdout.write(result.output + "\n");
      else if (result.kind === "error") {
        process.stderr.write(result.message + "\n");
        failures += 1;
      }
    }
  } catch (error) {
    process.stderr.write(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  if (failures > 0) process.stderr.write(`${failures} line(s) failed\n`);
  return failures > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
