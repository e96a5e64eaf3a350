import type { Page } from "@playwright/test";
import { extractPdfText } from "../server/exports/pdf/extract-text";
import { expect, signIn, test } from "./fixtures";

/** Screenshots at the two widths of issue 12, kept with the test results for a person to look at. */
async function shoot(page: Page, name: string): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    // Nothing scrolls sideways at either width (issue 12 §8).
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at ${width}px`).toBeLessThanOrEqual(width);
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
  }
}

const HOMES = [
  { email: "chair@northshire.example", headings: ["Next meeting", "Overdue actions", "Cases due for review"], absent: ["Your next meeting pack"] },
  { email: "coordinator@northshire.example", headings: ["Next meeting", "Overdue actions", "Cases due for review"], absent: ["Your agency's referrals"] },
  { email: "housing@northshire.example", headings: ["Your next meeting pack", "Your agency's open actions"], absent: ["Next meeting", "Risk flags added in the last two weeks"] },
  { email: "idva@northshire.example", headings: ["Your service's open cases", "Risk flags added in the last two weeks", "Your next meeting pack"], absent: ["Next meeting"] },
  { email: "ie@northshire.example", headings: ["Your agency's referrals"], absent: ["Next meeting", "Your next meeting pack", "Your agency's open actions", "Risk flags added in the last two weeks"] },
] as const;

for (const home of HOMES) {
  test(`${home.email} has a home page for their role`, async ({ page, a11y }) => {
    test.slow(); // an axe scan and full-page screenshots at two widths
    await signIn(page, home.email);
    await page.goto("/");
    for (const name of home.headings) await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
    for (const name of home.absent) await expect(page.getByRole("heading", { name, exact: true })).toHaveCount(0);
    await a11y();
    await shoot(page, `home-${home.email.split("@")[0] ?? "user"}`);
  });
}

test("meetings are listed as upcoming and past; the agenda has a print view and a PDF", async ({ page, a11y }) => {
  test.slow(); // two pages, each with an axe scan and screenshots at two widths
  await signIn(page, "housing@northshire.example");
  await page.goto("/meetings");
  await expect(page.getByRole("heading", { name: "Upcoming meetings" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Past meetings" })).toBeVisible();
  await a11y();
  await shoot(page, "meetings-list");
  await page.getByRole("link", { name: /14 January 2027/ }).click();
  await page.getByRole("link", { name: "Agenda (print view)" }).click();
  await expect(page.getByRole("heading", { name: "Agenda (print view)" })).toBeVisible();
  await expect(page.getByText("OFFICIAL-SENSITIVE").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Print this agenda" })).toBeVisible();
  await a11y();
  await shoot(page, "agenda-print");
  const pdf = await page.request.get(`${page.url()}.pdf`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const text = (await extractPdfText(await pdf.body())).join("\n");
  expect(text).toContain("OFFICIAL-SENSITIVE");
  expect(text).toContain("Prepared for Northshire Homes");
});

test("the organiser's minutes link opens a page with the same title", async ({ page }) => {
  await signIn(page, "coordinator@northshire.example");
  await page.goto("/meetings");
  await page.getByRole("link", { name: /14 January 2027/ }).click();
  await page.getByRole("link", { name: "Minutes (full view)" }).click();
  await expect(page.getByRole("heading", { name: "Minutes (full view)" })).toBeVisible();
});
