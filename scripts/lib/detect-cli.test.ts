import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { processDocument, processLine } from "./detect-cli";

const root = resolve(fileURLToPath(new URL("../../", import.meta.url)));

describe("processLine", () => {
  it("detects a valid line and keeps the id's type", () => {
    const r = processLine(JSON.stringify({ id: "c1", text: "He kicked the door in. She is on a spouse visa." }), 1);
    expect(r.kind).toBe("ok");
    if (r.kind !== "ok") return;
    expect(JSON.parse(r.output)).toEqual({
      id: "c1",
      spans: [{ start: 23, end: 47, tags: ["immigration"], rule: "imm.visa" }],
    });
    const numeric = processLine(JSON.stringify({ id: 7, text: "Perp was arrested at the address." }), 2);
    expect(numeric).toEqual({ kind: "ok", output: '{"id":7,"spans":[]}' });
  });

  it("ignores blank lines", () => {
    expect(processLine("", 1)).toEqual({ kind: "blank" });
    expect(processLine("   \t", 1)).toEqual({ kind: "blank" });
  });

  it.each<[string, string, RegExp]>([
    ["bad JSON", "{not json", /^line 3: invalid JSON/],
    ["an array", "[1,2]", /^line 3: expected a JSON object/],
    ["a string", '"text"', /^line 3: expected a JSON object/],
    ["null", "null", /^line 3: expected a JSON object/],
    ["a missing id", '{"text":"x"}', /^line 3: "id" must be/],
    ["an empty id", '{"id":"","text":"x"}', /^line 3: "id" must be/],
    ["an object id", '{"id":{},"text":"x"}', /^line 3: "id" must be/],
    ["a missing text", '{"id":"a"}', /^line 3: "text" must be a string/],
    ["a numeric text", '{"id":"a","text":5}', /^line 3: "text" must be a string/],
  ])("reports %s with its line number", (_name, line, message) => {
    const r = processLine(line, 3);
    expect(r.kind).toBe("error");
    if (r.kind === "error") expect(r.message).toMatch(message);
  });

  it("processes the rest of a document after a malformed line", () => {
    const doc = ['{"id":"a","text":"She has NRPF."}', "oops", "", '{"id":"b","text":"Fine."}', '{"id":"c"}'].join("\n");
    const r = processDocument(doc);
    expect(r.stdout.map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(["a", "b"]);
    expect(r.stderr).toHaveLength(2);
    expect(r.stderr[0]).toMatch(/^line 2: /);
    expect(r.stderr[1]).toMatch(/^line 5: /);
    expect(r.failures).toBe(2);
  });
});

describe("npm run detect (spawned)", () => {
  const dir = mkdtempSync(join(tmpdir(), "detect-cli-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function runCli(content: string): { status: number | null; stdout: string; stderr: string } {
    const file = join(dir, `in-${Math.random().toString(36).slice(2)}.jsonl`);
    writeFileSync(file, content, "utf8");
    const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/detect.ts", file], {
      cwd: root,
      encoding: "utf8",
      timeout: 30_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it("writes one JSON line per valid input and exits 0", () => {
    const r = runCli('{"id":"n1","text":"V is an asylum seeker. Safe number 07700 900123."}\n\n{"id":"n2","text":"No concerns."}\n');
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as { id: string; spans: { tags: string[] }[] });
    expect(lines.map((l) => l.id)).toEqual(["n1", "n2"]);
    expect(lines[0]?.spans.map((s) => s.tags)).toEqual([["immigration"], ["safe_contact"]]);
    expect(lines[1]?.spans).toEqual([]);
  });

  it("reports malformed lines on stderr, still processes the rest, and exits non-zero", () => {
    const r = runCli('{"id":"a","text":"She has ILR."}\nnot json\n{"id":"b"}\r\n{"id":"c","text":"Fine."}\n');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/line 2: invalid JSON/);
    expect(r.stderr).toMatch(/line 3: "text" must be a string/);
    expect(r.stdout.trim().split("\n").map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(["a", "c"]);
  });
});
