import { existsSync } from "node:fs";
import { ensureChromium } from "./lib/chromium";
import { step } from "./lib/run";

// `npm run test:e2e`: Playwright against a production build. Builds first unless the caller
// (npm test) has just built.
const chromium = ensureChromium();
if (process.env.E2E_SKIP_BUILD !== "1" || !existsSync(".next/BUILD_ID")) {
  step("Production build", "next", ["build"], { AUTH_SECRET: process.env.AUTH_SECRET ?? "build-only-Zr4Qx8Lm2Vt6Np0Wk3Hs7Jd1Fb5Gc9Ya" });
}
step("End-to-end tests (Playwright, Chromium)", "playwright", ["test", ...process.argv.slice(2)], { CHROMIUM_PATH: chromium });
