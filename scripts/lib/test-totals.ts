import { mkdirSync, readFileSync, rmSync } from "node:fs";

/** Where the runners write their JSON reports, so `npm test` can print one closing count. */
export const VITEST_REPORT = ".reports/vitest.json";
export const PLAYWRIGHT_REPORT = ".reports/playwright.json";
mkdirSync(".reports", { recursive: true });
for (const f of [VITEST_REPORT, PLAYWRIGHT_REPORT]) rmSync(f, { force: true });

/** Tests passed and failed across Vitest and Playwright, read from their JSON reports. */
export function countTests(): { passed: number; failed: number } {
  const vitest = JSON.parse(readFileSync(VITEST_REPORT, "utf8")) as { numPassedTests: number; numFailedTests: number };
  const playwright = JSON.parse(readFileSync(PLAYWRIGHT_REPORT, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number } };
  return {
    passed: vitest.numPassedTests + playwright.stats.expected + playwright.stats.flaky,
    failed: vitest.numFailedTests + playwright.stats.unexpected,
  };
}
