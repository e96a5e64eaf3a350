import { defineConfig } from "@playwright/test";
import { E2E_SMTP_PORT } from "./e2e/smtp-catcher";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;

/**
 * End-to-end tests against the production build (`next start`) on its own port and its own fresh
 * database, in the system's Chromium (never a downloaded browser).
 */
export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    browserName: "chromium",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: {
    command: `npx tsx scripts/e2e-server.ts ${PORT}`,
    url: `${baseURL}/api/trpc/health.ping`,
    reuseExistingServer: false,
    timeout: 90_000,
    stdout: "ignore",
    stderr: "pipe",
    // Notification emails go to the catcher the notifications spec runs on this loopback port.
    env: { SMTP_HOST: "127.0.0.1", SMTP_PORT: String(E2E_SMTP_PORT), SMTP_FROM: "MARAC Desk <marac-desk@e2e.invalid>", APP_URL: baseURL },
  },
});
