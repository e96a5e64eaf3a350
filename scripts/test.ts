import { BUILD_ENV } from "./lib/build-env";
import { step } from "./lib/run";

// `npm test`: the whole suite, fastest checks first. Any failure stops it with a non-zero exit.
step("Lockfile in sync (npm ci --dry-run)", "npm", ["ci", "--dry-run", "--no-audit", "--no-fund"]);
step("Type check (tsc)", "tsc", ["--noEmit", "-p", "."]);
step("Lint (ESLint)", "eslint", ["--max-warnings", "0", "."]);
step("Unit and integration tests (Vitest)", "vitest", ["run"]);
step("Production build (next build)", "next", ["build"], BUILD_ENV);
step("End-to-end tests", "tsx", ["scripts/e2e.ts"], { E2E_SKIP_BUILD: "1" });
console.log("\nAll checks passed.");
