import { errorSummary, expect, newPersonPage, shoot, signIn, test } from "./fixtures";

test("the coordinator declines a referral with a reason the referring agency then sees", async ({ browser, a11y }) => {
  test.slow(); // two people sign in and six pages get an axe scan: about 30 s here, the default limit
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
  test.slow(); // two people and several axe scans: 24 s of the default 30 in a full run
  const idva = await newPersonPage(browser);
  await signIn(idva, "idva@northshire.example");
  // The demo IDVA flagged Parveen Akhtar's first referral (2025).
  await idva.goto("/cases?q=Parveen");
  await idva.getByRole("link", { name: /NS-2025-/ }).first().click();
  await expect(idva).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  const url = idva.url();
  await expect(idva.getByRole("region", { name: "Risk factors flagged" })).toContainText("The abuser uses the victim's immigration status to control them");
  // Flagging is its own page; the note is required and says so.
  await idva.getByRole("link", { name: "Flag a risk factor" }).click();
  await expect(idva.getByRole("heading", { level: 1, name: "Flag a risk factor" })).toBeVisible();
  await idva.getByLabel("Risk factor").selectOption({ label: "Threats to kill the victim, the children or someone else" });
  await idva.getByRole("button", { name: "Add flag" }).click();
  await expect(idva.getByRole("alert").getByRole("link", { name: "Add a note saying what you know of this risk" })).toBeVisible();
  await a11y(idva);
  await shoot(idva, "flag-page");
  await idva.getByLabel("Note (required)").fill("Said on 2 November he would kill her if she left.");
  await idva.getByRole("button", { name: "Add flag" }).click();
  await expect(idva).toHaveURL(/\?saved=flag#flags$/);
  await expect(idva.getByText("The risk factor has been flagged.")).toBeVisible();
  await a11y(idva);

  // A withdrawal without a reason shows its error, and the earlier success banner goes.
  await idva.getByRole("button", { name: "Withdraw flag" }).first().click();
  await expect(idva.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expect(idva.getByText("The risk factor has been flagged.")).toBeHidden();

  const housing = await newPersonPage(browser);
  await signIn(housing, "housing@northshire.example");
  await housing.goto(url);
  const flags = housing.getByRole("region", { name: "Risk factors flagged" });
  await expect(flags).toContainText("Threats to kill");
  await expect(flags).not.toContainText("immigration status");
  await expect(flags).not.toContainText("Pregnancy");
  await expect(housing.getByText("Home Office will deport her")).toHaveCount(0);
  await expect(housing.getByRole("link", { name: "Flag a risk factor" })).toHaveCount(0);
  await a11y(housing);
});
