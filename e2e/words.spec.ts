import type { Page } from "@playwright/test";
import { expect, newPersonPage, shoot, signIn, test } from "./fixtures";

/** Every main page, by who can open it. */
const PAGES: Record<string, string[]> = {
  "chair@northshire.example": ["/", "/cases", "/referrals", "/triage", "/approvals", "/meetings", "/actions", "/review", "/reports", "/retention", "/account"],
  "idva@northshire.example": ["/", "/cases", "/review", "/reports/dashboards"],
  "housing@northshire.example": ["/", "/cases", "/referrals", "/meetings", "/actions", "/reports/dashboards"],
  "admin@northshire.example": ["/", "/admin/agencies", "/admin/users", "/admin/import", "/admin/settings", "/admin/changes", "/admin/audit", "/reports"],
};

async function firstCaseUrl(page: Page, q: string): Promise<string> {
  await page.goto(`/cases?q=${encodeURIComponent(q)}`);
  await page.getByRole("link", { name: /^NS-\d{4}-\d{4}$/ }).first().click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

test("at 390 px no page scrolls sideways", async ({ browser }) => {
  test.slow();
  for (const [email, paths] of Object.entries(PAGES)) {
    const page = await newPersonPage(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, email);
    const extra = email.startsWith("admin") ? [] : [await firstCaseUrl(page, "Parveen")];
    for (const path of [...paths, ...extra]) {
      await page.goto(path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${email} ${path}`).toBeLessThanOrEqual(390);
    }
    await page.close();
  }
});

test("error pages render once, inside the layout", async ({ browser, a11y }) => {
  const idva = await newPersonPage(browser);
  await signIn(idva, "idva@northshire.example");
  for (const [path, heading] of [
    ["/cases/00000000-0000-4000-8000-000000000000", "Page not found"],
    ["/admin/users", "You do not have permission to see this page"],
  ] as const) {
    await idva.goto(path);
    await expect(idva.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(idva.locator("main")).toHaveCount(1);
    await expect(idva.locator("footer")).toHaveCount(1);
    await expect(idva.getByRole("button", { name: "Sign out" })).toHaveCount(1);
    await a11y(idva);
    await shoot(idva, heading === "Page not found" ? "error-404" : "error-403");
  }
  // Someone not signed in is asked to sign in, whatever the address: which pages exist is not told.
  const anon = await newPersonPage(browser);
  await anon.goto("/no-such-page");
  await expect(anon.getByRole("heading", { level: 1, name: "Sign in to MARAC Desk" })).toBeVisible();
  await expect(anon.locator("main")).toHaveCount(1);
  await a11y(anon);
});

test("the case page has a contents list, anchor links and collapsible sections; words, not codes", async ({ browser, a11y }) => {
  const chair = await newPersonPage(browser);
  await signIn(chair, "chair@northshire.example");
  await firstCaseUrl(chair, "Parveen");
  const contents = chair.getByRole("navigation", { name: "Contents" });
  await contents.getByRole("link", { name: "Dash risk checklist" }).click();
  await expect(chair).toHaveURL(/#dash$/);
  // Sections fold away and open again.
  const victim = chair.getByRole("region", { name: "Victim" });
  await chair.getByRole("button", { name: "Hide all sections" }).click();
  await expect(victim.getByText("Date of birth")).toBeHidden();
  await chair.getByRole("button", { name: "Show all sections" }).click();
  await expect(victim.getByText("Date of birth")).toBeVisible();
  const text = await chair.locator("main").innerText();
  expect(text).not.toMatch(/\bdisabled: |identifies as lgbt plus|Officer's role|\b\d{4}-\d{2}-\d{2}\b/);
  await a11y(chair);
  await shoot(chair, "case-page");
});

test("a case holder's search links a possible repeat; an agency's does not", async ({ browser }) => {
  const coordinator = await newPersonPage(browser);
  await signIn(coordinator, "coordinator@northshire.example");
  await coordinator.goto("/cases?q=Parveen");
  const linked = coordinator.locator("td").filter({ hasText: /Possible repeat: |Same victim as / }).first();
  await expect(linked).toBeVisible();
  await expect(linked.getByRole("link", { name: /^NS-\d{4}-\d{4}$/ }).nth(1)).toBeVisible();
  await shoot(coordinator, "case-search");

  const housing = await newPersonPage(browser);
  await signIn(housing, "housing@northshire.example");
  await housing.goto("/cases?q=Parveen");
  await expect(housing.getByText(/Possible repeat: |Same victim as /)).toHaveCount(0);
});

test("triage shows how long each referral has waited and accepting asks which meeting", async ({ browser, a11y }) => {
  const coordinator = await newPersonPage(browser);
  await signIn(coordinator, "coordinator@northshire.example");
  await coordinator.goto("/triage");
  // The demo referrals were made days before they were loaded: none shows as "Referred today".
  const waiting = coordinator.getByRole("row").nth(1).getByRole("cell").nth(5);
  await expect(waiting).toHaveText(/^\d+ days?$/);
  await shoot(coordinator, "triage");
  await coordinator.getByRole("link", { name: /^Accept NS-/ }).first().click();
  await expect(coordinator.getByRole("group", { name: "Which meeting should hear this case?" })).toBeVisible();
  await expect(coordinator.getByRole("radio").first()).toBeChecked();
  await a11y(coordinator);
  await shoot(coordinator, "triage-accept");
});
