import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderClassificationMarkdown } from "./classification-table";
import { renderDefaultPolicyTable } from "./policy-table";

const read = (path: string) => readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), "utf8");

describe("generated documentation", () => {
  it("docs/classification.md matches the catalogue (run `npm run docs:classification` to update it)", () => {
    expect(read("docs/classification.md")).toBe(renderClassificationMarkdown());
  });

  it("docs/redaction.md shows the default policy exactly as the code defines it", () => {
    expect(read("docs/redaction.md")).toContain(renderDefaultPolicyTable());
  });
});
