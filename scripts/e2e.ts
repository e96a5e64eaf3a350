import { existsSync } from "node:fs";
import { ensureChromium } from "./lib/chromium";
import { buildApp, bundleWorkers } from "./lib/build";
import { step } from "./lib/run";

// `npm run test:e2e`: Playwright against a production build. Builds first unless the caller
// (npm test) has just built.
const chromium = ensureChromium();
if (process.env.E2E_SKIP_BUILD !== "1" || !existsSync(".next/BUILD_ID")) {
  buildApp();
} else {
  bundleWorkers();
}
step("End-to-end tests (Playwright, Chromium)", "playwright", ["test", ...process.argv.slice(2)], { CHROMIUM_PATH: chromium });
