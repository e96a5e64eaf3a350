import { step } from "./lib/run";

// `npm test`: the whole suite, fastest checks first. Any failure stops it with a non-zero exit.
const BUILD_SECRET = "build-only-Zr4Qx8Lm2Vt6Np0Wk3Hs7Jd1Fb5Gc9Ya";
step("Lockfile in sync (npm ci --dry-run)", "npm", ["ci", "--dry-run", "--no-audit", "--no-fund"]);
step("Type check (tsc)", "tsc", ["--noEmit", "-p", "."]);
step("Lint (ESLint)", "eslint", ["--max-warnings", "0", "."]);
step("Unit and integration tests (Vitest)", "vitest", ["run"]);
step("Production build (next build)", "next", ["build"], { AUTH_SECRET: BUILD_SECRET });
step("End-to-end tests", "tsx", ["scripts/e2e.ts"], { E2E_SKIP_BUILD: "1" });
console.log("\nAll checks passed.");
