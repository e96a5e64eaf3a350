import { buildApp } from "./lib/build";
import { step } from "./lib/run";
import { countTests, PLAYWRIGHT_REPORT, VITEST_REPORT } from "./lib/test-totals";

// `npm test`: the whole suite, fastest checks first. Any failure stops it with a non-zero exit.
step("Lockfile in sync (npm ci --dry-run)", "npm", ["ci", "--dry-run", "--no-audit", "--no-fund"]);
step("Type check (tsc)", "tsc", ["--noEmit", "-p", "."]);
step("Lint (ESLint)", "eslint", ["--max-warnings", "0", "."]);
step("Unit and integration tests (Vitest)", "vitest", ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_REPORT}`]);
buildApp();
step("JavaScript budget (first load, gzipped)", "tsx", ["scripts/js-budget.ts"]);
step("End-to-end tests", "tsx", ["scripts/e2e.ts", "--reporter=list,json"], { E2E_SKIP_BUILD: "1", PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_REPORT });
const totals = countTests();
console.log(`\nAll checks passed.\n${totals.passed} passed, ${totals.failed} failed`);
