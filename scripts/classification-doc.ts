import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderClassificationMarkdown } from "./lib/classification-table";

/** Writes docs/classification.md from the classification catalogue in server/domain/case/catalogue.ts. */
const target = fileURLToPath(new URL("../docs/classification.md", import.meta.url));
writeFileSync(target, renderClassificationMarkdown());
console.log(`Wrote ${target}`);
