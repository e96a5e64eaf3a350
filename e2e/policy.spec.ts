import { expect, errorSummary, newPersonPage, signIn, test } from "./fixtures";

/**
 * The sharing policy in the open (issue 11 sections 3 and 4). The policy change is reverted within
 * the test, so the specs that run after it see the same sharing (under a later version).
 */

test("a housing officer reads what Northshire Homes is shared and why, and the protocol in print", async ({ page, a11y }) => {
  await signIn(page, "housing@northshire.example");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sharing policy" }).click();
  await expect(page.getByRole("heading", { name: "What Northshire Homes is shared" })).toBeVisible();
  const main = page.getByRole("main");
  await expect(main.getByRole("definition").filter({ hasText: "Shared: this is the default for housing agencies." }).first()).toBeVisible();
  await expect(main).toContainText("Health information");
  await expect(main).toContainText("Immigration information is never shared with Immigration Enforcement");
  await expect(main).toContainText("Where the victim has asked for a category not to be shared");
  await a11y();

  await page.getByRole("link", { name: "Read the information-sharing protocol" }).click();
  await expect(page.getByRole("heading", { name: "Information-sharing protocol" })).toBeVisible();
  await expect(page.getByRole("region", { name: /Immigration Enforcement/ })).toContainText(/Shared\s*Nothing/);
  await expect(page.getByRole("main")).toContainText("Article 9(2)(g)");
  await a11y();

  await page.emulateMedia({ media: "print" });
  await expect(page.getByText("OFFICIAL", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Print the protocol" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });

  const pdf = await page.request.get("/policy/isp.pdf");
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
});

test("Immigration Enforcement sees that it is shared nothing, and is refused the protocol", async ({ page, a11y }) => {
  await signIn(page, "ie@northshire.example");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sharing policy" }).click();
  await expect(page.getByRole("main")).toContainText("Never shared: a hard rule that no policy can change.");
  await expect(page.getByRole("link", { name: "Read the information-sharing protocol" })).toHaveCount(0);
  await a11y();
  expect((await page.goto("/policy/isp"))?.status()).toBe(403);
  expect((await page.request.get("/policy/isp.pdf")).status()).toBe(403);
});

test("the admin proposes a change to one agency, a chair approves it, and a new version is in force", async ({ page, browser, a11y }) => {
  test.slow();
  await signIn(page, "admin@northshire.example");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sharing policy" }).click();
  await expect(page.getByRole("heading", { name: "Change the sharing policy" })).toBeVisible();
  await a11y();

  // A hard rule cannot be proposed: the error says which.
  await page.getByRole("link", { name: "Propose a change for Immigration Enforcement" }).click();
  await page.getByLabel("A row of its own").check();
  await page.getByRole("checkbox", { name: "Immigration" }).check();
  await page.getByRole("button", { name: "Propose this change" }).click();
  await expect(errorSummary(page)).toContainText("breaks hard rule hard_rule_5_3 (Immigration information is never shared with Immigration Enforcement)");
  await a11y();

  // Probation is given children information; the form shows the diff before it is proposed.
  await page.goto("/admin/policy");
  const version = Number((await page.getByRole("main").getByText(/Sharing policy version \d+ is in force/).textContent())?.match(/version (\d+)/)?.[1]);
  await page.getByRole("link", { name: "Propose a change for Probation Service, Northshire" }).click();
  await page.getByLabel("A row of its own").check();
  await page.getByRole("checkbox", { name: "Children" }).check();
  await expect(page.getByRole("region", { name: `Change against version ${version}, in force now` })).toContainText("Children information: not shared now; would be shared");
  await a11y();
  await page.getByRole("button", { name: "Propose this change" }).click();
  await expect(page.getByText("Your change to the sharing policy has been proposed.")).toBeVisible();
  await expect(page.getByRole("main")).toContainText("Children information");

  const chair = await newPersonPage(browser);
  await signIn(chair, "chair@northshire.example");
  await chair.goto("/approvals");
  const proposal = chair.getByRole("region", { name: /Change what an agency is shared/ }).filter({ hasText: "Probation Service, Northshire" });
  await expect(proposal).toContainText("Not shared now; would be shared");
  await expect(proposal).toContainText(`${version} now in force; approving starts version ${version + 1}`);
  await a11y(chair);
  await proposal.getByRole("button", { name: /^Approve/ }).click();
  await expect(chair.getByText("The change has been approved.")).toBeVisible();

  const probation = await newPersonPage(browser);
  await signIn(probation, "probation@northshire.example");
  await probation.goto("/policy");
  await expect(probation.getByRole("main")).toContainText(`version ${version + 1}`);
  await expect(probation.getByRole("main")).toContainText("Shared: the policy has a row of its own for your agency.");
  await probation.close();

  // Back to the type default (another approved version), so later specs see the usual sharing.
  await page.goto("/admin/policy");
  await page.getByRole("link", { name: "Propose a change for Probation Service, Northshire" }).click();
  await page.getByLabel("Follow the default for probation agencies").check();
  await page.getByRole("button", { name: "Propose this change" }).click();
  await expect(page.getByText("Your change to the sharing policy has been proposed.")).toBeVisible();
  await chair.goto("/approvals");
  await chair.getByRole("region", { name: /Change what an agency is shared/ }).filter({ hasText: "Probation Service, Northshire" }).getByRole("button", { name: /^Approve/ }).click();
  await expect(chair.getByText("The change has been approved.")).toBeVisible();
  await chair.goto("/policy/isp");
  await expect(chair.getByRole("table", { name: /Every version/ })).toContainText(`${version + 2}`);
  await a11y(chair);
  await chair.close();
});
