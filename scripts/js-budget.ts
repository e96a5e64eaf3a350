import { existsSync } from "node:fs";
import { readBudget, routeWeight } from "./lib/js-budget";

// `npm run js:budget` (a step of `npm test`, after the build): each route's first-load JavaScript,
// gzipped, against package.json's "jsBudget". A size, not a timing: it fails above the budget.
const DIST = ".next";
if (!existsSync(`${DIST}/BUILD_ID`)) {
  console.error("There is no production build: run `npx next build` (or `npm test`) first.");
  process.exit(1);
}
const budget = readBudget("package.json");
const rows = Object.entries(budget).map(([route, kb]) => {
  const w = routeWeight(DIST, route);
  const size = w.gzipBytes / 1024;
  return { route, files: w.files.length, "kB gzipped": Math.round(size * 10) / 10, "budget kB": kb, within: size <= kb ? "yes" : "NO" };
});
console.table(rows);
const over = rows.filter((r) => r.within !== "yes");
if (over.length > 0) {
  console.error(`First-load JavaScript over budget: ${over.map((r) => `${r.route} (${r["kB gzipped"]} kB > ${r["budget kB"]} kB)`).join(", ")}.`);
  process.exit(1);
}
