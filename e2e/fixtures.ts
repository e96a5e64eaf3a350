import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../db/seed/demo-area";

export { expect };
export const PASSWORD = DEMO_PASSWORD;

/** Fails on any serious or critical WCAG 2.2 AA violation on the page as it stands. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/** The e2e server's address (playwright.config.ts uses the same port). */
export const BASE_URL = `http://localhost:${process.env.E2E_PORT ?? 3100}`;

/** A page in a fresh browser context (another person signed in), with the base URL set explicitly. */
export async function newPersonPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: BASE_URL });
  return context.newPage();
}

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Wait for the outcome: we have left the sign-in page, or it asks for an authenticator code, or the error summary shows.
  await Promise.race([
    page.waitForURL((url) => !url.pathname.startsWith("/sign-in") || url.pathname === "/sign-in/two-factor"),
    errorSummary(page).waitFor(),
  ]);
}

/** The GOV.UK error summary (Next also renders an empty route-announcer alert). */
export function errorSummary(page: Page) {
  return page.getByRole("alert", { name: "There is a problem" });
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

export const test = base.extend<{ a11y: (page?: Page) => Promise<void> }>({
  a11y: async ({ page }, use) => {
    await use((p = page) => expectAccessible(p));
  },
});

/** Screenshots of the page as it stands at desktop (1280 px) and phone (390 px) widths, to look at. */
export async function shoot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize(size);
}
