import { expect, newPersonPage, signIn, test } from "./fixtures";
import { RETENTION_VICTIM } from "./markers";

// The e2e server closes one case in 2018, past the 72-month retention period (scripts/e2e-server.ts).
test("a chair proposes deleting a case past retention, a coordinator approves, and only its tombstone is left", async ({ page, browser, a11y }) => {
  test.slow(); // two people, two approvals' pages and axe scans: 22 s of the default 30 in a full run
  await signIn(page, "chair@northshire.example");
  await page.goto(`/cases?q=${encodeURIComponent(RETENTION_VICTIM)}`);
  await expect(page.getByRole("status")).toHaveText("1 case");
  const caseLink = page.getByRole("table", { name: "Cases you can see" }).getByRole("link");
  const caseNumber = (await caseLink.textContent()) ?? "";
  const caseHref = (await caseLink.getAttribute("href")) ?? "";
  expect(caseNumber).not.toBe("");

  await page.goto("/retention");
  const due = page.getByRole("table", { name: "Closed cases past the retention period" });
  await expect(due.getByRole("rowheader", { name: caseNumber })).toBeVisible();
  await a11y();
  await due.getByRole("button", { name: `Propose deleting ${caseNumber}` }).click();
  await expect(page.getByText(`Deleting ${caseNumber} has been proposed. A second chair or coordinator must now approve it.`)).toBeVisible();
  // The proposer cannot approve their own proposal.
  await expect(page.getByRole("button", { name: `Approve and delete ${caseNumber}` })).toHaveCount(0);
  await expect(page.getByText("You proposed this; another chair or coordinator must decide.")).toBeVisible();
  await a11y();

  const coordinator = await newPersonPage(browser);
  await signIn(coordinator, "coordinator@northshire.example");
  await coordinator.goto("/retention");
  await coordinator.getByRole("button", { name: `Approve and delete ${caseNumber}` }).click();
  await expect(coordinator.getByText(`${caseNumber} has been deleted. Its tombstone is listed below.`)).toBeVisible();
  const tombstones = coordinator.getByRole("table", { name: "Tombstones of deleted cases" });
  const tombstone = tombstones.getByRole("row").filter({ has: coordinator.getByRole("rowheader", { name: caseNumber }) });
  await expect(tombstone).toContainText("Retention period ended");
  await expect(tombstone).toContainText("DI Sarah Okafor"); // proposed by the chair
  await expect(tombstone).toContainText("Priya Nair"); // approved by the coordinator
  await expect(coordinator.getByRole("table", { name: "Closed cases past the retention period" }).getByRole("rowheader", { name: caseNumber })).toHaveCount(0);
  await a11y(coordinator);

  // The case itself is gone: its page is not found, and neither the list nor a search shows it.
  const gone = await page.goto(caseHref);
  expect(gone?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.goto(`/cases?q=${encodeURIComponent(RETENTION_VICTIM)}`);
  await expect(page.getByRole("status")).toHaveText("No cases match.");
  await page.goto(`/cases?q=${encodeURIComponent(caseNumber)}`);
  await expect(page.getByRole("status")).toHaveText("No cases match.");
  await page.goto("/cases?status=closed");
  await expect(page.getByRole("link", { name: caseNumber, exact: true })).toHaveCount(0);
  await page.goto("/retention");
  await expect(page.getByRole("table", { name: "Tombstones of deleted cases" }).getByRole("rowheader", { name: caseNumber })).toBeVisible();
});
