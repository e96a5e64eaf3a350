import type { Page } from "@playwright/test";
import { BASE_URL, errorSummary, expect, newPersonPage, signIn, signOut, test } from "./fixtures";
import { startLoopbackIdp } from "./loopback-idp";
import { E2E_SSO } from "./markers";

// One identity provider on loopback for the whole file; the first test sets the agencies up.
test.describe.configure({ mode: "serial" });

let idp: Awaited<ReturnType<typeof startLoopbackIdp>>;
let callbackUrl = "";

test.beforeAll(async () => {
  idp = await startLoopbackIdp();
});
test.afterAll(async () => {
  await idp.close();
});

/** The admin proposes an agency's identity provider on its page; returns the agency id. */
async function propose(page: Page, agencyName: string, issuer: string, domain: string): Promise<string> {
  await page.goto("/admin/agencies");
  await page.getByRole("link", { name: agencyName, exact: true }).click();
  await page.getByRole("link", { name: /Single sign-on/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Single sign-on for ${agencyName}`);
  const agencyId = new URL(page.url()).pathname.split("/")[3] ?? "";
  await page.getByLabel("Issuer URL").fill(issuer);
  await page.getByLabel("Client ID").fill(`marac-desk-${agencyId}`);
  await page.getByLabel("Client secret").fill(`secret-${agencyId}`);
  await page.getByLabel("Email domains it signs in").fill(domain);
  await page.getByRole("button", { name: "Propose for a chair's approval" }).click();
  await expect(page.getByText("A chair must approve this")).toBeVisible();
  return agencyId;
}

/** From the SSO page through the provider's own login and consent pages, as whoever `login` names there. */
async function throughProvider(page: Page, typedEmail: string, login: string): Promise<void> {
  await page.goto("/sign-in/sso");
  await page.getByLabel("Work email address").fill(typedEmail);
  await page.getByRole("button", { name: "Continue to your agency's sign-in" }).click();
  await page.waitForURL((url) => url.port === String(idp.port));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password at the provider");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

async function expectRefused(page: Page, text: string | RegExp): Promise<void> {
  await expect(page).toHaveURL(/\/sign-in\/sso\?error=/);
  await expect(page.getByRole("alert", { name: "You are not signed in" })).toContainText(text);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
}

test("an admin proposes each agency's identity provider and a chair approves it", async ({ page, browser, a11y }) => {
  await signIn(page, "admin@northshire.example");
  const police = await propose(page, E2E_SSO.agency.name, idp.issuer, E2E_SSO.agency.domain);
  await a11y();
  // Configured as localhost, while the provider calls itself 127.0.0.1: the wrong issuer.
  const housing = await propose(page, E2E_SSO.wrongIssuerAgency.name, `http://localhost:${idp.port}`, E2E_SSO.wrongIssuerAgency.domain);
  await expect(page.getByText("waiting for a chair's approval")).toBeVisible();

  const chair = await newPersonPage(browser);
  await signIn(chair, "chair@northshire.example");
  await chair.goto("/approvals");
  for (const name of [E2E_SSO.agency.name, E2E_SSO.wrongIssuerAgency.name]) {
    const proposal = chair.getByRole("region", { name: "Set an agency's single sign-on" }).filter({ hasText: name });
    await expect(proposal).not.toContainText("secret-");
    await proposal.getByRole("button", { name: /^Approve/ }).click();
    await expect(proposal).toHaveCount(0);
  }
  await chair.close();

  await page.goto(`/admin/agencies/${police}/sign-in`);
  await expect(page.getByRole("definition").filter({ hasText: E2E_SSO.agency.domain })).toBeVisible();
  await a11y();
  idp.register(
    [police, housing].map((id) => ({ client_id: `marac-desk-${id}`, client_secret: `secret-${id}`, redirect_uris: [`${BASE_URL}/api/auth/callback/agency-${id}`] })),
  );
});

test("a user the admin added signs in through the agency's provider, with the role the admin gave", async ({ page, a11y }) => {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Sign in through your agency's account instead" }).click();
  await a11y();
  page.on("request", (req) => {
    if (req.url().includes("/api/auth/callback/")) callbackUrl = req.url();
  });
  await throughProvider(page, E2E_SSO.officer.email, E2E_SSO.officer.email);
  await expect(page).not.toHaveURL(/\/sign-in/);
  await page.goto("/account/sessions");
  await expect(page.getByTestId("session-row").filter({ hasText: "(this session)" })).toHaveCount(1);
  await signOut(page);
  expect(callbackUrl).toContain("state=");
});

test("a replayed callback, with its old state, signs nobody in", async ({ page }) => {
  // A new sign-in is under way in this browser, then the earlier callback address is sent again.
  await page.goto("/sign-in/sso");
  await page.getByLabel("Work email address").fill(E2E_SSO.officer.email);
  await page.getByRole("button", { name: "Continue to your agency's sign-in" }).click();
  await page.waitForURL((url) => url.port === String(idp.port));
  await page.goto(callbackUrl);
  await expectRefused(page, "did not work");
});

test("an email domain the agency does not allow is refused", async ({ page, a11y }) => {
  await throughProvider(page, E2E_SSO.officer.email, "sam.officer@elsewhere.example");
  await expectRefused(page, "does not accept for that agency");
  await page.goto("/sign-in/sso?error=domain_not_allowed");
  await a11y();
});

test("nobody is created for an unknown email, and a deactivated user cannot sign in", async ({ page }) => {
  await throughProvider(page, E2E_SSO.officer.email, `nobody@${E2E_SSO.agency.domain}`);
  await expectRefused(page, "no active MARAC Desk account");
  await page.context().clearCookies();
  await throughProvider(page, E2E_SSO.leaver.email, E2E_SSO.leaver.email);
  await expectRefused(page, "no active MARAC Desk account");
});

test("a provider that names another issuer is refused before anyone signs in", async ({ page, a11y }) => {
  await page.goto("/sign-in/sso");
  await page.getByLabel("Work email address").fill(E2E_SSO.colleague.email);
  await page.getByRole("button", { name: "Continue to your agency's sign-in" }).click();
  // Refused on the form, or by Auth.js (which names every such failure "Configuration"): nobody is signed in.
  await expect(page.getByRole("alert").filter({ hasText: /did not identify itself|did not work/ }).first()).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in\/sso/);
  await a11y();
  // And the agency's users no longer sign in with a password.
  await signIn(page, E2E_SSO.colleague.email);
  await expect(errorSummary(page)).toBeVisible();
});
