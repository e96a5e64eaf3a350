import { errorSummary, expect, PASSWORD, signIn, signOut, test, newPersonPage } from "./fixtures";

test("an admin adds an agency and proposes a user; a chair approves and hands over a one-time password; deactivating them shuts them out", async ({ page, browser, a11y }) => {
  test.slow(); // three people sign in and each page gets an axe scan
  await signIn(page, "admin@northshire.example");
  await page.goto("/admin/agencies");
  await a11y();
  await page.getByRole("link", { name: "Add an agency" }).click();
  await a11y();

  // A failed submit: the error summary links to each field and nothing is saved.
  await page.getByRole("button", { name: "Add agency" }).click();
  await expect(errorSummary(page)).toContainText("There is a problem");
  await expect(page.getByRole("link", { name: "Enter the agency name" })).toHaveAttribute("href", "#name");
  await expect(page.getByRole("link", { name: "Choose the type of agency" })).toHaveAttribute("href", "#type");
  await a11y();

  await page.getByLabel("Agency name").fill("Northshire Women's Refuge");
  await page.getByLabel("Type of agency").selectOption("idva");
  await page.getByRole("group", { name: "Is this agency a MARAC member?" }).getByLabel("Yes").check();
  await page.getByRole("button", { name: "Add agency" }).click();
  await expect(page.getByText("The agency has been added.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Northshire Women's Refuge" })).toBeVisible();

  // The admin proposes the user: there is no password to choose.
  await page.goto("/admin/users/new");
  await a11y();
  await expect(page.getByLabel("Password")).toHaveCount(0);
  await page.getByLabel("Full name").fill("Rita Refuge");
  await page.getByLabel("Email address").fill("rita@refuge.example");
  await page.getByLabel("Agency").selectOption({ label: "Northshire Women's Refuge" });
  await page.getByLabel("Role").selectOption("idva");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByText("A chair must approve this new user.")).toBeVisible();
  await page.goto("/admin/changes");
  await expect(page.getByRole("region", { name: "Add a user" }).filter({ hasText: "rita@refuge.example" })).toBeVisible();
  await a11y();

  // A chair sees the count, approves, and alone sees the one-time password.
  const chair = await newPersonPage(browser);
  await signIn(chair, "chair@northshire.example");
  await chair.getByRole("link", { name: /^Approvals \(\d+\)$/ }).click();
  await a11y(chair);
  await chair.getByRole("region", { name: "Add a user" }).filter({ hasText: "rita@refuge.example" }).getByRole("button", { name: /^Approve/ }).click();
  const oneTime = (await chair.getByTestId("one-time-password").textContent()) ?? "";
  expect(oneTime).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
  await a11y(chair);
  await chair.close();

  // Rita signs in once with it, is told who set it up, and must choose her own password.
  const rita = await newPersonPage(browser);
  await signIn(rita, "rita@refuge.example", oneTime);
  await expect(rita).toHaveURL(/\/choose-password/);
  await expect(rita.getByTestId("password-notice")).toContainText("Alex Morgan (administrator) asked for it and DI Sarah Okafor (chair) approved it");
  await a11y(rita);
  await rita.goto("/cases");
  await expect(rita).toHaveURL(/\/choose-password/);
  await rita.getByLabel("New password", { exact: true }).fill("refuge lantern morning 7");
  await rita.getByLabel("Confirm new password").fill("refuge lantern morning 7");
  await rita.getByRole("button", { name: "Save password and continue" }).click();
  await expect(rita.getByRole("heading", { name: "Welcome, Rita Refuge" })).toBeVisible();

  await page.goto("/admin/users");
  await page.getByRole("link", { name: "Rita Refuge" }).click();
  await a11y();
  await page.getByRole("group", { name: "Can this user sign in?" }).getByLabel("No").check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Your changes have been saved.")).toBeVisible();

  // Rita's very next request finds her session ended.
  await rita.goto("/account");
  await expect(rita).toHaveURL(/\/sign-in/);
  await signIn(rita, "rita@refuge.example", "refuge lantern morning 7");
  await expect(errorSummary(rita)).toContainText("The email address or password is not correct.");
  await rita.close();
});

test("Immigration Enforcement cannot be made a MARAC member", async ({ page }) => {
  await signIn(page, "admin@northshire.example");
  await page.goto("/admin/agencies");
  await page.getByRole("link", { name: "Immigration Enforcement", exact: true }).click();
  await page.getByRole("group", { name: "Is this agency a MARAC member?" }).getByLabel("Yes").check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(errorSummary(page)).toContainText("Immigration Enforcement cannot be a MARAC member agency");
  await page.getByRole("group", { name: "Is this agency a MARAC member?" }).getByLabel("No").check();
  await page.getByLabel("Type of agency").selectOption("by_and_for");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(errorSummary(page)).toContainText("Immigration Enforcement keeps its type");
});

test("an admin changes the MARAC settings, with bad numbers refused", async ({ page, a11y }) => {
  await signIn(page, "admin@northshire.example");
  await page.goto("/admin/settings");
  await a11y();
  await page.getByLabel("Dash threshold for visible high risk").fill("30");
  await page.getByLabel("Police-reported incidents for potential escalation").fill("three");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("link", { name: "The Dash threshold must be 24 or fewer" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Enter the potential escalation incident count as a whole number" })).toBeVisible();
  await a11y();
  await page.getByLabel("Dash threshold for visible high risk").fill("17");
  await page.getByLabel("Police-reported incidents for potential escalation").fill("5");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("The MARAC settings have been saved.")).toBeVisible();
  await page.goto("/");
  await expect(page.getByText("17 or more “yes” answers")).toBeVisible();
  await page.goto("/admin/audit");
  await expect(page.getByRole("cell", { name: "settings.updated (settings)" }).first()).toBeVisible();
  await a11y();
});

test("a user changes their own password, which needs the current one", async ({ page, a11y }) => {
  await signIn(page, "e2e.password@northshire.example");
  await page.goto("/account/password");
  await a11y();
  await page.getByLabel("Current password", { exact: true }).fill("not my password");
  await page.getByLabel("New password", { exact: true }).fill("kestrel meadow copper 5");
  await page.getByLabel("Confirm new password").fill("kestrel meadow copper 5");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("link", { name: "Your current password is not correct" })).toBeVisible();
  await a11y();
  await page.getByLabel("Current password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill("kestrel meadow copper 5");
  await page.getByLabel("Confirm new password").fill("kestrel meadow copper 5");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password has been changed.")).toBeVisible();
  await signOut(page);
  await signIn(page, "e2e.password@northshire.example", "kestrel meadow copper 5");
  await expect(page.getByRole("heading", { name: "Welcome, Password Tester" })).toBeVisible();
});
