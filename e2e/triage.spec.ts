import { errorSummary, expect, signIn, test, newPersonPage } from "./fixtures";

test("the coordinator declines a referral with a reason the referring agency then sees", async ({ browser, a11y }) => {
  const coordinator = await newPersonPage(browser);
  await signIn(coordinator, "coordinator@northshire.example");
  await coordinator.goto("/triage");
  await a11y(coordinator);
  const row = coordinator.getByRole("row").filter({ hasText: "Northshire Homes" }).first();
  const caseNumber = (await row.getByRole("link", { name: /^NS-\d{4}-\d{4}$/ }).innerText()).trim();
  const caseHref = (await row.getByRole("link", { name: caseNumber, exact: true }).getAttribute("href")) ?? "";
  await coordinator.getByRole("link", { name: `Decline ${caseNumber}` }).click();
  await a11y(coordinator);
  await coordinator.getByRole("button", { name: "Decline referral" }).click();
  await expect(errorSummary(coordinator)).toContainText("Give the reason for declining");
  await a11y(coordinator);
  await coordinator.getByLabel("Why is this referral being declined?").fill("The Dash was completed without the victim; please complete it with her and refer again.");
  await coordinator.getByRole("button", { name: "Decline referral" }).click();
  await expect(coordinator.getByText(`${caseNumber} has been declined.`)).toBeVisible();
  await expect(coordinator.getByRole("link", { name: caseNumber })).toHaveCount(0);
  // The reason reaches the referring agency once a case holder has reviewed it (decision 042).
  await coordinator.goto(`/review/${caseHref.split("/").pop()}?text=decline`);
  await expect(coordinator.getByRole("heading", { name: "Review: Reason for declining the referral" })).toBeVisible();
  await a11y(coordinator);
  await coordinator.getByRole("button", { name: "Confirm all suggestions" }).click();
  await expect(coordinator.getByText("All suggestions have been confirmed.")).toBeVisible();

  const housing = await newPersonPage(browser);
  await signIn(housing, "housing@northshire.example");
  await housing.goto(`/cases?q=${caseNumber}`);
  await housing.getByRole("link", { name: caseNumber }).click();
  await expect(housing.getByText("This referral was declined")).toBeVisible();
  await expect(housing.getByText("please complete it with her and refer again")).toBeVisible();
  await a11y(housing);
});

test("the IDVA flags risk factors; an agency sees only the flags its policy allows", async ({ browser, a11y }) => {
  const idva = await newPersonPage(browser);
  await signIn(idva, "idva@northshire.example");
  // The demo IDVA flagged Parveen Akhtar's first referral (2025).
  await idva.goto("/cases?q=Parveen");
  await idva.getByRole("link", { name: /NS-2025-/ }).first().click();
  await expect(idva).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  const url = idva.url();
  await expect(idva.getByRole("region", { name: "Risk factors flagged" })).toContainText("The abuser uses the victim's immigration status to control them");
  await idva.getByLabel("Flag a risk factor").selectOption({ label: "Threats to kill the victim, the children or someone else" });
  await idva.getByLabel("Note").fill("Said on 2 November he would kill her if she left.");
  await idva.getByRole("button", { name: "Add flag" }).click();
  await expect(idva.getByText("The risk factor has been flagged.")).toBeVisible();
  await a11y(idva);

  const housing = await newPersonPage(browser);
  await signIn(housing, "housing@northshire.example");
  await housing.goto(url);
  const flags = housing.getByRole("region", { name: "Risk factors flagged" });
  await expect(flags).toContainText("Threats to kill");
  await expect(flags).not.toContainText("immigration status");
  await expect(flags).not.toContainText("Pregnancy");
  await expect(housing.getByText("Home Office will deport her")).toHaveCount(0);
  await expect(housing.getByRole("button", { name: "Add flag" })).toHaveCount(0);
  await a11y(housing);
});
