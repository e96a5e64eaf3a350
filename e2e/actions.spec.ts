import { errorSummary, expect, signIn, test, newPersonPage } from "./fixtures";
import { MARKER_CASE } from "./markers";

test("the chair records an action for an agency, which sees it in its tracker and marks it done", async ({ browser, a11y }) => {
  test.slow(); // two people and axe scans: 19 s of the default 30 in a full run
  const chair = await newPersonPage(browser);
  await signIn(chair, "chair@northshire.example");
  await chair.goto(`/cases?q=${encodeURIComponent(MARKER_CASE.record.victim.name)}`);
  await chair.getByRole("link", { name: /NS-/ }).first().click();
  await expect(chair).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  const form = chair.locator("form").filter({ has: chair.getByRole("button", { name: "Add action" }) });
  await expect(form.getByLabel("Agency that owns it").locator("option", { hasText: "Immigration Enforcement" })).toHaveCount(0);
  await form.getByRole("button", { name: "Add action" }).click();
  await expect(errorSummary(chair)).toContainText("Describe the action");
  await a11y(chair);
  await form.getByLabel("Action", { exact: true }).fill("Fit a door chain and check the window locks.");
  await form.getByLabel("Agency that owns it").selectOption({ label: "Northshire Homes" });
  await form.getByLabel("Owner's name").fill("Hannah Lewis");
  await form.getByLabel("Day", { exact: true }).fill("5");
  await form.getByLabel("Month", { exact: true }).fill("1");
  await form.getByLabel("Year", { exact: true }).fill("2027");
  await form.getByRole("button", { name: "Add action" }).click();
  await expect(chair.getByText("The action has been recorded.")).toBeVisible();

  // The action's text is shared with Housing only once a case holder has reviewed it.
  const reviewLink = chair.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /Review text/ });
  await expect(reviewLink).toContainText(/\d/);
  await reviewLink.click();
  await expect(chair.getByRole("heading", { name: "Text to review" })).toBeVisible();
  await a11y(chair);
  await chair.getByRole("link", { name: "Action due 2027-01-05" }).click();
  await expect(chair.getByRole("heading", { name: "Review: Action due 2027-01-05" })).toBeVisible();
  await expect(chair.getByText("Fit a door chain and check the window locks.")).toBeVisible();
  await a11y(chair);
  await chair.getByRole("button", { name: "Confirm all suggestions" }).click();
  await expect(chair.getByText("All suggestions have been confirmed.")).toBeVisible();
  await expect(chair.getByText("Every sentence has been reviewed.")).toBeVisible();

  const housing = await newPersonPage(browser);
  await signIn(housing, "housing@northshire.example");
  await housing.goto("/actions");
  await a11y(housing);
  const item = housing.getByRole("listitem").filter({ hasText: "Fit a door chain" });
  await item.getByLabel("Status").selectOption("done");
  await item.getByLabel("Note").fill("Fitted on 3 January.");
  await item.getByRole("button", { name: "Update action" }).click();
  await expect(housing.getByText("The action has been updated.")).toBeVisible();
  await expect(housing.getByRole("listitem").filter({ hasText: "Fit a door chain" })).toContainText("Done");
  // The immigration-tagged action on the same case is not Housing's to see.
  await expect(housing.getByText("E2EMK-action-immigration-text")).toHaveCount(0);
});
