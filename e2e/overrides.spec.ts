import type { Page } from "@playwright/test";
import { errorSummary, expect, newPersonPage, signIn, test } from "./fixtures";

const VICTIM = "Daniel Price";
const HEALTH_WITHHELD = "Not shared with your agency (health information).";

async function openCase(page: Page): Promise<string> {
  await page.goto(`/cases?q=${encodeURIComponent(VICTIM)}`);
  await page.getByRole("link", { name: /NS-20/ }).first().click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  return page.url();
}

test("an override: recorded by the IDVA, approved by the coordinator, seen by housing, told to the victim, revoked", async ({ browser, a11y }) => {
  test.slow();
  const idva = await newPersonPage(browser);
  await signIn(idva, "idva@northshire.example");
  const caseUrl = await openCase(idva);
  // Children are involved: the prompt to go to children's social care first.
  await expect(idva.getByRole("heading", { name: "Children are involved in this case" })).toBeVisible();
  await expect(idva.getByRole("heading", { name: "Overrides" })).toBeVisible();
  await a11y(idva);

  const housing = await newPersonPage(browser);
  await signIn(housing, "housing@northshire.example");
  await housing.goto(caseUrl);
  await expect(housing.getByText(HEALTH_WITHHELD).first()).toBeVisible();
  await expect(housing.getByRole("heading", { name: "Overrides" })).toHaveCount(0);

  await idva.getByRole("link", { name: "Record an override" }).click();
  await expect(idva.getByRole("heading", { name: "Record an override", level: 1 })).toBeVisible();
  await a11y(idva);
  await idva.getByRole("button", { name: "Record the override for approval" }).click();
  await expect(errorSummary(idva)).toBeVisible();
  await expect(errorSummary(idva)).toContainText("Choose the kind of information to share");
  await a11y(idva);
  await idva.getByLabel("Share with which agency?").selectOption({ label: "Northshire Homes (Housing)" });
  await idva.getByLabel("Which kind of information?").selectOption({ label: "Health information" });
  await idva.getByLabel("MARAC meeting or decision reference").fill("MARAC 26/11/2026 item 7");
  await idva.getByLabel("Why does this agency need it?").fill("Housing must plan an accessible move for her.");
  await idva.getByRole("button", { name: "Record the override for approval" }).click();
  await expect(idva).toHaveURL(/\/overrides\?recorded=/);
  await expect(idva.getByText("You cannot approve this one").first()).toBeVisible();
  await a11y(idva);
  // Not yet approved: housing still sees the placeholder.
  await housing.reload();
  await expect(housing.getByText(HEALTH_WITHHELD).first()).toBeVisible();

  const coordinator = await newPersonPage(browser);
  await signIn(coordinator, "coordinator@northshire.example");
  await coordinator.goto("/overrides");
  await a11y(coordinator);
  await coordinator.getByRole("button", { name: "Approve: share health information with Northshire Homes" }).click();
  await expect(coordinator.getByText("The override is now in effect")).toBeVisible();

  await housing.reload();
  await expect(housing.getByText(HEALTH_WITHHELD)).toHaveCount(0);

  await idva.goto("/tell-the-victim");
  await a11y(idva);
  const task = idva.getByRole("article").filter({ hasText: "Northshire Homes could be given health information" }).filter({ hasText: "accessible move" });
  await expect(task).toBeVisible();
  await expect(task).toContainText("Housing must plan an accessible move for her.");
  await task.getByLabel("Yes, she was told").check();
  await task.getByLabel("How she was told, or why it is not safe yet").fill("Told her at the drop-in.");
  await task.getByRole("button", { name: "Complete the task" }).click();
  await expect(idva.getByText("The task is complete and recorded.")).toBeVisible();
  await a11y(idva);

  await idva.goto(`${caseUrl}/sharing-record`);
  await expect(idva.getByRole("heading", { name: "Decisions to share beyond the usual rules" })).toBeVisible();
  await expect(idva.getByText(/Northshire Homes could be given health information/)).toBeVisible();

  await coordinator.goto("/overrides");
  const card = coordinator.getByRole("article").filter({ hasText: "Health information to Northshire Homes" }).filter({ hasText: "In effect" });
  await card.getByText("Revoke this override").click();
  await card.getByLabel("Why is it being revoked?").fill("The move is arranged.");
  await card.getByRole("button", { name: "Revoke now" }).click();
  await expect(coordinator.getByText("The override has been revoked")).toBeVisible();
  await housing.reload();
  await expect(housing.getByText(HEALTH_WITHHELD).first()).toBeVisible();
  for (const p of [idva, housing, coordinator]) await p.close();
});

test("sharing with Immigration Enforcement: the independent route first, then the tiered form", async ({ page, a11y }) => {
  test.slow();
  await signIn(page, "idva@northshire.example");
  await openCase(page);
  await page.getByRole("link", { name: "Share with Immigration Enforcement" }).click();
  await expect(page.getByRole("heading", { name: "First: would an independent third party meet her safety need?" })).toBeVisible();
  await a11y();
  await page.getByLabel("Refer her to an independent advice service instead (recommended)").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Refer to an independent advice service instead" })).toBeVisible();
  await a11y();
  await page.goBack();
  await page.getByLabel(/The third-party route does not meet her safety need/).check();
  await page.getByRole("button", { name: "Continue" }).click();
  // Basic items are ticked already; additional ones are not.
  await expect(page.getByLabel("Date of birth (basic)")).toBeChecked();
  await expect(page.getByLabel("Current address (basic)")).toBeChecked();
  await expect(page.getByLabel("Type of crime reported (basic)")).toBeChecked();
  await expect(page.getByLabel("Details of the allegation (additional)")).not.toBeChecked();
  await a11y();
  await page.getByLabel("Details of the allegation (additional)").check();
  await page.getByRole("button", { name: "Record the decision for approval" }).click();
  await expect(errorSummary(page)).toBeVisible();
  await a11y();
});

test("the statement on Immigration Enforcement is readable by everyone, Immigration Enforcement included", async ({ page, a11y }) => {
  await signIn(page, "ie@northshire.example");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sharing policy" }).click();
  await page.getByRole("link", { name: "Is anything shared with Immigration Enforcement?" }).click();
  await expect(page.getByRole("heading", { name: "Is anything shared with Immigration Enforcement?" })).toBeVisible();
  await expect(page.getByText("Immigration information is never shared with Immigration Enforcement.").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Print this statement" })).toBeVisible();
  await a11y();
  expect((await page.goto("/overrides"))?.status()).toBe(403);
});
